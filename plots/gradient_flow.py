"""Charts of the gradient-flow page. Pure: arrays and already-translated labels in, a Figure out.
Built from plain dicts (style.figure): a slider move on the page rebuilds three of them."""

import numpy as np
import plotly.graph_objects as go

from lstm_core import cells

from .cell_looks import look
from .style import COLORS, figure, hline, panel, panels, scatter

# the classic three and the LSTM without forget bias, then each compared variant as its look declares it
MODEL_COLORS = {"rnn": COLORS["rnn"], "lstm": COLORS["lstm"], "gru": COLORS["gru"], "lstm_fb0": COLORS["peephole"]}
DASH = {"rnn": "solid", "lstm": "solid", "gru": "dash", "lstm_fb0": "dot"}
for _kind in cells.COMPARED:
    MODEL_COLORS[_kind], DASH[_kind] = look(_kind).line


# Titles and subplot titles sit on top; the legend goes under the x axis so nothing overlaps. The
# right margin leaves room for the last x tick label, which overhangs the plot.
LEGEND_BELOW = dict(legend=dict(orientation="h", yanchor="top", y=-0.2, xanchor="left", x=0), margin=dict(b=110, r=28))


def _positive(values):
    """Log axes cannot show 0 (an underflowed gradient) or nan: leave a gap there instead."""
    v = np.asarray(values, dtype=float)
    return np.where(np.isfinite(v) & (v > 0), v, None)


NICE_DECADES = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500)


def decade_ticks(layout: dict, traces: list[dict], most: int = 6) -> dict:
    """Ticks of each log y axis at a round number of decades (1, 10⁻⁵⁰, 10⁻¹⁰⁰), at most `most` of
    them: across 250 decades plotly's own step was 56, which read as 10⁻⁵⁶, 10⁻¹¹², 10⁻¹⁶⁸."""
    for name, axis in layout.items():
        if not (name.startswith("yaxis") and axis.get("type") == "log"):
            continue
        ref = "y" + name[len("yaxis") :]
        values = [v for tr in traces if tr.get("yaxis", "y") == ref for v in tr["y"] if v is not None and v > 0]
        if not values:
            continue
        span = np.ceil(np.log10(max(values))) - np.floor(np.log10(min(values)))
        step = next((n for n in NICE_DECADES if span / n <= most), NICE_DECADES[-1])
        if step > 1:  # a few decades: plotly's 1, 10, 100 (or 2 and 5 between) read well
            axis.update(dtick=step, tick0=0)
    return layout


def stops(fig: go.Figure) -> bool:
    """Whether one of the figure's lines stops somewhere: a value its log axis cannot draw (_positive's gaps)."""
    return any(trace.y is not None and any(v is None for v in trace.y) for trace in fig.data)


def steps_back(values) -> tuple[np.ndarray, np.ndarray]:
    """(k, values reordered by k) for values indexed by t: k = T-1-t counts the steps back from the
    last one, so a vanishing gradient is a line going down from left to right, as the lessons say."""
    v = np.asarray(values)
    return np.arange(len(v)), v[::-1]


def gradient_profiles(profiles: dict, names: dict, labels: dict) -> go.Figure:
    """‖dL/dh_t‖ against the steps back k = T-1-t for every model. profiles {model: (T,)} indexed by t."""
    traces = []
    for model, norms in profiles.items():
        k, by_k = steps_back(norms)
        line = dict(color=MODEL_COLORS[model], dash=DASH[model], width=2.5)
        traces.append(
            scatter(
                x=k,
                y=_positive(by_k),
                customdata=len(k) - 1 - k,
                hovertemplate=labels["hover"],
                name=names[model],
                mode="lines",
                line=line,
            )
        )
    layout = dict(
        yaxis=dict(type="log", title=dict(text=labels["y"]), exponentformat="power"),
        xaxis=dict(title=dict(text=labels["x"]), **whole_steps(len(k))),
    )
    return figure(traces, {**decade_ticks(layout, traces), **LEGEND_BELOW}, labels["title"], height=440)


def whole_steps(T: int) -> dict:
    """An x axis of steps: on a short sequence, a tick per step (plotly's own put 0.2, 0.4, … between
    the two steps of T = 2)."""
    return {"dtick": 1} if T <= 12 else {}


def _stacked(labels: dict, T: int) -> dict:
    """Two panels, labels["top"] over labels["bottom"], sharing the x axis of T steps; the bottom one
    is on a log scale."""
    layout = panels((labels["top"], labels["bottom"]), stacked=True, spacing=0.12)
    layout["yaxis2"].update(type="log", exponentformat="power")
    layout["xaxis2"]["title"] = dict(text=labels["x"])
    for axis in ("xaxis", "xaxis2"):
        layout[axis].update(whole_steps(T))
    return layout


def rnn_factors(sigma, actual, bound, ratio, labels: dict) -> go.Figure:
    """Top: each step's σ_max(J_t) and what the step really did; bottom: their running products.
    All (T,) indexed by t, drawn against the steps back k = T-1-t."""
    t, sigma = steps_back(sigma)
    actual, bound, ratio = (steps_back(v)[1] for v in (actual, bound, ratio))
    traces = [
        scatter(x=t, y=sigma, name=labels["sigma"], line=dict(color=COLORS["rnn"], width=2), **panel(1)),
        scatter(x=t, y=actual, name=labels["actual"], line=dict(color=COLORS["baseline"], width=1.5), **panel(1)),
        scatter(x=t, y=_positive(bound), name=labels["bound"], line=dict(color=COLORS["rnn"], width=2, dash="dash"), **panel(2)),
        scatter(x=t, y=_positive(ratio), name=labels["ratio"], line=dict(color=COLORS["baseline"], width=2), **panel(2)),
    ]
    layout = hline(_stacked(labels, len(t)), 1.0, dict(color="black", dash="dot", width=1))
    return figure(traces, {**decade_ticks(layout, traces), **LEGEND_BELOW}, None, height=560)


def lstm_factors(f, keep, labels: dict) -> go.Figure:
    """Top: the recorded forget gates f_t (mean over units, min-max band); bottom: Π f per unit.
    (T, H) indexed by t, drawn against the steps back k = T-1-t."""
    f, keep = np.asarray(f)[::-1], np.asarray(keep)[::-1]  # (T, H), row k = step T-1-k
    t = np.arange(len(f))
    band = dict(color="rgba(230,159,0,0)")
    traces = [
        scatter(x=t, y=f.max(1), line=band, showlegend=False, hoverinfo="skip", **panel(1)),
        scatter(
            x=t,
            y=f.min(1),
            fill="tonexty",
            fillcolor="rgba(230,159,0,0.25)",
            line=band,
            name=labels["f_band"],
            hoverinfo="skip",
            **panel(1),
        ),
        scatter(x=t, y=f.mean(1), name=labels["f_mean"], line=dict(color=COLORS["f"], width=2.5), **panel(1)),
        scatter(
            x=t,
            y=_positive(keep.max(1)),
            name=labels["keep_max"],
            line=dict(color=COLORS["c"], width=1.5, dash="dash"),
            **panel(2),
        ),
        scatter(
            x=t, y=_positive(np.median(keep, 1)), name=labels["keep_median"], line=dict(color=COLORS["c"], width=2.5), **panel(2)
        ),
    ]
    layout = _stacked(labels, len(t))
    layout["yaxis"]["range"] = [0, 1.02]
    return figure(traces, {**decade_ticks(layout, traces), **LEGEND_BELOW}, None, height=560)


def clipping(runs: dict, names: dict, clip: float, baseline: float, labels: dict) -> go.Figure:
    """Training MSE (with the always-predict-the-mean baseline) and the gradient norm before clipping,
    for the runs without and with clipping. runs {name: TrainingRun as dict}; a diverged run ends with a cross."""
    colors = {"none": COLORS["rnn"], "clipped": COLORS["lstm"]}
    low, top = _loss_decades(runs, baseline)
    traces = []
    for key, run in runs.items():
        style = dict(color=colors[key], width=2.5)
        traces += [
            scatter(x=run["steps"], y=_positive(run["train_mse"]), name=names[key], line=style, **panel(1)),
            scatter(x=run["steps"], y=_positive(run["grad_norm"]), name=names[key], line=style, showlegend=False, **panel(2)),
        ]
        last = [v for v in run["train_mse"] if np.isfinite(v)]
        if run["diverged"] and last:
            traces.append(
                scatter(
                    x=[run["steps"][len(last) - 1]],
                    y=[min(last[-1], 10.0**top)],  # off the axis: at its top edge, the line going up to it
                    mode="markers+text",
                    marker=dict(symbol="x", size=14, color=colors[key]),
                    text=[labels["diverged"]],
                    name=names[key],
                    hovertemplate="%{text}",  # its y is the axis's top edge, not a loss: no number
                    # under the axis's top edge: beside it, half the text stood above the plot, in the
                    # panel's title ("loss → ∞" over "training MSE" on a phone and in teacher mode)
                    textposition="bottom right",
                    cliponaxis=False,
                    showlegend=False,
                    **panel(1),
                )
            )
    layout = panels((labels["loss"], labels["norm"]), stacked=False, spacing=0.1)
    for x, y in (("xaxis", "yaxis"), ("xaxis2", "yaxis2")):
        layout[x]["title"] = dict(text=labels["x"])
        layout[y].update(type="log", exponentformat="power")
    layout["yaxis"]["range"] = [low, top]
    hline(layout, clip, dict(color="black", dash="dot", width=1), k=2)
    hline(layout, baseline, dict(color="grey", dash="dash", width=1), text=labels["baseline"], below=True)
    return figure(traces, {**layout, **LEGEND_BELOW}, None, height=420)


def _loss_decades(runs: dict, baseline: float) -> tuple[float, float]:
    """The loss axis, in decades: every run's first loss and the whole of each run that stayed finite.
    A run that blows up leaves through the top: scaled to its 10³⁰, the clipped runs were a flat line
    at the bottom, and what the threshold changes (settling at 1, bouncing at 5) could not be seen."""
    finite = lambda run: [v for v in run["train_mse"] if np.isfinite(v) and v > 0]  # noqa: E731
    shown = [baseline] + [v for run in runs.values() for v in (finite(run)[:1] if run["diverged"] else finite(run))]
    # half a decade under the baseline for its label, which hangs below it: at 0.2 of a decade it ran into the ticks
    low = min(np.log10(min(shown)), np.log10(baseline) - 0.5)
    return float(np.floor(low)), float(np.ceil(np.log10(max(shown))))


def mse_vs_length(rows: list, names: dict, baseline: float, labels: dict) -> go.Figure:
    """Final test MSE against sequence length: one point per seed, a line through the medians.
    rows: dicts with variant, seq_len, seed, test_mse."""
    traces = []
    for variant in names:
        mine = [r for r in rows if r["variant"] == variant]
        if not mine:
            continue
        lengths = sorted({r["seq_len"] for r in mine})
        medians = [float(np.median([r["test_mse"] for r in mine if r["seq_len"] == T])) for T in lengths]
        color = MODEL_COLORS[variant]
        traces += [
            scatter(
                x=lengths,
                y=medians,
                name=names[variant],
                mode="lines+markers",
                line=dict(color=color, dash=DASH[variant], width=2.5),
                marker=dict(size=9),
            ),
            scatter(
                x=[r["seq_len"] for r in mine],
                y=[r["test_mse"] for r in mine],
                mode="markers",
                marker=dict(color=color, size=6, opacity=0.5),
                name=names[variant],  # beside the hover: whose seed
                showlegend=False,
                hovertemplate=labels["seed_hover"],
                customdata=[r["seed"] for r in mine],
            ),
        ]
    layout = dict(
        yaxis=dict(type="log", title=dict(text=labels["y"]), exponentformat="power", dtick=1),  # decades only: no 2, 5 clutter
        xaxis=dict(title=dict(text=labels["x"]), type="log", tickvals=sorted({r["seq_len"] for r in rows})),
    )
    # its label at the line's left end: the vanilla RNN's long sequences sit on the line at the right,
    # where the label ran into their markers
    hline(layout, baseline, dict(color=COLORS["baseline"], dash="dot"), text=labels["baseline"], left=True)
    return figure(traces, {**layout, **LEGEND_BELOW}, labels["title"], height=440)


def adding_curves(curves: list, baseline: float, labels: dict) -> go.Figure:
    """Test MSE during training. curves: dicts with name, variant, steps, test_mse, and optional dash,
    width and opacity (a second seed of a model: its colour and dash, lighter)."""
    traces = [
        scatter(
            x=c["steps"],
            y=_positive(c["test_mse"]),
            name=c["name"],
            mode="lines",
            line=dict(color=MODEL_COLORS[c["variant"]], dash=c.get("dash", DASH[c["variant"]]), width=c.get("width", 2)),
            opacity=c.get("opacity", 1.0),
        )
        for c in curves
    ]
    layout = dict(
        yaxis=dict(type="log", title=dict(text=labels["y"]), exponentformat="power", dtick=1),
        xaxis=dict(title=dict(text=labels["x"])),
    )
    hline(layout, baseline, dict(color=COLORS["baseline"], dash="dot"), text=labels["baseline"])
    return figure(traces, {**layout, **LEGEND_BELOW}, labels["title"], height=440)
