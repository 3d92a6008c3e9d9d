"""AppTest of /gradient-flow: controls drive the numbers, bad links give a note, a live run trains."""

import math
import re
from dataclasses import asdict
from decimal import Decimal, localcontext
from pathlib import Path

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

from lstm_core import experiments as E
from tests.apptest import figures
from tests.test_claims import values

torch.set_num_threads(1)  # as ui.page does: the page's step-by-step recurrences are slower with two threads

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "gradient-flow.py")


def _open(**query):
    at = AppTest.from_file(PAGE, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = str(value)
    return at.run()


def _metrics(at):
    return [m.value for m in at.metric]


def _ratio(at, i):
    return float(_metrics(at)[i])


@pytest.fixture(scope="module")
def zh():
    return _open(lang="zh")


def test_page_renders_in_chinese_with_the_core_numbers(zh):
    assert not zh.exception
    assert zh.title[0].value.startswith("梯度流")
    charts = figures(zh)
    # profiles, RNN factors, LSTM factors, clipping (+ MSE vs length and curves from the reference)
    assert len(charts) == (6 if (ROOT / "datasets" / "adding_reference.json").is_file() else 4)
    profile = charts[0]
    assert profile["layout"]["yaxis"]["title"]["text"].endswith("（对数坐标）")
    expected = E.gradient_profiles(E.FlowSettings())
    for i, model in enumerate(E.MODELS):
        assert _ratio(zh, i) == pytest.approx(expected[model][0] / expected[model][-1], rel=1e-2)


def test_the_server_warm_up_builds_the_first_view_in_both_languages(monkeypatch):
    """ui.warm_up builds this page's figures at server start: a learner's first open in either
    language then takes them from the cache."""
    import ui.gradient_flow_state as state

    for cached in (state.flow_figures, state.clipping_figure, state.reference_figure, state.reference_curves_figure):
        cached.clear()  # as in a server that has just started, whatever the tests before drew
    state.warm_up()

    def build(*args, **kwargs):
        raise AssertionError("a figure of the first view was built on the page")

    for name in ("gradient_profiles", "rnn_factors", "lstm_factors", "clipping", "mse_vs_length", "adding_curves"):
        monkeypatch.setattr(state.plots, name, build)
    for lang in ("en", "zh"):
        at = _open(lang=lang)
        assert not at.exception
        assert len(figures(at)) == (6 if (ROOT / "datasets" / "adding_reference.json").is_file() else 4)


def test_the_charts_tables_are_built_when_opened():
    """Folded, a chart's table is neither built nor sent; opened, it holds the chart's numbers with
    columns in the learner's language."""
    at = _open(lang="zh")
    assert len(at.dataframe) == 0
    at.session_state["gf_profiles:table"] = True
    at.session_state["gf_vs_length:table"] = True
    at.run()
    assert not at.exception
    profiles, runs = (d.value for d in at.dataframe)
    assert list(profiles.columns[:2]) == ["回溯步数 k", "时间步 t"]
    expected = E.gradient_profiles(E.FlowSettings())["lstm"]
    assert profiles["LSTM"].to_numpy() == pytest.approx(expected[::-1], rel=1e-6)  # k = 0 is the last step
    assert "最终测试 MSE" in runs.columns and len(runs) > 0


def test_the_historical_variants_join_the_profile_and_the_live_choice(zh):
    """The 1997 LSTM and the CIFG: one named line each in the gradient profile, and choosable for the live run."""
    from ui.i18n import translate

    profile = figures(zh)[0]
    names = [trace["name"] for trace in profile["data"]]
    assert names == [translate(f"gradient_flow.model.{m}", "zh") for m in E.PROFILE_MODELS]
    at = _open(lang="en", live_model="cifg")
    assert not at.exception
    assert next(w for w in at.selectbox if w.key.endswith("live_model")).value == "cifg"


def test_forget_bias_and_scale_controls(zh):
    at = zh
    before = _ratio(at, 1)
    at.slider(key="gradient_flow:fb").set_value(3.0).run()
    assert not at.exception
    assert _ratio(at, 1) > 1e-3 > before  # the open forget gate lets the gradient through
    at.slider(key="gradient_flow:fb").set_value(-3.0).run()
    assert _ratio(at, 1) < 1e-20
    assert _ratio(at, 0) < 1e-20  # the default tanh RNN vanishes
    at.selectbox(key="gradient_flow:init").set_value("orthogonal").run()
    at.slider(key="gradient_flow:scale").set_value(2.0).run()
    assert not at.exception
    assert _ratio(at, 0) > 1e3  # and explodes with a large orthogonal W_hh
    assert float(_metrics(at)[3]) == pytest.approx(2.0, rel=1e-6)  # spectral radius = scale
    assert at.query_params["scale"] == ["2.0"] or at.query_params["scale"] == "2.0"


@pytest.mark.parametrize("query", [{"T": "0"}, {"H": "100000"}, {"T": "abc"}, {"scale": "1e300"}])
def test_bad_links_give_a_note_and_the_page_still_works(query):
    at = _open(lang="en", **query)
    assert not at.exception
    name = next(iter(query))
    assert any(f"{name}=" in info.value and "ignored" in info.value for info in at.info)
    assert len(at.metric) == 4


def test_large_settings_stay_within_limits():
    at = _open(lang="en", T="1000", H="256")
    assert not at.exception
    assert at.slider(key="gradient_flow:T").value == 1000


def _shown(text: str) -> tuple[Decimal, Decimal]:
    """A number as the page writes it ("0.588", "2.18e-249", "2.18 \\times 10^{-249}"): its value and
    half a unit of its last digit, exactly."""
    mantissa, _, exponent = text.replace(r" \times 10^{", "e").rstrip("}").partition("e")
    digits = Decimal(mantissa)
    return digits.scaleb(int(exponent or 0)), Decimal(5).scaleb(digits.as_tuple().exponent + int(exponent or 0) - 1)


def _rounds_to(value, text: str) -> bool:
    """Whether `text`, to the digits it shows, is `value` rounded (0 only for exactly 0)."""
    shown, half = _shown(text)
    return value == 0 if shown == 0 else abs(Decimal(value) - shown) <= half


def _rnn_derivation(at) -> tuple[str, int, str]:
    """(base, T − 1, result) of the RNN's "(base)^{T−1} = result" as the page shows it."""
    body = next(el.value for el in at.latex if r"\prod" in el.value and "J_t" in el.value)
    base, power, result = re.search(r"= \(([^)]*)\)\^\{(\d+)\} = (.*?)\\end\{aligned\}", body).groups()
    return base, int(power), result


@pytest.mark.claims
@pytest.mark.parametrize(
    "query",
    [
        {"T": "2"},
        {},  # T = 100: (0.551)^99 was 5 % off the 2.22e-26 it claimed
        {"T": "1000"},
        {"T": "1000", "act": "relu"},  # 10^-396: below float64
        {"T": "1000", "scale": "0.3"},  # 10^-763
        {"T": "700", "init": "orthogonal", "scale": "2.0"},  # exploding
        {"scale": "0.0"},  # J_t = 0
    ],
)
def test_the_rnn_derivation_multiplies_out(query):
    """A teacher with a calculator: the base shown, raised to T − 1, rounds to the result shown, which
    is the RNN's ratio tile; no tile shows a 0 that is only underflow, and nothing shows "—"."""
    at = _open(lang="en", **query)
    assert not at.exception
    base, power, result = _rnn_derivation(at)
    T = int(query.get("T", E.FlowSettings.seq_len))
    assert power == T - 1
    with localcontext() as ctx:
        ctx.prec = 60
        assert _rounds_to(_shown(base)[0] ** power, result), (base, power, result)
    tiles = _metrics(at)
    assert _shown(tiles[0])[0] == _shown(result)[0]  # the tile and the formula quote the same ratio
    if float(query.get("scale", 1)) > 0:
        assert "0" not in tiles[:3], tiles
    else:
        assert base == result == "0"  # the Jacobian is 0: the factor is exactly 0
    assert f"× {base}." in next(c.value for c in at.caption if "σₘₐₓ" in c.value)
    shown = [*tiles, *(el.value for el in at.latex), *(c.value for c in at.caption)]
    assert not [text for text in shown if "—" in text]


@pytest.mark.claims
@pytest.mark.parametrize(
    ("query", "rnn_stops", "lstm_stops"),
    [
        ({}, False, False),
        ({"T": "1000", "scale": "0.25", "fb": "-3"}, True, True),  # 10⁻⁸⁴¹ and 10⁻¹³²²
        ({"T": "1000", "fb": "0"}, False, False),  # some units' products underflow, not the median's or the best's
        ({"T": "1000", "fb": "-3"}, False, True),
        ({"scale": "0.0"}, True, False),  # J_t = 0
    ],
)
def test_section_2_says_where_a_line_stops_and_only_there(query, rnn_stops, lstm_stops):
    """Under §2's charts a caption explains a line that stops (a value that is 0 or below float64),
    exactly when one of that chart's lines does; the line it names ends where the formula says, or
    is one that stops."""
    at = _open(lang="en", **query)
    assert not at.exception
    T = int(query.get("T", E.FlowSettings.seq_len))
    rnn_chart, lstm_chart = figures(at)[1:3]
    captions = [c.value for c in at.caption if c.value.startswith("Where a line stops")]
    for chart, stops, formula in ((rnn_chart, rnn_stops, _rnn_derivation(at)[2]), (lstm_chart, lstm_stops, None)):
        lines = {trace.get("name"): values(trace) for trace in chart["data"] if trace.get("name")}
        assert any(np.isnan(v[:-1]).any() for v in lines.values()) == stops  # (a step's own factor ends at k = T − 2)
        said = [c for c in captions if any(f"“{name}” at k = {T - 1}." in c for name in lines)]
        assert len(said) == stops
        if stops and formula is not None:
            named = lines[re.search(r"“(.*)”", said[0]).group(1)]
            assert np.isnan(named[-1]) or _rounds_to(named[-1], formula)
    assert len(captions) == rnn_stops + lstm_stops


def test_the_profiles_table_shows_no_zero_that_is_only_underflow():
    """At T = 1000 with relu the RNN's ‖∂L/∂hₜ‖ falls below 10⁻³⁰⁸: the table leaves those cells
    empty, as the chart leaves a gap, rather than showing a 0 or a subnormal with digits missing."""
    at = _open(lang="en", T="1000", act="relu")
    at.session_state["gf_profiles:table"] = True
    at.run()
    rnn = at.dataframe[0].value["Vanilla RNN"].to_numpy(dtype=float)  # k = 0 first
    logs = E.log_gradient_profiles(E.FlowSettings(seq_len=1000, nonlinearity="relu"))["rnn"][::-1]
    assert (logs < -308).any() and not (rnn == 0).any()
    shown = np.isfinite(rnn)
    assert np.array_equal(shown, logs >= np.log10(np.finfo(float).tiny))
    np.testing.assert_allclose(np.log10(rnn[shown]), logs[shown], atol=1e-9)


def _cells(dataframe):
    """What a data table's cells read in the browser: the Styler's display values."""
    from streamlit import dataframe_util

    return dataframe_util.convert_arrow_bytes_to_pandas_df(dataframe.proto.arrow_data.styler.display_values)


def test_the_tables_write_every_number_readably():
    """Streamlit's own format wrote 1e-30 as a row of zeros cut off by the column. Every cell of §1's and
    §2's tables reads as its number to 4 significant digits, a value below float64's range (the chart's
    gap) says so, and a step without a Jacobian (t = 0) shows a dash, never "None"."""
    at = _open(lang="en", T="1000", act="relu")
    for key in ("gf_profiles", "gf_rnn", "gf_lstm"):
        at.session_state[f"{key}:table"] = True
    at.run()
    profiles, rnn, lstm = at.dataframe
    logs = E.log_gradient_profiles(E.FlowSettings(seq_len=1000, nonlinearity="relu"))["rnn"][::-1]
    cells = _cells(profiles)["Vanilla RNN"]
    below = logs < np.log10(np.finfo(float).tiny)
    assert below.any() and (cells[below] == "< 2.2e-308").all()
    np.testing.assert_allclose([float(c) for c in cells[~below]], 10.0 ** logs[~below], rtol=5e-4)
    assert any("e-" in c for c in cells[~below])  # tiny values in scientific notation, not 0.0000…
    for table in (rnn, lstm):
        shown = _cells(table).to_numpy().ravel()
        assert not any(c in ("None", "nan", "") or c.startswith("0.00000") for c in shown)
    sigma = _cells(rnn).iloc[:, 2]
    assert sigma.iloc[-1] == "—" and sigma.iloc[:-1].map(float).gt(0).all()  # k = T - 1 is t = 0


@pytest.mark.claims
@pytest.mark.parametrize("clip", E.CLIP_CHOICES)
def test_the_clipping_caption_quotes_the_training_mse_on_its_chart(clip):
    """Every number of the caption is read off the chart above it: the highest point of each training
    MSE curve after its first (∞ where the chart marks the run "→ ∞"), the clipped curve's last point,
    and the highest gradient norm of the clipped run; and the first point is at the step it names."""
    at = _open(lang="en", clip=str(clip))
    assert not at.exception
    chart = figures(at)[3]

    def curve(name):
        loss = next(tr for tr in chart["data"] if tr.get("name") == name)
        color = loss["line"]["color"]
        norm = next(tr for tr in chart["data"] if tr.get("yaxis") == "y2" and tr["line"]["color"] == color)
        overflowed = any(tr.get("mode") == "markers+text" and tr["marker"]["color"] == color for tr in chart["data"])
        return [v for v in loss["y"] if v is not None], overflowed, [v for v in norm["y"] if v is not None]

    caption = next(c.value for c in at.caption if c.value.startswith("Worst training loss"))
    none_peak, clipped_peak, final, worst = re.search(
        r"without clipping (\S+); clipped at \S+: (\S+), ending at (\S+) .* norm up to (\S+):", caption
    ).groups()
    loss, overflowed, _ = curve("no clipping")
    assert none_peak == "∞" if overflowed else _rounds_to(max(loss[1:]), none_peak)
    loss, overflowed, norms = curve(f"clipped at {clip}")
    assert not overflowed
    assert _rounds_to(max(loss[1:]), clipped_peak) and _rounds_to(loss[-1], final)
    first = next(tr for tr in chart["data"] if tr.get("name") == f"clipped at {clip}")["x"][0]
    assert f"(the mean of the first {first} steps)" in caption
    assert _rounds_to(max(norms), worst)


@pytest.mark.trains
def test_live_run_trains_and_stops():
    at = _open(lang="en")
    at.slider(key="gradient_flow:live_T").set_value(5)
    at.slider(key="gradient_flow:live_steps").set_value(100)
    at.button(key="gf_start").click().run()
    assert not at.exception
    job = at.session_state["_jobs"]["gradient_flow_adding"]
    job.thread.join(120)
    assert job.error is None and job.result["steps"][-1] == 100
    at.run()
    assert any("Finished" in c.value for c in at.caption)
    # a long run, stopped: it ends early and says so
    at.slider(key="gradient_flow:live_steps").set_value(6000)
    at.button(key="gf_start").click().run()
    job = at.session_state["_jobs"]["gradient_flow_adding"]
    assert job.about.settings.steps == 6000
    at.button(key="gf_stop").click().run()
    job.thread.join(120)
    assert job.result is None or job.result["stopped"]


def test_every_live_model_can_be_chosen_and_the_forget_bias_follows_its_gate():
    at = _open(lang="zh")
    for model in E.PROFILE_MODELS:
        at.selectbox(key="gradient_flow:live_model").set_value(model).run()
        assert not at.exception, (model, [e.message for e in at.exception])
        assert at.slider(key="gradient_flow:live_fb").disabled == (model not in ("lstm", "cifg")), model


@pytest.mark.claims
def test_the_lstm_ratio_can_stand_far_above_the_cell_state_product_or_below_it_as_section_2_says():
    """§2 says the LSTM's ratio (for h) can stand far above Π f, or below it, and is 0 at weight scale 0.
    It once said the other paths made it "smaller", then that the ratio "counts them all", so it could
    only stand above: at weight scale 0 the tile showed 0 beside a product of 2.2 × 10⁻¹⁴."""
    from ui import gradient_flow_state as state

    def logs(**changed):
        settings = E.FlowSettings(**{**asdict(E.FlowSettings()), **changed})
        A = state.analysis(settings)
        profile = A["log_profiles"]["lstm"]
        return profile[0] - profile[-1], state.lstm_summary(A["lstm"], settings.forget_bias)["log_keep"]

    log_ratio, log_keep = logs()
    assert log_ratio > log_keep + 3  # the defaults: 2.9e-09 against 1.4e-14 at the time of writing
    log_ratio, log_keep = logs(weight_scale=0.1)
    assert log_ratio < log_keep  # small weights: below it
    log_ratio, log_keep = logs(weight_scale=0.0)
    assert log_ratio == -math.inf and log_keep > -20  # no gradient reaches h₀, while the product is a number
    at = _open(lang="en", scale="0")
    assert at.metric[1].value == "0" and "or below it (0 at weight scale 0)" in " ".join(c.value for c in at.caption)


def test_the_section_2_and_3_tables_hold_their_charts_lines_under_their_names():
    """Their tables were the charts' raw traces: series "1" (a band's invisible edge), "None" cells,
    columns "series / x / y". Now one column per line, named as in its legend, and a product below
    float64's range an empty cell, never a 0."""
    at = _open(lang="en", T="1000", scale="0.25", fb="-3")
    for key in ("gf_rnn", "gf_lstm", "gf_clip"):
        at.session_state[f"{key}:table"] = True
    at.run()
    assert not at.exception
    rnn, lstm, clip = (d.value for d in at.dataframe)
    assert list(rnn.columns) == ["steps back k", "step t", "σₘₐₓ(Jₜ)", "actual factor ‖Jₜᵀgₜ‖ / ‖gₜ‖", "Π σₘₐₓ (upper bound)",
                                 "actual ‖∂L/∂hₜ‖ / ‖∂L/∂h₍T−1₎‖"]  # fmt: skip
    logs = E.rnn_step_factors(E.FlowSettings(seq_len=1000, weight_scale=0.25, forget_bias=-3.0))["log_ratio"][::-1]
    ratio = rnn.iloc[:, -1].to_numpy(dtype=float)
    assert (logs < -308).any() and not (ratio == 0).any()
    shown = np.isfinite(ratio)
    np.testing.assert_allclose(np.log10(ratio[shown]), logs[shown], atol=1e-9)
    assert list(lstm.columns)[:3] == ["steps back k", "step t", "mean fₜ"] and "median unit" in lstm.columns
    steps = list(clip.columns)
    assert steps[0] == "training step" and "training MSE · clipped at 1.0" in steps and "series" not in steps


def test_a_models_seeds_are_told_apart_in_the_reference_curves():
    """'LSTM · seed 0' and 'LSTM · seed 1' were drawn alike, so the legend could not tell which was
    which: a model's later seeds keep its colour and dash, lighter."""
    from ui import gradient_flow_state as state

    figure = state.reference_curves_figure(int(state.reference_lengths(state.reference())[0]), "en")
    by_model: dict = {}
    for trace in figure.data:
        by_model.setdefault((trace.line.color, trace.line.dash), []).append((trace.name, trace.opacity))
    assert len(by_model) >= 4
    for seeds in by_model.values():
        assert len(seeds) == 2 and seeds[0][1] in (None, 1.0) and seeds[1][1] == 0.45, seeds
        assert "seed 0" in seeds[0][0] and "seed 1" in seeds[1][0]
