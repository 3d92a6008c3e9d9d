"""Chart summaries (ui/strings/charts.py), the sentence a screen reader says for each chart, against what the
chart draws under settings a learner can choose (helper audit after /gradient-flow's first chart said the
RNN's line falls at every weight scale): a summary says only what holds for every setting, or builds the
rest from the data (ui.chart's `said=`, as ui.gradient_flow_state.profiles_said does)."""

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from datasets import series as ds
from tests.apptest import figures
from tests.test_page_train import shown_run
from tests.test_train_evaluation import _run
from ui.i18n import translate

LANGS = ("en", "zh")
PAGES = Path(__file__).resolve().parent.parent / "pages"


def _open(page: str, **query) -> AppTest:
    at = AppTest.from_file(f"{PAGES}/{page}", default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = str(value)
    return at.run()


def _chart(at: AppTest, key: str, lang: str) -> dict:
    (chart,) = [f for f in figures(at) if f["layout"]["meta"]["a11y_name"] == translate(f"chart.{key}.name", lang)]
    return chart


def _summary(chart: dict) -> str:
    return chart["layout"]["meta"]["a11y_summary"]


@pytest.mark.claims
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["gru", "rnn_tanh", "lstm"])
def test_the_what_if_summary_names_a_cell_state_only_where_one_is_drawn(lang, kind):
    """/explorer's what-if chart said "the chosen unit's cell state, hidden state and the model's output" for
    every model: a GRU or a vanilla RNN has no c, and its chart has no c panel (only h and the output)."""
    at = _open("explorer.py", lang=lang, tab="whatif", kind=kind)
    assert not at.exception
    chart = _chart(at, "explorer_what_if", lang)
    panels = [a["text"] for a in chart["layout"]["annotations"]]
    c_drawn = any(p.startswith(("c,", "c，")) for p in panels)
    assert c_drawn == (kind == "lstm"), panels
    # the cell state is named only as what a cell that has one shows
    said = _summary(chart).replace(
        {"en": "and its cell state c if the cell has one", "zh": "单元有单元状态 c 时也包括 c"}[lang], ""
    )
    assert c_drawn or ({"en": "cell state", "zh": "单元状态"}[lang] not in said), said


@pytest.mark.claims
@pytest.mark.parametrize("lang", LANGS)
def test_the_training_curves_summary_names_all_six_panels(lang):
    """/train's curves have six panels, the sixth the accuracy gap (train − validation); the summary listed
    five ("Loss, accuracy, precision, recall and F1") and said nothing of the gap."""
    at = shown_run(_run(), lang=lang)
    assert not at.exception
    chart = _chart(at, "train_curves", lang)
    panels = [a["text"] for a in chart["layout"]["annotations"]]
    assert panels == [translate(f"train.curve.{k}", lang) for k in ("loss", "accuracy", "precision", "recall", "f1", "gap")]
    summary = _summary(chart)
    words = {
        "en": ("Six panels", "loss", "accuracy", "precision", "recall", "F1", "accuracy gap"),
        "zh": ("六个小图", "损失", "准确率", "精确率", "召回率", "F1", "准确率差距"),
    }[lang]
    assert all(word in summary for word in words), summary


@pytest.mark.claims
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("window", [12, 30, 48])
def test_the_windows_summary_says_cells_are_labelled_only_when_they_are(lang, window):
    """/forecast's windows chart said "each cell labelled with its value"; past 30 columns (a window of 25 or
    more with its six pairs) the cells carry no text."""
    at = _open("forecast.py", lang=lang, window=window)
    assert not at.exception
    chart = _chart(at, "forecast_windows", lang)
    labelled = all("text" in trace.get("mode", "") for trace in chart["data"])
    assert labelled == (window + 6 <= 30)
    claims = {"en": "labelled with its value", "zh": "每格标出数值"}[lang] in _summary(chart)
    assert labelled or not claims, _summary(chart)


def _trained_forecast(lang: str) -> AppTest:
    at = _open("forecast.py", lang=lang, epochs=1, units=2, leak=1)
    at.button(key="forecast_train").click().run()
    results = translate("forecast.results_header", lang)
    deadline = time.monotonic() + 180
    while results not in [h.value for h in at.header]:
        assert time.monotonic() < deadline, "training did not finish"
        time.sleep(0.5)
        at.run()
    assert not at.exception
    return at


@pytest.fixture(scope="module", params=LANGS)
def trained_forecast(request) -> tuple[str, AppTest]:
    """/forecast after a one-epoch run with the leak comparison on, in each language (trained once a language)."""
    return request.param, _trained_forecast(request.param)


@pytest.mark.claims
def test_the_predictions_summary_names_the_leaky_dashed_line(trained_forecast):
    """With the leak comparison on, the one-step predictions chart draws a fourth, dashed line (the leaky
    scaler's test predictions) that its summary did not name."""
    lang, at = trained_forecast
    predictions = _chart(at, "forecast_predictions", lang)
    dashed = [t for t in predictions["data"] if (t.get("line") or {}).get("dash") == "dash"]
    assert [t["name"] for t in dashed] == [translate("forecast.test_pred_leaky", lang)]
    assert {"en": "are dashed", "zh": "用虚线表示"}[lang] in _summary(predictions), _summary(predictions)


@pytest.mark.claims
def test_the_recursive_forecast_summary_says_it_shows_the_end_of_the_series(trained_forecast):
    """The recursive forecast draws only the series' last 60 values (airline has 144), and its summary said
    "the series", and that each forecast is made from the forecasts before it (the first is made from the
    series alone)."""
    lang, at = trained_forecast
    future = _chart(at, "forecast_future", lang)
    actual = future["data"][0]
    assert actual["name"] == translate("forecast.actual", lang)
    assert len(actual["x"]) < len(ds.load("airline").values)  # the end of the series only
    assert _summary(future).startswith({"en": "The end of the series", "zh": "原序列的末尾一段"}[lang]), _summary(future)


@pytest.mark.claims
@pytest.mark.parametrize("lang", LANGS)
def test_the_reference_curves_summary_counts_a_line_per_model_and_seed(lang):
    """/gradient-flow's reference training curves draw each model once per seed (two seeds); the summary
    said "one line per model"."""
    at = _open("gradient-flow.py", lang=lang)
    assert not at.exception
    chart = _chart(at, "gf_ref_curves", lang)
    names = [t["name"] for t in chart["data"] if t.get("name")]
    seed = translate("gradient_flow.curve_name", lang, model="", seed="")
    models = {name.split(seed.strip())[0] for name in names}
    assert len(names) > len(models) > 1, names  # several seeds a model
    assert {"en": "one line per model and seed", "zh": "每个模型的每个种子一条线"}[lang] in _summary(chart)


@pytest.mark.claims
@pytest.mark.parametrize("lang", LANGS)
def test_the_live_curve_summary_names_the_reference_runs_drawn_beside_it(lang):
    """A live run at a length the reference runs trained (T = 50) is drawn with their curves, thin and dotted;
    the summary spoke of "your run" and the baseline only. It now counts them, from the chart's own curves."""
    at = _open("gradient-flow.py", lang=lang, live_T=50, live_steps=100)
    at.button(key="gf_start").click().run()
    job = at.session_state["_jobs"]["gradient_flow_adding"]
    job.thread.join(180)
    at.run()
    assert not at.exception and job.error is None
    chart = _chart(at, "gf_live_curve", lang)
    dotted = [t for t in chart["data"] if (t.get("line") or {}).get("dash") == "dot" and t.get("name")]
    model = translate("gradient_flow.model.lstm", lang)
    assert len(dotted) >= 1 and all(model in t["name"] for t in dotted)
    said = {
        "en": f"the {len(dotted)} reference runs of {model} at T = 50",
        "zh": f"T = 50 时 {model} 的 {len(dotted)} 次参考训练",
    }
    assert said[lang] in _summary(chart), _summary(chart)


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_gradient_chart_summary_says_which_model_has_no_line(lang):
    """A ReLU RNN, orthogonal at weight scale 3, overflows at T = 1000: the chart has no line for it, and the summary
    of "one line per model" now says which has none."""
    import base64

    import numpy as np

    from tests.apptest import open_page

    at = open_page("pages/gradient-flow.py", lang=lang, T=1000, scale=3, act="relu", init="orthogonal")
    assert not at.exception
    chart = next(f for f in figures(at) if f["layout"]["meta"]["a11y_name"] == translate("chart.gf_profiles.name", lang))
    rnn = translate("gradient_flow.model.rnn", lang)
    for trace in chart["data"]:
        if trace.get("name") == rnn:  # drawn as a legend entry, with no value to draw
            y = trace["y"]
            y = np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"]) if isinstance(y, dict) else np.asarray(y, float)
            assert np.isnan(y).all()
    assert translate("chart.gf_profiles.missing", lang, names=rnn) in chart["layout"]["meta"]["a11y_summary"]
    at = open_page("pages/gradient-flow.py", lang=lang)
    summary = next(f for f in figures(at) if f["layout"]["meta"]["a11y_name"] == translate("chart.gf_profiles.name", lang))
    assert translate("chart.gf_profiles.missing", lang, names=rnn) not in summary["layout"]["meta"]["a11y_summary"]
