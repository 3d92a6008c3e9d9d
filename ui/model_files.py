"""Download a trained model as a `.npz` file and load one back (any page can use these two).

    from ui import model_files
    model_files.download_button(trained_model)            # a ui.handoff.TrainedModel
    uploaded = model_files.upload_widget(where=st.sidebar)  # TrainedModel or None; handed to /explorer

The file format and every check on uploads live in lstm_core.model_io (no pickle, ever).
"""

from __future__ import annotations

import math

import streamlit as st

import ui
from lstm_core import model_io
from lstm_core.errors import UserInputError
from lstm_core.text import Vocab

from . import handoff

MAX_TITLE_CHARS = 100
MAX_EXAMPLE_ITEMS = 400
TOKENISE_MODES = ("auto", "words", "chars")


def model_bytes(model: handoff.TrainedModel, lang: str | None = None) -> bytes:
    """The model as `.npz` bytes (lstm_core.model_io's format), titled in `lang` (the page's, by default)."""
    scale = None if model.scale is None else [float(v) for v in model.scale]
    example = model.example
    if example is not None and not isinstance(example, str):
        example = [float(v) for v in example]
    return model_io.save(
        model.recorder,
        embedding=model.embedding,
        vocab=None if model.vocab is None else list(model.vocab.itos),
        class_names=list(model.class_names),
        scale=scale,
        metadata={
            "title": handoff.title(model, lang or ui.lang()),
            "source": model.source,
            "tokenise_mode": model.tokenise_mode,
            "example": example,
            "example_units": "series",  # a forecaster's example in the series' units, not scaled (see from_file)
            "symbols": model.symbols,
        },
    )


def download_button(model: handoff.TrainedModel, key: str = "model_download", where=st):
    """A download button for the model; the file is only built when the learner clicks."""

    lang = ui.lang()  # now: data() runs on the click, outside the page's run, where the language reads as English

    def data():
        try:
            return model_bytes(model, lang)
        except UserInputError:  # too large to save: an empty file is better than a traceback mid-download
            return b""

    where.download_button(
        ui.t("model.download"),
        data=data,
        file_name=f"lstm-lab-{model.source}-{model.recorder.kind}.npz",
        mime="application/octet-stream",
        help=ui.t("model.download_help"),
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def from_file(loaded: model_io.ModelFile, file_name: str) -> handoff.TrainedModel:
    """A TrainedModel from a checked model file; free-form metadata is used only when well-formed."""
    meta = loaded.metadata
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        title = ui.t("model.uploaded_title", name=file_name)
    mode = meta.get("tokenise_mode")
    source = meta.get("source")
    scale = None
    if loaded.scale is not None and loaded.scale.ndim == 1:
        scale = (float(loaded.scale[0]), float(loaded.scale[1]))
    symbols = _symbols(meta.get("symbols"), loaded)
    return handoff.TrainedModel(
        recorder=loaded.recorder,
        source=source if source in ("train", "forecast") else "upload",
        title=title[:MAX_TITLE_CHARS],  # as written: handoff.shown_title escapes it where it is shown
        embedding=loaded.embedding,
        vocab=None if loaded.vocab is None else Vocab(list(loaded.vocab), {}),
        tokenise_mode=mode if mode in TOKENISE_MODES else "auto",
        class_names=list(loaded.class_names),
        scale=scale,
        symbols=symbols,
        example=_in_series_units(_example(meta.get("example")), scale, meta.get("example_units"))
        or _made_up_example(loaded, mode, scale, symbols),
    )


def _made_up_example(loaded: model_io.ModelFile, mode, scale, symbols):
    """An input the explorer can open a file without an example with (the page switches to the model
    it was given): a few of its words, symbols, or a step of the series' range. None where the model
    reads several numbers a step, which the explorer cannot take: it says so."""
    if loaded.vocab is not None:
        words = list(loaded.vocab)[2:8]  # after <pad> and <unk>
        return ("" if mode == "char" else " ").join(words) or None
    if symbols:
        return [float(k % symbols) for k in (1, 0, 1, 1, 0, 0)]
    if loaded.recorder.input_size != 1:
        return None
    low, high = scale or (0.0, 1.0)
    return [low] * 3 + [high] * 6 + [low] * 6


def _in_series_units(example, scale, units):
    """A forecaster saved before files said "example_units" stored its example window already
    scaled; the explorer scales what it shows, so that window goes back to the series' units."""
    if scale is None or units == "series" or not isinstance(example, list):
        return example
    low, high = scale
    return [low + v * (high - low) for v in example]


def _symbols(value, loaded: model_io.ModelFile) -> int | None:
    """One-hot symbol inputs: only for a model without a vocabulary whose input width is that count."""
    ok = isinstance(value, int) and not isinstance(value, bool) and loaded.vocab is None
    return value if ok and 2 <= value == loaded.recorder.input_size else None


def _example(value):
    if isinstance(value, str):
        return value[: ui.MAX_PARAM_LEN]
    if (
        isinstance(value, list)
        and 0 < len(value) <= MAX_EXAMPLE_ITEMS
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value)
    ):
        return [float(v) for v in value]
    return None


def upload_widget(key: str = "model_upload", where=st, hand_off: bool = True) -> handoff.TrainedModel | None:
    """A file uploader for `.npz` model files. Returns the checked model (or None, after showing
    why the file was refused). With `hand_off`, a newly loaded model becomes the session's trained
    model, so /explorer can trace it."""
    file = where.file_uploader(
        ui.t("model.upload"),
        type=None,  # any file, checked by its content: Streamlit refuses other types in an English-only tooltip
        key=key,
        help=ui.t("model.upload_help"),
        max_upload_size=model_io.MAX_FILE_BYTES // (1024 * 1024),
    )
    if file is None:
        return None
    cache = st.session_state.setdefault("_model_uploads", {})
    if file.file_id not in cache:  # parse once per uploaded file, not on every rerun
        cache.clear()
        try:
            model = from_file(model_io.load(file.getvalue()), file.name[:60])
        except UserInputError as exc:
            model = exc
        cache[file.file_id] = model
        if hand_off and isinstance(model, handoff.TrainedModel):
            handoff.put(model)
            handoff.request(model.example)  # the explorer switches to it, as it does for a Keras model
    model = cache[file.file_id]
    if isinstance(model, UserInputError):
        ui.error(model, where)  # under the box the file was dropped in, where the learner is looking
        return None
    where.caption(ui.t("model.loaded", title=handoff.shown_title(model, ui.lang())))
    return model
