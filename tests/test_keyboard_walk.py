"""A keyboard and screen-reader walk of the pages the earlier audits did not walk (/train after a run,
/forecast after a run, /metrics, /text-pipeline), and /explorer's two uploaders:

- /explorer's sidebar has two upload boxes, and a screen reader said "Upload" (and "file upload", and
  "Add files" once a file is in) for both: each of a box's own controls is named after its box now,
  "Upload: Load a model file (.npz)" (ui._SCRIPT, with Streamlit's other words);
- /forecast's model settings, drawn in two rows of four, were four columns of two: Tab and a screen
  reader went down each column (layers, optimizer, units, learning rate, ...), not along the rows;
- /train's mistakes table: a screen reader read a confidence the screen shows as 0.684 as
  "0.6840000152587891" (a float32 as a double, in the grid's copy for screen readers)."""

from __future__ import annotations

import json

import numpy as np
import pytest

import ui
from tests.apptest import open_page as open_app_page
from tests.browser.test_keyboard import FOCUSED
from tests.streamlit_server import NEXT_FRAME, open_page, problems, wait_rendered
from tests.test_train_evaluation import _run
from ui import train_evaluation
from ui.i18n import translate

LANGS = ["en", "zh"]


# --- /forecast: the model settings in reading order ---------------------------------------------------


def _keys_in_order(node, found: list[str]) -> list[str]:
    """The widgets' keys in the page's order, which is the Tab order (AppTest keeps the page's tree)."""
    for child in getattr(node, "children", {}).values():
        if isinstance(key := getattr(child, "key", None), str):
            found.append(key)
        _keys_in_order(child, found)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_forecast_model_settings_come_along_their_rows(lang):
    at = open_app_page("pages/forecast.py", lang=lang)
    assert not at.exception
    names = ("layers", "units", "epochs", "seed", "opt", "lr", "batch")
    keys = [k for k in _keys_in_order(at.main, []) if k in {f"forecast:{n}" for n in names}]
    assert keys == [f"forecast:{n}" for n in names]  # the top row, then the row under it


# --- /train: the mistakes table is read as it shows -----------------------------------------------------


def test_a_mistakes_confidence_is_read_with_the_digits_shown():
    """A real run's scores are float32. The grid's copy for screen readers writes each number as the
    browser writes a double (as Python's repr does): three decimals, as on the screen."""
    run = _run(seed=5)
    run.result.test_proba = run.result.test_proba.astype(np.float32)
    table = train_evaluation.mistakes(run, train_evaluation.predictions(run, 0.5))
    assert len(table) > 3
    said = [repr(float(v)) for v in table["confidence"]]
    assert all(len(text.split(".")[1]) <= 3 for text in said), said
    assert table["confidence"].tolist() == [round(float(p), 3) for p in table["confidence"]]


# --- /explorer: each uploader's controls are named after its box ---------------------------------------


def test_the_page_script_has_the_uploader_words_with_their_box():
    """[Streamlit's word, in English and Chinese, then the same with its box {x}], for each control."""
    boxed = json.loads(ui._streamlit_words())["boxed"]
    both = lambda key: [translate(key, lang) for lang in LANGS]  # noqa: E731
    assert boxed == [both(f"streamlit.{w}") + both(f"streamlit.{w}_to") for w in ("upload", "file_upload", "add_files")]
    for *_, en, zh in boxed:  # the word first (as the button shows it: its name starts with its text), then the box
        assert en.endswith("{x}") and zh.endswith("{x}") and "{x}" not in en[:-3] + zh[:-3]


# the names of each uploader's own controls (its hidden file input, its buttons), per uploader
UPLOADER_NAMES = """() => [...document.querySelectorAll('[data-testid="stFileUploaderDropzone"]')].map((zone) =>
  [...zone.querySelectorAll('input, button')].map((e) => e.getAttribute('aria-label') ?? e.innerText))"""


@pytest.mark.browser
def test_the_two_upload_buttons_are_told_apart(app_url, browser, artifacts, tmp_path):
    """In Chinese, then English after a switch, then with a file in the Keras box: every control of each
    box is named after the box, in the page's language; Tab reaches each Upload button, with its outline."""
    notes = tmp_path / "notes.json"
    notes.write_text("{}")
    page = open_page(browser, f"{app_url}/explorer?lang=zh")
    try:
        for lang in LANGS[::-1]:
            if lang == "en":
                page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
                page.wait_for_function("document.documentElement.lang === 'en'", timeout=30_000)
                wait_rendered(page)
            boxes = [translate("model.upload", lang), translate("keras.upload", lang)]

            def named(key, box, lang=lang):
                return translate(f"streamlit.{key}", lang, x=box)

            expected = [[named("file_upload_to", box), named("upload_to", box)] for box in boxes]
            page.wait_for_function(
                f"(expected) => JSON.stringify(({UPLOADER_NAMES})()) === JSON.stringify(expected)", arg=expected, timeout=10_000
            )
            for box in boxes:  # by Tab, as a keyboard reaches it, and as the accessibility tree says it
                page.get_by_role("button", name=translate("streamlit.help_for", lang, x=box)).focus()
                page.keyboard.press("Tab")
                page.evaluate(NEXT_FRAME)  # the page script names controls in the frame after a change
                focused = page.evaluate(FOCUSED)
                assert focused["visible"] and focused["text"] == named("upload_to", box)
                assert page.get_by_role("button", name=named("upload_to", box), exact=True).count() == 1
                page.screenshot(path=str(artifacts / f"keyboard_walk_upload_{lang}_{boxes.index(box)}.png"))
        keras = page.locator("[data-testid='stFileUploader']").nth(1)
        keras.locator("input[type=file]").set_input_files(str(notes))
        box = translate("keras.upload", "en")
        page.get_by_role("button", name=translate("streamlit.add_files_to", "en", x=box), exact=True).wait_for(timeout=30_000)
        wait_rendered(page)
        assert problems(page) == []
    finally:
        page.close()
