"""Layout defects the layout audits (tests/test_layout_audit.py, tests/test_layout_followups.py) left,
measured in a real browser (boxes, not pixels):

- /train's two confusion matrices side by side at 1,000 px: the second title took two lines, the
  first one, so their grids sat a line apart. Charts level in one row leave room for the row's tallest
  title (ui/chart.js, alignRow);
- /text-pipeline's embedding rows on a phone: plotly.js shrank each cell's number to 4 px. A heat map
  whose cells are too small for their text at 10 px leaves it out (ui/chart.js, cellTexts);
- the chart toolbar on a desktop covered the top right of the chart (a title's end, a stacked figure's
  panel titles on /gradient-flow): it has its own strip above every chart, as it had on touch screens
  and in teacher mode; in full screen the strip is inside the screen;
- /metrics' normalised table at 1,000 px: "False-|positive|rate" on three lines of its cell;
- a wrapped title broke inside a phrase ("Normalised by true / class (rows sum to 1)"); it breaks at a
  phrase's edge where one is near (ui/chart.js, wrapText)."""

from pathlib import Path

import pytest

from tests.test_layout_audit import PHONE, _open
from tests.test_narrow_screens import _trained

LAPTOP = dict(viewport={"width": 1000, "height": 900})
DESKTOP = dict(viewport={"width": 1400, "height": 1000})
PROJECTOR_1920 = dict(viewport={"width": 1920, "height": 1080})
CHART_JS = Path(__file__).resolve().parent.parent / "ui" / "chart.js"

# each chart: [name, top of its plot area, height of its title], in pixels from the page's top
_PLOTS = """() => [...document.querySelectorAll('.lab-chart')].map((chart) => [
  chart.getAttribute('aria-label'),
  chart.getBoundingClientRect().top + chart._fullLayout._size.t,
  chart.querySelector('.gtitle')?.getBoundingClientRect().height ?? 0,
])"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_side_by_side_charts_line_up(app_url, browser, lang):
    """At 1,000 px "Normalised by true class (rows sum to 1)" takes two lines beside "Confusion matrix
    (counts)": the two grids sat a line (about 30 px) apart. Their plots start level now."""
    context, page = _open(browser, f"{app_url}/train?lang={lang}&epochs=2", LAPTOP)
    try:
        _trained(page)
        names = {
            "en": ("Confusion matrix, counts", "Confusion matrix, share of each true class"),
            "zh": ("混淆矩阵（计数）", "混淆矩阵（按真实类别归一化）"),
        }
        plots = {name: (top, title) for name, top, title in page.evaluate(_PLOTS)}
        (counts_top, counts_title), (shares_top, shares_title) = (plots[name] for name in names[lang])
        assert shares_title > counts_title + 10  # the titles do take different numbers of lines
        assert abs(counts_top - shares_top) <= 1
    finally:
        context.close()


# each heat map's numbers: [how many, the smallest font size in px]
_CELL_TEXT = """() => [...document.querySelectorAll('.lab-chart')].filter((c) => c.querySelector('.hm')).map((chart) => {
  const sizes = [...chart.querySelectorAll('g.heatmap-label text')].map((t) => parseFloat(getComputedStyle(t).fontSize));
  return [sizes.length, Math.min(...sizes)];
})"""


@pytest.mark.browser
@pytest.mark.parametrize("device, written", [(PHONE, False), (LAPTOP, True)], ids=["phone", "1000px"])
def test_heatmap_numbers_are_readable_or_left_out(app_url, browser, device, written):
    """On a phone the embedding rows' cells are 13 px wide: their numbers were drawn 4 px high. They are
    left out there (the colours, the hover and the data table keep the values); at 1,000 px they stay."""
    context, page = _open(browser, f"{app_url}/text-pipeline", device)
    try:
        ((count, smallest),) = page.evaluate(_CELL_TEXT)
        if written:
            assert count == 20 * 8 and smallest >= 10  # every cell of the 20 x 8 rows, at 10 px or more
        else:
            assert count == 0
        assert page.get_by_text("Data behind this chart").count() == 1
    finally:
        context.close()


# each chart, its pointer on the plot: how far its toolbar reaches down past the top of the chart's picture
_TOOLBAR_BELOW_TOP = """(chart) => {
  const bar = chart.querySelector('.modebar');
  const top = chart.querySelector('.main-svg').getBoundingClientRect().top;
  return [getComputedStyle(bar).opacity, bar.getBoundingClientRect().bottom - top];
}"""


@pytest.mark.browser
def test_chart_toolbar_has_its_own_strip_on_a_desktop(app_url, browser):
    """At 1400 px the toolbar, shown under the pointer, sat over the top right of each chart: over
    "each step: σₘₐₓ(Jₜ) and the actual factor" and the other panel titles of /gradient-flow's stacked
    figures. It sits above the picture, as on a touch screen and in teacher mode."""
    context, page = _open(browser, f"{app_url}/gradient-flow", DESKTOP)
    try:
        charts = page.locator(".lab-chart")
        assert charts.count() >= 6
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.scroll_into_view_if_needed()
            chart.hover(position={"x": 200, "y": 150})
            page.wait_for_timeout(400)  # plotly.js fades its toolbar in (0.3 s)
            opacity, below = chart.evaluate(_TOOLBAR_BELOW_TOP)
            assert opacity == "1" and below <= 4, (i, below)
    finally:
        context.close()


@pytest.mark.browser
def test_chart_toolbar_stays_on_the_screen_in_full_screen(app_url, browser):
    """The strip above the chart was off the screen in full screen (teacher mode, touch screens): the
    toolbar, and its button back, were gone. In full screen the strip is inside, the chart under it."""
    context, page = _open(browser, f"{app_url}/gradient-flow?teacher=1", PROJECTOR_1920)
    try:
        chart = page.locator(".lab-chart").first
        chart.hover(position={"x": 300, "y": 200})
        chart.locator(".modebar-btn").last.click()  # full screen: the button ui/chart.js adds, last
        page.wait_for_function("() => document.fullscreenElement && document.fullscreenElement.querySelector('.main-svg')")
        page.wait_for_timeout(600)
        bar, svg, screen = page.evaluate(
            """() => { const box = document.fullscreenElement;
                 const rect = (e) => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; };
                 return [rect(box.querySelector('.modebar')), rect(box.querySelector('.main-svg')), innerHeight]; }"""
        )
        assert bar[0] >= 0 and bar[1] <= svg[0] + 4  # on the screen, above the picture
        assert svg[1] <= screen + 1  # the picture within the screen
    finally:
        context.close()


# /metrics' two tables: each line of text (a cell's name, a title) as [text, how many lines it takes],
# and whether each table stays inside the page's column
_TABLE_LINES = """() => {
  const lines = (e) => { const range = document.createRange(); range.selectNodeContents(e);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size; };
  const tables = [...document.querySelectorAll('[data-testid="stHtml"] table')];
  const texts = tables.flatMap((table) => [table.previousElementSibling, ...table.querySelectorAll('td > div:first-child')]);
  const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  return [tables.length, texts.map((e) => [e.textContent, lines(e)]),
          tables.every((t) => t.getBoundingClientRect().right <= main.right + 1)];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("device", [LAPTOP, PHONE], ids=["1000px", "phone"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_metrics_tables_keep_their_names_on_a_line(app_url, browser, device, lang):
    """In two half-width columns at 1,000 px the normalised table broke "False-positive rate" into
    "False-", "positive" and "rate", and its Chinese title left "1）" alone on a line. The tables sit
    side by side where both fit, else one above the other."""
    context, page = _open(browser, f"{app_url}/metrics?lang={lang}", device)
    try:
        tables, texts, inside = page.evaluate(_TABLE_LINES)
        assert tables == 2 and len(texts) == 10 and inside
        assert [text for text, lines in texts if lines != 1] == []
    finally:
        context.close()


# ui/chart.js's wrapText in a blank page, with the browser's own text measures
_WRAP = """([text, fraction]) => {
  const family = 'sans-serif', size = 16;
  return wrapText(text, size, family, fraction * textWidth(text, size, family)).split('<br>');
}"""


@pytest.mark.browser
@pytest.mark.parametrize(
    "text, fraction, lines",
    [
        ("Normalised by true class (rows sum to 1)", 0.7, ["Normalised by true class", "(rows sum to 1)"]),
        ("each step: σₘₐₓ(Jₜ) and the actual factor", 0.7, ["each step: σₘₐₓ(Jₜ)", "and the actual factor"]),
        (
            "Looked-up embedding rows (the post-padded row of step 4)",
            0.7,
            ["Looked-up embedding rows", "(the post-padded row of step 4)"],
        ),
        ("查出的嵌入行（第 4 步中后置填充的那一行）", 0.75, ["查出的嵌入行", "（第 4 步中后置填充的那一行）"]),
        ("How much gradient reaches each step", 0.7, ["How much gradient", "reaches each step"]),  # no phrase edge: even
    ],
    ids=["parenthesis", "and", "long-parenthesis", "zh-parenthesis", "even"],
)
def test_a_wrapped_title_breaks_between_phrases(browser, text, fraction, lines):
    """The evenest break split phrases: "Normalised by true / class (rows sum to 1)", "Looked-up
    embedding rows (the / post-padded row of step 4)", "查出的嵌入行（第 4 步 / 中后置填充的那一行）"."""
    page = browser.new_page()
    try:
        source = CHART_JS.read_text().replace("export default function", "window.labChart = function")
        page.add_script_tag(content=source)
        assert page.evaluate(_WRAP, [text, fraction]) == lines
    finally:
        page.close()
