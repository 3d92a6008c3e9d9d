"""Keyboard and screen-reader audit: what a learner who cannot use a mouse, or cannot see the charts,
meets on the pages (tests/browser/test_keyboard.py walks lesson 3 and /train's tabs by keyboard;
tests/browser/test_accessibility.py runs axe; neither is repeated here).

- /train's saliency strip is a list read chip by chip, each chip said with its score and its side
  (as adjacent spans, a screen reader ran the tokens together into one word and said no colour);
- pressing Train (drawn again disabled) and Stop (likewise once the run ends) kept focus in their
  row: it had fallen to the page's body, and the next Tab went on past Stop;
- Streamlit's own names (the sidebar, its menu, a heading's link, a number box's +/-, a select box's
  opener) are said in the page's language; a slider's name is said once, not twice; the explorer's
  stepper frame has a name ("st.iframe" before)."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import numpy as np
import pytest

import ui
from plots.train import token_strip_html
from tests.streamlit_server import NEXT_FRAME, open_page, problems, wait_rendered
from ui import train_labels
from ui.i18n import translate

LANGS = ["en", "zh"]


class SpokenItems(HTMLParser):
    """The list items of an HTML fragment as a screen reader reads them: text under aria-hidden left out.
    Also the list's role and name."""

    def __init__(self):
        super().__init__()
        self.items, self.lists, self._hidden, self._depth, self._in_item = [], [], [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._depth += 1
        if attrs.get("aria-hidden") == "true":
            self._hidden.append(self._depth)
        if tag == "ul":
            self.lists.append((attrs.get("role", "list"), attrs.get("aria-label", "")))
        if tag == "li":
            self.items.append("")
            self._in_item = True

    def handle_endtag(self, tag):
        if self._hidden and self._hidden[-1] == self._depth:
            self._hidden.pop()
        self._depth -= 1
        if tag == "li":
            self._in_item = False

    def handle_data(self, data):
        if self._in_item and not self._hidden:
            self.items[-1] += data


def spoken_items(fragment: str) -> SpokenItems:
    parser = SpokenItems()
    parser.feed(fragment)
    return parser


def test_the_token_strip_is_a_list_read_chip_by_chip():
    tokens, scores = ["not", "good", "<b>"], np.array([-0.2, 0.31, 0.0])
    spoken = ["not: -0.200, against", "good: +0.310, towards", "<b>: +0.000, towards"]
    found = spoken_items(token_strip_html(tokens, scores, "caption", spoken, name="Which tokens"))
    assert found.lists == [("list", "Which tokens")]
    assert found.items == spoken  # one item per chip, each said as its sentence (the token escaped, read as written)


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", ["not: -0.200, against “positive”", "good: +0.310, towards “positive”",
                "zzq (never seen in training): -1.0e-04, against “positive”"]),
        ("zh", ["not：-0.200，对“positive”起反作用", "good：+0.310，推动预测为“positive”",
                "zzq（训练集中从未出现）：-1.0e-04，对“positive”起反作用"]),
    ],
)  # fmt: skip
def test_each_chip_is_said_with_its_score_its_side_and_its_mark(monkeypatch, lang, expected):
    """The "?" of a token the model never saw is said in words (a screen reader does not say the mark);
    a score that rounds to 0.000 keeps its sign, which decides its colour."""
    monkeypatch.setattr(ui, "lang", lambda: lang)
    monkeypatch.setattr(ui, "teacher", lambda: False)
    run = SimpleNamespace(data=SimpleNamespace(vocab=SimpleNamespace(stoi={"not": 1, "good": 2})))
    assert train_labels.saliency_spoken(run, ["not", "good", "zzq?"], [-0.2, 0.31, -0.0001], "positive") == expected


# --- in the browser -------------------------------------------------------------------------------

FOCUSED = """() => { const e = document.activeElement;
  return [e.tagName, e.closest('[class*="st-key-"]')?.className.match(/st-key-\\S+/)?.[0] ?? '']; }"""
# the accessible names Streamlit gives its own controls, by attribute (ui._SCRIPT translates them)
NAMES = """() => [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'))"""
ENGLISH = {"Sidebar", "App pages", "Main menu", "Collapse sidebar", "Link to heading", "Open", "Increment", "Decrement"}


def chip_said(key: str, lang: str, sign: str) -> str:
    """A regular expression of what a screen reader says for one chip (`sign`: its score's)."""
    text = re.escape(translate(key, lang, token="\0T", score="\0S", predicted="\0P"))
    return text.replace("\0T", ".+").replace("\0P", ".+").replace("\0S", re.escape(sign) + r"\d\.\d+(?:e-\d+)?")


def press_train(page, lang):
    """Focus Train with the keyboard (Tab from the seed box above it), then press Enter."""
    page.locator(".st-key-train_start").scroll_into_view_if_needed()
    page.get_by_role("spinbutton", name=translate("app.seed", lang)).focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED) == ["BUTTON", "st-key-train_start"]:
            break
    assert page.evaluate(FOCUSED) == ["BUTTON", "st-key-train_start"]
    page.keyboard.press("Enter")


@pytest.mark.browser
@pytest.mark.trains
def test_train_then_stop_by_keyboard_keeps_focus_on_the_buttons(app_url, browser):
    page = open_page(browser, f"{app_url}/train?lang=zh&data=negation_zh&n_negation_zh=2000&hidden=32&epochs=30")
    try:
        press_train(page, "zh")
        page.wait_for_selector(".st-key-train_stop button:not([disabled])", timeout=60_000)
        page.wait_for_function("() => document.activeElement.closest('.st-key-train_stop')", timeout=5000)
        page.keyboard.press("Enter")  # Stop
        page.wait_for_selector(".st-key-train_start button:not([disabled])", timeout=60_000)
        page.wait_for_function("() => document.activeElement.closest('.st-key-train_start')", timeout=5000)
        wait_rendered(page)
        assert page.evaluate(FOCUSED) == ["BUTTON", "st-key-train_start"] and problems(page) == []
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.trains
def test_the_mistakes_token_strip_is_read_word_by_word(app_url, browser, artifacts):
    """One short run, pressed by keyboard: focus is back on Train when it ends; then the mistakes tab's
    strip in English, and in Chinese after a language switch (the session keeps its run)."""
    page = open_page(browser, f"{app_url}/train?lang=en&epochs=1&n_negation_en=200&hidden=4&tab=mistakes", viewport=(1400, 1600))
    try:
        press_train(page, "en")
        page.get_by_role("heading", name=translate("train.results_header", "en")).wait_for(timeout=120_000)
        wait_rendered(page)
        assert page.evaluate(FOCUSED) == ["BUTTON", "st-key-train_start"]
        for lang in LANGS:
            if lang == "zh":
                page.locator("[data-testid='stSidebar']").get_by_text("简体中文").click()
                page.get_by_role("heading", name=translate("train.results_header", "zh")).wait_for(timeout=60_000)
                wait_rendered(page)
            strip = page.get_by_role("list", name=translate("train.saliency_header", lang))
            # what a screen reader reads: the accessibility tree's list items (the chips' text is hidden from it)
            items = re.findall(r"^\s*- listitem: (.+)$", strip.aria_snapshot(), flags=re.M)
            assert len(items) >= 2
            towards, against = chip_said("train.saliency_towards", lang, "+"), chip_said("train.saliency_against", lang, "-")
            said = re.compile(f"^(?:{towards}|{against})$")
            for text in items:
                assert said.match(text.strip('"')), text  # "not: -0.017, against “positive”", not "notenjoyable…"
            strip.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / f"keyboard_audit_strip_{lang}.png"))
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_controls_are_named_once_in_the_page_language(app_url, browser, lang):
    """/explorer has each kind: the sidebar and its navigation, select boxes, sliders, a number box,
    headings with links, and the stepper's frame."""
    page = open_page(browser, f"{app_url}/explorer?lang={lang}")
    try:
        names = set(page.evaluate(NAMES))
        if lang == "zh":
            assert names & ENGLISH == set()
            assert {translate(f"streamlit.{k}", "zh") for k in ("sidebar", "open", "increment")} <= names
            # a heading's link is named after its heading (tests/test_keyboard4.py)
            assert translate("streamlit.heading_link_to", "zh", x=translate("explorer.title", "zh")) in names
        tree = page.locator("body").aria_snapshot()
        sliders = re.findall(r'slider "([^"]+)"', tree)
        assert sliders and not [name for name in sliders if re.fullmatch(r"(.+) \1", name)]
        assert translate("explorer.hidden", lang) in sliders  # said once: "Hidden size per layer (units)"
        assert page.locator("iframe").first.get_attribute("title") == translate("explorer.stepper_alt", lang)
    finally:
        page.close()


@pytest.mark.browser
def test_a_control_streamlit_adds_is_named_in_the_page_language_by_the_next_frame(app_url, browser):
    """What `wait_rendered` relies on (its NEXT_FRAME): a step button mounted in English (as Streamlit
    mounts them once it knows the box's width) is renamed before the next frame is drawn."""
    page = open_page(browser, f"{app_url}/explorer?lang=zh")
    try:
        before, after = page.evaluate(
            """async () => {
              const up = document.querySelector('[data-testid="stNumberInputStepUp"]');
              const copy = up.cloneNode(true);
              copy.setAttribute("aria-label", "Increment");
              up.after(copy);
              const before = copy.getAttribute("aria-label");
              await ("""
            + NEXT_FRAME
            + """)();
              const after = copy.getAttribute("aria-label");
              copy.remove();
              return [before, after];
            }"""
        )
        assert (before, after) == ("Increment", translate("streamlit.increment", "zh"))
    finally:
        page.close()


# --- a chart's summary says what the chart shows ----------------------------------------------------


@pytest.mark.claims
@pytest.mark.parametrize(
    "lang, query",
    [("en", {}), ("zh", {"scale": "3"}), ("en", {"fb": "-5"})],  # the RNN's line rises; the LSTM's falls lowest
)
def test_the_gradient_chart_summary_names_the_lines_it_draws_highest_and_lowest(lang, query):
    """/gradient-flow's first chart had the summary "the RNN's line falls steeply, the LSTM's stays
    higher" whatever the settings: at a weight scale of 3 the RNN's line rises above them all, and at a
    forget bias of -5 the LSTM's ends lowest. It now names the lines highest and lowest at step 0, read
    here from the figure the learner sees."""
    from tests.apptest import figures
    from tests.apptest import open_page as open_app_page

    at = open_app_page("pages/gradient-flow.py", lang=lang, **query)
    assert not at.exception
    chart = next(f for f in figures(at) if f["layout"]["meta"]["a11y_name"] == translate("chart.gf_profiles.name", lang))
    at_start = {}  # each line's value at step 0, the chart's right end (k = T - 1)
    for trace in chart["data"]:
        if trace.get("name") and trace.get("x") is not None:
            x = trace["x"]  # plotly's JSON writes an array as {"dtype", "bdata"}
            x = np.frombuffer(base64.b64decode(x["bdata"]), dtype=x["dtype"]) if isinstance(x, dict) else np.asarray(x)
            k = int(np.argmax(x))
            at_start[trace["name"]] = -np.inf if trace["y"][k] is None else np.log10(trace["y"][k])
    top, bottom = max(at_start, key=at_start.get), min(at_start, key=at_start.get)
    summary = chart["layout"]["meta"]["a11y_summary"]
    if lang == "en":
        assert f", {top} keeps the most gradient (" in summary and f") and {bottom} the least (" in summary, summary
    else:
        assert f"，{top}保留的梯度最多（" in summary and f"），{bottom}最少（" in summary, summary


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_next_lesson_by_keyboard_focuses_the_new_lesson(app_url, browser, artifacts, lang):
    """Focus had stayed on the Next button at the page's foot, below the quiz: the new lesson's heading
    takes it (visibly), so a keyboard or screen-reader learner starts reading the lesson that opened."""
    from ui.lessons_content import SLUGS

    page = open_page(browser, f"{app_url}/lessons?lang={lang}&lesson={SLUGS[0]}")
    try:
        page.get_by_role("button", name=translate("lessons.next", lang)).focus()
        page.keyboard.press("Enter")
        title = f"{translate('lessons.number', lang, n=2)} · {translate(f'lessons.{SLUGS[1]}.title', lang)}"
        page.wait_for_function("(t) => document.activeElement.tagName === 'H2' && document.activeElement.innerText.startsWith(t)",
                               arg=title, timeout=30_000)  # fmt: skip
        wait_rendered(page)
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none" and problems(page) == []
        page.screenshot(path=str(artifacts / f"keyboard_audit_next_lesson_{lang}.png"))
    finally:
        page.close()
