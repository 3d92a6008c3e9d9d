"""How often plotly.js draws a chart (ui/chart.js), counted in a real browser. Each drawing of a chart
costs an open 25-100 ms of the browser's main thread: after its first drawing a chart alone in its row
was drawn a second time, unchanged, to line up with itself (/forecast's first two charts, on every open)."""

import pytest

from tests.streamlit_server import CHARTS_DRAWN, DRAW_ALL, wait_rendered

# each chart's box counts the times plotly.js draws a figure in it (Plotly.react)
_COUNT_DRAWS = """let plotly;
Object.defineProperty(window, "Plotly", { configurable: true, get: () => plotly, set(value) {
  plotly = value;
  const react = value.react;
  value.react = function (box, ...rest) { box.labDraws = (box.labDraws ?? 0) + 1; return react.call(this, box, ...rest); };
} });"""
_DRAWS = "() => [...document.querySelectorAll('.lab-chart')].map((box) => box.labDraws ?? 0)"
_NEAR_DRAWN = "(near) => [...document.querySelectorAll('.lab-chart')].slice(0, near).every((c) => c.querySelector('.main-svg'))"


@pytest.mark.browser
@pytest.mark.parametrize("path, near", [("forecast", 2), ("gradient-flow", 1)])
def test_a_chart_is_drawn_once_as_the_page_opens(app_url, browser, path, near):
    """The charts near the first screen are drawn once each, and on /forecast, whose charts are each alone
    in their row, every chart is drawn once when all are (as printing draws them)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.add_init_script(_COUNT_DRAWS)
    try:
        page.goto(f"{app_url}/{path}?lang=en")
        wait_rendered(page, every_chart=False)
        page.wait_for_function(_NEAR_DRAWN, arg=near)  # the first screen's, and those within half a screen below
        page.wait_for_timeout(1000)  # long enough for a second drawing
        draws = page.evaluate(_DRAWS)
        assert draws[:near] == [1] * near, draws
        if path == "forecast":
            page.evaluate(DRAW_ALL)
            page.wait_for_function(CHARTS_DRAWN)
            page.wait_for_timeout(1000)
            assert set(page.evaluate(_DRAWS)) == {1}
    finally:
        page.close()
