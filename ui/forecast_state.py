"""The forecasting lab's UI state: cached data, the background training job and its live panel,
the results table, and the hand-off of a trained forecaster to the explorer.

Training runs in this session's own thread (ui.jobs) inside a server-wide training slot; the page
polls it from a fragment, so touching a widget never restarts a run.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import asdict, dataclass, replace

import numpy as np
import pandas as pd
import streamlit as st

import ui
from datasets import series as ds
from datasets import upload
from lstm_core import forecasting, from_torch
from lstm_core.errors import UserInputError
from plots import forecast as plots
from plots.style import alike
from plots.tables import html_table

from . import handoff, jobs, settings
from .i18n import translate

RUN = jobs.BackgroundRun("forecast")


# --- data (cached: immutable values, copied out by st.cache_data) ------------------------------


@st.cache_data(max_entries=8, show_spinner=False)
def real_series(name: str) -> ds.Series:
    return ds.load(name)


@st.cache_data(max_entries=32, show_spinner=False)
def synthetic_series(kind: str, length: int, period: int, noise: float, slope: float, amplitude: float, seed: int):
    if kind == "sine":
        return ds.sine(length, period, noise, seed)
    return ds.trend_season(length, period, slope, amplitude, noise, seed)


@st.cache_data(max_entries=8, show_spinner=False)
def uploaded_table(data: bytes) -> pd.DataFrame:
    return upload.read_table(data)


# --- the page's settings, one declaration per section (ui/settings.py) ------------------------


@dataclass(frozen=True)
class Source:
    source: str = settings.choice("data", "forecast.source", (*ds.REAL, *ds.SYNTHETIC, "upload"), "airline", "forecast.source.{}")


def _synthetic(ctx) -> bool:
    return ctx["source"] in ds.SYNTHETIC


def _trend(ctx) -> bool:
    return ctx["source"] == "trend_season"


@dataclass(frozen=True)
class Synthetic:
    """A generated series (ctx: `source`), in two columns; a plain sine has no trend."""

    length: int = settings.slider("length", "forecast.length", 60, 600, 200, step=20, when=_synthetic)
    period: int = settings.slider("period", "forecast.period", 4, 60, 12, column=1, when=_synthetic)
    noise: float = settings.slider("noise", "forecast.noise", 0.0, 1.0, 0.1, step=0.05, when=_synthetic)
    slope: float = settings.slider("slope", "forecast.slope", 0.0, 0.2, 0.05, step=0.01, column=1, when=_trend)
    amplitude: float = settings.slider("amp", "forecast.amplitude", 0.0, 5.0, 2.0, step=0.5, when=_trend)
    seed: int = settings.number("dseed", "forecast.data_seed", 0, 9999, 0, column=1, when=_synthetic)


@dataclass(frozen=True)
class Season:
    """One season setting per source (ctx: `source`, and `season`, the series' own): switching data
    must not carry 12 months over to sunspots. A synthetic series' season is its period."""

    season: int = settings.slider(
        "season_{source}", "forecast.season", 1, 60, 12, advanced=True,
        when=lambda ctx: not _synthetic(ctx), start=lambda ctx: ctx.get("season", 12),
    )  # fmt: skip


@dataclass(frozen=True)
class Windows:
    window: int = settings.slider("window", "forecast.window", 1, 48, 12, help="forecast.window_help")
    test_fraction: float = settings.slider("test", "forecast.test_fraction", 0.1, 0.5, 0.25, step=0.05, column=1, advanced=True)
    val_fraction: float = settings.slider("val", "forecast.val_fraction", 0.05, 0.3, 0.15, step=0.05, column=1, advanced=True)


@dataclass(frozen=True)
class Leak:
    compare_leak: bool = settings.toggle("leak", "forecast.compare_leak")


@dataclass(frozen=True)
class Model:
    """Two rows of four columns (0-3, then 4-7): the sizes first, the advanced training settings under
    them. Each row has its own columns: in four columns of two, the keyboard and a screen reader went
    down each column (layers, optimizer, units, learning rate, ...), not along the rows as they read."""

    layers: int = settings.slider("layers", "forecast.layers", 1, 3, 1)
    units: int = settings.slider("units", "forecast.units", 2, 64, 32, column=1)
    epochs: int = settings.slider("epochs", "forecast.epochs", 1, 1000, 500, step=1, column=2)
    seed: int = settings.number("seed", "app.seed", 0, 9999, 0, column=3)
    optimizer: str = settings.choice(
        "opt", "forecast.optimizer", ("adam", "sgd"), "adam", "forecast.opt.{}", column=4, advanced=True
    )
    lr: str = settings.choice("lr", "forecast.lr", ("0.001", "0.003", "0.01", "0.03", "0.1"), "0.01", column=5, advanced=True)
    batch_size: int = settings.slider("batch", "forecast.batch_size", 1, 128, 16, column=6, advanced=True)


@dataclass(frozen=True)
class Horizon:
    horizon: int = settings.slider("horizon", "forecast.horizon", 1, 120, 24)


@dataclass(frozen=True)
class Pair:
    """Which test pair section 7 looks inside (ctx: `n`, the test part's size; the last by default). Its
    link name carries n: a test part of another size has other pairs."""

    pair: int = settings.slider("pair_{n}", "forecast.pick_window", 1, lambda ctx: ctx["n"], 1, start=lambda ctx: ctx["n"])


def series_picker() -> tuple[ds.Series | None, str]:
    """The data-source widgets. Returns the chosen series (None after a bad upload, whose error is
    shown) and its unit; `series.season` is the learner's season length for the seasonal baseline."""
    t = ui.t
    left, right = st.columns([2, 3])
    source = settings.draw(Source, where=left).source
    columns = right.columns(2) if source in ds.SYNTHETIC else None
    synthetic = settings.draw(Synthetic, where=right, columns=columns, source=source)  # real data: none drawn, none linked
    if source in ds.SYNTHETIC:
        right.caption(t("forecast.card.synthetic"))
        # the season of a synthetic series is its period: no separate control
        return synthetic_series(source, **asdict(synthetic)), t("forecast.unit.value")
    series, unit = real_series("airline" if source == "upload" else source), None
    if source == "upload":
        series, unit = _upload_picker(right) or (series, None)
    else:
        right.caption(t(f"forecast.card.{source}"))
    # one season setting per source: switching data must not carry 12 months over to sunspots
    season = settings.draw(Season, where=left, source=source, season=series.season if series is not None else 12).season
    if series is None:
        return None, ""
    unit = unit or t(ds.REAL[source].unit if source in ds.REAL else "forecast.unit.airline")
    return replace(series, season=season), unit


def _upload_picker(where):
    t = ui.t
    file = where.file_uploader(
        t("forecast.upload_label"),
        type=None,  # any file, checked by its content: Streamlit refuses other types in an English-only tooltip
        help=t("forecast.upload_help"),
        max_upload_size=upload.MAX_BYTES // (1024 * 1024),  # below the server's cap, which Keras models need
    )
    if file is None:
        where.info(t("forecast.upload_prompt"))
        return None
    data = file.getvalue()
    try:
        table = uploaded_table(data)
        columns = upload.numeric_columns(table)
        key = "forecast_column_" + hashlib.sha1(data).hexdigest()[:12]
        index = columns.index(upload.likely_series(table, columns))  # not a column of years
        column = where.selectbox(t("forecast.column"), columns, index=index, key=key)
        extracted = upload.extract(uploaded_table(data), column)
    except UserInputError as exc:
        with where:
            ui.error(exc)
        return (None, "")
    if table.attrs.get("encoding_doubt"):  # garbled names, told rather than shown silently
        where.warning(t("forecast.encoding_doubt"), icon=":material/warning:")
    if extracted.missing:
        where.info(t("forecast.missing_note", count=extracted.missing))
    if extracted.dropped:
        where.info(t("forecast.dropped_note", total=extracted.dropped + len(extracted.values), kept=len(extracted.values)))
    return ds.Series(column, extracted.values, extracted.labels, 12, "", uploaded=True), t("forecast.unit.value")


def series_title(series: ds.Series, lang: str) -> str:
    known = not series.uploaded and (series.name in ds.REAL or series.name in ds.SYNTHETIC)
    if known:  # a file's column named "airline" is still that column
        return translate(f"forecast.source.{series.name}", lang)
    return translate("forecast.column_named", lang, column=series.name)  # "“乘客”上的…", not "乘客 上的…"


def leak_caption(values: np.ndarray, split: int, fit_end: int) -> str:
    """What the whole-series scaler gives away here: the test part's max, min, both, or nothing. Only a
    test part beyond every value before it moves the whole series' min or max: sunspots' 190.2 of 1957,
    in the validation part, is the past, and the test part (peak 157.6) told the scaler nothing."""
    t = ui.t
    leak = forecasting.leak_summary(values, split, fit_end)
    clean, whole = leak["train_only"], leak["whole_series"]
    # the four ranges' ends, read against one another, with the same decimals (plots.style.alike)
    ends = alike([clean["min"], clean["max"], whole["min"], whole["max"]])
    ends = dict(zip(("min_train", "max_train", "min_all", "max_all"), ends, strict=True))
    params = dict(
        low_train=clean["test_low"], high_train=clean["test_high"], low_all=whole["test_low"], high_all=whole["test_high"],
    ) | ends  # fmt: skip
    past, test = np.asarray(values[:split], float), np.asarray(values[split:], float)
    sides = [side for side, beyond in (("max", test.max() > past.max()), ("min", test.min() < past.min())) if beyond]
    if sides:
        leaked = t("forecast.leak_told", told=t(f"forecast.leak_told.{'_'.join(sides)}"), **params)
    else:
        leaked = t("forecast.leak_none", **params)
    outside = clean["test_high"] > 1 or clean["test_low"] < 0
    leaked = ui.paragraph(t("forecast.leak_honest"), leaked) if outside else leaked
    return t("forecast.leak_caption", clean=t("forecast.leak_clean", **params), leaked=leaked)


# --- the training job -------------------------------------------------------------------------


@dataclass
class Outcome:
    key: str  # fingerprint of the data and settings it was trained with
    runs: dict  # {"clean": ForecastResult, "leaky": ForecastResult (when compared)}


def code_zip(values, config: forecasting.ForecastConfig, result: forecasting.ForecastResult):
    """A callable for st.download_button: the run as a standalone PyTorch script and its series, built on click.
    A refit the learner stopped is left out of the script too: it then predicts the test part as the page did."""
    from lstm_core import export_code  # it imports torch (the /train classifiers): only once the learner has trained

    values = np.array(values, dtype=float)
    config = replace(config, refit=config.refit and (result.refit_history is None or result.refitted))
    return lambda: export_code.forecaster_bundle(values, config)


def fingerprint(values: np.ndarray, config: forecasting.ForecastConfig, compare_leak: bool) -> str:
    digest = hashlib.sha1(np.ascontiguousarray(values, dtype=float).tobytes())
    digest.update(repr((config, compare_leak)).encode())
    return digest.hexdigest()


def start(values: np.ndarray, config: forecasting.ForecastConfig, compare_leak: bool):
    key = fingerprint(values, config, compare_leak)
    RUN.start(_work, np.array(values, dtype=float), config, compare_leak, key, about=config)


def _work(job, values, config, compare_leak, key) -> Outcome:
    with job.slot():
        runs = {}
        for run, leaky in (("clean", False), ("leaky", True)):
            if run == "leaky" and (not compare_leak or job.should_stop()):
                break
            runs[run] = forecasting.train_forecaster(
                values,
                replace(config, leaky=leaky),
                on_progress=lambda p, run=run: job.progress.append((run, p)),
                should_stop=job.should_stop,
                on_refit_progress=lambda p, run=run: job.progress.append((f"{run}_refit", p)),
            )
    return Outcome(key, runs)


def outcome(key: str) -> Outcome | None:
    """The finished run for exactly these data and settings, if there is one."""
    job = RUN.job
    if job is None or job.running or job.result is None:
        return None
    return job.result if job.result.key == key else None


def finished_other() -> bool:
    """A finished run exists, but for other data or settings."""
    job = RUN.job
    return job is not None and not job.running and job.result is not None


def leaky_loss_caption(clean: forecasting.MinMaxScaler, whole: forecasting.MinMaxScaler) -> str:
    """Under the loss chart: the leaky run's MSE is on values scaled by a wider range, so the same error
    in the series' units is a smaller MSE there (airline: 518 against 260, about 4× smaller)."""
    ratio = whole.span / clean.span
    if ratio == 1:
        return ui.t("forecast.leaky_loss_same_scale")
    spans = alike([whole.span, clean.span])
    return ui.t("forecast.leaky_loss_scale", whole=spans[0], clean=spans[1], ratio=ratio, squared=ratio**2)


def loss_names() -> dict:
    t = ui.t
    return {k: t(f"forecast.{k}") for k in ("train_loss", "val_loss")} | {
        "epoch": t("forecast.axis.epoch"),
        "loss": t("forecast.axis.loss"),
    }


def live_panel():
    """Progress bar, stop button and live loss curves while the job runs; the page is redrawn once
    when it finishes so the results appear. The run's own settings, not the sliders': an Epochs
    slider moved during a run wrote "epoch 314/1"."""

    def panel(job):
        if job is None:
            st.info(ui.t("forecast.train_first"), icon=":material/info:")
            return
        if job.running:
            if job.progress:
                run, p = job.progress[-1]
                key = {"clean": "forecast.progress", "leaky": "forecast.progress_leaky"}.get(run, "forecast.progress_refit")
                text = ui.t(key, epoch=p.epoch, epochs=job.about.epochs, loss=p.loss)
                st.progress(min(1.0, p.step / max(1, p.total_steps)), text=text)
            elif not job.waiting:  # while it waits, RUN.poll says why
                st.progress(0.0, text=ui.t("forecast.starting"))
            if st.button(ui.t("forecast.stop_button"), key="forecast_stop", icon=":material/stop:"):
                job.stop()
        elif job.error is not None:
            ui.error(job.error)
        runs = {"": [], ui.t("forecast.leaky_suffix"): []}
        for run, p in list(job.progress):
            if p.epoch_end and run in ("clean", "leaky"):  # the refits have no validation curve to show
                runs["" if run == "clean" else ui.t("forecast.leaky_suffix")].append(
                    {"epoch": p.epoch, "loss": p.loss, **p.metrics}
                )
        if runs[""]:
            ui.chart(plots.loss_figure(runs, loss_names(), ui.t("forecast.plot.loss_title")), key="forecast_loss")

    RUN.poll(panel)


# --- results ----------------------------------------------------------------------------------


def metrics_table(runs: dict) -> pd.DataFrame:
    """One row per forecaster, one column per metric and part, in the series' units (NaN: no score)."""
    clean = runs["clean"].metrics
    rows = [("lstm", clean["lstm"])]
    if "leaky" in runs:
        rows.append(("lstm_leaky", runs["leaky"].metrics["lstm"]))
    rows += [("persistence", clean["persistence"]), ("seasonal_naive", clean["seasonal_naive"])]
    table = []
    parts = [part for part in ("train", "val", "test") if part in clean["lstm"]]
    for name, by_part in rows:
        row = {ui.t("forecast.col.model"): ui.t(f"forecast.model.{name}")}
        for metric in ("rmse", "mae", "mape"):
            for part in parts:
                label = f"{metric.upper()}{' %' if metric == 'mape' else ''} · {ui.t(f'forecast.part.{part}')}"
                row[label] = by_part[part][metric]
        table.append(row)
    return pd.DataFrame(table)


def results_table(runs: dict, values: np.ndarray):
    """The scores, every column in view, each column's with the same decimals, as the verdicts write them
    (plots.style.alike: 38.97 beside 43.40); and what MAPE skips."""
    table = metrics_table(runs)
    st.html(html_table(table, ui.t("forecast.results_header"), number_format=alike))
    st.caption(ui.t("forecast.metrics_note"))
    if not forecasting.mape_meaningful(values):
        st.caption(ui.t("forecast.mape_crosses_zero"))
    elif (near := near_zero(values)) is not None:
        low, high = alike([near, float(np.abs(values).max())])
        st.caption(ui.t("forecast.mape_near_zero", low=low, high=high))


def near_zero(values: np.ndarray) -> float | None:
    """The smallest nonzero size among the series' values when it is under 5 % of the largest (sunspots:
    1.4 beside 190.2), else None: there a small error is a huge percentage, and MAPE can rank the
    forecasters otherwise than RMSE and MAE do."""
    sizes = np.abs(np.asarray(values, float))
    small = sizes[sizes > forecasting.NEGLIGIBLE * sizes.max()]
    low = float(small.min()) if small.size else None
    return low if low is not None and low < 0.05 * sizes.max() else None


def score_texts(metrics: dict, part: str, leaky: dict | None = None, metric: str = "rmse") -> dict:
    """Each forecaster's RMSE (or `metric`) on `part` as the results table's column writes it (plots.style.alike
    over the column: the LSTM, the leaky scaler's LSTM when `leaky` has its scores, both baselines), for the
    sentences that quote the table: "342.87" in both, never "342.9" in one."""
    values = {name: metrics[name][part][metric] for name in ("lstm", *forecasting.BASELINES)}
    if leaky is not None:
        values["lstm_leaky"] = leaky["lstm"][part][metric]
    return dict(zip(values, alike(list(values.values())), strict=True))


def other_errors(metrics: dict, part: str, leaky: dict | None = None) -> str:
    """After an RMSE win: the errors of the table by which the same baseline still does better ("MAE 27.96
    against 25.44"), or "" when there is none. A verdict on RMSE alone read as a win on every count."""
    best = forecasting.better_baseline(metrics, part)
    lost = []
    for metric in ("mae", "mape"):
        lstm, base = metrics["lstm"][part][metric], metrics[best][part][metric]
        if math.isfinite(lstm) and math.isfinite(base) and lstm > base:
            shown = score_texts(metrics, part, leaky, metric)
            lost.append(ui.t(f"forecast.other_error.{metric}", lstm=shown["lstm"], base=shown[best]))
    if not lost:
        return ""
    errors = ui.t("forecast.clauses_sep").join(lost)  # clauses, not names: not a list's "、"
    return ui.t("forecast.verdict_win_not_all", baseline=ui.t(f"forecast.baseline.{best}"), errors=errors)


def comparison(metrics: dict, part: str, leaky: dict | None = None) -> dict:
    """The LSTM against the better baseline on `part`, named, with the other baseline for reference: the
    RMSEs as the table writes them (score_texts), whether the LSTM wins, and by what percentage."""
    best = forecasting.better_baseline(metrics, part)
    other = next(name for name in forecasting.BASELINES if name != best)
    lstm, base, other_rmse = (metrics[name][part]["rmse"] for name in ("lstm", best, other))
    scored = "forecast.other_baseline" if math.isfinite(other_rmse) else "forecast.other_baseline_none"
    shown = score_texts(metrics, part, leaky)
    return {
        "lstm": shown["lstm"],
        "baseline": ui.t(f"forecast.baseline.{best}"),
        "base": shown[best],
        "other": ui.t(scored, name=ui.t(f"forecast.baseline.{other}"), rmse=shown[other]),
        "wins": lstm < base,
        "pct": _percent(100 * (1 - lstm / base) if base else 0.0),  # how much lower the LSTM's is, where it wins
    }


def _percent(p: float) -> str:
    """A percentage a win is by: whole from 1% up, else its first digit ("0.2", where "0" said no win)."""
    return f"{p:.0f}" if p >= 1 or p <= 0 else f"{p:.1g}"


def verdict(runs: dict):
    """Validation first (where choices are made), then the test part, scored once, against the
    better of the two baselines on that part."""
    result = runs["clean"]
    m = result.metrics
    leaky = runs["leaky"].metrics if "leaky" in runs else None  # a row of the table the sentences quote
    if "val" in m["lstm"]:
        val = comparison(m, "val", leaky)
        (st.info if val["wins"] else st.warning)(validation_verdict(result, val, leaky))
    if result.refitted:
        st.caption(ui.t("forecast.refit_note", epoch=result.best_epoch))
    elif result.refit_history is not None:
        st.info(ui.t("forecast.refit_stopped"), icon=":material/info:")
    test = comparison(m, "test", leaky)
    if test["wins"]:
        st.success(
            ui.paragraph(ui.t("forecast.verdict_win", **test), other_errors(m, "test", leaky)), icon=":material/check_circle:"
        )
    else:
        st.warning(ui.t("forecast.verdict_lose", **test), icon=":material/warning:")
    high = float(result.scaler.transform(result.split.y_test).max())  # on the final model's scale
    if "val" in m["lstm"] and val["wins"] and not test["wins"] and high > 1:
        if result.refitted:
            st.info(ui.t("forecast.val_test_gap_refit", high=high, n_val=len(result.split.y_val)), icon=":material/info:")
        else:
            val_high = float(result.scaler.transform(result.split.y_val).max())
            st.info(ui.t("forecast.val_test_gap", high=high, val_high=val_high), icon=":material/info:")
    if "leaky" in runs:
        shown = score_texts(m, "test", leaky)
        st.info(ui.t("forecast.leak_verdict", leaky=shown["lstm_leaky"], clean=shown["lstm"]), icon=":material/info:")
    stopped = runs["clean"].history
    if stopped.stopped == "stopped":
        st.info(ui.t("forecast.stopped", epochs=stopped.epochs[-1]["epoch"] if stopped.epochs else 0), icon=":material/info:")


def validation_verdict(result: forecasting.ForecastResult, val: dict, leaky: dict | None = None) -> str:
    """The sentence on the validation part: which weights it scores (the chosen epoch's, or those of the
    moment the learner pressed Stop) and, when the LSTM loses, advice that fits what happened."""
    history = result.history
    if result.best_epoch is not None:
        when = ui.t("forecast.val_when_best", epoch=result.best_epoch)
    else:  # stopped: the weights are the last ones, not the chart's best
        best = forecasting.lowest_val_epoch(history)
        stopped_at = history.epochs[-1]["epoch"] if history.epochs else 0
        key = "forecast.val_when_stopped" if best is not None else "forecast.val_when_stopped_none"
        when = ui.t(key, epochs=stopped_at, best=best)
    if val["wins"]:
        return ui.t("forecast.verdict_val_win", **val, when=when)
    train = comparison(result.metrics, "train", leaky)
    if result.best_epoch is None:
        advice = ui.t("forecast.advice_stopped")
    elif result.best_epoch > 0.9 * result.config.epochs:  # perhaps still improving when training ended
        advice = ui.t("forecast.advice_more_epochs", epoch=result.best_epoch, epochs=result.config.epochs)
    else:  # beats the better baseline on what it was trained on (overfitting), or not even there
        key = "forecast.advice_overfit" if train["wins"] else "forecast.advice_other"  # teacher mode: no learning rate
        advice = ui.t(key, train=train["lstm"], train_base=train["base"], train_baseline=train["baseline"])
    return ui.t("forecast.verdict_val_lose", **val, when=when, advice=advice)


def horizon_caption(result: forecasting.ForecastResult, values: np.ndarray) -> str:
    """The test part forecast recursively, as the future is, next to the one-step predictions of the same
    points, block by block; errors compound only where the numbers say so."""
    actual = np.asarray(values, float)[result.split.split :]
    recursive = forecasting.error_by_horizon(actual, result.recursive_test(values))
    one_step = forecasting.error_by_horizon(actual, result.test_pred)  # the same blocks of test points
    # every block's two RMSEs, read against one another, with the same decimals (plots.style.alike)
    shown = iter(alike([rmse for (_, _, r), (_, _, o) in zip(recursive, one_step, strict=True) for rmse in (r, o)]))
    blocks = ui.t("forecast.horizon_separator").join(
        ui.t("forecast.horizon_block", first=first, last=last, recursive=next(shown), one_step=next(shown))
        for first, last, _ in recursive
    )
    errors, ones = [r for _, _, r in recursive], [o for _, _, o in one_step]
    ratios = [r / o for r, o in zip(errors, ones, strict=True) if o > 0]
    grows = len(errors) > 1 and bool(np.all(np.diff(errors) > 0))
    everywhere_above = len(ratios) == len(errors) and min(ratios) > 1
    # the multiple growing to above 1 is compounding even where it starts below 1: a recursive forecast's
    # first predictions read nearly only actual values (airline on an AMD EPYC: 0.85, 1.43, 1.60 times)
    multiple_grows = len(ratios) == len(errors) and bool(np.all(np.diff(ratios) > 0)) and ratios[-1] > 1
    # Each sentence says only what its case guarantees. Where the multiple and the recursive error move
    # apart in a block, the one-step error moved further: the points there are harder (or easier) for both.
    multiples = ui.t("forecast.multiples_sep").join(times(*ratios))
    if grows and multiple_grows:
        first, last = times(ratios[0], ratios[-1])
        key = "forecast.horizon_compound" if everywhere_above else "forecast.horizon_compound_from_below"
        verdict = ui.t(key, first=first, last=last)
    elif multiple_grows:  # airline, test 0.1: 1.29, 2.21, 2.66 times while the recursive error falls 110 -> 77
        verdict = ui.t("forecast.horizon_multiple_grows", multiples=multiples)
    elif grows and everywhere_above:  # trend_season: 1.98, 2.71, 2.66 times while the recursive error triples
        verdict = ui.t("forecast.horizon_grows_above", multiples=multiples)
    elif everywhere_above:  # sunspots: 2 to 3.6 times, neither rising at every block
        verdict = ui.t("forecast.horizon_above", multiples=multiples)
    elif grows:  # the later test points are harder for the one-step forecast too (airline after 3 epochs)
        verdict = ui.t("forecast.horizon_grows_both")
    else:
        verdict = ui.t("forecast.horizon_no_compound")
    return ui.t("forecast.horizon_errors", blocks=blocks, verdict=verdict)


def times(*ratios: float) -> list[str]:
    """Multiples, to one decimal, or more where one decimal would put one of them on 1 or across it (1.02
    times is above, "1.0 times" is not; 0.97 times is below), or two different ones alike."""
    decimals = 1
    while decimals < 4 and (
        any(np.sign(float(f"{r:.{decimals}f}") - 1) != np.sign(r - 1) for r in ratios)
        or len({f"{r:.{decimals}f}" for r in ratios}) < len(set(ratios))
    ):
        decimals += 1
    return [f"{r:.{decimals}f}" for r in ratios]


def trained_model(result: forecasting.ForecastResult, pair: int, series: ds.Series) -> handoff.TrainedModel:
    """The trained forecaster with one test window as its example, in the series' units: the explorer
    shows these values and puts them through `scale`, the scaler the model was trained with."""
    window = [float(v) for v in result.split.X_test[pair]]
    return handoff.TrainedModel(
        recorder=from_torch(result.model.lstm),
        source="forecast",
        title=handoff.in_every_language("forecast.model_title", series=lambda lang: series_title(series, lang)),
        scale=(result.scaler.min, result.scaler.max),
        example=window,
    )


def open_in_explorer(model: handoff.TrainedModel):
    """Hand the forecaster and its window to /explorer, and go there."""
    handoff.put(model)
    handoff.request(model.example)
    st.switch_page("pages/explorer.py")
