"""/train's "Get the code" in a real browser: after a short run, the Export tab downloads a zip with the
standalone script (the run's settings in it) and the run's data; both languages, screenshots."""

import io
import zipfile
from pathlib import Path

import pytest

from tests.streamlit_server import open_page, problems, wait_rendered
from ui.i18n import translate

pytestmark = [pytest.mark.browser, pytest.mark.trains]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_get_the_code_after_a_run(app_url, browser, artifacts, lang):
    page = open_page(browser, f"{app_url}/train?lang={lang}&epochs=2&n_negation_en=200&hidden=8&emb=8", viewport=(1400, 2000))
    try:
        page.locator("[data-testid='stButton']").get_by_role("button", name=translate("train.start", lang), exact=True).click()
        page.get_by_role("heading", name=translate("train.results_header", lang)).wait_for(timeout=120_000)
        wait_rendered(page)
        page.get_by_role("tab", name=translate("train.tab.export", lang)).click()
        button = page.get_by_role("button", name=translate("train.get_code", lang))
        button.wait_for(timeout=30_000)
        with page.expect_download(timeout=60_000) as download:
            button.click()
        data = Path(download.value.path()).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert sorted(z.namelist()) == ["data.npz", "train_classifier.py", "train_classifier_keras.py"]
            script = z.read("train_classifier.py").decode()
        assert "HIDDEN_SIZE = 8  #" in script and "EPOCHS = 2  #" in script and "import lstm_core" not in script
        assert problems(page) == []
        button.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"train_get_code_{lang}.png"))
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_get_the_forecaster_code_after_a_run(app_url, browser, artifacts, lang):
    page = open_page(browser, f"{app_url}/forecast?lang={lang}&epochs=3&units=4", viewport=(1400, 1000))
    try:
        page.get_by_role("button", name=translate("forecast.train_button", lang)).click()
        page.get_by_role("heading", name=translate("forecast.results_header", lang)).wait_for(timeout=180_000)
        wait_rendered(page)
        button = page.get_by_role("button", name=translate("forecast.get_code", lang))
        button.scroll_into_view_if_needed()
        with page.expect_download(timeout=60_000) as download:
            button.click()
        with zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes())) as z:
            assert sorted(z.namelist()) == ["series.csv", "train_forecaster.py", "train_forecaster_keras.py"]
            assert "EPOCHS = 3  #" in z.read("train_forecaster.py").decode()
            assert z.read("series.csv").decode().splitlines()[:2] == ["value", "112"]  # airline passengers, as shipped
        assert problems(page) == []
        page.screenshot(path=str(artifacts / f"forecast_get_code_{lang}.png"))
    finally:
        page.close()
