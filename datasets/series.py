"""Time series for the forecasting lab: three real ones shipped in data/series/ (cards in
datasets/SERIES.md) and two seeded synthetic ones. No Streamlit here; nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).parent / "data" / "series"


@dataclass(frozen=True)
class Series:
    name: str  # a dataset id ("airline") or a file's column name
    values: np.ndarray  # (N,) float
    labels: tuple  # (N,) what each time step is called: "1949-01", 1700, or 0, 1, 2…
    season: int  # season length for the seasonal-naive baseline
    unit: str = ""  # e.g. "thousands of passengers"; a string key when it starts with "forecast."
    uploaded: bool = False  # name is a column of the learner's file, even one called "airline" or "sine"


@dataclass(frozen=True)
class RealSeries:
    file: str
    time_column: str
    value_column: str
    season: int
    unit: str  # a string key (translated by the UI)


REAL = {
    "airline": RealSeries("airline_passengers.csv", "month", "passengers", 12, "forecast.unit.airline"),
    "sunspots": RealSeries("sunspots_yearly.csv", "year", "sunspots", 11, "forecast.unit.sunspots"),
    "co2": RealSeries("co2_monthly.csv", "month", "co2_ppm", 12, "forecast.unit.co2"),
}
SYNTHETIC = ("sine", "trend_season")


def load(name: str) -> Series:
    """One of the shipped real series, oldest first."""
    info = REAL[name]
    frame = pd.read_csv(DATA / info.file)
    values = frame[info.value_column].to_numpy(dtype=float)
    return Series(name, values, tuple(frame[info.time_column].tolist()), info.season, info.unit)


def sine(length: int = 200, period: int = 25, noise: float = 0.1, seed: int = 0) -> Series:
    """sin(2πt / period) plus Gaussian noise of standard deviation `noise`."""
    rng = np.random.default_rng(seed)
    t = np.arange(length)
    values = np.sin(2 * np.pi * t / period) + noise * rng.standard_normal(length)
    return Series("sine", values, tuple(range(length)), period)


def trend_season(
    length: int = 200, period: int = 12, slope: float = 0.05, amplitude: float = 2.0, noise: float = 0.3, seed: int = 0
) -> Series:
    """A straight line that keeps rising, plus a seasonal wave, plus noise: like airline passengers,
    but with a trend that leaves the training range (a Min-Max scaler then sees test values above 1)."""
    rng = np.random.default_rng(seed)
    t = np.arange(length)
    values = 10 + slope * t + amplitude * np.sin(2 * np.pi * t / period) + noise * rng.standard_normal(length)
    return Series("trend_season", values, tuple(range(length)), period)


def future_labels(labels, horizon: int) -> list:
    """Names for the `horizon` steps after the data, on the data's own axis: the next months for
    YYYY-MM labels, the next integers by the last step for integer labels, the next dates by the dates'
    frequency (or their usual step) for other dates, "+1", "+2"… otherwise. A "+1" after dates had
    been drawn in 1970."""
    last = labels[-1] if len(labels) else None
    ahead = range(1, horizon + 1)
    if isinstance(last, int | np.integer):
        step = int(last - labels[-2]) if len(labels) > 1 and last > labels[-2] else 1
        return [int(last) + step * k for k in ahead]
    try:
        start = pd.Period(str(last), freq="M") if len(str(last)) == 7 else None
    except (ValueError, TypeError):
        start = None
    if start is not None:
        return [str(start + k) for k in ahead]
    dates = _dates(labels[-60:])
    if dates is None:
        return [f"+{k}" for k in ahead]
    try:
        with pd.option_context("future.infer_freq_returns_offset", True):  # an offset, not pandas 4's deprecated text
            freq = pd.infer_freq(dates) if len(dates) >= 3 else None
    except (TypeError, ValueError):
        freq = None
    if freq is not None:
        future = pd.date_range(dates[-1], periods=horizon + 1, freq=freq)[1:]
    else:
        future = pd.DatetimeIndex([dates[-1] + k * pd.Series(dates).diff().median() for k in ahead])
    whole_days = (dates == dates.normalize()).all() and (future == future.normalize()).all()
    return [d.strftime("%Y-%m-%d" if whole_days else "%Y-%m-%d %H:%M:%S") for d in future]


def date_resolution(labels) -> str | None:
    """How finely the labels name time, for writing them out: "month" for YYYY-MM labels, "day" or
    "time" for other dates, None for labels that are not dates (step numbers, years as integers)."""
    if not len(labels) or isinstance(labels[0], int | np.integer):
        return None
    dates = _dates(labels)
    if dates is None:
        return None
    if all(isinstance(v, str) and len(v) == 7 for v in labels):
        return "month"
    return "day" if (dates == dates.normalize()).all() else "time"


def _dates(labels) -> pd.DatetimeIndex | None:
    """The labels as dates, rising, when every one reads as a date in ISO form; else None."""
    try:
        dates = pd.DatetimeIndex(pd.to_datetime([str(v) for v in labels], format="ISO8601"))
    except (ValueError, TypeError):
        return None
    return dates if len(dates) > 1 and dates.is_monotonic_increasing and dates.is_unique else None
