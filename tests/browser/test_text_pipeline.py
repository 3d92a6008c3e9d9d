"""/text-pipeline in headless Chromium: every step renders in both languages, typing a sentence
updates the tables, bad input shows a message."""

import pytest

from tests.streamlit_server import open_page, problems, wait_rendered

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def warm_router(app_url, browser):
    """The first sessions after the server starts can show a spurious 'Page not found' for a
    hyphenated URL before the router has registered its pages; open the home page once first."""
    open_page(browser, f"{app_url}/").close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_steps_render_and_follow_the_sentence(app_url, browser, artifacts, lang):
    page = open_page(browser, f"{app_url}/text-pipeline?lang={lang}", viewport=(1400, 5200))
    try:
        assert problems(page) == []
        assert page.locator("h2").filter(has_text="5.").count() == 1
        assert page.locator(".js-plotly-plot").count() == 1
        tables = page.locator("[data-testid='stHtml'] [role='region'][tabindex='0'] table")  # named, scrolled by keyboard
        assert tables.count() == 5
        page.screenshot(path=str(artifacts / f"text_pipeline_{lang}.png"), full_page=True)
        if lang == "zh":
            return  # typing is language-independent: once is enough for the time budget
        box = page.locator("[data-testid='stTextInput'] input").first
        box.fill("?!")
        box.press("Enter")
        wait_rendered(page)
        assert page.locator("[data-testid='stAlertContentError']").count() == 1
        box.fill("the food was not bad")
        box.press("Enter")
        wait_rendered(page)
        assert page.locator("[data-testid='stAlertContentError']").count() == 0
        assert problems(page) == []
        assert "sentence=" in page.url
        # step 1 shows a long sentence whole, its end and the punctuation removed there included
        long = "The film was not bad at all, and the long quiet scenes by the sea at the end were far better than the trailer!!"
        box.fill(long)
        box.press("Enter")
        wait_rendered(page)
        steps = page.get_by_role("region", name="1. Lower-casing and punctuation removal")
        assert steps.get_by_text(long, exact=True).is_visible()
        assert steps.get_by_text("than the trailer").count() == 3  # as typed, lower-cased, cleaned
        cut = steps.locator("td").evaluate_all("cells => cells.filter((c) => c.scrollWidth > c.clientWidth).length")
        assert cut == 0
    finally:
        page.close()


def test_the_advanced_settings_arrive_when_their_expander_opens(app_url, browser):
    """Folded, the "Advanced" expander holds no widget (the page open sends less); opened, its two
    settings arrive; a changed one stays in the link, and applies, after it is folded again."""
    page = open_page(browser, f"{app_url}/text-pipeline?lang=en", viewport=(1400, 2000))
    try:
        box = page.locator("[data-testid='stExpander']").filter(has_text="Advanced")
        assert box.locator("input").count() == 0
        box.locator("summary").click()
        box.locator("input").first.wait_for(timeout=20_000)
        wait_rendered(page)
        assert box.locator("input").count() == 2
        vocab = box.locator("input").first
        vocab.fill("10")
        vocab.press("Enter")
        wait_rendered(page)
        assert "vocab=10" in page.url
        box.locator("summary").click()
        wait_rendered(page)
        assert box.locator("input").count() == 0 and "vocab=10" in page.url
        assert page.get_by_text("10 entries;").count() == 1  # the vocabulary of step 3 is still cut to 10
        assert problems(page) == []
    finally:
        page.close()


def test_a_very_long_word_wraps_inside_its_table(app_url, browser):
    """300 letters without a space: the tables of steps 1 and 2 keep to the page's width (the word had
    pushed them sideways and squeezed the other columns)."""
    page = open_page(browser, f"{app_url}/text-pipeline?lang=en&sentence={'a' * 300}", viewport=(1400, 3000))
    try:
        assert problems(page) == []
        tables = page.locator("[data-testid='stHtml'] [role='region']")
        for step in (0, 1):
            assert tables.nth(step).evaluate("(box) => box.scrollWidth <= box.clientWidth + 1"), step + 1
    finally:
        page.close()


@pytest.mark.parametrize(("path", "box", "limit", "commit"), [
    ("/text-pipeline?lang=zh", "[data-testid='stTextInput'] input", 2000, "Enter"),
    ("/explorer?lang=en&mode=numbers", "[data-testid='stTextArea'] textarea", None, "Control+Enter"),
    ("/lessons?lang=zh", "[data-testid='stTextArea'] textarea", 2000, "Control+Enter"),  # the prediction box
])  # fmt: skip
def test_a_paste_longer_than_the_box_takes_is_cut_with_a_note(path, box, limit, commit, app_url, browser):
    """A 2,001-character review pasted into "Your sentence" left the old sentence and said nothing
    (Streamlit drops a change longer than max_chars whole); the explorer's numbers box and the lessons'
    prediction box did the same."""
    from ui.explorer_state import NUMBERS_CHARS
    from ui.i18n import translate

    limit = limit or NUMBERS_CHARS
    text = ("0.5, " * limit)[: limit + 1]
    page = open_page(browser, f"{app_url}{path}", viewport=(1400, 1400))
    try:
        field = page.locator(box).first
        field.fill(text)
        field.press(commit)
        wait_rendered(page)
        assert field.input_value() == text[:limit]
        lang = "zh" if "zh" in path else "en"
        cut = translate("app.text_cut", lang, label="X", limit=f"{limit:,}", n=f"{limit + 1:,}").split("X")[-1]
        assert page.locator("[data-testid='stAlertContentInfo']").filter(has_text=cut).count() == 1
        assert problems(page) == []
    finally:
        page.close()


def test_a_table_wider_than_a_phone_shows_a_shadow_where_there_is_more(app_url, browser):
    """On a phone the padding table (a row of tokens) scrolls sideways with no visible cue; a shadow
    marks the side with more to see, and is gone at the end it has reached."""
    page = open_page(browser, f"{app_url}/text-pipeline?lang=zh", viewport=(390, 844))
    try:
        box = next(b for b in page.locator(".lab-table").all() if b.evaluate("e => e.scrollWidth > e.clientWidth + 100"))
        box.scroll_into_view_if_needed()

        def edges(cue: bool) -> tuple[float, float]:
            """Mean darkness of the box's 6 px strips at its left and right edge, over its body rows."""
            box.evaluate("(e, cue) => { e.style.background = cue ? '' : 'none'; }", cue)
            page.wait_for_timeout(100)
            return strips(page.screenshot(clip=_body(box)))

        def at(scroll: str):
            box.evaluate(f"e => {{ e.scrollLeft = {scroll}; }}")
            return edges(True), edges(False)

        (left, right), (bare_left, bare_right) = at("0")
        assert right > bare_right + 4 and abs(left - bare_left) < 1, "at the start: a shadow on the right only"
        (left, right), (bare_left, bare_right) = at("e.scrollWidth")
        assert left > bare_left + 4 and abs(right - bare_right) < 1, "at the end: a shadow on the left only"
        assert problems(page) == []
    finally:
        page.close()


def _body(box) -> dict:
    """The box's clip on the page below its header row (whose cells are white and cover the shadow)."""
    rect = box.bounding_box()
    head = box.locator("thead").bounding_box()["height"]
    return {"x": rect["x"], "y": rect["y"] + head, "width": rect["width"], "height": rect["height"] - head}


def strips(png: bytes, width: int = 6) -> tuple[float, float]:
    from io import BytesIO

    import numpy as np
    from PIL import Image

    gray = 255 - np.asarray(Image.open(BytesIO(png)).convert("L"), dtype=float)
    return gray[:, :width].mean(), gray[:, -width:].mean()
