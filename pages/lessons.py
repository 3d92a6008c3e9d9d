"""A learning path through the app: read, predict, open the page with the right settings, quiz."""

import streamlit as st

import ui
from ui import lessons_state as state
from ui import settings
from ui.lessons_content import SLUGS

lang = ui.page("lessons")
t = ui.t

ui.heading(st.title, "nav.lessons")
st.markdown(t("lessons.intro"))
slug = settings.draw(state.Pick, where=st.sidebar).lesson
ui.show_notes()
state.progress()
state.glossary()

lesson = state.lesson_by_slug(slug)
ui.heading(st.header, "lessons.number", f"lessons.{slug}.title", n=SLUGS.index(slug) + 1)
st.markdown(t(f"lessons.{slug}.body"))
state.predict_box(lesson, lang)
state.quiz(lesson)
state.remember()
st.divider()
state.navigation(slug)
state.focus_heading()  # last on the page: nothing above it moves
