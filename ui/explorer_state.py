"""The explorer's settings, the runs behind them, and their caches.

`settings_ui()` draws the URL-bound widgets and returns a frozen `Settings`; `build_run` turns
settings into a recorded trace (pure; unit-tested); the `cached_*` functions memoise runs, the
stepper's HTML, the what-if comparison and the CSV: across sessions with `st.cache_data` for random
and hand-built models (a class of 30 opening the same preset shares one run), and per session for
the learner's own trained model (never shared, never mutated).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import asdict, dataclass, field, make_dataclass

import numpy as np
import streamlit as st

import ui
from datasets import keras_words, sequence_input
from lstm_core import Intervention, Recorder, Trace, cells, handbuilt, random_recorder
from lstm_core.cells import GATE_SYMBOL
from lstm_core.contributions import gate_terms
from lstm_core.errors import UserInputError
from plots import explorer_component
from plots.cell_looks import look

from . import handoff, settings
from .i18n import STRINGS, counted, sentences, translate

MODES = ("preset", "text", "numbers")
NUMBERS_CHARS = ui.MAX_PARAM_LEN * 4  # what the numbers box (Input.numbers) takes
SOURCES = ("random", "memory", "counter", "leaky")
VARIANTS = cells.VARIANTS


def interventions(kind: str) -> tuple:
    """The what-ifs for a kind: its gate clamps, then switching the unit off, then the same input without
    its first step ("drop_first", drawn aligned with the original)."""
    return (*cells.spec(kind).clamps, "unit_off", "drop_first")


LAB_SLIDERS = {  # name: (min, max, default): the default unit forgets half its memory each step
    "w_f": (-6.0, 6.0, 0.0),
    "b_f": (-6.0, 6.0, 0.0),
    "w_i": (-6.0, 6.0, 6.0),
    "b_i": (-6.0, 6.0, -3.0),
    "w_g": (-3.0, 3.0, 2.0),
    "b_o": (-6.0, 6.0, 2.0),
}
LAB_STEPS, LAB_PULSE = 40, (3,)
TABS = ("step", "whatif", "lab")  # ?tab=: the open tab (ui.tabs)


# --- the page's settings, one declaration per group of widgets (ui/settings.py) ---------------


@dataclass(frozen=True)
class Input:
    """What the model reads: a preset, typed text or a list of numbers (only the mode's own is drawn)."""

    mode: str = settings.choice("mode", "explorer.mode", MODES, "preset", "explorer.mode.{}", widget="radio")
    preset: str = settings.choice(
        "preset", "explorer.preset", tuple(sequence_input.PRESETS), "", "explorer.preset.{}",
        when=lambda ctx: ctx["mode"] == "preset", start=lambda ctx: "negation",
    )  # fmt: skip
    text: str = settings.text(
        "text", "explorer.text", help="explorer.text_help",
        when=lambda ctx: ctx["mode"] == "text", start=lambda ctx: ui.t("explorer.default_text"),
    )  # fmt: skip
    numbers: str = settings.text(
        "numbers", "explorer.numbers", max_chars=NUMBERS_CHARS, area=True, help="explorer.numbers_help",
        when=lambda ctx: ctx["mode"] == "numbers", start=lambda ctx: sequence_input.preset_numbers("step"),
    )  # fmt: skip


@dataclass(frozen=True)
class Source:
    """Where the model comes from (ctx: `trained`, whether a trained model was handed over)."""

    source: str = settings.choice(
        "source", "explorer.source", lambda ctx: SOURCES + (("trained",) if ctx.get("trained") else ()), "random",
        "explorer.source.{}",
    )  # fmt: skip


@dataclass(frozen=True)
class Model:
    """The variant, and the size of a random model or the trigger word of a hand-built one (ctx: `source`)."""

    # a hand-built cell is an LSTM and a trained model has its own kind: the variant is a random model's
    kind: str = settings.choice(
        "kind", "explorer.variant", VARIANTS, "lstm", "explorer.variant.{}", when=lambda ctx: ctx["source"] == "random"
    )
    hidden: int = settings.slider(
        "hidden", "explorer.hidden", 1, sequence_input.MAX_HIDDEN, 8, when=lambda ctx: ctx["source"] == "random"
    )
    layers: int = settings.slider(
        "layers", "explorer.layers", 1, sequence_input.MAX_LAYERS, 1, advanced=True, when=lambda ctx: ctx["source"] == "random"
    )
    seed: int = settings.number("seed", "app.seed", 0, 2**31 - 1, 0, advanced=True, when=lambda ctx: ctx["source"] == "random")
    trigger: str = settings.text(
        "trigger", "explorer.trigger", max_chars=40, help="explorer.trigger_help",
        when=lambda ctx: ctx["source"] in handbuilt.KINDS,
        start=lambda ctx: sequence_input.TRIGGER_DEFAULT.get(ctx["lang"], "not"),
    )  # fmt: skip


@dataclass(frozen=True)
class Layer:
    """Which layer the stepper shows (ctx: `top`, the model's last layer; drawn when it has several)."""

    layer: int = settings.slider("layer", "explorer.layer", 0, lambda ctx: ctx["top"], 0, when=lambda ctx: ctx["top"] > 0)


@dataclass(frozen=True)
class Unit:
    """Which unit of that layer (ctx: `top`, its last unit)."""

    unit: int = settings.slider("unit", "explorer.unit", 0, lambda ctx: ctx["top"], 0, when=lambda ctx: ctx["top"] > 0)


@dataclass(frozen=True)
class WhatIf:
    """The what-if tab (ctx: `kind`, the traced model's: its gates decide the interventions)."""

    intervention: str = settings.choice(
        "iv", "explorer.intervention", lambda ctx: interventions(ctx["kind"]), "", "explorer.iv.{}",
        start=lambda ctx: interventions(ctx["kind"])[0],
    )  # fmt: skip
    every_unit: bool = settings.toggle(
        "iv_all", "explorer.iv_scope", column=1, help="explorer.iv_scope_help",
        disabled=lambda ctx: ctx["intervention"] == "drop_first",  # a change of the input reaches every unit
    )  # fmt: skip


# The single-unit lab: one slider per weight of LAB_SLIDERS, each its own column (lab_ui lays them out)
Lab = make_dataclass(
    "Lab",
    [
        (name, float, settings.slider(f"lab_{name}", f"explorer.lab.{name}", low, high, default, step=0.5, column=k))
        for k, (name, (low, high, default)) in enumerate(LAB_SLIDERS.items())
    ],
    frozen=True,
)


@dataclass(frozen=True)
class Settings:
    mode: str = "preset"  # "preset", "text" or "numbers"
    preset: str = "negation"
    text: str = ""
    numbers: str = ""
    source: str = "random"  # one of SOURCES, or "trained"
    kind: str = "lstm"  # the variant of a random model
    hidden: int = 8
    layers: int = 1
    seed: int = 0
    trigger: str = ""
    lang: str = "en"  # presets and default texts depend on it


@dataclass
class Run:
    labels: tuple  # one per step, as shown (unknown tokens as <unk>)
    x: np.ndarray  # (T, I) the model's input
    recorder: Recorder
    trace: Trace
    x_display: np.ndarray | None  # (T,) when the input is one number per step
    notes: list = field(default_factory=list)  # [(string key, params)]


# --- pure: settings -> run -> stepper HTML ---------------------------------------------------


def parse_input(s: Settings, tokenise_mode: str = "auto") -> sequence_input.SequenceInput:
    kind, raw = (
        (sequence_input.preset(s.preset, s.lang)) if s.mode == "preset" else (s.mode, s.text if s.mode == "text" else s.numbers)
    )
    return sequence_input.parse_text(raw, tokenise_mode) if kind == "text" else sequence_input.parse_numbers(raw)


def build_run(s: Settings, trained: handoff.TrainedModel | None = None) -> Run:
    sequence_input.check_sizes(s.hidden, s.layers)
    notes = []
    seq = parse_input(s, trained.tokenise_mode if trained is not None and s.source == "trained" else "auto")
    if seq.truncated_from:
        notes.append(("explorer.note_truncated", {"n": seq.truncated_from, "limit": sequence_input.MAX_STEPS}))
    labels = seq.labels
    if s.source == "trained":
        if trained is None:
            raise UserInputError("explorer.no_trained")
        if trained.keras is not None:
            notes.append(("explorer.note_trained", {"title": handoff.shown_title(trained, s.lang)}))
            recorder, x, labels = _keras_input(s, trained, notes)
        else:
            recorder, x, labels = _trained_input(trained, seq, notes)
            notes.append(("explorer.note_trained", {"title": handoff.shown_title(trained, s.lang)}))
            if trained.scale is not None:  # the labels stay in the series' units; x_t is what the model reads
                notes.append(("explorer.note_scaled", {"low": trained.scale[0], "high": trained.scale[1]}))
        notes.append(("explorer.note_trained_kind", {"kind": kind_name(recorder.kind, s.lang)}))
        if recorder.bidirectional:
            notes.append(("explorer.note_bidirectional", {}))
    elif s.source in handbuilt.KINDS:
        trigger = sequence_input.parse_trigger(s.trigger or sequence_input.TRIGGER_DEFAULT.get(s.lang, "not"))
        recorder, x = handbuilt.build(s.source), sequence_input.indicator(seq, trigger)
        # with numbers the value 1 is the trigger (sequence_input.indicator): the note names it, not the word
        notes.append((f"explorer.note_{s.source}", {"trigger": "1" if seq.kind == "numbers" else trigger}))
        if seq.kind == "numbers":
            notes.append(("explorer.note_handbuilt_numbers", {}))
    else:
        x = sequence_input.embed_random(seq, s.seed)
        recorder = random_recorder(s.kind, x.shape[1], s.hidden, num_layers=s.layers, seed=s.seed)
        if seq.kind == "text":
            notes.append(("explorer.note_random_text", {"dim": sequence_input.EMBED_DIM}))
        if kind_text("note", s.kind, s.lang):  # what a historical variant shows (the 1997 LSTM, CIFG)
            notes.append((f"explorer.note_kind.{s.kind}", {}))
    trace = recorder.record(x)
    x_display = x[:, 0] if x.shape[1] == 1 else None
    return Run(tuple(labels), x, recorder, trace, x_display, notes)


def _trained_input(model: handoff.TrainedModel, seq: sequence_input.SequenceInput, notes: list):
    if model.vocab is not None:
        if seq.kind != "text":
            raise UserInputError("explorer.err_model_wants_text")
        indices, labels, unknown = sequence_input.encode_for_vocab(seq, model.vocab)
        if unknown:
            notes.append((counted("explorer.note_oov", len(unknown)), {"n": len(unknown), "words": _listed(unknown)}))
        if model.embedding is not None:
            x = np.asarray(model.embedding)[indices]  # (T, E)
        else:
            x = np.eye(len(model.vocab))[indices]  # (T, V): one-hot when there is no embedding layer
    else:
        if not model.symbols and model.recorder.input_size != 1:  # e.g. the digits' 8 pixels a step
            raise UserInputError("explorer.err_one_feature", n=model.recorder.input_size)
        if seq.kind != "numbers":
            raise UserInputError("explorer.err_model_wants_numbers")
        labels, x = seq.labels, sequence_input.scale_numbers(seq, model.scale)
        if model.symbols:  # each number names a symbol, which the model read one-hot
            if not np.all((x == np.round(x)) & (x >= 0) & (x < model.symbols)):
                raise UserInputError("explorer.err_model_wants_symbols", last=model.symbols - 1)
            x = np.eye(model.symbols)[x[:, 0].astype(int)]
    if x.shape[1] != model.recorder.input_size:
        raise UserInputError("explorer.err_input_size", got=x.shape[1], expected=model.recorder.input_size)
    return model.recorder, x, labels


def kind_text(topic: str, kind: str, lang: str) -> str | None:
    """A sentence about one kind where it has one, e.g. "explorer.whatif_kind.cifg" (None otherwise)."""
    key = f"explorer.{topic}_kind.{kind}"
    return translate(key, lang) if key in STRINGS else None


def what_if_intro(kind: str, lang: str) -> str:
    """The what-if tab's introduction, ending with what its gate clamps do to this kind: its own sentence
    where it has one (the 1997 LSTM, CIFG), else the one for its clamps (an LSTM's forget gate, a GRU's
    update gate, none)."""
    note = kind_text("whatif", kind, lang) or translate("explorer.whatif_clamps." + "".join(cells.spec(kind).clamps), lang)
    return sentences(lang, translate("explorer.whatif_intro", lang), note)


def kind_name(kind: str, lang: str) -> str:
    """A cell kind as the learner reads it (a kind without a variant name of its own shows as itself)."""
    key = f"explorer.variant.{kind}"
    return translate(key, lang) if key in STRINGS else kind


def _listed(words) -> list[str]:
    """Unknown words for a note, once each: a list, which each language joins its way (and cuts short)."""
    return [word[:40] for word in dict.fromkeys(words)]


def _keras_input(s: Settings, model: handoff.TrainedModel, notes: list):
    """A Keras model's input as Keras would get it (its own word index, its own ids), and its prediction."""
    keras, index = model.keras, model.word_index
    kind, raw = (
        sequence_input.preset(s.preset, s.lang) if s.mode == "preset" else (s.mode, s.text if s.mode == "text" else s.numbers)
    )
    if keras.embedding is None:
        if kind != "numbers":
            raise UserInputError("explorer.err_model_wants_numbers")
        if keras.input_size != 1:
            raise UserInputError("explorer.err_one_feature", n=keras.input_size)
        seq = sequence_input.parse_numbers(raw)
        model_input, labels = np.asarray(seq.values, np.float32)[None, :, None], seq.labels  # (1, T, 1)
    elif kind == "text":
        if index is None:
            raise UserInputError("keras.err_needs_words")
        encoded = keras_words.encode(raw, index)
        if encoded.oov:
            words = _listed(encoded.oov)
            if encoded.dropped:
                notes.append(("keras.note_oov_dropped", {"words": words}))
            else:
                notes.append(("keras.note_oov_as", {"words": words, "token": index.oov_token, "id": index.oov_id}))
        model_input, labels = np.asarray([encoded.ids]), encoded.labels
    else:
        seq = sequence_input.parse_numbers(raw)
        values = np.asarray(seq.values)
        if not np.all(values == np.round(values)):
            raise UserInputError("keras.err_ids", last=keras.embedding.shape[0] - 1)
        model_input = values.astype(np.int64)[None]  # (1, T) token ids
        words = {} if index is None else {i: w for w, i in reversed(index.words.items())}
        labels = tuple(words.get(int(i), str(int(i))) for i in model_input[0])
    result = keras.run(model_input)
    x = model_input[0] if keras.embedding is None else keras.embed(model_input)[0]  # (T, I)
    prediction, note = result.prediction[0], "keras.note_prediction"
    if prediction.ndim == 2:  # a Dense head on every step: show the last step's, and say so
        prediction, note = prediction[-1], "keras.note_prediction_last"
    values = ", ".join(f"{v:.4f}" for v in prediction[:10]) + (", …" if prediction.size > 10 else "")
    notes.append((note, {"values": values}))
    notes.append(("keras.note_notation", {}))
    if model.recorder.gate_activation != "sigmoid":
        slope = "0.2" if model.recorder.gate_activation.endswith("keras2") else "1/6"
        notes.append(("keras.note_hard_sigmoid", {"slope": slope}))
    if model.traced_layers < len(keras.recurrent):
        partial = counted("keras.note_partial_trace", model.traced_layers)  # "the first recurrent layer", not "first 1 … layers"
        notes.append((partial, {"n": model.traced_layers, "total": len(keras.recurrent)}))
    return model.recorder, x, labels


def component_text(lang: str, unit: int, layer: int = 0) -> dict:
    def tr(key, **p):
        return translate(key, lang, **p)

    keys = ("first", "prev", "play", "pause", "next", "last", "slider", "keys", "taps", "step", "input", "tip", "heat_aria")
    keys += ("lines_aria", "axis_start", "axis_end", "axis_t", "heat_title", "same_as", "announce", "list_sep")
    text = {k: tr(f"explorer.c.{k}") for k in keys}
    text["eq_title"] = tr("explorer.c.eq_title", unit=unit)
    text["lines_title"] = tr("explorer.c.lines_title", unit=unit)
    # above the first layer, x_t is the layer below's h (a vector), not the step's token or number
    text["x_below"] = tr("explorer.c.x_below", layer=layer - 1) if layer else ""
    text["names"] = {q: tr(f"explorer.q.{q}") for q in "ifgochrzna"}
    text["doc_title"] = tr("explorer.tab_step")
    text["html_lang"] = ui.HTML_LANG[lang]
    return text


def diagram(kind: str, lang: str) -> str:
    names = {q: translate(f"explorer.q.{q}", lang) for q in "ifgorzn"}
    names["peephole"] = translate("explorer.peephole_lines", lang)
    names["no_forget"] = translate("explorer.no_forget_gate", lang)
    return look(kind).diagram(names, translate(f"explorer.diagram.{kind}", lang))


def build_html(run: Run, layer: int, unit: int, lang: str) -> str:
    kind = run.recorder.kind
    terms = gate_terms(run.recorder, run.trace, run.x, layer=layer, unit=unit)
    x_display = run.x_display if layer == 0 else None
    sigma = GATE_SYMBOL[run.recorder.gate_activation]
    data = explorer_component.payload(kind, run.trace.records[layer][0], terms, run.labels, x_display, unit, sigma=sigma)
    return explorer_component.explorer_html(data, component_text(lang, unit, layer), diagram(kind, lang))


def intervention(kind: str, name: str, layer: int, units) -> Intervention:
    if name == "unit_off":
        return Intervention("unit_off", units=units, layer=layer)
    return Intervention(name[0], float(name[1]), units=units, layer=layer)


def build_what_if(run: Run, layer: int, unit: int, name: str, every_unit: bool) -> dict:
    """The normal run against the intervened one: the shown unit's c (LSTMs) and h, and the size of
    the last layer's output ‖h_t‖. {key: (original (T,), what-if (T,))} plus the largest change."""
    if name == "drop_first":
        return _without_first_step(run, layer, unit)
    units = None if every_unit else (unit,)
    changed = run.recorder.record(run.x, interventions=[intervention(run.recorder.kind, name, layer, units)])
    out = {}
    for q in ("c", "h"):
        if q in run.trace.quantities:
            out[q] = (run.trace.values(q, layer)[:, 0, unit], changed.values(q, layer)[:, 0, unit])
    out["out"] = (np.linalg.norm(run.trace.h[:, 0], axis=-1), np.linalg.norm(changed.h[:, 0], axis=-1))
    difference = np.abs(every_h(changed) - every_h(run.trace))  # (T, B, units of every layer)
    out["max_change"], out["last_change"] = float(np.max(difference)), float(np.max(difference[-1]))
    return out


def every_h(trace) -> np.ndarray:
    """h of every layer and direction side by side, (T, B, units): what the what-if metrics compare
    (their help says "in any layer"; the trace's h is the last layer's)."""
    return np.concatenate([d["h"] for layer in trace.records for d in layer], axis=-1)


def _without_first_step(run: Run, layer: int, unit: int) -> dict:
    """The same input without its first step (word), each later step drawn under the same word as in
    the normal run (step 0 has no what-if value). last_change: how much the first word still moves
    the last step's h, the question of lesson 1."""
    x = np.asarray(run.x)
    if len(run.labels) < 2:
        changed_h = every_h(run.trace)
        shifted = {q: run.trace.values(q, layer)[:, 0, unit] for q in ("c", "h") if q in run.trace.quantities}
    else:
        trace = run.recorder.record(x[:, 1:] if run.recorder.batch_first and x.ndim == 3 else x[1:])
        later = every_h(trace)  # (T - 1, B, units)
        changed_h = np.concatenate([np.full_like(later[:1], np.nan), later])  # aligned with the normal run
        shifted = {q: np.r_[np.nan, trace.values(q, layer)[:, 0, unit]] for q in ("c", "h") if q in trace.quantities}
    out = {q: (run.trace.values(q, layer)[:, 0, unit], shifted[q]) for q in shifted}
    last_layer = changed_h[..., -run.trace.h.shape[-1] :]  # every_h ends with the last layer's h
    out["out"] = (np.linalg.norm(run.trace.h[:, 0], axis=-1), np.linalg.norm(last_layer[:, 0], axis=-1))
    difference = np.abs(changed_h - every_h(run.trace))
    out["max_change"] = float(np.nanmax(difference)) if len(run.labels) > 1 else 0.0
    out["last_change"] = float(np.max(difference[-1]))
    return out


def lab_record(weights: dict) -> tuple[dict, np.ndarray]:
    """The single-unit lab: ({quantity: (T,)}, x (T,)) for the learner's weights on a pulse."""
    recorder = handbuilt.one_unit_lstm(
        w_x={"f": weights["w_f"], "i": weights["w_i"], "g": weights["w_g"]},
        b={"f": weights["b_f"], "i": weights["b_i"], "o": weights["b_o"]},
    )
    x = handbuilt.pulse(LAB_STEPS, LAB_PULSE)
    trace = recorder.record(x)
    return {q: trace.values(q)[:, 0, 0] for q in trace.quantities}, x[:, 0]


def lab_half_life(forget_bias: float) -> tuple[float, float]:
    """(f at rest = σ(b_f), steps until c halves) for the lab's unit while x = 0."""
    f_rest = float(1 / (1 + np.exp(-forget_bias)))
    return f_rest, handbuilt.memory_half_life(f_rest)


# --- caches ----------------------------------------------------------------------------------


@st.cache_data(max_entries=256, show_spinner=False)
def _shared_run(s: Settings) -> Run:
    return build_run(s)


@st.cache_data(max_entries=256, show_spinner=False)
def _shared_html(s: Settings, layer: int, unit: int) -> str:
    return build_html(_shared_run(s), layer, unit, s.lang)


@st.cache_data(max_entries=256, show_spinner=False)
def _shared_what_if(s: Settings, layer: int, unit: int, name: str, every_unit: bool) -> dict:
    return build_what_if(_shared_run(s), layer, unit, name, every_unit)


@st.cache_data(max_entries=64, show_spinner=False)
def _shared_csv(s: Settings) -> bytes:
    return _run_csv(_shared_run(s))


def _run_csv(run: Run) -> bytes:
    frame = run.trace.to_frame()
    frame.insert(3, "input", [run.labels[t] for t in frame["t"]])
    return frame.to_csv(index=False, float_format="%.6g").encode("utf-8")


def _session_memo(key, compute, size=16):
    """A small per-session LRU for the learner's own trained model (keyed by the model's identity)."""
    memo = st.session_state.setdefault("_explorer_memo", OrderedDict())
    if key in memo:
        memo.move_to_end(key)
        return memo[key]
    value = memo[key] = compute()
    while len(memo) > size:
        memo.popitem(last=False)
    return value


def _trained_key(*parts):
    model = handoff.get()
    return (id(model), *parts), model


def cached_run(s: Settings) -> Run:
    if s.source != "trained":
        return _shared_run(s)
    key, model = _trained_key("run", s)
    return _session_memo(key, lambda: build_run(s, model))


def cached_html(s: Settings, layer: int, unit: int) -> str:
    if s.source != "trained":
        return _shared_html(s, layer, unit)
    key, _ = _trained_key("html", s, layer, unit)
    return _session_memo(key, lambda: build_html(cached_run(s), layer, unit, s.lang))


def cached_what_if(s: Settings, layer: int, unit: int, name: str, every_unit: bool) -> dict:
    if s.source != "trained":
        return _shared_what_if(s, layer, unit, name, every_unit)
    key, _ = _trained_key("what_if", s, layer, unit, name, every_unit)
    return _session_memo(key, lambda: build_what_if(cached_run(s), layer, unit, name, every_unit))


def csv_for(s: Settings):
    """A callable for st.download_button: the CSV is only made when the learner clicks."""
    if s.source != "trained":
        return lambda: _shared_csv(s)
    run = cached_run(s)
    return lambda: _run_csv(run)


# --- widgets ---------------------------------------------------------------------------------


def apply_request():
    """Open the example the trainer asked for (ui.handoff.request) with the trained model."""
    example = handoff.take_request()
    if example is handoff.NO_REQUEST or handoff.get() is None:
        return
    if isinstance(example, str):
        st.session_state["explorer:mode"], st.session_state["explorer:text"] = "text", example[: ui.MAX_PARAM_LEN]
    elif example is not None:
        numbers = numbers_text(list(example)[: sequence_input.MAX_STEPS], NUMBERS_CHARS)
        st.session_state["explorer:mode"], st.session_state["explorer:numbers"] = "numbers", numbers
    st.session_state["explorer:source"] = "trained"


def numbers_text(values, limit: int) -> str:
    """Numbers for the explorer's box, within `limit` characters: exact where they fit (repr, the shortest
    text that reads back as the same float: the model sees the very input it was handed), else to fewer
    significant digits. GunPoint's 150 values took 2,191 characters exactly, and the cut had ended the
    series at step 111, mid-number, without a word."""
    values = [float(v) for v in values]
    for shown in (repr, "{:.6g}".format, "{:.4g}".format, "{:.3g}".format):
        text = ", ".join(shown(v) for v in values)
        if len(text) <= limit:
            return text
    return text[: text.rfind(", ", 0, limit + 1)]  # whole numbers only; the explorer says how many steps it shows


def settings_ui() -> Settings:
    side = st.sidebar
    ui.heading(side.subheader, "explorer.input_header")
    chosen = settings.draw(Input, where=side)
    ui.heading(side.subheader, "explorer.model_header")
    source = settings.draw(Source, where=side, trained=handoff.get() is not None).source
    if handoff.get() is None:
        side.caption(ui.t("explorer.no_trained"))
    model = settings.draw(Model, where=side, source=source)
    return Settings(**asdict(chosen), source=source, **asdict(model), lang=ui.lang())


def _clamped(name: str, top: int) -> None:
    """Keep a stored layer/unit inside the current model before its widget is drawn."""
    key = f"explorer:{name}"
    if isinstance(st.session_state.get(key), int) and st.session_state[key] > top:
        st.session_state[key] = top


def view_ui(run: Run, shown: bool = True) -> tuple[int, int]:
    """Which layer and unit the stepper and the what-if show; not `shown`, they keep their values."""
    left, right = st.columns(2) if shown else (None, None)
    top_layer = run.recorder.num_layers - 1
    _clamped("layer", top_layer)
    layer = settings.draw(Layer, where=left, top=top_layer).layer
    top_unit = run.recorder.layers[layer][0].hidden_size - 1  # a Keras stack's layers may differ in width
    _clamped("unit", top_unit)
    return layer, settings.draw(Unit, where=right, top=top_unit).unit


def what_if_ui(run: Run, s: Settings, layer: int, unit: int):
    """The what-if tab: the learner's intervention against the normal run, for the chosen unit."""
    from plots.explorer import what_if_figure
    from plots.style import alike

    t = ui.t
    kind = run.recorder.kind
    st.markdown(what_if_intro(kind, s.lang))
    what_if = settings.draw(WhatIf, columns=st.columns([2, 1]), kind=kind)
    if what_if.intervention == "drop_first" and len(run.labels) < 2:  # nothing would be left to compare
        st.info(t("explorer.whatif_one_step"), icon=":material/info:")
        return
    result = cached_what_if(s, layer, unit, what_if.intervention, what_if.every_unit)
    panels = [(t(f"explorer.panel_{q}", unit=unit), q, *result[q]) for q in ("c", "h") if q in result]
    panels.append((t("explorer.panel_out"), "baseline", *result["out"]))
    labels = {"original": t("explorer.original"), "what_if": t("explorer.what_if"), "t": t("explorer.c.axis_t")}
    table = {"t": list(range(len(run.labels))), t("explorer.c.input"): list(run.labels)}
    for title, _, original, changed in panels:
        table[f"{title} · {labels['original']}"] = original
        table[f"{title} · {labels['what_if']}"] = changed
    ui.chart(what_if_figure(panels, run.labels, labels), table, key="explorer_what_if")
    change, last = st.columns(2)
    # written alike: "0.063" beside "0.0631" made the largest change look the smaller one, and
    # "2.57e-05" beside "0.559" (lesson "rnn_forgets") could be read as 2.57
    changes = alike([result["max_change"], result["last_change"]], digits=3)
    change.metric(t("explorer.whatif_change"), changes[0], help=t("explorer.whatif_change_help"))
    last.metric(t("explorer.whatif_last"), changes[1], help=t("explorer.whatif_last_help"))
    st.caption(t("explorer.whatif_caption"))


@st.fragment
def lab_ui():
    """The single-unit lab: reruns alone when a slider moves (st.fragment)."""
    from plots.explorer import lab_figure
    from plots.style import signed

    st.markdown(ui.t("explorer.lab_intro"))
    # two rows of three, each row its own columns: in three columns of two, the keyboard and a screen
    # reader went down each column (f's weight, i's bias, f's bias, ...), not along the rows as they read
    top, bottom = st.columns(3), st.columns(3)
    # the half-life goes right under the forget-bias slider (the top row's middle)
    first, note = (top[1].container() for _ in range(2))
    weights = asdict(settings.draw(Lab, columns=[top[0], first, top[2], *bottom]))
    f_rest, half = lab_half_life(weights["b_f"])
    half_text = ui.t("explorer.lab_forever") if half > 1e6 else ui.t("explorer.lab_steps", steps=f"{half:.1f}")
    note.caption(ui.t("explorer.lab_bias_note", bias=signed(weights["b_f"], 1), f=f"{f_rest:.3f}", half=half_text))
    record, x = lab_record(weights)
    a, b, c = st.columns(3)
    a.metric(ui.t("explorer.lab_f_rest"), f"{f_rest:.3f}")
    b.metric(ui.t("explorer.lab_halflife"), half_text)
    c.metric(ui.t("explorer.lab_c_end"), signed(record["c"][-1]))
    names = {q: f"{q} · {ui.t('explorer.q.' + q)}" for q in "ifgoch"}
    names.update(x=ui.t("explorer.lab_x"), t=ui.t("explorer.c.axis_t"))
    table = {"t": np.arange(len(x)), "x": x, **{q: np.round(v, 4) for q, v in record.items()}}
    ui.chart(lab_figure(record, x, names), table, key="explorer_lab_chart")
