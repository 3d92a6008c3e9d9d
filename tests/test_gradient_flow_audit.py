"""/gradient-flow at the edges of its sliders: what the page says where float64 runs out, the live
run's reference curves, and its tables' and charts' words in both languages."""

from pathlib import Path

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

import ui.gradient_flow_state as state
from lstm_core import experiments as E
from tests.test_page_gradient_flow import _cells

torch.set_num_threads(1)

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "gradient-flow.py")
# a ReLU RNN whose orthogonal W_hh is scaled by 3: its h passes 1.8e308 before step 1000
OVERFLOW = {"T": "1000", "scale": "3.0", "act": "relu", "init": "orthogonal"}
OVERFLOW_SETTINGS = E.FlowSettings(seq_len=1000, weight_scale=3.0, nonlinearity="relu", init="orthogonal")


def _open(**query):
    at = AppTest.from_file(PAGE, default_timeout=180)
    for key, value in query.items():
        at.query_params[key] = str(value)
    return at.run()


def test_an_overflowing_relu_rnn_has_no_number_rather_than_a_zero():
    """Its forward pass overflows to inf and nan, whose ReLU slope read as 0: the page said the
    gradient ratio was 0 and (0)^999 = 0, a vanished gradient, where it had exploded."""
    rec = E.flow_recorder("rnn", OVERFLOW_SETTINGS)
    with np.errstate(over="ignore", invalid="ignore"):
        trace = rec.record(E.flow_input(OVERFLOW_SETTINGS))
    step = E.overflow_step(trace)
    assert step is not None and 0 < step < 1000
    h = trace.values("h")[:, 0, :]
    assert np.isfinite(h[:step]).all() and not np.isfinite(h[step]).all()
    assert np.isnan(E.log_gradient_profiles(OVERFLOW_SETTINGS)["rnn"]).all()
    R = E.rnn_step_factors(OVERFLOW_SETTINGS)
    assert R["overflow"] == step and np.isnan(R["log_ratio"]).all() and np.isnan(R["sigma"]).all()
    # the other models, and the RNN on a shorter sequence, are untouched
    assert E.rnn_step_factors(E.FlowSettings())["overflow"] is None
    for lang, note in (("en", f"at step t = {step}"), ("zh", f"在第 t = {step} 步")):
        at = _open(lang=lang, **OVERFLOW)
        assert not at.exception
        rnn_ratio = at.metric[0].value
        assert rnn_ratio == "—"  # was "0"
        assert all(m.value not in ("0", "—") for m in at.metric[1:])
        assert any(note in w.value for w in at.warning)
        assert not [el.value for el in at.latex if r"\prod" in el.value and "J_t" in el.value]  # no (0)^999 = 0
        assert any(f"{step}" in i.value and str(OVERFLOW_SETTINGS.seq_len - 1) in i.value for i in at.info)
    at.session_state["gf_profiles:table"] = True
    at.run()
    cells = _cells(at.dataframe[0])
    assert (cells["普通 RNN"] == "—").all()  # not a number: not "< 2.2e-308", a value too small to draw


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_line_that_stops_above_float64_is_not_said_to_be_below_it(lang):
    """At T = 1000 and weight scale 3 the upper bound Π σ_max passes 10³⁰⁸ and its line stops at the
    top of the chart; the caption said such a value was 0 or below 10⁻³⁰⁸, and the table read "inf"."""
    R = E.rnn_step_factors(E.FlowSettings(seq_len=1000, weight_scale=3.0))
    assert np.nanmax(R["log_bound"]) > np.log10(np.finfo(float).max)
    at = _open(lang=lang, T="1000", scale="3.0")
    assert not at.exception
    stops = [c.value for c in at.caption if c.value.startswith(("Where a line stops", "线在某处中断"))]
    assert len(stops) == 1 and "10³⁰⁸" in stops[0]
    at.session_state["gf_rnn:table"] = True
    at.run()
    bound = _cells(at.dataframe[0]).iloc[:, 4]
    assert (bound == "> 1.8e+308").any() and not bound.isin(["inf", "nan", ""]).any()
    # where nothing overflows, the caption under a line that stops is the one about tiny values
    at = _open(lang=lang, scale="0.0")
    stops = [c.value for c in at.caption if c.value.startswith(("Where a line stops", "线在某处中断"))]
    assert len(stops) == 1 and "10³⁰⁸" not in stops[0]


@pytest.mark.skipif(state.reference() is None, reason="no shipped reference runs")
def test_the_live_runs_reference_curves_were_trained_with_its_forget_bias():
    """A live LSTM at forget bias 0 or −3 was drawn beside the reference LSTMs at bias 1, labelled
    only "reference, seed 0", as if they were the same setup."""
    ref = state.reference()
    run = {"seq_len": 50, "steps": [50], "test_mse": [0.16]}

    def variants(model, fb):
        return [c["variant"] for c in state.live_curves(run, model, model, ref, fb)[1:]]

    assert variants("lstm", 1.0) == ["lstm", "lstm"]
    assert variants("lstm", 0.0) == ["lstm_fb0", "lstm_fb0"]
    assert variants("lstm", -3.0) == []
    assert variants("gru", -3.0) == ["gru", "gru"]  # no forget gate: the bias does not matter
    names = [c["name"] for c in state.live_curves(run, "lstm", "LSTM", ref, 0.0)[1:]]
    assert names == ["reference: LSTM, forget bias 0 · seed 0", "reference: LSTM, forget bias 0 · seed 1"]


@pytest.mark.skipif(state.reference() is None, reason="no shipped reference runs")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_reference_curves_legend_lists_each_models_seeds_together(lang):
    names = [trace.name for trace in state.reference_curves_figure(100, lang).data]
    models = [name.split(" · ")[0] for name in names]
    grouped = [m for i, m in enumerate(models) if i == 0 or m != models[i - 1]]
    assert len(grouped) == len(set(models))  # e.g. LSTM · seed 0 then LSTM · seed 1, not apart


def test_the_lstm_tables_columns_are_all_in_chinese():
    at = _open(lang="zh")
    at.session_state["gf_lstm:table"] = True
    at.run()
    columns = list(at.dataframe[0].value.columns)
    assert "各维中最小的 fₜ" in columns and "各维中最大的 fₜ" in columns
    assert not [c for c in columns if "(min)" in c or "(max)" in c]


def test_the_clipping_text_reads_naturally_in_chinese():
    from ui.strings.gradient_flow import STRINGS

    zh = STRINGS["gradient_flow.clip_intro"][1] + STRINGS["gradient_flow.clip_caption"][1]
    assert "跳飞" not in zh and "甩飞" not in zh  # slang for "the weights jump"


def test_log_axes_tick_at_round_decades_on_a_long_sequence():
    """At T = 1000 the gradient spans ~250 decades and plotly stepped its ticks by 56 (10⁻⁵⁶, 10⁻¹¹²):
    every log axis of sections 1 and 2 now ticks at a round number of decades, six ticks at most."""
    from tests.apptest import figures

    at = _open(T="1000")
    assert not at.exception
    profile, rnn, lstm = figures(at)[:3]  # section 1's chart, then section 2's running products below
    for axis in (profile["layout"]["yaxis"], rnn["layout"]["yaxis2"], lstm["layout"]["yaxis2"]):
        assert axis["dtick"] in (10, 20, 25, 50, 100) and axis["tick0"] == 0


def test_log_ticks_stay_plotlys_own_over_a_few_decades():
    from plots.gradient_flow import decade_ticks

    layout = {"yaxis": {"type": "log"}}
    decade_ticks(layout, [{"y": [1.0, 1e-3, None, 0.0]}])
    assert "dtick" not in layout["yaxis"]
    decade_ticks(layout, [{"y": [1.0, 1e-249]}])
    assert layout["yaxis"]["dtick"] == 50


@pytest.mark.parametrize("clip", [str(c) for c in E.CLIP_CHOICES])
def test_the_clipping_loss_axis_shows_what_the_threshold_changes(clip):
    """Scaled to the unclipped run's 10³⁰, every clipped run was a flat line at the bottom: "settles near
    the baseline" at 1 and "jumps again" at 5 could not be told apart. The loss axis now holds the clipped
    run whole, both runs' first points and the baseline; the unclipped run leaves through the top,
    its cross on the top edge."""
    fig = state.clipping_figure(clip, "en")
    low, top = fig.layout.yaxis.range
    runs = state.clipping(0, float(clip))["runs"]
    clipped = np.array(runs["clipped"]["train_mse"], float)
    assert 10**low <= min(clipped.min(), state.BASELINE_MSE) and clipped.max() <= 10**top
    assert 10**low <= runs["none"]["train_mse"][0] <= 10**top
    assert top - low <= 7  # the clipped run spans about a decade: a sixth of the panel or more
    cross = next(tr for tr in fig.data if tr.mode == "markers+text")
    assert cross.y[0] <= 10**top and cross.cliponaxis is False
