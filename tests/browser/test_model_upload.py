"""A model saved as .npz loads back into /explorer's sidebar; a broken file gets a message."""

import numpy as np
import pytest

import lstm_core
from lstm_core import model_io
from tests.streamlit_server import open_page, problems, wait_rendered
from ui.i18n import translate

pytestmark = pytest.mark.browser


def test_a_saved_model_loads_into_the_explorer_and_a_bad_file_is_refused(app_url, browser, tmp_path):
    recorder = lstm_core.random_recorder("lstm", 1, 4, seed=3)
    good = tmp_path / "forecaster.npz"
    meta = {"title": "my forecaster", "source": "forecast", "example": [0.2, 0.9, 0.4], "example_units": "series"}
    good.write_bytes(model_io.save(recorder, scale=[0.0, 1.0], metadata=meta))
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"PK\x03\x04 not really a zip" + bytes(np.arange(200, dtype=np.uint8)))

    page = open_page(browser, f"{app_url}/explorer?lang=en")
    try:
        upload = page.locator("[data-testid='stSidebar'] input[type='file']").first  # the .npz one (Keras's is next)
        upload.set_input_files(str(good))
        page.get_by_text(translate("model.loaded", "en", title="my forecaster")).wait_for(timeout=30_000)
        wait_rendered(page)
        assert problems(page) == []
        # the explorer switches to the loaded model and its example, as it does for a Keras model
        assert "source=trained" in page.url and "numbers=0.2%2C+0.9%2C+0.4" in page.url

        upload.set_input_files(str(bad))
        page.locator("[data-testid='stAlertContentError']").first.wait_for(timeout=30_000)
        wait_rendered(page)
        assert problems(page) == []
    finally:
        page.close()


def test_the_uploaders_own_words_follow_the_page_language_and_a_file_still_loads(app_url, browser, tmp_path):
    """Streamlit writes its uploader's button, size limit and the skip link in English only; the page
    puts them in the learner's language, in place, and back on a switch, and uploading still works."""
    good = tmp_path / "forecaster.npz"
    good.write_bytes(model_io.save(lstm_core.random_recorder("lstm", 1, 4, seed=3), metadata={"title": "my forecaster"}))
    page = open_page(browser, f"{app_url}/explorer?lang=zh")
    try:
        uploader = page.locator("[data-testid='stFileUploader']").first
        for lang, word, limit in (("zh", "上传", "每个文件不超过 2MB"), ("en", "Upload", "2MB per file")):
            if lang == "en":
                page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
                wait_rendered(page)
            page.wait_for_function(
                "([word, limit]) => { const u = document.querySelector('[data-testid=stFileUploader]');"
                " return u.innerText.includes(word) && u.innerText.includes(limit); }",
                arg=[word, limit],
                timeout=10_000,
            )
            # each of the box's own controls is named after it (tests/test_keyboard_walk.py)
            named = translate("streamlit.file_upload_to", lang, x=translate("model.upload", lang))
            assert uploader.locator("input[type=file]").get_attribute("aria-label") == named
            assert page.locator("[data-testid='stSkipToContent']").inner_text() == translate("streamlit.skip", lang)
            label = translate("model.upload", lang)  # its help button's name, for a screen reader
            help_button = page.locator("[data-testid='stSidebar'] [data-testid='stTooltipHoverTarget'] button").first
            assert help_button.get_attribute("aria-label") == translate("streamlit.help_for", lang, x=label)
        page.locator("[data-testid='stSidebar']").get_by_text("简体中文", exact=True).click()
        wait_rendered(page)
        uploader.locator("input[type=file]").set_input_files(str(good))
        page.get_by_text(translate("model.loaded", "zh", title="my forecaster")).wait_for(timeout=30_000)
        wait_rendered(page)
        assert problems(page) == []
        names = [b.get_attribute("aria-label") for b in uploader.locator("[data-testid='stFileUploaderDropzone'] button").all()]
        add = translate("streamlit.add_files_to", "zh", x=translate("model.upload", "zh"))
        assert names == [translate("streamlit.remove", "zh", x="forecaster.npz"), add]
    finally:
        page.close()


def test_a_file_of_another_kind_is_refused_in_the_page_language(app_url, browser, tmp_path):
    """A .pt file in the .npz box and a text file in the Keras box: Streamlit's own refusal of a type was an
    English tooltip on the file's chip ("files are not allowed."), naming no accepted type. Both boxes now
    take the file and say in Chinese what it is not."""
    torch_file, notes = tmp_path / "lstm1.pt", tmp_path / "notes.txt"
    torch_file.write_bytes(b"\x80\x02}q\x00(X\x05\x00\x00\x00state" + bytes(range(64)))
    notes.write_text("not a model\n")
    page = open_page(browser, f"{app_url}/explorer?lang=zh")
    try:
        npz_box, keras_box = page.locator("[data-testid='stSidebar'] input[type='file']").all()[:2]
        for box, file, key in ((npz_box, torch_file, "model.err_not_npz"), (keras_box, notes, "keras.err_format")):
            box.set_input_files(str(file))
            page.get_by_text(translate(key, "zh")).wait_for(timeout=30_000)
            wait_rendered(page)
            assert problems(page) == []
            assert "not allowed" not in page.locator("[data-testid='stSidebar']").inner_text()
    finally:
        page.close()


def test_a_file_name_and_a_files_title_read_as_written_and_never_as_markup(app_url, browser, tmp_path):
    """A file's name was shown with its brackets and underscores blanked ("my model 2 .npz"), and a
    /train title lost its "(tanh)" on the way back. They now read as written, in the sidebar and in the
    explorer's note, while Markdown, Streamlit's :red[…], HTML and autolinks in them stay text."""
    named = tmp_path / "my_model(2).npz"
    example = {"example": [0.2, 0.9], "example_units": "series"}  # with an example the explorer traces the file's model
    named.write_bytes(model_io.save(lstm_core.random_recorder("lstm", 1, 4, seed=3), metadata=example))
    hostile_title = "Vanilla RNN (tanh) [click](http://evil.example) <b>x</b> :red[y] $z$ *w* www.evil.example"
    hostile = tmp_path / "hostile.npz"
    recorder = lstm_core.random_recorder("lstm", 1, 4, seed=3)
    hostile.write_bytes(model_io.save(recorder, metadata={"title": hostile_title, **example}))
    page = open_page(browser, f"{app_url}/explorer?lang=en")
    try:
        upload = page.locator("[data-testid='stSidebar'] input[type='file']").first
        for file, title in ((named, "Uploaded model: my_model(2).npz"), (hostile, hostile_title)):
            upload.set_input_files(str(file))
            caption = page.locator("[data-testid='stSidebar'] [data-testid='stCaptionContainer']", has_text="Loaded")
            caption.first.wait_for(timeout=30_000)
            wait_rendered(page)
            page.wait_for_function(
                "t => [...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
                ".some(c => c.innerText.replaceAll('\\u2060', '').includes(t))",
                arg=title,
                timeout=10_000,
            )
            note = page.locator("[data-testid='stAlert']", has_text="Tracing").first
            for where in (caption.first, note):
                text = where.inner_text().replace("\u2060", "")
                assert title in text, text
                assert where.locator("a, b, em, strong, .katex, span[style*='color']").count() == 0
            assert problems(page) == []
    finally:
        page.close()
