"""The app under a learner's or a teacher's own display settings: a system set to dark mode, and a
page printed as a handout. Measured in a real browser."""

import pytest

from tests.streamlit_server import wait_rendered

# each computed style that decides how a page prints: the sidebar, the main block's bottom padding,
# and whether each chart and each metric tile may be cut across two sheets
_PRINT_STYLES = """() => {
  const style = (e) => getComputedStyle(e);
  return {
    sidebar: style(document.querySelector('[data-testid="stSidebar"]')).display,
    bottom: style(document.querySelector('[data-testid="stMainBlockContainer"]')).paddingBottom,
    charts: [...document.querySelectorAll('.lab-chart')].map((c) => style(c.closest('.stElementContainer')).breakInside),
    tiles: [...document.querySelectorAll('[data-testid="stMetric"]')].map((t) => style(t).breakInside),
  };
}"""

# what a visitor whose system is in dark mode sees: the page's and the sidebar's backgrounds, a
# paragraph's text colour, and each chart's paper (plotly.js paints it as the first SVG's background)
_COLOURS = """() => ({
  app: getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor,
  sidebar: getComputedStyle(document.querySelector('[data-testid="stSidebar"]')).backgroundColor,
  text: getComputedStyle(document.querySelector('[data-testid="stMarkdownContainer"] p')).color,
  papers: [...document.querySelectorAll('.lab-chart .main-svg:first-of-type')].map((s) => getComputedStyle(s).backgroundColor),
})"""


@pytest.mark.browser
@pytest.mark.parametrize(("path", "lang"), [("metrics", "en"), ("gradient-flow", "zh")])
def test_a_printed_page_has_no_sidebar_and_cuts_no_chart(app_url, browser, path, lang):
    """A teacher printing /metrics or /gradient-flow as a handout got the open sidebar (the page links
    and the language choice) on the first sheet and an empty strip beside every later one, charts cut
    across two sheets (/metrics' "Same data, two classifiers", three of /gradient-flow's), a metric's
    label on one sheet and its value on the next, and, once the sidebar was gone, a blank last sheet on
    /metrics (the main block's 160 px of padding)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/{path}?lang={lang}")
        wait_rendered(page)
        assert page.evaluate(_PRINT_STYLES)["sidebar"] != "none"  # on the screen it stays
        page.emulate_media(media="print")
        printed = page.evaluate(_PRINT_STYLES)
        assert printed["sidebar"] == "none"
        assert printed["bottom"] == "0px"
        assert printed["charts"] and set(printed["charts"]) == {"avoid"}
        assert printed["tiles"] and set(printed["tiles"]) == {"avoid"}
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_dark_system_setting_keeps_the_light_theme(app_url, browser, lang):
    """.streamlit/config.toml pins the light theme (and the menu offers no theme to choose): a visitor
    whose system is in dark mode gets the same light page, dark text and white chart paper, never
    white charts on a dark page or dark text on dark."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/gradient-flow?lang={lang}")
        wait_rendered(page)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        colours = page.evaluate(_COLOURS)
        assert colours["app"] == "rgb(255, 255, 255)"
        assert colours["sidebar"] == "rgb(248, 248, 247)"
        assert colours["text"].startswith(("rgb(47, 45, 43", "rgba(47, 45, 43"))
        assert colours["papers"] and set(colours["papers"]) == {"rgb(255, 255, 255)"}
    finally:
        context.close()


# every heat map of the explorer's stepper whose colour scale or time axis does not fit it: the scale's
# ends past the map's edge, the axis's "t = 0" broken over two lines, or its two ends touching
_CRAMPED_HEAT_MAPS = """() => [...document.querySelectorAll('#heat .hm')].flatMap((hm) => {
  const edge = hm.getBoundingClientRect();
  const [start, end] = [...hm.querySelectorAll('.axis span')].map((s) => s.getBoundingClientRect());
  const cramped = [];
  hm.querySelectorAll('.legend > *').forEach((e) => {
    if (e.getBoundingClientRect().right > edge.right + 0.5) cramped.push('scale cut');
  });
  if (start.height > 1.5 * parseFloat(getComputedStyle(hm.querySelector('.axis')).fontSize) * 1.2) cramped.push('t = 0 broken');
  if (start.right > end.left - 4 && start.bottom > end.top) cramped.push('axis ends touch');
  return cramped.length ? [[hm.querySelector('.t').textContent, cramped.join(', ')]] : [];
})"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_explorer_heat_maps_fit_a_320_px_screen(app_url, browser, lang):
    """WCAG's reflow width (320 CSS px: a phone, or a 1280 px window zoomed to 400 %): the stepper drew
    its six heat maps two to a row, 135 px each, narrower than their colour scale (h's "1.00" was cut)
    and their time axis, which read "t = t = 9 · one row per / 0 unit (8 in all)"."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/explorer?lang={lang}")
        wait_rendered(page)
        stepper = page.frame_locator("iframe").first
        stepper.locator("#heat .hm .axis").first.wait_for()
        assert (
            stepper.locator("#heat").evaluate(f"(heat) => ({_CRAMPED_HEAT_MAPS})()".replace("document.", "heat.ownerDocument."))
            == []
        )
    finally:
        context.close()
