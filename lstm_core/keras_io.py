"""Open a Keras model's file and run it on the recorder, gate by gate.

Reads the three ways Keras saves a model:
- `.keras` (Keras 3): a zip holding `config.json` and `model.weights.h5`;
- legacy `.h5` (Keras 2 / tf.keras, and Keras 3's legacy saver): root attribute `model_config` (JSON)
  and a `model_weights` group, one subgroup per layer listing its arrays in attribute `weight_names`;
- weights only (`.weights.h5`, Keras 3 `layers/<name>/.../vars/<k>` or Keras 2 `layer_names`
  layout) with the model's JSON config (`model.to_json()`) beside it.

Only JSON and numeric arrays are read, with `zipfile`, `json` and `h5py`: nothing is deserialised
into code (no Keras, no pickle, no Lambda). HDF5 is parsed in a child process (`h5_tree`), since the
HDF5 library can crash on a damaged file and must not take the server with it. A layer outside the
tutorials' shapes (Embedding, LSTM / GRU / SimpleRNN, Bidirectional, Dropout, Dense) is refused by
name, and so is any setting the recorder cannot compute. Every size is capped before a byte of an array is read.

Keras's conventions, mapped onto PyTorch's (the recorder's): Keras stores kernel (I, G*H) and
recurrent_kernel (H, G*H), transposed from PyTorch's (G*H, I). LSTM gates are i, f, c, o in both
(Keras's c is PyTorch's g) with one bias. GRU gates are z, r, h in Keras and r, z, n in PyTorch; with
reset_after=True (Keras 3's default) the (2, 3H) bias is PyTorch's b_ih and b_hh, and the cell is
PyTorch's GRU exactly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import numpy as np

from . import h5_tree, model_io
from .errors import UserInputError
from .recorder import CellWeights, Recorder

MB = model_io.MB
# A tutorial's model, saved after model.fit with Adam, is three times its weights: Adam's two moments are
# saved beside them (in .keras, .h5 and Keras 3's .weights.h5 alike). Measured with Keras 3 (MB = 2^20 bytes):
# Embedding(10000, 128) + LSTM(128) + Dense(1) is 1.41 M parameters, 5.4 MB of weights, a 16.2 MB file;
# keras.io's IMDB example, Embedding(20000, 128) + 2 x Bidirectional(LSTM(64)) + Dense(1), a 31.6 MB file.
MAX_FILE_BYTES = 32 * MB  # the Keras upload limit (server.maxUploadSize in .streamlit/config.toml matches it)
MAX_ARRAY_BYTES = 16 * MB  # one array: up to Embedding(20000, 200) in float32
MAX_TOTAL_BYTES = 24 * MB  # the model's arrays together (the optimizer's state in the file is never read)
MAX_UNZIPPED_BYTES = MAX_FILE_BYTES  # all members of a .keras zip together, from their declared sizes
MAX_CONFIG_BYTES = model_io.MAX_META_BYTES
MAX_ZIP_MEMBERS = 16
MAX_LAYERS = 24  # config entries, Dropout and InputLayer included
MAX_RECURRENT = model_io.MAX_LAYERS
MAX_HIDDEN = model_io.MAX_HIDDEN
MAX_WIDTH = model_io.MAX_INPUT  # input features, embedding width, Dense units
MAX_VOCAB = model_io.MAX_VOCAB
MAX_NAME_CHARS = 40  # a layer or setting named in a message
MAX_JSON_DEPTH = 64

ZIP_MAGIC, HDF5_MAGIC = b"PK\x03\x04", b"\x89HDF\r\n\x1a\n"
RECURRENT = {"LSTM": "lstm", "GRU": "gru", "SimpleRNN": "rnn"}
INACTIVE = (
    "InputLayer",
    "Dropout",
    "SpatialDropout1D",
    "GaussianNoise",
    "GaussianDropout",
    "AlphaDropout",
    "ActivityRegularization",
)
ACTIVATIONS = ("linear", "relu", "sigmoid", "softmax", "tanh")
MERGE_MODES = ("concat", "sum", "ave", "mul")


@dataclass
class RecurrentLayer:
    """One Keras recurrent layer (a Bidirectional one holds both directions) as a one-layer Recorder."""

    name: str
    recorder: Recorder
    keras_class: str  # "LSTM", "GRU" or "SimpleRNN": what the learner's model.summary() calls it
    return_sequences: bool = False
    go_backwards: bool = False
    merge_mode: str = "concat"  # Bidirectional only

    @property
    def units(self) -> int:
        D = len(self.recorder.layers[0])
        return self.recorder.hidden_size * (2 if D == 2 and self.merge_mode == "concat" else 1)


@dataclass
class DenseLayer:
    name: str
    kernel: np.ndarray  # (I, O), as Keras stores it
    bias: np.ndarray  # (O,)
    activation: str = "linear"


@dataclass
class ActivationLayer:
    name: str
    activation: str


@dataclass
class KerasRun:
    """What the model computed on one batch. Keras shapes: batch first."""

    traces: list  # one Trace per recurrent layer (time first, as the recorder keeps it)
    outputs: list  # each recurrent layer's output as Keras returns it: (B, T, U) or (B, U)
    prediction: np.ndarray  # the model's output: (B, O) or (B, T, O)


@dataclass
class KerasModel:
    layers: list  # RecurrentLayer / DenseLayer / ActivationLayer, in order
    input_size: int  # features per step (the embedding width when there is an embedding)
    embedding: np.ndarray | None = None  # (V, E)
    mask_zero: bool = False
    notes: list = field(default_factory=list)  # [(string key, params)]: what was read and ignored

    @property
    def recurrent(self) -> list:
        return [layer for layer in self.layers if isinstance(layer, RecurrentLayer)]

    def embed(self, ids) -> np.ndarray:
        """Token ids (B, T) -> input vectors (B, T, E). Id 0 in a mask_zero model is padding, which
        Keras skips: refused here, since a trace of a skipped step would show values Keras never used."""
        ids = np.asarray(ids)
        if self.embedding is None:
            raise UserInputError("keras.err_no_embedding")
        V = self.embedding.shape[0]
        if ids.dtype.kind not in "iu" or ids.size == 0 or ids.min() < 0 or ids.max() >= V:
            raise UserInputError("keras.err_ids", last=V - 1)
        if self.mask_zero and (ids == 0).any():
            raise UserInputError("keras.err_masked")
        return self.embedding[ids]

    def run(self, x) -> KerasRun:
        """Run the whole model. `x`: token ids (B, T) for a model with an embedding, else (B, T, I)."""
        x = self.embed(x) if self.embedding is not None else np.asarray(x, dtype=np.float32)
        if x.ndim != 3 or x.shape[-1] != self.input_size or x.shape[1] == 0:
            raise UserInputError("explorer.err_input_size", got=x.shape[-1], expected=self.input_size)
        value, traces, outputs = x, [], []
        for layer in self.layers:
            if isinstance(layer, RecurrentLayer):
                trace, value = _run_recurrent(layer, value)
                traces.append(trace)
                outputs.append(value)
            elif isinstance(layer, DenseLayer):
                value = _activate(value @ layer.kernel + layer.bias, layer.activation)
            else:
                value = _activate(value, layer.activation)
        return KerasRun(traces, outputs, value)

    def stacked_recorder(self) -> tuple[Recorder, int]:
        """The recurrent layers as one multi-layer Recorder, for the explorer's trace, and how many
        Keras layers it holds. A stack holds one cell kind, read forwards, passing full sequences on
        (what a stack of PyTorch layers does): the first layers that fit are traced, the rest only run.
        A first layer that reads backwards (go_backwards, or a merge other than concat) is refused."""
        layers = self.recurrent
        first = layers[0]
        if first.go_backwards:
            raise UserInputError("keras.err_trace_setting", layer=_name(first.name), setting="go_backwards=True")
        if first.merge_mode != "concat":
            raise UserInputError("keras.err_trace_setting", layer=_name(first.name), setting=f"merge_mode={first.merge_mode}")
        stack = [first]
        for layer in layers[1:]:
            fits = (
                layer.recorder.kind == first.recorder.kind
                and layer.recorder.gate_activation == first.recorder.gate_activation
                and not layer.go_backwards
                and layer.merge_mode == "concat"
                and len(layer.recorder.layers[0]) == len(first.recorder.layers[0])
            )
            if not fits:
                break
            stack.append(layer)
        recorder = Recorder(
            first.recorder.kind, [layer.recorder.layers[0] for layer in stack], gate_activation=first.recorder.gate_activation
        )
        return recorder, len(stack)


def _run_recurrent(layer: RecurrentLayer, x):
    """x (B, T, I) -> (trace, output as Keras returns it)."""
    seq = np.swapaxes(x, 0, 1)  # (T, B, I): the recorder is time first
    if layer.go_backwards:
        seq = seq[::-1]  # Keras reads back to front and returns the outputs in its reading order
    trace = layer.recorder.record(np.ascontiguousarray(seq))
    directions = trace.records[0]
    if len(directions) == 1:
        seq_out, last = directions[0]["h"], directions[0]["h"][-1]
    else:
        forward, backward = directions[0]["h"], directions[1]["h"]  # backward already realigned to t
        # the backward layer's own last output is its state after reading x_0: position 0 here
        seq_out = _merge(forward, backward, layer.merge_mode)
        last = _merge(forward[-1], backward[0], layer.merge_mode)
    out = np.swapaxes(seq_out, 0, 1) if layer.return_sequences else last
    return trace, out


def _merge(a, b, mode):
    if mode == "concat":
        return np.concatenate([a, b], axis=-1)
    if mode == "sum":
        return a + b
    if mode == "mul":
        return a * b
    return (a + b) / 2


def _activate(z, name):
    if name == "linear":
        return z
    if name == "relu":
        return np.maximum(z, 0)
    if name == "tanh":
        return np.tanh(z)
    if name == "sigmoid":
        return 0.5 * np.tanh(0.5 * z) + 0.5
    e = np.exp(z - z.max(axis=-1, keepdims=True))  # softmax over the last axis, as Keras
    return e / e.sum(axis=-1, keepdims=True)


# --- reading the files ---------------------------------------------------------------------------


def load(data: bytes, config: bytes | None = None) -> KerasModel:
    """A checked KerasModel from a `.keras`, a legacy `.h5`, or a `.weights.h5` (with `config`, the
    JSON from `model.to_json()`). Raises UserInputError("keras.err_...") on anything else."""
    if not isinstance(data, (bytes, bytearray)) or len(data) > MAX_FILE_BYTES:
        raise _too_large()
    data = bytes(data)
    if not data:
        raise UserInputError("model.err_empty")
    if data.startswith(ZIP_MAGIC):
        config_bytes, weights_bytes = _read_zip(data)
        model = _build(_parse_json(config_bytes), _Weights(_open_h5(weights_bytes), "", False), version="3")
        return _config_unused(model, config, ".keras")
    if not data.startswith(HDF5_MAGIC):
        raise UserInputError("keras.err_format")
    tree = _open_h5(data)
    root = tree.attrs.get("", {})
    model_config = root.get("model_config")
    version = _major(root.get("keras_version") or tree.attrs.get("model_weights", {}).get("keras_version"))
    if model_config is not None:
        if "model_weights" not in tree.groups:
            raise UserInputError("keras.err_missing", name="model_weights")
        model = _build(_parse_json(_attr_bytes(model_config)), _Weights(tree, "model_weights", True), version=version)
        return _config_unused(model, config, ".h5")
    if config is None:
        raise UserInputError("keras.err_needs_config")
    config = _parse_json(config)
    if version is None:  # Keras 2's to_json() names its version; Keras 3's writes a "module" instead
        version = _major(config.get("keras_version")) or ("3" if "module" in config else None)
    legacy = "layers" not in tree.groups  # Keras 2's save_weights: layer groups at the root
    try:
        return _build(config, _Weights(tree, "", legacy), version=version)
    except UserInputError as exc:  # weights the learner's config cannot find: the two files do not belong together
        if exc.key not in ("keras.err_missing", "model.err_shape", "keras.err_weight_count"):
            raise
        named = exc.params.get("name", exc.params.get("entry", exc.params.get("layer")))
        layer = str(named).removeprefix("layers/").split("/")[0]  # "layers/lstm/cell/vars", "lstm/kernel": "lstm"
        raise UserInputError("keras.err_weights_config", layer=layer) from exc


def _config_unused(model: KerasModel, config: bytes | None, kind: str) -> KerasModel:
    """A whole model file holds its own config: a JSON config uploaded beside it is not read, and the
    learner is told so (it may belong to another model) rather than left to think it was used."""
    if config is not None:
        model.notes.append(("keras.note_config_unused", {"kind": kind}))
    return model


def _too_large() -> UserInputError:
    return UserInputError("model.err_file_size", limit_mb=MAX_FILE_BYTES // MB)


def _member_too_large(name: str, nbytes: int, cap: int) -> UserInputError:
    """A .keras zip's member over its cap, named with its unpacked size."""
    cap_mb = model_io._mb(cap)
    return UserInputError("keras.err_member_size", name=name, size_mb=model_io._mb(nbytes, over=cap_mb), limit_mb=cap_mb)


def _major(value) -> str | None:
    """ "2" for Keras 1 or 2 (hard_sigmoid = clip(0.2x + 0.5)), "3" for Keras 3 (clip(x/6 + 0.5)), None if unknown."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str) or not value[:1].isdigit():
        return None
    return "2" if value[0] in "12" else "3"


def _read_zip(data: bytes):
    archive, members, unpacked = model_io.open_zip(data, "keras.err_zip")
    if unpacked > MAX_UNZIPPED_BYTES:
        size_mb = model_io._mb(len(data), over=0)
        raise UserInputError("keras.err_unpacked", size_mb=size_mb, limit_mb=model_io._mb(MAX_UNZIPPED_BYTES))
    if len(members) > MAX_ZIP_MEMBERS:  # Keras writes three: config.json, metadata.json, model.weights.h5
        raise UserInputError("keras.err_zip_files", count=len(members), limit=MAX_ZIP_MEMBERS)
    found = {m.filename: m for m in members}
    if "config.json" not in found and members and all(m.filename.endswith(".npy") for m in members):
        raise UserInputError("keras.err_npz")  # np.savez's archive: an LSTM Lab model, dropped in the wrong box
    out = []
    for name, cap in (("config.json", MAX_CONFIG_BYTES), ("model.weights.h5", MAX_UNZIPPED_BYTES)):
        member = found.get(name)
        if member is None:
            raise UserInputError("keras.err_missing", name=name)
        if member.file_size > cap:  # only the config can be: the weights are within the zip's total
            raise _member_too_large(name, member.file_size, cap)
        try:
            with archive.open(member) as f:  # reads at most the declared size: a lying header cannot inflate past the cap
                raw = f.read(cap + 1)
        except Exception as exc:  # zlib.error, BadZipFile, NotImplementedError (encrypted), ...
            raise UserInputError("keras.err_zip") from exc
        if len(raw) > cap:
            raise _member_too_large(name, len(raw), cap)
        out.append(raw)
    return out


def _open_h5(data: bytes) -> h5_tree.Tree:
    if not data.startswith(HDF5_MAGIC):
        raise UserInputError("keras.err_h5")
    return h5_tree.read(data, MAX_ARRAY_BYTES, MAX_TOTAL_BYTES)


def _attr_bytes(value) -> bytes:
    if isinstance(value, bytes):
        return value
    try:
        return value.encode("utf-8")  # a damaged file's string may hold lone surrogates
    except (AttributeError, UnicodeEncodeError) as exc:
        raise UserInputError("keras.err_config") from exc


def _parse_json(raw) -> dict:
    if not isinstance(raw, (bytes, str)) or len(raw) > MAX_CONFIG_BYTES:
        raise UserInputError("keras.err_config")
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise UserInputError("keras.err_config") from exc
    if not isinstance(value, dict) or _depth(value) > MAX_JSON_DEPTH:
        raise UserInputError("keras.err_config")
    return value


def _depth(value, level=0) -> int:
    if level > MAX_JSON_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


def _name(value) -> str:
    """A name from the file, short and printable, for a message."""
    text = str(value)[:MAX_NAME_CHARS].encode("utf-8", "replace").decode("utf-8")
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _layer_configs(config: dict) -> list:
    """The Sequential model's layer list (Keras 2.0-2.2 stored the list itself as the config)."""
    class_name = config.get("class_name")
    if class_name != "Sequential":
        raise UserInputError("keras.err_not_sequential", name=_name(class_name))
    inner = config.get("config")
    layers = inner if isinstance(inner, list) else inner.get("layers") if isinstance(inner, dict) else None
    if not isinstance(layers, list) or not layers or len(layers) > MAX_LAYERS:
        raise UserInputError("keras.err_config")
    for entry in layers:
        if not isinstance(entry, dict) or not isinstance(entry.get("config"), dict):
            raise UserInputError("keras.err_config")
    return layers


class _Weights:
    """Each layer's arrays, in Keras's order, from the file's tree (h5_tree: read in a child process)."""

    def __init__(self, tree: h5_tree.Tree, prefix: str, legacy: bool):
        self.tree, self.prefix, self.legacy = tree, prefix, legacy

    def arrays(self, name: str, parts=("",)) -> list:
        """The arrays of layer `name`; `parts` are the sublayers (Keras 3: "cell", "forward_layer/cell")."""
        if self.legacy:
            return self._legacy(name)
        out = []
        for part in parts:
            path = "/".join(p for p in ("layers", name, part, "vars") if p)
            if path not in self.tree.groups:
                raise UserInputError("keras.err_missing", name=_name(path))
            keys = sorted(self.tree.children(path), key=lambda k: int(k) if k.isdigit() else -1)
            out += [self._read(f"{path}/{k}", f"{name}/{k}") for k in keys]
        return out

    def _legacy(self, name: str) -> list:
        group = "/".join(p for p in (self.prefix, name) if p)
        if group not in self.tree.groups:
            raise UserInputError("keras.err_missing", name=_name(name))
        names = self.tree.attrs.get(group, {}).get("weight_names", [])
        names = [names] if isinstance(names, str) else names
        if not isinstance(names, list) or len(names) > 16:
            raise UserInputError("keras.err_h5")
        return [self._read(f"{group}/{key}", key) for key in names]

    def _read(self, path: str, label: str) -> np.ndarray:
        other = self.tree.other.get(path)
        if other is not None:
            dtype, shape = other
            if isinstance(shape, list) and len(shape) > 2:
                raise UserInputError("model.err_bad_array", entry=_name(label))
            named = _name(model_io.dtype_name(dtype))
            raise UserInputError("model.err_dtype", entry=_name(label), dtype=named, expected="float16 / float32 / float64")
        array = self.tree.arrays.get(path)
        if array is None:
            raise UserInputError("keras.err_missing", name=_name(label))
        if not np.isfinite(array).all():
            raise UserInputError("model.err_not_finite", entry=_name(label))
        return array


def _check(array, shape, label):
    if array.shape != tuple(shape):
        raise UserInputError("model.err_shape", entry=_name(label), got=str(array.shape), want=str(tuple(shape)))
    return array


def _int(cfg, key, low, high, label):
    value = cfg.get(key)
    if type(value) is not int or not low <= value <= high:
        raise UserInputError("model.err_size", name=f"{_name(label)}.{key}", value=_name(value), low=low, high=high)
    return value


def _activation_name(cfg, key, label, allowed=ACTIVATIONS) -> str:
    value = cfg.get(key, "linear")
    if value is None:
        value = "linear"
    if isinstance(value, dict):  # a serialised activation object: only the built-in ones by name
        value = value.get("config", {}).get("name") if value.get("class_name") == "function" else value.get("class_name")
    if value not in allowed:
        raise UserInputError("keras.err_setting", layer=_name(label), setting=f"{key}={_name(value)}")
    return value


def _build(config: dict, weights: _Weights, version: str | None) -> KerasModel:
    legacy = weights.legacy
    layers, notes, used = [], [], {}
    embedding, mask_zero, width, sequence = None, False, None, True  # width: features reaching the next layer
    entries = _layer_configs(config)
    if not any(entry.get("class_name") in (*RECURRENT, "Bidirectional") for entry in entries):
        # a Dense-only model: say what it lacks, not that its (batch, features) input has no steps
        raise UserInputError("keras.err_no_recurrent")
    for entry in entries:
        class_name, cfg = entry.get("class_name"), entry["config"]
        name = cfg.get("name")
        if not isinstance(class_name, str) or not isinstance(name, str) or not name or len(name) > 200:
            raise UserInputError("keras.err_config")
        if class_name == "InputLayer":
            width = _input_width(cfg, width)
            continue
        if not legacy:
            name = _store_key(class_name, used)
        if class_name in INACTIVE:
            continue
        if class_name == "Embedding":
            if layers or embedding is not None:
                raise UserInputError("keras.err_embedding_first")
            V = _int(cfg, "input_dim", 2, MAX_VOCAB, name)
            E = _int(cfg, "output_dim", 1, MAX_WIDTH, name)
            (table,) = _exactly(weights.arrays(name), 1, name)
            embedding, mask_zero, width = _check(table, (V, E), name), cfg.get("mask_zero") is True, E
            continue
        if class_name == "Masking":
            raise UserInputError("keras.err_masking")
        if width is None and embedding is None and not layers:
            width = _declared_width(entry)
        if class_name in RECURRENT or class_name == "Bidirectional":
            if not sequence:
                raise UserInputError("keras.err_after_last_step", layer=_name(name))
            if width is None:
                raise UserInputError("keras.err_input_unknown")
            layer = _recurrent(class_name, cfg, name, width, weights, version)
            layers.append(layer)
            width, sequence = layer.units, layer.return_sequences
            continue
        if class_name == "Dense":
            if width is None:
                raise UserInputError("keras.err_input_unknown")
            units = _int(cfg, "units", 1, MAX_WIDTH, name)
            arrays = _exactly(weights.arrays(name), 2 if cfg.get("use_bias", True) else 1, name)
            kernel = _check(arrays[0], (width, units), f"{name}/kernel")
            bias = _check(arrays[1], (units,), f"{name}/bias") if len(arrays) == 2 else np.zeros(units, kernel.dtype)
            layers.append(DenseLayer(name, kernel, bias, _activation_name(cfg, "activation", name)))
            width = units
            continue
        if class_name == "Activation":
            layers.append(ActivationLayer(name, _activation_name(cfg, "activation", name)))
            continue
        raise UserInputError("keras.err_layer", layer=_name(class_name))
    recurrent = [layer for layer in layers if isinstance(layer, RecurrentLayer)]
    if not recurrent:
        raise UserInputError("keras.err_no_recurrent")
    if len(recurrent) > MAX_RECURRENT:
        raise UserInputError("keras.err_recurrent_count", n=len(recurrent), max=MAX_RECURRENT)
    input_size = recurrent[0].recorder.input_size
    return KerasModel(layers, input_size, embedding, mask_zero, notes)


def _store_key(class_name: str, used: dict) -> str:
    """Where Keras 3 stores a Sequential layer's weights: not under its name (names are not reproducible)
    but its class in snake case, numbered per class in order (dense, dense_1, ...), as saving_lib does."""
    key = re.sub(r"\W+", "", class_name)
    key = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", key)
    key = re.sub("([a-z])([A-Z])", r"\1_\2", key).lower()
    if key in used:
        used[key] += 1
        return f"{key}_{used[key]}"
    used[key] = 0
    return key


def _input_width(cfg, width):
    shape = cfg.get("batch_shape", cfg.get("batch_input_shape"))
    if isinstance(shape, list) and len(shape) == 3 and type(shape[2]) is int and 1 <= shape[2] <= MAX_WIDTH:
        return shape[2]
    if isinstance(shape, list) and len(shape) == 2:
        return None  # token ids: an Embedding follows
    raise UserInputError("keras.err_input_unknown")


def _declared_width(entry):
    """The input width a first layer declares (Keras 2: batch_input_shape; Keras 3: build_config)."""
    shape = entry["config"].get("batch_input_shape")
    if shape is None and isinstance(entry.get("build_config"), dict):
        shape = entry["build_config"].get("input_shape")
    if isinstance(shape, list) and len(shape) == 3 and type(shape[2]) is int and 1 <= shape[2] <= MAX_WIDTH:
        return shape[2]
    return None


def _exactly(arrays, n, name):
    if len(arrays) != n:
        raise UserInputError("keras.err_weight_count", layer=_name(name), got=len(arrays), want=n)
    return arrays


def _recurrent(class_name, cfg, name, width, weights, version) -> RecurrentLayer:
    if class_name != "Bidirectional":
        _refuse_rnn_settings(cfg, name)
        kind, gates, cell = _cell(class_name, cfg, name, width, weights.arrays(name, ("cell",)), version)
        recorder = Recorder(kind, [[cell]], gate_activation=gates)
        return RecurrentLayer(name, recorder, class_name, cfg.get("return_sequences") is True, cfg.get("go_backwards") is True)
    merge_mode = cfg.get("merge_mode", "concat")
    if merge_mode not in MERGE_MODES:
        raise UserInputError("keras.err_setting", layer=_name(name), setting=f"merge_mode={_name(merge_mode)}")
    inner = cfg.get("layer")
    backward = cfg.get("backward_layer") or inner  # Keras 2 may store only the forward layer
    if not isinstance(inner, dict) or not isinstance(inner.get("config"), dict) or not isinstance(backward.get("config"), dict):
        raise UserInputError("keras.err_config")
    inner_class, inner_cfg, back_cfg = inner.get("class_name"), inner["config"], backward["config"]
    if inner_class not in RECURRENT or backward.get("class_name") != inner_class:
        raise UserInputError("keras.err_layer", layer=_name(inner_class))
    for c in (inner_cfg, back_cfg):
        _refuse_rnn_settings(c, name)
    if inner_cfg.get("go_backwards") is True:
        raise UserInputError("keras.err_setting", layer=_name(name), setting="go_backwards=True")
    arrays = weights.arrays(name, ("forward_layer/cell", "backward_layer/cell"))
    half = len(arrays) // 2
    if half * 2 != len(arrays):
        raise UserInputError("keras.err_weight_count", layer=_name(name), got=len(arrays), want="2 × n")
    kind, gates, forward = _cell(inner_class, inner_cfg, name, width, arrays[:half], version)
    back_kind, back_gates, back = _cell(inner_class, back_cfg, name, width, arrays[half:], version)
    if (back_kind, back_gates, back.hidden_size) != (kind, gates, forward.hidden_size):
        raise UserInputError("keras.err_config")
    recorder = Recorder(kind, [[forward, back]], gate_activation=gates)
    return RecurrentLayer(name, recorder, inner_class, inner_cfg.get("return_sequences") is True, False, merge_mode)


def _refuse_rnn_settings(cfg, name):
    if cfg.get("time_major") is True:
        raise UserInputError("keras.err_setting", layer=_name(name), setting="time_major=True")
    if cfg.get("return_state") is True:
        raise UserInputError("keras.err_setting", layer=_name(name), setting="return_state=True")


def _cell(class_name, cfg, name, width, arrays, version):
    """(recorder kind, gate activation, CellWeights in PyTorch's layout) for one direction of one Keras layer."""
    H = _int(cfg, "units", 1, MAX_HIDDEN, name)
    use_bias = cfg.get("use_bias", True) is not False
    gates = "sigmoid"
    if class_name == "SimpleRNN":
        activation = _activation_name(cfg, "activation", name, ("tanh", "relu"))
        kind, G = "rnn_" + activation, 1
    else:
        _activation_name(cfg, "activation", name, ("tanh",))
        if _activation_name(cfg, "recurrent_activation", name, ("sigmoid", "hard_sigmoid")) == "hard_sigmoid":
            if version is None:  # Keras 2 and 3 define it differently: the file must say which wrote it
                raise UserInputError("keras.err_setting", layer=_name(name), setting="hard_sigmoid (Keras version unknown)")
            gates = f"hard_sigmoid_keras{version}"
        kind, G = RECURRENT[class_name], 4 if class_name == "LSTM" else 3
    reset_after = class_name == "GRU" and cfg.get("reset_after", False) is True
    if class_name == "GRU" and not reset_after:
        kind = "gru_reset_before"  # Cho et al.'s form: r_t resets h_{t-1} before the product, one bias
    arrays = _exactly(arrays, 3 if use_bias else 2, name)
    kernel = _check(arrays[0], (width, G * H), f"{name}/kernel")
    recurrent = _check(arrays[1], (H, G * H), f"{name}/recurrent_kernel")
    if use_bias:
        bias = _check(arrays[2], (2, G * H) if reset_after else (G * H,), f"{name}/bias")
    else:
        bias = np.zeros((2, G * H) if reset_after else (G * H,), kernel.dtype)
    if reset_after:
        b_ih, b_hh = bias[0], bias[1]
    else:
        b_ih, b_hh = bias, np.zeros_like(bias)
    if class_name == "GRU":  # Keras z, r, h -> PyTorch r, z, n
        order = np.r_[H : 2 * H, 0:H, 2 * H : 3 * H]
        kernel, recurrent, b_ih, b_hh = kernel[:, order], recurrent[:, order], b_ih[order], b_hh[order]
    dtype = np.float64 if kernel.dtype == np.float64 else np.float32

    def pt(a):
        return np.ascontiguousarray(a, dtype=dtype)

    return kind, gates, CellWeights(pt(kernel.T), pt(recurrent.T), pt(b_ih), pt(b_hh))
