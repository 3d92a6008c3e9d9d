"""An HDF5 file's groups, the attributes Keras's layouts use, and its float arrays, read in a child
process (`h5_child.py`): a crash of the HDF5 library on a stranger's file ends that process, never
the server. The child's answer is checked here again (sizes, names, dtypes) before it is used."""

from __future__ import annotations

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
MAX_OUTPUT_BYTES = model_io.MAX_TOTAL_BYTES + model_io.MAX_META_BYTES * 2


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


_memo: dict = {}  # the last few files read: bytes -> Tree (a rerun, or the same weights beside a new config)
_memo_lock = threading.Lock()  # learners' sessions run in threads of one server
MEMO_SIZE = 4


def read(data: bytes) -> Tree:
    """The file's tree (its arrays read-only). Raises UserInputError("keras.err_h5") for a damaged file."""
    with _memo_lock:
        tree = _memo.get(data)
    if tree is None:
        tree = _read(data)
        with _memo_lock:
            while len(_memo) >= MEMO_SIZE:
                _memo.pop(next(iter(_memo)))
            _memo[data] = tree
    return tree


def _read(data: bytes) -> Tree:
    try:
        done = subprocess.run(
            [sys.executable, str(CHILD), str(model_io.MAX_ARRAY_BYTES), str(model_io.MAX_TOTAL_BYTES)],
            input=data,
            capture_output=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise UserInputError("keras.err_h5") from exc
    if done.returncode != 0 or len(done.stdout) > MAX_OUTPUT_BYTES:  # a crash (e.g. a segfault) or worse
        raise UserInputError("keras.err_h5")
    return _parse(done.stdout)


def _parse(raw: bytes) -> Tree:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = {m.filename.removesuffix(".npy"): m for m in archive.infolist()}
        if sum(m.file_size for m in members.values()) > MAX_OUTPUT_BYTES or not all(
            name == "meta" or re.fullmatch(r"a[0-9]{1,5}", name) for name in members
        ):
            raise UserInputError("keras.err_h5")
        arrays = {name: model_io._read_npy(archive.read(m), name) for name, m in members.items()}
        manifest = json.loads(arrays.pop("meta").tobytes().decode("utf-8"))
    except (zipfile.BadZipFile, ValueError, KeyError, OSError, EOFError, UnicodeDecodeError, UserInputError) as exc:
        raise UserInputError("keras.err_h5") from exc
    if not isinstance(manifest, dict) or manifest.get("error") is not None:
        too_large = isinstance(manifest, dict) and manifest.get("error") == "too_large"
        if too_large:
            raise UserInputError("model.err_file_size", limit_mb=model_io.MAX_FILE_BYTES // (1024 * 1024))
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
