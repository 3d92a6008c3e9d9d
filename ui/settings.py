"""A page's settings, declared once (TensorFlow Playground's `state.ts`).

A page, or one section of a page, declares its shareable settings as one frozen dataclass whose
fields are made by `slider`, `number`, `choice`, `toggle` and `text`:

    @dataclass(frozen=True)
    class Flow:
        seq_len: int = settings.slider("T", "gradient_flow.seq_len", 2, experiments.MAX_SEQ_LEN, 100)

Each field's metadata holds its URL name, label key, range (from the core's limits), options, help
key, widget, column and whether it is advanced (hidden in teacher mode); its default is the field's.
`draw` turns the declaration into widgets bound to the URL (through ui's binding code: defaults stay
out of the link, a hostile value is ignored with a note) and returns an instance. The same metadata
lets the tests and the lesson links know every setting without reading the pages (ui/declared.py).

Whatever depends on the situation is a function of `ctx`: the values drawn so far (by field name),
the page's language (`lang`) and whatever the page passes to `draw` as keywords. A URL name may
name an earlier field ("n_{dataset}": one value per data set).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import streamlit as st

import ui

KEY = "setting"  # the field metadata's key


@dataclasses.dataclass(frozen=True)
class Setting:
    kind: str  # "slider", "number", "choice", "toggle" or "text"
    url: str  # ?url=value; "{field}" parts name earlier fields
    label: str  # string key
    low: Any = None  # a value or ctx -> value (slider, number)
    high: Any = None
    step: Any = None
    options: Any = ()  # choice: a sequence or ctx -> sequence
    format_key: str | None = None  # choice: "data.{}" maps an option to its string key
    widget: str = "selectbox"  # choice: "selectbox", "radio" or "segmented"
    help: Any = None  # string key, or ctx -> text
    advanced: bool = False  # hidden in teacher mode (its value still applies)
    column: int = 0  # which of draw()'s `columns`
    when: Callable | None = None  # ctx -> bool: drawn only then, else the field's default
    disabled: Callable | None = None  # ctx -> bool
    start: Callable | None = None  # ctx -> the widget's default, when it depends on the situation
    max_chars: int = ui.MAX_PARAM_LEN  # text
    area: bool = False  # text: a text area
    extra: tuple = ()  # further widget keywords, e.g. (("format", "%.4f"),)

    def name(self, ctx: dict) -> str:
        return self.url.format(**ctx)

    def get(self, attribute: str, ctx: dict):
        value = getattr(self, attribute)
        return value(ctx) if callable(value) else value

    def default(self, field_default, ctx: dict):
        return field_default if self.start is None else self.start(ctx)

    def accepts(self, value, ctx: dict) -> bool:
        """Whether the binding keeps `value` (already parsed); what a lesson link may give."""
        if self.kind in ("slider", "number"):
            return self.get("low", ctx) <= value <= self.get("high", ctx)
        if self.kind == "choice":
            return value in tuple(self.get("options", ctx))
        if self.kind == "text":
            return len(value) <= self.max_chars
        return isinstance(value, bool)

    def parse(self, raw: str, default):
        """A URL value as the binding parses it (raises ValueError on junk)."""
        if self.kind == "toggle":
            return ui._parse_bool(raw)
        return ui.parse_number(raw, default) if self.kind in ("slider", "number") else raw


def _field(kind: str, default, extra: dict | None = None, **spec):
    return dataclasses.field(default=default, metadata={KEY: Setting(kind, extra=tuple((extra or {}).items()), **spec)})


def slider(url, label, low, high, default, *, step=None, extra=None, **common):
    return _field("slider", default, extra, url=url, label=label, low=low, high=high, step=step, **common)


def number(url, label, low, high, default, *, step=None, extra=None, **common):
    return _field("number", default, extra, url=url, label=label, low=low, high=high, step=step, **common)


def choice(url, label, options, default, format_key=None, *, widget="selectbox", **common):
    return _field("choice", default, url=url, label=label, options=options, format_key=format_key, widget=widget, **common)


def toggle(url, label, default=False, **common):
    return _field("toggle", default, url=url, label=label, **common)


def text(url, label, default="", *, max_chars=ui.MAX_PARAM_LEN, area=False, **common):
    return _field("text", default, url=url, label=label, max_chars=max_chars, area=area, **common)


def specs(declaration) -> list[tuple[dataclasses.Field, Setting]]:
    """The declaration's fields, in drawing order, with their settings."""
    return [(f, f.metadata[KEY]) for f in dataclasses.fields(declaration)]


def draw(declaration, where=st, columns=None, **context):
    """Draw `declaration`'s widgets (each in `columns[setting.column]` when columns are given, else in
    `where`), bound to the URL, and return the instance. A column given as None (a folded expander)
    draws nothing: its settings keep their values. `context` is passed to the settings' functions."""

    def widget(spec, start, ctx):
        return _widget(spec, start, ctx, where if columns is None else columns[spec.column])

    return _fill(declaration, {"lang": ui.lang(), **context}, widget, hidden=lambda spec, ctx: ui.unlink(spec.name(ctx)))


def defaults(declaration, **context):
    """The instance a first view of `declaration` draws, without drawing it: every field at its
    starting value for `context` (which names the language, `lang`), as draw() starts its widgets."""
    return _fill(declaration, dict(context), lambda spec, start, ctx: start)


def _fill(declaration, ctx: dict, value, hidden=None):
    """The instance with each field, in drawing order, at value(spec, its starting value, ctx) where its
    `when` shows it and at its default where it hides it (then hidden(spec, ctx), if given); later
    fields see earlier ones in `ctx`."""
    values = {}
    for f, spec in specs(declaration):
        shown = spec.when is None or spec.when(ctx)
        values[f.name] = ctx[f.name] = value(spec, spec.default(f.default, ctx), ctx) if shown else f.default
        if not shown and hidden is not None:
            hidden(spec, ctx)
    return declaration(**values)


def in_link(declaration, column: int) -> bool:
    """Whether the page's link sets one of `declaration`'s settings drawn in `column`: a folded
    expander holding that column opens for it, so that a shared link shows what it changed."""
    return any(spec.url in st.query_params for _, spec in specs(declaration) if spec.column == column)


def _widget(spec: Setting, default, ctx: dict, where):
    name, kw = spec.name(ctx), dict(spec.extra)
    if where is None:
        allowed = lambda: _allowed(spec, default, ctx)  # noqa: E731
        return ui.kept(name, lambda raw: spec.parse(raw, default), lambda value: spec.accepts(value, ctx), default, allowed)
    if spec.help is not None:
        kw["help"] = spec.help(ctx) if callable(spec.help) else ui.t(spec.help)
    if spec.disabled is not None:
        kw["disabled"] = spec.disabled(ctx)
    common = dict(advanced=spec.advanced, where=where, **kw)
    if spec.kind == "slider":
        return ui.slider(name, spec.label, spec.get("low", ctx), spec.get("high", ctx), default, step=spec.step, **common)
    if spec.kind == "number":
        return ui.number(name, spec.label, spec.get("low", ctx), spec.get("high", ctx), default, step=spec.step, **common)
    if spec.kind == "choice":
        options = spec.get("options", ctx)
        return ui.choice(name, spec.label, options, default, spec.format_key, widget=spec.widget, **common)
    if spec.kind == "toggle":
        return ui.toggle(name, spec.label, default, **common)
    return ui.text(name, spec.label, default, max_chars=spec.max_chars, area=spec.area, **common)


def _allowed(spec: Setting, default, ctx: dict) -> str:
    """What a link may give this setting, said as the drawn widget's binding says it (ui.slider and the rest)."""
    if spec.kind in ("slider", "number"):
        return ui.allowed_range(spec.get("low", ctx), spec.get("high", ctx), default)
    if spec.kind == "choice":
        return ui.allowed_options(spec.get("options", ctx))
    if spec.kind == "toggle":
        return ui.t("app.allowed_toggle")
    return ui.t("app.allowed_text", limit=spec.max_chars)


def described(declarations, values: dict) -> list[tuple[str, str]]:
    """(label, value) in the learner's language for each of `values` (field name -> value) that one of
    `declarations` declares, e.g. ("数据集", "英文否定句情感") for ("dataset", "negation_en"): a run's
    report speaks the page's words, not its field names. Undeclared fields are left out, and so are the
    ones the page hides or greys out for these values (`values` is their ctx): a digits run's report had
    listed a "Share of positives" and an "Embedding size (text only)" the run never had."""
    declared = {f.name: spec for declaration in declarations for f, spec in specs(declaration)}
    shown = []
    for name, value in values.items():
        spec = declared.get(name)
        if spec is None or value is None:  # undeclared, or a setting this data set does not have
            continue
        if (spec.when is not None and not spec.when(values)) or (spec.disabled is not None and spec.disabled(values)):
            continue
        if spec.kind == "choice" and spec.format_key:
            value = ui.t(spec.format_key.format(value))
        elif spec.kind == "toggle":
            value = ui.t("app.yes") if value else ui.t("app.no")
        elif spec.kind in ("slider", "number"):
            value = as_drawn(spec, value)
        shown.append((ui.t(spec.label), str(value)))
    return shown


def as_drawn(spec: Setting, value) -> str:
    """A number as its widget writes it: in the format the declaration gives the widget ("%g": 0.001,
    never 0.0010000000000000002), else a float as Streamlit's sliders and number boxes do ("%0.2f": a
    dropout of 0.30, not 0.3) and a whole number with its thousands grouped, as the page's counts are
    ("3,000 examples", not 3000)."""
    fmt = dict(spec.extra).get("format")
    if fmt is not None:
        return fmt % value
    return f"{value:.2f}" if isinstance(value, float) else f"{value:,}"


def current(declaration, field: str):
    """A setting's value as this page last drew it: for a section (fragment) that needs a setting
    another section draws (the other section does not rerun with it)."""
    f = next(f for f in dataclasses.fields(declaration) if f.name == field)
    return ui.current(f.metadata[KEY].url, f.default)
