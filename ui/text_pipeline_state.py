"""/text-pipeline's cached data: a data set's texts and the vocabulary built from them (shared by all
sessions, immutable once built: the page only reads it)."""

from __future__ import annotations

import streamlit as st

from datasets import classification
from datasets.text import Vocab, tokenise

DATA_SEED = 0  # the same examples as /train shows by default


@st.cache_data(max_entries=16, show_spinner=False)
def dataset_vocab(name: str, mode: str, max_size: int):
    """(texts, labels, class-name keys, vocabulary) of text data set `name` tokenised with `mode`."""
    data = classification.load(name, seed=DATA_SEED)
    tokens = [tokenise(text, mode) for text in data.texts]
    return data.texts, data.y, data.class_names, tokens, Vocab.build(tokens, max_size=max_size)


TEXT_SETS = [name for name, info in classification.NAMES.items() if info["kind"] == "text"]
