"""Hand a trained model from /train or /forecast to /explorer (same session, no retraining).

The trainer stores what the explorer needs to trace the trained weights: the recurrent layers as a
Recorder, and how to turn the learner's input into the model's input vectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import streamlit as st

from lstm_core import Recorder
from ui.i18n import LANGS, translate

KEY = "_trained_model"


@dataclass
class TrainedModel:
    recorder: Recorder  # the trained recurrent layers (time-first input)
    source: str  # "train" or "forecast"
    title: dict | str  # {lang: its name} for a model trained here (the explorer follows a language switch); a file's own title
    embedding: np.ndarray | None = None  # (V, E): text models look tokens up here
    vocab: object | None = None  # lstm_core.text.Vocab for text models
    tokenise_mode: str = "auto"
    class_names: list = field(default_factory=list)
    scale: tuple | None = None  # (min, max) of a forecaster's Min-Max scaler, fitted on training data
    symbols: int | None = None  # a classifier of one-hot symbol sequences: each input number is a symbol 0..symbols-1
    example: object = None  # a suggested input: a sentence, or a list of numbers
    keras: object | None = None  # lstm_core.keras_io.KerasModel: the whole Keras model (its prediction too)
    word_index: object | None = None  # datasets.keras_words.WordIndex: the learner's own Keras word index
    traced_layers: int = 0  # a Keras model: how many of its recurrent layers `recorder` stacks
    run: int | None = None  # a /train run's number: its Export offers this file only for that run


def title(model: TrainedModel, lang: str) -> str:
    return model.title if isinstance(model.title, str) else model.title[lang]


def shown_title(model: TrainedModel, lang: str) -> str:
    """The title as Markdown that reads as written (it may be a file's name, or a title a file carries)."""
    return markdown_text(title(model, lang))


# Markdown's inline markup, with Streamlit's :colour[…] and $…$: backslash-escaped, the characters show as themselves
_MARKUP = re.compile(r"([\\`*_\[\]<>$~|:])")


def markdown_text(text: str) -> str:
    """A learner's text (a file name) for a Markdown message: shown as written, "my_model(2).npz" with its
    underscore and brackets (they used to be blanked), never as formatting or a link (a word joiner
    after "://" and "www" stops the autolinks, which see through escapes)."""
    text = text.replace("://", ":\u2060//").replace("www.", "www\u2060.")
    return _MARKUP.sub(r"\\\1", text)


def in_every_language(key: str, **params) -> dict:
    """A title for TrainedModel: `key` translated into each language, with params (lang -> value)."""
    return {lang: translate(key, lang, **{name: value(lang) for name, value in params.items()}) for lang in LANGS}


def put(model: TrainedModel):
    st.session_state[KEY] = model


def get() -> TrainedModel | None:
    return st.session_state.get(KEY)


NO_REQUEST = object()


def request(example):
    """Ask the explorer to open `example` (a sentence or a list of numbers; None: the input it has)
    with the trained model."""
    st.session_state["_explorer_request"] = example


def take_request():
    return st.session_state.pop("_explorer_request", NO_REQUEST)
