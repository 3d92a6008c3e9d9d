import streamlit as st

import ui

ui.page("metrics")
st.title(ui.t("nav.metrics"))
st.info(ui.t("app.coming_soon"))
