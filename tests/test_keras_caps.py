"""The Keras upload's caps, as stated: the server's upload limit is the Keras file cap, every other
uploader keeps its own lower one, the help text and the lesson state the very constants, and a
tutorial-sized model saved after training (its optimizer's state included) fits and opens."""

import re
import tomllib
from pathlib import Path

import numpy as np
import pytest

from datasets import keras_words, upload
from lstm_core import keras_io, model_io
from lstm_core.errors import UserInputError
from ui.i18n import translate

pytestmark = pytest.mark.claims

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024  # Streamlit's maxUploadSize counts megabytes of 1024 * 1024 bytes, as the app does


def test_the_server_limit_is_the_keras_cap_and_the_other_uploaders_stay_lower():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * MB == keras_io.MAX_FILE_BYTES == keras_io.MB * 32
    for source, cap in (("ui/model_files.py", model_io.MAX_FILE_BYTES), ("ui/forecast_state.py", upload.MAX_BYTES)):
        assert cap < keras_io.MAX_FILE_BYTES and "max_upload_size=" in (ROOT / source).read_text(), source
    # a zip's members together, and the arrays read, stay within what the cap lets in
    assert keras_io.MAX_UNZIPPED_BYTES == keras_io.MAX_FILE_BYTES
    assert keras_io.MAX_ARRAY_BYTES <= keras_io.MAX_TOTAL_BYTES <= keras_io.MAX_FILE_BYTES


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_help_and_the_lesson_state_the_caps(lang):
    figures = [f"{keras_io.MAX_FILE_BYTES // MB} MB", f"{keras_words.MAX_BYTES // MB} MB"]
    shown = translate("keras.upload_help", lang, model_mb=keras_io.MAX_FILE_BYTES // MB, words_mb=keras_words.MAX_BYTES // MB)
    lesson = translate("lessons.keras.body", lang)
    for figure in figures:
        assert figure in shown and figure in lesson, figure
    assert not re.search(r"(?<!\d)2 MB", shown)  # the old cap, the .npz one
    assert f"{keras_io.MAX_VOCAB:,}" in lesson and f"{keras_io.MAX_HIDDEN} " in lesson and f"{keras_io.MAX_RECURRENT} " in lesson


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_help_says_before_the_upload_that_a_functional_model_is_not_read(lang, tmp_path):
    """Many tutorials build keras.Model(inputs, outputs); the explorer refuses it ("Only Sequential Keras
    models can be opened here"), which its upload help did not say beforehand."""
    from tests.keras_models import keras

    keras = keras()
    shown = translate("keras.upload_help", lang, model_mb=1, words_mb=1)
    assert "Sequential" in shown and "keras.Model(inputs, outputs)" in shown
    inputs = keras.Input((None, 3))
    path = tmp_path / "functional.keras"
    keras.Model(inputs, keras.layers.Dense(1)(keras.layers.LSTM(2)(inputs))).save(path)
    with pytest.raises(UserInputError) as refused:
        keras_io.load(path.read_bytes())
    assert refused.value.key == "keras.err_not_sequential"


@pytest.mark.trains
def test_a_tutorial_sized_model_saved_after_training_fits_and_opens(tmp_path):
    """The lesson: Embedding(10000, 128) -> LSTM(128) -> Dense(1), saved after model.fit with Adam, is about
    17 MB (Adam's two moments beside the weights; MB of 10^6 bytes there, as the uploader shows a file's size),
    over the .npz cap, within the Keras one; it opens and predicts what Keras predicts."""
    from tests.keras_models import tutorial_model  # first: it chooses Keras's torch backend

    pytest.importorskip("keras")

    model = tutorial_model()
    params = model.count_params()
    assert round(params / 1e6, 2) == 1.41 and round(params * 4 / 1e6, 1) == 5.6  # "1.41 million parameters, 5.6 MB"
    assert all(figure in translate("lessons.keras.body", "en") for figure in ("1.41 million", "5.6 MB", "about 17 MB"))
    assert all(figure in translate("lessons.keras.body", "zh") for figure in ("141 万", "5.6 MB", "约 17 MB"))
    ids = np.random.default_rng(1).integers(1, 10_000, (2, 9))
    expected = model.predict(ids, verbose=0)
    for name in ("tutorial.keras", "tutorial.h5"):
        model.save(tmp_path / name)
        data = (tmp_path / name).read_bytes()
        assert round(len(data) / 1e6) == 17 and model_io.MAX_FILE_BYTES < len(data) <= keras_io.MAX_FILE_BYTES, name
        np.testing.assert_allclose(keras_io.load(data).run(ids).prediction, expected, atol=1e-5)
