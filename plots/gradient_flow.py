"""Charts of the gradient-flow page. Pure: arrays and already-translated labels in, a Figure out."""

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lstm_core import cells

from .cell_looks import look
from .style import COLORS, styled

# the classic three and the LSTM without forget bias, then each compared variant as its look declares it
MODEL_COLORS = {"rnn": COLORS["rnn"], "lstm": COLORS["lstm"], "gru": COLORS["gru"], "lstm_fb0": COLORS["peephole"]}
DASH = {"rnn": "solid", "lstm": "solid", "gru": "dash", "lstm_fb0": "dot"}
for _kind in cells.COMPARED:
    MODEL_COLORS[_kind], DASH[_kind] = look(_kind).line


def _legend_below(fig: go.Figure) -> go.Figure:
    """Titles and subplot titles sit on top; the legend goes under the x axis so nothing overlaps.
    The right margin leaves room for the last x tick label, which overhangs the plot."""
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.2, xanchor="left", x=0), margin=dict(b=110, r=28))
    return fig


def _positive(values):
    """Log axes cannot show 0 (an underflowed gradient) or nan: leave a gap there instead."""
    v = np.asarray(values, dtype=float)
    return np.where(np.isfinite(v) & (v > 0), v, None)


def steps_back(values) -> tuple[np.ndarray, np.ndarray]:
    """(k, values reordered by k) for values indexed by t: k = T-1-t counts the steps back from the
    last one, so a vanishing gradient is a line going down from left to right, as the lessons say."""
    v = np.asarray(values)
    return np.arange(len(v)), v[::-1]


def gradient_profiles(profiles: dict, names: dict, labels: dict) -> go.Figure:
    """‖dL/dh_t‖ against the steps back k = T-1-t for every model. profiles {model: (T,)} indexed by t."""
    fig = go.Figure()
    for model, norms in profiles.items():
        k, by_k = steps_back(norms)
        fig.add_trace(
            go.Scatter(
                x=k,
                y=_positive(by_k),
                customdata=len(k) - 1 - k,
                hovertemplate=labels["hover"],
                name=names[model],
                mode="lines",
                line=dict(color=MODEL_COLORS[model], dash=DASH[model], width=2.5),
            )
        )
    fig.update_yaxes(type="log", title=labels["y"], exponentformat="power")
    fig.update_xaxes(title=labels["x"])
    return _legend_below(styled(fig, labels["title"], height=440))


def rnn_factors(sigma, actual, bound, ratio, labels: dict) -> go.Figure:
    """Top: each step's σ_max(J_t) and what the step really did; bottom: their running products.
    All (T,) indexed by t, drawn against the steps back k = T-1-t."""
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12, subplot_titles=(labels["top"], labels["bottom"])
    )
    t, sigma = steps_back(sigma)
    actual, bound, ratio = (steps_back(v)[1] for v in (actual, bound, ratio))
    fig.add_trace(go.Scatter(x=t, y=sigma, name=labels["sigma"], line=dict(color=COLORS["rnn"], width=2)), 1, 1)
    fig.add_trace(go.Scatter(x=t, y=actual, name=labels["actual"], line=dict(color=COLORS["baseline"], width=1.5)), 1, 1)
    fig.add_hline(y=1.0, line=dict(color="black", dash="dot", width=1), row=1, col=1)
    fig.add_trace(
        go.Scatter(x=t, y=_positive(bound), name=labels["bound"], line=dict(color=COLORS["rnn"], width=2, dash="dash")), 2, 1
    )
    fig.add_trace(go.Scatter(x=t, y=_positive(ratio), name=labels["ratio"], line=dict(color=COLORS["baseline"], width=2)), 2, 1)
    fig.update_yaxes(type="log", exponentformat="power", row=2, col=1)
    fig.update_xaxes(title=labels["x"], row=2, col=1)
    return _legend_below(styled(fig, None, height=560))


def lstm_factors(f, keep, labels: dict) -> go.Figure:
    """Top: the recorded forget gates f_t (mean over units, min-max band); bottom: Π f per unit.
    (T, H) indexed by t, drawn against the steps back k = T-1-t."""
    f, keep = np.asarray(f)[::-1], np.asarray(keep)[::-1]  # (T, H), row k = step T-1-k
    t = np.arange(len(f))
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12, subplot_titles=(labels["top"], labels["bottom"])
    )
    band = dict(color="rgba(230,159,0,0)")
    fig.add_trace(go.Scatter(x=t, y=f.max(1), line=band, showlegend=False, hoverinfo="skip"), 1, 1)
    fig.add_trace(
        go.Scatter(
            x=t, y=f.min(1), fill="tonexty", fillcolor="rgba(230,159,0,0.25)", line=band, name=labels["f_band"], hoverinfo="skip"
        ),
        1,
        1,
    )
    fig.add_trace(go.Scatter(x=t, y=f.mean(1), name=labels["f_mean"], line=dict(color=COLORS["f"], width=2.5)), 1, 1)
    fig.update_yaxes(range=[0, 1.02], row=1, col=1)
    fig.add_trace(
        go.Scatter(x=t, y=_positive(keep.max(1)), name=labels["keep_max"], line=dict(color=COLORS["c"], width=1.5, dash="dash")),
        2,
        1,
    )
    fig.add_trace(
        go.Scatter(x=t, y=_positive(np.median(keep, 1)), name=labels["keep_median"], line=dict(color=COLORS["c"], width=2.5)),
        2,
        1,
    )
    fig.update_yaxes(type="log", exponentformat="power", row=2, col=1)
    fig.update_xaxes(title=labels["x"], row=2, col=1)
    return _legend_below(styled(fig, None, height=560))


def clipping(runs: dict, names: dict, clip: float, baseline: float, labels: dict) -> go.Figure:
    """Training MSE (with the always-predict-the-mean baseline) and the gradient norm before clipping,
    for the runs without and with clipping. runs {name: TrainingRun as dict}; a diverged run ends with a cross."""
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.1, subplot_titles=(labels["loss"], labels["norm"]))
    colors = {"none": COLORS["rnn"], "clipped": COLORS["lstm"]}
    for key, run in runs.items():
        style = dict(color=colors[key], width=2.5)
        fig.add_trace(go.Scatter(x=run["steps"], y=_positive(run["train_mse"]), name=names[key], line=style), 1, 1)
        fig.add_trace(go.Scatter(x=run["steps"], y=_positive(run["grad_norm"]), line=style, showlegend=False), 1, 2)
        if run["diverged"]:
            last = [v for v in run["train_mse"] if np.isfinite(v)]
            if last:
                fig.add_trace(
                    go.Scatter(
                        x=[run["steps"][len(last) - 1]],
                        y=[last[-1]],
                        mode="markers+text",
                        marker=dict(symbol="x", size=14, color=colors[key]),
                        text=[labels["diverged"]],
                        textposition="middle right",
                        showlegend=False,
                    ),
                    1,
                    1,
                )
    fig.add_hline(y=clip, line=dict(color="black", dash="dot", width=1), row=1, col=2)
    fig.add_hline(
        y=baseline,
        line=dict(color="grey", dash="dash", width=1),
        annotation_text=labels["baseline"],
        annotation_position="bottom right",
        row=1,
        col=1,
    )
    fig.update_yaxes(type="log", exponentformat="power")
    fig.update_xaxes(title=labels["x"])
    return _legend_below(styled(fig, None, height=420))


def mse_vs_length(rows: list, names: dict, baseline: float, labels: dict) -> go.Figure:
    """Final test MSE against sequence length: one point per seed, a line through the medians.
    rows: dicts with variant, seq_len, seed, test_mse."""
    fig = go.Figure()
    for variant in names:
        mine = [r for r in rows if r["variant"] == variant]
        if not mine:
            continue
        lengths = sorted({r["seq_len"] for r in mine})
        medians = [float(np.median([r["test_mse"] for r in mine if r["seq_len"] == T])) for T in lengths]
        color = MODEL_COLORS[variant]
        fig.add_trace(
            go.Scatter(
                x=lengths,
                y=medians,
                name=names[variant],
                mode="lines+markers",
                line=dict(color=color, dash=DASH[variant], width=2.5),
                marker=dict(size=9),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[r["seq_len"] for r in mine],
                y=[r["test_mse"] for r in mine],
                mode="markers",
                marker=dict(color=color, size=6, opacity=0.5),
                showlegend=False,
                hovertemplate=labels["seed_hover"],
                customdata=[r["seed"] for r in mine],
            )
        )
    fig.add_hline(y=baseline, line=dict(color=COLORS["baseline"], dash="dot"), annotation_text=labels["baseline"])
    fig.update_yaxes(type="log", title=labels["y"], exponentformat="power", dtick=1)  # decades only: no 2, 5 clutter
    fig.update_xaxes(title=labels["x"], type="log", tickvals=sorted({r["seq_len"] for r in rows}))
    return _legend_below(styled(fig, labels["title"], height=440))


def adding_curves(curves: list, baseline: float, labels: dict) -> go.Figure:
    """Test MSE during training. curves: dicts with name, variant, steps, test_mse, and optional dash."""
    fig = go.Figure()
    for c in curves:
        fig.add_trace(
            go.Scatter(
                x=c["steps"],
                y=_positive(c["test_mse"]),
                name=c["name"],
                mode="lines",
                line=dict(color=MODEL_COLORS[c["variant"]], dash=c.get("dash", DASH[c["variant"]]), width=c.get("width", 2)),
            )
        )
    fig.add_hline(y=baseline, line=dict(color=COLORS["baseline"], dash="dot"), annotation_text=labels["baseline"])
    fig.update_yaxes(type="log", title=labels["y"], exponentformat="power", dtick=1)
    fig.update_xaxes(title=labels["x"])
    return _legend_below(styled(fig, labels["title"], height=440))
