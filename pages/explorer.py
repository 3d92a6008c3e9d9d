import streamlit as st

import ui
from lstm_core.errors import UserInputError
from plots.explorer_component import for_projector
from ui import explorer_state as state
from ui import keras_files, model_files

ui.page("explorer")
t = ui.t

ui.heading(st.title, "explorer.title")
st.caption(t("explorer.intro"))
with st.expander(t("explorer.guide_title")):
    st.markdown(t("explorer.guide"))

notes = st.container()  # filled last: widgets further down may also have ignored a bad link value
# teacher mode folds the upload boxes away: a projected sidebar shows the page, not two drop zones
uploads = st.sidebar.expander(t("explorer.uploads")) if ui.teacher() else st.sidebar
model_files.upload_widget(where=uploads)  # a model saved from /train or /forecast, traced here
keras_files.upload_widget(where=uploads)  # or the learner's own Keras model
state.apply_request()
settings = state.settings_ui()

try:
    run = state.cached_run(settings)
except UserInputError as exc:
    ui.error(exc)
    run = None

# the time step: the stepper reads and writes ?t= itself
ui.browser_param("t", r"[0-9]{1,6}", last=None if run is None else len(run.labels) - 1)
above_tabs = st.container()
# only the open tab is drawn: a hidden what-if chart must not slow down a change of variant
tab_step, tab_what_if, tab_lab = ui.tabs("tab", state.TABS, [f"explorer.tab_{s}" for s in state.TABS])

if run is not None:
    with above_tabs:  # the traced model's notes, layer and unit: the lab has one unit of its own
        for key, params in [] if tab_lab.open else run.notes:
            st.info(t(key, **params), icon=":material/info:")
        layer, unit = state.view_ui(run, shown=not tab_lab.open)

with tab_step:
    if run is not None and tab_step.open:
        # the whole trace goes to the browser once; stepping never comes back to the server
        page = state.cached_html(settings, layer, unit)
        # alt: the frame's name for a screen reader (Streamlit's own is "st.iframe")
        st.iframe(for_projector(page) if ui.teacher() else page, height="content", alt=t("explorer.stepper_alt"))
        st.download_button(
            t("explorer.download"), state.csv_for(settings), file_name="lstm_lab_trace.csv", mime="text/csv",
            help=t("explorer.download_help"), on_click="ignore", icon=":material/download:",
        )  # fmt: skip

with tab_what_if:
    if run is not None and tab_what_if.open:
        state.what_if_ui(run, settings, layer, unit)

with tab_lab:
    if tab_lab.open:
        state.lab_ui()

with notes:
    ui.show_notes()
