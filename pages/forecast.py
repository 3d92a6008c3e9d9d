from dataclasses import asdict

import streamlit as st

import ui
from datasets.series import date_resolution, future_labels
from lstm_core import forecasting
from lstm_core.errors import UserInputError
from plots import forecast as plots
from plots.style import alike
from ui import forecast_state as state
from ui import model_files, settings
from ui.i18n import counted

ui.page("forecast")
t = ui.t
ui.heading(st.title, "forecast.title")
st.markdown(t("forecast.intro"))
with st.expander(t("forecast.explain_header"), icon=":material/menu_book:"):
    st.markdown(t("forecast.explain"))
names = {k: t(f"forecast.{k}") for k in ("train", "val", "test", "input", "target", "unused", "pair", "actual", "forecast")}
names |= {k: t(f"forecast.{k}") for k in ("train_pred", "val_pred", "test_pred", "test_pred_leaky")}
names |= {"time": t("forecast.axis.time"), "step": t("forecast.axis.step"), "scaled": t("forecast.axis.scaled")}

# --- 1. the series ---
ui.heading(st.header, "forecast.data_header")
series, unit = state.series_picker()
if series is None:
    ui.show_notes()
    ui.stop()
values, labels = series.values, series.labels
if resolution := date_resolution(labels):
    names["dates"] = {k: t(f"forecast.date.{k}") for k in ("time", "day", "month")} | {"hover": t(f"forecast.date.{resolution}")}

# --- 2. windows and the split on time ---
ui.heading(st.header, "forecast.window_header")
windows = settings.draw(state.Windows, columns=st.columns(2))
window = windows.window
try:
    parts = forecasting.split_windows(values, window, windows.test_fraction, windows.val_fraction)
except UserInputError as exc:
    ui.error(exc)
    ui.show_notes()
    ui.stop()
names["value"] = unit
series_fig = plots.series_figure(labels, values, parts.split, names, t("forecast.plot.series_title"), parts.val_start)
ui.chart(series_fig, key="forecast_series")
st.caption(t("forecast.series_caption", n=len(values), unit=unit))
if values.min() == values.max():  # persistence is exact: nothing to learn, nothing to beat
    st.warning(t("forecast.constant_series", value=values[0]), icon=":material/warning:")
st.caption(
    t(
        "forecast.window_caption",
        pairs=len(parts.y_train) + len(parts.y_val) + len(parts.y_test),
        train=len(parts.y_train),
        val=len(parts.y_val),
        test=len(parts.y_test),
    )
)
ui.chart(plots.windows_figure(values, window, 6, names, t("forecast.plot.windows_title")), key="forecast_windows")

# --- 3. scaling ---
ui.heading(st.header, "forecast.scale_header")
clean, whole = forecasting.fit_scaler(values, parts.val_start), forecasting.fit_scaler(values, parts.split, leaky=True)
scale_names = names | {"clean": t("forecast.leak_train_only"), "leaky": t("forecast.leak_whole")}
fig = plots.scaling_figure(
    labels, clean.transform(values), whole.transform(values), parts.split, scale_names, t("forecast.plot.scaling_title"),
    parts.val_start,
)  # fmt: skip
ui.chart(fig, key="forecast_scaling")
st.caption(state.leak_caption(values, parts.split, parts.val_start))
compare_leak = settings.draw(state.Leak).compare_leak

# --- 4. model and training ---
ui.heading(st.header, "forecast.model_header")
training = settings.draw(state.Model, columns=[*st.columns(4), *st.columns(4)])  # two rows (state.Model)
layers, units = training.layers, training.units
params, keras = (forecasting.parameter_count(layers, units, biases) for biases in (2, 1))
st.caption(t(counted("forecast.model_caption", layers), layers=layers, units=units, params=params, keras=keras))
config = forecasting.ForecastConfig(**asdict(windows), **(asdict(training) | {"lr": float(training.lr)}), season=series.season)
if st.button(t("forecast.train_button"), type="primary", icon=":material/play_arrow:", key="forecast_train"):
    state.start(values, config, compare_leak)
ui.show_notes()
state.live_panel()

outcome = state.outcome(state.fingerprint(values, config, compare_leak))
if outcome is None:
    if state.finished_other():
        st.info(t("forecast.stale"), icon=":material/info:")
    ui.stop()
result = outcome.runs["clean"]
if "leaky" in outcome.runs:  # its dashed loss curves above are on another scale
    st.caption(state.leaky_loss_caption(clean, whole))

# --- 5. results ---
ui.heading(st.header, "forecast.results_header")
state.verdict(outcome.runs)
state.results_table(outcome.runs, values)
leaky_pred = outcome.runs["leaky"].test_pred if "leaky" in outcome.runs else None
fig = plots.predictions_figure(
    labels, values, parts.split, parts.train_index, result.train_pred, parts.test_index, result.test_pred, names,
    t("forecast.plot.predictions_title"), leaky_pred, parts.val_index, result.val_pred,
)  # fmt: skip
ui.chart(fig, key="forecast_predictions")

# --- 6. beyond the data ---
ui.heading(st.header, "forecast.future_header")
horizon = settings.draw(state.Horizon).horizon
ui.show_notes()
future = result.forecast(values, horizon)
ui.chart(
    plots.future_figure(labels, values, future_labels(labels, horizon), future, names, t("forecast.plot.future_title")),
    key="forecast_future",
)
st.caption(t("forecast.future_caption"))
st.caption(state.horizon_caption(result, values))

# --- 7. inside the model ---
ui.heading(st.header, "forecast.inside_header")
pair = settings.draw(state.Pair, n=len(parts.y_test)).pair - 1
target, pred = alike([parts.y_test[pair], result.test_pred[pair]])  # read against each other: the same decimals
st.caption(t("forecast.pick_caption", label=labels[parts.test_index[pair] - 1], target=target, pred=pred))
model = state.trained_model(result, pair, series)
if st.button(t("forecast.open_explorer"), icon=":material/biotech:", key="forecast_explorer"):
    state.open_in_explorer(model)
model_files.download_button(model)
st.download_button(
    t("forecast.get_code"), state.code_zip(values, config, result), "lstm_lab_forecast.zip", "application/zip",
    help=t("forecast.get_code_help"), on_click="ignore", icon=":material/code:",
)  # fmt: skip
