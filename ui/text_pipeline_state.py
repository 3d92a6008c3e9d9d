"""/text-pipeline's cached data: a data set's texts and the vocabulary built from them (shared by all
sessions, immutable once built: the page only reads it)."""

from __future__ import annotations

import streamlit as st

from datasets import classification
from lstm_core.text import build_vocab, tokenise

DATA_SEED = 0  # the same data and split as /train uses by default (ui/train_state.DATA_SEED)


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
