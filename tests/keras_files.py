"""Small Keras files written by hand with h5py, zipfile and json, in the layouts Keras writes (no Keras
needed): for tests that must run where keras is not installed, and as seeds for the fuzz tests."""

from __future__ import annotations

import io
import json
import zipfile

import h5py
import numpy as np

VOCAB, EMBED, HIDDEN, CLASSES = 12, 3, 4, 2


def config() -> dict:
    """A Keras 3 Sequential config: Embedding -> LSTM -> Dense(softmax)."""

    def layer(class_name, **cfg):
        return {"module": "keras.layers", "class_name": class_name, "config": cfg, "registered_name": None}

    return {
        "module": "keras",
        "class_name": "Sequential",
        "config": {
            "name": "sequential",
            "layers": [
                layer("InputLayer", name="input_layer", batch_shape=[None, None], dtype="int32"),
                layer("Embedding", name="embedding", input_dim=VOCAB, output_dim=EMBED, mask_zero=False),
                layer("LSTM", name="lstm", units=HIDDEN, activation="tanh", recurrent_activation="sigmoid", use_bias=True),
                layer("Dropout", name="dropout", rate=0.5),
                layer("Dense", name="dense", units=CLASSES, activation="softmax", use_bias=True),
            ],
        },
    }


def weights(seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)

    def u(*shape):
        return rng.uniform(-0.5, 0.5, shape).astype(np.float32)

    return {
        "embedding": [u(VOCAB, EMBED)],
        "lstm": [u(EMBED, 4 * HIDDEN), u(HIDDEN, 4 * HIDDEN), u(4 * HIDDEN)],
        "dense": [u(HIDDEN, CLASSES), u(CLASSES)],
    }


def weights_h5(seed: int = 0) -> bytes:
    """Keras 3's model.weights.h5: layers/<class in snake case>/vars/<k>, an RNN's arrays under cell/."""
    return weights_h5_of(weights(seed))


def weights_h5_of(layers: dict, rnn: str = "lstm") -> bytes:
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        for name, arrays in layers.items():
            group = f.create_group(f"layers/{name}/cell/vars" if name == rnn else f"layers/{name}/vars")
            for k, a in enumerate(arrays):
                group.create_dataset(str(k), data=a)
        f.create_group("layers/dropout/vars")
    return buffer.getvalue()


def keras_zip(config_value=None, weights_bytes=None, extra=()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.15.1"}))
        z.writestr("config.json", json.dumps(config() if config_value is None else config_value))
        z.writestr("model.weights.h5", weights_h5() if weights_bytes is None else weights_bytes)
        for name, data in extra:
            z.writestr(name, data)
    return buffer.getvalue()


def legacy_h5(seed: int = 0) -> bytes:
    """Keras 2's model.save("m.h5") layout (see tests/keras_models.py)."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        f.attrs["model_config"] = json.dumps(config())
        group = f.create_group("model_weights")
        group.attrs["layer_names"] = [b"embedding", b"lstm", b"dropout", b"dense"]
        suffixes = {"embedding": ["embeddings"], "lstm": ["lstm_cell/kernel", "lstm_cell/recurrent_kernel", "lstm_cell/bias"]}
        suffixes["dense"] = ["kernel", "bias"]
        group.create_group("dropout").attrs["weight_names"] = np.array([], dtype="S1")
        for name, arrays in weights(seed).items():
            layer = group.create_group(name)
            names = [f"{name}/{s}:0" for s in suffixes[name]]
            layer.attrs["weight_names"] = [n.encode() for n in names]
            for n, a in zip(names, arrays, strict=True):
                layer.create_dataset(n, data=a)
    return buffer.getvalue()


def expected_prediction(ids, seed: int = 0) -> np.ndarray:
    """The model's output computed straight from Keras's equations (i, f, c, o; softmax head)."""
    w = weights(seed)
    x = w["embedding"][0][np.asarray(ids)]  # (B, T, E)
    kernel, recurrent, bias = w["lstm"]
    H = HIDDEN
    h = np.zeros((x.shape[0], H), np.float64)
    c = np.zeros_like(h)
    sig = lambda z: 1 / (1 + np.exp(-z))
    for t in range(x.shape[1]):
        z = x[:, t] @ kernel + h @ recurrent + bias
        i, f, g, o = sig(z[:, :H]), sig(z[:, H : 2 * H]), np.tanh(z[:, 2 * H : 3 * H]), sig(z[:, 3 * H :])
        c = f * c + i * g
        h = o * np.tanh(c)
    logits = h @ w["dense"][0] + w["dense"][1]
    e = np.exp(logits - logits.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def numbers_zip(features: int = 1, seed: int = 0) -> bytes:
    """A model of numbers (no Embedding): Input((None, features)) -> LSTM -> Dense(softmax)."""
    value = config()
    layers = value["config"]["layers"]
    layers[0]["config"].update(batch_shape=[None, None, features], dtype="float32")
    del layers[1]
    rng = np.random.default_rng(seed)
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        shapes = {
            "lstm/cell": [(features, 4 * HIDDEN), (HIDDEN, 4 * HIDDEN), (4 * HIDDEN,)],
            "dense": [(HIDDEN, CLASSES), (CLASSES,)],
        }
        for name, arrays in shapes.items():
            group = f.create_group(f"layers/{name}/vars")
            for k, shape in enumerate(arrays):
                group.create_dataset(str(k), data=rng.uniform(-0.5, 0.5, shape).astype(np.float32))
    return keras_zip(value, buffer.getvalue())
