"""Open a learner's own Keras model in the explorer (beside the `.npz` upload of ui.model_files).

    keras_files.upload_widget(where=st.sidebar)   # TrainedModel or None; handed to /explorer

One uploader takes the model file (.keras, .h5, or .weights.h5), and JSON files beside it: the model's
config (`model.to_json()`, needed with weights only) and the word index (`tokenizer.to_json()` or a
plain {word: id}); each JSON file is told apart by its content. Reading and checking happen in
lstm_core.keras_io and datasets.keras_words: no Keras, no code from the file is ever run.
"""

from __future__ import annotations

import json

import streamlit as st

import ui
from datasets import keras_words
from lstm_core import keras_io
from lstm_core.errors import UserInputError

from . import handoff

MAX_FILES = 3
MAX_TOTAL_BYTES = keras_io.MAX_FILE_BYTES + keras_io.MAX_CONFIG_BYTES + keras_words.MAX_BYTES  # a model, its config, a word index


def load_files(files: list[tuple[str, bytes]]) -> handoff.TrainedModel:
    """[(file name, bytes)] -> the model for the explorer. Raises UserInputError."""
    if len(files) > MAX_FILES or sum(len(data) for _, data in files) > MAX_TOTAL_BYTES:
        raise UserInputError("keras.err_one_model")
    models = [(name, data) for name, data in files if not name.lower().endswith(".json")]
    if not models:
        raise UserInputError("keras.err_no_model")
    if len(models) != 1:
        raise UserInputError("keras.err_one_model")
    config = word_index = None
    for name, data in files:
        if not name.lower().endswith(".json"):
            continue
        try:
            value = json.loads(data)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise UserInputError("keras.err_json_kind", name=handoff.markdown_text(name[:60])) from None
        if keras_words.looks_like_word_index(value):
            if word_index is not None:
                raise UserInputError("keras.err_one_model")
            word_index = keras_words.parse(data)
        elif isinstance(value, dict) and "class_name" in value:
            if config is not None:
                raise UserInputError("keras.err_one_model")
            config = data
        else:
            raise UserInputError("keras.err_json_kind", name=handoff.markdown_text(name[:60]))
    name, data = models[0]
    model = keras_io.load(data, config)
    recorder, traced = model.stacked_recorder()
    return handoff.TrainedModel(
        recorder=recorder,
        source="upload",
        title=handoff.in_every_language("keras.title", name=lambda _: name[:60]),
        embedding=model.embedding,
        example=_example(model, word_index),
        keras=model,
        word_index=word_index,
        traced_layers=traced,
    )


def _example(model: keras_io.KerasModel, index) -> object:
    """What the explorer opens first: a few of the word index's most frequent words, a few ids, or a step."""
    if model.embedding is None:
        return [0.0] * 3 + [1.0] * 6 + [0.0] * 6
    if index is not None:
        usable = sorted((i, w) for w, i in index.words.items() if w != index.oov_token and 0 < i < model.embedding.shape[0])
        if usable:  # a character-level index reads a space as a character of its own: none between them
            return ("" if index.char_level else " ").join(w for _, w in usable[:6])
    last = model.embedding.shape[0] - 1
    return [float(1 + k % last) for k in range(6)]


def summary(model: keras_io.KerasModel) -> str:
    """The layers, as Keras's model.summary() names them: Embedding(30→6) → LSTM(5) → Dense(3, softmax)."""
    parts = [] if model.embedding is None else [f"Embedding({model.embedding.shape[0]}→{model.embedding.shape[1]})"]
    for layer in model.layers:
        if isinstance(layer, keras_io.RecurrentLayer):
            text = f"{layer.keras_class}({layer.recorder.hidden_size})"
            parts.append(f"Bidirectional({text})" if layer.recorder.bidirectional else text)
        elif isinstance(layer, keras_io.DenseLayer):
            parts.append(f"Dense({layer.kernel.shape[1]}, {layer.activation})")
        else:
            parts.append(f"Activation({layer.activation})")
    return " → ".join(parts)


def upload_widget(key: str = "keras_upload", where=st) -> handoff.TrainedModel | None:
    """The uploader. A newly loaded model becomes the session's trained model, and the explorer opens
    it on an example input."""
    files = where.file_uploader(
        ui.t("keras.upload"),
        type=None,  # any file, checked by its content: Streamlit refuses other types in an English-only tooltip
        accept_multiple_files=True,
        key=key,
        help=ui.t(
            "keras.upload_help", model_mb=keras_io.MAX_FILE_BYTES // keras_io.MB, words_mb=keras_words.MAX_BYTES // keras_io.MB
        ),
        max_upload_size=keras_io.MAX_FILE_BYTES // keras_io.MB,
    )
    if not files:
        return None
    cache = st.session_state.setdefault("_keras_uploads", {})
    ids = tuple(sorted(f.file_id for f in files))
    if ids not in cache:  # parse once per set of files, not on every rerun
        cache.clear()
        try:
            model = load_files([(f.name, f.getvalue()) for f in files])
        except UserInputError as exc:
            model = exc
        cache[ids] = model
        if isinstance(model, handoff.TrainedModel):
            handoff.put(model)
            handoff.request(model.example)
    model = cache[ids]
    if isinstance(model, UserInputError):
        ui.error(model, where)  # under the box the file was dropped in, where the learner is looking
        return None
    where.caption(ui.t("keras.loaded", layers=summary(model.keras)))
    for note, params in model.keras.notes:  # what was uploaded but not used
        where.info(ui.t(note, **params), icon=":material/info:")
    if model.word_index is not None:
        where.caption(ui.t("keras.loaded_words", n=len(model.word_index.words)))
    return model
