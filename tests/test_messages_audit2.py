"""Messages audit, second half: the Keras and .npz uploads of /explorer. Each message a wrong file gets says
what is wrong with that file in the learner's terms (not what a checker found first), in both languages,
and where a list of names appears, Chinese lists them with "、"."""

from __future__ import annotations

import ast
import io
import json
from pathlib import Path

import h5py
import numpy as np
import pytest

from datasets import upload
from lstm_core import keras_io, model_io, random_recorder
from lstm_core.errors import UserInputError
from tests import keras_files as kf
from ui import keras_files
from ui.i18n import LANGS, translate

ROOT = Path(__file__).resolve().parent.parent


def _refusal(load, *args) -> UserInputError:
    with pytest.raises(UserInputError) as info:
        load(*args)
    for lang in LANGS:
        assert "{" not in translate(info.value.key, lang, **info.value.params)
    return info.value


def _npz(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


# --- a file dropped in the other box ------------------------------------------------------------


def test_a_model_file_in_the_other_upload_box_is_sent_to_the_right_one():
    """The two boxes sit one above the other in /explorer's sidebar. A model downloaded from /train in the
    Keras box was "The Keras file has no “config.json”"; a .keras in the .npz box was "an unexpected or
    missing entry “metadata.json”"; neither said the file was fine and the box was the other one."""
    lstm_lab = model_io.save(random_recorder("lstm", 1, 3))
    assert _refusal(keras_files.load_files, [("lstm-lab-train-lstm.npz", lstm_lab)]).key == "keras.err_npz"
    for keras_file in (kf.keras_zip(), kf.legacy_h5(), kf.weights_h5()):
        assert _refusal(model_io.load, keras_file).key == "model.err_keras"
    for lang in LANGS:  # each names the other box as it is labelled
        assert translate("model.upload", lang) in translate("keras.err_npz", lang)
        assert translate("keras.upload", lang) in translate("model.err_keras", lang)
    source = (ROOT / "pages" / "explorer.py").read_text()  # "above" and "below": the .npz box comes first
    assert source.index("model_files.upload_widget") < source.index("keras_files.upload_widget")


def test_someone_else_s_numpy_archive_is_not_called_an_lstm_lab_file_with_an_odd_entry():
    """np.savez of one's own arrays was "The model file has an unexpected or missing entry “a.npy”"."""
    err = _refusal(model_io.load, _npz(weights=np.zeros((4, 3)), bias=np.zeros(4)))
    assert err.key == "model.err_not_lstm_lab"
    assert "meta" in translate(err.key, "en") and "meta" in translate(err.key, "zh")


@pytest.mark.parametrize("load", [model_io.load, keras_io.load], ids=["npz", "keras"])
def test_an_empty_file_is_called_empty(load):
    """A 0-byte file (an interrupted download) was "not a Keras model file" or "not a model file saved by LSTM
    Lab": it is no file at all, and downloading it again is what helps."""
    assert _refusal(load, b"").key == "model.err_empty"


# --- the Keras box's list of files --------------------------------------------------------------


def test_json_files_without_a_model_ask_for_the_model_file():
    """A config or a word index alone was told to "keep one model file … remove the others": there was none."""
    config = json.dumps(kf.config()).encode()
    for files in ([("model.json", config)], [("model.json", config), ("words.json", b'{"the": 1, "film": 2}')]):
        assert _refusal(keras_files.load_files, files).key == "keras.err_no_model"


def _numbers_config(features: int = 1) -> dict:
    value = kf.config()
    layers = value["config"]["layers"]
    layers[0]["config"].update(batch_shape=[None, None, features], dtype="float32")
    del layers[1]  # no Embedding
    return value


def _gru_config() -> dict:
    value = kf.config()
    gru = {"name": "gru", "units": kf.HIDDEN, "activation": "tanh", "recurrent_activation": "sigmoid"}
    value["config"]["layers"][2:] = [{"class_name": "GRU", "config": gru}]
    return value


@pytest.mark.parametrize(
    ("config", "layer"),
    [
        (_numbers_config(), "lstm"),  # another model's config: its LSTM reads 1 number a step, these weights 3
        (_gru_config(), "gru"),  # another model's config: a GRU where these weights hold an LSTM
    ],
    ids=["other_sizes", "other_layers"],
)
def test_weights_with_another_model_s_config_say_the_two_do_not_fit(config, layer):
    """save_weights() + the to_json() of another model was "The Keras file has no “layers/gru/cell/vars”" or
    "The entry “lstm/kernel” has shape (3, 16), but the model's sizes require (1, 16)": it blamed the file,
    where the two files do not belong together."""
    files = [("m.weights.h5", kf.weights_h5()), ("model.json", json.dumps(config).encode())]
    err = _refusal(keras_files.load_files, files)
    assert err.key == "keras.err_weights_config" and err.params["layer"] == layer
    assert "to_json()" in translate(err.key, "en", **err.params) and "to_json()" in translate(err.key, "zh", **err.params)


def _stack_zip(kinds) -> bytes:
    """Input((None, 1)) -> one recurrent layer of 2 units per kind ("LSTM", "GRU") -> Dense(1), in Keras 3's
    .keras layout (its weights stored by class in snake case, numbered per class: lstm, lstm_1, ...)."""
    value = kf.config()
    cell = {"units": 2, "activation": "tanh", "recurrent_activation": "sigmoid"}
    value["config"]["layers"] = [
        {"class_name": "InputLayer", "config": {"name": "input_layer", "batch_shape": [None, None, 1]}},
        *[
            {"class_name": kind, "config": {"name": f"layer_{k}", **cell, "return_sequences": k < len(kinds) - 1}}
            for k, kind in enumerate(kinds)
        ],
        {"class_name": "Dense", "config": {"name": "dense", "units": 1}},
    ]
    buffer, seen = io.BytesIO(), {}
    with h5py.File(buffer, "w") as f:
        for k, kind in enumerate(kinds):
            key = kind.lower() + (f"_{seen[kind]}" if kind in seen else "")
            seen[kind] = seen.get(kind, 0) + 1
            G = 4 if kind == "LSTM" else 3
            group = f.create_group(f"layers/{key}/cell/vars")
            for n, shape in enumerate([(1 if k == 0 else 2, G * 2), (2, G * 2), (G * 2,)]):
                group.create_dataset(str(n), data=np.full(shape, 0.1, np.float32))
        dense = f.create_group("layers/dense/vars")
        dense.create_dataset("0", data=np.ones((2, 1), np.float32))
        dense.create_dataset("1", data=np.zeros(1, np.float32))
    return kf.keras_zip(value, buffer.getvalue())


def test_too_many_recurrent_layers_is_said_in_the_learner_s_language():
    """It was "The model's recurrent layers is 6; it must be between 1 and 4." and, in Chinese,
    "模型的 recurrent layers 为 6": English words, and a grammar no one writes."""
    assert keras_files.load_files([("four.keras", _stack_zip(["LSTM"] * model_io.MAX_LAYERS))]).keras is not None
    err = _refusal(keras_files.load_files, [("six.keras", _stack_zip(["LSTM"] * 6))])
    assert err.key == "keras.err_recurrent_count" and err.params == {"n": 6, "max": model_io.MAX_LAYERS}
    zh = translate(err.key, "zh", **err.params)
    assert "6 个循环层" in zh and "recurrent" not in zh


def test_a_count_of_one_weight_array_reads_as_english():
    """It said "Layer “dense” has 2 weight arrays where 1 were expected."."""
    config = kf.config()
    config["config"]["layers"][-1]["config"]["use_bias"] = False  # the file still holds the bias
    err = _refusal(keras_io.load, kf.keras_zip(config))
    assert err.key == "keras.err_weight_count" and err.params["want"] == 1
    assert "1 were" not in translate(err.key, "en", **err.params)


@pytest.mark.parametrize(("lang", "said"), [("en", "one recurrent layer, the first of 2"), ("zh", "2 个循环层中的第一个")])
def test_one_traced_layer_of_a_stack_reads_as_one(lang, said):
    """An LSTM then a GRU: only the LSTM is traced, and the page said "the first 1 recurrent layers of 2"."""
    from tests.test_page_explorer_keras import _infos, _open

    model = keras_files.load_files([("lstm_gru.keras", _stack_zip(["LSTM", "GRU"]))])
    assert model.traced_layers == 1
    at = _open(model, mode="numbers", numbers="0.1, 0.5", lang=lang)
    assert not at.exception and said in _infos(at) and "first 1" not in _infos(at)


# --- lists of names in Chinese ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "key"),
    [("月份,城市\n一月,北京\n二月,上海\n", "forecast.err_no_numeric"), ("月份,乘客\n", "forecast.err_no_rows")],
)
def test_a_chinese_message_lists_columns_with_the_chinese_comma(data, key):
    """It said "没有找到数值列（列：月份, 城市）": Chinese lists names with "、", as the page's other lists do."""
    err = _refusal(lambda: upload.numeric_columns(upload.read_table(data.encode(), "f.csv")))
    assert err.key == key
    first, second = data.split("\n")[0].split(",")
    assert f"{first}、{second}" in translate(key, "zh", **err.params)
    assert f"{first}, {second}" in translate(key, "en", **err.params)


def test_words_outside_a_keras_word_index_are_listed_per_language():
    """The words the learner's word index lacks were joined with ", " for both languages."""
    from tests.test_page_explorer_keras import _infos, _model, _open

    for lang, listed in (("en", "honestly, truly"), ("zh", "honestly、truly")):
        at = _open(_model(), mode="text", text="the film was honestly truly great", lang=lang)
        assert not at.exception and listed in _infos(at)


# --- what the download's help promises ----------------------------------------------------------


def _calls(path: Path) -> set[str]:
    return {
        f"{node.func.value.id}.{node.func.attr}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
    }


def test_the_download_s_help_says_where_the_file_opens_again():
    """It said "Load it again here later with “Load a model file”" on /train and /forecast, which have no
    such box: only the cell explorer has it."""
    pages = {path.name: _calls(path) for path in (ROOT / "pages").glob("*.py")}
    downloads = {name for name, calls in pages.items() if "model_files.download_button" in calls}
    uploads = {name for name, calls in pages.items() if "model_files.upload_widget" in calls}
    assert downloads and uploads == {"explorer.py"} and not downloads & uploads
    for lang, page in (("en", "cell explorer"), ("zh", "单元探索页")):
        help_text = translate("model.download_help", lang)
        assert page in help_text and translate("model.upload", lang) in help_text


# --- where the message is shown -----------------------------------------------------------------


def _sidebar_upload(box: str, name: str, data: bytes, lang: str):
    """The script of a page with one upload box in the sidebar, given `data` as if dropped in it."""
    import streamlit as st

    from ui import keras_files, model_files

    class File:
        file_id, size = "f1", len(data)

        def getvalue(self):
            return data

    File.name = name

    class Sidebar:  # the sidebar, whose upload box holds the file
        def file_uploader(self, *args, accept_multiple_files=False, **kwargs):
            return [File()] if accept_multiple_files else File()

        def __getattr__(self, attr):
            return getattr(st.sidebar, attr)

    st.query_params["lang"] = lang
    st.title("page")
    (model_files if box == "npz" else keras_files).upload_widget(where=Sidebar())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("box", "name", "make", "key"),
    [
        ("npz", "model.keras", kf.keras_zip, "model.err_keras"),
        ("keras", "model.npz", lambda: model_io.save(random_recorder("lstm", 1, 3)), "keras.err_npz"),
    ],
)
def test_a_refused_file_is_explained_under_its_upload_box(box, name, make, key, lang):
    """The message went to the page's main column, under its title, while the learner was in the sidebar
    (on a phone, behind it); and its "above" and "below" name the other box from where this one stands."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_sidebar_upload, args=(box, name, make(), lang), default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.sidebar.error] == [translate(key, lang)]
    assert not at.main.error


@pytest.mark.browser
def test_a_file_over_the_box_s_limit_is_refused_in_the_page_language(app_url, browser, tmp_path):
    """Streamlit refuses a file over an upload box's limit itself, before the app sees it: a red chip whose
    icon's tooltip, and whose alert for a screen reader, said "Error: File must be 2.0MB or smaller." in
    English on the Chinese page."""
    from tests.streamlit_server import open_page, problems

    big = tmp_path / "big.npz"
    big.write_bytes(b"PK" + bytes(3 * 1024 * 1024))
    page = open_page(browser, f"{app_url}/explorer?lang=zh")
    try:
        page.locator("[data-testid='stSidebar'] input[type='file']").first.set_input_files(str(big))
        alert = page.locator("[data-testid='stFileChip'] [role='alert']").first
        said = translate("streamlit.error", "zh") + translate("streamlit.too_large", "zh", x="2.0MB")
        page.wait_for_function("([e, said]) => e.textContent === said", arg=[alert.element_handle(), said], timeout=10_000)
        page.locator("[data-testid='stFileChipIconError']").first.hover()
        tooltip = page.locator("[data-testid='stTooltipErrorContent']").first
        tooltip.wait_for(timeout=10_000)
        page.wait_for_function(
            "([e, text]) => e.textContent === text",
            arg=[tooltip.element_handle(), translate("streamlit.too_large", "zh", x="2.0MB")],
            timeout=10_000,
        )
        assert problems(page) == []
    finally:
        page.close()
