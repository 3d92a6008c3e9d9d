"""Confusion-matrix and metric charts. Pure: data and translated labels in, Plotly figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lstm_core.metrics import row_fractions

from .style import COLORS, COUNT_COLORS, figure, styled


def confusion_matrix_figure(
    matrix,
    class_names: list[str],
    title: str,
    true_label: str,
    predicted_label: str,
    normalised: bool = False,
    height: int | None = None,
) -> go.Figure:
    """Heat map of a (C, C) confusion matrix, rows = true class, columns = predicted class, with the
    number written in every cell (counts, or row fractions when `normalised`)."""
    matrix = np.asarray(matrix, dtype=np.float64)  # (C, C)
    text = [[f"{v:.2f}" if normalised else f"{int(v):,d}" for v in row] for row in matrix]
    # colour by row fraction in both views, so a large class does not wash out a small one
    colour = row_fractions(matrix)
    heatmap = dict(
        type="heatmap",
        z=colour,
        x=class_names,
        y=class_names,
        text=text,
        texttemplate="%{text}",
        textfont=dict(size=16 if len(class_names) <= 4 else 11),
        colorscale=COUNT_COLORS,
        zmin=0,
        zmax=1,
        showscale=False,
        hovertemplate=f"{true_label}: %{{y}}<br>{predicted_label}: %{{x}}<br>%{{text}}<extra></extra>",
    )
    layout = dict(
        xaxis=dict(title=dict(text=predicted_label), side="bottom", type="category"),
        yaxis=dict(title=dict(text=true_label), autorange="reversed", type="category"),
    )
    # built from dicts (style.figure): each change of a count on /metrics redraws two of them
    return figure([heatmap], layout, title, height or (320 if len(class_names) <= 4 else 480))


def metric_bars_figure(rows: list[tuple[str, float, float]], title: str, first: str, second: str) -> go.Figure:
    """Side-by-side bars of metrics for two classifiers: rows of (metric name, first, second)."""
    names = [r[0] for r in rows]
    fig = go.Figure(
        [
            go.Bar(
                name=first,
                x=names,
                y=[r[1] for r in rows],
                marker_color=COLORS["baseline"],
                texttemplate="%{y:.3f}",
                textposition="outside",
            ),
            go.Bar(
                name=second,
                x=names,
                y=[r[2] for r in rows],
                marker_color=COLORS["lstm"],
                texttemplate="%{y:.3f}",
                textposition="outside",
            ),
        ]
    )
    fig.update_yaxes(range=[0, 1.15])
    styled(fig, title, 360)
    # the title sits above the legend, not on top of it
    fig.update_layout(barmode="group", margin=dict(t=90), legend=dict(y=1.02, yanchor="bottom"), title=dict(y=0.97))
    return fig
