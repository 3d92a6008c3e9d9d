"""Keras models opened by lstm_core.keras_io equal Keras itself: every recurrent layer's output sequence
and the prediction, within 1e-5, for each supported shape and each file format Keras writes."""

import json
import os

import h5py
import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "torch")  # before the first import of keras
pytest.importorskip("keras")  # the test-only oracle (pyproject's dev extra)

from lstm_core import keras_io  # noqa: E402
from lstm_core.errors import UserInputError  # noqa: E402
from tests import keras_models  # noqa: E402

TOL = 1e-5
FORMATS = ("keras", "legacy_h5", "weights_json", "keras2_h5", "keras2_weights_json")


def _save(model, fmt, tmp_path) -> tuple[bytes, bytes | None]:
    path = tmp_path / "model"
    if fmt == "keras":
        model.save(f"{path}.keras")
        return open(f"{path}.keras", "rb").read(), None
    if fmt == "legacy_h5":
        model.save(f"{path}.h5")  # Keras 3's legacy saver
        return open(f"{path}.h5", "rb").read(), None
    if fmt == "weights_json":
        model.save_weights(f"{path}.weights.h5")
        return open(f"{path}.weights.h5", "rb").read(), model.to_json().encode()
    config = keras_models.write_keras2_h5(model, f"{path}.h5", weights_only=fmt == "keras2_weights_json")
    return open(f"{path}.h5", "rb").read(), json.dumps(config).encode() if fmt == "keras2_weights_json" else None


@pytest.fixture(scope="module", params=keras_models.SHAPES)
def shape(request):
    seed = keras_models.SHAPES.index(request.param)
    model, x = keras_models.build(request.param, seed=seed)
    # a file that Keras 2 wrote means Keras 2's hard_sigmoid: its oracle is the same model with that activation
    twin = model
    if request.param in keras_models.HARD_SIGMOID:
        twin, _ = keras_models.build(request.param, seed=seed, hard_sigmoid=keras_models.keras2_hard_sigmoid)
    return (
        model,
        x,
        {
            "3": (model.predict(x, verbose=0), keras_models.recurrent_outputs(model, x)),
            "2": (twin.predict(x, verbose=0), keras_models.recurrent_outputs(twin, x)),
        },
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_recurrent_layer_and_the_prediction_equal_keras(shape, fmt, tmp_path):
    model, x, oracle = shape
    prediction, outputs = oracle["2" if fmt.startswith("keras2") else "3"]
    data, config = _save(model, fmt, tmp_path)
    loaded = keras_io.load(data, config)
    run = loaded.run(x)
    assert len(run.outputs) == len(outputs)
    for ours, theirs in zip(run.outputs, outputs, strict=True):
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(ours, theirs, atol=TOL, rtol=0)
    assert run.prediction.shape == prediction.shape
    np.testing.assert_allclose(run.prediction, prediction, atol=TOL, rtol=0)


def test_the_explorer_stack_is_the_keras_stack():
    """The one multi-layer Recorder the explorer traces computes the same sequences as the layers run one by one."""
    model, x = keras_models.build("bidirectional_stack", seed=3)
    loaded = keras_io.load(_bytes(model))
    recorder, traced = loaded.stacked_recorder()
    assert traced == 2 and recorder.bidirectional and recorder.num_layers == 2
    trace = recorder.record(loaded.embed(x).swapaxes(0, 1))
    first = keras_models.recurrent_outputs(model, x)[0]
    np.testing.assert_allclose(np.concatenate([d["h"] for d in trace.records[0]], -1).swapaxes(0, 1), first, atol=TOL, rtol=0)


def test_hard_sigmoid_is_keras_2_s_or_keras_3_s_as_the_file_says_and_unknown_is_refused(tmp_path):
    model, x = keras_models.build("hard_sigmoid", seed=7)
    keras3 = keras_io.load(_bytes(model))
    assert keras3.recurrent[0].recorder.gate_activation == "hard_sigmoid_keras3"
    config = keras_models.write_keras2_h5(model, tmp_path / "w.h5", weights_only=True)
    keras2 = keras_io.load((tmp_path / "w.h5").read_bytes(), json.dumps(config).encode())
    assert keras2.recurrent[0].recorder.gate_activation == "hard_sigmoid_keras2"
    assert np.abs(keras2.run(x).prediction - keras3.run(x).prediction).max() > 1e-3  # the two really differ
    with h5py.File(tmp_path / "w.h5", "a") as f:
        del f.attrs["keras_version"]  # neither the weights nor the config says which Keras wrote them
    config.pop("keras_version", None)
    with pytest.raises(UserInputError) as info:
        keras_io.load((tmp_path / "w.h5").read_bytes(), json.dumps(config).encode())
    assert "hard_sigmoid" in info.value.params["setting"]


def test_a_stack_of_different_kinds_is_traced_as_far_as_one_kind_goes():
    model, _ = keras_models.build("no_bias_mixed")
    recorder, traced = keras_io.load(_bytes(model)).stacked_recorder()
    assert (recorder.kind, traced, len(keras_io.load(_bytes(model)).recurrent)) == ("lstm", 1, 3)


def _bytes(model, suffix=".keras") -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/m{suffix}"
        model.save(path)
        return open(path, "rb").read()


def _refusal(layers, suffix=".keras"):
    k = keras_models.keras()
    model = keras_models.randomise(k.Sequential(layers), 0)
    with pytest.raises(UserInputError) as info:
        keras_io.load(_bytes(model, suffix))
    return info.value


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_what_the_recorder_cannot_compute_is_refused_by_name(suffix):
    k = keras_models.keras()
    L = k.layers
    cases = [
        (L.LSTM(3, recurrent_activation="tanh"), "recurrent_activation=tanh"),
        (L.LSTM(3, activation="relu"), "activation=relu"),
        (L.SimpleRNN(3, activation="sigmoid"), "activation=sigmoid"),
    ]
    for layer, setting in cases:
        err = _refusal([k.Input((None, 2)), layer], suffix)
        assert err.key == "keras.err_setting" and err.params["setting"] == setting


def test_lambda_and_unknown_layers_are_refused_by_name_and_never_run(tmp_path):
    k = keras_models.keras()
    L = k.layers
    ran = []
    k.config.enable_unsafe_deserialization()  # so that Keras itself *would* run it: we must not
    lam = L.Lambda(lambda v: ran.append(1) or v)
    ran.clear()
    model = k.Sequential([k.Input((None, 2)), lam, L.LSTM(3)])
    ran.clear()
    err = None
    try:
        keras_io.load(_bytes(model))
    except UserInputError as exc:
        err = exc
    assert err is not None and err.key == "keras.err_layer" and err.params["layer"] == "Lambda" and not ran
    err = _refusal([k.Input((None, 2)), L.LSTM(3, return_sequences=True), L.GlobalAveragePooling1D(), L.Dense(1)])
    assert err.params["layer"] == "GlobalAveragePooling1D"
    err = _refusal([k.Input((None, 2)), L.Masking(), L.LSTM(3)])
    assert err.key == "keras.err_masking"


def test_functional_models_are_refused_by_name():
    k = keras_models.keras()
    inputs = k.Input((None, 2))
    model = k.Model(inputs, k.layers.Dense(1)(k.layers.LSTM(3)(inputs)))
    with pytest.raises(UserInputError) as info:
        keras_io.load(_bytes(model))
    assert info.value.key == "keras.err_not_sequential" and info.value.params["name"] == "Functional"


def test_mask_zero_padding_is_refused_where_keras_would_skip_it():
    model, x = keras_models.build("bidirectional_stack")
    loaded = keras_io.load(_bytes(model))
    assert loaded.mask_zero
    padded = np.concatenate([np.zeros((3, 2), "int32"), x], axis=1)
    with pytest.raises(UserInputError) as info:
        loaded.run(padded)
    assert info.value.key == "keras.err_masked"
    # without padding the mask is all ones: Keras and the recorder agree (the oracle test above)


def test_keras_2_2_list_config_and_unit_forget_bias_as_stored(tmp_path):
    """Keras 2.0-2.2 wrote a Sequential's config as the bare layer list; a bias is read as stored
    (unit_forget_bias only set its starting value to 1)."""
    k = keras_models.keras()
    model = keras_models.randomise(k.Sequential([k.Input((None, 2)), k.layers.LSTM(3, unit_forget_bias=True)]), 5)
    config = keras_models.write_keras2_h5(model, tmp_path / "m.h5")
    config["config"] = config["config"]["layers"]
    loaded = keras_io.load((tmp_path / "m.h5").read_bytes(), None)
    old_style = keras_io.load(_rewrite_config(tmp_path / "m.h5", config), None)
    x = np.random.default_rng(1).normal(size=(2, 5, 2)).astype("float32")
    for each in (loaded, old_style):
        np.testing.assert_allclose(each.run(x).prediction, model.predict(x, verbose=0), atol=TOL, rtol=0)
    bias = model.layers[0].get_weights()[2]
    np.testing.assert_array_equal(loaded.recurrent[0].recorder.layers[0][0].b_ih, bias)


def _rewrite_config(path, config) -> bytes:
    import h5py

    with h5py.File(path, "a") as f:
        f.attrs["model_config"] = json.dumps(config)
    return path.read_bytes()
