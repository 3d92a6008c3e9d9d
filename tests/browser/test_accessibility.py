"""WCAG 2.1 AA, checked by axe-core in headless Chromium: every page in both languages, in its default
state and in the states a learner reaches (each explorer tab, /train's results with each tab,
/forecast after training, a checked quiz, teacher mode). Zero violations of any impact, and no rule
switched off: the few that came from Streamlit's own markup are fixed from the app (ui.STYLE, ui._SCRIPT).
Also: <html lang> and each page's own <title> in the learner's language.

Every view's findings are appended to tests/artifacts/axe_results.jsonl (the counts in
docs/accessibility.md come from it)."""

from __future__ import annotations

import json
import re
import time

import pytest

from plots.style import contrast_ratio
from tests import axe
from tests.browser.test_all_pages import URLS
from tests.streamlit_server import open_page, problems, wait_rendered
from ui import HTML_LANG
from ui.i18n import translate

pytestmark = pytest.mark.browser

LANGS = ["en", "zh"]


# Chart text as drawn (axe does not judge SVG text): ticks, axis titles, legends, titles, annotations,
# colour-bar labels; all on the chart's white paper. Text on markers is checked in test_colours.
CHART_TEXT = """() => Array.from(document.querySelectorAll(
  '.js-plotly-plot :is(.xtick, .ytick, .cbaxis, .legendtext, .gtitle, .xtitle, .ytitle, .annotation-text, .g-gtitle) text, '
  + '.js-plotly-plot :is(.legendtext, .gtitle, .xtitle, .ytitle, .annotation-text)'))
  .map((t) => getComputedStyle(t).fill)"""


# attribute changes of the kind ui._SCRIPT makes, counted over 0.6 s of an idle page
QUIET = """() => new Promise((done) => {
  let n = 0;
  const o = new MutationObserver((records) => { n += records.length; });
  o.observe(document.body, { subtree: true, attributeFilter: ["role", "aria-label", "aria-description", "tabindex"] });
  setTimeout(() => { o.disconnect(); done(n); }, 600);
})"""


def rgb_hex(css: str) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in re.findall(r"\d+", css)[:3])


def check(page, view: str, artifacts):
    low = {fill for fill in page.evaluate(CHART_TEXT) if contrast_ratio(rgb_hex(fill), "#ffffff") < 4.5}
    assert not low, f"{view}: chart text below 4.5:1: {low}"
    found = axe.violations(page)
    with open(artifacts / "axe_results.jsonl", "a") as log:
        log.write(json.dumps({"view": view, "violations": [v.__dict__ for v in found]}, ensure_ascii=False) + "\n")
    assert found == [], f"{view}:\n" + "\n".join(map(str, found))
    return found


def click_tab(page, name):
    page.get_by_role("tab", name=name).click()
    wait_rendered(page)


def title_of(url: str, lang: str) -> str:
    """The tab title the router gives a page: its navigation label (router.py's nav.* key), then the app."""
    nav = "nav." + (url.strip("/").replace("-", "_") or "home")
    return f"{translate(nav, lang)} · {translate('app.title', lang)}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("url", URLS)
def test_every_page_in_its_default_state(app_url, browser, artifacts, url, lang):
    page = open_page(browser, f"{app_url}{url}?lang={lang}")
    try:
        assert problems(page) == []
        assert page.evaluate("document.documentElement.lang") == HTML_LANG[lang]
        assert page.title() == title_of(url, lang)  # e.g. "单元探索 · LSTM 实验室"
        check(page, f"{url}?lang={lang}", artifacts)
        for chart in page.locator(".lab-chart").all():  # named and summarised
            assert chart.get_attribute("role") == "figure"
            assert chart.get_attribute("aria-label") and chart.get_attribute("aria-description")
        assert page.evaluate(QUIET) == 0  # the app's ARIA fixes settle: they do not rewrite themselves forever
    finally:
        page.close()


# each formula: [scrolls sideways, has a tab stop]
WIDE_FORMULAS = """() => [...document.querySelectorAll('.katex-display')]
  .map((e) => [e.scrollWidth > e.clientWidth, e.tabIndex === 0])"""


def test_a_formula_wider_than_its_column_is_reached_by_keyboard(app_url, browser):
    """ui._SCRIPT: a formula that scrolls sideways gets tabindex=0, and loses it when it fits again.
    /gradient-flow's half-width formulas overflow in teacher mode's large type at 1000 px, not at 1600 px."""
    page = open_page(browser, f"{app_url}/gradient-flow?lang=en&teacher=1", viewport=(1000, 1000))
    try:
        for width, wide in [(1000, True), (1600, False), (1000, True)]:
            page.set_viewport_size({"width": width, "height": 1000})
            page.wait_for_function(f"() => ({WIDE_FORMULAS})().every(([w, t]) => w === t)", timeout=5000)
            assert any(w for w, _ in page.evaluate(WIDE_FORMULAS)) == wide
    finally:
        page.close()


# a formula that fits gets a box pinned at its width and a last text node `by` characters longer
# (negative: shorter): its content widens or narrows in place, no element added, its box unchanged
GROW = """(by) => {
  const e = document.getElementById("grown") || [...document.querySelectorAll(".katex-display")]
    .find((d) => d.scrollWidth <= d.clientWidth);
  e.id = "grown";
  e.style.width = e.clientWidth + "px";
  const walk = document.createTreeWalker(e.querySelector(".katex-html"), NodeFilter.SHOW_TEXT);
  let last = null;
  while (walk.nextNode()) last = walk.currentNode;
  last.data = by > 0 ? last.data + "M".repeat(by) : last.data.slice(0, by);
}"""


def test_a_formula_whose_content_widens_in_place_is_reached_by_keyboard(app_url, browser):
    """ui._SCRIPT: a formula's box stops growing at its column's width, but its content can still widen
    (its fonts arriving, its numbers changing in place): it then scrolls and must get a tab stop."""
    page = open_page(browser, f"{app_url}/gradient-flow?lang=en", viewport=(1600, 1000))
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    try:
        page.evaluate(GROW, 40)
        page.wait_for_function("() => document.getElementById('grown').tabIndex === 0", timeout=5000)
        page.evaluate(GROW, -40)
        page.wait_for_function("() => !document.getElementById('grown').hasAttribute('tabindex')", timeout=5000)
        # a piece taken out of its formula (as a rerun's new numbers can) is no longer in one: no error
        page.evaluate("() => document.querySelector('#grown .base').remove()")
        page.wait_for_timeout(500)
        assert errors == []
    finally:
        page.close()


def test_language_and_title_follow_a_language_switch(app_url, browser):
    page = open_page(browser, f"{app_url}/explorer?lang=en")
    try:
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.title() == "Cell explorer · LSTM Lab"
        page.locator("[data-testid='stSidebar']").get_by_text("简体中文").click()
        page.wait_for_function("document.documentElement.lang === 'zh-CN'", timeout=30_000)
        wait_rendered(page)
        assert page.title() == "单元探索 · LSTM 实验室"
        page.get_by_role("link", name="Metrics lab").or_(page.get_by_role("link", name="评价指标")).first.click()
        wait_rendered(page)
        assert page.title() == "评价指标 · LSTM 实验室" and page.evaluate("document.documentElement.lang") == "zh-CN"
        page.locator("[data-testid='stSidebar']").get_by_text("English").click()
        page.wait_for_function("document.documentElement.lang === 'en'", timeout=30_000)
        wait_rendered(page)
        assert page.title() == "Metrics lab · LSTM Lab"
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("url", URLS)
def test_every_page_in_teacher_mode(app_url, browser, artifacts, url, lang):
    page = open_page(browser, f"{app_url}{url}?lang={lang}&teacher=1")
    try:
        assert problems(page) == []
        check(page, f"{url}?lang={lang}&teacher=1", artifacts)
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tab", ["whatif", "lab"])
def test_each_explorer_tab(app_url, browser, artifacts, tab, lang):
    page = open_page(browser, f"{app_url}/explorer?lang={lang}&tab={tab}")
    try:
        assert problems(page) == []
        assert page.get_by_role("tab", selected=True).inner_text() == translate(f"explorer.tab_{tab}", lang)
        check(page, f"/explorer?lang={lang}&tab={tab}", artifacts)
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_checked_quiz(app_url, browser, artifacts, lang):
    page = open_page(browser, f"{app_url}/lessons?lang={lang}&lesson=metrics")
    try:
        form = page.locator("[data-testid='stForm']")
        form.locator("[role='radiogroup']").nth(1).locator("label").nth(0).click()
        form.locator("[role='radiogroup']").nth(2).locator("label").nth(0).click()
        form.locator("button").first.click()
        wait_rendered(page)
        assert page.locator("[data-testid='stAlert']").count() >= 4  # right, wrong, two unanswered, score
        check(page, f"/lessons?lang={lang}&lesson=metrics (checked)", artifacts)
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_lessons_page_on_the_keras_lesson(app_url, browser, artifacts, lang):
    """Lesson 8 adds code blocks (bash and Python) to a lesson: axe checks them too."""
    page = open_page(browser, f"{app_url}/lessons?lang={lang}&lesson=keras")
    try:
        assert problems(page) == [] and page.locator("[data-testid='stCode']").count() == 2
        page.locator("[data-testid='stExpander'] summary").first.click()  # the glossary, sent once opened
        wait_rendered(page)
        assert page.get_by_role("region", name=translate("glossary.header", lang)).locator("table").count() == 1
        check(page, f"/lessons?lang={lang}&lesson=keras", artifacts)
        page.screenshot(path=str(artifacts / f"lessons_keras_{lang}.png"), full_page=True)
    finally:
        page.close()


@pytest.mark.trains
def test_train_results_with_each_tab(app_url, browser, artifacts):
    """One short run, its results checked with each result tab open, in English then in Chinese
    (the language switch keeps the session's run)."""
    page = open_page(browser, f"{app_url}/train?lang=en&epochs=2&n_negation_en=300&hidden=8", viewport=(1400, 2400))
    try:
        page.get_by_role("button", name=translate("train.start", "en"), exact=True).click()
        page.get_by_role("heading", name=translate("train.results_header", "en")).wait_for(timeout=120_000)
        wait_rendered(page)
        for lang in LANGS:
            if lang == "zh":
                page.locator("[data-testid='stSidebar']").get_by_text("简体中文").click()
                page.get_by_role("heading", name=translate("train.results_header", "zh")).wait_for(timeout=60_000)
                wait_rendered(page)
            for tab in ("cm", "report", "curves", "mistakes", "export"):
                click_tab(page, translate(f"train.tab.{tab}", lang))
                assert problems(page) == []
                check(page, f"/train?lang={lang} (results, tab {tab})", artifacts)
    finally:
        page.close()


@pytest.mark.trains
def test_forecast_after_training(app_url, browser, artifacts):
    page = open_page(browser, f"{app_url}/forecast?lang=en&epochs=3&units=4", viewport=(1400, 2400))
    try:
        page.get_by_role("button", name=translate("forecast.train_button", "en")).click()
        page.get_by_role("heading", name=translate("forecast.results_header", "en")).wait_for(timeout=180_000)
        wait_rendered(page)
        check(page, "/forecast?lang=en (trained)", artifacts)
        page.locator("[data-testid='stSidebar']").get_by_text("简体中文").click()
        page.get_by_role("heading", name=translate("forecast.results_header", "zh")).wait_for(timeout=60_000)
        wait_rendered(page)
        assert problems(page) == []
        check(page, "/forecast?lang=zh (trained)", artifacts)
    finally:
        page.close()


COUNTER = "/explorer?source=counter&mode=numbers&numbers=0,1,1,0,1,0,0,1"


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "Step 3 (the last is 7), input “0”: forget gate 1.00, cell state +2.00"),
        ("zh", "第 3 步（最后一步为 7），输入“0”：遗忘门 1.00，单元状态 +2.00"),
    ],
)
def test_the_stepper_announces_each_step(app_url, browser, lang, expected):
    """The hand-built counter: its forget gate stays open (1.00) and c counts the 1s seen so far."""
    page = open_page(browser, f"{app_url}{COUNTER}&lang={lang}")
    try:
        frame = page.locator("iframe").first.content_frame
        for _ in range(3):
            frame.locator("#next").click()
        live = frame.locator("#announce")
        page.wait_for_function(
            "(text) => document.querySelector('iframe').contentDocument.getElementById('announce').textContent === text",
            arg=expected,
            timeout=5000,
        )
        assert live.get_attribute("aria-live") == "polite" and live.get_attribute("aria-atomic") == "true"
        play = frame.locator("#play")
        assert play.get_attribute("aria-label") == translate("explorer.c.play", lang)
        play.click()
        assert play.get_attribute("aria-label") == translate("explorer.c.pause", lang)  # the icon's name follows it
        play.click()
    finally:
        page.close()


@pytest.mark.parametrize("motion, most", [("reduce", 2), ("no-preference", None)])
def test_playback_respects_reduced_motion(app_url, browser, motion, most):
    context = browser.new_context(reduced_motion=motion, viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{app_url}{COUNTER}&lang=en")
        wait_rendered(page)
        frame = page.locator("iframe").first.content_frame
        # the stepper's script has run (it writes the readout): a click before that was lost on a busy machine
        frame.locator("#readout:not(:empty)").wait_for(timeout=30_000)
        frame.locator("#play").click()
        if most is None:  # about three steps a second: three within a few seconds even on a loaded machine
            deadline = time.monotonic() + 10
            while int(frame.locator("#app").get_attribute("data-step")) < 3:
                assert time.monotonic() < deadline, "playback did not reach step 3 in 10 s"
                page.wait_for_timeout(100)
            return
        page.wait_for_timeout(1500)
        frame.locator("#play").click()
        steps = int(frame.locator("#app").get_attribute("data-step"))
        assert 1 <= steps <= most  # one step a second
    finally:
        context.close()


@pytest.mark.parametrize(("kind", "lang"), [("lstm1997", "zh"), ("cifg", "en")])
def test_the_historical_variants_stepper(app_url, browser, artifacts, kind, lang):
    """Their own diagrams (no forget gate; a 1− node) inside the stepper, checked like every page."""
    page = open_page(browser, f"{app_url}/explorer?lang={lang}&kind={kind}")
    try:
        assert problems(page) == []
        check(page, f"/explorer?lang={lang}&kind={kind}", artifacts)
    finally:
        page.close()
