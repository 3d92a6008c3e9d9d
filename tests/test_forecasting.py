"""The forecasting core: windowing, the split on time, the leak-free scaler (scikit-learn as the
oracle), the metrics (scikit-learn), baselines, determinism per seed and the recursive forecast."""

import math
from dataclasses import replace

import numpy as np
import pytest
import torch
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from sklearn.preprocessing import MinMaxScaler as SkMinMaxScaler

from datasets import series as ds
from lstm_core import forecasting as fc
from lstm_core import from_torch
from lstm_core.errors import UserInputError

# As in ui.page: on a loaded 2-core machine, torch's intra-op threads fight each other for tiny models
torch.set_num_threads(1)


def test_windows_are_consecutive_pairs():
    s = np.arange(10.0) ** 2
    X, y = fc.make_windows(s, 3)
    assert X.shape == (7, 3) and y.shape == (7,)
    for k in range(7):
        np.testing.assert_array_equal(X[k], s[k : k + 3])
        assert y[k] == s[k + 3]


def test_window_too_long_is_a_learner_error():
    with pytest.raises(UserInputError) as err:
        fc.make_windows(np.arange(5.0), 5)
    assert err.value.key == "forecast.err_too_short"
    with pytest.raises(UserInputError) as err:
        fc.split_windows(np.arange(20.0), 12, 0.25)
    assert err.value.key == "forecast.err_too_short" and err.value.params["n"] == 20


def test_validation_tail_lies_between_training_and_test():
    s = np.arange(100.0)
    parts = fc.split_windows(s, 12, 0.25, 0.15)
    assert (parts.val_start, parts.split) == (60, 75)
    assert parts.train_index.max() < parts.val_start <= parts.val_index.min()
    assert parts.val_index.max() < parts.split <= parts.test_index.min()
    assert len(parts.y_train) + len(parts.y_val) + len(parts.y_test) == 100 - 12
    np.testing.assert_array_equal(parts.y_val, s[60:75])
    assert len(fc.split_windows(s, 12, 0.25).y_val) == 0  # no validation part unless asked for


def test_better_baseline_is_the_one_with_the_lower_rmse():
    m = {"persistence": {"test": {"rmse": 50.3}}, "seasonal_naive": {"test": {"rmse": 42.0}}}
    assert fc.better_baseline(m, "test") == "seasonal_naive"
    m["seasonal_naive"]["test"]["rmse"] = 60.0
    assert fc.better_baseline(m, "test") == "persistence"
    m["persistence"]["test"]["rmse"], m["seasonal_naive"]["test"]["rmse"] = 70.0, math.nan  # unscored: cannot win
    assert fc.better_baseline(m, "test") == "persistence"


def test_split_is_on_time_and_test_targets_come_after_train_targets():
    s = np.arange(100.0)
    parts = fc.split_windows(s, 12, 0.25)
    assert parts.split == 75
    assert parts.train_index.max() < parts.split <= parts.test_index.min()
    assert parts.test_index.max() == 99 and len(parts.y_test) == 25
    np.testing.assert_array_equal(parts.y_test, s[75:])
    # every test window holds only values before its target
    assert (parts.X_test.max(axis=1) < parts.y_test).all()


def test_scaler_matches_sklearn_fitted_on_training_values_only():
    rng = np.random.default_rng(3)
    s = np.cumsum(rng.normal(size=120)) + 50
    split = fc.split_point(len(s), 0.25)
    ours = fc.fit_scaler(s, split)
    oracle = SkMinMaxScaler().fit(s[:split, None])
    np.testing.assert_allclose(ours.transform(s), oracle.transform(s[:, None])[:, 0])
    np.testing.assert_allclose(ours.inverse(ours.transform(s)), s)
    assert (ours.min, ours.max) == (s[:split].min(), s[:split].max())
    leaky = fc.fit_scaler(s, split, leaky=True)
    np.testing.assert_allclose(leaky.transform(s), SkMinMaxScaler().fit_transform(s[:, None])[:, 0])


@pytest.mark.trains
def test_the_test_part_steers_nothing():
    """Changing only the test part must leave the scalers, the curves, the chosen epoch and every
    prediction before the test part unchanged: only the final test score may move."""
    s = ds.load("airline").values
    cfg = fc.ForecastConfig(epochs=4, units=4)
    a = fc.train_forecaster(s, cfg)
    changed = s.copy()
    changed[a.split.split :] *= 10  # a wildly different future
    b = fc.train_forecaster(changed, cfg)
    # the final model is refitted on training + validation: its scaler sees the whole past, never the test part
    assert (a.scaler.min, a.scaler.max) == (b.scaler.min, b.scaler.max) == (s[: a.split.split].min(), s[: a.split.split].max())
    assert a.history.epochs == b.history.epochs and "val_loss" in a.history.epochs[-1]
    assert a.best_epoch == b.best_epoch == min(a.history.epochs, key=lambda e: e["val_loss"])["epoch"]
    assert len(a.refit_history.epochs) == a.best_epoch and a.refit_history.epochs == b.refit_history.epochs
    np.testing.assert_array_equal(a.recursive_test(s), b.recursive_test(changed))  # never reads a test value
    np.testing.assert_array_equal(a.train_pred, b.train_pred)
    np.testing.assert_array_equal(a.val_pred, b.val_pred)
    assert a.metrics["lstm"]["val"] == b.metrics["lstm"]["val"] and a.metrics["lstm"]["test"] != b.metrics["lstm"]["test"]
    leaky = fc.train_forecaster(changed, fc.ForecastConfig(epochs=3, units=4, leaky=True))
    assert leaky.scaler.max == changed.max() > a.scaler.max


def test_leak_summary_shows_test_values_leaving_the_unit_interval():
    s = ds.load("airline").values
    summary = fc.leak_summary(s, fc.split_point(len(s), 0.25))
    assert summary["train_only"]["test_high"] > 1.2  # the trend leaves the training range
    assert summary["whole_series"]["test_high"] == pytest.approx(1.0)


def test_metrics_match_sklearn():
    rng = np.random.default_rng(0)
    actual = rng.uniform(1, 100, 50)
    predicted = actual + rng.normal(0, 5, 50)
    assert fc.rmse(actual, predicted) == pytest.approx(math.sqrt(mean_squared_error(actual, predicted)))
    assert fc.mae(actual, predicted) == pytest.approx(mean_absolute_error(actual, predicted))
    assert fc.mape(actual, predicted) == pytest.approx(100 * mean_absolute_percentage_error(actual, predicted))


def test_mape_skips_zero_actuals():
    assert fc.mape([0.0, 10.0], [5.0, 12.0]) == pytest.approx(20.0)
    assert math.isnan(fc.mape([0.0, 0.0], [1.0, 2.0]))
    # a noise-free sine's zeros are 1.2e-16, not 0: negligible next to the series' size, so skipped too
    actual = np.array([math.sin(math.pi), 2.0])
    assert actual[0] != 0 and fc.mape(actual, [0.5, 2.5]) == pytest.approx(25.0)


@pytest.mark.parametrize("noise", [0.0, 0.1])
def test_mape_is_not_reported_for_a_series_that_crosses_zero(noise):
    sine = ds.sine(200, 12, noise, 0).values
    assert not fc.mape_meaningful(sine)
    index = np.arange(12, 200)
    assert all(math.isnan(s["mape"]) for s in fc.baseline_scores(sine, index, 12).values())
    # a positive series keeps its MAPE, exactly sklearn's; one touching 0 from above skips its zeros only
    air = ds.load("airline").values
    index = np.arange(12, len(air))
    assert fc.mape_meaningful(air) and fc.baseline_scores(air, index, 12)["persistence"]["mape"] == pytest.approx(
        100 * mean_absolute_percentage_error(air[index], air[index - 1])
    )
    sunspots = ds.load("sunspots").values
    kept = index[sunspots[index] != 0]
    assert fc.mape_meaningful(sunspots) and fc.baseline_scores(sunspots, index, 12)["persistence"]["mape"] == pytest.approx(
        100 * mean_absolute_percentage_error(sunspots[kept], sunspots[kept - 1])
    )


def test_baselines():
    s = np.array([1.0, 2, 3, 4, 5, 6, 7, 8])
    index = np.array([4, 5, 6, 7])
    np.testing.assert_array_equal(fc.persistence(s, index), [4, 5, 6, 7])
    np.testing.assert_array_equal(fc.seasonal_naive(s, index, 4), [1, 2, 3, 4])
    assert np.isnan(fc.seasonal_naive(s, np.array([2, 5]), 4)[0])
    scores = fc.baseline_scores(s, index, 4)
    assert scores["persistence"]["rmse"] == pytest.approx(1.0)
    assert scores["seasonal_naive"]["mae"] == pytest.approx(4.0)


@pytest.mark.parametrize(("n", "window", "test", "val"), [(60, 48, 0.25, 0.15), (80, 48, 0.25, 0.15), (144, 48, 0.5, 0.3)])
def test_the_too_short_error_names_a_length_that_is_long_enough(n, window, test, val):
    """It had named n plus what n lacked (80, then 88), but the held-out parts grow with the length: the
    length it names passes the check, and one value fewer does not."""
    with pytest.raises(UserInputError) as error:
        fc.check_length(n, window, test, val)
    need = error.value.params["need"]
    fc.check_length(need, window, test, val)
    with pytest.raises(UserInputError):
        fc.check_length(need - 1, window, test, val)


def test_every_baseline_is_scored_on_the_lstm_s_points_or_not_at_all():
    """Seasonal naive scored on the 10 of 15 test points that have a season of history was compared with an
    LSTM scored on all 15 (sine, length 60, period 50): it has a score only where it covers every point."""
    s = np.arange(20.0) ** 2
    partial, whole = np.arange(2, 8), np.arange(4, 10)
    assert all(math.isnan(v) for v in fc.baseline_scores(s, partial, 4)["seasonal_naive"].values())
    assert fc.baseline_scores(s, partial, 4)["persistence"]["rmse"] == pytest.approx(fc.rmse(s[partial], s[partial - 1]))
    assert fc.baseline_scores(s, whole, 4)["seasonal_naive"]["rmse"] == pytest.approx(fc.rmse(s[whole], s[whole - 4]))
    metrics = {"persistence": {"test": {"rmse": 3.0}}, "seasonal_naive": {"test": {"rmse": math.nan}}}
    assert fc.better_baseline(metrics, "test") == "persistence"


def test_model_is_deterministic_per_seed_and_matches_the_recorder():
    a, b, c = fc.build_model(2, 5, seed=7), fc.build_model(2, 5, seed=7), fc.build_model(2, 5, seed=8)
    for (name, pa), pb, pc in zip(a.state_dict().items(), b.state_dict().values(), c.state_dict().values(), strict=True):
        assert torch.equal(pa, pb), name
        assert not torch.equal(pa, pc), name
    assert fc.parameter_count(2, 5) == sum(p.numel() for p in a.parameters())
    windows = np.random.default_rng(1).uniform(0, 1, (3, 6))
    out, _ = a.lstm(torch.as_tensor(windows, dtype=torch.float32).unsqueeze(-1))  # (3, 6, 5)
    trace = from_torch(a.lstm).record(windows[:, :, None])  # batch-first recorder
    np.testing.assert_allclose(trace.h[-1], out[:, -1].detach().numpy(), atol=1e-5)


@pytest.mark.trains
def test_training_is_reproducible_and_reports_progress():
    s = ds.sine(80, 16, 0.05, seed=1).values
    cfg = fc.ForecastConfig(window=8, epochs=4, units=6, batch_size=8, season=16)
    seen = []
    a = fc.train_forecaster(s, cfg, on_progress=seen.append)
    b = fc.train_forecaster(s, cfg)
    np.testing.assert_array_equal(a.test_pred, b.test_pred)
    assert len(a.history.epochs) == 4 and sum(p.epoch_end for p in seen) == 4
    assert "val_loss" in a.history.epochs[-1] and "test_loss" not in a.history.epochs[-1]
    assert set(a.metrics) == {"lstm", "persistence", "seasonal_naive"}
    assert a.metrics["lstm"]["test"]["rmse"] == pytest.approx(fc.rmse(a.split.y_test, a.test_pred))


@pytest.mark.trains
def test_stop_button_stops_within_an_epoch():
    s = ds.sine(120, 20, 0.05).values
    calls = []
    result = fc.train_forecaster(
        s, fc.ForecastConfig(epochs=50, units=4, season=20), should_stop=lambda: calls.append(1) or len(calls) > 2
    )
    assert result.history.stopped == "stopped" and len(result.history.epochs) == 1
    assert np.isfinite(result.test_pred).all()


def test_recursive_forecast_feeds_predictions_back():
    model = fc.build_model(1, 4, seed=0)
    last = np.linspace(0, 1, 5)
    out = fc.recursive_forecast(model, last, 3)
    first = fc.predict(model, last[None])[0]
    second = fc.predict(model, np.r_[last[1:], first][None])[0]
    np.testing.assert_allclose(out[:2], [first, second], rtol=1e-6)


@pytest.mark.trains
def test_default_forecaster_learns_a_sine():
    s = ds.sine(200, 25, 0.05, seed=0).values
    result = fc.train_forecaster(s, fc.ForecastConfig(epochs=40, units=16, season=25))
    assert result.metrics["lstm"]["test"]["rmse"] < result.metrics["persistence"]["test"]["rmse"]


@pytest.mark.trains
def test_non_finite_series_is_refused():
    s = ds.sine(100).values
    s[10] = np.nan
    with pytest.raises(UserInputError) as err:
        fc.train_forecaster(s, fc.ForecastConfig(epochs=1))
    assert err.value.key == "forecast.err_not_finite"


def test_shipped_series_load():
    for name, info in ds.REAL.items():
        series = ds.load(name)
        assert len(series.values) == len(series.labels) > 100 and np.isfinite(series.values).all(), name
        assert series.season == info.season
    air = ds.load("airline")
    assert len(air.values) == 144 and air.values[0] == 112 and air.values[-1] == 432 and air.labels[0] == "1949-01"


def test_synthetic_series_are_seeded():
    np.testing.assert_array_equal(ds.sine(50, seed=3).values, ds.sine(50, seed=3).values)
    assert not np.array_equal(ds.trend_season(50, seed=3).values, ds.trend_season(50, seed=4).values)


@pytest.mark.trains
def test_the_refit_is_a_fresh_run_on_the_whole_past_for_the_chosen_epochs():
    """Oracle: the same series with no validation part and `best_epoch` epochs trains on exactly the pairs
    before the test part with a scaler fitted on them; the refit must give its test predictions."""
    s = ds.sine(90, 15, 0.05, seed=3).values
    cfg = fc.ForecastConfig(window=6, epochs=6, units=4, batch_size=8, season=15)
    seen, refit_seen = [], []
    refitted = fc.train_forecaster(s, cfg, on_progress=seen.append, on_refit_progress=refit_seen.append)
    kept = fc.train_forecaster(s, replace(cfg, refit=False))
    assert refitted.refitted and not kept.refitted and len(refitted.refit_history.epochs) == refitted.best_epoch
    # the page's live panel: the first run's epochs, then the refit's, each reported on its own callback
    assert sum(p.epoch_end for p in seen) == 6 and sum(p.epoch_end for p in refit_seen) == refitted.best_epoch
    assert all("val_loss" not in p.metrics for p in refit_seen)
    # the choice of the epochs and everything before the test part are the validation run's
    assert refitted.best_epoch == kept.best_epoch and refitted.metrics["lstm"]["val"] == kept.metrics["lstm"]["val"]
    np.testing.assert_array_equal(refitted.val_pred, kept.val_pred)
    split = refitted.split.split
    assert (refitted.scaler.min, refitted.scaler.max) == (s[:split].min(), s[:split].max())
    whole_past = fc.train_forecaster(s, replace(cfg, val_fraction=0.0, epochs=refitted.best_epoch, refit=False))
    assert whole_past.split.split == split and len(whole_past.split.y_train) == len(refitted.split.y_train) + len(
        refitted.split.y_val
    )
    np.testing.assert_array_equal(refitted.test_pred, whole_past.test_pred)
    assert refitted.metrics["lstm"]["test"] != kept.metrics["lstm"]["test"]


@pytest.mark.trains
def test_a_stop_during_the_refit_keeps_the_validation_run_s_model():
    s = ds.sine(90, 15, 0.05, seed=3).values
    cfg = fc.ForecastConfig(window=6, epochs=3, units=4, batch_size=8, season=15)
    kept = fc.train_forecaster(s, replace(cfg, refit=False))
    first_run = 3 * math.ceil(len(kept.split.y_train) / cfg.batch_size)  # batches before the refit starts
    calls = []
    stopped = fc.train_forecaster(s, cfg, should_stop=lambda: calls.append(1) or len(calls) > first_run + 1)
    assert stopped.history.stopped is None and stopped.refit_history.stopped == "stopped" and not stopped.refitted
    np.testing.assert_array_equal(stopped.test_pred, kept.test_pred)


def test_error_by_horizon_splits_the_steps_into_blocks():
    actual = np.arange(7.0)
    predicted = actual + np.array([1, 1, 1, 2, 2, 3, 3])
    assert fc.error_by_horizon(actual, predicted) == [(1, 3, 1.0), (4, 5, 2.0), (6, 7, 3.0)]
    assert fc.error_by_horizon(actual[:2], predicted[:2]) == [(1, 1, 1.0), (2, 2, 1.0)]


@pytest.mark.trains
def test_the_recursive_test_forecast_feeds_its_own_predictions_from_the_last_past_window():
    s = ds.sine(90, 15, 0.05, seed=3).values
    result = fc.train_forecaster(s, fc.ForecastConfig(window=6, epochs=2, units=4, season=15))
    split = result.split.split
    window = list(result.scaler.transform(s[split - 6 : split]))
    expected = []
    for _ in range(len(s) - split):
        nxt = float(fc.predict(result.model, np.array([window]))[0])
        expected.append(nxt)
        window = window[1:] + [nxt]
    np.testing.assert_allclose(result.recursive_test(s), result.scaler.inverse(expected), rtol=1e-6)
