"""Session state and widgets of /lessons: quiz answers and predictions kept for the session, the
progress indicator, the "predict first" box and the quiz form."""

from __future__ import annotations

import html
import json
import secrets
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

import ui
from plots.tables import html_table
from ui import settings
from ui.lessons_content import BY_SLUG, LESSONS, SLUGS, Lesson, is_done
from ui.strings.glossary import GLOSSARY

ANSWERS = "_lessons_answers"  # slug -> {question index: checked option index or None}
TOUCHED = "_lessons_touched"  # the lessons this session answered: the part of the cookie it writes
PREDICTIONS = "_lessons_predictions"  # slug -> the learner's written prediction
PREDICTION_CHARS = 2000  # a prediction box keeps this much of a longer paste
PREDICTION_LABEL = "lessons.your_prediction"
PICK_KEY = "lessons:lesson"  # the lesson picker's widget key (ui._bound's "<page>:<name>")
ORDER_SEED = "_lessons_order_seed"  # this session's shuffle of the quiz options


@dataclass(frozen=True)
class Pick:
    lesson: str = settings.choice("lesson", "lessons.pick", SLUGS, SLUGS[0], "lessons.{}.title", widget="radio")


# This browser's checked quiz answers, so that a reload (a new session) keeps the learner's progress.
# A cookie, not the link: a teacher's copied link must not hand their answers to the class.
COOKIE = "lstm_lab_quiz"
COOKIE_DAYS = 365


def encode(checked: dict) -> str:
    """Every lesson's checked answers as a cookie value: "highway:102.gates:0-1" (one digit per
    question, "-" unanswered); only characters a cookie takes unquoted."""
    parts = ((lesson.slug, _digits(lesson, checked.get(lesson.slug))) for lesson in LESSONS)
    return ".".join(f"{slug}:{digits}" for slug, digits in parts if digits)


def _digits(lesson: Lesson, picks: dict | None) -> str:
    """One lesson's part of the cookie: "0-1", or "" for a lesson without answers."""
    if not picks:
        return ""
    return "".join("-" if picks.get(k) is None else str(picks[k]) for k in range(len(lesson.questions)))


def decode(raw: str) -> dict:
    """The answers a cookie holds; any part that does not fit today's lessons is left out (a cookie
    from an older version of the app, or edited by hand)."""
    checked = {}
    for part in raw[: ui.MAX_PARAM_LEN].split("."):
        slug, _, digits = part.partition(":")
        lesson = BY_SLUG.get(slug)
        if lesson is None or len(digits) != len(lesson.questions):
            continue
        try:
            checked[slug] = {k: _pick(d, q.options) for k, (d, q) in enumerate(zip(digits, lesson.questions, strict=True))}
        except ValueError:
            continue
    return checked


def _pick(digit: str, options: int) -> int | None:
    if digit == "-":
        return None
    if digit.isdigit() and int(digit) < options:
        return int(digit)
    raise ValueError(digit)


def answers(slug: str) -> dict:
    if ANSWERS not in st.session_state:  # a new session: this browser's answers from an earlier one
        st.session_state[ANSWERS] = decode(st.context.cookies.get(COOKIE) or "")
    return st.session_state[ANSWERS].setdefault(slug, {})


# The browser merges: it keeps the cookie's other lessons, which another tab of the same browser may
# have answered since this session read it, and puts in this session's (each tab writes its own).
_MERGE = """(function (name, mine, order, age) {
  var held = {};
  document.cookie.split("; ").forEach(function (c) {
    if (c.indexOf(name + "=") === 0) c.slice(name.length + 1).split(".").forEach(function (part) {
      var i = part.indexOf(":"); if (i > 0) held[part.slice(0, i)] = part.slice(i + 1);
    });
  });
  for (var slug in mine) held[slug] = mine[slug];
  var value = order.filter(function (s) { return held[s]; }).map(function (s) { return s + ":" + held[s]; }).join(".");
  document.cookie = name + "=" + value + "; path=/; max-age=" + (value ? age : 0) + "; SameSite=Lax";
})"""


def remember():
    """Write the lessons this session answered (or started over) into the browser's cookie, the
    other lessons as the cookie has them: with a lesson open in two tabs, the tab written last had
    dropped the other's answers. Nothing is written before this session answers."""
    answers(SLUGS[0])  # loads them, in a session that has not drawn a quiz yet
    touched = st.session_state.get(TOUCHED)
    if not touched:
        return
    mine = {slug: _digits(BY_SLUG[slug], st.session_state[ANSWERS].get(slug)) for slug in sorted(touched)}
    call = f"{_MERGE}({json.dumps(COOKIE)}, {json.dumps(mine)}, {json.dumps(SLUGS)}, {COOKIE_DAYS * 86400});"
    st.html(f'<span class="lstm-lab-hidden" hidden></span><script>{call}</script>', unsafe_allow_javascript=True)


def done_count() -> int:
    return sum(is_done(lesson, answers(lesson.slug)) for lesson in LESSONS)


def progress_marks(done: list[bool]) -> str:
    """Each lesson's number, with "✓" once it is done ("1 ✓ · 2 · 3 ✓"), as HTML. A screen reader said
    the mark as a symbol, or not at all: it reads each lesson as done or not done in the page's
    language instead ("Lesson 2: not done."), and the numbers, marks and dots as drawn are hidden from it."""
    hidden = '<span aria-hidden="true">{}</span>'
    said = '<span class="lab-sr-only">{}</span>'
    marks = [
        hidden.format(f"{k + 1}{' ✓' if finished else ''}")
        + said.format(html.escape(ui.t("lessons.mark_done" if finished else "lessons.mark_not_done", n=k + 1)))
        for k, finished in enumerate(done)
    ]
    return hidden.format(" · ").join(marks)


def progress():
    done = done_count()
    st.progress(done / len(LESSONS), text=ui.t("lessons.progress", done=done, total=len(LESSONS)))
    st.caption(progress_marks([is_done(lesson, answers(lesson.slug)) for lesson in LESSONS]), unsafe_allow_html=True)
    st.caption(ui.t("lessons.kept"))
    if done == len(LESSONS):
        st.success(ui.t("lessons.finished"), icon=":material/school:")


def glossary():
    """The one glossary (ui/strings/glossary.py) as a table in an expander, sent only while it is open:
    a table folded away on every lesson still made each new tab load the browser's table component."""
    box = st.expander(ui.t("glossary.header"), icon=":material/translate:", key="glossary", on_change="rerun")
    if not box.open:
        return
    with box:
        st.markdown(ui.t("glossary.intro"))
        rows = [(en, zh) for _, en, zh, _ in GLOSSARY]
        # a static table, not st.dataframe: its grid was seven Tab stops and no table to a screen reader
        # (tests/test_keyboard4.py); the browser's find reaches a term in it, as in no canvas
        table = pd.DataFrame(rows, columns=[ui.t("glossary.col.en"), ui.t("glossary.col.zh")])
        st.html(html_table(table, ui.t("glossary.header"), max_height="20rem"))


def predict_box(lesson: Lesson, lang: str):
    with st.container(border=True):
        ui.heading(st.subheader, "lessons.predict_header")
        st.markdown(ui.t(f"lessons.{lesson.slug}.predict"))
        stored = st.session_state.setdefault(PREDICTIONS, {})
        key = f"lessons_prediction_{lesson.slug}"
        if key not in st.session_state and lesson.slug in stored:  # the widget was away on another lesson
            st.session_state[key] = stored[lesson.slug]
        stored[lesson.slug] = st.text_area(
            ui.t(PREDICTION_LABEL), key=key, height=90, on_change=ui.cut_paste, args=(key, PREDICTION_CHARS, PREDICTION_LABEL)
        )
        if note := ui.paste_cut_note(PREDICTION_LABEL, PREDICTION_CHARS):
            st.info(note, icon=":material/info:")
        st.caption(ui.t("lessons.open_hint"))
        for k, link in enumerate(lesson.links):
            url = link.url(lang, teacher=ui.teacher())
            st.link_button(ui.t(f"lessons.{lesson.slug}.link{k}"), url, icon=":material/open_in_new:", help=url)


def quiz(lesson: Lesson):
    slug = lesson.slug
    ui.heading(st.subheader, "lessons.quiz_header")
    checked = answers(slug)
    with st.form(f"lessons_quiz_{slug}"):
        for k, question in enumerate(lesson.questions):
            order = option_order(slug, k, question.options)
            st.radio(  # the label is also the group's screen-reader name, as written: plain text only
                f"{k + 1}. " + ui.t(f"lessons.{slug}.q{k}"),
                order,  # the values stay the option indices: checking does not depend on the order
                index=None if checked.get(k) is None else order.index(checked[k]),
                format_func=lambda j, k=k: option_text(lesson, k, j),
                key=f"lessons_q_{slug}_{k}",
            )
        st.form_submit_button(ui.t("lessons.check"), type="primary", on_click=_check, args=(lesson,))
    if checked:
        feedback(lesson, checked)


def option_order(slug: str, k: int, options: int) -> list[int]:
    """The order in which this session sees question k's options: shuffled once per session, the same
    on every rerun, so the right answer is not always first or second."""
    seed = st.session_state.setdefault(ORDER_SEED, secrets.randbits(32))
    rng = np.random.default_rng([seed, SLUGS.index(slug), k])
    return [int(j) for j in rng.permutation(options)]


def option_text(lesson: Lesson, k: int, j: int) -> str:
    formulas = lesson.questions[k].formulas
    return formulas[j] if formulas else ui.t(f"lessons.{lesson.slug}.q{k}.a{j}")


def _check(lesson: Lesson):
    """The form's callback: runs before the script, so the progress bar above already counts it."""
    checked = answers(lesson.slug)
    checked.clear()
    checked.update({k: st.session_state.get(f"lessons_q_{lesson.slug}_{k}") for k in range(len(lesson.questions))})
    st.session_state.setdefault(TOUCHED, set()).add(lesson.slug)


def feedback(lesson: Lesson, checked: dict):
    slug, right = lesson.slug, 0
    for k, question in enumerate(lesson.questions):
        choice = checked.get(k)
        if choice is None:
            st.warning(f"**{k + 1}.** " + ui.t("lessons.no_answer"), icon=":material/warning:")
            continue
        why = ui.t(f"lessons.{slug}.q{k}.why")
        if choice == question.answer:
            right += 1
            st.success(f"**{k + 1}.** " + ui.paragraph(ui.t("lessons.right"), why), icon=":material/check_circle:")
        else:  # a hint first; the answer only for a learner who asks for it
            st.error(f"**{k + 1}.** {ui.t('lessons.wrong')}", icon=":material/cancel:")
            with st.expander(ui.t("lessons.show_answer", n=k + 1)):
                st.markdown(ui.paragraph(ui.t("lessons.answer_is", answer=option_text(lesson, k, question.answer)), why))
    if right == len(lesson.questions):
        st.success(ui.t("lessons.all_right"), icon=":material/celebration:")
    else:
        st.info(ui.t("lessons.score", right=right, total=len(lesson.questions)), icon=":material/info:")


def _go(slug: str):
    st.session_state[PICK_KEY] = slug
    st.session_state[MOVED] = True


MOVED = "_lessons_moved"  # Previous or Next was pressed: the new lesson's heading takes focus once


def focus_heading():
    """After Previous or Next, focus (and scroll to) the new lesson's heading, the first h2 of the page:
    focus had stayed on the button at the page's foot, below the quiz, where a keyboard learner heard
    nothing of the new lesson. Not after the sidebar's picker, whose arrow keys move through lessons."""
    if not st.session_state.pop(MOVED, False):
        return
    script = """requestAnimationFrame(() => {
      const heading = document.querySelector('[data-testid="stMain"] h2');
      if (heading) { heading.tabIndex = -1; heading.focus(); }
    });"""
    st.html(f'<span class="lstm-lab-hidden" hidden></span><script>{script}</script>', unsafe_allow_javascript=True)


def _reset():
    st.session_state[ANSWERS] = {}
    st.session_state[TOUCHED] = set(SLUGS)  # every lesson's part goes, whichever tab answered it
    st.session_state[PREDICTIONS] = {}
    for key in [k for k in st.session_state if str(k).startswith(("lessons_q_", "lessons_prediction_"))]:
        del st.session_state[key]
    _go(SLUGS[0])


def navigation(slug: str):
    index = SLUGS.index(slug)
    left, middle, right = st.columns(3)
    if index > 0:
        left.button(ui.t("lessons.previous"), on_click=_go, args=(SLUGS[index - 1],), icon=":material/arrow_back:")
    if index < len(SLUGS) - 1:
        right.button(
            ui.t("lessons.next"), on_click=_go, args=(SLUGS[index + 1],), icon=":material/arrow_forward:", type="primary"
        )
    # a second tap, with what it clears: one tap wiped every answer, and on a phone the button sits between
    # Previous and Next
    with middle.popover(ui.t("lessons.reset"), icon=":material/restart_alt:"):
        st.markdown(ui.t("lessons.reset_what"))
        st.button(ui.t("lessons.reset_confirm"), on_click=_reset, type="primary", key="lessons_reset")


def lesson_by_slug(slug: str) -> Lesson:
    return BY_SLUG[slug]
