"""Keras models of each shape the explorer opens, built with real Keras (test-only dependency, run on
its torch backend), and a writer of Keras 2's legacy HDF5 layout for the same weights.

Keras 2 / tf.keras `model.save("m.h5")` layout, as written here (and as h5py shows a real file):
    /                      attrs: keras_version "2.x", backend "tensorflow", model_config (JSON, str)
    /model_weights         attrs: layer_names [b"embedding", b"lstm", ...], keras_version, backend
    /model_weights/<layer> attrs: weight_names [b"lstm/lstm_cell/kernel:0", ...] (empty for Dropout)
    /model_weights/<layer>/<weight_name>   one float32 dataset per name, in Keras's order
                                           (kernel, recurrent_kernel, bias; Bidirectional: forward's, then backward's)
model_config is Keras 2's JSON: no "module" / "registered_name" / "build_config" keys, dtype a plain
string, and InputLayer's shape under "batch_input_shape". `save_weights("m.h5")` in Keras 2 writes the
/model_weights group's contents at the root (layer_names as a root attribute).
"""

from __future__ import annotations

import json
import os

os.environ.setdefault("KERAS_BACKEND", "torch")

import h5py  # noqa: E402
import numpy as np  # noqa: E402


def keras():
    import keras as k  # imported only by tests: the app never imports keras

    return k


def tutorial_model():
    """Lesson 8's tutorial model at full size, Embedding(10000, 128) -> LSTM(128) -> Dense(1, sigmoid),
    fitted on one batch with Adam: its file carries Adam's two moments beside the weights (about 17 MB)."""
    k = keras()
    k.utils.set_random_seed(0)
    L = k.layers
    model = k.Sequential(
        [k.Input((None,), dtype="int32"), L.Embedding(10_000, 128), L.LSTM(128), L.Dense(1, activation="sigmoid")]
    )
    model.compile("adam", "binary_crossentropy")
    rng = np.random.default_rng(0)
    model.fit(rng.integers(1, 10_000, (8, 12)), rng.integers(0, 2, (8, 1)), epochs=1, verbose=0)
    return model


def randomise(model, seed: int):
    """Every weight drawn from our own generator (biases too: Keras starts them at zero, which would hide
    a misplaced bias), without touching any global random state."""
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        weights = layer.get_weights()
        if weights:
            layer.set_weights([rng.uniform(-0.8, 0.8, w.shape).astype(w.dtype) for w in weights])
    return model


@keras().saving.register_keras_serializable(package="lstm_lab_tests")  # Bidirectional copies its layer through the config
def keras2_hard_sigmoid(x):
    """Keras 2's hard_sigmoid, clip(0.2x + 0.5, 0, 1) (Keras 3's is clip(x/6 + 0.5, 0, 1)): the oracle for
    a Keras 2 file, run by Keras 3 as a custom activation."""
    ops = keras().ops
    return ops.clip(0.2 * x + 0.5, 0.0, 1.0)


def build(name: str, seed: int = 0, hard_sigmoid="hard_sigmoid"):
    """(model, example input) for one named shape; `hard_sigmoid` is what its hard_sigmoid gates use."""
    k = keras()
    L = k.layers
    rng = np.random.default_rng(seed + 100)
    ids = rng.integers(1, 30, (3, 9)).astype("int32")
    series = rng.normal(size=(3, 9, 2)).astype("float32")
    one = rng.normal(size=(3, 9, 1)).astype("float32")
    shapes = {
        "embedding_lstm_dense": (
            [k.Input((None,), dtype="int32"), L.Embedding(30, 6), L.LSTM(5), L.Dense(3, activation="softmax")],
            ids,
        ),
        "bidirectional_stack": (
            [
                k.Input((None,), dtype="int32"),
                L.Embedding(30, 4, mask_zero=True),
                L.Bidirectional(L.LSTM(3, return_sequences=True)),
                L.Dropout(0.3),
                L.Bidirectional(L.LSTM(4)),
                L.Dense(1, activation="sigmoid"),
            ],
            ids,
        ),
        "gru_stack": ([k.Input((None, 2)), L.GRU(4, return_sequences=True), L.GRU(3), L.Dense(2)], series),
        "simple_rnn": (
            [k.Input((None, 1)), L.SimpleRNN(5, activation="relu", return_sequences=True), L.SimpleRNN(3), L.Dense(1)],
            one,
        ),
        "go_backwards_per_step": (
            [k.Input((None, 2)), L.LSTM(4, go_backwards=True, return_sequences=True), L.Dense(2, activation="tanh")],
            series,
        ),
        "merge_modes": (
            [
                k.Input((None,), dtype="int32"),
                L.Embedding(30, 4),
                L.Bidirectional(L.GRU(3, return_sequences=True), merge_mode="sum"),
                L.Bidirectional(L.SimpleRNN(3, return_sequences=True), merge_mode="ave"),
                L.Bidirectional(L.LSTM(2), merge_mode="mul"),
                L.Dense(2, activation="relu"),
            ],
            ids,
        ),
        "hard_sigmoid": (
            [
                k.Input((None, 2)),
                L.LSTM(4, recurrent_activation=hard_sigmoid, return_sequences=True),
                L.Bidirectional(L.GRU(3, recurrent_activation=hard_sigmoid)),
                L.Dense(2),
            ],
            series,
        ),
        "gru_reset_before": (
            [
                k.Input((None,), dtype="int32"),
                L.Embedding(30, 4),
                L.GRU(4, reset_after=False, return_sequences=True),
                L.Bidirectional(L.GRU(3, reset_after=False, use_bias=True)),
                L.Dense(2, activation="softmax"),
            ],
            ids,
        ),
        "keras_2_2_defaults": (  # what model.save() wrote before Keras 2.3: hard_sigmoid gates, GRU reset before
            [
                k.Input((None, 2)),
                L.GRU(4, reset_after=False, recurrent_activation=hard_sigmoid, return_sequences=True),
                L.LSTM(3, recurrent_activation=hard_sigmoid),
                L.Dense(1, activation="sigmoid"),
            ],
            series,
        ),
        "no_bias_mixed": (
            [
                k.Input((None, 2)),
                L.LSTM(3, use_bias=False, return_sequences=True),
                L.GRU(4, return_sequences=True),
                L.SimpleRNN(2),
                L.Dense(3, use_bias=False),
                L.Activation("softmax"),
            ],
            series,
        ),
    }
    layers, x = shapes[name]
    return randomise(k.Sequential(layers), seed), x


SHAPES = (
    "embedding_lstm_dense",
    "bidirectional_stack",
    "gru_stack",
    "simple_rnn",
    "go_backwards_per_step",
    "merge_modes",
    "hard_sigmoid",
    "gru_reset_before",
    "keras_2_2_defaults",
    "no_bias_mixed",
)
HARD_SIGMOID = ("hard_sigmoid", "keras_2_2_defaults")


def recurrent_outputs(model, x) -> list:
    """Every recurrent layer's output, as Keras computes it."""
    k = keras()
    names = ("LSTM", "GRU", "SimpleRNN", "Bidirectional")
    layers = [layer for layer in model.layers if type(layer).__name__ in names]
    probe = k.Model(model.inputs, [layer.output for layer in layers])
    outs = probe.predict(x, verbose=0)
    return outs if isinstance(outs, list) else [outs]


def _keras2_config(value):
    """Keras 3's config JSON rewritten as Keras 2 wrote it."""
    if isinstance(value, list):
        return [_keras2_config(v) for v in value]
    if not isinstance(value, dict):
        return value
    if value.get("class_name") == "DTypePolicy":
        return value["config"]["name"]
    out = {}
    for key, v in value.items():
        if key in ("module", "registered_name", "build_config", "shared_object_id", "quantization_config"):
            continue
        out["batch_input_shape" if key == "batch_shape" else key] = _keras2_config(v)
    return out


def write_keras2_h5(model, path, weights_only: bool = False):
    """The model in Keras 2's legacy HDF5 layout (see the module docstring)."""
    config = _keras2_config(json.loads(model.to_json()))
    config.update(keras_version="2.13.1", backend="tensorflow")  # as Keras 2's to_json() wrote them
    config.pop("compile_config", None)
    with h5py.File(path, "w") as f:
        if weights_only:
            group = f
        else:
            f.attrs["keras_version"], f.attrs["backend"] = "2.13.1", "tensorflow"
            f.attrs["model_config"] = json.dumps(config)
            group = f.create_group("model_weights")
        group.attrs["layer_names"] = [layer.name.encode() for layer in model.layers]
        group.attrs["keras_version"], group.attrs["backend"] = "2.13.1", "tensorflow"
        for layer in model.layers:
            layer_group = group.create_group(layer.name)
            names = []
            for variable, value in zip(layer.weights, layer.get_weights(), strict=True):
                # Keras 2 named each variable by its layer path and a ":0" suffix
                cell = {"LSTM": "lstm_cell", "GRU": "gru_cell", "SimpleRNN": "simple_rnn_cell"}
                inner = getattr(layer, "forward_layer", None)
                base = variable.path.split("/")[-1]
                if inner is not None:
                    direction = "forward" if any(variable is w for w in layer.forward_layer.weights) else "backward"
                    sub = layer.forward_layer if direction == "forward" else layer.backward_layer
                    name = f"{layer.name}/{direction}_{sub.name.split('_', 1)[-1]}/{cell[type(sub).__name__]}/{base}:0"
                elif type(layer).__name__ in cell:
                    name = f"{layer.name}/{cell[type(layer).__name__]}/{base}:0"
                else:
                    name = f"{layer.name}/{base}:0"
                names.append(name.encode())
                layer_group.create_dataset(name, data=value)
            layer_group.attrs["weight_names"] = names
    return config
