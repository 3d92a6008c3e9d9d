import streamlit as st

import ui

ui.page("train")
st.title(ui.t("nav.train"))
st.info(ui.t("app.coming_soon"))
