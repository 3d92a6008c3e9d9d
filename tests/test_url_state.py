"""Shareable state across pages (through the router, as a learner opens a link): a link with settings
restores them, changing a control updates the URL, hostile query values are ignored with a note and
never raise, and teacher mode hides advanced controls while still applying the link's values."""

import re
from pathlib import Path

import pytest

from tests.apptest import open_page

ROOT = Path(__file__).resolve().parent.parent

# page file -> (ui.page name, {param: (value in the link, the widget value it must restore)})
LINKS = {
    "pages/explorer.py": ("explorer", {"kind": ("gru", "gru"), "hidden": ("12", 12), "preset": ("sine", "sine")}),
    "pages/gradient-flow.py": ("gradient_flow", {"T": ("50", 50), "fb": ("3.0", 3.0), "H": ("16", 16)}),
    "pages/train.py": ("train", {"kind": ("gru", "gru"), "hidden": ("16", 16), "epochs": ("5", 5), "seed": ("7", 7)}),
    "pages/text-pipeline.py": ("text_pipeline", {"maxlen": ("10", 10), "dim": ("4", 4), "mode": ("chars", "chars")}),
    "pages/metrics.py": ("metrics", {"tp": ("5", 5), "fn": ("3", 3), "tn": ("7", 7)}),
    "pages/forecast.py": ("forecast", {"window": ("6", 6), "units": ("8", 8), "layers": ("2", 2)}),
    "pages/lessons.py": ("lessons", {"lesson": ("gates", "gates")}),
}

# Values no setting accepts: markup, a 10,000-character string, NaN, infinity, negative, too large.
HOSTILE = ["<script>alert(1)</script>", "x" * 10_000, "nan", "inf", "-50", "1e12", "[a](http://e.vil)"]


def _notes(at) -> list[str]:
    return [i.value for i in at.info if "ignored" in i.value or "已忽略" in i.value]


def _widget_keys(at) -> set:
    keys = set()
    for kind in ("slider", "number_input", "selectbox", "radio", "toggle", "text_input", "text_area", "button_group"):
        keys |= {w.key for w in at.get(kind)}
    return keys


@pytest.mark.parametrize("path", list(LINKS))
def test_a_link_restores_its_settings(path):
    page, params = LINKS[path]
    at = open_page(path, lang="zh", **{name: link for name, (link, _) in params.items()})
    assert not at.exception, [e.message for e in at.exception]
    assert _notes(at) == []
    shown = _widget_keys(at)
    for name, (link, value) in params.items():
        key = f"{page}:{name}"
        assert key in shown, f"{key} is not drawn"
        assert at.session_state[key] == value, name
        assert at.query_params[name] == link or float(at.query_params[name]) == float(link), name
    assert at.query_params["lang"] == "zh"


@pytest.mark.parametrize("path", list(LINKS))
def test_changing_a_control_updates_the_url(path):
    page, params = LINKS[path]
    name, (link, value) = next(iter(params.items()))
    at = open_page(path, lang="en")
    assert name not in at.query_params  # defaults stay out of the URL
    widget = next(w for kind in ("slider", "number_input", "selectbox", "radio", "button_group")
                  for w in at.get(kind) if w.key == f"{page}:{name}")  # fmt: skip
    default = widget.value
    widget.set_value(value).run()
    assert not at.exception
    assert at.query_params[name] == link or float(at.query_params[name]) == float(link)
    widget = next(w for kind in ("slider", "number_input", "selectbox", "radio", "button_group")
                  for w in at.get(kind) if w.key == f"{page}:{name}")  # fmt: skip
    widget.set_value(default).run()
    assert name not in at.query_params  # back to the default: the URL is clean again


@pytest.mark.parametrize("path", list(LINKS))
def test_hostile_values_are_ignored_with_a_note(path):
    page, params = LINKS[path]
    clean = open_page(path, lang="en")
    defaults = {name: clean.session_state[f"{page}:{name}"] for name in params}
    names = list(params)
    for run in range(-(-len(HOSTILE) // len(names))):  # every hostile value reaches some setting
        query = {name: HOSTILE[(run * len(names) + j) % len(HOSTILE)] for j, name in enumerate(names)}
        at = open_page(path, lang="en", **query)
        assert not at.exception, ({n: v[:40] for n, v in query.items()}, [e.message for e in at.exception])
        for name in params:
            assert at.session_state[f"{page}:{name}"] == defaults[name], (name, query[name][:40])
        assert len(_notes(at)) == len(params), query
        for note in _notes(at):
            assert len(note) < 300, "the note quotes a short prefix only"
            assert not re.search(r"\]\(|<|://", note), "a crafted value cannot become a link or markup"


def test_hostile_language_and_teacher_values():
    at = open_page("pages/metrics.py", lang="<img src=x onerror=alert(1)>", teacher="x" * 10_000, tp="nan")
    assert not at.exception
    assert at.query_params["lang"] == "en" and at.session_state["teacher"] is False
    assert at.session_state["metrics:tp"] == 90


def test_teacher_mode_hides_advanced_controls_but_applies_the_link():
    normal = open_page("pages/train.py", lang="en", layers="2")
    assert {"train:layers", "train:hidden", "train:batch"} <= _widget_keys(normal)
    teacher = open_page("pages/train.py", lang="en", teacher="1", layers="2")
    assert not teacher.exception
    keys = _widget_keys(teacher)
    assert "train:hidden" in keys  # the lesson's controls stay
    assert not {"train:layers", "train:batch", "train:wd", "train:bi"} & keys  # advanced ones are hidden
    assert teacher.session_state["train:layers"] == 2  # ... but the link's value still applies
    assert teacher.query_params["teacher"] == "1" and teacher.query_params["layers"] == "2"
    # the larger projector font is injected
    assert any("font-size" in str(h.proto) for h in teacher.get("html"))


def test_teacher_mode_follows_the_learner_to_the_next_page():
    at = open_page("pages/metrics.py", lang="zh", teacher="1")
    at.switch_page("pages/train.py").run()
    assert not at.exception
    assert at.query_params.get("teacher") == "1" and "train:layers" not in _widget_keys(at)
