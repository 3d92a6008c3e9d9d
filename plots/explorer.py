"""The explorer's Plotly charts (the stepper itself is plots/explorer_component.py): the what-if
comparison and the single-unit lab. Pure: arrays and translated labels in, a Figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .style import COLORS, DASHES, styled


def what_if_figure(panels: list, steps, labels: dict) -> go.Figure:
    """Side-by-side panels, each the unclamped run (solid) against the what-if (dashed).

    panels: [(title, colour key, original (T,), what-if (T,))]; steps: the x tick labels (tokens).
    labels: {"original", "what_if", "t"} translated.
    """
    fig = make_subplots(rows=1, cols=len(panels), subplot_titles=[p[0] for p in panels], horizontal_spacing=0.07)
    t = np.arange(len(steps))
    hover = [f"t={k}: {s}" for k, s in enumerate(steps)]
    for col, (_, key, original, changed) in enumerate(panels, start=1):
        color = COLORS.get(key, "#444")
        fig.add_trace(
            go.Scatter(x=t, y=original, name=labels["original"], line=dict(color=color, width=2.5), text=hover,
                       legendgroup="o", showlegend=col == 1, hovertemplate="%{text}<br>%{y:.3f}<extra></extra>"),
            row=1, col=col,
        )  # fmt: skip
        fig.add_trace(
            go.Scatter(x=t, y=changed, name=labels["what_if"], line=dict(color="#222", width=2, dash="dash"), text=hover,
                       legendgroup="w", showlegend=col == 1, hovertemplate="%{text}<br>%{y:.3f}<extra></extra>"),
            row=1, col=col,
        )  # fmt: skip
        fig.update_xaxes(title_text=labels["t"], row=1, col=col)
        # keep at least ±0.05 around the data: a 1e-9 difference must not look like a jump
        both = np.concatenate([np.asarray(original, float), np.asarray(changed, float)])
        both = both[np.isfinite(both)]
        if both.size:
            low, high = float(both.min()), float(both.max())
            pad = max(0.05, 0.08 * (high - low))
            fig.update_yaxes(range=[low - pad, high + pad], row=1, col=col)
    fig = styled(fig, height=360)
    # below the panels, where it cannot cover the subplot titles
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.22, xanchor="left", x=0), margin=dict(b=80))
    return fig


def lab_figure(record: dict, x: np.ndarray, labels: dict) -> go.Figure:
    """The one-unit lab: input, gates and states over time.

    record: {quantity: (T,)} of i, f, g, o, c, h; x: (T,); labels: {quantity or "x" or "t": name}.
    """
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.45, 0.55], vertical_spacing=0.08)
    t = np.arange(len(x))
    fig.add_trace(go.Bar(x=t, y=x, name=labels["x"], marker_color="#BBBBBB", opacity=0.8), row=1, col=1)
    for row, quantities, width in ((1, "ifgo", 2), (2, "ch", 3)):
        for q in quantities:
            line = dict(color=COLORS[q], width=width, dash=DASHES[q])
            fig.add_trace(go.Scatter(x=t, y=record[q], name=labels[q], line=line), row=row, col=1)
    fig.update_yaxes(range=[-1.05, 1.05], row=1, col=1)
    fig.update_xaxes(title_text=labels["t"], row=2, col=1)
    return styled(fig, height=420)
