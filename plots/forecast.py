"""Charts of the forecasting lab. Pure: arrays and already-translated labels in, a Plotly figure out.

`names` is a dict of translated strings (legend entries and axis titles) filled by the page.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .style import COLORS, OKABE_ITO, styled, text_on

LEAKY = OKABE_ITO[4]  # vermillion: whatever used the leaky scaler
FORECAST = OKABE_ITO[3]


def _split_line(fig, x):
    # a shape, not add_vline: it works the same on date, category and numeric axes
    fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=1, yref="paper", line=dict(dash="dot", color="#555"))


def series_figure(labels, values, split: int, names: dict, title: str, val_start: int | None = None) -> go.Figure:
    """The series drawn in up to three colours: the training part, the validation part (from
    val_start on, if it is before the split) and the test part (from the split on)."""
    labels, values = list(labels), np.asarray(values, float)
    val_start = split if val_start is None else val_start
    fig = go.Figure()
    fig.add_scatter(x=labels[:val_start], y=values[:val_start], name=names["train"], line=dict(color=COLORS["train"]))
    # each later part starts at the last point of the one before, so the parts join up
    if val_start < split:
        part = slice(val_start - 1, split)
        fig.add_scatter(x=labels[part], y=values[part], name=names["val"], line=dict(color=COLORS["val"]))
        _split_line(fig, labels[val_start])
    fig.add_scatter(x=labels[split - 1 :], y=values[split - 1 :], name=names["test"], line=dict(color=COLORS["test"]))
    _split_line(fig, labels[split])
    fig.update_xaxes(title=names["time"])
    fig.update_yaxes(title=names["value"])
    return styled(fig, title, height=320)


def windows_figure(values, window: int, rows: int, names: dict, title: str) -> go.Figure:
    """How the series becomes (window, next value) pairs: row k shows pair k, its window in one
    colour and its target in another, over the first values of the series."""
    values = np.asarray(values, float)
    rows = max(1, min(rows, len(values) - window))
    width = window + rows  # the columns (time steps) the first `rows` pairs touch
    show_text = width <= 30
    fig = go.Figure()
    kinds = (("input", COLORS["train"]), ("target", COLORS["val"]), ("unused", "#DDDDDD"))
    cells = {kind: ([], [], []) for kind, _ in kinds}
    for k in range(rows):
        for t in range(width):
            kind = "input" if k <= t < k + window else "target" if t == k + window else "unused"
            xs, ys, texts = cells[kind]
            xs.append(t)
            ys.append(names["pair"].format(k=k + 1))
            texts.append(f"{values[t]:.3g}")
    size = int(np.clip(900 / width, 8, 34))
    for kind, colour in kinds:
        xs, ys, texts = cells[kind]
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="markers+text" if show_text else "markers",
            text=texts,
            textfont=dict(size=9, color=text_on(colour)),  # white on the orange target cells was 2.2:1
            marker=dict(symbol="square", size=size, color=colour),
            name=names[kind],
            hovertemplate="t=%{x}<br>%{text}<extra></extra>",
        )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title=names["step"], dtick=1 if width <= 40 else None, showgrid=False)
    return styled(fig, title, height=90 + 42 * rows)


def scaling_figure(labels, clean, leaky, split: int, names: dict, title: str) -> go.Figure:
    """The series scaled two ways, with the [0, 1] band the scaler promises."""
    labels = list(labels)
    fig = go.Figure()
    fig.add_hrect(y0=0, y1=1, fillcolor="#EEEEEE", opacity=0.6, line_width=0, layer="below")
    fig.add_scatter(x=labels, y=np.asarray(clean, float), name=names["clean"], line=dict(color=COLORS["train"]))
    fig.add_scatter(x=labels, y=np.asarray(leaky, float), name=names["leaky"], line=dict(color=LEAKY, dash="dash"))
    _split_line(fig, labels[split])
    fig.update_xaxes(title=names["time"])
    fig.update_yaxes(title=names["scaled"])
    return styled(fig, title, height=320)


def loss_figure(runs: dict, names: dict, title: str) -> go.Figure:
    """Training and validation loss per epoch. runs: {label_suffix: list of {"epoch", "loss", "val_loss"}}."""
    fig = go.Figure()
    for suffix, epochs in runs.items():
        if not epochs:
            continue
        x = [e["epoch"] for e in epochs]
        dash = "dash" if suffix else None
        tail = f" · {suffix}" if suffix else ""
        fig.add_scatter(
            x=x, y=[e["loss"] for e in epochs], name=names["train_loss"] + tail, line=dict(color=COLORS["train"], dash=dash)
        )
        if "val_loss" in epochs[0]:
            y = [e.get("val_loss") for e in epochs]
            fig.add_scatter(x=x, y=y, name=names["val_loss"] + tail, line=dict(color=COLORS["val"], dash=dash))
    longest = max((len(e) for e in runs.values()), default=0)
    fig.update_xaxes(title=names["epoch"], dtick=1 if longest <= 12 else None)  # no "epoch 1.5" on short runs
    fig.update_yaxes(title=names["loss"], type="log", dtick=1)  # one label per decade
    return styled(fig, title, height=300)


def predictions_figure(
    labels, values, split: int, train_index, train_pred, test_index, test_pred, names: dict, title: str, leaky_pred=None,
    val_index=(), val_pred=(),
) -> go.Figure:  # fmt: skip
    """The classic tutorial plot: the original series with the one-step predictions on the training
    and the test part overlaid (each prediction at the time step it predicts)."""
    labels = np.asarray(list(labels), dtype=object)
    fig = go.Figure()
    fig.add_scatter(x=list(labels), y=np.asarray(values, float), name=names["actual"], line=dict(color="#444", width=1.5))
    fig.add_scatter(x=list(labels[train_index]), y=train_pred, name=names["train_pred"], line=dict(color=COLORS["train"]))
    if len(val_index):
        fig.add_scatter(x=list(labels[val_index]), y=val_pred, name=names["val_pred"], line=dict(color=COLORS["val"]))
    fig.add_scatter(x=list(labels[test_index]), y=test_pred, name=names["test_pred"], line=dict(color=COLORS["test"]))
    if leaky_pred is not None:
        fig.add_scatter(
            x=list(labels[test_index]), y=leaky_pred, name=names["test_pred_leaky"], line=dict(color=LEAKY, dash="dash")
        )
    _split_line(fig, labels[split])
    fig.update_xaxes(title=names["time"])
    fig.update_yaxes(title=names["value"])
    return styled(fig, title, height=380)


def future_figure(labels, values, future_labels, forecast, names: dict, title: str, context: int = 60) -> go.Figure:
    """The last `context` values and the recursive forecast that continues them."""
    labels, values = list(labels)[-context:], np.asarray(values, float)[-context:]
    fig = go.Figure()
    fig.add_scatter(x=labels, y=values, name=names["actual"], line=dict(color="#444"))
    fig.add_scatter(
        x=[labels[-1], *future_labels],
        y=[values[-1], *np.asarray(forecast, float)],
        name=names["forecast"],
        line=dict(color=FORECAST, dash="dot"),
        mode="lines+markers",
        marker=dict(size=5),
    )
    fig.update_xaxes(title=names["time"])
    fig.update_yaxes(title=names["value"])
    return styled(fig, title, height=320)
