"""The /forecast page under AppTest: renders in both languages, survives bad links and too-short
series, and trains a tiny forecaster end to end in its background thread."""

import base64
import time

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from datasets import series as ds
from lstm_core import forecasting as fc
from tests.apptest import figures
from ui.handoff import KEY as HANDOFF_KEY
from ui.i18n import translate

PAGE = "../pages/forecast.py"


def page(lang="en", **params) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.query_params["lang"] = lang
    for name, value in params.items():
        at.query_params[name] = str(value)
    return at.run()


def ys(trace) -> np.ndarray:
    """A trace's y values; Plotly sends NumPy arrays as base64 typed arrays."""
    y = trace["y"]
    if isinstance(y, dict):
        return np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"])
    return np.asarray(y, dtype=float)


def headers(at):
    return [h.value for h in at.header]


def train_until_done(at, timeout=180) -> AppTest:
    at.button(key="forecast_train").click().run()
    deadline = time.monotonic() + timeout
    results = {translate("forecast.results_header", lang) for lang in ("en", "zh")}
    while time.monotonic() < deadline:
        if results & set(headers(at)):
            return at
        time.sleep(0.5)
        at.run()
    pytest.fail(f"training did not finish within {timeout} s")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_renders_before_training(lang):
    at = page(lang)
    assert not at.exception
    assert at.title[0].value == translate("forecast.title", lang)
    assert headers(at)[:4] == [translate(f"forecast.{k}_header", lang) for k in ("data", "window", "scale", "model")]
    charts = figures(at)
    assert len(charts) == 3  # series, windows picture, scaling
    scaling = charts[2]
    assert ys(scaling["data"][0]).max() > 1.2  # fitted on training data only: the test part exceeds 1
    assert ys(scaling["data"][1]).max() == pytest.approx(1.0)  # fitted on everything: the leak
    assert any(translate("forecast.train_first", lang) == i.value for i in at.info)


def test_bad_link_values_are_ignored_with_a_note():
    at = page(window="9999", units="abc", data="nonsense")
    assert not at.exception
    assert sum("ignored" in i.value for i in at.info) == 3
    assert at.slider(key="forecast:window").value == 12


def test_series_too_short_for_the_window_is_explained():
    at = page("zh", data="sine", length="60", window="48")
    assert not at.exception
    assert len(at.error) == 1 and "48" in at.error[0].value and "太短" in at.error[0].value


def test_synthetic_series_controls():
    at = page(data="trend_season", length="120", period="6")
    assert not at.exception
    assert at.slider(key="forecast:slope").value == 0.05
    series = figures(at)[0]
    assert [len(ys(trace)) for trace in series["data"]] == [72, 19, 31]  # train, validation, test: 120 values
    assert sum(len(ys(trace)) for trace in series["data"]) == 122  # each later part repeats the point it joins


@pytest.mark.trains
@pytest.mark.claims
def test_tiny_training_end_to_end_with_leak_comparison_and_handoff():
    at = page(epochs=3, units=4, leak=1)
    at = train_until_done(at)
    assert not at.exception
    lstm_name = translate("forecast.model.lstm", "en")
    table = next(df.value for df in at.dataframe if lstm_name in list(df.value.iloc[:, 0]))  # not a chart's data table
    assert list(table.iloc[:, 0]) == [
        translate(f"forecast.model.{m}", "en") for m in ("lstm", "lstm_leaky", "persistence", "seasonal_naive")
    ]
    assert list(table.columns)[1:4] == ["RMSE · train", "RMSE · validation", "RMSE · test"] and table.shape[1] == 10
    assert table.iloc[2, 3] == pytest.approx(50.3, abs=0.05)  # persistence test RMSE on airline
    # the claim "judged against the better baseline, named": the verdict names the baseline with the lower RMSE
    for column, prefix in ((2, "Validation part"), (3, "Test part")):
        better = 2 if table.iloc[2, column] < table.iloc[3, column] else 3
        name = translate(f"forecast.baseline.{('persistence', 'seasonal_naive')[better - 2]}", "en")
        said = [m.value for m in (*at.success, *at.warning, *at.info) if m.value.startswith(prefix)]
        assert len(said) == 1 and f"the better baseline there, {name} (" in said[0].replace("baseline, ", "baseline there, ")
    assert "seasonal naive" in next(m.value for m in (*at.success, *at.warning) if m.value.startswith("Test part"))
    # the one sentence on the refit names the epoch the validation part chose, the one its verdict names
    epoch = next(m.value for m in (*at.info, *at.warning) if m.value.startswith("Validation part")).split("at epoch ")[1]
    epoch = int(epoch.split(")")[0])
    assert 1 <= epoch <= 3 and translate("forecast.refit_note", "en", epoch=epoch) in [c.value for c in at.caption]
    # the recursive forecast of the test part, by horizon: airline's 36 test months in three blocks
    horizon = next(c.value for c in at.caption if c.value.startswith("Do the errors compound?"))
    assert all(f"over steps {block}" in horizon for block in ("1–12", "13–24", "25–36"))
    charts = figures(at)
    assert {t["name"] for t in charts[-2]["data"]} >= {"actual", "prediction on test part (leaky scaler)"}
    assert len(ys(charts[-1]["data"][1])) == 24 + 1  # forecast of the default horizon, joined to the last value
    labels = [b.proto.label for b in at.get("download_button")]
    assert translate("forecast.get_code", "en") in labels  # the zip itself: tests/test_export_code.py

    # changing a setting marks the results as stale instead of showing old numbers for new settings
    at.slider(key="forecast:window").set_value(6).run()
    assert not at.exception and any(translate("forecast.stale", "en") == i.value for i in at.info)
    at.slider(key="forecast:window").set_value(12).run()
    assert at.dataframe

    at.button(key="forecast_explorer").click().run()
    model = at.session_state[HANDOFF_KEY]
    assert model.source == "forecast" and model.recorder.hidden_size == 4
    air = ds.load("airline").values
    past = air[: fc.split_point(len(air), 0.25)]  # the refitted model's scaler: training + validation, never test
    assert len(model.example) == 12 and model.scale == (past.min(), past.max()) == (104.0, 467.0)
    assert at.session_state["_explorer_request"] == model.example
