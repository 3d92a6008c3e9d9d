import streamlit as st

import ui

ui.page("explorer")
st.title(ui.t("nav.explorer"))
st.info(ui.t("app.coming_soon"))
