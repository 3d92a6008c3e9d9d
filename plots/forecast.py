"""Charts of the forecasting lab. Pure: arrays and already-translated labels in, a Plotly figure out.

`names` is a dict of translated strings (legend entries and axis titles) filled by the page.
Built from plain dicts (style.figure): a slider move on the page redraws three of them.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .style import COLORS, OKABE_ITO, figure, scatter, text_on

LEAKY = OKABE_ITO[4]  # vermillion: whatever used the leaky scaler
FORECAST = OKABE_ITO[3]


def _split_line(x) -> dict:
    # a shape, not add_vline: it works the same on date, category and numeric axes
    return dict(type="line", x0=x, x1=x, y0=0, y1=1, yref="paper", line=dict(dash="dot", color="#555"))


def _axes(x: str, y: str, **y_props) -> dict:
    return dict(xaxis=dict(title=dict(text=x)), yaxis=dict(title=dict(text=y), **y_props))


def _time_axes(names: dict, y: str) -> dict:
    """Axes of a chart over the series' time: dates in the reader's language where the labels are dates
    (names["dates"]: formats "hover", "time", "day", "month"), or plotly.js writes "Mar 1957" on a
    Chinese page."""
    axes, dates = _axes(names["time"], y), names.get("dates")
    if dates:
        day = 24 * 3600 * 1000  # plotly's tick spacings: milliseconds, or "M<months>"
        stops = [(None, day, "time"), (day, "M1", "day"), ("M1", "M12", "month"), ("M12", None, "year")]
        formats = dates | {"year": "%Y"}
        axes["xaxis"] |= dict(
            hoverformat=dates["hover"], tickformatstops=[dict(dtickrange=[a, b], value=formats[k]) for a, b, k in stops]
        )
    return axes


def series_figure(labels, values, split: int, names: dict, title: str, val_start: int | None = None) -> go.Figure:
    """The series drawn in up to three colours: the training part, the validation part (from
    val_start on, if it is before the split) and the test part (from the split on)."""
    labels, values = list(labels), np.asarray(values, float)
    val_start = split if val_start is None else val_start
    traces = [scatter(x=labels[:val_start], y=values[:val_start], name=names["train"], line=dict(color=COLORS["train"]))]
    shapes = []
    # each later part starts at the last point of the one before, so the parts join up
    if val_start < split:
        part = slice(val_start - 1, split)
        traces.append(scatter(x=labels[part], y=values[part], name=names["val"], line=dict(color=COLORS["val"])))
        shapes.append(_split_line(labels[val_start]))
    traces.append(scatter(x=labels[split - 1 :], y=values[split - 1 :], name=names["test"], line=dict(color=COLORS["test"])))
    shapes.append(_split_line(labels[split]))
    return figure(traces, dict(shapes=shapes, **_time_axes(names, names["value"])), title, height=320)


STEP_TICKS = 12  # steps of the windows chart that can each have a tick


def windows_figure(values, window: int, rows: int, names: dict, title: str) -> go.Figure:
    """How the series becomes (window, next value) pairs: row k shows pair k, its window in one
    colour and its target in another, over the first values of the series."""
    values = np.asarray(values, float)
    rows = max(1, min(rows, len(values) - window))
    width = window + rows  # the columns (time steps) the first `rows` pairs touch
    show_text = width <= 30
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
    traces = [
        scatter(
            x=cells[kind][0],
            y=cells[kind][1],
            mode="markers+text" if show_text else "markers",
            text=cells[kind][2],
            # white on the orange target cells was 2.2:1; ui/chart.js fits the size to the cells
            textfont=dict(size=11, color=text_on(colour)),
            marker=dict(symbol="square", size=size, color=colour),
            name=names[kind],
            hovertemplate="t=%{x}<br>%{text}<extra></extra>",
        )
        for kind, colour in kinds
    ]
    # the range stops the axis padding the first column with a tick at t = -1, a step that does not exist.
    # A tick on every step fits a phone's 230 px up to STEP_TICKS steps: past them plotly.js spaces the
    # ticks by the width drawn (0, 5, 10, 15 at 320 px, where 0 to 17 had run edge to edge; every 2nd
    # step on a desktop), a whole number of steps since the axis then spans more than 10 of them
    xaxis = dict(
        title=dict(text=names["step"]),
        showgrid=False,
        range=[-0.5, width - 0.5],
        **(dict(dtick=1) if width <= STEP_TICKS else {}),
    )
    layout = dict(yaxis=dict(autorange="reversed", type="category"), xaxis=xaxis)
    return figure(traces, layout, title, height=90 + 42 * rows)


def scaling_figure(labels, clean, leaky, split: int, names: dict, title: str, val_start: int | None = None) -> go.Figure:
    """The series scaled two ways, with the [0, 1] band the scaler promises, and dotted lines where the
    validation part (val_start) and the test part (split) begin."""
    labels = list(labels)
    traces = [
        scatter(x=labels, y=np.asarray(clean, float), name=names["clean"], line=dict(color=COLORS["train"])),
        scatter(x=labels, y=np.asarray(leaky, float), name=names["leaky"], line=dict(color=LEAKY, dash="dash")),
    ]
    band = dict(
        type="rect",
        xref="x domain",
        x0=0,
        x1=1,
        yref="y",
        y0=0,
        y1=1,
        fillcolor="#EEEEEE",
        opacity=0.6,
        line=dict(width=0),
        layer="below",
    )
    starts = [labels[val_start]] if val_start is not None and val_start < split else []
    layout = dict(shapes=[band, *(_split_line(x) for x in [*starts, labels[split]])], **_time_axes(names, names["scaled"]))
    return figure(traces, layout, title, height=320)


def loss_figure(runs: dict, names: dict, title: str) -> go.Figure:
    """Training and validation loss per epoch. runs: {label_suffix: list of {"epoch", "loss", "val_loss"}}."""
    traces = []
    for suffix, epochs in runs.items():
        if not epochs:
            continue
        x = [e["epoch"] for e in epochs]
        dash = dict(dash="dash") if suffix else {}
        tail = f" · {suffix}" if suffix else ""
        traces.append(
            scatter(x=x, y=[e["loss"] for e in epochs], name=names["train_loss"] + tail, line=dict(color=COLORS["train"], **dash))
        )
        if "val_loss" in epochs[0]:
            y = [e.get("val_loss") for e in epochs]
            traces.append(scatter(x=x, y=y, name=names["val_loss"] + tail, line=dict(color=COLORS["val"], **dash)))
    layout = _axes(
        names["epoch"], names["loss"], type="log", dtick=1, exponentformat="power"
    )  # one label per decade, 10⁻⁴ not 100μ
    if max((len(e) for e in runs.values()), default=0) <= 12:
        layout["xaxis"]["dtick"] = 1  # no "epoch 1.5" on short runs
    return figure(traces, layout, title, height=300)


def predictions_figure(
    labels, values, split: int, train_index, train_pred, test_index, test_pred, names: dict, title: str, leaky_pred=None,
    val_index=(), val_pred=(),
) -> go.Figure:  # fmt: skip
    """The classic tutorial plot: the original series with the one-step predictions on the training
    and the test part overlaid (each prediction at the time step it predicts)."""
    labels = np.asarray(list(labels), dtype=object)
    traces = [
        scatter(x=list(labels), y=np.asarray(values, float), name=names["actual"], line=dict(color="#444", width=1.5)),
        scatter(x=list(labels[train_index]), y=train_pred, name=names["train_pred"], line=dict(color=COLORS["train"])),
    ]
    if len(val_index):
        traces.append(scatter(x=list(labels[val_index]), y=val_pred, name=names["val_pred"], line=dict(color=COLORS["val"])))
    traces.append(scatter(x=list(labels[test_index]), y=test_pred, name=names["test_pred"], line=dict(color=COLORS["test"])))
    if leaky_pred is not None:
        leaky = dict(color=LEAKY, dash="dash")
        traces.append(scatter(x=list(labels[test_index]), y=leaky_pred, name=names["test_pred_leaky"], line=leaky))
    layout = dict(shapes=[_split_line(labels[split])], **_time_axes(names, names["value"]))
    return figure(traces, layout, title, height=380)


def future_figure(labels, values, future_labels, forecast, names: dict, title: str, context: int = 60) -> go.Figure:
    """The last `context` values and the recursive forecast that continues them. The forecast's points
    are its own: the dotted line from the last actual value to the first of them is a shape, not a
    point of the forecast (at horizon 1 the chart showed two forecast points, one of them Dec 1960's 432,
    and the chart's table listed it as a forecast)."""
    labels, values, forecast = list(labels)[-context:], np.asarray(values, float)[-context:], np.asarray(forecast, float)
    line = dict(color=FORECAST, dash="dot", width=2)
    traces = [
        scatter(x=labels, y=values, name=names["actual"], line=dict(color="#444")),
        scatter(
            x=list(future_labels), y=list(forecast), name=names["forecast"], line=line, mode="lines+markers", marker=dict(size=5)
        ),
    ]
    joint = dict(type="line", xref="x", yref="y", x0=labels[-1], y0=values[-1], x1=future_labels[0], y1=forecast[0], line=line)
    return figure(traces, {**_time_axes(names, names["value"]), "shapes": [joint]}, title, height=320)
