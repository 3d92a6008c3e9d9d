"""/text-pipeline's cached data: a data set's texts and the vocabulary built from them (shared by all
sessions, immutable once built: the page only reads it)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

import ui
from datasets import classification
from datasets import text_steps as steps
from lstm_core.text import build_vocab, tokenise
from ui import settings

DATA_SEED = 0  # the same data and split as /train uses by default (ui/train_runs.DATA_SEED)


# cache_resource, not cache_data: one shared object instead of an unpickled copy of every text's
# tokens on each rerun (the page only reads it)
@st.cache_resource(max_entries=16, show_spinner=False)
def dataset_vocab(name: str, mode: str, max_size: int):
    """(texts, labels, class-name keys, tokens of every text, vocabulary, training-split size) of text
    data set `name`. As on /train, the vocabulary comes from the training split alone."""
    data = classification.load(name, seed=DATA_SEED)
    train, _, _ = classification.split(data, seed=DATA_SEED)
    tokens = [tokenise(text, mode) for text in data.texts]
    return data.texts, data.y, data.class_names, tokens, build_vocab(train.texts, mode, max_size), len(train.texts)


TEXT_SETS = [name for name, info in classification.NAMES.items() if info["kind"] == "text"]


@dataclass(frozen=True)
class Pipeline:
    """The page's settings: the sentence (column 0, full width), the data set and tokeniser (1), the
    padded length and embedding width (2), and the advanced ones (3, an expander)."""

    sentence: str = settings.text(
        "sentence", "text_pipeline.sentence", max_chars=2000, start=lambda ctx: ui.t("text_pipeline.default_sentence")
    )
    dataset: str = settings.choice(
        "data", "text_pipeline.dataset", TEXT_SETS, "negation_en", "data.{}", column=1,
        start=lambda ctx: "negation_zh" if ctx["lang"] == "zh" else "negation_en",
    )  # fmt: skip
    mode: str = settings.choice(
        "mode", "text_pipeline.mode", ("auto", "words", "chars"), "auto", "text_pipeline.mode.{}", column=1
    )
    maxlen: int = settings.number("maxlen", "text_pipeline.maxlen", 1, steps.MAX_LEN, 20, step=1, column=2)
    dim: int = settings.slider("dim", "text_pipeline.dim", 2, steps.MAX_DIM, 8, column=2)
    vocab_size: int = settings.number("vocab", "text_pipeline.vocab_size", 2, 20_000, 5000, step=100, advanced=True, column=3)
    seed: int = settings.number("seed", "app.seed", 0, 2**31 - 1, 0, step=1, advanced=True, column=3)
