"""An HDF5 file's groups, the attributes Keras's layouts use, and its float arrays, read in a child
process (`h5_child.py`): a crash of the HDF5 library on a stranger's file ends that process, never
the server. The child's answer is checked here again (sizes, names, dtypes) before it is used."""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import model_io
from .errors import UserInputError

CHILD = Path(__file__).with_name("h5_child.py")
TIMEOUT_S = 30
MAX_META_BYTES = model_io.MAX_META_BYTES * 2  # the child's manifest: groups, attributes, the config


@dataclass
class Tree:
    groups: set = field(default_factory=set)  # paths ("" is the root)
    attrs: dict = field(default_factory=dict)  # path -> {name: str or [str]}
    arrays: dict = field(default_factory=dict)  # path -> float array
    other: dict = field(default_factory=dict)  # path -> [dtype, shape]: datasets that are not float arrays

    def children(self, path: str) -> list[str]:
        """The names of the datasets directly inside group `path`."""
        prefix = path + "/"
        names = [p[len(prefix) :] for p in list(self.arrays) + list(self.other) if p.startswith(prefix)]
        return [n for n in names if "/" not in n]


_memo: dict = {}  # the last few files read: (SHA-256, caps) -> Tree (a rerun, or the same weights beside a new config)
_memo_lock = threading.Lock()  # learners' sessions run in threads of one server
MEMO_SIZE = 4


def read(data: bytes, max_array_bytes: int, max_total_bytes: int) -> Tree:
    """The file's tree (its arrays read-only). Arrays are capped one by one and together, from their
    declared shapes (a small file can declare far more: HDF5 compresses), and over a cap the message
    says which and how far ("model.err_unpacked_entry", "keras.err_unpacked"); a file of too many
    groups and datasets is "keras.err_h5_nodes". Raises UserInputError("keras.err_h5") for a
    damaged file."""
    key = (hashlib.sha256(data).digest(), max_array_bytes, max_total_bytes)  # a digest: the memo never holds a file
    with _memo_lock:
        tree = _memo.get(key)
    if tree is None:
        tree = _read(data, max_array_bytes, max_total_bytes)
        with _memo_lock:
            while len(_memo) >= MEMO_SIZE:
                _memo.pop(next(iter(_memo)))
            _memo[key] = tree
    return tree


def _read(data: bytes, max_array_bytes: int, max_total_bytes: int) -> Tree:
    caps = [str(max_array_bytes), str(max_total_bytes), str(len(data))]
    try:
        done = subprocess.run(
            [sys.executable, str(CHILD), *caps], input=data, capture_output=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise UserInputError("keras.err_h5") from exc
    max_output = max_total_bytes + MAX_META_BYTES
    if done.returncode != 0 or len(done.stdout) > max_output:  # a crash (e.g. a segfault) or worse
        raise UserInputError("keras.err_h5")
    return _parse(done.stdout, max_output, len(data))


def _over(error: str, over, size: int) -> UserInputError:
    """What the child found over a cap, said with its sizes (`over`: see h5_child's "too_large" and
    "too_many"); an answer of another shape (a child gone wrong) is a damaged file."""
    if error == "too_many" and type(over) is int:
        return UserInputError("keras.err_h5_nodes", limit=f"{over:,}")
    if not (isinstance(over, list) and len(over) == 3 and isinstance(over[0], str) and all(type(n) is int for n in over[1:])):
        return UserInputError("keras.err_h5")
    entry, nbytes, cap = over
    cap_mb = model_io._mb(cap)
    if entry:  # one array: its declared size is all of it
        named = "/".join(model_io._inert(part) for part in entry.split("/")[:8])
        unpacked_mb = model_io._mb(nbytes, over=cap_mb)
        return UserInputError("model.err_unpacked_entry", entry=named, unpacked_mb=unpacked_mb, limit_mb=cap_mb)
    # all arrays: counted only up to the cap
    return UserInputError("keras.err_unpacked", size_mb=model_io._mb(size, over=0), limit_mb=cap_mb)


def _parse(raw: bytes, max_output: int, size: int) -> Tree:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = {m.filename.removesuffix(".npy"): m for m in archive.infolist()}
        if sum(m.file_size for m in members.values()) > max_output or not all(
            name == "meta" or re.fullmatch(r"a[0-9]{1,5}", name) for name in members
        ):
            raise UserInputError("keras.err_h5")
        arrays = {name: model_io._read_npy(archive.read(m), name) for name, m in members.items()}
        manifest = json.loads(arrays.pop("meta").tobytes().decode("utf-8"))
    except (zipfile.BadZipFile, ValueError, KeyError, OSError, EOFError, UnicodeDecodeError, UserInputError) as exc:
        raise UserInputError("keras.err_h5") from exc
    if not isinstance(manifest, dict) or manifest.get("error") is not None:
        if isinstance(manifest, dict) and manifest.get("error") in ("too_large", "too_many"):
            raise _over(manifest["error"], manifest.get("over"), size)
        raise UserInputError("keras.err_h5")
    try:
        tree = Tree(
            groups=set(manifest["groups"]),
            attrs=dict(manifest["attrs"]),
            arrays={path: arrays[key] for path, key in manifest["arrays"].items()},
            other=dict(manifest["other"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UserInputError("keras.err_h5") from exc
    for array in tree.arrays.values():
        array.setflags(write=False)  # shared by every model read from the same bytes
    return tree
