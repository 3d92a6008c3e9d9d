import streamlit as st

import ui

ui.page("gradient_flow")
st.title(ui.t("nav.gradient_flow"))
st.info(ui.t("app.coming_soon"))
