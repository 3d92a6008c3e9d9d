"""AppTest of /gradient-flow: controls drive the numbers, bad links give a note, a live run trains."""

from pathlib import Path

import pytest
import torch
from streamlit.testing.v1 import AppTest

from lstm_core import experiments as E
from tests.apptest import figures

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
