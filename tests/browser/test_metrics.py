"""/metrics in headless Chromium: the URL example renders its numbers, editing a count updates the
metrics, both languages, no exception box."""

import pytest

from tests.streamlit_server import open_page, problems, wait_rendered
from ui.i18n import translate

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def warm_router(app_url, browser):
    """The first sessions after the server starts can show a spurious 'Page not found' for a
    hyphenated URL before the router has registered its pages; open the home page once first."""
    open_page(browser, f"{app_url}/").close()


def metric_value(page, label: str) -> str:
    box = page.locator("[data-testid='stMetric']").filter(has_text=label)
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


@pytest.mark.parametrize(("lang", "accuracy", "recall"), [("en", "Accuracy", "Recall"), ("zh", "准确率", "召回率")])
def test_url_example_and_editing(app_url, browser, artifacts, lang, accuracy, recall):
    page = open_page(browser, f"{app_url}/metrics?tp=90&tn=85&fp=15&fn=10&lang={lang}", viewport=(1400, 3000))
    try:
        assert problems(page) == []
        assert metric_value(page, accuracy) == "0.875"
        assert metric_value(page, recall) == "0.900"
        assert page.locator(".js-plotly-plot").count() == 1  # the paradox's bars: the matrices are tables
        counts = page.locator("table").filter(has_text="TP").first
        cells = [c.inner_text().split() for c in counts.locator("td[style]").all()]
        assert cells == [["TN", "85"], ["FP", "15"], ["FN", "10"], ["TP", "90"]]
        box = counts.get_by_role("rowheader").first.bounding_box()  # "true class", drawn sideways beside the rows
        assert box["height"] > box["width"]
        page.screenshot(path=str(artifacts / f"metrics_{lang}.png"), full_page=True)
        # the "always negative" button fills the counts in: 99 % accuracy, recall 0
        page.locator("[data-testid='stButton'] button").first.click()
        wait_rendered(page)
        assert metric_value(page, accuracy) == "0.990"
        assert metric_value(page, recall) == "0.000"
        assert "tn=990" in page.url
        assert problems(page) == []
        if lang == "en":  # all-zero counts: a warning, no division-by-zero crash
            page.goto(f"{app_url}/metrics?tp=0&tn=0&fp=0&fn=0")
            wait_rendered(page)
            assert page.locator("[data-testid='stAlertContentWarning']").count() == 1
            assert problems(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_metric_is_shown_whole_at_huge_counts(app_url, browser, artifacts, lang):
    """At counts of 10⁹ a rate reads 0.999999999: five cards in a row had cut it to "0.999999…"."""
    query = "tp=999999999&fn=1&fp=3&tn=999999990"
    page = open_page(browser, f"{app_url}/metrics?{query}&lang={lang}", viewport=(1400, 1200))
    try:
        assert problems(page) == []
        values = page.locator("[data-testid='stMetricValue']")
        assert values.count() == 5 and "0.999999999" in values.all_inner_texts()
        cut = page.evaluate(
            """() => [...document.querySelectorAll("[data-testid='stMetricValue'], [data-testid='stMetricValue'] *")]
                   .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.innerText)"""
        )
        assert cut == []
        page.screenshot(path=str(artifacts / f"metrics_huge_counts_{lang}.png"), full_page=True)
    finally:
        page.close()


@pytest.mark.parametrize(("lang", "label"), [("en", "Data behind this chart"), ("zh", "图表数据表")])
def test_a_charts_data_table_opens_on_demand(app_url, browser, lang, label):
    """Folded chart tables are not sent to the browser; opening one shows the chart's numbers."""
    page = open_page(browser, f"{app_url}/metrics?tp=90&tn=85&fp=15&fn=10&lang={lang}", viewport=(1400, 3000))
    try:
        first = page.locator("[data-testid='stExpander']").filter(has_text=label).first
        assert first.locator("[data-testid='stDataFrame']").count() == 0
        first.locator("summary").click()
        first.locator("[data-testid='stDataFrame']").wait_for(timeout=20_000)
        wait_rendered(page)
        assert problems(page) == []
        grid = first.locator("[data-testid='stDataFrame']").text_content()
        assert "0.99" in grid  # the paradox's accuracy of always answering "negative"
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_charts_toolbar_speaks_the_page_language(app_url, browser, lang):
    """plotly.js wrote its toolbar's names ("Download plot as a PNG", "Zoom", "Reset axes"…) in English on
    a Chinese page; they come from its locale dictionary now (ui/strings/common.py, "plotly.*")."""
    page = open_page(browser, f"{app_url}/metrics?lang={lang}", viewport=(1400, 3000))
    try:
        chart = page.locator(".lab-chart").first
        chart.locator(".modebar-btn").first.wait_for(state="attached", timeout=60_000)
        titles = chart.locator(".modebar-btn").evaluate_all("bs => bs.map((b) => b.getAttribute('data-title'))")
        for word in ("Download plot as a PNG", "Zoom in", "Reset axes"):
            assert translate(f"plotly.{word}", lang) in titles
        assert translate("app.chart_fullscreen", lang) in titles
    finally:
        page.close()
