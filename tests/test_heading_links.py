"""A section link opens the same section in both languages: each heading's link (#anchor) is the
English heading's, in Chinese too. Streamlit names a link after a heading's Latin letters, so the
Chinese headings' were "#1", "#lstm" or a hash."""

import ast
from pathlib import Path

import pytest

import ui
from tests.apptest import ROOT, open_page
from ui.lessons_content import SLUGS
from ui.site import PAGES

KINDS = ("title", "header", "subheader")
CASES = [(page.file, {}) for page in PAGES]
CASES += [("pages/lessons.py", {"lesson": slug}) for slug in SLUGS[1:]]  # the first is the default
CASES += [("pages/gradient-flow.py", {"teacher": 1}), ("pages/train.py", {"teacher": 1})]


def headings(file, lang, query):
    at = open_page(file, lang=lang, **query)
    assert not at.exception
    return [(e.proto.anchor, e.value) for kind in KINDS for e in at.get(kind)]


@pytest.mark.parametrize(("file", "query"), CASES, ids=[f"{f}{q}" for f, q in CASES])
def test_every_heading_links_to_the_same_section_in_both_languages(file, query):
    en, zh = headings(file, "en", query), headings(file, "zh", query)
    anchors = [anchor for anchor, _ in en]
    assert len(en) >= 1 and all(anchors)
    assert [anchor for anchor, _ in zh] == anchors
    assert len(set(anchors)) == len(anchors), "two sections of one page share a link"
    # English links stay as Streamlit names them (ui.anchor is checked against Streamlit in the browser)
    assert anchors == [ui.anchor(text) for _, text in en]


def test_no_page_draws_a_heading_but_through_ui_heading():
    """A heading drawn directly (st.header, a column's .subheader) would take Streamlit's own link name
    in Chinese again; ui.heading is the one place headings are drawn, results and sidebars included."""
    direct = []
    for path in [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            receiver = ast.unparse(node.func.value)
            if node.func.attr in ("header", "subheader") or (node.func.attr == "title" and receiver.startswith("st")):
                direct.append(f"{Path(path).relative_to(ROOT)}:{node.lineno} {receiver}.{node.func.attr}")
    assert direct == []


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("The equations (PyTorch's convention)", "the-equations-py-torchs-convention"),
        ("Vanilla RNN: the Jacobian Jₜ", "vanilla-rnn-the-jacobian-j"),
        ("3 · Min-Max scaling: fitted on the training part only", "3-min-max-scaling-fitted-on-the-training-part-only"),
        ("Café déjà vu", "cafe-deja-vu"),
    ],
)
def test_the_english_link_name_is_streamlits(text, link):
    """Cases from the pages as Streamlit 1.67 named them before ui.heading named them itself."""
    assert ui.anchor(text) == link
