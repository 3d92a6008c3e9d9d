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
    good.write_bytes(model_io.save(recorder, scale=[0.0, 1.0], metadata={"title": "my forecaster", "source": "forecast"}))
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"PK\x03\x04 not really a zip" + bytes(np.arange(200, dtype=np.uint8)))

    page = open_page(browser, f"{app_url}/explorer?lang=en")
    try:
        upload = page.locator("[data-testid='stSidebar'] input[type='file']").first  # the .npz one (Keras's is next)
        upload.set_input_files(str(good))
        page.get_by_text(translate("model.loaded", "en", title="my forecaster")).wait_for(timeout=30_000)
        wait_rendered(page)
        assert problems(page) == []

        upload.set_input_files(str(bad))
        page.locator("[data-testid='stAlertContentError']").first.wait_for(timeout=30_000)
        wait_rendered(page)
        assert problems(page) == []
    finally:
        page.close()
