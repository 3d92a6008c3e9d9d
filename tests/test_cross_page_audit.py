"""What only shows between pages: a name one page gives an idea and another page's name for it, a
sentence on one page about another page's code, and what a hand-off says on the receiving page.

The Chinese is held to ui/strings/glossary.py by tests/test_glossary.py; these tests hold the English
(and a few hand-offs in both languages)."""

import inspect
import re

import pytest

from datasets import keras_words
from lstm_core import classifier, keras_io
from lstm_core.classifier_choices import KINDS, RECORDER_KIND
from lstm_core.text import MODEL_MAXLEN, MODEL_VOCAB
from ui.explorer_state import kind_name
from ui.i18n import LANGS, STRINGS, translate
from ui.lessons_content import LESSONS
from ui.strings import glossary

EN = {key: en for key, (en, _) in STRINGS.items()}


# --- one name for the vanilla RNN ---------------------------------------------------------------


def test_the_vanilla_rnn_has_one_english_name():
    """/explorer and /gradient-flow said "Vanilla RNN", /lessons "plain RNN" (its link "Plain RNN, long
    sentence" opened the explorer on "Vanilla RNN (tanh)"), /train "RNN". Lesson 1 says once that
    "plain" and "Elman" are other names for it; nowhere else is it a plain RNN."""
    for key, text in EN.items():
        text = text.replace("also called a plain or Elman RNN", "")
        assert not re.search(r"\bplain (tanh )?RNN", text, re.I), f"{key}: {text[:120]!r}"
    assert "also called a plain or Elman RNN" in EN["lessons.rnn_forgets.body"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_model_trained_on_train_has_the_explorers_name_for_its_kind(lang):
    """The explorer traced a /train RNN under two names at once: "Tracing your trained model: RNN
    trained on …" (/train's name) above "… is a Vanilla RNN (tanh)" (the explorer's)."""
    for kind in KINDS:
        assert translate(f"train.kind.{kind}", lang) == kind_name(RECORDER_KIND[kind], lang), kind


def _bare(label: str) -> str:
    """A kind's name without its parenthesis: "Vanilla RNN (tanh)" -> "vanilla rnn"."""
    return re.split(r" ?[(（]", label)[0].casefold()


@pytest.mark.parametrize("lang", LANGS)
def test_a_lesson_link_names_the_kind_as_the_page_it_opens_does(lang):
    """A lesson's link that picks a recurrent kind names it as the opened page's menu does."""
    menus = {"explorer": "explorer.variant.{}", "train": "train.kind.{}"}
    checked = 0
    for lesson in LESSONS:
        for k, link in enumerate(lesson.links):
            kind = link.params.get("kind")
            if kind is None or link.page not in menus:
                continue
            label = translate(f"lessons.{lesson.slug}.link{k}", lang).casefold()
            name = _bare(translate(menus[link.page].format(kind), lang))
            assert name in label, (lesson.slug, k, name, label)
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize("kind", ["lstm", "gru", "rnn_tanh", "lstm1997", "cifg", "peephole"])
def test_the_explorers_note_on_a_trained_kind_reads_right_for_every_kind(kind):
    """The note "The trained model is a {kind}" read "a LSTM 1997 (no forget gate)" for a 1997 LSTM from /train."""
    for lang in LANGS:
        note = translate("explorer.note_trained_kind", lang, kind=kind_name(kind, lang))
        assert kind_name(kind, lang) in note
    name = kind_name(kind, "en")  # "a LSTM …", "an GRU": no article fits every name
    note = translate("explorer.note_trained_kind", "en", kind=name)
    assert not re.search(rf"\ban? {re.escape(name)}", note), note


# --- one name for the three parts of the data -----------------------------------------------------

TRAIN_PAGE_KEYS = [key for key in EN if key.startswith("train.")] + ["chart.train_curves.summary", "text_pipeline.step3_caption"]


def test_train_calls_its_three_parts_sets():
    """/train said "validation set", "validation part" and "validation split" for one thing (its Chinese
    is 验证集 throughout, the glossary's term); /forecast's parts are another matter (see below)."""
    for key in TRAIN_PAGE_KEYS:
        for word in ("training", "validation", "test"):
            for other in ("part", "split", "splits", "parts"):
                assert not re.search(rf"\b{word} {other}\b", EN[key]), f"{key} says “{word} {other}”"
    assert "训练部分" not in translate("text_pipeline.step3_caption", "zh")


def test_the_glossary_names_the_forecasts_parts():
    """The glossary says every page uses its terms, and gave only "test set" (测试集), while /forecast says
    "test part" (测试部分) on purpose, in both languages: its row now says so."""
    rows = {row[0]: row for row in glossary.GLOSSARY}
    for row, part in (("train_set", "train"), ("val_set", "val"), ("test_set", "test")):
        _, en, zh, _ = rows[row]
        assert translate(f"forecast.{part}", "en") in en and translate(f"forecast.{part}", "zh") in zh, row
    assert "vanilla_rnn" in rows and "vanilla RNN" in rows["vanilla_rnn"][1]


# --- sentences about another page's code (guards: they held when audited) ------------------------


def test_the_text_pipelines_numbers_are_trains():
    """/text-pipeline's intro gives /train's vocabulary cap and maximum length from these constants; /train
    builds its data with them."""
    defaults = inspect.signature(classifier.prepare).parameters
    assert defaults["max_vocab"].default == MODEL_VOCAB and defaults["maxlen"].default == MODEL_MAXLEN
    assert defaults["tokenise_mode"].default == "auto"
    assert "{vocab:,}" in EN["text_pipeline.intro"] and "{maxlen}" in EN["text_pipeline.intro"]


def test_the_keras_lesson_gives_the_explorers_limits():
    body = EN["lessons.keras.body"]
    assert f"up to {keras_io.MAX_FILE_BYTES // keras_io.MB} MB" in body
    assert f"word index up to {keras_words.MAX_BYTES // keras_io.MB} MB" in body
    assert f"at most {keras_io.MAX_VOCAB:,} words" in body
    assert f"at most {keras_io.MAX_HIDDEN} units per recurrent layer" in body
    assert f"at most {keras_io.MAX_RECURRENT} recurrent layers" in body
