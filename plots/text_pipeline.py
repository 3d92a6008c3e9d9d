"""Charts for /text-pipeline. Pure: data and translated labels in, Plotly figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .style import SIGNED_COLORS, colon, figure

MAX_WRITTEN_DIM = 12  # wider, the numbers shrink to an unreadable few pixels in each cell


def embedding_heatmap(vectors, row_labels: list[str], title: str, x_title: str, y_title: str) -> go.Figure:
    """The looked-up embedding rows (T, dim): one row per position, one column per dimension."""
    vectors = np.asarray(vectors)  # (T, dim)
    limit = float(np.abs(vectors).max()) or 1.0
    heatmap = dict(
        type="heatmap",
        z=vectors,
        x=[str(d) for d in range(vectors.shape[1])],
        y=row_labels,
        colorscale=SIGNED_COLORS,
        zmid=0,
        zmin=-limit,
        zmax=limit,
        hovertemplate=f"%{{y}}<br>{x_title} %{{x}}{colon(x_title)}%{{z:.3f}}<extra></extra>",  # x_title: the reader's language
        # the values written in only where they can be read: a few rows, and columns wide enough for "-0.00"
        **(dict(texttemplate="%{z:.2f}") if vectors.size <= 400 and vectors.shape[1] <= MAX_WRITTEN_DIM else {}),
    )
    layout = dict(
        xaxis=dict(title=dict(text=x_title), type="category"),
        yaxis=dict(title=dict(text=y_title), autorange="reversed", type="category"),
    )
    # built from dicts (style.figure): every change of the sentence or the embedding size redraws it
    return figure([heatmap], layout, title, height=max(260, 60 + 26 * len(row_labels)))
