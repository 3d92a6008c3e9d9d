"""Keyboard and screen readers, fourth pass:

- every heading's link (Streamlit's) was named "Link to heading" ("指向此标题的链接"): a screen reader's
  list of links held as many alike as the page has headings. Each is named after its heading now,
  "Link to: Quiz", "链接到本节：小测验" (ui._SCRIPT), and follows its heading when its text changes;
  two Chinese headings had the h1's anchor ("lstm"), and their links led to the top of the page;
- /train's two rows of five tiles (validation, test) had ten help buttons named "Help for Accuracy",
  "Help for Precision", ... twice: each now says its row, "Help for Accuracy on the test set"
  (ui.help_names);
- /train's mistakes table was st.dataframe: nine Tab stops (its toolbar's four buttons, its canvas four
  times, an unnamed scroll box) and no table to a screen reader. It is a static table now
  (plots.tables.html_table): one Tab stop, a region named after the tab, read as a table with its
  headers; a mistake is still chosen in the select box under it. /lessons's glossary, the same grid
  (seven Tab stops), too."""

from __future__ import annotations

import html
import json
import re

import pytest

import ui
from tests.apptest import html_tables
from tests.streamlit_server import open_page, problems, wait_rendered
from tests.test_keyboard_audit import FOCUSED, press_train
from tests.test_page_train import shown_run
from tests.test_train_evaluation import _run
from ui.i18n import translate
from ui.lessons_content import SLUGS

LANGS = ["en", "zh"]


# --- every heading's link is named after its heading -----------------------------------------------------

# [heading text, its link's name] for every heading with a link
HEADING_LINKS = """() => [...document.querySelectorAll('[data-testid="stHeaderActionElements"] a')].map((a) =>
  [a.closest('h1, h2, h3, h4, h5, h6').querySelector('[data-heading-text]').textContent.trim(), a.getAttribute('aria-label')])"""


def test_the_page_script_has_the_heading_link_words():
    assert json.loads(ui._streamlit_words())["heading"] == [translate("streamlit.heading_link_to", lang) for lang in LANGS]
    for lang in LANGS:
        assert translate("streamlit.heading_link_to", lang).count("{x}") == 1


def _named_after_their_headings(page, lang):
    """Wait until every heading's link is named after its heading; return [heading, name] pairs."""
    said = translate("streamlit.heading_link_to", lang)
    check = f"""() => {{ const links = ({HEADING_LINKS})();
      return links.length > 0 && links.every(([heading, name]) => name === {json.dumps(said)}.replace("{{x}}", heading)); }}"""
    page.wait_for_function(check, timeout=10_000)
    return page.evaluate(HEADING_LINKS)


@pytest.mark.browser
def test_each_heading_link_is_named_after_its_heading(app_url, browser, artifacts):
    """/lessons in English, the next lesson (its h2's text changes in place), then in Chinese."""
    page = open_page(browser, f"{app_url}/lessons?lang=en&lesson={SLUGS[0]}")
    try:
        links = _named_after_their_headings(page, "en")
        names = [name for _, name in links]
        assert len(links) >= 4 and len(set(names)) == len(names)  # no two alike
        title = translate(f"lessons.{SLUGS[0]}.title", "en")
        assert any(title in name for name in names)
        page.get_by_role("button", name=translate("lessons.next", "en")).click()
        page.get_by_role("heading", name=translate(f"lessons.{SLUGS[1]}.title", "en"), exact=False).wait_for(timeout=30_000)
        wait_rendered(page)
        names = [name for _, name in _named_after_their_headings(page, "en")]
        assert any(translate(f"lessons.{SLUGS[1]}.title", "en") in name for name in names)
        assert not any(title in name for name in names)
        page.locator("[data-testid='stSidebar']").get_by_text("简体中文").click()
        page.wait_for_function("document.documentElement.lang.startsWith('zh')", timeout=30_000)
        wait_rendered(page)
        links = _named_after_their_headings(page, "zh")
        assert any(translate(f"lessons.{SLUGS[1]}.title", "zh") in name for _, name in links)
        assert problems(page) == []
        page.get_by_role("link", name=links[1][1]).focus()
        page.screenshot(path=str(artifacts / "keyboard4_heading_link_zh.png"))
    finally:
        page.close()


# [heading's id, its link's target] for every heading with a link, and the ids the page has twice
ANCHORS = """() => ({ links: [...document.querySelectorAll('[data-testid="stHeaderActionElements"] a')].map((a) =>
    [a.closest('h1, h2, h3, h4, h5, h6').id, a.getAttribute('href')]),
  twice: [...document.querySelectorAll('[id]')].map((e) => e.id).filter((id, i, all) => all.indexOf(id) !== i) })"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/gradient-flow"])
def test_each_heading_link_leads_to_its_own_heading(app_url, browser, path):
    """Streamlit makes a heading's anchor from its Latin letters: on Chinese pages "LSTM 单元" (/) and
    "LSTM：单元状态通路" (/gradient-flow) got "lstm", the h1's anchor too, and their links led to the top
    of the page. They keep their English anchors in both languages."""
    for lang in LANGS:
        page = open_page(browser, f"{app_url}{path}?lang={lang}")
        try:
            found = page.evaluate(ANCHORS)
            assert len(found["links"]) >= 5 and found["twice"] == []
            assert all(href == f"#{heading}" for heading, href in found["links"]), found["links"]
        finally:
            page.close()


# --- /train: the tiles' help buttons say their row ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_row_of_tiles_names_its_help_buttons(lang):
    at = shown_run(_run(seed=5), lang=lang)
    assert not at.exception
    forms = re.findall(r'data-lab-help="([^"]*)"', " ".join(h.value for h in at.html))
    assert [html.unescape(f) for f in forms] == [translate(f"train.metric_{part}_help_name", lang) for part in ("val", "test")]
    helps = [m.proto.help for m in at.metric if m.proto.help]
    assert len(helps) == 10  # two rows of five


# --- /train: the mistakes table is a table, one Tab stop ------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_mistakes_table_is_a_named_static_table(lang):
    at = shown_run(_run(kind="features", n=60, seed=5), lang=lang, tab="mistakes")  # "#k" rows, chosen by number
    assert not at.exception and not at.dataframe
    (box,) = [h.value for h in at.html if "<table" in h.value]
    assert f'role="region" aria-label="{html.escape(translate("train.tab.mistakes", lang))}" tabindex="0"' in box
    (table,) = html_tables(at)
    columns = [translate(f"train.col.{c}", lang) for c in ("example", "true", "predicted", "confidence")]
    assert list(table.columns) == columns
    assert all(re.fullmatch(r"[01]\.\d{3}", v) for v in table[columns[3]])  # as the grid showed them: 0.684
    # choosing a mistake still works: the select box offers the table's examples, in its order
    assert at.selectbox(key="train_mistake").options == table[columns[0]].tolist()[:100]


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_is_a_named_static_table(lang):
    from tests.apptest import open_page as open_app_page
    from ui.strings.glossary import GLOSSARY

    at = open_app_page("pages/lessons.py", lang=lang)
    at.session_state["glossary"] = True  # the learner opens it
    at.run()
    assert not at.exception and not at.dataframe
    (box,) = [h.value for h in at.html if "<table" in h.value]
    assert f'role="region" aria-label="{html.escape(translate("glossary.header", lang))}" tabindex="0"' in box
    (table,) = html_tables(at)
    assert len(table) == len(GLOSSARY) and list(table.columns) == [translate(f"glossary.col.{c}", lang) for c in ("en", "zh")]


# the names of the tiles' help buttons, in page order
HELP_NAMES = """() => [...document.querySelectorAll('[data-testid="stMetric"] [data-testid="stTooltipHoverTarget"] button')]
  .map((b) => b.getAttribute('aria-label'))"""


@pytest.mark.browser
@pytest.mark.trains
def test_the_help_buttons_say_their_row_and_the_mistakes_table_is_one_stop(app_url, browser, artifacts):
    """One short run, by keyboard; in English, then in Chinese after a switch (the session keeps its run)."""
    page = open_page(browser, f"{app_url}/train?lang=en&epochs=1&n_negation_en=200&hidden=4&tab=mistakes", viewport=(1400, 1600))
    try:
        press_train(page, "en")
        page.get_by_role("heading", name=translate("train.results_header", "en")).wait_for(timeout=120_000)
        wait_rendered(page)
        for lang in LANGS:
            if lang == "zh":
                page.locator("[data-testid='stSidebar']").get_by_text("简体中文").click()
                page.get_by_role("heading", name=translate("train.results_header", "zh")).wait_for(timeout=60_000)
                wait_rendered(page)
            tiles = [translate(f"train.metric.{k}", lang) for k in ("accuracy", "precision", "recall", "specificity", "f1")]
            wanted = [translate(f"train.metric_{part}_help_name", lang, x=tile) for part in ("val", "test") for tile in tiles]
            page.wait_for_function(
                f"(wanted) => JSON.stringify(({HELP_NAMES})()) === JSON.stringify(wanted)", arg=wanted, timeout=10_000
            )
            button = page.get_by_role("button", name=wanted[5], exact=True)  # the test row's accuracy
            button.focus()
            button.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / f"keyboard4_help_{lang}.png"))
            # the mistakes tab: from its tab, Tab reaches the table's box, then the select box under it
            assert page.locator("[data-testid='stDataFrame']").count() == 0
            page.get_by_role("tab", name=translate("train.tab.mistakes", lang)).focus()
            page.keyboard.press("Tab")
            focused = page.evaluate(
                "() => [document.activeElement.getAttribute('role'), document.activeElement.getAttribute('aria-label')]"
            )
            assert focused == ["region", translate("train.tab.mistakes", lang)]
            region = page.get_by_role("region", name=translate("train.tab.mistakes", lang))
            assert region.get_by_role("columnheader", name=translate("train.col.confidence", lang)).count() == 1
            page.screenshot(path=str(artifacts / f"keyboard4_mistakes_{lang}.png"))
            page.keyboard.press("Tab")
            assert page.evaluate(FOCUSED)[1] == "st-key-train_mistake"
            assert problems(page) == []
    finally:
        page.close()
