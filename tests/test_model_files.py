"""The UI side of model files: a TrainedModel survives download -> upload, the download button
renders, and a hostile title cannot become markup."""

from dataclasses import replace

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lstm_core import model_io, random_recorder
from lstm_core.text import Vocab
from ui import handoff, model_files


def _text_model():
    vocab = Vocab(["<pad>", "<unk>", "not", "good", "好"], {})
    embedding = np.random.default_rng(2).normal(size=(5, 3)).astype(np.float32)
    return handoff.TrainedModel(
        recorder=random_recorder("lstm", 3, 4, seed=3),
        source="train",
        title="LSTM on negation",
        embedding=embedding,
        vocab=vocab,
        tokenise_mode="words",
        class_names=["negative", "positive"],
        example="not good",
    )


def test_a_trained_text_model_survives_download_and_upload():
    original = _text_model()
    back = model_files.from_file(model_io.load(model_files.model_bytes(original)), "m.npz")
    assert (back.title, back.source, back.tokenise_mode, back.example) == ("LSTM on negation", "train", "words", "not good")
    assert back.vocab.itos == original.vocab.itos and back.vocab.encode(["good", "bad"]) == [3, 1]
    assert back.class_names == original.class_names
    x = back.embedding[back.vocab.encode(["not", "good"])]  # (T, E)
    np.testing.assert_array_equal(back.recorder.record(x).h, original.recorder.record(x).h)


def test_a_model_saved_from_a_chinese_page_is_titled_in_chinese(monkeypatch):
    """The file is built on the click, outside the page's run, where the language read as English: a model
    saved from /train?lang=zh was "CIFG LSTM (i = 1 − f) trained on …", and /explorer?lang=zh showed that."""
    model = replace(_text_model(), title={"en": "LSTM on negation", "zh": "否定句上的 LSTM"})
    built = {}

    class Where:
        def download_button(self, label, data, **kw):
            built["data"] = data

    monkeypatch.setattr(model_files.ui, "lang", lambda: "zh")
    monkeypatch.setattr(model_files.ui, "t", lambda key, **kw: key)
    model_files.download_button(model, where=Where())
    monkeypatch.setattr(model_files.ui, "lang", lambda: "en")  # the click, after the run
    assert model_files.from_file(model_io.load(built["data"]()), "m.npz").title == "否定句上的 LSTM"


def test_a_forecaster_keeps_its_scaler_and_example():
    model = handoff.TrainedModel(random_recorder("gru", 1, 5), "forecast", "GRU", scale=(3.0, 17.5), example=[1, 2.5])
    back = model_files.from_file(model_io.load(model_files.model_bytes(model)), "f.npz")
    assert back.scale == (3.0, 17.5) and back.example == [1.0, 2.5] and back.vocab is None


def test_a_forecaster_saved_before_files_named_their_example_units_gets_its_window_unscaled():
    """Older files stored the window the model read (scaled to 0..1); the explorer shows the series'
    units and scales them itself, so such a window goes back to those units, once."""
    recorder = random_recorder("lstm", 1, 3)
    old = model_io.save(recorder, scale=[3.0, 17.5], metadata={"title": "old", "source": "forecast", "example": [0.0, 0.5, 1.0]})
    assert model_files.from_file(model_io.load(old), "old.npz").example == [3.0, 10.25, 17.5]
    new = handoff.TrainedModel(recorder, "forecast", "new", scale=(3.0, 17.5), example=[3.0, 10.25, 17.5])
    again = model_files.from_file(model_io.load(model_files.model_bytes(new)), "new.npz")
    assert again.example == [3.0, 10.25, 17.5]
    resaved = model_files.from_file(model_io.load(model_files.model_bytes(model_files.from_file(model_io.load(old), "o"))), "o")
    assert resaved.example == [3.0, 10.25, 17.5]  # unscaled once, then saved with its units named


def test_file_metadata_cannot_inject_markup_or_odd_values():
    data = model_io.save(
        random_recorder("lstm", 2, 3),
        metadata={"title": "[click](http://evil) <b>x</b>", "source": "<script>", "tokenise_mode": "eval", "example": {"a": 1}},
    )
    back = model_files.from_file(model_io.load(data), "x.npz")
    assert back.title == "[click](http://evil) <b>x</b>"  # kept as written, escaped where it is shown
    assert handoff.shown_title(back, "en") == "\\[click\\](http\\:\u2060//evil) \\<b\\>x\\</b\\>"
    assert (back.source, back.tokenise_mode, back.example) == ("upload", "auto", None)


def _page():
    import streamlit as st

    from tests.test_model_files import _text_model
    from ui import model_files

    model_files.download_button(_text_model())
    st.markdown(f"no model: {model_files.upload_widget() is None}")


def test_widgets_render():
    at = AppTest.from_function(_page, default_timeout=30).run()
    assert not at.exception
    assert at.markdown[-1].value == "no model: True"
    assert len(at.get("download_button")) == 1


def test_a_symbol_classifier_keeps_its_symbols_and_a_forged_count_is_dropped():
    model = handoff.TrainedModel(random_recorder("gru", 3, 4), "train", "GRU on brackets", symbols=3, example=[0, 2, 1])
    back = model_files.from_file(model_io.load(model_files.model_bytes(model)), "b.npz")
    assert back.symbols == 3 and back.example == [0.0, 2.0, 1.0]
    for forged in (5, True, "3", 1):  # not the input width, or not an int
        data = model_io.save(random_recorder("gru", 3, 4), metadata={"symbols": forged})
        assert model_files.from_file(model_io.load(data), "f.npz").symbols is None


def _without_example(model: handoff.TrainedModel) -> handoff.TrainedModel:
    """`model` as a file written without an example (by hand, or by another program) reads back."""
    return model_files.from_file(model_io.load(model_files.model_bytes(replace(model, example=None))), "mine.npz")


def test_a_file_without_an_example_gets_one_the_explorer_can_open():
    """The explorer switches to an uploaded model with its example; a file without one had left it on
    the model it showed, as if the upload had done nothing."""
    assert _without_example(_text_model()).example == "not good 好"  # its words after <pad> and <unk>
    symbols = handoff.TrainedModel(random_recorder("gru", 3, 4), "train", "GRU on brackets", symbols=3)
    assert _without_example(symbols).example == [1.0, 0.0, 1.0, 1.0, 0.0, 0.0]
    series = handoff.TrainedModel(random_recorder("lstm", 1, 4), "forecast", "LSTM on airline", scale=(104.0, 622.0))
    assert _without_example(series).example == [104.0] * 3 + [622.0] * 6 + [104.0] * 3 * 2
    wide = handoff.TrainedModel(random_recorder("lstm", 8, 4), "train", "LSTM on digits")
    assert _without_example(wide).example is None  # eight numbers a step: nothing the explorer can type


def _upload_page():
    """The explorer's uploader, given a file: what it hands to the explorer."""
    from unittest import mock

    import streamlit as st

    from lstm_core import random_recorder
    from tests.test_model_files import _without_example
    from ui import handoff, model_files

    wide = handoff.TrainedModel(random_recorder("lstm", 8, 4), "train", "LSTM on digits")
    file = mock.Mock(file_id="f1", getvalue=lambda: model_files.model_bytes(_without_example(wide)))
    file.name = "mine.npz"
    with mock.patch.object(st, "file_uploader", return_value=file):
        model_files.upload_widget()


def test_an_uploaded_model_always_asks_the_explorer_to_switch_to_it():
    at = AppTest.from_function(_upload_page, default_timeout=30).run()
    assert not at.exception
    assert at.session_state["_trained_model"].title == "LSTM on digits"
    assert at.session_state["_explorer_request"] is None  # no example: the explorer keeps its input


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_explorer_opens_a_model_without_an_example_and_says_what_it_cannot_read(lang):
    from tests.apptest import open_page
    from ui.i18n import translate

    text = _without_example(_text_model())
    at = open_page("pages/explorer.py", lang=lang, session={handoff.KEY: text, "_explorer_request": text.example})
    assert not at.exception and not at.error
    assert at.session_state["explorer:source"] == "trained" and at.session_state["explorer:text"] == "not good 好"
    wide = _without_example(handoff.TrainedModel(random_recorder("lstm", 8, 4), "train", "LSTM on digits"))
    at = open_page("pages/explorer.py", lang=lang, session={handoff.KEY: wide, "_explorer_request": None})
    assert not at.exception and at.session_state["explorer:source"] == "trained"
    assert [e.value for e in at.error] == [translate("explorer.err_one_feature", lang, n=8)]


def test_a_long_series_reaches_the_explorer_whole():
    """GunPoint's 150 values (float16 data: "-0.65234375") took 2,191 characters exactly; the box's cap
    cut the series at step 111, mid-number. Short examples stay exact."""
    from datasets import sequence_input
    from ui import explorer_state

    window = [112.0, 118.25, 132.125]
    assert explorer_state.numbers_text(window, explorer_state.NUMBERS_CHARS) == "112.0, 118.25, 132.125"
    series = np.random.default_rng(0).normal(size=150).astype(np.float16).astype(float)
    text = explorer_state.numbers_text(series, explorer_state.NUMBERS_CHARS)
    assert len(", ".join(repr(v) for v in series)) > explorer_state.NUMBERS_CHARS >= len(text)
    back = sequence_input.parse_numbers(text).values
    assert len(back) == 150 and np.allclose(back, series, rtol=1e-3, atol=1e-3)
    longest = explorer_state.numbers_text(-np.pi * np.ones(sequence_input.MAX_STEPS), explorer_state.NUMBERS_CHARS)
    assert len(sequence_input.parse_numbers(longest).values) == sequence_input.MAX_STEPS
