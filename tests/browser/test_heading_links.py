"""Section links in the browser: ui.anchor names a heading as Streamlit's own slugify does (so no
English link changed), and a section link shared in English opens that section in Chinese."""

import json
import unicodedata

import pytest

import ui
from tests.streamlit_server import app_server, open_page
from ui.i18n import STRINGS

pytestmark = pytest.mark.browser

MARKUP = set("*_`$[]{}<>#|~\\\n")  # texts that Markdown would render differently are left out
TRICKY = ["The equations (PyTorch's convention)", "LSTMCell and GRU2", "Café déjà vu", "ROC/PR — 0.5", "Keras’s model"]


def latin(text):
    """No Greek letter: Streamlit spells σ as "s", ui.anchor leaves it out (no heading holds one)."""
    return not any("GREEK" in unicodedata.name(c, "") for c in text)


def test_ui_anchor_names_headings_as_streamlit_does(browser, tmp_path):
    """Every short one-line English string of the app (and a few hard cases) drawn as a heading without a
    link name: the id Streamlit gives it is ui.anchor's."""
    plain = {en for en, _ in STRINGS.values() if len(en) <= 90 and not MARKUP & set(en) and ui.anchor(en) and latin(en)}
    texts = sorted(plain | set(TRICKY))  # no Latin letter or digit (",", "→"): Streamlit's name is a hash
    script = tmp_path / "headings.py"
    script.write_text(f"import streamlit as st\nfor text in {json.dumps(texts)}:\n    st.header(text)\n", encoding="utf-8")
    with app_server(script=script) as server:
        page = open_page(browser, server.base_url)
        try:
            page.wait_for_function(f"document.querySelectorAll('h2[id]').length >= {len(texts)}")
            drawn = page.eval_on_selector_all("h2[id]", "hs => hs.map(h => [h.id, h.textContent.trim()])")
        finally:
            page.close()
    assert len(drawn) == len(texts)
    assert [[ui.anchor(text), text] for _, text in drawn] == drawn


def test_a_section_link_shared_in_english_opens_that_section_in_chinese(browser, app_url):
    """The section stays in sight once the charts above it are drawn (Streamlit scrolls to it once, when
    it appears; the charts then pushed it 400-1,000 px down), and a learner's own scrolling is not undone."""
    section = "4-the-long-lag-experiment-the-adding-problem"
    page = open_page(browser, f"{app_url}/gradient-flow?lang=zh#{section}")
    top = f"document.getElementById('{section}').getBoundingClientRect().top"
    try:
        assert page.locator(f"h2[id='{section}']").inner_text().startswith("4. 长时滞实验")
        page.wait_for_function(f"{top} >= 0 && {top} < 150", timeout=10_000)
        page.wait_for_timeout(1000)  # charts above it finish drawing
        assert 0 <= page.evaluate(top) < 150
        page.mouse.move(700, 500)
        page.mouse.wheel(0, -1500)
        page.wait_for_timeout(1000)
        assert page.evaluate(top) > 1000
    finally:
        page.close()
