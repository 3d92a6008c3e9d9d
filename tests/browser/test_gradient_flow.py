"""/gradient-flow in headless Chromium: both languages render every chart with no exception box, a
link with an open forget gate shows the LSTM's gradient surviving, and a bad link gives a note."""

import pytest

from tests.streamlit_server import CHARTS_DRAWN, DRAW_ALL, open_page, problems, wait_rendered

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def warm_router(app_url, browser):
    """The first session after the server starts can show a spurious 'Page not found' for a
    hyphenated URL before the router has registered its pages; open the home page once first."""
    open_page(browser, f"{app_url}/").close()


def metric_values(page) -> list[float]:
    return [float(v.inner_text()) for v in page.locator("[data-testid='stMetricValue']").all()]


# the label of each labelled horizontal line (the adding problem's "always predict 1" baseline) whose
# box does not touch its line: on a log axis it stood at 10^0.167 for 0.167, ten times too high
_LABELS_OFF_THEIR_LINES = """() => [...document.querySelectorAll('.lab-chart')].flatMap((gd) => {
  const shapes = gd.layout.shapes || [], labels = gd.querySelectorAll('.annotation');
  return (gd.layout.annotations || []).flatMap((a, i) => {
    const line = shapes.find((s) => s.yref === a.yref && s.y0 === s.y1);
    if (!line || a.yref === 'paper') return [];
    const axis = gd._fullLayout[a.yref.replace('y', 'yaxis')];
    const at = axis._offset + axis.l2p(axis.type === 'log' ? Math.log10(line.y0) : line.y0);
    const box = labels[i].getBoundingClientRect(), top = gd.getBoundingClientRect().top;
    const edge = a.yanchor === 'top' ? box.top - top : box.bottom - top;
    return Math.abs(edge - at) <= 4 ? [] : [[a.text, Math.round(edge), Math.round(at)]];
  });
})"""


@pytest.mark.parametrize(("lang", "title"), [("en", "Gradient flow"), ("zh", "梯度流")])
def test_page_renders(app_url, browser, artifacts, lang, title):
    page = open_page(browser, f"{app_url}/gradient-flow?lang={lang}", viewport=(1400, 6000))
    try:
        assert problems(page) == []
        assert title in page.locator("h1").first.inner_text()
        assert page.locator(".js-plotly-plot").count() >= 4
        rnn, lstm, gru, radius = metric_values(page)
        assert rnn < 1e-20 < lstm  # defaults: the RNN's gradient vanishes, the LSTM's far less
        assert page.locator(".katex").count() >= 4  # the equations with their numbers
        assert page.evaluate(_LABELS_OFF_THEIR_LINES) == []
        page.screenshot(path=str(artifacts / f"gradient_flow_{lang}.png"), full_page=True)
    finally:
        page.close()


def test_charts_are_drawn_as_they_come_near_the_screen(app_url, browser):
    """ui/chart.js: on a 1400 x 1000 screen the page opens with the charts near its first screen drawn;
    the others, named for screen readers and already as tall as they will be, are drawn when scrolled
    to, and printing draws every one."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{app_url}/gradient-flow?lang=en")
        wait_rendered(page, every_chart=False)
        page.wait_for_timeout(1000)  # long enough for a chart near the screen to be drawn
        boxes = page.locator(".lab-chart")
        drawn = page.evaluate("() => [...document.querySelectorAll('.lab-chart')].map((b) => !!b.querySelector('.main-svg'))")
        assert len(drawn) == 6 and drawn[0] and drawn.count(False) >= 3, drawn
        far = drawn.index(False)
        assert boxes.nth(far).get_attribute("aria-label")
        height = boxes.nth(far).bounding_box()["height"]
        boxes.nth(far).scroll_into_view_if_needed()
        boxes.nth(far).locator(".main-svg").first.wait_for(timeout=10_000)
        assert boxes.nth(far).bounding_box()["height"] == height  # drawing moved nothing
        page.evaluate(DRAW_ALL)
        page.wait_for_function(CHARTS_DRAWN, timeout=10_000)
        assert problems(page) == []
    finally:
        page.close()


def test_new_numbers_in_the_formulas_raise_no_script_error(app_url, browser):
    """A slider moved: the rerun rewrites the formulas' numbers under the app's own scripts (ui._SCRIPT
    watches each formula's pieces), and none of them throws."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    try:
        page.goto(f"{app_url}/gradient-flow?lang=en")
        wait_rendered(page)
        formulas = page.evaluate("() => [...document.querySelectorAll('.katex-display')].map((e) => e.textContent)")
        page.get_by_role("slider").first.focus()
        page.keyboard.press("End")
        page.wait_for_function(
            "(old) => [...document.querySelectorAll('.katex-display')].map((e) => e.textContent).join() !== old.join()",
            arg=formulas,
            timeout=30_000,
        )
        wait_rendered(page)
        page.wait_for_timeout(500)
        assert problems(page) == [] and errors == []
    finally:
        page.close()


def test_open_forget_gate_link_and_bad_link(app_url, browser):
    page = open_page(browser, f"{app_url}/gradient-flow?lang=en&fb=3.0&T=0", viewport=(1400, 2000))
    try:
        assert problems(page) == []
        assert page.get_by_text("T=").count() >= 1  # the note about the ignored T=0
        _, lstm, _, _ = metric_values(page)
        assert lstm > 1e-3
    finally:
        page.close()


@pytest.mark.trains
def test_live_run_in_the_browser(app_url, browser):
    """A tiny live run: Train, the progress poll, and the finished curve with its caption."""
    page = open_page(browser, f"{app_url}/gradient-flow?lang=en&live_T=5&live_steps=100", viewport=(1400, 2000))
    try:
        charts = page.locator(".js-plotly-plot").count()
        page.get_by_role("button", name="Train").click()
        page.get_by_text("Finished: test MSE").wait_for(timeout=120_000)
        wait_rendered(page)
        assert page.locator(".js-plotly-plot").count() == charts + 1
        assert problems(page) == []
    finally:
        page.close()


# each legend sample's marks: plotly.js draws a 30 px sample (M5,0h30) with the line's dash pattern,
# whose lengths grow with the line's width; the on-segments that start inside it are what a reader sees
_LEGEND_MARKS = """(gd) => [...gd.querySelectorAll('.legend .traces')].map((item) => {
  const path = item.querySelector('.legendlines path'), name = item.querySelector('.legendtext').textContent;
  const dashes = (getComputedStyle(path).strokeDasharray.match(/[\\d.]+/g) || []).map(Number);
  if (!dashes.length) return [name, 1, true];
  let marks = 0, at = 0, on = true;
  for (let k = 0; at < 30; k = (k + 1) % dashes.length, on = !on) { if (on) marks += 1; at += dashes[k]; }
  return [name, marks, false];
})"""


def test_every_models_legend_sample_shows_its_pattern(app_url, browser):
    """The CIFG's "longdash" (15 px on, 15 off at the chart's width) showed one dash and a gap in the
    legend's 30 px sample: half a line, not a pattern a reader can match to the chart."""
    page = open_page(browser, f"{app_url}/gradient-flow?lang=en", viewport=(1400, 1400))
    try:
        samples = page.locator(".js-plotly-plot").first.evaluate(_LEGEND_MARKS)
        assert len(samples) == 5
        assert all(solid or marks >= 2 for _, marks, solid in samples), samples
    finally:
        page.close()


@pytest.mark.parametrize("width", [1400, 390])
def test_the_baseline_label_is_clear_of_every_point(app_url, browser, width):
    """ "always predict 1: 0.167" stood at the line's right end, over the vanilla RNN's markers at T = 50
    and 100, which sit on that line (a phone showed its letters through the orange dots)."""
    page = open_page(browser, f"{app_url}/gradient-flow?lang=en", viewport=(width, 900))
    try:
        chart = page.locator(".lab-chart").nth(4)  # test MSE by sequence length
        chart.scroll_into_view_if_needed()
        chart.locator(".annotation-text").first.wait_for(timeout=10_000)
        overlaps = chart.evaluate(
            """(c) => {
              const label = [...c.querySelectorAll('.annotation-text')].find((a) => a.textContent.includes('0.167'));
              const a = label.getBoundingClientRect();
              return [...c.querySelectorAll('.scatterlayer .point')].map((p) => p.getBoundingClientRect())
                .filter((p) => p.left < a.right && a.left < p.right && p.top < a.bottom && a.top < p.bottom).length;
            }"""
        )
        assert overlaps == 0
        assert problems(page) == []
    finally:
        page.close()
