import numpy as np
import plotly.graph_objects as go

from plots.tables import figure_table

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
