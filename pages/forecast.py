import streamlit as st

import ui

ui.page("forecast")
st.title(ui.t("nav.forecast"))
st.info(ui.t("app.coming_soon"))
