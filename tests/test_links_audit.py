"""Links audit: what a teacher's link does when it is odd, through the real router, in both languages.

A note about a link names the parameter and what the page uses instead; a parameter the page does not
have (a typo) is named, with the setting it may have meant, and leaves the link; a parameter given
twice is said; ?lang= takes any case and a region; nothing in a link becomes a link or formatting in
a note."""

import re

import pytest

from tests.apptest import open_page
from ui.declared import names
from ui.i18n import translate
from ui.site import PAGES

FILE = {p.slug: p.file for p in PAGES}


def _infos(at) -> list[str]:
    return [i.value for i in at.info]


@pytest.mark.parametrize(("lang", "uses"), [("en", "the page uses tp='90'"), ("zh", "页面改用 tp='90'")])
def test_a_note_names_the_value_the_page_uses_instead(lang, uses):
    at = open_page(FILE["metrics"], lang=lang, tp="nan")
    assert not at.exception
    (note,) = [n for n in _infos(at) if "tp=" in n]
    assert "tp='nan'" in note and uses in note
    assert at.session_state["metrics:tp"] == 90 and "tp" not in at.query_params


def test_a_bad_language_names_the_language_used():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file("../pages/metrics.py", default_timeout=90)  # one run, as a browser opening the link
    at.query_params.update(lang="fr")
    at.run()
    assert any("lang='fr'" in n and "lang='en'" in n for n in _infos(at)), _infos(at)


@pytest.mark.parametrize("raw", ["ZH", "zh-CN", "zh_Hans", " Zh "])
def test_lang_in_any_case_or_with_a_region_opens_that_language(raw):
    at = open_page(FILE["metrics"], lang=raw)
    assert not at.exception
    assert at.query_params["lang"] == "zh" and at.session_state["lang"] == "zh"
    assert not _infos(at) or not any("lang" in n for n in _infos(at))


@pytest.mark.parametrize("raw", ["TRUE", "on", "Yes"])
def test_teacher_mode_takes_what_any_on_off_setting_takes(raw):
    at = open_page(FILE["metrics"], lang="en", teacher=raw)
    assert not at.exception and at.session_state["teacher"] is True and at.query_params["teacher"] == "1"
    assert not any("teacher" in n for n in _infos(at))


@pytest.mark.parametrize("value", ["x www.evil.com", "x WWW.evil.com"])
def test_a_crafted_value_cannot_become_a_link_in_the_note(value):
    """Streamlit's Markdown makes a bare www.example.com a link (found in a browser: <a href=
    "http://www.evil.com">): the note blanks the dot."""
    at = open_page(FILE["metrics"], lang="en", tp=value)
    (note,) = [n for n in _infos(at) if "tp=" in n]
    assert not re.search(r"www\.", note, re.IGNORECASE), note


def test_a_line_break_in_a_value_cannot_format_the_note():
    """A value with line breaks had put a rule and a numbered list into the note (<hr>, <ol> in a browser)."""
    at = open_page(FILE["metrics"], lang="zh", tp="x\n\n---\n1. a", fp="big\n===")
    notes = [n for n in _infos(at) if "tp=" in n or "fp=" in n]
    assert len(notes) == 2
    for note in notes:
        assert "\n" not in note, note


def test_a_note_quotes_a_long_value_as_cut_and_an_invisible_character_blanked():
    at = open_page(FILE["metrics"], lang="en", tp="9" * 500, fp="\u202eevil")
    tp, fp = ([n for n in _infos(at) if f"{k}=" in n][0] for k in ("tp", "fp"))
    assert "9" * 40 + "…'" in tp and "9" * 41 not in tp
    assert "\u202e" not in fp and "fp='·evil'" in fp


@pytest.mark.parametrize("slug", [p.slug for p in PAGES])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_parameter_the_page_does_not_have_is_named_and_leaves_the_link(slug, lang):
    """?seeed=3 (a typo) had been kept in the link without a word, on every page."""
    at = open_page(FILE[slug], lang=lang, seeed="3")
    assert not at.exception, [e.message for e in at.exception]
    notes = [n for n in _infos(at) if "seeed" in n]
    assert len(notes) == 1, _infos(at)
    assert notes[0].startswith(translate("app.unknown_query", lang, name="seeed", value="3"))
    assert "seeed" not in at.query_params and at.query_params["lang"] == lang
    has_seed = "seed" in names(slug)
    assert (translate("app.unknown_query_guess", lang, guess="seed") in notes[0]) == has_seed, notes[0]


def test_an_unknown_name_with_markup_is_quoted_inert():
    at = open_page(FILE["home"], lang="en", **{"<b>x</b>": "<script>alert(1)</script>"})
    (note,) = [n for n in _infos(at) if "has no setting" in n]
    assert "<" not in note and "·b·x··b·" in note


@pytest.mark.parametrize(
    ("slug", "query"),
    [
        ("metrics", {"from": "timeline", "isappinstalled": "0", "utm_source": "newsletter"}),  # added by a share
        ("explorer", {"iv": "zero_f", "t": "2"}),  # a closed tab's setting, the stepper's step
        ("train", {"threshold": "0.3", "n_parity": "400"}),  # drawn once a model has trained; another data set's size
        ("forecast", {"horizon": "3"}),  # drawn once a model has trained
        ("home", {"teacher": "1"}),
    ],
)
def test_a_parameter_the_page_reads_elsewhere_stays(slug, query):
    at = open_page(FILE[slug], lang="en", **query)
    assert not at.exception
    assert not [n for n in _infos(at) if "has no setting" in n]
    for name in query:
        assert name in at.query_params, name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_parameter_given_twice_is_said_and_the_last_one_used(lang):
    at = open_page(FILE["metrics"], lang=lang, tp=["1", "2"])
    assert not at.exception
    (note,) = [n for n in _infos(at) if "tp" in n]
    assert note == translate("app.repeated_query", lang, name="tp", count=2, value="2")
    assert at.session_state["metrics:tp"] == 2 and at.query_params["tp"] == "2"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_trains_result_tab_is_in_the_link_and_survives_a_language_switch(lang):
    """/train's result tabs were st.tabs: not in the link, and a language switch (new labels) went back to
    the confusion matrix, away from the mistake the learner was reading (seen in a browser)."""
    from tests.test_page_train import _run, shown_run

    other = "zh" if lang == "en" else "en"
    at = shown_run(_run(kind="features", n=20, seed=6), lang=lang, tab="mistakes")
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["train:tab:open"] == translate("train.tab.mistakes", lang)
    assert at.query_params["tab"] == "mistakes"
    at.radio(key="_lang_radio_train").set_value(other).run()
    assert not at.exception
    assert at.session_state["train:tab:open"] == translate("train.tab.mistakes", other)
    assert at.query_params["tab"] == "mistakes" and at.query_params["lang"] == other


def test_a_bad_result_tab_in_the_link_gets_a_note_once_the_run_is_shown():
    from tests.test_page_train import _run, shown_run

    at = shown_run(_run(kind="features", n=20, seed=6), lang="en", tab="roc")
    assert not at.exception
    assert any("tab='roc'" in n and "tab='cm'" in n for n in _infos(at)), _infos(at)
    assert at.session_state["train:tab:open"] == translate("train.tab.cm", "en") and "tab" not in at.query_params


def test_a_negative_zero_in_a_link_reads_zero_on_the_page_and_in_the_link():
    """?fb=-0 showed "forget-gate bias -0.0 ... σ(-0.0)" and put fb=-0.0 in the link."""
    at = open_page(FILE["gradient_flow"], fb="-0")
    assert not at.exception and all("fb=" not in n for n in _infos(at))
    assert at.session_state["gradient_flow:fb"] == 0.0 and at.query_params["fb"] == "0.0"
    assert any("forget-gate bias +0.0 " in c.value for c in at.caption)
    assert not any("-0.0" in c.value for c in at.caption)


@pytest.mark.parametrize(("name", "raw"), [("tp", "８"), ("tp", "1_0"), ("tp", "9.0"), ("T", "1_00"), ("fb", "０.5")])
def test_a_number_is_read_only_as_a_link_writes_one(name, raw):
    """Python's int() and float() also take full-width digits and "1_0": a link never holds them, so
    the page says it did not use them rather than reading a value the learner did not mean."""
    slug = "metrics" if name == "tp" else "gradient_flow"  # every one a value in range, read leniently
    at = open_page(FILE[slug], **{name: raw})
    assert not at.exception
    assert any(f"{name}=" in n for n in _infos(at)), _infos(at)
    assert name not in at.query_params


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_crafted_link_puts_no_link_or_formatting_into_the_notes_in_a_browser(app_url, browser, lang):
    """What the notes' Markdown becomes in the browser: a bare www.… had become an <a>, line breaks an
    <hr> and an <ol>; a typo's note and a repeated name's note are there, and the typo leaves the URL."""
    from tests.streamlit_server import open_page as open_in_browser
    from tests.streamlit_server import problems

    query = "tp=x%20www.evil.com&fn=x%0A%0A---%0A1.%20a&fp=1&fp=2&seeed=3"
    page = open_in_browser(browser, f"{app_url}/metrics?lang={lang}&{query}")
    try:
        assert problems(page) == []
        notes = page.locator("[data-testid='stAlert']")
        assert notes.count() == 4
        assert notes.locator("a, hr, ol, ul, h1, h2, h3").count() == 0
        assert "seeed" not in page.url and "fp=2" in page.url and page.url.count("fp=") == 1
    finally:
        page.close()


@pytest.mark.parametrize("slug", [p.slug for p in PAGES])
def test_no_segmented_control_can_be_clicked_off(slug):
    """A segmented control clicked off showed no option chosen while the page went on with its default."""
    at = open_page(FILE[slug])
    assert not at.exception
    assert all(group.proto.required for group in at.get("button_group")), [g.key for g in at.get("button_group")]
