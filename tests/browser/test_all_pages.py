"""Open every page in headless Chromium, in both languages: no exception box, no 'Page not found'.
Screenshots are kept in tests/artifacts/ so anyone can look at them."""

import pytest

from tests.streamlit_server import app_server, open_page, problems, wait_rendered

URLS = ["/", "/explorer", "/gradient-flow", "/train", "/text-pipeline", "/metrics", "/forecast", "/lessons"]

pytestmark = pytest.mark.browser

# Charts whose margins plotly.js's automargin had to grow, which costs a second drawing of the chart
# (plots/style.py sizes them for their labels). A legend under the axis is left out of the bottom
# margin: how many rows it wraps to depends on the column's width.
GROWN_MARGINS = """() => [...document.querySelectorAll('.lab-chart')].filter((gd) => {
  const m = gd._fullLayout.margin, s = gd._fullLayout._size, below = (gd._fullLayout.legend || {}).y < 0;
  return Math.round(s.l) > m.l || Math.round(s.r) > m.r || (!below && Math.round(s.b) > m.b);
}).map((gd) => gd.getAttribute('aria-label'))"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("url", URLS)
def test_page_opens_cleanly(app_url, browser, artifacts, url, lang):
    page = open_page(browser, f"{app_url}{url}?lang={lang}", viewport=(1400, 2000))
    try:
        name = url.strip("/") or "home"
        page.screenshot(path=str(artifacts / f"page_{name}_{lang}.png"), full_page=True)
        assert problems(page) == []
        assert page.locator("h1").count() >= 1
        if lang == "zh":  # the sidebar navigation is translated too
            assert page.get_by_text("首页").count() >= 1
        assert page.evaluate(GROWN_MARGINS) == []
    finally:
        page.close()


def test_unknown_url_is_reported(app_url, browser):
    page = open_page(browser, f"{app_url}/no-such-page")
    try:
        assert "Page not found" in problems(page)
    finally:
        page.close()


def test_a_shared_link_is_the_first_visit_of_a_fresh_server(browser):
    """The first request to a new server is a sub-page: it must still go through the router."""
    with app_server() as server:
        page = open_page(browser, f"{server.base_url}/text-pipeline?lang=zh")
        try:
            nav = page.locator("[data-testid='stSidebarNav']").inner_text()
            assert "首页" in nav and "评价指标" in nav
            assert "text_pipeline" not in nav and "app" not in nav.split()
            assert problems(page) == []
        finally:
            page.close()


def test_switching_language_retranslates_the_dropdowns(app_url, browser):
    page = open_page(browser, f"{app_url}/forecast?lang=en")
    try:
        shown = page.locator("[data-testid='stSelectbox'] input[role='combobox']").first
        assert "Airline" in shown.input_value()
        page.locator("[data-testid='stSidebar']").get_by_text("简体中文").click()
        wait_rendered(page)
        assert "航空" in shown.input_value()
        assert problems(page) == []
    finally:
        page.close()
