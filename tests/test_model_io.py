"""Model files: a saved model loads back and traces identically; anything malformed or hostile is
refused with a UserInputError (never another exception, never an unpickle)."""

import contextlib
import io
import json
import pickle
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lstm_core import from_torch, model_io, random_recorder
from lstm_core.errors import UserInputError
from ui.i18n import STRINGS


def _traces_equal(a, b, x):
    ta, tb = a.record(x), b.record(x)
    assert ta.quantities == tb.quantities
    for layer in range(ta.num_layers):
        for d in range(ta.num_directions):
            for q in ta.quantities:
                np.testing.assert_array_equal(ta.values(q, layer, d), tb.values(q, layer, d))


@pytest.mark.parametrize("kind", ["lstm", "peephole", "gru", "rnn_tanh", "rnn_relu", "lstm1997", "cifg"])
@pytest.mark.parametrize(("layers", "bidirectional"), [(1, False), (2, True), (3, False)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_round_trip_gives_identical_traces(kind, layers, bidirectional, dtype):
    rec = random_recorder(kind, 3, 6, num_layers=layers, bidirectional=bidirectional, seed=4, dtype=dtype)
    loaded = model_io.load(model_io.save(rec)).recorder
    assert (loaded.kind, loaded.num_layers, loaded.bidirectional, loaded.dtype) == (kind, layers, bidirectional, dtype)
    x = np.random.default_rng(1).normal(size=(9, 2, 3))
    _traces_equal(rec, loaded, x)


def test_round_trip_of_a_torch_model_matches_torch():
    torch_lstm = torch.nn.LSTM(4, 5, num_layers=2, bidirectional=True, batch_first=True)
    loaded = model_io.load(model_io.save(from_torch(torch_lstm))).recorder
    assert loaded.batch_first
    x = torch.randn(2, 7, 4, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        expected, _ = torch_lstm(x)
    np.testing.assert_allclose(loaded.record(x).h.transpose(1, 0, 2), expected.numpy(), atol=1e-5)


def test_extras_round_trip(tmp_path):
    rec = random_recorder("lstm", 3, 4)
    vocab = ["<pad>", "<unk>", "好", "bad", "不"]
    embedding = np.random.default_rng(0).normal(size=(5, 3)).astype(np.float32)
    meta = {"title": "LSTM 情感分类", "tokenise_mode": "chars", "example": [1.5, 2.0]}
    path = tmp_path / "model.npz"
    path.write_bytes(
        model_io.save(
            rec, embedding=embedding, vocab=vocab, class_names=["负面", "positive"], scale=[[0.0], [9.5]], metadata=meta
        )
    )
    for source in (path, str(path), path.read_bytes(), io.BytesIO(path.read_bytes())):
        got = model_io.load(source)
        assert got.vocab == vocab and got.class_names == ["负面", "positive"] and got.metadata == meta
        np.testing.assert_array_equal(got.embedding, embedding)
        np.testing.assert_array_equal(got.scale, [[0.0], [9.5]])


def test_saving_a_model_too_large_to_load_is_refused():
    with pytest.raises(UserInputError) as err:
        model_io.save(random_recorder("lstm", 2, model_io.MAX_HIDDEN + 1))
    assert err.value.key == "model.err_size"


def test_every_error_key_is_translated():
    source = Path(model_io.__file__).read_text()
    keys = set(re.findall(r'UserInputError\("(model\.err_[a-z_]+)"', source))
    assert keys and keys <= set(STRINGS)


# --- hostile and malformed files -------------------------------------------------------------


def _valid_members(**meta_changes):
    rec = random_recorder("lstm", 3, 4)
    with zipfile.ZipFile(io.BytesIO(model_io.save(rec))) as z:
        members = {name.removesuffix(".npy"): np.load(io.BytesIO(z.read(name))) for name in z.namelist()}
    meta = json.loads(members["meta"].tobytes())
    meta.update(meta_changes)
    members["meta"] = np.frombuffer(json.dumps(meta).encode(), np.uint8)
    return members


def _npz(members, compressed=False) -> bytes:
    buffer = io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(buffer, **members)
    return buffer.getvalue()


def _refused(data, key=None):
    with pytest.raises(UserInputError) as err:
        model_io.load(data)
    if key:
        assert err.value.key == key, err.value
    return err.value


def test_the_valid_baseline_loads():
    assert model_io.load(_npz(_valid_members())).recorder.hidden_size == 4


def test_wrong_shape():
    members = _valid_members()
    members["l0_d0_W_hh"] = members["l0_d0_W_hh"][:, :3]
    _refused(_npz(members), "model.err_shape")


def test_declared_sizes_must_match_the_arrays():
    _refused(_npz(_valid_members(hidden_size=5)), "model.err_shape")
    _refused(_npz(_valid_members(num_layers=2)), "model.err_missing_key")
    _refused(_npz(_valid_members(kind="gru")), "model.err_shape")


def test_huge_declared_dimensions():
    _refused(_npz(_valid_members(hidden_size=10**9)), "model.err_size")
    _refused(_npz(_valid_members(num_layers=50)), "model.err_size")
    _refused(_npz(_valid_members(hidden_size=True)), "model.err_size")
    _refused(_npz(_valid_members(vocab=["t"] * (model_io.MAX_VOCAB + 1))), "model.err_list")


def test_npy_header_claiming_a_huge_array_is_refused_before_allocating():
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f4", "fortran_order": False, "shape": (10**12,)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("l0_d0_W_ih.npy", header.getvalue() + b"\0" * 64)
    _refused(buffer.getvalue())


def test_nan_and_infinity():
    for bad in (np.nan, np.inf):
        members = _valid_members()
        members["l0_d0_b_hh"] = members["l0_d0_b_hh"].copy()
        members["l0_d0_b_hh"][2] = bad
        _refused(_npz(members), "model.err_not_finite")


def test_object_arrays_and_pickles_are_never_unpickled(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("something tried to unpickle")

    monkeypatch.setattr(pickle, "loads", boom)
    monkeypatch.setattr(pickle, "load", boom)
    members = _valid_members()
    members["l0_d0_W_ih"] = np.array([object()] * 3, dtype=object)
    _refused(_npz(members), "model.err_dtype")
    _refused(pickle.dumps({"weights": [1, 2, 3]}), "model.err_not_npz")
    raw = io.BytesIO()
    np.save(raw, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    _refused(raw.getvalue(), "model.err_not_npz")


def test_wrong_dtypes_extra_and_missing_keys():
    members = _valid_members()
    members["l0_d0_W_ih"] = members["l0_d0_W_ih"].astype(np.int32)
    _refused(_npz(members), "model.err_dtype")
    members = _valid_members()
    members["l0_d0_W_ih"] = members["l0_d0_W_ih"].astype(">f4")
    _refused(_npz(members), "model.err_byte_order")
    members = _valid_members()
    members["l0_d0_W_ih"] = members["l0_d0_W_ih"].astype(np.float64)  # mixed precision
    _refused(_npz(members), "model.err_mixed_dtype")
    _refused(_npz({**_valid_members(), "evil": np.zeros(2)}), "model.err_unknown_key")
    members = _valid_members()
    del members["l0_d0_b_ih"]
    _refused(_npz(members), "model.err_missing_key")
    members = _valid_members()
    members["meta"] = np.frombuffer(b"{not json", np.uint8)
    _refused(_npz(members), "model.err_metadata")
    members["meta"] = np.frombuffer(b"[" * 100_000, np.uint8)
    _refused(_npz(members), "model.err_metadata")


def test_too_large_files_and_zip_bombs():
    _refused(b"PK" + b"\0" * (model_io.MAX_FILE_BYTES + 10), "model.err_file_size")
    bomb = _npz({**_valid_members(), "embedding": np.zeros((20_000, 1024), np.float32)}, compressed=True)
    assert len(bomb) < model_io.MAX_FILE_BYTES
    _refused(bomb, "model.err_unpacked")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_are_refused(data):
    _refused(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_tampered_files_load_or_are_refused(data):
    valid = bytearray(model_io.save(random_recorder("gru", 2, 3, bidirectional=True)))
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(valid) - 1))
        valid[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(valid)))
    with contextlib.suppress(UserInputError):
        model_io.load(bytes(valid[:cut]))


def test_a_central_directory_naming_a_newer_zip_version_is_refused():
    """zipfile raises NotImplementedError for it (found by the Keras reader's fuzz test)."""
    data = bytearray(model_io.save(random_recorder("lstm", 1, 2)))
    central = data.rfind(b"PK\x01\x02")
    data[central + 6] = 64  # "needs zip 6.4 to extract"
    _refused(bytes(data), "model.err_not_npz")
