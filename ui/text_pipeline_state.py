"""/text-pipeline's cached data: a data set's texts, their token counts and the vocabulary built
from them (shared by all sessions, immutable once built: the page only reads it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import streamlit as st

import ui
from datasets import classification
from datasets import text_steps as steps
from lstm_core.text import Vocab, tokenise
from ui import settings

DATA_SEED = 0  # the same data and split as /train uses by default (ui/train_runs.DATA_SEED)
TEXT_SETS = [name for name, info in classification.NAMES.items() if info["kind"] == "text"]
MODES = ("auto", "words", "chars")
EXAMPLES = 8  # data-set examples the page shows


class TextSet(NamedTuple):
    """A text data set as the page shows it."""

    texts: list[str]
    labels: np.ndarray
    class_names: list[str]  # string keys
    lengths: np.ndarray  # (n,) tokens per text
    counts: Counter  # of the tokens in the training split
    n_train: int


# cache_resource, not cache_data: one shared object instead of an unpickled copy on each rerun (the
# page only reads it)
@st.cache_resource(max_entries=len(TEXT_SETS) * len(MODES), show_spinner=False)  # all of them
def dataset_tokens(name: str, mode: str) -> TextSet:
    """Text data set `name` tokenised in `mode`: what the page shows of it, kept small (lengths and
    counts, not every text's tokens: those took about 25 MB for the nine). Tokenising is the slow part
    (word segmentation of the Chinese reviews: about 0.1 s); a new vocabulary size only re-sorts
    the counts."""
    data = classification.load(name, seed=DATA_SEED)
    train, _, _ = classification.split(data, seed=DATA_SEED)
    tokens = {text: tokenise(text, mode) for text in data.texts}  # dropped once counted
    lengths = np.array([len(tokens[text]) for text in data.texts])
    counts = Counter(tok for text in train.texts for tok in tokens[text])
    return TextSet(data.texts, data.y, data.class_names, lengths, counts, len(train.texts))


@st.cache_resource(max_entries=32, show_spinner=False)
def dataset_vocab(name: str, mode: str, max_size: int) -> Vocab:
    """The vocabulary of `max_size` tokens. As on /train, it comes from the training split alone."""
    return Vocab.from_counts(dataset_tokens(name, mode).counts, max_size)


def warm_up():
    """Tokenise every data set in every mode once, at server start, so that no learner's click waits
    for it."""
    for name in TEXT_SETS:
        for mode in MODES:
            dataset_tokens(name, mode)


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
    mode: str = settings.choice("mode", "text_pipeline.mode", MODES, "auto", "text_pipeline.mode.{}", column=1)
    maxlen: int = settings.number("maxlen", "text_pipeline.maxlen", 1, steps.MAX_LEN, 20, step=1, column=2)
    dim: int = settings.slider("dim", "text_pipeline.dim", 2, steps.MAX_DIM, 8, column=2)
    vocab_size: int = settings.number("vocab", "text_pipeline.vocab_size", 2, 20_000, 5000, step=100, advanced=True, column=3)
    seed: int = settings.number("seed", "app.seed", 0, 2**31 - 1, 0, step=1, advanced=True, column=3)
