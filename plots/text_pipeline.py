"""Charts for /text-pipeline. Pure: data and translated labels in, Plotly figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .style import SIGNED_SCALE, styled


def embedding_heatmap(vectors, row_labels: list[str], title: str, x_title: str, y_title: str) -> go.Figure:
    """The looked-up embedding rows (T, dim): one row per position, one column per dimension."""
    vectors = np.asarray(vectors)  # (T, dim)
    limit = float(np.abs(vectors).max()) or 1.0
    fig = go.Figure(
        go.Heatmap(
            z=vectors,
            x=[str(d) for d in range(vectors.shape[1])],
            y=row_labels,
            colorscale=SIGNED_SCALE,
            zmid=0,
            zmin=-limit,
            zmax=limit,
            texttemplate="%{z:.2f}" if vectors.size <= 400 else None,
            hovertemplate=f"%{{y}}<br>{x_title} %{{x}}: %{{z:.3f}}<extra></extra>",  # x_title: the reader's language
        )
    )
    fig.update_xaxes(title=x_title, type="category")
    fig.update_yaxes(title=y_title, autorange="reversed", type="category")
    return styled(fig, title, height=max(260, 60 + 26 * len(row_labels)))
