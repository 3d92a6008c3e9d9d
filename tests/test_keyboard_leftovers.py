"""Keyboard and screen-reader defects an earlier audit left (tests/test_keyboard_audit.py has its own):

- each chart's toolbar (plotly.js's modebar) put its 8-10 buttons in the Tab order, unnamed: 52 Tab
  stops in /gradient-flow's six charts. It is one Tab stop now, a named toolbar the arrow keys move
  along (ui/chart.js, toolbarKeys);
- a select box's placeholder, "Choose an option", shown and read out once its text is cleared to
  search, stayed English on Chinese pages (ui._SCRIPT);
- /lessons' progress line ("1 ✓ · 2 · 3") left the mark to the screen reader: each lesson is said
  as done or not done in the page's language;
- the single-unit lab's six sliders, drawn in two rows of three, were three columns of two: Tab and a
  screen reader went down each column (f's weight, i's bias, f's bias, ...), not along the rows."""

from __future__ import annotations

import contextlib
import re
from html.parser import HTMLParser

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.apptest import open_page as open_app_page
from tests.browser.test_keyboard import FOCUSED, tab_until
from tests.streamlit_server import NEXT_FRAME, open_page, problems, wait_rendered
from ui import lessons_state
from ui.explorer_state import LAB_SLIDERS
from ui.i18n import translate
from ui.lessons_content import LESSONS

LANGS = ["en", "zh"]


# --- /lessons: the progress line as a screen reader reads it ----------------------------------------


class _Read(HTMLParser):
    """An HTML fragment's text as a screen reader reads it (`spoken`: aria-hidden left out) and as
    the screen shows it (`shown`: the class lab-sr-only left out)."""

    def __init__(self):
        super().__init__()
        self.spoken, self.shown, self._open = "", "", []  # per open element: (aria-hidden, screen reader only)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._open.append((attrs.get("aria-hidden") == "true", "lab-sr-only" in (attrs.get("class") or "").split()))

    def handle_endtag(self, tag):
        self._open.pop()

    def handle_data(self, data):
        if not any(hidden for hidden, _ in self._open):
            self.spoken += data
        if not any(only for _, only in self._open):
            self.shown += data


def _read(fragment: str) -> _Read:
    parser = _Read()
    parser.feed(fragment)
    return parser


@pytest.mark.parametrize(
    "lang, spoken",
    [("en", "Lesson 1: done.Lesson 2: not done.Lesson 3: done."), ("zh", "第 1 课：已完成。第 2 课：未完成。第 3 课：已完成。")],
)  # fmt: skip
def test_the_progress_marks_are_said_as_done_or_not_done(monkeypatch, lang, spoken):
    monkeypatch.setattr(lessons_state.ui, "lang", lambda: lang)
    monkeypatch.setattr(lessons_state.ui, "teacher", lambda: False)
    read = _read(lessons_state.progress_marks([True, False, True]))
    assert read.shown == "1 ✓ · 2 · 3 ✓"  # the screen as before
    assert read.spoken == spoken and "✓" not in read.spoken and "·" not in read.spoken


@pytest.mark.parametrize("lang", LANGS)
def test_the_lessons_page_says_which_lessons_are_done(lang):
    """Through the page: one lesson answered right, the others not. (Answered in English: AppTest
    formats a radio's options in English outside a run; the session keeps them across a switch.)"""
    lesson = LESSONS[1]
    at = open_app_page("pages/lessons.py", lang="en", lesson=lesson.slug)
    for k, question in enumerate(lesson.questions):
        at.radio(key=f"lessons_q_{lesson.slug}_{k}").set_value(question.answer)
    next(b for b in at.button if b.label == translate("lessons.check", "en")).click()
    at.run()
    if lang != "en":
        at.radio(key="_lang_radio_lessons").set_value(lang).run()
    assert not at.exception
    line = next(c.value for c in at.caption if "lab-sr-only" in c.value)
    read = _read(line)
    n = len(LESSONS)
    assert read.shown == " · ".join(f"{k}{' ✓' if k == 2 else ''}" for k in range(1, n + 1))
    assert read.spoken == "".join(
        translate("lessons.mark_done" if k == 2 else "lessons.mark_not_done", lang, n=k) for k in range(1, n + 1)
    )


# --- /explorer's single-unit lab: its sliders in reading order ---------------------------------------


def test_the_lab_sliders_come_in_reading_order():
    """AppTest lists widgets in the page's order, which is the Tab order: the lab's sliders in the
    order they are declared and read, row by row (f's weight and bias, i's weight; i's bias, g's
    weight, o's bias)."""
    at = open_app_page("pages/explorer.py", lang="zh", tab="lab")
    assert not at.exception
    keys = [s.key for s in at.slider if str(s.key).startswith("explorer:lab_")]
    assert keys == [f"explorer:lab_{name}" for name in LAB_SLIDERS]


# --- in the browser ----------------------------------------------------------------------------------

# each chart's toolbar: [role, name, how many of its buttons are Tab stops, how many buttons]
TOOLBARS = """() => [...document.querySelectorAll('.lab-chart .modebar')].map((bar) => {
  const buttons = [...bar.querySelectorAll('button')];
  const stops = buttons.filter((b) => b.tabIndex >= 0).length;
  return [bar.getAttribute('role'), bar.getAttribute('aria-label'), stops, buttons.length];
})"""
IN_TOOLBAR = "() => !!document.activeElement.closest('.modebar')"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_each_chart_toolbar_is_one_tab_stop(app_url, browser, artifacts, lang):
    """/gradient-flow's six charts: Tab stops on each toolbar once, on one button; the arrow keys, Home
    and End move along it (round from its end to its start); Tab leaves it; Shift+Tab comes back to the
    button last used. The button focused shows its outline and its name."""
    page = open_page(browser, f"{app_url}/gradient-flow?lang={lang}")
    try:
        assert problems(page) == []
        toolbars = page.evaluate(TOOLBARS)
        assert len(toolbars) == page.locator(".lab-chart").count() >= 6
        name = translate("app.chart_toolbar", lang)
        for role, label, stops, buttons in toolbars:
            assert (role, label, stops) == ("toolbar", name, 1) and buttons >= 8

        # the whole page by Tab: each toolbar is one stop
        stops, unseen = [], []
        page.locator("body").focus()
        for _ in range(200):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused["tag"] == "BODY":
                break
            if not focused["visible"]:
                unseen.append(focused)
            stops.append(page.evaluate(IN_TOOLBAR))
        assert unseen == []
        assert sum(stops) == len(toolbars), f"{sum(stops)} Tab stops in {len(toolbars)} toolbars"

        # along the first toolbar
        page.locator("body").focus()
        tab_until(page, lambda f: page.evaluate(IN_TOOLBAR), unseen)
        said = lambda key: translate(key, lang)  # noqa: E731
        png, zoom, full = said("plotly.Download plot as a PNG"), said("plotly.Zoom"), said("app.chart_fullscreen")
        name_of = lambda: page.evaluate("() => document.activeElement.getAttribute('aria-label')")  # noqa: E731
        assert name_of() == png
        page.keyboard.press("ArrowRight")
        assert name_of() == zoom
        tooltip = page.evaluate("() => getComputedStyle(document.activeElement, '::after').content")
        assert tooltip == f'"{zoom}"'  # its name, shown beside it as on a mouse's hover
        page.wait_for_timeout(400)  # plotly.js fades its toolbar in (0.3 s)
        page.screenshot(path=str(artifacts / f"keyboard_leftovers_toolbar_{lang}.png"))
        page.keyboard.press("End")
        assert name_of() == full
        page.keyboard.press("ArrowRight")
        assert name_of() == png
        page.keyboard.press("ArrowLeft")
        assert name_of() == full
        page.keyboard.press("Home")
        page.keyboard.press("ArrowRight")
        assert name_of() == zoom
        page.keyboard.press("Tab")  # out of the toolbar: to the chart's data table
        assert not page.evaluate(IN_TOOLBAR)
        assert page.evaluate("() => document.activeElement.innerText").endswith(translate("app.data_table", lang))
        page.keyboard.press("Shift+Tab")  # back, to the button last used
        assert name_of() == zoom and unseen == []
        assert page.evaluate(TOOLBARS)[0][2] == 1
    finally:
        page.close()


PLACEHOLDERS = "(text) => [...document.querySelectorAll('[data-testid=stSelectbox] input')].every((e) => e.placeholder === text)"


@pytest.mark.browser
def test_a_cleared_select_box_shows_its_placeholder_in_the_page_language(app_url, browser, artifacts):
    """Cleared to search, a select box shows (and a screen reader reads) its placeholder: "请选择一项"
    on a Chinese page, "Choose an option" again after a switch to English."""
    page = open_page(browser, f"{app_url}/explorer?lang=zh")
    try:
        boxes = page.locator("[data-testid='stSelectbox'] input")
        assert boxes.count() >= 3
        page.wait_for_function(PLACEHOLDERS, arg="请选择一项", timeout=5000)
        variant = page.get_by_role("combobox", name=translate("explorer.variant", "zh"))
        # Tried again: once, in a run on two test workers, "LSTM" was still there after the keys (not seen
        # again, with Chromium's CPU slowed 20 times either; its cause is not known). The test is of the
        # placeholder's language.
        for _ in range(3):
            variant.focus()
            page.keyboard.press("Control+a")
            page.keyboard.press("Backspace")
            with contextlib.suppress(PlaywrightError):
                page.wait_for_function("(e) => e.value === ''", arg=variant.element_handle(), timeout=3000)
                break
        page.evaluate(NEXT_FRAME)  # the page script names controls in the frame after a change
        assert variant.evaluate("(e) => [e.value, e.placeholder]") == ["", "请选择一项"]
        page.screenshot(path=str(artifacts / "keyboard_leftovers_placeholder_zh.png"))
        page.keyboard.press("Escape")
        page.locator("body").focus()
        page.locator("[data-testid='stSidebar']").get_by_text("English").click()
        page.wait_for_function("document.documentElement.lang === 'en'", timeout=30_000)
        wait_rendered(page)
        page.wait_for_function(PLACEHOLDERS, arg="Choose an option", timeout=5000)
    finally:
        page.close()


# the lab's sliders: [top, left] of each, in the page's (the Tab key's) order
LAB_SLIDER_PLACES = """() => [...document.querySelectorAll('[class*="st-key-explorer-lab_"] input[type="range"]')]
  .map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.left)]; })"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_lab_by_keyboard_goes_along_its_rows(app_url, browser, artifacts, lang):
    """Tab goes through the lab's sliders as they are read: along the top row, then the bottom one,
    each named in the page's language and showing its focus."""
    page = open_page(browser, f"{app_url}/explorer?lang={lang}&tab=lab")
    try:
        places = page.evaluate(LAB_SLIDER_PLACES)
        assert len(places) == len(LAB_SLIDERS)
        assert places == sorted(places, key=lambda p: (p[0] // 40, p[1]))  # rows (40 px apart or more), then left to right
        assert len({top // 40 for top, _ in places}) == 2
        unseen, names = [], []
        first = translate(f"explorer.lab.{next(iter(LAB_SLIDERS))}", lang)
        tab_until(page, lambda f: f["type"] == "range" and f["text"] == first, unseen, limit=60)
        names.append(first)
        for _ in range(len(LAB_SLIDERS) - 1):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            assert focused["visible"]
            names.append(focused["text"])
        assert names == [translate(f"explorer.lab.{name}", lang) for name in LAB_SLIDERS]
        assert unseen == []
        page.screenshot(path=str(artifacts / f"keyboard_leftovers_lab_{lang}.png"))
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_progress_line_reads_done_and_not_done(app_url, browser, lang):
    """What the accessibility tree holds for the progress line: each lesson's state, no mark."""
    page = open_page(browser, f"{app_url}/lessons?lang={lang}")
    try:
        line = page.locator("[data-testid='stCaptionContainer']").filter(has=page.locator(".lab-sr-only"))
        tree = line.aria_snapshot()
        assert translate("lessons.mark_not_done", lang, n=1) in tree and "✓" not in tree
        assert not re.search(r"\b1 · 2\b", tree)
        box = line.locator(".lab-sr-only").first.bounding_box()
        assert box["width"] <= 1 and box["height"] <= 1  # hidden from the screen
    finally:
        page.close()
