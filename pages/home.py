import inspect

import streamlit as st

import ui
from lstm_core import equations, scratch
from plots.diagram import cell_svg
from ui.site import PAGES

ui.page("home")
t = ui.t

ui.heading(st.title, "home.title")
ui.show_notes()  # a link's bad language or teacher value
st.markdown(t("home.intro"))

ui.heading(st.header, "home.cell_header")
ui.svg(cell_svg(names={g: t(f"home.gate.{g}") for g in "figo"}, title=t("home.cell_header")), alt=t("home.cell_alt"))
st.caption(t("home.cell_caption"))

left, right = st.columns([3, 2])
with left:
    ui.heading(st.subheader, "home.equations_header")
    for latex in equations.LSTM.values():
        st.latex(latex)
    st.caption(t("home.equations_note"))
with right:
    ui.heading(st.subheader, "home.why_header")
    st.markdown(t("home.why"))
    st.latex(r"\frac{\partial c_t}{\partial c_{t-1}} = \operatorname{diag}(f_t)")

# The code is sent only while its expander is open: highlighting it took the browser 0.3 s on
# every open of this page, folded or not (a Chromium profile of bench/page_open.py's opens).
scratch_box = st.expander(t("home.scratch_header"), key="home:scratch", on_change="rerun")
if scratch_box.open:
    scratch_box.markdown(t("home.scratch_intro"))
    scratch_box.code(inspect.getsource(scratch), language="python", line_numbers=True)

ui.heading(st.header, "home.tour_header")
for page in PAGES[1:]:
    st.page_link(page.file, label=f"**{t('nav.' + page.slug)}** — {t('home.tour.' + page.slug)}")
