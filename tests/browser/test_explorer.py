"""/explorer in headless Chromium: step through a sequence with the buttons, the arrow keys, the slider,
play, and a click on a heatmap, and check the displayed step and the numbers change."""

import re
from itertools import pairwise

import pytest

from tests.streamlit_server import open_page, problems, wait_rendered
from ui.i18n import translate

pytestmark = pytest.mark.browser

COUNTING = "0,1,0,0,1,1,0,1,0,0,0,1,0,1,1,0,0,0,1,0"  # the counter's c must end at 8


def stepper(page):
    frame = page.locator("iframe").first.content_frame
    frame.locator("#stepno").wait_for()
    return frame


def step_of(frame) -> int:
    return int(frame.locator("#app").get_attribute("data-step"))


def slot(frame, key) -> str:
    return frame.locator(f"#diagram [data-v='{key}']").text_content()


def test_stepping_through_the_counter(app_url, browser, artifacts):
    page = open_page(browser, f"{app_url}/explorer?lang=en&source=counter&mode=numbers&numbers={COUNTING}", (1400, 2200))
    try:
        assert problems(page) == []
        frame = stepper(page)
        assert frame.locator("#stepno").inner_text() == "Step t = 0 (last: 19)"
        assert slot(frame, "c") == "+0.00"

        frame.locator("#next").click()
        assert step_of(frame) == 1 and slot(frame, "c") == "+1.00"  # x_1 = 1: counted
        assert frame.locator("[data-eq='c']").inner_text() == "= 1.00 × 0.00 + 1.00 × 1.00 = 1.00"

        frame.locator("#app").focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert frame.locator("#stepno").inner_text() == "Step t = 3 (last: 19)"
        page.keyboard.press("ArrowLeft")
        assert step_of(frame) == 2
        page.keyboard.press("End")
        assert step_of(frame) == 19 and slot(frame, "c") == "+8.00"

        # the range slider, and a click on the middle of a heatmap
        frame.locator("#slider").fill("5")
        assert step_of(frame) == 5 and slot(frame, "c") == "+3.00"
        box = frame.locator("canvas.map").first.bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.52, box["y"] + box["height"] / 2)
        assert step_of(frame) == 10
        outline = frame.locator(".hl").first.bounding_box()
        assert box["x"] + box["width"] * 0.45 < outline["x"] < box["x"] + box["width"] * 0.55

        frame.locator("#first").click()
        frame.locator("#play").click()
        page.wait_for_timeout(1200)
        assert step_of(frame) >= 2  # playing at ~3 steps a second
        frame.locator("#play").click()
        paused = step_of(frame)
        page.wait_for_timeout(700)
        assert step_of(frame) == paused
        page.screenshot(path=str(artifacts / "explorer_en.png"), full_page=True)
    finally:
        page.close()


def test_chinese_gru_page_steps_and_shows_the_equations(app_url, browser, artifacts):
    page = open_page(browser, f"{app_url}/explorer?lang=zh&kind=gru&preset=negation&hidden=16", (1400, 2200))
    try:
        assert problems(page) == []
        frame = stepper(page)
        assert re.fullmatch(r"时间步 t = 0（最后一步：\d+）", frame.locator("#stepno").inner_text())
        assert frame.locator("#token").inner_text() == "这"
        z_before = frame.locator("[data-eq='z']").inner_text()
        frame.locator("#next").click()
        assert frame.locator("#token").inner_text() == "部"
        assert frame.locator("[data-eq='z']").inner_text() != z_before
        assert frame.locator("[data-eq='z']").inner_text().startswith("= σ(")
        assert frame.locator("canvas.map").count() == 4  # r, z, n, h
        assert page.get_by_text("重置门").count() + frame.get_by_text("重置门").count() >= 1
        page.screenshot(path=str(artifacts / "explorer_zh.png"), full_page=True)
    finally:
        page.close()


def test_the_step_lives_in_the_url(app_url, browser):
    """A teacher shares /explorer?...&t=7 and every student opens the same step; stepping updates
    the link (without a server round trip), and a junk value is ignored with a note."""
    base = f"{app_url}/explorer?lang=en&source=counter&mode=numbers&numbers={COUNTING}"
    page = open_page(browser, base + "&t=7", (1400, 1400))
    try:
        assert problems(page) == []
        frame = stepper(page)
        assert step_of(frame) == 7 and slot(frame, "c") == "+4.00"  # four 1s in x_0..x_7
        frame.locator("#next").click()
        frame.locator("#next").click()
        page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '9'", timeout=5000)
        assert "numbers=" in page.url and "lang=en" in page.url  # the other settings stay in the link
        page.reload()
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
        assert step_of(stepper(page)) == 9
        stepper(page).locator("#first").click()
        page.wait_for_function("() => !new URLSearchParams(location.search).has('t')", timeout=5000)
    finally:
        page.close()
    page = open_page(browser, base + "&t=-3%3Cb%3E", (1400, 1400))
    try:
        assert problems(page) == []
        assert step_of(stepper(page)) == 0
        assert page.get_by_text("ignored", exact=False).count() >= 1
    finally:
        page.close()


def test_the_step_survives_a_visit_to_another_page(app_url, browser):
    """The sidebar opens a page with its settings only: going to /gradient-flow and back had reset the
    stepper to t = 0. The tab keeps its step with the settings it was taken at; other settings start at 0."""
    base = f"{app_url}/explorer?lang=en&source=counter&mode=numbers&numbers={COUNTING}"
    page = open_page(browser, base, (1400, 1400))
    try:
        frame = stepper(page)
        for _ in range(5):
            frame.locator("#next").click()
        page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '5'", timeout=5000)
        for name in ("Gradient flow", "Cell explorer"):
            page.locator("[data-testid='stSidebarNav'] a", has_text=name).click()
            page.wait_for_url(re.compile("gradient-flow" if name == "Gradient flow" else "explorer"))
            wait_rendered(page)
        frame = stepper(page)
        assert step_of(frame) == 5 and slot(frame, "c") == "+3.00"  # three 1s in x_0..x_5
        page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '5'", timeout=5000)
        page.goto(f"{app_url}/explorer?lang=en&source=counter&mode=numbers&numbers=1,1,1,1,1,1,1,1")
        wait_rendered(page)
        assert step_of(stepper(page)) == 0  # another input: its own first step
    finally:
        page.close()


def test_the_step_survives_a_change_of_unit_or_variant_on_the_same_input(app_url, browser):
    """A learner at the word "not" who shows another unit, or switches LSTM to GRU, compares them at that
    word: a change of setting had sent the stepper back to t = 0 (the server writes the link it knows,
    without the stepper's ?t=). The same input keeps the step; another input starts at 0 (above)."""
    page = open_page(browser, f"{app_url}/explorer?lang=en&preset=negation", (1400, 1400))
    try:
        frame = stepper(page)
        for _ in range(3):
            frame.locator("#next").click()
        page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '3'", timeout=5000)
        word = frame.locator("#token").inner_text()
        page.get_by_role("slider", name="Unit shown in the equations and line charts").focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => new URLSearchParams(location.search).get('unit') === '1'", timeout=30_000)
        wait_rendered(page)
        frame = stepper(page)
        frame.locator("svg[aria-label^='Unit 1:']").first.wait_for()  # the new frame, drawing unit 1
        assert step_of(frame) == 3 and frame.locator("#token").inner_text() == word
        page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '3'", timeout=5000)
        page.goto(f"{app_url}/explorer?lang=en&preset=negation&kind=gru")
        wait_rendered(page)
        assert step_of(stepper(page)) == 3 and problems(page) == []
    finally:
        page.close()


def _number(text: str) -> float:
    return float(text.replace("\u2212", "-"))


@pytest.mark.parametrize(("kind", "lang"), [("lstm1997", "zh"), ("cifg", "en")])
def test_the_historical_variants_show_their_own_equations_with_numbers(kind, lang, app_url, browser, artifacts):
    """The 1997 LSTM writes c_t = c_{t-1} + i_t × g_t (no forget gate); the CIFG writes i_t = 1 − f_t.
    The numbers the stepper substitutes must add up, step after step."""
    page = open_page(browser, f"{app_url}/explorer?lang={lang}&kind={kind}&preset=long_memory&hidden=8", (1400, 2400))
    try:
        assert problems(page) == []
        frame = stepper(page)
        for _ in range(3):
            frame.locator("#next").click()
            if kind == "lstm1997":
                assert frame.locator("[data-eq='f']").count() == 0 and frame.locator("#diagram [data-gate='f']").count() == 0
                m = re.fullmatch(r"= (\S+) \+ (\S+) × (\S+) = (\S+)", frame.locator("[data-eq='c']").inner_text())
                c_prev, i, g, c = (_number(v) for v in m.groups())
                assert c == pytest.approx(c_prev + i * g, abs=0.02)
            else:
                m = re.fullmatch(r"= 1 − (\S+) = (\S+)", frame.locator("[data-eq='i']").inner_text())
                f, i = (_number(v) for v in m.groups())
                assert i == pytest.approx(1 - f, abs=0.011)
                assert frame.locator("[data-eq='f']").inner_text().startswith("= σ(")
        note = "没有遗忘门" if kind == "lstm1997" else "i\u209c = 1 − f\u209c"
        assert page.get_by_text(note).count() >= 1
        page.screenshot(path=str(artifacts / f"explorer_{kind}_{lang}.png"), full_page=True)
        page.goto(f"{app_url}/explorer?lang={lang}&kind={kind}&preset=long_memory&tab=whatif")
        wait_rendered(page)
        page.locator(".js-plotly-plot").first.wait_for()
        assert problems(page) == []
        page.screenshot(path=str(artifacts / f"explorer_{kind}_{lang}_whatif.png"), full_page=True)
    finally:
        page.close()


def test_a_term_that_rounds_to_zero_is_never_subtracted(app_url, browser):
    """σ(0.00 − 0.00 − 0.00 + 0.19) read as three negative terms: a term that rounds to 0.00 is added."""
    url = f"{app_url}/explorer?lang=en&hidden=64&layers=3&preset=sine&kind=peephole"
    page = open_page(browser, url, (1400, 2200))
    try:
        frame = stepper(page)
        frame.locator("#app").focus()
        page.keyboard.press("End")
        shown = []
        for _ in range(8):  # the last steps, where this sine's terms sit near 0
            shown += frame.locator("[data-eq]").all_inner_texts()
            page.keyboard.press("ArrowLeft")
        assert shown and not [line for line in shown if re.search(r"\u2212 0\.00(?!\d)", line)]
    finally:
        page.close()


@pytest.mark.parametrize(
    ("query", "size"),
    [("lang=en&teacher=1", (1400, 1400)), ("lang=en&source=memory", (1400, 1400)), ("lang=zh&source=memory", (390, 1400))],
)
def test_the_line_charts_keys_fit_their_charts_and_name_a_hidden_line(query, size, app_url, browser, artifacts):
    """Four names in a row inside the 460-wide picture ran past its edge ("o output ga"), and in teacher
    mode into each other; a hand-built cell's g, 1 at every step as o is, had a key entry but no visible
    line. The key now wraps as page text, and a line drawn over at every step says under which."""
    page = open_page(browser, f"{app_url}/explorer?{query}", size)
    try:
        frame = stepper(page)
        charts = frame.locator("#lines figure").evaluate_all(
            """(figures) => figures.map((f) => { const r = f.getBoundingClientRect(), plot = f.querySelector('.plot')
                 .getBoundingClientRect(); return { left: r.left, right: r.right, plotTop: plot.top, items: [...f
                 .querySelectorAll('.key span')].map((s) => { const b = s.getBoundingClientRect();
                 return { text: s.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom }; }) }; })"""
        )
        assert len(charts) == 2 and all(chart["items"] for chart in charts)
        for chart in charts:
            items = chart["items"]
            assert all(chart["left"] <= i["left"] and i["right"] <= chart["right"] + 0.5 for i in items), items
            assert all(i["bottom"] <= chart["plotTop"] + 0.5 for i in items)
            for a, b in pairwise(items):  # one after another, never on top of each other
                assert a["right"] <= b["left"] or a["bottom"] <= b["top"], (a, b)
        if size[0] > 600:  # side by side, the two pictures stand level
            assert abs(charts[0]["plotTop"] - charts[1]["plotTop"]) < 1
        lang = "zh" if "zh" in query else "en"
        hidden = [i["text"] for i in charts[0]["items"] if translate("explorer.c.same_as", lang, q="o") in i["text"]]
        assert hidden == (
            [f"g {translate('explorer.q.g', lang)}{translate('explorer.c.same_as', lang, q='o')}"] if "memory" in query else []
        )
        page.screenshot(path=str(artifacts / f"explorer_key_{lang}_{size[0]}.png"), full_page=True)
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_above_the_first_layer_the_diagrams_input_is_the_layer_belows_h(lang, app_url, browser):
    """Layer 2 of a 3-layer model labelled its input x_t with the step's token in quotes ("“0”"), while at
    layer 0 the same number read +0.00: above the first layer x_t is the layer below's h, a vector."""
    page = open_page(browser, f"{app_url}/explorer?lang={lang}&mode=numbers&numbers=0,1,0&layers=3&layer=2", (1400, 1400))
    try:
        assert slot(stepper(page), "x") == translate("explorer.c.x_below", lang, layer=1)
    finally:
        page.close()
    page = open_page(browser, f"{app_url}/explorer?lang={lang}&mode=numbers&numbers=0,1,0&layers=3&layer=0", (1400, 1400))
    try:
        assert slot(stepper(page), "x") == "+0.00"
    finally:
        page.close()
