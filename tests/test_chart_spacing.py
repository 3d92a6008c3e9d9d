"""The band between a chart's title and its plot (plots/style.py, _top_margin; ui/chart.js).

Every titled chart kept 90 px above its plot, room for a title and a legend: a heat map or a one-line
chart, which has no legend, showed 60-70 px of nothing under its title (/train's confusion matrices,
/text-pipeline's embedding rows, /gradient-flow's three titled charts, whose legend is under the plot).
The top margin now holds the title's lines and what sits on the plot's top edge (a legend, panel
titles), and no more. A legend above the plot that takes more rows than that (on a phone) grows the
chart instead of running into the title; teacher mode's larger text grows the margin with it."""

import numpy as np
import pytest

from plots import forecast, gradient_flow
from plots.metrics import confusion_matrix_figure
from plots.style import LEAST_TOP, TITLE_LINE, figure, scatter
from plots.text_pipeline import embedding_heatmap
from plots.train import example_series, roc
from tests.test_layout_audit import PHONE, _open

DESKTOP = dict(viewport={"width": 1400, "height": 1000})
PROJECTOR_1920 = dict(viewport={"width": 1920, "height": 1080})


def _top(fig) -> float:
    return fig.layout.margin.t


def test_a_titled_chart_without_a_legend_keeps_no_room_for_one():
    """A heat map, a one-line chart, a chart whose legend is under its plot: its title and a gap."""
    matrix = confusion_matrix_figure([[5, 1], [2, 6]], ["no", "yes"], "Confusion matrix (counts)", "true", "predicted")
    rows = embedding_heatmap(np.zeros((4, 3)), ["a", "b", "c", "d"], "Embedding rows", "dim", "token")
    line = example_series([0.0, 1.0, 0.5], dict(title="One example", t="t", value="value"))
    for fig in (matrix, rows, line):
        assert _top(fig) == LEAST_TOP, fig.layout.title.text
    legend_below = figure(  # /gradient-flow's legend, under the plot
        [scatter(x=[0, 1], y=[1, 2], name="a"), scatter(x=[0, 1], y=[2, 1], name="b")],
        {**gradient_flow.LEGEND_BELOW},
        "Title",
    )
    assert _top(legend_below) == LEAST_TOP


def test_a_legend_above_the_plot_and_a_longer_title_get_their_room():
    two = [scatter(x=[0, 1], y=[1, 2], name="a"), scatter(x=[0, 1], y=[2, 1], name="b")]
    with_legend = figure(two, {}, "Title")
    assert 60 <= _top(with_legend) <= 75  # the title, a gap and a row of legend entries
    assert _top(figure(two, {}, "Title<br>on two lines")) == _top(with_legend) + TITLE_LINE
    assert _top(figure(two, {}, None)) == LEAST_TOP  # untitled: the legend fits the least margin
    one = figure([scatter(x=[0, 1], y=[1, 2], name="a")], {}, "Title")  # one entry: plotly.js draws no legend
    assert _top(one) == LEAST_TOP
    shown = figure([scatter(x=[0, 1], y=[1, 2], name="a", showlegend=True)], {}, "Title")  # set: it does
    assert _top(shown) == _top(with_legend)
    labels = dict(title="ROC", scored="{title} ({name} = {value})", fpr="fpr", tpr="tpr", chance="c", model="m", threshold="t")
    assert _top(roc([0, 1], [0, 1], 0.5, (0.5, 0.5), labels)) == _top(with_legend)  # styled(): go.Figure's traces
    series = forecast.series_figure(
        list(range(10)), np.arange(10.0), 6, dict(train="tr", val="v", test="te", time="t", value="y"), "S"
    )
    assert _top(series) == _top(with_legend)


# each titled chart: [name, title's bottom, legend above the plot: [top, bottom] or null, plot's top], px
_BANDS = """() => [...document.querySelectorAll('.lab-chart')].filter((c) => c._fullLayout && c.querySelector('.gtitle'))
  .map((chart) => {
    const plotTop = chart.getBoundingClientRect().top + chart._fullLayout._size.t;
    const legend = chart._fullLayout.showlegend ? chart.querySelector('.legend')?.getBoundingClientRect() : null;
    const above = legend && legend.bottom <= plotTop + 3 ? [legend.top, legend.bottom] : null;
    return [chart.getAttribute('aria-label'), chart.querySelector('.gtitle').getBoundingClientRect().bottom, above, plotTop];
  })"""


def _check_bands(bands, *, most_gap):
    assert bands
    for name, title_bottom, legend, plot_top in bands:
        if legend is None:
            assert 8 <= plot_top - title_bottom <= most_gap, name  # a gap, not an empty band
        else:
            assert 4 <= legend[0] - title_bottom <= most_gap, name  # clear of the title, and close to it
            assert plot_top - legend[1] <= 10, name


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_titles_sit_close_above_their_plots(app_url, browser, lang):
    """At 1,400 px /text-pipeline's embedding rows had 67 px between their title and the grid, and
    /gradient-flow's titled charts (legend under the plot) 68 px."""
    for path in ("/text-pipeline", "/gradient-flow"):
        context, page = _open(browser, f"{app_url}{path}?lang={lang}", DESKTOP)
        try:
            _check_bands(page.evaluate(_BANDS), most_gap=24)
        finally:
            context.close()


@pytest.mark.browser
def test_a_legend_in_rows_does_not_run_into_the_title_on_a_phone(app_url, browser):
    """On a phone /forecast's legends take two and three rows above the plot: the chart grows by them
    ("Windows and targets"' three rows reached 10 px into its title)."""
    context, page = _open(browser, f"{app_url}/forecast?lang=en", PHONE)
    try:
        bands = page.evaluate(_BANDS)
        assert sum(legend is not None for _, _, legend, _ in bands) == 3
        _check_bands(bands, most_gap=24)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/metrics", "/text-pipeline"])
def test_teacher_mode_grows_the_band_with_its_text(app_url, browser, path):
    """Teacher mode's titles and legends are 1.25 times larger: the room above the plot grows with them."""
    context, page = _open(browser, f"{app_url}{path}?lang=zh&teacher=1", PROJECTOR_1920)
    try:
        _check_bands(page.evaluate(_BANDS), most_gap=30)
    finally:
        context.close()
