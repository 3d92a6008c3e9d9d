"""The /forecast page under AppTest: renders in both languages, survives bad links and too-short
series, and trains a tiny forecaster end to end in its background thread."""

import base64
import math
import re
import time

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from datasets import series as ds
from lstm_core import forecasting as fc
from plots.style import alike
from tests.apptest import figures, html_tables, open_page
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
    # dotted lines where the validation part and the test part (the one the caption is about) begin
    air = ds.load("airline")
    starts = [air.labels[fc.val_point(144, 0.25, 0.15)], air.labels[fc.split_point(144, 0.25)]]
    assert [shape["x0"] for shape in scaling["layout"]["shapes"] if shape["type"] == "line"] == starts
    assert charts[1]["layout"]["xaxis"]["range"][0] == -0.5  # the windows start at step 0, with no tick at -1
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
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_baseline_without_a_score_is_named_so_in_the_verdicts(lang):
    """Sine of length 60, period 50: no test point and no validation point has a season of history, so
    seasonal naive has no score there. The verdicts name persistence and say why seasonal naive has
    none (they had printed "nan"), and the table shows "—"."""
    at = train_until_done(page(lang, data="sine", length=60, period=50, epochs=2, units=4))
    assert not at.exception
    (shown,) = html_tables(at)
    seasonal = translate("forecast.model.seasonal_naive", lang)
    row = shown[shown.iloc[:, 0] == seasonal].iloc[0]
    assert [row[c] for c in shown.columns if c.startswith("RMSE")][1:] == ["—", "—"]  # validation, test
    verdicts = [m.value for m in (*at.success, *at.warning, *at.info) if "RMSE" in m.value and "LSTM" in m.value]
    none = translate("forecast.other_baseline_none", lang, name=translate("forecast.baseline.seasonal_naive", lang))
    persistence = translate("forecast.baseline.persistence", lang)
    assert len(verdicts) >= 2 and all(none in v and persistence in v and "nan" not in v for v in verdicts[:2])


@pytest.mark.trains
@pytest.mark.claims
def test_tiny_training_end_to_end_with_leak_comparison_and_handoff():
    at = page(epochs=3, units=4, leak=1)
    at = train_until_done(at)
    assert not at.exception
    (shown,) = html_tables(at)  # every cell as the page writes it, every column in view (no data grid to scroll)
    table = shown.iloc[:, 1:].map(lambda text: math.nan if text == "—" else float(text))
    assert list(shown.iloc[:, 0]) == [
        translate(f"forecast.model.{m}", "en") for m in ("lstm", "lstm_leaky", "persistence", "seasonal_naive")
    ]
    # "·" kept with its metric: a narrow column had left it alone on a line ("RMSE", "·", "验证")
    assert list(shown.columns)[1:4] == ["RMSE\u00a0· train", "RMSE\u00a0· validation", "RMSE\u00a0· test"]
    assert shown.shape[1] == 10
    air = ds.load("airline").values
    split = fc.split_point(len(air), 0.25)
    persistence = fc.rmse(air[split:], air[split - 1 : -1])
    # persistence's test RMSE on airline, 50.3, with the decimals of its column (plots.style.alike): "50.30"
    # beside an LSTM's 4 significant digits ("38.97"), never a bare "50.3"
    column = list(shown.iloc[:, 3])
    decimals = {len(text.split(".")[1]) if "." in text else 0 for text in column}
    assert len(decimals) == 1 and column[2] == f"{persistence:.{decimals.pop()}f}"
    # the claim "judged against the better baseline, named": the verdict names the baseline with the lower RMSE,
    # and writes the very numbers the table shows
    for column, prefix in ((2, "Validation part"), (3, "Test part")):
        better = 2 if table.iloc[2, column - 1] < table.iloc[3, column - 1] else 3
        name = translate(f"forecast.baseline.{('persistence', 'seasonal_naive')[better - 2]}", "en")
        said = [m.value for m in (*at.success, *at.warning, *at.info) if m.value.startswith(prefix)]
        assert len(said) == 1 and f"the better baseline there, {name} ({shown.iloc[better, column]};" in said[0].replace(
            "baseline, ", "baseline there, "
        )
        assert f"RMSE {shown.iloc[0, column]}" in said[0] or f"RMSE is {shown.iloc[0, column]}," in said[0]
    assert "seasonal naive" in next(m.value for m in (*at.success, *at.warning) if m.value.startswith("Test part"))
    # the one sentence on the refit names the epoch the validation part chose, the one its verdict names
    epoch = next(m.value for m in (*at.info, *at.warning) if m.value.startswith("Validation part")).split("at epoch ")[1]
    epoch = int(epoch.split(")")[0])
    assert 1 <= epoch <= 3 and translate("forecast.refit_note", "en", epoch=epoch) in [c.value for c in at.caption]
    # the recursive forecast of the test part, by horizon: airline's 36 test months in three blocks
    horizon = next(c.value for c in at.caption if c.value.startswith("Do the errors compound?"))
    assert all(f"test points {block}, RMSE " in horizon for block in ("1–12", "13–24", "25–36"))
    charts = figures(at)
    loss = next(c for c in charts if c["layout"]["yaxis"].get("type") == "log")
    assert loss["layout"]["yaxis"]["exponentformat"] == "power"  # 10⁻⁴, not the SI "100μ"
    # a screen reader hears the parts each chart draws: validation included, the test part only where drawn
    for chart in charts:
        meta, names = chart["layout"]["meta"], " ".join(str(trace.get("name")) for trace in chart["data"])
        for part in ("validation", "test"):
            if meta["a11y_name"] != "Scaling, two ways":  # its summary names the leak, not the parts
                assert (part in names) == (part in meta["a11y_summary"].split("(")[0]), (meta, part)
    # the leaky run's dashed losses are on values scaled by the whole series' range: the caption says how much
    # smaller the same error is there (airline: 518 against 260, about 4 times)
    assert any(trace["line"].get("dash") == "dash" for trace in loss["data"])
    whole, clean = np.ptp(air), np.ptp(air[: fc.val_point(len(air), 0.25, 0.15)])
    caption = next(c.value for c in at.caption if c.value.startswith("The dashed curves are not"))
    assert f"range, {whole:.4g}, {whole / clean:.2f} times the training part's {clean:.4g}" in caption
    assert f"an MSE {(whole / clean) ** 2:.2f} times smaller" in caption
    assert {t["name"] for t in charts[-2]["data"]} >= {"actual", "prediction on test part (leaky scaler)"}
    assert len(ys(charts[-1]["data"][1])) == 24  # the default horizon's forecast, joined to the last value by a shape
    labels = [b.proto.label for b in at.get("download_button")]
    assert translate("forecast.get_code", "en") in labels  # the zip itself: tests/test_export_code.py

    # changing a setting marks the results as stale instead of showing old numbers for new settings
    at.slider(key="forecast:window").set_value(6).run()
    assert not at.exception and any(translate("forecast.stale", "en") == i.value for i in at.info)
    at.slider(key="forecast:window").set_value(12).run()
    assert html_tables(at)

    at.button(key="forecast_explorer").click().run()
    model = at.session_state[HANDOFF_KEY]
    assert model.source == "forecast" and model.recorder.hidden_size == 4
    assert model.title == {  # named in both languages: the explorer follows a switch
        lang: translate("forecast.model_title", lang, series=translate("forecast.source.airline", lang)) for lang in ("en", "zh")
    }
    past = air[: fc.split_point(len(air), 0.25)]  # the refitted model's scaler: training + validation, never test
    assert len(model.example) == 12 and model.scale == (past.min(), past.max()) == (104.0, 467.0)
    assert at.session_state["_explorer_request"] == model.example


@pytest.mark.trains
def test_explorer_traces_the_forecaster_on_the_input_it_read():
    """Open in the explorer hands over one test window: the explorer shows it in the series' units,
    and its cell reads it scaled exactly as the forecaster did, so its gates and output are the model's."""
    import torch

    from ui import explorer_state, forecast_state

    air = ds.load("airline").values
    result = fc.train_forecaster(air, fc.ForecastConfig(epochs=2, units=4))
    pair = 7
    model = forecast_state.trained_model(result, pair, ds.load("airline"))
    at = open_page("pages/explorer.py", session={HANDOFF_KEY: model, "_explorer_request": model.example})
    assert not at.exception
    assert any(i.value.startswith("The input shown beside the step is the series' value") for i in at.info)
    shown = explorer_state.Settings(mode="numbers", numbers=at.session_state["explorer:numbers"], source="trained")
    run = explorer_state.build_run(shown, model)
    window = result.split.X_test[pair]  # (T,) passengers
    assert run.labels == tuple(f"{v:g}" for v in window)
    scaled = result.scaler.transform(window)  # what the forecaster read for this window
    np.testing.assert_allclose(run.x[:, 0], scaled, rtol=0, atol=1e-12)
    with torch.no_grad():
        out, _ = result.model.lstm(torch.as_tensor(scaled, dtype=torch.float32)[None, :, None])  # (1, T, H)
        head = result.model.head
        predicted = run.trace.h[-1, 0] @ head.weight.numpy()[0] + head.bias.numpy()[0]  # the explorer's last h, through the head
    np.testing.assert_allclose(run.trace.h[:, 0], out[0].numpy(), atol=1e-5)
    assert result.scaler.inverse(predicted) == pytest.approx(result.test_pred[pair], rel=1e-5)


@pytest.mark.trains
@pytest.mark.claims
def test_validation_verdict_after_stop_names_the_charts_lowest_epoch():
    """Stopped mid-epoch, the verdict scores the weights of that moment and names the epoch the loss
    chart (the epoch-end reports) shows lowest; its advice fits a stopped run, and an overfitting one."""
    import copy
    from dataclasses import replace

    from ui import forecast_state as state

    air = ds.load("airline").values
    config = fc.ForecastConfig(epochs=50, units=4)
    parts = fc.split_windows(air, config.window, config.test_fraction, config.val_fraction)
    stop_after = 6 * -(-len(parts.y_train) // config.batch_size) + 3  # six whole epochs and three batches
    steps, chart = iter(range(1, 10**6)), []
    result = fc.train_forecaster(
        air, config,
        on_progress=lambda p: p.epoch_end and chart.append((p.metrics["val_loss"], p.epoch)),
        should_stop=lambda: next(steps) >= stop_after,
    )  # fmt: skip
    assert result.history.stopped == "stopped" and len(chart) == 6
    text = state.validation_verdict(result, state.comparison(result.metrics, "val"))
    stopped_at = 6 + 3 * config.batch_size / len(parts.y_train)
    assert (
        f"stopped training, after {stopped_at:.1f} epochs; the chart's lowest validation loss was at epoch {min(chart)[1]})"
        in text
    )
    assert "more epochs" not in text
    # a finished run that beats the better baseline on training but not on validation is overfitting
    metrics = copy.deepcopy(result.metrics)
    for part, factor in (("train", 0.5), ("val", 2.0)):
        best = fc.better_baseline(metrics, part)
        metrics["lstm"][part]["rmse"] = factor * metrics[best][part]["rmse"]
    text = state.validation_verdict(replace(result, best_epoch=20, metrics=metrics), state.comparison(metrics, "val"))
    assert "at epoch 20)" in text and "(overfitting)" in text and "try more epochs" not in text.lower()
    # its lowest validation loss in the last tenth of the epochs: perhaps still falling, so more epochs it is
    text = state.validation_verdict(replace(result, best_epoch=46, metrics=metrics), state.comparison(metrics, "val"))
    assert "(epoch 46 of 50)" in text and "try more epochs" in text and "(overfitting)" not in text


@pytest.mark.claims
@pytest.mark.parametrize(
    ("params", "series"),
    [
        ({}, ds.load("airline").values),
        ({"data": "sine", "noise": "0"}, ds.sine(200, 12, 0.0, 0).values),  # both scalers: min -1, max 1
        ({"data": "sine", "noise": "0.5", "dseed": "4"}, ds.sine(200, 12, 0.5, 4).values),
        ({"data": "sine", "noise": "0.5", "dseed": "2"}, ds.sine(200, 12, 0.5, 2).values),
        # the test part beyond the training part's max (157.6 > 154.4) but not the validation part's (190.2)
        ({"data": "sunspots", "test": "0.1"}, ds.load("sunspots").values),
    ],
)
def test_leak_caption_says_what_leaked_for_the_series_shown(params, series):
    """The whole-series scaler was told the future's max or min only where the test part goes beyond every
    value before it; the training-only scaler's honest picture leaves [0, 1] wherever the test part goes
    beyond the training part."""
    at = page(**params)
    assert not at.exception
    (caption,) = [c.value for c in at.caption if c.value.startswith("Fitted on the training part only")]
    fraction = float(params.get("test", 0.25))
    split = fc.split_point(len(series), fraction)
    train, past, test = series[: fc.val_point(len(series), fraction, 0.15)], series[:split], series[split:]
    sides = [side for side, beyond in (("max", test.max() > past.max()), ("min", test.min() < past.min())) if beyond]
    if sides:
        assert f"the scaler was told the future's {' and '.join(sides)}." in caption
    else:
        assert "nothing about the test part leaks" in caption and "told the future" not in caption
    outside = test.max() > train.max() or test.min() < train.min()
    assert ("honest picture" in caption) == ("outside [0, 1]" in caption) == outside


@pytest.mark.trains
@pytest.mark.claims
@pytest.mark.parametrize("epochs", [3, 60])
def test_horizon_caption_compares_the_same_test_points_and_claims_only_what_they_show(epochs):
    from ui import forecast_state as state

    air = ds.load("airline").values
    result = fc.train_forecaster(air, fc.ForecastConfig(epochs=epochs, units=4))
    text = state.horizon_caption(result, air)
    actual, recursive, one_step = air[result.split.split :], result.recursive_test(air), result.test_pred
    assert len(actual) == 36
    errors = []
    for first in (0, 12, 24):
        block = slice(first, first + 12)
        errors.append(tuple(float(np.sqrt(np.mean((actual[block] - p[block]) ** 2))) for p in (recursive, one_step)))
    shown = iter(alike([rmse for pair in errors for rmse in pair]))  # one sentence: the same decimals
    for first in (0, 12, 24):
        assert f"test points {first + 1}–{first + 12}, RMSE {next(shown)} recursive and {next(shown)} one step ahead" in text
    # compounding: the recursive error grows, and so does its multiple of the one-step error of the same points
    ratios = [r / o for r, o in errors]
    grows = errors[0][0] < errors[1][0] < errors[2][0]
    compounds = grows and ratios[0] < ratios[1] < ratios[2] and ratios[2] > 1  # from below 1 too (tests/test_horizon_claims.py)
    above = not compounds and min(ratios) > 1
    assert ("errors compound." in text) == compounds and ("above the one-step error in every block" in text) == above
    assert ("do not show errors compounding" in text) == (not compounds and not above)
    if compounds and min(ratios) > 1:
        assert "({} times it in the first block, {} in the last)".format(*state.times(ratios[0], ratios[2])) in text
    if above:
        assert "({} to {} times)".format(*state.times(min(ratios), max(ratios))) in text
        assert all(float(shown) > 1 for shown in state.times(min(ratios), max(ratios)))


@pytest.mark.trains
@pytest.mark.claims
def test_a_recursive_error_above_the_one_step_error_without_growing_is_said_so():
    """Sunspots: the recursive error is 2-3 times the one-step error in every block, and the last block is
    not the worst. "These numbers do not show errors compounding" was true, but read as "recursive is
    fine"; the caption now says how far above it is, and that it does not grow."""
    from ui import forecast_state as state

    spots = ds.load("sunspots").values
    result = fc.train_forecaster(spots, fc.ForecastConfig(epochs=60, units=4, season=11))
    actual = spots[result.split.split :]
    recursive = [r for *_, r in fc.error_by_horizon(actual, result.recursive_test(spots))]
    one_step = [o for *_, o in fc.error_by_horizon(actual, result.test_pred)]
    ratios = [r / o for r, o in zip(recursive, one_step, strict=True)]
    text = state.horizon_caption(result, spots)
    rising = [bool(np.all(np.diff(errors) > 0)) for errors in (recursive, ratios)]
    if min(ratios) > 1 and not any(rising):
        assert "in every block ({} times)".format(", ".join(state.times(*ratios))) in text
    else:  # another CPU's run may end elsewhere: then the caption says what that run shows
        assert "in every block (" not in text


@pytest.mark.trains
@pytest.mark.claims
def test_the_results_warn_when_values_near_0_make_mape_rank_otherwise():
    """Sunspots go down to 1.4 beside a largest of 190.2: a small error there is a huge percentage. The
    caption quotes those two numbers; airline, far from 0, has none."""
    spots = ds.load("sunspots").values
    at = train_until_done(page(data="sunspots", epochs=2, units=4))
    low = spots[spots > 0].min()
    said = [c.value for c in at.caption if c.value.startswith("This series has values close to 0")]
    quoted = f"This series has values close to 0 (as small as {low:.4g}, against a largest of {spots.max():.4g})."
    assert len(said) == 1 and said[0].startswith(quoted) and low < 0.05 * spots.max()
    at = train_until_done(page(epochs=2, units=4))
    assert not [c for c in at.caption if c.value.startswith("This series has values close to 0")]


@pytest.mark.trains
def test_the_test_pair_to_look_inside_lives_in_the_link():
    """A shared link shows the same pair after training (the slider had not been in the link)."""
    air = ds.load("airline").values
    at = train_until_done(page(epochs=1, units=4, pair_36=5))
    (slider,) = [s for s in at.slider if s.key.endswith("pair_36")]
    split = fc.split_point(len(air), 0.25)
    assert slider.value == 5 and any(re.search(rf"next value {air[split + 4]:g}(\.\d+)?, predicted", c.value) for c in at.caption)
    slider.set_value(7).run()
    assert at.query_params["pair_36"] == "7"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_upload_label_names_every_file_type_accepted(lang):
    at = page(lang, data="upload")
    (uploader,) = at.get("file_uploader")
    # any file reaches the page, which refuses another kind in the learner's language (datasets/upload.py)
    assert not uploader.proto.type and all(kind in uploader.proto.label for kind in (".csv", ".txt", ".xlsx"))


@pytest.mark.trains
def test_the_progress_label_counts_the_runs_epochs_not_the_slider_moved_since():
    """The Epochs slider dragged to 1 during a 300-epoch run: the progress read "epoch 314/1"."""
    at = page(epochs=300)
    at.button(key="forecast_train").click().run()
    job = at.session_state["_jobs"]["forecast"]
    try:
        deadline = time.monotonic() + 60
        while not job.progress and time.monotonic() < deadline:
            time.sleep(0.2)
        at.slider(key="forecast:epochs").set_value(1).run()
        (shown,) = [p.proto.text for p in at.get("progress")]
        assert re.search(r"Epoch \d+/300 ", shown), shown
    finally:
        job.stop()
        job.thread.join(timeout=30)
