import streamlit as st

import ui

ui.page("lessons")
st.title(ui.t("nav.lessons"))
st.info(ui.t("app.coming_soon"))
