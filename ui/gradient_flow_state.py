"""Caching, the reference results and the live adding-problem run of the gradient-flow page."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import streamlit as st

import ui
from lstm_core import experiments
from lstm_core.adding import BASELINE_MSE
from lstm_core.equations import latex_scientific
from lstm_core.errors import UserInputError
from plots import gradient_flow as plots
from plots.style import alike
from ui import jobs, settings
from ui.i18n import counted, sentences, translate

if TYPE_CHECKING:
    import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "datasets"
REFERENCE = DATA / "adding_reference.json"
CLIPPING_REFERENCE = DATA / "clipping_reference.json"
RUN = jobs.BackgroundRun("gradient_flow_adding")
LIVE_MAX_LEN = 400  # a live run at T=400 already takes minutes on one core
LIVE_MAX_STEPS = 6000


# --- the page's settings, one declaration per section (ui/settings.py) ------------------------


@dataclass(frozen=True)
class Flow:
    """Sections 1 and 2: the fields are experiments.FlowSettings's."""

    seq_len: int = settings.slider(
        "T", "gradient_flow.seq_len", 2, experiments.MAX_SEQ_LEN, 100, help="gradient_flow.seq_len_help"
    )
    hidden_size: int = settings.slider("H", "gradient_flow.hidden", 1, experiments.MAX_HIDDEN, 32)
    weight_scale: float = settings.slider(
        "scale", "gradient_flow.scale", 0.0, 3.0, 1.0, step=0.05, column=1, help="gradient_flow.scale_help"
    )
    init: str = settings.choice(
        "init",
        "gradient_flow.init",
        experiments.INITS,
        "default",
        "gradient_flow.init.{}",
        column=1,
        help="gradient_flow.init_help",
    )
    forget_bias: float = settings.slider(
        "fb", "gradient_flow.forget_bias", -5.0, 5.0, 1.0, step=0.5, column=2, help="gradient_flow.fb_help"
    )
    nonlinearity: str = settings.choice(
        "act", "gradient_flow.nonlinearity", experiments.NONLINEARITIES, "tanh", widget="segmented", column=2
    )
    seed: int = settings.number("seed", "app.seed", 0, 10_000, 0, advanced=True, column=2)


@dataclass(frozen=True)
class Clipping:
    """Section 3: which precomputed clipping threshold the chart shows."""

    clip: str = settings.choice(
        "clip", "gradient_flow.clip", tuple(str(c) for c in experiments.CLIP_CHOICES), "1.0", widget="segmented"
    )


@dataclass(frozen=True)
class ReferenceLength:
    """Section 4: which of the reference runs' lengths the curves show (ctx: `lengths`, the shipped ones)."""

    shown: str = settings.choice(
        "ref_T", "gradient_flow.ref_length", lambda ctx: [str(T) for T in ctx["lengths"]], "",
        widget="segmented", start=lambda ctx: str(ctx["lengths"][-1]),
    )  # fmt: skip


@dataclass(frozen=True)
class Live:
    """The live adding-problem run."""

    model: str = settings.choice(
        "live_model", "gradient_flow.live_model", experiments.PROFILE_MODELS, "lstm", "gradient_flow.model.{}"
    )
    seq_len: int = settings.slider("live_T", "gradient_flow.live_T", 2, LIVE_MAX_LEN, 50, column=1)
    steps: int = settings.slider("live_steps", "gradient_flow.live_steps", 100, LIVE_MAX_STEPS, 3000, step=100, column=2)
    forget_bias: float = settings.slider(
        "live_fb", "gradient_flow.forget_bias", -5.0, 5.0, 1.0, step=0.5, column=3,
        disabled=lambda ctx: not experiments.takes_forget_bias(ctx["model"]),
    )  # fmt: skip


# --- gradient through time --------------------------------------------------------------------


@st.cache_data(max_entries=64, show_spinner=False)
def _analysis(fields: tuple) -> dict:
    s = experiments.FlowSettings(*fields)
    log_profiles = experiments.log_gradient_profiles(s)
    return {
        "log_profiles": log_profiles,
        "profiles": {m: _as_floats(p) for m, p in log_profiles.items()},
        "rnn": experiments.rnn_step_factors(s),
        "lstm": experiments.lstm_step_factors(s),
        "radius": experiments.spectral_radius(s),
    }


def _as_floats(log10_values) -> np.ndarray:
    """10**log10_values, nan (a gap in the chart, "< 2.2e-308" in its table) where that is below
    float64's normal range: 10⁻⁴⁰⁰ would otherwise read as 0, or as a subnormal with digits missing."""
    v = np.asarray(log10_values, dtype=float)
    with np.errstate(invalid="ignore", over="ignore"):  # above 1.8e308: inf, a gap in the chart too
        return np.where(np.isfinite(v) & (v < np.log10(np.finfo(float).tiny)), np.nan, 10.0**v)


def flow_settings(flow: Flow) -> experiments.FlowSettings:
    """The analysis's settings for the section's widgets (the input size is the analysis's own)."""
    return experiments.FlowSettings(**asdict(flow))


def fields(s: experiments.FlowSettings) -> tuple:
    return tuple(asdict(s).values())


def analysis(s: experiments.FlowSettings) -> dict:
    """Everything the first two sections show, cached on the settings (raises UserInputError)."""
    s.validate()
    return _analysis(fields(s))


def model_names(lang: str) -> dict:
    return {m: translate(f"gradient_flow.model.{m}", lang) for m in (*experiments.PROFILE_MODELS, "lstm_fb0")}


def _labels(prefix: str, keys, lang: str) -> dict:
    return {k: translate(f"gradient_flow.{prefix}.{k}", lang) for k in keys}


# Built figures are cached per setting and language and shared by every session, read-only: under a
# class's load, building Plotly figures was the largest part of a rerun of this page (py-spy).
@st.cache_resource(max_entries=64, show_spinner=False)
def flow_figures(fields: tuple, lang: str) -> dict:
    """The figures of the first two sections for FlowSettings(*fields)."""
    A = _analysis(fields)
    R, L = A["rnn"], A["lstm"]
    rnn_keys = ("top", "bottom", "sigma", "actual", "bound", "ratio", "x")
    lstm_keys = ("top", "bottom", "f_mean", "f_band", "keep_median", "keep_max", "x")
    flow_keys = ("title", "x", "y", "hover")
    return {
        "profiles": plots.gradient_profiles(A["profiles"], model_names(lang), _labels("flow", flow_keys, lang)),
        "rnn": plots.rnn_factors(R["sigma"], R["actual"], R["bound"], R["ratio"], _labels("rnnfig", rnn_keys, lang)),
        "lstm": plots.lstm_factors(L["f"], L["keep"], _labels("lstmfig", lstm_keys, lang)),
    }


@st.cache_resource(max_entries=16, show_spinner=False)
def clipping_figure(clip: str, lang: str):
    runs = clipping(0, float(clip))["runs"]
    names = {"none": translate("gradient_flow.clip_none", lang), "clipped": translate("gradient_flow.clip_with", lang, clip=clip)}
    labels = _labels("clipfig", ("loss", "norm", "x", "diverged", "baseline"), lang)
    return plots.clipping(runs, names, float(clip), BASELINE_MSE, labels)


_ADDING_KEYS = ("title", "x", "y", "baseline", "seed_hover", "curves", "steps")


@st.cache_resource(max_entries=4, show_spinner=False)
def reference_figure(lang: str):
    labels = _labels("addfig", _ADDING_KEYS, lang)
    return plots.mse_vs_length(reference_rows(reference()), model_names(lang), BASELINE_MSE, labels)


def curve_labels(seq_len: int, lang: str) -> dict:
    labels = _labels("addfig", _ADDING_KEYS, lang)
    return {**labels, "title": translate("gradient_flow.addfig.curves", lang, T=seq_len), "x": labels["steps"]}


@st.cache_resource(max_entries=16, show_spinner=False)
def reference_curves_figure(seq_len: int, lang: str):
    names = model_names(lang)
    order = list(names)  # model by model, each one's seeds together: the legend lists them in this order
    rows = sorted(reference_curves(reference(), seq_len), key=lambda r: (order.index(r["variant"]), r["seed"]))
    first = min(r["seed"] for r in rows) if rows else 0
    curves = [  # a model's other seeds lighter: its two seeds had one line style, and the legend could not tell them apart
        {**r, "name": translate("gradient_flow.curve_name", lang, model=names[r["variant"]], seed=r["seed"])}
        | ({} if r["seed"] == first else {"opacity": 0.45})
        for r in rows
    ]
    return plots.adding_curves(curves, BASELINE_MSE, curve_labels(seq_len, lang))


def warm_up():
    """Build the page's first view in both languages once, at server start: its analysis and its
    figures, cached per language, cost a learner's first open of the page in a language 0.15-0.7 s
    of the server's CPU more than a later open (bench/RESULTS.md)."""
    ref = reference()
    for lang in ui.LANGS:
        flow_figures(fields(flow_settings(settings.defaults(Flow, lang=lang))), lang)
        clipping_figure(settings.defaults(Clipping, lang=lang).clip, lang)
        if ref:
            reference_figure(lang)
            shown = settings.defaults(ReferenceLength, lang=lang, lengths=reference_lengths(ref)).shown
            reference_curves_figure(int(shown), lang)


def ratio_text(log_profile) -> str:
    """‖∂L/∂h₀‖ / ‖∂L/∂h₍T−1₎‖ from the log10 profile, as fmt writes it, also below float64's range."""
    return fmt_power(log_profile[0] - log_profile[-1])


def fmt(x: float, digits: int = 3) -> str:
    """A number readable from 1e-300 to 1e300, to `digits` significant digits: 0.037, 2.2e-26."""
    if not math.isfinite(x):
        return "—"
    if x == 0:
        return "0"
    return f"{x:.{digits}g}" if 1e-3 <= abs(x) < 1e4 else f"{x:.{digits - 1}e}"


def fmt_power(log10_x: float, digits: int = 3) -> str:
    """The positive number 10**log10_x as fmt writes it, for any exponent: 10⁻⁴¹² is beyond float64
    but not beyond its log (-inf: exactly 0)."""
    if log10_x == -math.inf:
        return "0"
    if not math.isfinite(log10_x):
        return "—"
    if abs(log10_x) < 300:
        return fmt(10.0**log10_x, digits)
    exponent = math.floor(log10_x)
    mantissa = f"{10.0 ** (log10_x - exponent):.{digits - 1}f}"
    if float(mantissa) >= 10:  # 9.996 rounds up to the next power
        exponent, mantissa = exponent + 1, f"{1:.{digits - 1}f}"
    return f"{mantissa}e{exponent:+03d}"


def log10_of(text: str) -> float:
    """The inverse of fmt_power: log10 of the number a text shows, "2.5e-412" included."""
    mantissa, _, exponent = text.partition("e")
    return math.log10(float(mantissa)) + int(exponent or 0) if float(mantissa) > 0 else -math.inf


def latex_number(x: float) -> str:
    """2.2e-26 as 2.2 \\times 10^{-26}, for st.latex."""
    return latex_scientific(fmt(x))


def rnn_derivation(log_ratio: float, seq_len: int) -> dict:
    """The numbers of the page's "(b)^{T−1} = ratio", as texts: the base b = ratio^{1/(T−1)}, the
    geometric mean of the T − 1 step factors, and the ratio. The base gets as many significant
    digits as it takes for b^{T−1}, worked out from the digits shown, to round to the ratio shown:
    an error in the base is multiplied T − 1 times (3 digits of 0.551 are 6 % off at T = 100)."""
    result = fmt_power(log_ratio)
    if not math.isfinite(log_ratio):  # exactly 0 (a zero Jacobian) or nothing to show
        return {"base": result, "result": result}
    steps = seq_len - 1
    for digits in range(3, 18):
        base = fmt_power(log_ratio / steps, digits)
        if fmt_power(steps * log10_of(base)) == result:
            break
    return {"base": base, "result": result}


def geometric_mean(values) -> float:
    """Of the finite values (entry 0 of a step factor is nan); 0 if one of them is 0."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if not v.size:
        return float("nan")
    return 0.0 if np.any(v <= 0) else float(np.exp(np.mean(np.log(v))))


def lstm_summary(L: dict, forget_bias: float) -> dict:
    """The numbers the LSTM equation shows: mean forget gate, log10 of the median unit's Π f, and σ(b_f)."""
    return {
        "f_mean": float(L["f"].mean()),
        "log_keep": log10_median(L["log_keep"][0]),
        "sigmoid": 1 / (1 + math.exp(-forget_bias)),
    }


def log10_median(log10_values) -> float:
    """log10 of the median of 10**log10_values, without leaving log space (the two middle values of
    an even count are averaged as numbers, as np.median does)."""
    v = np.sort(np.asarray(log10_values, dtype=float))
    middle = v[(len(v) - 1) // 2 : len(v) // 2 + 1]  # (1,) or (2,)
    return float((np.logaddexp.reduce(middle * math.log(10)) - math.log(len(middle))) / math.log(10))


def profiles_said(log_profiles: dict, names: dict) -> str:
    """The gradient chart's result for these settings, for a screen reader: which model's line is
    highest and which lowest at step 0 (several named where they tie), with the values as the chart shows them."""
    order = sorted((m for m in log_profiles if not np.isnan(log_profiles[m][0])), key=lambda m: float(log_profiles[m][0]))
    if not order:
        return ""
    at_start = {m: fmt_power(float(log_profiles[m][0])) for m in order}
    sep = ui.t("chart.names_sep")
    top = [m for m in order if at_start[m] == at_start[order[-1]]]
    bottom = [m for m in order if at_start[m] == at_start[order[0]]]
    k = len(next(iter(log_profiles.values()))) - 1
    result = ui.t(
        counted("chart.gf_profiles.result", k), k=k, top=sep.join(names[m] for m in top), top_value=at_start[order[-1]],
        bottom=sep.join(names[m] for m in bottom), bottom_value=at_start[order[0]],
    )  # fmt: skip
    missing = [names[m] for m, p in log_profiles.items() if np.isnan(p).all()]  # a hidden state past float64's range
    return sentences(ui.lang(), result, ui.t("chart.gf_profiles.missing", names=sep.join(missing)) if missing else "")


def profiles_table(profiles: dict):
    """The chart's data in its order: k = steps back from the last step, t = T-1-k; columns named in
    the learner's language. A profile that is all nan (the model's hidden state overflowed, see
    experiments.overflow_step) is no number at all, not one below float64's range: its cells read "—"."""
    names = model_names(ui.lang())
    from_logs = [names[m] for m, p in profiles.items() if not np.isnan(p).all()]
    return _steps_back_table({names[m]: p for m, p in profiles.items()}, from_logs=from_logs)


def gaps_text_key(R: dict) -> str:
    """Which caption explains where a line of §2's RNN chart stops: a running product past float64's
    largest number (1.8e308: the upper bound of a recurrence that amplifies over a long sequence), or
    only values that are 0 or below its range."""
    top = np.log10(np.finfo(float).max)
    above = any(np.nanmax(np.asarray(R[k], dtype=float), initial=-np.inf) > top for k in ("log_bound", "log_ratio"))
    return "gradient_flow.why_gaps_high" if above else "gradient_flow.why_gaps"


def rnn_table(R: dict):
    """§2's RNN chart as a table, in its order (k = steps back): each step's factors and the running
    products, from their logarithms, so a product below float64's range says so, never reads 0."""
    labels = _labels("rnnfig", ("sigma", "actual", "bound", "ratio"), ui.lang())
    columns = {
        labels["sigma"]: R["sigma"],
        labels["actual"]: R["actual"],
        labels["bound"]: _as_floats(R["log_bound"]),
        labels["ratio"]: _as_floats(R["log_ratio"]),
    }
    return _steps_back_table(
        {name: np.asarray(v, dtype=float) for name, v in columns.items()}, from_logs=(labels["bound"], labels["ratio"])
    )


def lstm_table(L: dict):
    """§2's LSTM chart as a table, in its order: the forget gates over the units (mean, least,
    most) and Π f of the median and the best unit, from logarithms as above."""
    f, log_keep = np.asarray(L["f"]), np.asarray(L["log_keep"])  # (T, H)
    labels = _labels("lstmfig", ("f_mean", "f_min", "f_max", "keep_median", "keep_max"), ui.lang())
    columns = {
        labels["f_mean"]: f.mean(1),
        labels["f_min"]: f.min(1),  # the band's edges, each in the learner's language
        labels["f_max"]: f.max(1),
        labels["keep_median"]: _as_floats([log10_median(row) for row in log_keep]),
        labels["keep_max"]: _as_floats(log_keep.max(1)),
    }
    return _steps_back_table(columns, from_logs=(labels["keep_median"], labels["keep_max"]))


def _steps_back_table(columns: dict, from_logs=()):
    """Columns indexed by t, as rows k = T-1-t (steps back from the last step), k and t first. An
    empty cell of a column computed from logarithms is a value below float64's range, and says so;
    any other is a step without that number (t = 0 has no Jacobian)."""
    import pandas as pd  # here: a table is built once its expander is opened

    from plots.tables import readable

    T = len(next(iter(columns.values())))
    k = np.arange(T)
    first = {ui.t("gradient_flow.col.k"): k, ui.t("gradient_flow.col.t"): T - 1 - k}
    frame = pd.DataFrame({**first, **{name: np.asarray(v)[::-1] for name, v in columns.items()}})
    # a running product past float64's largest number (_as_floats's inf) says so too
    return readable(frame, missing=dict.fromkeys(from_logs, BELOW_FLOAT64), infinite=dict.fromkeys(from_logs, ABOVE_FLOAT64))


BELOW_FLOAT64 = f"< {np.finfo(float).tiny:.2g}"  # "< 2.2e-308"
ABOVE_FLOAT64 = f"> {np.finfo(float).max:.2g}"  # "> 1.8e+308"


def clipping_table(runs: dict, clip: str) -> pd.DataFrame:
    """§3's chart as a table: per logged step, each run's training MSE (∞ once it overflowed) and its
    gradient norm before clipping, written as the caption writes them; "—" after a run diverged."""
    import pandas as pd

    names = {"none": ui.t("gradient_flow.clip_none"), "clipped": ui.t("gradient_flow.clip_with", clip=clip)}
    loss, norm = ui.t("gradient_flow.clipfig.loss"), ui.t("gradient_flow.clipfig.norm")
    frames = [
        pd.DataFrame(
            {
                f"{loss} · {names[k]}": [fmt_loss(v) for v in experiments.overflowed_as_inf(run["train_mse"])],
                f"{norm} · {names[k]}": [fmt_loss(v) for v in experiments.overflowed_as_inf(run["grad_norm"])],
            },
            index=pd.Index(run["steps"], name=ui.t("gradient_flow.clipfig.x")),
        )
        for k, run in runs.items()
    ]
    return pd.concat(frames, axis=1).fillna("—").reset_index()


# --- exploding gradients and clipping ---------------------------------------------------------


@st.cache_data(max_entries=16, show_spinner=False)
def clipping(seed: int, clip: float) -> dict:
    """The exploding RNN without and with clipping, {"machine": ..., "runs": {"none", "clipped"}}:
    precomputed for seed 0 (bench/adding_problem.py), otherwise trained here (~600 small steps,
    once per server per seed and threshold)."""
    if seed == 0 and CLIPPING_REFERENCE.is_file():
        stored = json.loads(CLIPPING_REFERENCE.read_text())
        if str(clip) in stored["runs"]:
            return {"machine": stored.get("machine"), "runs": stored["runs"][str(clip)]}
    return {"machine": None, "runs": {k: run.to_dict() for k, run in experiments.clipping_demo(seed, clip).items()}}


def clipping_figures(runs: dict) -> dict:
    """The numbers the clipping caption quotes, from the runs it sits under."""

    # the caption sits under the training MSE (the test MSE is not on its chart), and compares what
    # the runs do once training is under way: each curve's first point is the mean of its first 10
    # steps, which at threshold 0.25 (2.02) stood above its later jumps (1.47) and those at 5 (1.97)
    def peak(run):
        return experiments.peak_mse({"train_mse": run["train_mse"][1:]}, ("train_mse",))

    # one sentence compares the losses with the baseline: one count of decimals for all ("1.056, ending
    # at 0.197 (always predicting 1 scores 0.167)", where it wrote "1.06"), the baseline's 3 as the
    # chart's line and section 4 write it; an overflow is ∞, a loss past 10⁴ in fmt's exponent
    losses = [peak(runs["none"]), peak(runs["clipped"]), experiments.overflowed_as_inf(runs["clipped"]["train_mse"])[-1]]
    shown = alike([x if x < 1e4 else math.inf for x in losses] + [BASELINE_MSE], digits=3)
    none_peak, clipped_peak, final, baseline = (
        text if x < 1e4 else fmt_loss(x) for x, text in zip([*losses, BASELINE_MSE], shown, strict=True)
    )
    return {
        "first": runs["clipped"]["steps"][0],
        "none_peak": none_peak,
        "clipped_peak": clipped_peak,
        "final": final,
        "baseline": baseline,
        "worst": fmt(max(runs["clipped"]["grad_norm"])),
    }


def fmt_loss(x: float) -> str:
    return "∞" if x == math.inf else fmt(x)


def machine_text(machine: dict | None) -> str:
    """'AMD EPYC (2 cores), torch 2.13.0, 2026-12-02' for a stored run's machine; this server otherwise."""
    if not machine:
        return ui.t("gradient_flow.this_server")
    kernels = "".join(f", {k}={v}" for k, v in machine.get("kernels", {}).items())
    return ui.t("gradient_flow.machine", **{k: machine[k] for k in ("cpu", "cores", "torch", "date")}) + kernels


# --- the adding problem: reference results ----------------------------------------------------


@st.cache_data(show_spinner=False)
def reference() -> dict | None:
    """The runs of `bench/adding_problem.py --write-reference` (None if the file is missing)."""
    if not REFERENCE.is_file():
        return None
    return json.loads(REFERENCE.read_text())


def reference_lengths(ref: dict) -> list[int]:
    """The sequence lengths of the reference runs, shortest first."""
    return sorted({r["seq_len"] for r in ref["runs"]})


def reference_rows(ref: dict) -> list:
    """One row per reference run: variant, seq_len, seed, final test MSE."""
    return [{**{k: r[k] for k in ("variant", "seq_len", "seed")}, "test_mse": r["test_mse"][-1]} for r in ref["runs"]]


def summary_text(rows: list, names: dict) -> str:
    """The measured medians at the longest length, as a Markdown list in the learner's language."""
    longest, lines = summary(rows)
    items = [ui.t(counted("gradient_flow.summary_line", n), model=names[v], mse=fmt(m), n=n) for v, m, n in lines]
    return "\n".join([ui.t("gradient_flow.summary_header", T=longest), *items])


def broke_through(run: dict) -> int | None:
    """The first training step at which the test MSE fell below half the baseline (None: never)."""
    return next((step for step, mse in zip(run["steps"], run["test_mse"], strict=True) if mse < BASELINE_MSE / 2), None)


def lesson_figures(ref: dict) -> dict:
    """The numbers the adding-problem lesson quotes, read off the shipped reference runs: at the
    longest length, the steps the LSTMs took to leave the baseline, and a budget below them."""
    T = max(r["seq_len"] for r in ref["runs"])
    steps = [broke_through(r) or r["steps"][-1] for r in ref["runs"] if r["seq_len"] == T and r["variant"] == "lstm"]
    lo, hi = min(steps), max(steps)
    return {"T": T, "lo": f"{lo:,}", "hi": f"{hi:,}", "short": f"{max(100, (lo // 2 // 100) * 100):,}"}


def live_curves(run: dict, model: str, name: str, ref: dict | None, forget_bias: float) -> list:
    """The live run (thick) and the reference runs trained as it was (dotted): the same model, length
    and forget-gate bias, if any."""
    curves = [{**run, "name": ui.t("gradient_flow.live_curve", model=name, T=run["seq_len"]), "variant": model, "width": 3}]
    variant = reference_variant(ref, model, forget_bias) if ref is not None else None
    if variant is not None:
        same = [r for r in reference_curves(ref, run["seq_len"]) if r["variant"] == variant]
        ref_name = model_names(ui.lang())[variant]  # "LSTM, forget bias 0": which runs these are, by name
        curves += [
            {**r, "name": ui.t("gradient_flow.ref_curve", model=ref_name, seed=r["seed"]), "dash": "dot", "width": 1}
            for r in same
        ]
    return curves


def live_said(curves: list) -> str:
    """The live chart's reference runs for a screen reader (live_curves: the live run first), as
    profiles_said says the first chart's result: only when some are drawn (none at a length or
    forget-gate bias the reference runs did not train)."""
    references = curves[1:]
    if not references:
        return ""
    model = model_names(ui.lang())[references[0]["variant"]]
    return ui.t("chart.gf_live_curve.references", n=len(references), model=model, T=curves[0]["seq_len"])


def reference_variant(ref: dict, model: str, forget_bias: float) -> str | None:
    """The reference runs' variant trained as a live `model` with `forget_bias` is: the model's own at
    the setup's forget-gate bias (1), "lstm_fb0" for an LSTM at 0, none at another bias (an LSTM at −3
    was compared with runs at 1). A model without a forget gate ignores the bias."""
    if not experiments.takes_forget_bias(model) or forget_bias == ref["setup"].get("forget_bias", 1.0):
        return model
    return "lstm_fb0" if model == "lstm" and forget_bias == 0 else None


def summary(rows: list) -> tuple[int, list]:
    """At the longest length: (T, [(variant, median final test MSE, number of seeds)])."""
    T = max(r["seq_len"] for r in rows)
    variants = dict.fromkeys(r["variant"] for r in rows if r["seq_len"] == T)
    return T, [
        (v, float(np.median(m)), len(m))
        for v in variants
        for m in [[r["test_mse"] for r in rows if r["seq_len"] == T and r["variant"] == v]]
    ]


def rows_table(rows: list) -> pd.DataFrame:
    """The reference runs' final test MSE, one row per run, in the learner's language."""
    import pandas as pd

    names = model_names(ui.lang())
    return pd.DataFrame(
        {
            ui.t("gradient_flow.col.model"): [names[r["variant"]] for r in rows],
            ui.t("gradient_flow.col.seq_len"): [r["seq_len"] for r in rows],
            ui.t("app.seed"): [r["seed"] for r in rows],
            ui.t("gradient_flow.col.test_mse"): [r["test_mse"] for r in rows],
        }
    )


def reference_curves(ref: dict, seq_len: int) -> list:
    return [r for r in ref["runs"] if r["seq_len"] == seq_len]


# --- the adding problem: a live run -----------------------------------------------------------


@dataclass(frozen=True)
class LiveRun:
    model: str
    settings: experiments.AddingSettings


def _work(job, live: LiveRun):
    """Runs in the job's thread: no Streamlit calls here."""
    with job.slot():
        # a snapshot per report: the page reads it while the thread goes on appending
        run = experiments.train_adding(
            live.model,
            live.settings,
            progress=lambda run, step: job.progress.append(run.to_dict()),
            should_stop=job.should_stop,
        )
        return run.to_dict()


def start(model: str, seq_len: int, steps: int, forget_bias: float, seed: int):
    if not 2 <= seq_len <= LIVE_MAX_LEN or not 100 <= steps <= LIVE_MAX_STEPS:
        raise UserInputError("gradient_flow.err_live", max_len=LIVE_MAX_LEN, max_steps=LIVE_MAX_STEPS)
    adding = experiments.AddingSettings(
        seq_len=seq_len, steps=steps, forget_bias=forget_bias, seed=seed, eval_every=50
    ).validate()
    live = LiveRun(model, adding)
    return RUN.start(_work, live, about=live)


def latest(current) -> dict | None:
    """The run as far as it got: the final result, or the last progress report."""
    if current.result is not None:
        return current.result
    return current.progress[-1] if current.progress else None
