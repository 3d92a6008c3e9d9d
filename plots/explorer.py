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
    what_if_line = dict(color="#222", width=2, dash="dash")
    for col, (_, key, original, changed) in enumerate(panels, start=1):
        for y, name, line in (
            (original, labels["original"], dict(color=COLORS.get(key, "#444"), width=2.5)),
            (changed, labels["what_if"], what_if_line),
        ):
            fig.add_trace(
                go.Scatter(x=t, y=y, name=name, line=line, text=hover, showlegend=False,
                           hovertemplate="%{text}<br>%{y:.3f}<extra></extra>"),
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
    # the legend names the line styles: each panel draws its normal run in its own quantity's colour
    for name, line in ((labels["original"], dict(color="#666", width=2.5)), (labels["what_if"], what_if_line)):
        fig.add_trace(go.Scatter(x=[None], y=[None], name=name, line=line, hoverinfo="skip"), row=1, col=1)
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
    # fixed, not fitted to the data: a bump of 0.002 must not look like the jump of a gate left open
    # (the pulse is the only write, g = tanh(w_g·x), so |c| and |h| stay below 1 for any weights)
    fig.update_yaxes(range=[-1.05, 1.05])
    fig.update_xaxes(title_text=labels["t"], row=2, col=1)
    return styled(fig, height=420)
