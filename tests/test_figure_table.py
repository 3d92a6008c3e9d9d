import numpy as np
import pandas as pd
import plotly.graph_objects as go

from plots.tables import figure_table, html_table
from tests.apptest import html_tables

NAMES = {"series": "s", "x": "x", "y": "y", "value": "v"}


def test_lines_and_heatmaps_become_tables():
    fig = go.Figure(
        [go.Scatter(x=[0, 1, 2], y=[3.0, 4.0, 5.0], name="loss"), go.Heatmap(z=[[1, 2], [3, 4]], x=["a", "b"], y=["r", "q"])]
    )
    table = figure_table(fig, NAMES)
    lines = table[table.s == "loss"]
    assert lines.y.tolist() == [3.0, 4.0, 5.0] and lines.x.tolist() == [0, 1, 2]
    heat = table[table.s == "2"]
    assert len(heat) == 4
    assert heat[(heat.x == "b") & (heat.y == "q")].v.item() == 4


def test_empty_figure_gives_an_empty_table():
    assert figure_table(go.Figure(), NAMES).empty
    assert len(figure_table(go.Figure(go.Bar(y=np.arange(3))), NAMES)) == 3


def test_html_table_escapes_every_cell_and_reads_back():
    """A page's static table (st.html): markup in a cell or a header is shown as text, never run;
    numbers sit on the right; the scrolling box is named and reachable by keyboard."""
    hostile = "<img src=x onerror=alert(1)>"
    frame = pd.DataFrame({"token": [hostile, "a & b", "{lang} $x$"], "count <b>": [3, 10, 0]})
    page = html_table(frame, 'the "tokens"', max_height="10rem")
    assert "<img" not in page and "<b>" not in page
    assert 'aria-label="the &quot;tokens&quot;"' in page and 'tabindex="0"' in page and "max-height:10rem" in page
    assert page.count("text-align:right") == 4 and page.count("text-align:left") == 4  # header and 3 rows each
    assert page.count("text-align:right;white-space:nowrap") == 3  # a number cell never breaks ("5.657e-" / "15")
    drawn = type("Html", (), {"value": page})()  # as AppTest holds an st.html element
    (read,) = html_tables(type("AppTest", (), {"html": [drawn]})())
    assert list(read.columns) == ["token", "count <b>"]
    assert read.values.tolist() == [[hostile, "3"], ["a & b", "10"], ["{lang} $x$", "0"]]


def test_a_table_names_its_columns_after_the_axes_and_holds_what_a_heatmap_writes():
    """'x' and 'y' said nothing: a one-panel chart's table is headed by its axes' titles; a heatmap
    coloured by one thing (shares) but writing another (counts) gives what it writes; a chart of
    several panels keeps the generic names."""
    fig = go.Figure(go.Scatter(x=[1, 2], y=[0.5, 0.4], name="loss"))
    fig.update_layout(xaxis_title="epoch", yaxis_title="MSE")
    assert list(figure_table(fig, NAMES).columns) == ["s", "epoch", "MSE"]
    heat = go.Figure(go.Heatmap(z=[[0.8, 0.2]], text=[["36", "9"]], x=["neg", "pos"], y=["neg"]))
    assert figure_table(heat, NAMES).v.tolist() == ["36", "9"]
    panels = go.Figure([go.Scatter(y=[1, 2]), go.Scatter(y=[3, 4], yaxis="y2")])
    panels.update_layout(yaxis={"title": {"text": "top"}}, yaxis2={"title": {"text": "bottom"}, "overlaying": "y"})
    assert list(figure_table(panels, NAMES).columns) == ["s", "x", "y"]
