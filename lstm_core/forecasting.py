"""Forecasting a univariate series with a stacked LSTM, the way tutorials do it, but leak-free:
split on time into training, validation and test parts, fit the Min-Max scaler on the training part
only, cut (window, next value) pairs, train with the shared loop (its curves and the choice of the
number of epochs look at the validation part only), then refit on training + validation for that
many epochs (scaler refitted on those two parts), score the test part once, and judge the model
against the naive baselines it has to beat.

NumPy and torch only. Series are 1-D float arrays (N,); windows are (n_pairs, window). torch is
imported only where a model is built or run: /forecast's first view (split, scaler, baselines) does
not wait for its import, 2-3 s on a 2-core server that has just started.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .errors import UserInputError
from .recorder import random_recorder, to_torch

if TYPE_CHECKING:
    import torch

    from .torch_cells import Forecaster
    from .training import History

MIN_TRAIN_PAIRS = 8  # fewer (window, next value) pairs than this cannot teach a model anything
MIN_TEST_POINTS = 2
MIN_VAL_POINTS = 2


# --- windowing and the split on time ------------------------------------------------------------


def make_windows(series: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Every (window, next value) pair: X[k] = series[k : k+window], y[k] = series[k+window].
    Returns X (N - window, window) and y (N - window,)."""
    series = np.asarray(series, dtype=float)
    if window < 1:
        raise UserInputError("forecast.err_window", window=window)
    n_pairs = len(series) - window
    if n_pairs < 1:
        raise UserInputError("forecast.err_too_short", n=len(series), window=window, need=window + 1)
    X = np.lib.stride_tricks.sliding_window_view(series, window)[:n_pairs].copy()  # (n_pairs, window)
    y = series[window:].copy()  # (n_pairs,)
    return X, y


def split_point(n: int, test_fraction: float) -> int:
    """Index of the first test value: everything before it is training data, nothing is shuffled
    across it."""
    return n - max(MIN_TEST_POINTS, round(n * test_fraction))


def val_point(n: int, test_fraction: float, val_fraction: float) -> int:
    """Index of the first validation value: the validation part is the tail of the past, just before
    the test part (with val_fraction 0 there is none and this is the test part's start)."""
    test_start = split_point(n, test_fraction)
    return test_start - max(MIN_VAL_POINTS, round(n * val_fraction)) if val_fraction > 0 else test_start


def check_length(n: int, window: int, test_fraction: float, val_fraction: float = 0.0):
    """Raise a learner-readable error when the series is too short for this window and split, naming
    the shortest length that is long enough (the held-out parts grow with the length, so n plus what
    this length lacks is not)."""

    def long_enough(m: int) -> bool:
        return val_point(m, test_fraction, val_fraction) - window >= MIN_TRAIN_PAIRS

    if not long_enough(n):
        need = next(m for m in itertools.count(n + 1) if long_enough(m))  # test + validation ≤ 0.8: it ends
        raise UserInputError("forecast.err_too_short", n=n, window=window, need=need)


@dataclass
class Split:
    """Pairs on each side of the splits, by where their *target* lies: training, validation (the
    tail of the past, for curves and choices) and test (scored once). A pair's window may reach back
    into an earlier part: those values are the past, known at prediction time."""

    split: int  # index of the first test value
    X_train: np.ndarray  # (n_train, window)
    y_train: np.ndarray  # (n_train,)
    X_test: np.ndarray  # (n_test, window)
    y_test: np.ndarray  # (n_test,)
    train_index: np.ndarray  # (n_train,): position of each training target in the series
    test_index: np.ndarray  # (n_test,)
    val_start: int  # index of the first validation value (== split when there is no validation part)
    X_val: np.ndarray  # (n_val, window)
    y_val: np.ndarray  # (n_val,)
    val_index: np.ndarray  # (n_val,)


def split_windows(series: np.ndarray, window: int, test_fraction: float, val_fraction: float = 0.0) -> Split:
    check_length(len(series), window, test_fraction, val_fraction)
    split = split_point(len(series), test_fraction)
    val_start = val_point(len(series), test_fraction, val_fraction)
    X, y = make_windows(series, window)
    target_index = np.arange(window, len(series))  # (n_pairs,)
    train, test = target_index < val_start, target_index >= split
    val = ~train & ~test
    return Split(
        split, X[train], y[train], X[test], y[test], target_index[train], target_index[test],
        val_start, X[val], y[val], target_index[val],
    )  # fmt: skip


# --- Min-Max scaling --------------------------------------------------------------------------


@dataclass
class MinMaxScaler:
    """x' = (x - min) / (max - min), with min and max taken from the values it is fitted on."""

    min: float = 0.0
    max: float = 1.0

    @classmethod
    def fit(cls, values) -> MinMaxScaler:
        values = np.asarray(values, dtype=float)
        return cls(float(values.min()), float(values.max()))

    @property
    def span(self) -> float:
        # A constant training part would divide by zero; a span of 1 keeps it where it is.
        return self.max - self.min if self.max > self.min else 1.0

    def transform(self, values) -> np.ndarray:
        return (np.asarray(values, dtype=float) - self.min) / self.span

    def inverse(self, scaled) -> np.ndarray:
        return np.asarray(scaled, dtype=float) * self.span + self.min


def fit_scaler(series: np.ndarray, split: int, leaky: bool = False) -> MinMaxScaler:
    """The leak-free scaler sees the training part only. `leaky=True` is the usual tutorial code:
    fitted on the whole series before splitting, so the test part's max and min leak into training."""
    return MinMaxScaler.fit(series if leaky else series[:split])


# --- metrics and baselines --------------------------------------------------------------------


def rmse(actual, predicted) -> float:
    return float(np.sqrt(np.mean((np.asarray(actual, float) - np.asarray(predicted, float)) ** 2)))


def mae(actual, predicted) -> float:
    return float(np.mean(np.abs(np.asarray(actual, float) - np.asarray(predicted, float))))


# An actual value whose size is at most this fraction of the series' largest |value| counts as 0:
# a noise-free sine's sin(π) is 1.2e-16, which would otherwise divide a percentage error by almost nothing.
NEGLIGIBLE = 1e-9


def mape(actual, predicted, scale: float | None = None) -> float:
    """Mean absolute percentage error, in percent, over the points whose |actual| is above NEGLIGIBLE *
    scale (default: the largest |actual|), since a percentage of 0 is undefined; NaN if none is."""
    actual, predicted = np.asarray(actual, float), np.asarray(predicted, float)
    if actual.size == 0:
        return math.nan
    scale = float(np.abs(actual).max()) if scale is None else scale
    kept = np.abs(actual) > NEGLIGIBLE * scale
    if not kept.any():
        return math.nan
    return float(np.mean(np.abs((actual[kept] - predicted[kept]) / actual[kept])) * 100)


def mape_meaningful(series) -> bool:
    """False for a series with values on both sides of 0: its values near 0 make percentage errors as
    large as one likes, whatever the forecast, so its MAPE says nothing."""
    series = np.asarray(series, float)
    tiny = NEGLIGIBLE * float(np.abs(series).max())
    return not (series.min() < -tiny and series.max() > tiny)


def scores(actual, predicted, series) -> dict:
    """RMSE, MAE and MAPE of `predicted` on `actual`, points of `series`: MAPE measures against the whole
    series' size, and is NaN where it crosses 0 (mape_meaningful)."""
    series = np.asarray(series, float)
    percent = mape(actual, predicted, float(np.abs(series).max())) if mape_meaningful(series) else math.nan
    return {"rmse": rmse(actual, predicted), "mae": mae(actual, predicted), "mape": percent}


def persistence(series: np.ndarray, index: np.ndarray) -> np.ndarray:
    """The naive forecast: the next value equals the last one seen. Returns (len(index),)."""
    return np.asarray(series, float)[np.asarray(index) - 1]


def seasonal_naive(series: np.ndarray, index: np.ndarray, season: int) -> np.ndarray:
    """The next value equals the value one season earlier; NaN where the series is not that long."""
    index = np.asarray(index)
    out = np.full(len(index), np.nan)
    known = index - season >= 0
    out[known] = np.asarray(series, float)[index[known] - season]
    return out


BASELINES = ("persistence", "seasonal_naive")


def better_baseline(metrics: dict, part: str) -> str:
    """The baseline with the lower RMSE on `part` ("val" or "test"): the one a model has to beat.
    A baseline without a score there (seasonal naive where a target has no season of history) cannot win."""
    scored = [(metrics[name][part]["rmse"], name) for name in BASELINES if math.isfinite(metrics[name][part]["rmse"])]
    return min(scored)[1] if scored else "persistence"


def baseline_scores(series, index, season) -> dict:
    """{name: scores} for the two baselines on the targets at `index`, the points the LSTM is scored
    on. Seasonal naive has no score (NaN) where a target has no season of history: scored on the
    others only, it was compared with an LSTM scored on all of them."""
    actual = np.asarray(series, float)[index]
    seasonal = seasonal_naive(series, index, season)
    out = {"persistence": scores(actual, persistence(series, index), series)}
    out["seasonal_naive"] = (
        dict.fromkeys(("rmse", "mae", "mape"), math.nan) if np.isnan(seasonal).any() else scores(actual, seasonal, series)
    )
    return out


# --- the model --------------------------------------------------------------------------------


@dataclass
class ForecastConfig:
    window: int = 12  # time_step: how many past values the model sees
    test_fraction: float = 0.25  # the last quarter of the series is the test part, scored once
    layers: int = 1  # stacked LSTM layers
    units: int = 32  # hidden units per layer
    epochs: int = 500  # an upper bound: the best validation epoch sets the refit's epochs (bench/forecast_airline.py)
    batch_size: int = 16
    lr: float = 0.01
    optimizer: str = "adam"
    seed: int = 0
    season: int = 12  # for the seasonal-naive baseline (12 for monthly data)
    leaky: bool = False  # fit the scaler on the whole series (the tutorial mistake), for comparison
    val_fraction: float = 0.15  # the tail of the past before the test part: the curves and the number of epochs
    # After the validation part has chosen the number of epochs, train again from the same seed on
    # training + validation for that many epochs: the model then knows the most recent past, which
    # on a trending series is closest to the test part (bench/forecast_airline.py).
    refit: bool = True


def build_model(layers: int, units: int, seed: int) -> Forecaster:
    """Weights drawn from the seed's own generators: the same seed gives the same model in every
    session, and no process-wide random state is touched or relied on."""
    import torch

    from .torch_cells import Forecaster

    recorder = random_recorder("lstm", 1, units, num_layers=layers, seed=seed)
    recorder.batch_first = True
    lstm = to_torch(recorder)
    head = torch.nn.Linear(units, 1)
    # Not torch_cells.init_linear_: its uniform_ draws the same numbers but rounds some in the last
    # bit differently, and training on airline is chaotic in that bit (seed 0's test RMSE 36.5 -> 43.9).
    generator = torch.Generator().manual_seed(seed + 1)
    bound = 1.0 / math.sqrt(units)
    with torch.no_grad():
        head.weight.copy_(torch.rand(head.weight.shape, generator=generator) * 2 * bound - bound)
        head.bias.copy_(torch.rand(head.bias.shape, generator=generator) * 2 * bound - bound)
    return Forecaster(lstm, head)


def parameter_count(layers: int, units: int, biases: int = 2) -> int:
    """Trainable weights: each LSTM layer has 4 gate blocks of (inputs + H + biases) x H, the head H + 1.
    PyTorch gives each gate two biases (b_i· and b_h·), Keras one."""
    lstm = sum(4 * units * ((1 if k == 0 else units) + units + biases) for k in range(layers))
    return lstm + units + 1


def predict(model: Forecaster, windows: np.ndarray) -> np.ndarray:
    """Scaled windows (n, T) -> scaled next values (n,)."""
    if len(windows) == 0:  # an empty part (no validation part): nothing to run through the LSTM
        return np.zeros(0)
    import torch

    model.eval()
    with torch.no_grad():
        return model(torch.as_tensor(np.asarray(windows), dtype=torch.float32)).numpy().astype(float)


def recursive_forecast(model: Forecaster, last_window: np.ndarray, horizon: int) -> np.ndarray:
    """Forecast `horizon` steps beyond the data by feeding each prediction back in as the newest
    value of the window (scaled values in and out). Returns (horizon,)."""
    window = list(np.asarray(last_window, float))
    out = []
    for _ in range(horizon):
        nxt = float(predict(model, np.array([window]))[0])
        out.append(nxt)
        window = window[1:] + [nxt]
    return np.array(out)


@dataclass
class ForecastResult:
    config: ForecastConfig
    model: Forecaster
    scaler: MinMaxScaler
    split: Split
    history: History
    train_pred: np.ndarray  # (n_train,) original units
    test_pred: np.ndarray  # (n_test,) original units
    val_pred: np.ndarray  # (n_val,) original units
    best_epoch: int | None  # the epoch whose weights were kept: lowest validation loss (None without validation)
    metrics: dict = field(default_factory=dict)  # {"lstm"|"persistence"|"seasonal_naive": {"train"|"val"|"test": scores}}
    # When `refitted`, the final model was trained again on training + validation for `best_epoch` epochs:
    # `model` and `scaler` are the refitted ones (they made `test_pred` and make the forecast), while
    # train_pred, val_pred and the train and validation scores come from the model that chose the epoch.
    refit_history: History | None = None  # the refit's losses (stopped == "stopped": the refit was stopped)

    @property
    def refitted(self) -> bool:
        return self.refit_history is not None and self.refit_history.stopped is None

    def forecast(self, series: np.ndarray, horizon: int) -> np.ndarray:
        """The recursive forecast beyond the end of `series`, in original units."""
        last = self.scaler.transform(np.asarray(series, float)[-self.config.window :])
        return self.scaler.inverse(recursive_forecast(self.model, last, horizon))

    def recursive_test(self, series: np.ndarray) -> np.ndarray:
        """The test part forecast the way the future is: from the last window before it, each prediction fed
        back in, no actual test value ever read. Returns (n_test,), original units."""
        return self.forecast(np.asarray(series, float)[: self.split.split], len(series) - self.split.split)


def train_forecaster(
    series: np.ndarray,
    config: ForecastConfig,
    on_progress: Callable | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_refit_progress: Callable | None = None,
) -> ForecastResult:
    """Split, scale (on the training part only unless config.leaky), window, train, predict, score.
    Only the validation part steers anything: its loss is the curve shown during training, and the
    epoch with the lowest validation loss is the one chosen. With config.refit, a fresh model from
    the same seed is then trained on training + validation for that many epochs (its scaler fitted
    on those two parts only); otherwise the chosen epoch's weights are kept. The test part is
    predicted and scored once, at the end. A stop during the refit keeps the chosen epoch's weights."""
    import torch

    series = np.asarray(series, dtype=float)
    if not np.isfinite(series).all():
        raise UserInputError("forecast.err_not_finite")
    parts = split_windows(series, config.window, config.test_fraction, config.val_fraction)
    scaler = fit_scaler(series, parts.val_start, leaky=config.leaky)
    has_val = len(parts.y_val) > 0
    mse = torch.nn.functional.mse_loss
    X_val, y_val = _scaled(scaler, parts.X_val), _scaled(scaler, parts.y_val)  # (n_val, T), (n_val,)

    def evaluate(m):
        return {"val_loss": float(mse(m(X_val), y_val))} if has_val else {}

    monitor = "-val_loss" if has_val else None
    patience = config.epochs if has_val else None  # track the best validation epoch, never stop early
    model, history = _fit(
        parts.X_train, parts.y_train, scaler, config, config.epochs, patience, evaluate, monitor, on_progress, should_stop
    )
    if history.stopped == "nan":
        raise UserInputError("forecast.err_diverged", lr=config.lr)
    best_epoch = None
    if history.best_state is not None and history.stopped is None:  # the model has that epoch's weights
        best_epoch = lowest_val_epoch(history)
    train_pred, val_pred = (scaler.inverse(predict(model, scaler.transform(X))) for X in (parts.X_train, parts.X_val))
    refit_history = None
    if config.refit and best_epoch is not None:
        # the scaler now sees training + validation (the whole past), still never the test part
        refit_scaler = fit_scaler(series, parts.split, leaky=config.leaky)
        X_past, y_past = np.concatenate([parts.X_train, parts.X_val]), np.concatenate([parts.y_train, parts.y_val])
        refitted, refit_history = _fit(
            X_past, y_past, refit_scaler, config, best_epoch, None, None, None, on_refit_progress, should_stop
        )
        if refit_history.stopped == "nan":
            raise UserInputError("forecast.err_diverged", lr=config.lr)
        if refit_history.stopped is None:
            model, scaler = refitted, refit_scaler
    test_pred = scaler.inverse(predict(model, scaler.transform(parts.X_test)))
    metrics = {"lstm": {"train": scores(parts.y_train, train_pred, series), "test": scores(parts.y_test, test_pred, series)}}
    if has_val:
        metrics["lstm"]["val"] = scores(parts.y_val, val_pred, series)
    indices = {"train": parts.train_index, "val": parts.val_index, "test": parts.test_index}
    for part, index in indices.items():
        if len(index) == 0:
            continue
        for name, value in baseline_scores(series, index, config.season).items():
            metrics.setdefault(name, {})[part] = value
    return ForecastResult(
        config, model, scaler, parts, history, train_pred, test_pred, val_pred, best_epoch, metrics, refit_history
    )


def lowest_val_epoch(history: History) -> int | None:
    """The epoch with the lowest validation loss among whole epochs, the ones the loss chart shows (a
    stopped run ends on the part of an epoch it reached); None when there is none."""
    whole = history.epochs[:-1] if history.stopped == "stopped" else history.epochs
    scored = [e for e in whole if "val_loss" in e]
    return min(scored, key=lambda e: e["val_loss"])["epoch"] if scored else None


def _scaled(scaler: MinMaxScaler, values) -> torch.Tensor:
    import torch

    return torch.as_tensor(scaler.transform(values), dtype=torch.float32)


def _fit(X, y, scaler, config, epochs, patience, evaluate, monitor, on_progress, should_stop):
    """A fresh model from config.seed trained on the scaled pairs (X, y) for `epochs` epochs."""
    import torch

    from .training import Shuffled, TrainConfig, fit

    model = build_model(config.layers, config.units, config.seed)
    train_config = TrainConfig(
        epochs=epochs, batch_size=config.batch_size, lr=config.lr, optimizer=config.optimizer, seed=config.seed,
        patience=patience,
    )  # fmt: skip
    mse = torch.nn.functional.mse_loss
    batches = Shuffled(_scaled(scaler, X), _scaled(scaler, y), train_config.batch_size, train_config.seed)  # (n, T), (n,)
    history = fit(model, batches, mse, train_config, evaluate, monitor, on_progress, should_stop)
    return model, history


def error_by_horizon(actual, predicted, blocks: int = 3) -> list[tuple[int, int, float]]:
    """RMSE over consecutive blocks of forecast steps: [(first step, last step, rmse)], steps counted from 1.
    On a recursive forecast, how the error changes with the horizon."""
    steps = np.array_split(np.arange(len(actual)), min(blocks, len(actual)))
    actual, predicted = np.asarray(actual, float), np.asarray(predicted, float)
    return [(int(k[0]) + 1, int(k[-1]) + 1, rmse(actual[k], predicted[k])) for k in steps]


def leak_summary(series: np.ndarray, split: int, fit_end: int | None = None) -> dict:
    """What each scaler makes of the test part (from `split` on): the leaky one keeps it inside
    [0, 1] only because it already saw the test part's max and min. The clean one is fitted on the
    values before `fit_end` (the training part; default `split`)."""
    series = np.asarray(series, float)
    out = {}
    for name, leaky in (("train_only", False), ("whole_series", True)):
        scaler = fit_scaler(series, split if fit_end is None else fit_end, leaky=leaky)
        test_scaled = scaler.transform(series[split:])
        out[name] = {
            "min": scaler.min,
            "max": scaler.max,
            "test_low": float(test_scaled.min()),
            "test_high": float(test_scaled.max()),
        }
    return out
