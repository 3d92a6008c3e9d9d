"""Keras files refused for how many parts they hold, or for one part's size, are told so, with the
numbers; all three cases below were told "model files may be at most 32 MB", however small the file.
The messages' claims about Keras's own files are checked against Keras (test-only, torch backend)."""

import io
import json
import zipfile

import h5py
import numpy as np
import pytest

from lstm_core import keras_io
from lstm_core.errors import UserInputError
from tests import keras_files
from ui.i18n import translate

MAX_NODES = 2000  # lstm_core/h5_child.py (a standalone script: importing it would read this process's argv)


def _refusal(data) -> UserInputError:
    with pytest.raises(UserInputError) as info:
        keras_io.load(data)
    return info.value


def test_a_keras_zip_of_too_many_files():
    extra = [(f"assets/{k}.txt", b"x") for k in range(keras_io.MAX_ZIP_MEMBERS)]
    data = keras_files.keras_zip(extra=extra)
    err = _refusal(data)
    assert (err.key, err.params) == ("keras.err_zip_files", {"count": 3 + keras_io.MAX_ZIP_MEMBERS, "limit": 16})
    assert translate(err.key, "en", **err.params).startswith("This .keras file holds 19 files.")
    assert "19 个文件" in translate(err.key, "zh", **err.params)
    keras_io.load(keras_files.keras_zip(extra=extra[:-3]))  # 16 files: opened


def test_a_config_larger_than_its_cap_is_named_with_its_size():
    config = {**keras_files.config(), "padding": " " * (3 * keras_io.MAX_CONFIG_BYTES // 2)}
    err = _refusal(keras_files.keras_zip(config))
    assert (err.key, err.params) == ("keras.err_member_size", {"name": "config.json", "size_mb": 1.5, "limit_mb": 1})
    assert "“config.json” in this file unpacks to 1.5 MB, more than the 1 MB" in translate(err.key, "en", **err.params)
    assert "1.5 MB" in translate(err.key, "zh", **err.params)


def test_an_hdf5_file_of_too_many_groups():
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        for k in range(MAX_NODES + 1):
            f.create_group(f"g{k}")
    data = buffer.getvalue()
    assert len(data) < keras_io.MAX_FILE_BYTES
    err = _refusal(data)
    assert (err.key, err.params) == ("keras.err_h5_nodes", {"limit": "2,000"})
    assert "more than 2,000 groups and arrays" in translate(err.key, "en", **err.params)
    assert "超过 2,000 个组和数组" in translate(err.key, "zh", **err.params)


@pytest.mark.claims
def test_what_the_messages_say_of_keras_s_own_files(tmp_path):
    """ "A model saved by Keras holds three (config.json, metadata.json and model.weights.h5)", and an
    HDF5 file of more than 2,000 groups and arrays is "far more than a Keras model of the layers LSTM Lab
    opens": the largest such model, saved by Keras after training (Adam's state in the file), holds
    less than a quarter of that."""
    from tests.keras_models import keras

    k = keras()
    L = k.layers
    stack = [L.LSTM(8, return_sequences=True) for _ in range(keras_io.MAX_RECURRENT - 1)] + [L.LSTM(8)]
    layers = [k.Input((None,), dtype="int32"), L.Embedding(50, 8), *stack, L.Dense(8, activation="relu")]
    layers += [L.Dropout(0.1) for _ in range(keras_io.MAX_LAYERS - len(layers) - 1)] + [L.Dense(1, activation="sigmoid")]
    model = k.Sequential(layers)
    assert len(model.get_config()["layers"]) == keras_io.MAX_LAYERS  # InputLayer included, as LSTM Lab counts
    model.compile("adam", "binary_crossentropy")
    model.fit(np.array([[1, 2, 3], [4, 5, 6]]), np.array([0.0, 1.0]), epochs=1, verbose=0)

    model.save(tmp_path / "m.keras")
    assert sorted(zipfile.ZipFile(tmp_path / "m.keras").namelist()) == ["config.json", "metadata.json", "model.weights.h5"]
    keras_io.load((tmp_path / "m.keras").read_bytes())  # and LSTM Lab opens it

    model.save(tmp_path / "m.h5")  # the legacy HDF5 file, which keeps more groups per layer
    for path in (tmp_path / "m.h5", zipfile.Path(tmp_path / "m.keras", "model.weights.h5")):
        with h5py.File(io.BytesIO(path.read_bytes()), "r") as f:
            nodes = []
            f.visit(nodes.append)
        assert 0 < len(nodes) < MAX_NODES / 4, (path, len(nodes))
    assert json.loads(zipfile.ZipFile(tmp_path / "m.keras").read("config.json"))["class_name"] == "Sequential"
