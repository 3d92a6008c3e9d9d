"""Runs alone, in a child process: read one HDF5 file (stdin) and write what Keras's layouts need
(stdout) as a NumPy archive of float arrays plus one JSON manifest. Nothing else of the file is read.

The HDF5 C library parsing a stranger's file can crash outright (the reader's fuzz test found a
segmentation fault in reading an attribute): in this process, such a crash ends only this process.
Standalone on purpose (numpy, h5py and the standard library only): `lstm_core.h5_tree` runs it by path.
"""

import io
import json
import resource
import sys

import numpy as np

MAX_NODES = 2000  # groups and datasets
MAX_ARRAY_BYTES = int(sys.argv[1]) if len(sys.argv) > 1 else 8 * 1024 * 1024
MAX_TOTAL_BYTES = int(sys.argv[2]) if len(sys.argv) > 2 else 16 * 1024 * 1024
MAX_INPUT_BYTES = int(sys.argv[3]) if len(sys.argv) > 3 else MAX_TOTAL_BYTES
MAX_ATTR_BYTES = 1024 * 1024
MEMORY_BYTES = 1024 * 1024 * 1024
ATTRS = ("model_config", "keras_version", "weight_names", "layer_names")  # the only attributes Keras's layouts need
# The optimizer's state (Adam's moments: twice the model's weights) that model.save() and Keras 3's
# save_weights() keep: the recorder never needs it, so not a byte of it is read or counted.
SKIPPED = ("optimizer/", "optimizer_weights/")


class TooLarge(Exception):
    """Over a cap: (the array's path, or "" for all arrays together; their declared bytes; the cap)."""


class TooMany(Exception):
    """More groups and datasets than MAX_NODES."""


def _attr(value):
    """A str, or a list of str (bytes decoded), or None for anything else."""
    if isinstance(value, (bytes, np.bytes_)):
        return bytes(value).decode("utf-8", "replace")[:MAX_ATTR_BYTES]
    if isinstance(value, str):
        return value[:MAX_ATTR_BYTES]
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.size <= 64:
        items = [_attr(v) for v in value.tolist()]
        return items if all(isinstance(v, str) for v in items) else None
    return None


def walk(data: bytes) -> tuple[dict, dict]:
    import h5py

    manifest = {"groups": [""], "attrs": {}, "arrays": {}, "other": {}, "error": None}
    arrays, total, nodes = {}, 0, [0]

    def attrs_of(path, obj):
        keep = {}
        for name in ATTRS:
            if name in obj.attrs:
                value = _attr(obj.attrs[name])
                if value is not None:
                    keep[name] = value
        if keep:
            manifest["attrs"][path] = keep

    def visit(path, obj):
        nonlocal total
        nodes[0] += 1
        if nodes[0] > MAX_NODES:  # counted even where skipped: it bounds the walk itself
            raise TooMany
        if path.startswith(SKIPPED) or path in ("optimizer", "optimizer_weights"):
            return
        if isinstance(obj, h5py.Group):
            manifest["groups"].append(path)
            attrs_of(path, obj)
            return
        if not isinstance(obj, h5py.Dataset):
            return
        attrs_of(path, obj)
        if obj.is_virtual or obj.external:  # data kept in other files on the server's disk: never read
            manifest["other"][path] = ["external", None]
            return
        dtype, shape = obj.dtype, obj.shape
        if shape is None or dtype.kind != "f" or dtype.itemsize not in (2, 4, 8) or len(shape) > 2:
            manifest["other"][path] = [str(dtype)[:20], None if shape is None else list(shape)[:4]]
            return
        nbytes = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
        total += nbytes
        if nbytes > MAX_ARRAY_BYTES:  # from the declared shape, before HDF5 inflates a byte
            raise TooLarge(path, nbytes, MAX_ARRAY_BYTES)
        if total > MAX_TOTAL_BYTES:
            raise TooLarge("", total, MAX_TOTAL_BYTES)
        key = f"a{len(arrays)}"
        arrays[key] = np.asarray(obj[()], dtype=np.float64 if dtype.itemsize == 8 else np.float32)
        manifest["arrays"][path] = key

    with h5py.File(io.BytesIO(data), "r") as f:
        attrs_of("", f)
        try:
            f.visititems(visit)
        except TooLarge as over:
            manifest["error"] = "too_large"
            manifest["over"] = list(over.args)
            arrays.clear()
        except TooMany:
            manifest["error"] = "too_many"
            manifest["over"] = MAX_NODES
            arrays.clear()
    return manifest, arrays


def main():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    try:
        manifest, arrays = walk(data)
    except Exception:  # any Python-level failure of a broken file: one answer, "damaged"
        manifest, arrays = {"error": "damaged"}, {}
    arrays["meta"] = np.frombuffer(json.dumps(manifest).encode(), dtype=np.uint8)
    out = io.BytesIO()
    np.savez(out, **arrays)
    sys.stdout.buffer.write(out.getvalue())


if __name__ == "__main__":
    main()
