"""Figures built from plain dicts (plots.style.figure) skip plotly.py's validation when they are built:
here each one is validated instead, and its helpers are compared with the plotly.py calls they replace."""

import json
import math
import re

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.subplots import make_subplots

import ui.gradient_flow_state as state
from lstm_core import experiments
from lstm_core.adding import BASELINE_MSE
from lstm_core.metrics import row_fractions
from plots import forecast, gradient_flow
from plots.metrics import confusion_matrix_figure
from plots.style import figure, hline, panels, relative_luminance, scatter, styled
from plots.text_pipeline import embedding_heatmap


def _json(fig: go.Figure) -> dict:
    return json.loads(pio.to_json(fig, validate=False))


def _rounded(o):
    """Nested dicts and lists with their floats rounded, to compare layouts computed two ways."""
    if isinstance(o, dict):
        return {k: _rounded(v) for k, v in o.items()}
    if isinstance(o, list | tuple):
        return [_rounded(v) for v in o]
    return round(o, 9) if isinstance(o, float) else o


def _validated(fig: go.Figure) -> dict:
    """The figure through plotly.py's validation: raises on a property plotly.js does not know."""
    return _json(go.Figure(fig.to_dict()))


@pytest.mark.parametrize(
    "titles, stacked, spacing, subplots",
    [
        (("top", "bottom"), True, 0.12, dict(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12)),
        (("a", "b", "c"), True, 0.08, dict(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.08)),
        (("left", "right"), False, 0.1, dict(rows=1, cols=2, horizontal_spacing=0.1)),
    ],
)
def test_panels_lay_out_what_make_subplots_does(titles, stacked, spacing, subplots):
    expected = make_subplots(subplot_titles=titles, **subplots).layout.to_plotly_json()
    expected.pop("template")
    assert _rounded(panels(titles, stacked=stacked, spacing=spacing)) == _rounded(expected)


@pytest.mark.parametrize("k, text, position", [(1, None, None), (2, "baseline", "top right"), (1, "floor", "bottom right")])
def test_hline_draws_what_add_hline_does(k, text, position):
    subplots = make_subplots(rows=1, cols=2)
    for col in (1, 2):  # add_hline leaves out a panel without a trace
        subplots.add_trace(go.Scatter(x=[0], y=[0]), row=1, col=col)
    extra = dict(annotation_text=text, annotation_position=position) if text else {}
    subplots.add_hline(y=0.25, line=dict(color="grey", dash="dot"), row=1, col=k, **extra)
    expected = subplots.layout.to_plotly_json()
    layout = hline({}, 0.25, dict(color="grey", dash="dot"), k=k, text=text, below=position == "bottom right")
    assert layout["shapes"] == expected["shapes"]
    assert layout.get("annotations") == expected.get("annotations")


@pytest.mark.parametrize("below", [False, True])
def test_hline_labels_its_line_on_a_log_axis(below):
    """On a log axis plotly.js reads an annotation's y as the log of its value (a shape's y as the value):
    /gradient-flow's "always predict 1: 0.167" stood at 10^0.167 ≈ 1.47, over the clipped run's line."""
    layout = panels(("loss", "norm"), stacked=False, spacing=0.1)
    layout["yaxis2"]["type"] = "log"
    hline(layout, 0.167, dict(color="grey"), k=2, text="baseline", below=below)
    hline(layout, 0.25, dict(color="grey"), k=1, text="linear")  # a linear axis: the value itself
    shape, label = layout["shapes"][0], layout["annotations"][-2]
    assert shape["y0"] == 0.167 and label["y"] == pytest.approx(math.log10(0.167))
    assert layout["annotations"][-1]["y"] == 0.25


def test_figure_has_the_look_styled_gives_and_its_own_layout_wins():
    traces = [scatter(x=[0, 1, 2], y=[1e-3, 1e-2, 1e-1], name="线")]
    layout = dict(yaxis=dict(type="log", exponentformat="power", title=dict(text="范数")), xaxis=dict(title=dict(text="k")))
    expected = _json(styled(go.Figure(traces, layout), "标题", height=300))
    assert _json(figure(traces, layout, "标题", height=300)) == expected
    own = _json(figure(traces, {**layout, "margin": dict(b=110)}, "标题", height=300))
    assert own["layout"]["margin"] == {**expected["layout"]["margin"], "b": 110}


def test_validation_catches_what_figure_lets_through():
    """The check below can fail: a misspelt property passes figure() but not validation."""
    fig = figure([scatter(x=[0, 1], y=[1, 2], colour="red")], {})
    with pytest.raises(ValueError, match="colour"):
        _validated(fig)


def _forecast_figures():
    labels = [f"1950-{m:02d}" for m in range(1, 61)]
    values = np.cumsum(np.random.default_rng(0).normal(size=60)) + 10
    names = {k: f"{k}名" for k in ("train", "val", "test", "input", "target", "unused", "actual", "forecast", "time", "step")}
    names |= {k: f"{k}名" for k in ("train_pred", "val_pred", "test_pred", "test_pred_leaky", "scaled", "clean", "leaky")}
    names |= {k: f"{k}名" for k in ("value", "train_loss", "val_loss", "epoch", "loss")} | {"pair": "第 {k} 对"}
    train, test = np.arange(12, 40), np.arange(48, 60)
    yield forecast.series_figure(labels, values, 48, names, "t", val_start=40)
    yield forecast.windows_figure(values, 12, 6, names, "w")
    yield forecast.windows_figure(values, 40, 6, names, "w")  # too wide for the numbers
    yield forecast.scaling_figure(labels, values / 30, values / 40, 48, names, "s")
    runs = {"": [dict(epoch=e, loss=1 / (e + 1), val_loss=1.2 / (e + 1)) for e in range(5)], "leaky": [dict(epoch=0, loss=1)]}
    yield forecast.loss_figure(runs, names, "l")
    yield forecast.predictions_figure(
        labels, values, 48, train, values[train], test, values[test], names, "p", leaky_pred=values[test],
        val_index=np.arange(40, 48), val_pred=values[40:48],
    )  # fmt: skip
    yield forecast.future_figure(labels, values, ["1955-01", "1955-02"], [1.0, 2.0], names, "f")


def _every_figure_built_from_dicts():
    yield from _forecast_figures()
    rng = np.random.default_rng(1)
    for T, dim in ((5, 8), (40, 16)):  # with the numbers written in, and too many for that
        yield embedding_heatmap(rng.normal(size=(T, dim)), [f"词{t}" for t in range(T)], "嵌入", "维度", "位置")
    from plots.train import example_series, example_steps

    yield example_steps(rng.uniform(size=(8, 8)), {"title": "测试样本 #3", "t": "时间步 t", "feature": "特征"})
    yield example_series(rng.normal(size=150), {"title": "测试样本 #3", "t": "时间步 t", "value": "这一步的数值"})
    matrix = np.array([[50, 3, 0], [7, 20, 1], [0, 0, 0]])  # a class never seen: a row of zeros
    for classes in (["负面", "正面"], ["a", "b", "c"]):
        m = matrix[: len(classes), : len(classes)]
        yield confusion_matrix_figure(m, classes, "标题", true_label="真实", predicted_label="预测")
        yield confusion_matrix_figure(row_fractions(m), classes, "t", "true", "predicted", normalised=True)
    for lang in ("en", "zh"):
        for s in (
            experiments.FlowSettings(seq_len=30, hidden_size=4),
            experiments.FlowSettings(nonlinearity="relu", weight_scale=3.0),
        ):
            yield from state.flow_figures(state.fields(s), lang).values()
        for clip in experiments.CLIP_CHOICES:
            yield state.clipping_figure(str(clip), lang)
        if state.reference():
            yield state.reference_figure(lang)
            for T in state.reference_lengths(state.reference()):
                yield state.reference_curves_figure(int(T), lang)
    diverged = {  # a run that ends in nan, as the live run can: its last finite point gets a cross
        "none": dict(steps=[0, 100, 200], train_mse=[0.2, 3.0, np.nan], grad_norm=[1.0, 1e4, np.nan], diverged=True),
        "clipped": dict(steps=[0, 100, 200], train_mse=[0.2, 0.1, 0.05], grad_norm=[1.0, 0.5, 0.0], diverged=False),
    }
    labels = dict(loss="loss", norm="norm", x="step", diverged="∞", baseline="mean")
    yield gradient_flow.clipping(diverged, {"none": "a", "clipped": "b"}, 1.0, BASELINE_MSE, labels)


def test_every_figure_built_from_dicts_is_valid_plotly():
    figures = list(_every_figure_built_from_dicts())
    assert len(figures) >= 25
    for fig in figures:
        assert _validated(fig) == _json(fig)
    assert any(t.get("mode") == "markers+text" for t in _json(figures[-1])["data"])


def test_confusion_table_is_the_heat_maps_matrix_as_a_table():
    """/metrics's confusion table: cell [i][j] in row i (true class) and column j (predicted), coloured
    as the heat map colours the same matrix (its z through its colour scale), with escaped text."""
    from plotly.colors import sample_colorscale, unlabel_rgb

    from plots.metrics import confusion_table_html

    matrix = np.array([[85, 15, 0], [0, 0, 0], [3, 0, 7]])  # a class never seen: a row of zeros
    classes = ["<b>neg</b>", "pos & co", "三"]
    names = [[f"n{i}{j}" for j in range(3)] for i in range(3)]
    page = confusion_table_html(matrix, classes, "T<i>", "真实", "预测", cell_names=names)
    assert "<b>" not in page and "<i>" not in page and "&lt;b&gt;neg&lt;/b&gt;" in page and "pos &amp; co" in page
    rows = page.split("<tr>")[3:]  # after the two header rows
    for i, row in enumerate(rows):
        assert row.count("<td") == 3
        for j in range(3):
            assert f"n{i}{j}</div><div" in row.split("<td")[j + 1] and f">{matrix[i, j]}</div>" in row.split("<td")[j + 1]
    heat = confusion_matrix_figure(matrix, classes, "t", "true", "predicted").data[0]
    expected = [
        "#" + "".join(f"{round(c):02x}" for c in unlabel_rgb(sample_colorscale([list(c) for c in heat.colorscale], [z])[0]))
        for z in np.ravel(heat.z)
    ]
    assert re.findall(r"background:(#[0-9a-f]{6})", page) == expected
    assert relative_luminance(expected[0]) < relative_luminance(expected[1])  # 85 of 100 darker than 15 of 100
    assert expected[3] == "#f7fbff"  # a class with no items: the scale's lightest
    normalised = confusion_table_html(row_fractions(matrix), classes, "t", "true", "predicted", normalised=True)
    assert ">0.85</div>" in normalised and ">0.00</div>" in normalised


def test_a_short_sequence_has_a_tick_per_step_and_no_fractional_steps():
    """At T = 2 plotly put ticks at 0, 0.2, …, 1 on an axis of steps."""
    from lstm_core import experiments
    from ui import gradient_flow_state as state

    for T, tick in ((2, 1), (12, 1), (100, None)):
        for fig in state.flow_figures(state.fields(experiments.FlowSettings(seq_len=T)), "en").values():
            layout = fig.to_dict()["layout"]
            ticks = [layout[axis].get("dtick") for axis in layout if axis.startswith("xaxis")]
            assert ticks and all(d == tick for d in ticks), (T, ticks)


@pytest.mark.parametrize(("epochs", "whole"), [(2, True), (6, True), (30, False)])
def test_a_short_runs_curves_tick_whole_epochs(epochs, whole):
    """/train's curves of a 2-epoch run were ticked 0, 0.5, 1, 1.5, 2 under "epoch": "epoch 0.5" is no
    epoch. A short run is ticked one epoch apart; a long one keeps plotly.js's own (whole) steps."""
    import pandas as pd

    from plots.train import curves

    names = ("loss", "accuracy", "precision", "recall", "f1")
    table = pd.DataFrame({"epoch": range(1, epochs + 1), **{f"{s}_{m}": [0.5] * epochs for s in ("train", "val") for m in names}})
    labels = {k: k for k in (*names, "gap", "train", "val", "running", "epoch")}
    layout = curves([{"name": "run 1", "epochs": table}], labels).layout
    axes = [layout[f"xaxis{k if k > 1 else ''}"] for k in range(1, 7)]
    assert all((a.dtick, a.tick0) == ((1, 0) if whole else (None, None)) for a in axes)


@pytest.mark.parametrize("horizon", [1, 3])
def test_the_forecast_trace_holds_only_the_forecasts_points(horizon):
    """At horizon 1 /forecast's chart showed two forecast points: the line from the last actual value
    started at a point of its own, drawn and listed in the chart's table as a forecast (Dec 1960's 432).
    The forecast's points are the horizon's; the dotted joint to the last actual value is a shape."""
    labels, values = ["1960-10", "1960-11", "1960-12"], [461.0, 390.0, 432.0]
    ahead = ["1961-01", "1961-02", "1961-03"][:horizon]
    fig = forecast.future_figure(
        labels, values, ahead, [450.0, 470.0, 480.0][:horizon], {"actual": "a", "forecast": "f", "time": "t", "value": "v"}, "f"
    )
    actual, ahead_trace = fig.data
    assert list(ahead_trace.x) == ahead and len(ahead_trace.y) == horizon and list(actual.x) == labels
    (joint,) = fig.layout.shapes
    assert (joint.x0, joint.y0, joint.x1, joint.y1) == ("1960-12", 432.0, "1961-01", 450.0)


@pytest.mark.parametrize("rows", [5, 80, 200])
def test_a_tall_heat_maps_title_stays_above_its_plot(rows):
    """The title hung at 99% of the figure's height: 52 px down /text-pipeline's 200-row heat map
    (maximum length 200), on its first row of cells and its label. It hangs 4 px from the top."""
    fig = embedding_heatmap(np.zeros((rows, 8)), [f"{t}: w" for t in range(rows)], "Looked-up embedding rows", "dim", "t")
    title_bottom = (1 - fig.layout.title.y) * fig.layout.height + 24  # a title line (plots.style.TITLE_LINE)
    assert fig.layout.title.yanchor == "top" and title_bottom <= fig.layout.margin.t


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hover_boxes_put_the_languages_colon_after_a_label(lang):
    """The Chinese pages' hover boxes read "真实类别: 负面", "准确率: 0.948", "嵌入维度 4: 0.917": a
    half-width colon after Chinese, where every sentence of those pages has "："."""
    from plots import metrics as pm
    from plots import text_pipeline as pt
    from plots import train as ptr
    from ui.i18n import translate

    def tr(key):
        return translate(key, lang)

    step, feature = tr("train.example_step"), tr("train.example_feature")
    figures = [
        pm.confusion_matrix_figure([[3, 1], [0, 4]], ["neg", "pos"], "", tr("train.cm_true"), tr("train.cm_predicted")),
        pm.metric_bars_figure([(tr("metrics.name.accuracy"), 0.9, 0.5)], "", "a", "b"),
        pt.embedding_heatmap(np.ones((2, 3)), ["a", "b"], "", tr("text_pipeline.dimension"), "t"),
        ptr.example_series([0.1, 0.2], {"title": "", "t": step, "value": "v"}),
        ptr.example_steps(np.ones((2, 2)), {"title": "", "t": step, "feature": feature}),
    ]
    templates = [trace.hovertemplate for fig in figures for trace in fig.data]
    colon = {"en": ": ", "zh": "："}[lang]
    assert len(templates) == 6 and all(colon in text and ("：" if lang == "en" else ": ") not in text for text in templates)
