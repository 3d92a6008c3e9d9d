"""A learner's Keras model in the explorer (AppTest): files told apart, the sentence read through the
learner's own word index (OOV words shown), token ids typed as numbers, Keras's prediction shown, both
languages; and what is refused. The upload in a real browser: tests/browser/test_keras_upload.py."""

import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lstm_core.contributions import gate_terms, pre_activation
from lstm_core.errors import UserInputError
from tests import keras_files as kf
from ui import keras_files
from ui.handoff import KEY

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "explorer.py")
WORDS = {"<OOV>": 1, "the": 2, "film": 3, "was": 4, "great": 5, "not": 6, "电影": 7, "好看": 8}
TOKENIZER = json.dumps(
    {"class_name": "Tokenizer", "config": {"oov_token": "<OOV>", "num_words": None, "word_index": json.dumps(WORDS)}}
).encode()


def _model(with_words=True):
    files = [("sentiment.keras", kf.keras_zip())] + ([("tokenizer.json", TOKENIZER)] if with_words else [])
    return keras_files.load_files(files)


def _open(model, **query) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    for key, value in {"source": "trained", **query}.items():
        at.query_params[key] = str(value)
    at.session_state[KEY] = model
    return at.run()


def _infos(at) -> str:
    return " ".join(str(e.value) for e in at.info)


def _prediction(ids) -> str:
    return ", ".join(f"{v:.4f}" for v in kf.expected_prediction([ids])[0])


def test_a_sentence_through_the_learner_s_word_index():
    at = _open(_model(), mode="text", text="The film was great, honestly!")
    assert not at.exception and not at.error
    notes = _infos(at)
    assert _prediction([2, 3, 4, 5, 1]) in notes  # "honestly" is read as <OOV> (id 1), as Keras's Tokenizer does
    assert "honestly" in notes and "<OOV>" in notes
    stepper = at.get("iframe")[0].proto.srcdoc
    assert "honestly→\\u003cOOV\\u003e" in stepper and '"T":5' in stepper


def test_chinese_page_and_token_ids_as_numbers():
    at = _open(_model(), mode="numbers", numbers="7, 6, 8", lang="zh")
    assert not at.exception and not at.error
    assert f"Keras 模型对这个输入的预测：{_prediction([7, 6, 8])}" in _infos(at)
    assert "电影" in at.get("iframe")[0].proto.srcdoc  # ids shown as their words


@pytest.mark.parametrize(
    ("query", "words", "expected"),
    [
        ({"mode": "text", "text": "the film"}, False, "Upload your word index"),
        ({"mode": "numbers", "numbers": "1, 12"}, True, "from 0 to 11"),
        ({"mode": "numbers", "numbers": "1.5"}, True, "from 0 to 11"),
        ({"mode": "text", "text": "zzz qqq", "lang": "zh"}, False, "词表"),
    ],
)
def test_bad_input_for_a_keras_model_is_explained(query, words, expected):
    at = _open(_model(with_words=words), **query)
    assert not at.exception
    assert expected in " ".join(str(e.value) for e in at.error)


def test_files_are_told_apart_and_refused_with_reasons():
    config = json.dumps(kf.config()).encode()
    model = keras_files.load_files([("w.json", TOKENIZER), ("m.weights.h5", kf.weights_h5()), ("model.json", config)])
    assert model.word_index.oov_token == "<OOV>" and model.keras.embedding.shape == (kf.VOCAB, kf.EMBED)
    assert keras_files.summary(model.keras) == "Embedding(12→3) → LSTM(4) → Dense(2, softmax)"
    cases = [
        ([("a.keras", kf.keras_zip()), ("b.h5", kf.legacy_h5())], "keras.err_one_model"),
        ([("a.json", TOKENIZER)], "keras.err_no_model"),  # no model file: add one, not "keep one"
        ([("a.keras", kf.keras_zip()), ("w.json", TOKENIZER), ("v.json", TOKENIZER)], "keras.err_one_model"),
        ([("a.keras", kf.keras_zip()), ("x.json", b"[1, 2]")], "keras.err_json_kind"),
        ([("a.keras", kf.keras_zip()), ("x.json", b"\xff")], "keras.err_json_kind"),
        ([("m.weights.h5", kf.weights_h5())], "keras.err_needs_config"),
    ]
    for files, key in cases:
        with pytest.raises(UserInputError) as info:
            keras_files.load_files(files)
        assert info.value.key == key


def test_a_model_without_embedding_reads_numbers():
    model = keras_files.load_files([("series.keras", kf.numbers_zip())])
    assert model.example and isinstance(model.example, list)
    at = _open(model, mode="numbers", numbers="0, 1, 0.5")
    assert not at.exception and not at.error
    expected = model.keras.run(np.array([[[0.0], [1.0], [0.5]]], np.float32)).prediction[0]
    assert ", ".join(f"{v:.4f}" for v in expected) in _infos(at)
    at = _open(model, mode="text", text="the film")
    assert at.error and not at.exception
    wide = keras_files.load_files([("series3.keras", kf.numbers_zip(features=3))])
    at = _open(wide, mode="numbers", numbers="1, 2", lang="zh")
    assert "每一步读入 3 个数" in " ".join(str(e.value) for e in at.error) and not at.exception


def test_hard_sigmoid_gates_are_named_in_the_numbers_and_explained():
    config = kf.config()
    config["config"]["layers"][2]["config"]["recurrent_activation"] = "hard_sigmoid"
    model = keras_files.load_files([("old.keras", kf.keras_zip(config))])
    assert model.recorder.gate_activation == "hard_sigmoid_keras3"
    at = _open(model, mode="numbers", numbers="2, 5, 7", lang="zh")
    assert not at.exception and not at.error
    assert '"sigma":"hard σ"' in at.get("iframe")[0].proto.srcdoc
    assert "clip(1/6·z + 0.5, 0, 1)" in _infos(at)
    # the trace is the hard-sigmoid one: each gate is the clipped line of the pre-activation the stepper shows
    x = model.keras.embed(np.array([[2, 5, 7]]))[0]
    trace = model.recorder.record(x)
    for unit in range(kf.HIDDEN):
        terms = gate_terms(model.recorder, trace, x, unit=unit)
        for gate in "ifo":
            z = pre_activation("lstm", gate, terms[gate])
            np.testing.assert_allclose(trace.values(gate)[:, 0, unit], np.clip(z / 6 + 0.5, 0, 1), atol=1e-6)


def test_cho_s_gru_steps_in_the_explorer():
    config = kf.config()
    gru = config["config"]["layers"][2]
    gru["class_name"] = "GRU"
    gru["config"].update(reset_after=False, name="gru")
    H = kf.HIDDEN
    arrays = kf.weights()
    rng = np.random.default_rng(0)
    arrays["gru"] = [rng.uniform(-0.5, 0.5, s).astype(np.float32) for s in ((kf.EMBED, 3 * H), (H, 3 * H), (3 * H,))]
    del arrays["lstm"]
    model = keras_files.load_files([("cho.keras", kf.keras_zip(config, kf.weights_h5_of(arrays, rnn="gru")))])
    assert model.recorder.kind == "gru_reset_before"
    assert keras_files.summary(model.keras) == "Embedding(12→3) → GRU(4) → Dense(2, softmax)"
    at = _open(model, mode="numbers", numbers="2, 5, 7")
    assert not at.exception and not at.error
    page = at.get("iframe")[0].proto.srcdoc
    assert 'data-kind="gru_reset_before"' in page and "reset_after=False" in page
    assert "Your model's cell: GRU (Keras's reset_after=False)." in _infos(at)


def test_layers_of_different_widths_and_the_what_if_tab():
    """A Keras stack LSTM(4) -> LSTM(2): the unit slider follows the chosen layer, and what-ifs run."""
    from lstm_core import CellWeights, Recorder
    from ui.handoff import TrainedModel

    rng = np.random.default_rng(0)

    def cell(n_in, H):
        return CellWeights(*(rng.uniform(-1, 1, s).astype(np.float32) for s in ((4 * H, n_in), (4 * H, H), (4 * H,), (4 * H,))))

    model = TrainedModel(Recorder("lstm", [[cell(1, 4)], [cell(4, 2)]]), "upload", "two widths")
    at = _open(model, mode="numbers", numbers="0, 1, 0.5, -1", unit=3)
    assert not at.exception and not at.error
    at.slider(key="explorer:layer").set_value(1).run()
    assert not at.exception
    assert at.slider(key="explorer:unit").max == 1 and at.slider(key="explorer:unit").value == 1  # clamped from 3
    at.session_state["explorer:tab:open"] = "What if?"
    at.run()
    assert not at.exception and any(m.label == "Largest change in h" for m in at.get("metric"))  # the what-if ran
