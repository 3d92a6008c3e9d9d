"""LSTM Lab: the router. Every page is registered here with its public URL path. app.py serves it."""

import streamlit as st

import ui
from ui.site import PAGES

ui.warm_up()

st.set_page_config(page_title=ui.t("app.title"), page_icon=":material/memory:", layout="wide")

nav = st.navigation(
    [st.Page(p.file, title=ui.t(f"nav.{p.slug}"), icon=p.icon, url_path=p.url or None, default=not p.url) for p in PAGES]
)
ui.document(nav.title)
nav.run()
