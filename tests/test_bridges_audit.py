"""The bridges to and from Keras, audited: the exported Keras twins, Keras files opened in the explorer, and
the sentences that map Keras's names onto the app's. Keras (test-only) runs on its torch backend."""

import importlib.util
import math
import os
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lstm_core import export_code, keras_io
from lstm_core.errors import UserInputError
from ui import keras_files
from ui.handoff import KEY
from ui.i18n import translate

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "explorer.py")


def _keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")  # before the first import of keras
    return pytest.importorskip("keras")


def _saved(model, tmp_path, ext) -> bytes:
    path = tmp_path / f"m.{ext}"
    model.save(path)
    return path.read_bytes()


def _randomised(model, seed=0):
    """Every weight drawn from our own generator (Keras starts biases at 0, which would hide a misplaced one)."""
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        if weights := layer.get_weights():
            layer.set_weights([rng.uniform(-0.8, 0.8, w.shape).astype(w.dtype) for w in weights])
    return model


# --- the exported Keras twins ------------------------------------------------------------------


def test_the_keras_forecaster_starts_from_the_pytorch_script_s_rule(tmp_path):
    """The twin trained another model: Keras's defaults (glorot_uniform kernels, orthogonal recurrent kernels, a
    forget-gate bias of 1, Adam's epsilon 1e-7) where the page and the PyTorch script start every weight and bias
    from U(-1/√H, 1/√H) with epsilon 1e-8. Its airline RMSE (47.5 against seasonal naive's 42.0) was read as the
    same model's."""
    keras = _keras()
    from lstm_core import forecasting

    units = 5
    path = tmp_path / "twin_forecaster.py"
    path.write_text(
        export_code.forecaster_script(
            forecasting.ForecastConfig(layers=2, units=units, seed=3), export_code.FORECAST_KERAS_SCRIPT_NAME
        )
    )
    spec = importlib.util.spec_from_file_location("twin_forecaster", path)
    twin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(twin)  # its main() runs only as a script
    keras.utils.set_random_seed(3)
    model = twin.build()
    bound = 1 / math.sqrt(units)
    lstms = [layer for layer in model.layers if isinstance(layer, keras.layers.LSTM)]
    assert len(lstms) == 2
    for layer in model.layers:
        for weight in layer.get_weights():
            assert np.abs(weight).max() <= bound + 1e-7, layer.name  # glorot's kernel reached 0.53, Dense's 1.0
            assert (weight.std() if weight.size > 1 else abs(weight.item())) > bound / 100, layer.name  # drawn, not zeros
    for layer in lstms:
        forget = layer.get_weights()[2][units : 2 * units]  # Keras's gate order i, f, c, o
        assert not np.allclose(forget, 1.0)  # unit_forget_bias would set it to 1
    assert model.optimizer.epsilon == pytest.approx(1e-8)  # torch.optim.Adam's


def test_the_twins_are_not_called_the_same_run():
    """A Keras twin draws its own random numbers: its result is not the page's run, and the page must not say it
    is (the forecaster's twin ended above seasonal naive where the page's run beat it)."""
    for key in ("train.get_code_help", "forecast.get_code_help"):
        for lang, phrase in (("en", "same run"), ("zh", "同一次运行")):
            text = translate(key, lang)
            assert phrase not in text and "Keras 3" in text
    # the caption under the button named "the script" as needing numpy and torch alone: the Keras one needs keras
    assert translate("train.get_code_caption", "en").startswith("The PyTorch script does not need LSTM Lab")
    assert translate("train.get_code_caption", "zh").startswith("PyTorch 脚本不需要 LSTM 实验室")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(the same run" not in readme and "the same run in Keras" not in readme
    lessons = (ROOT / "ui" / "strings" / "lessons.py").read_text(encoding="utf-8")
    assert "(the same run in" not in lessons and "同一次运行的 Keras" not in lessons


def test_the_keras_classifier_names_the_baseline_of_a_sequence_set_too():
    """On a sequence set (parity, digits...) the page's baseline is the time-average one, not bag-of-words, and
    there are no words whose order it could miss."""
    settings = {"kind": "gru", "embedding_size": 8, "hidden_size": 6, "num_layers": 1, "bidirectional": False}
    from lstm_core.training import TrainConfig

    script = export_code.script({**settings, "dropout": 0.0, "seed": 1}, TrainConfig(), export_code.KERAS_SCRIPT_NAME)
    assert "bag-of-words model" not in script and "word order" not in script
    assert "time-averaged features for numbers" in script and "word counts for text" in script


# --- Keras files in the explorer -----------------------------------------------------------------


@pytest.mark.parametrize("ext", ["keras", "h5"])
def test_a_dense_only_model_is_told_it_has_no_recurrent_layer(tmp_path, ext):
    """A learner's first Keras model is often Dense only: it was told to give its input a time axis
    (keras.err_input_unknown), which it never needed."""
    keras = _keras()
    L = keras.layers
    dense = keras.Sequential([keras.Input((15,)), L.Dense(4, activation="relu"), L.Dense(1)])
    with pytest.raises(UserInputError) as info:
        keras_io.load(_saved(dense, tmp_path, ext))
    assert info.value.key == "keras.err_no_recurrent"
    conv = keras.Sequential([keras.Input((None, 1)), L.Conv1D(4, 3), L.LSTM(4), L.Dense(1)])
    with pytest.raises(UserInputError) as info:
        keras_io.load(_saved(conv, tmp_path, ext))
    assert info.value.key == "keras.err_layer" and info.value.params["layer"] == "Conv1D"  # named, as before


@pytest.mark.parametrize("reset_after", [True, False])
def test_the_notation_note_is_true_of_both_keras_grus(tmp_path, reset_after):
    """The note said "a GRU keeps both" biases; a reset_after=False GRU (Keras 2.2's default) has one, and its
    equations show b_h· = 0 beside h."""
    keras = _keras()
    L = keras.layers
    model = _randomised(keras.Sequential([keras.Input((None, 1)), L.GRU(3, reset_after=reset_after), L.Dense(1)]))
    opened = keras_io.load(_saved(model, tmp_path, "keras"))
    b_hh = opened.recurrent[0].recorder.layers[0][0].b_hh
    assert np.any(b_hh != 0) == reset_after
    x = np.linspace(-1, 1, 7, dtype=np.float32)[None, :, None]
    np.testing.assert_allclose(opened.run(x).prediction, model.predict(x, verbose=0), atol=1e-5)
    en, zh = translate("keras.note_notation", "en"), translate("keras.note_notation", "zh")
    assert "a GRU keeps both" not in en and "（GRU 两个都有）" not in zh
    assert "GRU with reset_after=False have one bias" in en and "reset_after=True, Keras 3's default, keeps both" in en
    assert "reset_after=False 的 GRU 只有一个偏置" in zh and "reset_after=True 的 GRU" in zh


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_return_sequences_model_s_prediction_is_named_as_the_last_step_s(tmp_path, lang):
    """LSTM(return_sequences=True) -> Dense predicts at every step; the page showed the last step's value as "the
    prediction for this input", which the learner's model.predict returns as a (1, T, 1) array."""
    keras = _keras()
    L = keras.layers
    model = _randomised(keras.Sequential([keras.Input((None, 1)), L.LSTM(4, return_sequences=True), L.Dense(1)]), 2)
    trained = keras_files.load_files([("per_step.keras", _saved(model, tmp_path, "keras"))])
    numbers = [0.0, 1.0, 0.5, -1.0]
    theirs = model.predict(np.array(numbers, np.float32)[None, :, None], verbose=0)  # (1, T, 1)
    at = AppTest.from_file(PAGE, default_timeout=90)
    for key, value in {"source": "trained", "mode": "numbers", "numbers": ", ".join(map(str, numbers)), "lang": lang}.items():
        at.query_params[key] = value
    at.session_state[KEY] = trained
    at.run()
    assert not at.exception and not at.error
    infos = " ".join(str(e.value) for e in at.info)
    assert translate("keras.note_prediction_last", lang, values=f"{theirs[0, -1, 0]:.4f}") in infos
    plain = translate("keras.note_prediction", lang, values="")[:-1]
    assert plain not in infos  # the unqualified sentence, which read as the whole model's one output


@pytest.mark.claims
@pytest.mark.parametrize(("layers", "units"), [(1, 32), (2, 16)])
def test_the_forecasters_parameter_count_is_torchs_and_keras_counts_one_bias_fewer_per_gate(layers, units):
    """/forecast's caption gave PyTorch's count alone, which a learner's Keras model.summary() of the
    same model (the exported twin) contradicts: it now names both."""
    from lstm_core import forecasting

    keras = _keras()
    torch_model = forecasting.build_model(layers, units, seed=0)
    assert forecasting.parameter_count(layers, units) == sum(p.numel() for p in torch_model.parameters())
    stack = [keras.layers.LSTM(units, return_sequences=k < layers - 1) for k in range(layers)]
    twin = keras.Sequential([keras.Input((12, 1)), *stack, keras.layers.Dense(1)])
    assert forecasting.parameter_count(layers, units, biases=1) == twin.count_params()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_forecast_page_names_both_counts(lang):
    at = AppTest.from_file(str(ROOT / "pages" / "forecast.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "4,513" in captions and "4,385" in captions and "model.summary()" in captions


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_tutorials_word_index_reads_an_unknown_word_as_id_2_as_lesson_8_says(lang, tmp_path, monkeypatch):
    """Lesson 8's recipe wrote a plain {word: id} index: no out-of-vocabulary token, so the explorer left
    unknown words out where the IMDB model, trained on load_data's ids, had read them as 2. Its lines, run
    with a stand-in for keras.datasets.imdb.get_word_index, give an index that reads them as id 2."""
    import json
    import re
    import types

    from datasets import keras_words

    body = translate("lessons.keras.body", lang)
    start = body.index("index = keras.datasets.imdb.get_word_index()")
    recipe = body[start : body.index("```", start)]
    fake = types.SimpleNamespace(
        datasets=types.SimpleNamespace(imdb=types.SimpleNamespace(get_word_index=lambda: {"the": 1, "movie": 17, "rare": 20000}))
    )
    monkeypatch.chdir(tmp_path)
    exec(recipe, {"keras": fake, "json": json})  # noqa: S102 - the lesson's own lines, with a stand-in for the download
    index = keras_words.parse((tmp_path / "word_index.json").read_bytes())
    encoded = keras_words.encode("The movie was rare", index)
    assert encoded.ids == (4, 20, 2, 2) and not encoded.dropped  # "was" outside the index, "rare" past 10000
    assert re.search(r"`<unk>`", body)
