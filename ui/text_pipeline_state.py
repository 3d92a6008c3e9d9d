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
from ui.i18n import counted

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


# --- the sentences that count: each reads right at 0, at 1 and at all ------------------------------


def oov_sentence(indices: list[int]) -> str:
    """How many of the sentence's tokens become <unk> (index 1): "all 12 tokens are in the vocabulary",
    not "0 of 12 ... become <unk>"."""
    oov, n = indices.count(1), len(indices)
    if oov in (0, n):
        return ui.t(counted("text_pipeline.oov_none" if oov == 0 else "text_pipeline.oov_all", n), n=n)
    return ui.t(counted("text_pipeline.oov_summary", oov), oov=oov, n=n)


def coverage_sentence(vocab: Vocab) -> str:
    """How many of the texts' distinct tokens the vocabulary holds (besides <pad> and <unk>); the rest,
    the rarest, become <unk>."""
    kept, seen = len(vocab) - 2, len(vocab.counts)
    if kept == seen:
        return ui.t("text_pipeline.step3_all", size=len(vocab), seen=seen)
    if kept == 0:
        return ui.t("text_pipeline.step3_none", size=len(vocab))
    return ui.t(counted("text_pipeline.step3_cut", kept), size=len(vocab), seen=seen, kept=kept)


def length_sentence(n: int, maxlen: int) -> str:
    """What padding or truncation does to a sentence of n tokens: "1 token", never "1 tokens"."""
    if n > maxlen:
        return ui.t(counted("text_pipeline.truncated", n - maxlen), n=n, maxlen=maxlen, cut=n - maxlen)
    if n == maxlen:
        return ui.t(counted("text_pipeline.fits", n), n=n)
    key = "text_pipeline.padded_single" if n == 1 else "text_pipeline.padded_n"
    return ui.t(counted(key, maxlen - n), n=n, pad=maxlen - n)
