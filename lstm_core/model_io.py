"""Save a trained model to a `.npz` file and load it back, safely.

The file is a plain NumPy archive of numeric arrays: the recurrent weights of every layer and
direction, optional extras (embedding, scaler range) and one JSON document (`meta`, stored as UTF-8
bytes in a uint8 array) with the sizes, class names, vocabulary and free-form metadata.

Uploaded files come from strangers, so loading never unpickles and never trusts a declared size:
the archive is opened with `zipfile`, every `.npy` header is parsed and checked (dtype, shape, byte
count) before a single array byte is read, and then the shapes are checked against the sizes the
metadata declares. Anything unexpected raises `UserInputError("model.err_...")`.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
import zlib
from dataclasses import dataclass, field

import numpy as np

from . import cells
from .errors import UserInputError
from .recorder import KINDS, CellWeights, Recorder

FORMAT = "lstm-lab-model"
VERSION = 1

# Caps: generous for anything the app trains, small enough that one upload cannot hurt the server.
MB = 1024 * 1024  # the MB of every size limit and message (2^20 bytes)
MAX_FILE_BYTES = 2 * MB  # the .npz uploader's own cap (the server's is the larger Keras one)
MAX_ARRAY_BYTES = 8 * MB  # one array, uncompressed (a compressed archive may inflate)
MAX_TOTAL_BYTES = 16 * MB  # all arrays together, uncompressed
MAX_HIDDEN = 256
MAX_LAYERS = 4
MAX_INPUT = 1024  # input features per step (the embedding width for text models)
MAX_VOCAB = 20_000
MAX_CLASSES = 100
MAX_NAME_CHARS = 100  # one class name or vocabulary token
MAX_META_BYTES = MB  # the JSON document, vocabulary included
MAX_SCALE_FEATURES = 64

KERAS_HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"  # what a Keras .h5 starts with
FLOAT_DTYPES = (np.dtype("<f4"), np.dtype("<f8"))
WEIGHT_NAMES = ("W_ih", "W_hh", "b_ih", "b_hh")
PEEP_NAMES = ("w_ci", "w_cf", "w_co")


@dataclass
class ModelFile:
    """What a model file holds, checked."""

    recorder: Recorder
    embedding: np.ndarray | None = None  # (V, E)
    vocab: list | None = None  # V tokens; index 0 padding, 1 out-of-vocabulary
    class_names: list = field(default_factory=list)
    scale: np.ndarray | None = None  # (2,) or (2, F): row 0 the scaler's minimum, row 1 its maximum
    metadata: dict = field(default_factory=dict)  # free-form JSON (title, source, tokenise mode, ...)


def _weight_key(layer: int, direction: int, name: str) -> str:
    return f"l{layer}_d{direction}_{name}"


def save(
    recorder: Recorder,
    *,
    embedding=None,
    vocab=None,
    class_names=(),
    scale=None,
    metadata=None,
) -> bytes:
    """The model as `.npz` bytes (ready for a download button or `Path.write_bytes`).

    Raises UserInputError when the model exceeds what `load` accepts, so every saved file loads.
    """
    if recorder.gate_activation != "sigmoid":  # the format has no field for it: refuse rather than lose it
        raise UserInputError("model.err_kind", kind=recorder.gate_activation)
    arrays = {}
    for k, directions in enumerate(recorder.layers):
        for d, w in enumerate(directions):
            for name in WEIGHT_NAMES:
                arrays[_weight_key(k, d, name)] = np.asarray(getattr(w, name))
            if cells.spec(recorder.kind).peepholes:
                for name, value in zip(PEEP_NAMES, w.peep, strict=True):
                    arrays[_weight_key(k, d, name)] = np.asarray(value)
    if embedding is not None:
        arrays["embedding"] = np.asarray(embedding)
    if scale is not None:
        arrays["scale"] = np.asarray(scale, dtype=np.float64)
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "kind": recorder.kind,
        "input_size": recorder.input_size,
        "hidden_size": recorder.hidden_size,
        "num_layers": recorder.num_layers,
        "bidirectional": recorder.bidirectional,
        "batch_first": recorder.batch_first,
        "class_names": [str(c) for c in class_names],
        "vocab": None if vocab is None else [str(tok) for tok in vocab],
        "metadata": metadata or {},
    }
    try:
        meta_bytes = json.dumps(meta, ensure_ascii=False, allow_nan=False).encode()
    except (TypeError, ValueError) as exc:
        raise UserInputError("model.err_metadata") from exc
    arrays["meta"] = np.frombuffer(meta_bytes, dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    data = buffer.getvalue()
    load(data)  # the same checks an upload gets: never hand out a file the app would refuse
    return data


# --- loading ------------------------------------------------------------------------------------


def load(source) -> ModelFile:
    """Read and validate a model file: `bytes`, a path, or a binary file object."""
    data = _read_bytes(source)
    arrays = _read_archive(data)
    meta = _read_meta(arrays.pop("meta", None))
    return _build(meta, arrays)


def _read_bytes(source) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif hasattr(source, "read"):
        data = source.read(MAX_FILE_BYTES + 1)
    else:
        with open(source, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    if not isinstance(data, bytes):
        raise UserInputError("model.err_not_npz")
    if len(data) > MAX_FILE_BYTES:
        raise UserInputError("model.err_file_size", limit_mb=MAX_FILE_BYTES // MB)
    return data


def _mb(size: int, over: float | None = None) -> float:
    """`size` in MB as a message says it: to 0.1 (0.01 under 1 MB), whole numbers without ".0", and
    above `over` when given (a limit it is over, or 0 for a file's own size). Rounded to the nearest,
    32 MB and a byte read "32.0 MB, more than the 32 MB", and a 40 kB file "0.0 MB"."""
    scale = 100 if size < MB else 10
    mb = round(size / MB * scale) / scale
    if over is not None and mb <= over:
        mb = math.ceil(size / MB * scale) / scale
    return int(mb) if mb == int(mb) else mb


def _allowed_key(name: str) -> bool:
    if name in ("meta", "embedding", "scale"):
        return True
    parts = name.split("_", 2)  # "l0_d1_W_ih" -> ["l0", "d1", "W_ih"]
    return (
        len(parts) == 3
        and parts[0][:1] == "l"
        and parts[0][1:].isdigit()
        and parts[1] in ("d0", "d1")
        and parts[2] in WEIGHT_NAMES + PEEP_NAMES
    )


def open_zip(data: bytes, not_zip: str) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo], int]:
    """The archive, its members and the bytes they declare unpacked, which a cap is checked against
    before anything is read (a small zip can declare far more). `not_zip`: the message if it is none."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, KeyError, NotImplementedError) as exc:
        raise UserInputError(not_zip) from exc
    return archive, members, sum(m.file_size for m in members)


def _read_archive(data: bytes) -> dict:
    """Every member as an array, after checking names, headers and sizes (no pickle, no bombs)."""
    if not data:
        raise UserInputError("model.err_empty")
    if data.startswith(KERAS_HDF5_MAGIC):  # a Keras .h5, dropped in the wrong box
        raise UserInputError("model.err_keras")
    archive, members, total = open_zip(data, "model.err_not_npz")
    if not members:
        raise UserInputError("model.err_not_npz")
    names = {m.filename for m in members}
    if "config.json" in names or "model.weights.h5" in names:  # a Keras 3 .keras zip
        raise UserInputError("model.err_keras")
    if not any(_allowed_key(name.removesuffix(".npy")) for name in names):  # np.savez of someone else's arrays
        raise UserInputError("model.err_not_lstm_lab")
    # a compressed archive under MAX_FILE_BYTES may still unpack to far more: say so, not "at most 2 MB"
    if total > MAX_TOTAL_BYTES:
        limit_mb = _mb(MAX_TOTAL_BYTES)
        mb = {"size_mb": _mb(len(data), over=0), "unpacked_mb": _mb(total, over=limit_mb)}
        raise UserInputError("model.err_unpacked", **mb, limit_mb=limit_mb)
    if big := next((m for m in members if m.file_size > MAX_ARRAY_BYTES), None):
        limit_mb = _mb(MAX_ARRAY_BYTES)
        raise UserInputError(
            "model.err_unpacked_entry", entry=_inert(big.filename.removesuffix(".npy")),
            unpacked_mb=_mb(big.file_size, over=limit_mb), limit_mb=limit_mb,
        )  # fmt: skip
    arrays = {}
    for member in members:
        name = member.filename.removesuffix(".npy")
        if not member.filename.endswith(".npy") or not _allowed_key(name):
            raise UserInputError("model.err_unknown_key", entry=_inert(member.filename))
        if name in arrays:
            raise UserInputError("model.err_repeated_key", entry=name)
        try:
            # zipfile stops at the declared size, so a lying header cannot inflate past the cap
            raw = archive.read(member)
        except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise UserInputError("model.err_not_npz") from exc
        arrays[name] = _read_npy(raw, name)
    return arrays


def _inert(name: str) -> str:
    """An archive member's name, from a stranger's file, for a message (Markdown): short, and only the
    characters an entry's name may have; any other shows as "·", so no link or markup survives."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "_.-") else "·" for c in name[:60])


def _read_npy(raw: bytes, name: str) -> np.ndarray:
    """One `.npy` member: header first (dtype and byte count checked), then the numbers."""
    stream = io.BytesIO(raw)
    try:
        major, _ = np.lib.format.read_magic(stream)
        read_header = {1: np.lib.format.read_array_header_1_0, 2: np.lib.format.read_array_header_2_0}.get(major)
        if read_header is None:
            raise ValueError(major)
        shape, fortran_order, dtype = read_header(stream, max_header_size=1024)
    except (ValueError, TypeError, SyntaxError, OverflowError, EOFError, KeyError, MemoryError) as exc:
        raise UserInputError("model.err_bad_array", entry=name) from exc
    allowed = (np.dtype("|u1"),) if name == "meta" else FLOAT_DTYPES
    if dtype not in allowed:  # object arrays (pickle), strings, ints, big-endian: all refused
        raise _wrong_dtype(name, dtype)
    if len(shape) > 2 or any(not isinstance(n, int) or n < 0 for n in shape):
        raise UserInputError("model.err_bad_array", entry=name)
    count = math.prod(shape)
    body = raw[stream.tell() :]
    if count * dtype.itemsize != len(body):
        raise UserInputError("model.err_bad_array", entry=name)
    flat = np.frombuffer(body, dtype=dtype, count=count)
    array = flat.reshape(shape, order="F" if fortran_order else "C")
    return np.ascontiguousarray(array)


def _wrong_dtype(name: str, dtype: np.dtype) -> UserInputError:
    """What an entry holds, said plainly, against what it must hold: floats for a weight, bytes for meta."""
    if name == "meta":
        return UserInputError("model.err_meta_dtype", dtype=dtype_name(dtype))
    if dtype.byteorder == ">" and dtype.newbyteorder("<") in FLOAT_DTYPES:  # the right numbers, bytes reversed
        return UserInputError("model.err_byte_order", entry=name, dtype=dtype_name(dtype))
    return UserInputError("model.err_dtype", entry=name, dtype=dtype_name(dtype), expected="float32 / float64")


def dtype_name(dtype) -> str:
    """A NumPy type as NumPy's users write it: "int64", "float32", "str" (not "<i8", "<f4", "<U12");
    a type NumPy does not know (an HDF5 file's "external") as it is given."""
    try:
        dtype = np.dtype(dtype)
    except (TypeError, ValueError, OverflowError):
        return str(dtype)[:20]
    return {"U": "str", "S": "bytes", "O": "object", "V": "void"}.get(dtype.kind, dtype.name)[:20]


def _read_meta(array) -> dict:
    if array is None or array.ndim != 1 or array.size > MAX_META_BYTES:
        raise UserInputError("model.err_metadata")
    try:
        meta = json.loads(array.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise UserInputError("model.err_metadata") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise UserInputError("model.err_metadata")
    if meta.get("version") != VERSION:
        raise UserInputError("model.err_version", version=str(meta.get("version"))[:20])
    if meta.get("kind") not in KINDS:
        raise UserInputError("model.err_kind", kind=str(meta.get("kind"))[:20])
    for key, low, high in (
        ("input_size", 1, MAX_INPUT),
        ("hidden_size", 1, MAX_HIDDEN),
        ("num_layers", 1, MAX_LAYERS),
    ):
        value = meta.get(key)
        if type(value) is not int or not low <= value <= high:
            raise UserInputError("model.err_size", name=key, value=str(value)[:20], low=low, high=high)
    for key in ("bidirectional", "batch_first"):
        if type(meta.get(key)) is not bool:
            raise UserInputError("model.err_metadata")
    meta["class_names"] = _string_list(meta.get("class_names"), MAX_CLASSES, "class_names")
    if meta.get("vocab") is not None:
        meta["vocab"] = _string_list(meta["vocab"], MAX_VOCAB, "vocab")
        if len(set(meta["vocab"])) != len(meta["vocab"]) or len(meta["vocab"]) < 2:
            raise UserInputError("model.err_vocab")
    if not isinstance(meta.get("metadata"), dict):
        raise UserInputError("model.err_metadata")
    return meta


def _string_list(value, limit: int, name: str) -> list:
    if not isinstance(value, list) or len(value) > limit:
        raise UserInputError("model.err_list", name=name, limit=limit)
    if not all(isinstance(s, str) and len(s) <= MAX_NAME_CHARS for s in value):
        raise UserInputError("model.err_list", name=name, limit=limit)
    return value


def _build(meta: dict, arrays: dict) -> ModelFile:
    kind, H, L = meta["kind"], meta["hidden_size"], meta["num_layers"]
    D = 2 if meta["bidirectional"] else 1
    G = cells.spec(kind).gate_blocks
    expected = {}
    for k in range(L):
        n_in = meta["input_size"] if k == 0 else H * D
        for d in range(D):
            expected.update(
                {
                    _weight_key(k, d, "W_ih"): (G * H, n_in),
                    _weight_key(k, d, "W_hh"): (G * H, H),
                    _weight_key(k, d, "b_ih"): (G * H,),
                    _weight_key(k, d, "b_hh"): (G * H,),
                }
            )
            if cells.spec(kind).peepholes:
                expected.update({_weight_key(k, d, name): (H,) for name in PEEP_NAMES})
    weights = {name: a for name, a in arrays.items() if name not in ("embedding", "scale")}
    if not weights:
        raise UserInputError("model.err_no_weights", expected=list(expected))
    if missing := [name for name in expected if name not in weights]:  # in the order the model reads them
        raise UserInputError("model.err_missing_key", entry=missing[0], found=sorted(weights))
    if extra := sorted(set(weights) - set(expected)):
        raise UserInputError("model.err_extra_key", entry=extra[0], expected=list(expected))
    for name, shape in expected.items():
        if weights[name].shape != shape:
            raise UserInputError("model.err_shape", entry=name, got=str(weights[name].shape), want=str(shape))
    if len({a.dtype for a in weights.values()}) != 1:  # each a float, but not all of one width
        first = next(iter(expected))  # in the order the model reads them: l0_d0_W_ih first
        other = next(name for name in expected if weights[name].dtype != weights[first].dtype)
        raise UserInputError(
            "model.err_mixed_dtype", first=first, first_dtype=dtype_name(weights[first].dtype), entry=other,
            dtype=dtype_name(weights[other].dtype),
        )  # fmt: skip
    dtype = next(iter(weights.values())).dtype.newbyteorder("=")

    embedding = arrays.get("embedding")
    vocab = meta["vocab"]
    if embedding is not None:
        want = (len(vocab) if vocab is not None else embedding.shape[0], meta["input_size"])
        if embedding.ndim != 2 or embedding.shape != want or embedding.shape[0] > MAX_VOCAB:
            raise UserInputError("model.err_shape", entry="embedding", got=str(embedding.shape), want=str(want))
    scale = arrays.get("scale")
    if scale is not None and (
        scale.ndim not in (1, 2) or scale.shape[0] != 2 or (scale.ndim == 2 and not 1 <= scale.shape[1] <= MAX_SCALE_FEATURES)
    ):
        raise UserInputError("model.err_shape", entry="scale", got=str(scale.shape), want="(2,) / (2, F)")
    for name, a in arrays.items():
        if not np.isfinite(a).all():
            raise UserInputError("model.err_not_finite", entry=name)
    if scale is not None and (scale[1] < scale[0]).any():
        raise UserInputError("model.err_scale")

    def w(k, d, name):
        return weights[_weight_key(k, d, name)].astype(dtype, copy=False)

    layers = [
        [
            CellWeights(
                w(k, d, "W_ih"),
                w(k, d, "W_hh"),
                w(k, d, "b_ih"),
                w(k, d, "b_hh"),
                tuple(w(k, d, name) for name in PEEP_NAMES) if cells.spec(kind).peepholes else None,
            )
            for d in range(D)
        ]
        for k in range(L)
    ]
    return ModelFile(
        recorder=Recorder(kind, layers, batch_first=meta["batch_first"]),
        embedding=embedding,
        vocab=vocab,
        class_names=meta["class_names"],
        scale=scale,
        metadata=meta["metadata"],
    )
