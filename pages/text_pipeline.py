import streamlit as st

import ui

ui.page("text_pipeline")
st.title(ui.t("nav.text_pipeline"))
st.info(ui.t("app.coming_soon"))
