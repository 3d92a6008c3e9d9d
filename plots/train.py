"""Charts of /train: live training curves (two runs overlaid), confusion matrices, ROC and
precision-recall curves, and the saliency token strip. Pure: data and translated labels in, a
Plotly figure (or an escaped HTML string) out."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go
from plotly.colors import get_colorscale
from plotly.subplots import make_subplots

from lstm_core.metrics import rounded

from .style import COLORS, colon, figure, hex_colour, scatter, styled, text_on

METRICS = ("loss", "accuracy", "precision", "recall", "f1")
GREYS = get_colorscale("Greys")  # as plotly.py spells it out: plotly.js's own "Greys" differs


def curves(runs: list[dict], labels: dict, height: int = 520) -> go.Figure:
    """Train and validation curves of each metric, one panel per metric, plus the train - validation
    accuracy gap (overfitting shows as a gap that keeps growing).

    runs: newest first, each {"name", "epochs": DataFrame with epoch and train_/val_<metric>
    columns, "steps": DataFrame (epoch, loss) of the running training loss within epochs}.
    The older run is drawn dotted and fainter. labels: translated "loss", ..., "f1", "gap", "train",
    "val", "running", "epoch"."""
    panels = [*METRICS, "gap"]
    fig = make_subplots(
        rows=2, cols=3, subplot_titles=[labels[p] for p in panels], horizontal_spacing=0.07, vertical_spacing=0.16
    )
    traces, rows, cols = [], [], []  # added in one call: add_trace costs ~5 ms a trace, and the live view redraws each second

    def add(trace, p):
        traces.append(trace)
        rows.append(p // 3 + 1)
        cols.append(p % 3 + 1)

    for k, run in enumerate(runs):
        epochs = run["epochs"]
        dash, opacity = ("solid", 1.0) if k == 0 else ("dot", 0.55)
        for p, metric in enumerate(panels):
            if metric == "loss" and len(run.get("steps", ())):
                steps = run["steps"]
                add(
                    go.Scatter(
                        x=steps["epoch"], y=steps["loss"], mode="lines", line=dict(color=COLORS["train"], width=1, dash=dash),
                        opacity=0.35 * opacity, name=f"{run['name']} · {labels['running']}", legendgroup=f"{k}running",
                        showlegend=True,
                    ),
                    p,
                )  # fmt: skip
            if epochs.empty:
                continue
            if metric == "gap":
                series = [("gap", epochs["train_accuracy"] - epochs["val_accuracy"], COLORS["c"], labels["gap"])]
            else:
                series = [
                    (split, epochs[f"{split}_{metric}"], COLORS[split], labels[split])
                    for split in ("train", "val")
                    if f"{split}_{metric}" in epochs
                ]
            for split, values, color, label in series:
                add(
                    go.Scatter(
                        x=epochs["epoch"], y=values, mode="lines+markers", marker=dict(size=5),
                        line=dict(color=color, dash=dash), opacity=opacity, name=f"{run['name']} · {label}",
                        legendgroup=f"{k}{split}", showlegend=p == 0 or (metric == "gap"),
                    ),
                    p,
                )  # fmt: skip
    if traces:
        fig.add_traces(traces, rows=rows, cols=cols)
    axes = {}  # make_subplots names the panels' axes xaxis, xaxis2, ... in row-major order
    # a tick a whole epoch apart on a short run: plotly.js ticked 2 epochs at 0, 0.5, 1, 1.5, 2 ("epoch 0.5")
    last = max((run["epochs"]["epoch"].max() for run in runs if not run["epochs"].empty), default=0)
    whole = dict(tick0=0, dtick=1) if last <= 6 else {}
    for p, metric in enumerate(panels):
        suffix = "" if p == 0 else str(p + 1)
        axes[f"xaxis{suffix}"] = dict(title_text=labels["epoch"] if p >= 3 else None, rangemode="tozero", **whole)
        if metric in ("accuracy", "precision", "recall", "f1"):
            axes[f"yaxis{suffix}"] = dict(range=[0, 1.02])
    fig.update_layout(axes)
    fig = styled(fig, height=height)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0), margin=dict(t=40, b=90))
    return fig


def _scored(labels: dict, name: str, value: float) -> str:
    """The title with its score, as the language writes it: "ROC curve (AUC = 0.820)", "ROC 曲线（AUC = 0.820）";
    an AUC of 0.9996 is "0.9996", never a perfect "1.000" (metrics.rounded, as the tiles write rates)."""
    return labels["scored"].format(title=labels["title"], name=name, value=rounded(value))


def roc(fpr, tpr, auc: float, point: tuple, labels: dict) -> go.Figure:
    """ROC curve with the chance diagonal and the current threshold's operating point.
    labels: translated "title", "scored" (the title with its score), "fpr", "tpr", "chance", "model", "threshold"."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(x=[0, 1], y=[0, 1], mode="lines", line=dict(color=COLORS["baseline"], dash="dash"), name=labels["chance"])
    )
    fig.add_trace(go.Scatter(x=fpr, y=tpr, mode="lines", line=dict(color=COLORS["train"], width=2), name=labels["model"]))
    fig.add_trace(_point(point, labels["threshold"]))
    fig.update_xaxes(title_text=labels["fpr"], range=[-0.02, 1.02])
    fig.update_yaxes(title_text=labels["tpr"], range=[-0.02, 1.02])
    return styled(fig, _scored(labels, "AUC", auc), height=380)


def precision_recall(precision, recall, ap: float, prevalence: float, point: tuple, labels: dict) -> go.Figure:
    """Precision against recall; a model guessing at random sits at precision = prevalence.
    labels: translated "title", "scored", "precision", "recall", "chance", "model", "threshold"."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, 1],
            y=[prevalence, prevalence],
            mode="lines",
            line=dict(color=COLORS["baseline"], dash="dash"),
            name=labels["chance"],
        )
    )
    fig.add_trace(
        go.Scatter(
            x=recall, y=precision, mode="lines", line=dict(color=COLORS["val"], width=2), name=labels["model"], line_shape="hv"
        )
    )
    fig.add_trace(_point(point, labels["threshold"]))
    fig.update_xaxes(title_text=labels["recall"], range=[-0.02, 1.02])
    fig.update_yaxes(title_text=labels["precision"], range=[-0.02, 1.02])
    return styled(fig, _scored(labels, "AP", ap), height=380)


def example_steps(X: np.ndarray, labels: dict) -> go.Figure:
    """One sequence example (T, F) as the model reads it: one row per step t, top to bottom, one column
    per feature, darker for larger values. For the digits, that is the 8×8 image itself."""
    T, F = X.shape
    hover = f"{labels['t']} %{{y}} · {labels['feature']} %{{x}}{colon(labels['feature'])}%{{z:.2f}}<extra></extra>"
    trace = dict(
        type="heatmap", z=X.tolist(), x=list(range(F)), y=list(range(T)), colorscale=GREYS,
        zmin=min(0.0, float(X.min())), zmax=max(1.0, float(X.max())), colorbar=dict(thickness=12), hovertemplate=hover,
    )  # fmt: skip
    layout = dict(
        xaxis=dict(title=dict(text=labels["feature"]), dtick=1, constrain="domain"),
        yaxis=dict(title=dict(text=labels["t"]), dtick=1, autorange="reversed", scaleanchor="x"),
    )
    return figure([trace], layout, title=labels["title"], height=360)


def example_series(values, labels: dict) -> go.Figure:
    """One sequence example of one number a step (T,) as the model reads it: its value at each step t,
    left to right, as a line (GunPoint's 150 steps as a list of numbers told nothing). labels: translated
    "title", "t", "value"."""
    values = np.asarray(values, dtype=float)  # (T,)
    # 3 decimals: about what the data's 16-bit storage holds
    hover = f"{labels['t']} %{{x}}{colon(labels['t'])}%{{y:.3f}}<extra></extra>"
    trace = scatter(
        x=list(range(len(values))), y=values.tolist(), mode="lines", line=dict(color=COLORS["train"], width=2),
        hovertemplate=hover, showlegend=False,
    )  # fmt: skip
    pad = 0.02 * max(len(values) - 1, 1)  # off the corner: the first x and y tick labels had overlapped there
    layout = dict(
        xaxis=dict(title=dict(text=labels["t"]), range=[-pad, len(values) - 1 + pad]),
        yaxis=dict(title=dict(text=labels["value"]), zeroline=True),
    )
    return figure([trace], layout, title=labels["title"], height=320)


def _point(point, name):
    return go.Scatter(x=[point[0]], y=[point[1]], mode="markers", marker=dict(size=12, color=COLORS["c"], symbol="x"), name=name)


# a screen reader's text that takes no space on the screen (the usual "visually hidden" recipe)
_SPOKEN_ONLY = (
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0"
)


def token_strip_html(
    tokens: list[str], scores: np.ndarray, caption: str = "", spoken: list[str] | None = None, name: str = ""
) -> str:
    """Tokens on coloured chips: blue pushed towards the predicted class, vermillion against it,
    the stronger the colour the larger |score|. Tokens are escaped: they come from user-visible data.

    A list of chips, one item each, so a screen reader reads the tokens as separate words (as
    adjacent spans they ran together into one word); `spoken` (translated, one per token) is what
    it reads for each chip instead of the chip: the token, its score and which way it pushed,
    which the colour alone shows. `name`: the list's accessible name."""
    scores = np.asarray(scores, dtype=float)
    scale = float(np.abs(scores).max()) or 1.0
    spoken = spoken if spoken is not None else [f"{token}: {score:+.3f}" for token, score in zip(tokens, scores, strict=True)]
    chips = []
    for token, score, said in zip(tokens, scores, spoken, strict=True):
        strength = min(abs(score) / scale, 1.0)
        rgb = np.array((0, 114, 178) if score >= 0 else (213, 94, 0))  # Okabe-Ito blue / vermillion
        alpha = 0.08 + 0.92 * strength
        # the chip's colour as it shows on the white page, and the text colour that reads best on it
        background = hex_colour(alpha * rgb + (1 - alpha) * 255)
        chips.append(
            f'<li style="display:inline-block;margin:2px;padding:2px 7px;border-radius:6px;'
            f"background:{background};color:{text_on(background)};"
            f'font-size:1.05rem"><span aria-hidden="true" title="{score:+.3f}">{html.escape(token)}</span>'
            f'<span style="{_SPOKEN_ONLY}">{html.escape(said)}</span></li>'
        )
    cap = f'<div style="font-size:0.85rem;color:#555;margin-top:4px">{html.escape(caption)}</div>' if caption else ""
    label = f' aria-label="{html.escape(name)}"' if name else ""
    # role="list": Safari drops a list's role once its bullets are styled away
    return f'<ul role="list"{label} style="line-height:2.1;list-style:none;margin:0;padding:0">{"".join(chips)}</ul>{cap}'
