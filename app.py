"""LSTM Lab: the router. Every page is registered here with its public URL path."""

import streamlit as st
import torch

import ui

# Many learners share one small server: one thread per training run, and at most
# ui.jobs.MAX_CONCURRENT_TRAININGS runs at once, keeps every session responsive.
torch.set_num_threads(1)
ui.warm_up()

st.set_page_config(page_title=ui.t("app.title"), page_icon=":material/memory:", layout="wide")

PAGES = [  # (file, url path, title key, icon)
    ("pages/home.py", "", "nav.home", ":material/home:"),
    ("pages/explorer.py", "explorer", "nav.explorer", ":material/biotech:"),
    ("pages/gradient-flow.py", "gradient-flow", "nav.gradient_flow", ":material/trending_down:"),
    ("pages/train.py", "train", "nav.train", ":material/model_training:"),
    ("pages/text-pipeline.py", "text-pipeline", "nav.text_pipeline", ":material/text_fields:"),
    ("pages/metrics.py", "metrics", "nav.metrics", ":material/target:"),
    ("pages/forecast.py", "forecast", "nav.forecast", ":material/show_chart:"),
    ("pages/lessons.py", "lessons", "nav.lessons", ":material/school:"),
]

nav = st.navigation(
    [st.Page(path, title=ui.t(title), icon=icon, url_path=url or None, default=not url) for path, url, title, icon in PAGES]
)
ui.document(nav.title)
nav.run()
