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
