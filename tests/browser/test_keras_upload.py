"""A learner's Keras model and word index, uploaded in /explorer's sidebar in a real browser: the
explorer opens it on words from the word index, shows Keras's prediction, and steps through it; in
both languages (screenshots in tests/artifacts/)."""

import json

import pytest

from tests import keras_files as kf
from tests.streamlit_server import open_page, problems, wait_rendered
from ui.i18n import translate

pytestmark = pytest.mark.browser

WORDS = {"<OOV>": 1, "the": 2, "film": 3, "was": 4, "great": 5, "电影": 6, "好看": 7}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_keras_model_and_its_word_index_open_in_the_explorer(app_url, browser, artifacts, tmp_path, lang):
    model = tmp_path / "sentiment.keras"
    model.write_bytes(kf.keras_zip())
    tokenizer = tmp_path / "tokenizer.json"
    tokenizer.write_text(
        json.dumps({"class_name": "Tokenizer", "config": {"oov_token": "<OOV>", "word_index": json.dumps(WORDS)}})
    )

    page = open_page(browser, f"{app_url}/explorer?lang={lang}")
    try:
        uploads = page.locator("[data-testid='stSidebar'] input[type='file']")
        assert uploads.count() == 2  # the .npz upload, and the Keras one beside it
        uploads.nth(1).set_input_files([str(model), str(tokenizer)])
        title = translate("keras.title", lang, name="sentiment.keras")
        page.get_by_text(title, exact=False).first.wait_for(timeout=30_000)
        wait_rendered(page)
        # the explorer opened the model on the word index's first words (ids 2..5: "the film was great")
        expected = ", ".join(f"{v:.4f}" for v in kf.expected_prediction([[2, 3, 4, 5, 6, 7]])[0])
        page.get_by_text(expected, exact=False).first.wait_for(timeout=30_000)
        assert page.frame_locator("iframe").first.locator("body").count() == 1
        assert problems(page) == []
        page.screenshot(path=str(artifacts / f"explorer_keras_{lang}.png"), full_page=True)

        # a Lambda layer: refused by name, in the learner's language; the page keeps working
        config = kf.config()
        config["config"]["layers"].insert(2, {"class_name": "Lambda", "config": {"name": "lambda", "function": "x"}})
        bad = tmp_path / "lambda.keras"
        bad.write_bytes(kf.keras_zip(config))
        page.goto(f"{app_url}/explorer?lang={lang}")  # a fresh uploader: it keeps adding files to its list
        wait_rendered(page)
        uploads.nth(1).set_input_files(str(bad))
        refusal = translate("keras.err_layer", lang, layer="Lambda")
        page.locator("[data-testid='stAlertContentError']", has_text=refusal[:40]).first.wait_for(timeout=30_000)
        wait_rendered(page)
        assert problems(page) == []
    finally:
        page.close()
