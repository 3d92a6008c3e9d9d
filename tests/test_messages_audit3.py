"""Messages audit, third pass: names in Chinese sentences are quoted as Chinese quotes them ("“乘客”列",
not "列 乘客 中"), one spelling of "Keras's", uploads in Western (cp1252) and French-style ("1 000")
forms read as their writer meant, a link's ignored setting says what it may be, and a model file with a
wrong entry says what was found and what was expected."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest

from datasets import series as ds
from datasets import upload
from lstm_core import model_io
from tests.apptest import open_page
from tests.test_messages_audit2 import _refusal
from tests.test_model_io import _valid_members
from ui.i18n import LANGS, STRINGS, translate

ROOT = Path(__file__).resolve().parent.parent


# --- 1. a name inside a Chinese sentence ---------------------------------------------------------


COLUMN_KEYS = [key for key, (_, zh) in STRINGS.items() if "{column}" in zh]


@pytest.mark.parametrize("key", COLUMN_KEYS)
def test_a_chinese_message_quotes_the_column_it_names(key):
    """ "列 乘客 中有 1 个不是数字的值" dropped the name in bare, between spaces: "“乘客”列中有…"."""
    text = translate(key, "zh", column="乘客", count=2, row=3, value="abc")
    assert "“乘客”" in text and " 乘客 " not in text


def test_the_column_keys_are_the_forecast_refusals():
    assert {"forecast.err_non_numeric", "forecast.err_infinite_one", "forecast.err_no_column"} <= set(COLUMN_KEYS)


def test_chinese_strings_quote_with_one_kind_of_quotation_mark():
    """The Chinese strings quote with “”; the explorer's hover tip alone used 「」."""
    assert not [key for key, (_, zh) in STRINGS.items() if "「" in zh or "」" in zh]


def test_a_model_trained_on_an_uploaded_column_is_titled_with_the_column_quoted():
    """The explorer's "正在追踪你训练的模型：乘客 上的 LSTM 预测模型" named the column in bare."""
    from ui.forecast_state import series_title

    uploaded = ds.Series("乘客", np.arange(3.0), (0, 1, 2), 12, "")
    zh = translate("forecast.model_title", "zh", series=series_title(uploaded, "zh"))
    assert zh == "“乘客”上的 LSTM 预测模型"
    assert translate("forecast.model_title", "en", series=series_title(uploaded, "en")) == "LSTM forecaster on “乘客”"
    shipped = ds.Series("airline", np.arange(3.0), (0, 1, 2), 12, "")
    assert translate("forecast.model_title", "zh", series=series_title(shipped, "zh")).startswith("航空旅客人数（")


# --- 2. Keras's ------------------------------------------------------------------------------------


def test_keras_s_is_spelt_one_way():
    """Both "Keras's" and "Keras'" were on the pages; "Keras's" is the majority (and PyTorch's beside it)."""
    sources = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]
    texts = [en for en, _ in STRINGS.values()] + [p.read_text(encoding="utf-8") for p in sources]
    assert not [t for t in texts if re.search(r"Keras['’](?!s)", t)]


# --- 3. which encoding a CSV is in --------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["Température;Besucher", "Jahr;Größe", "mes;año", "t;Temp (°C)", "t;ação"],
    ids=["french", "german-two-accents", "spanish", "degrees", "portuguese"],
)
def test_a_western_windows_csv_keeps_its_header(header):
    """cp1252 bytes that are not UTF-8 were read as GBK: "Temp閞ature", "Gr鲞e"."""
    text = header + "\n1;2,5\n2;3,5\n3;4,5\n"
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert list(upload.read_table(data).columns) == header.split(";")


@pytest.mark.parametrize(
    "header", ["日期,客流量（人）", "月份,乘客", "iPhone销量Q1,pH值"], ids=["full-width", "plain", "mixed-with-latin"]
)
def test_a_chinese_windows_csv_still_reads_as_gbk(header):
    data = (header + "\n2020年1月,10\n2020年2月,12\n2020年3月,15\n").encode("gbk")
    frame = upload.read_table(data)
    assert list(frame.columns) == header.split(",")
    assert frame.iloc[0, 0] == "2020年1月"


def test_bytes_that_read_as_nothing_still_get_the_encoding_message():
    assert _refusal(upload.read_table, b"v\n1\n2\n\xff\xfe\xfa\n").key == "forecast.err_encoding"


# --- 4. "1 000" ------------------------------------------------------------------------------------


def _series(data: bytes, column: str) -> list:
    return upload.extract(upload.read_table(data), column).values.tolist()


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"], ids=["space", "no-break", "narrow-no-break"])
def test_thousands_set_apart_by_a_space_are_read_as_one_number(space):
    """A French or Russian export's "1 000" was "no column of numbers"."""
    rows = [f"2024-0{k + 1};{v}" for k, v in enumerate(["1 000", "999", "12 345,5", "1 234 567"])]
    data = ("mois;visiteurs\n" + "\n".join(rows).replace(" ", space) + "\n").encode()
    assert upload.numeric_columns(upload.read_table(data)) == ["visiteurs"]
    assert _series(data, "visiteurs") == [1000.0, 999.0, 12345.5, 1234567.0]


def test_a_space_between_numbers_that_are_not_thousands_stays_text():
    """ "1 2" is not 12, and neither is a column where "1 000" sits beside it."""
    err = _refusal(_series, b't,v\n1,"1 000"\n2,"1 2"\n3,5\n', "v")
    assert err.key == "forecast.err_non_numeric_one" and err.params["value"] == "1 2"  # "1 000" is a number (audit 4)
    labels = upload.read_table(b"label,v\n1 2,5\nnear 1 000,6\n7 000,7\n")
    assert list(labels["label"]) == ["1 2", "near 1 000", "7 000"]


def test_a_file_separated_by_spaces_is_not_read_as_thousands():
    """ "t v" over "1 234" is two columns the sniffer did not split, not the number 1234."""
    frame = upload.read_table(b"t v\n1 234\n2 345\n3 456\n")
    assert list(frame["t v"]) == ["1 234", "2 345", "3 456"]
    assert _refusal(upload.numeric_columns, frame).key == "forecast.err_no_numeric"
    assert _series(b"visitors\n1 234\n2 345\n3 456\n", "visitors") == [1234.0, 2345.0, 3456.0]


# --- 5. a link's setting that was ignored ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_explorer_s_link_notes_say_what_each_setting_may_be(lang):
    """ "hidden='999' is not valid here and was ignored" left the learner guessing what is."""
    at = open_page("pages/explorer.py", lang=lang, hidden=999, kind="foo", t="abc", tab="zz", lab_w_f=99)
    assert not at.exception
    notes = [i.value for i in at.info]
    wanted = {
        "hidden": translate("app.allowed_whole", lang, low=1, high=64),
        "kind": translate("app.allowed_options", lang, options=["lstm", "peephole", "gru", r"rnn\_tanh", "lstm1997", "cifg"]),
        "tab": translate("app.allowed_options", lang, options=["step", "whatif", "lab"]),
    }
    for name, allowed in wanted.items():
        note = next(n for n in notes if f"{name.replace('_', chr(92) + '_')}='" in n)
        assert note.endswith(allowed), note
    lab = open_page("pages/explorer.py", lang=lang, tab="lab", lab_w_f=99)  # a setting of a number with a point
    assert [i.value for i in lab.info if r"lab\_w\_f='99'" in i.value][0].endswith(
        translate("app.allowed_number", lang, low=-6.0, high=6.0)
    )
    step = next(n for n in notes if "t='abc'" in n)  # the last step depends on the preset's length
    last = re.search(r"(\d+)\D*$", step).group(1)
    assert step.endswith(translate("app.allowed_step", lang, last=last))


# --- 6. a model file's entries -----------------------------------------------------------------------


def _npz(members: dict, extra: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **members)
    if extra:
        with zipfile.ZipFile(buffer, "a") as z:
            for name, data in extra.items():
                z.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("lang", LANGS)
def test_a_stranger_entry_is_named_with_the_entries_a_model_file_holds(lang):
    """ "an unexpected or missing entry “evil”" did not say which, nor what belongs there."""
    err = _refusal(model_io.load, _npz({**_valid_members(), "evil": np.zeros(2)}))
    text = translate(err.key, lang, **err.params)
    assert "“evil.npy”" in text and "meta" in text and "l0_d0_W_ih" in text


def test_a_stranger_entry_s_name_carries_no_markup():
    err = _refusal(model_io.load, _npz(_valid_members(), {"[see](http://example.com).npy": b"x"}))
    assert err.key == "model.err_unknown_key"
    assert not set("[]():/") & set(err.params["entry"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_weight_is_named_with_the_weights_found(lang):
    members = _valid_members(num_layers=2)  # the meta says 2 layers; the file holds layer 0's weights only
    err = _refusal(model_io.load, _npz(members))
    assert err.key == "model.err_missing_key" and err.params["entry"] == "l1_d0_W_ih"
    text = translate(err.key, lang, **err.params)
    assert "“l1_d0_W_ih”" in text and all(f"l0_d0_{w}" in text for w in model_io.WEIGHT_NAMES)


@pytest.mark.parametrize("lang", LANGS)
def test_a_weight_the_model_does_not_have_is_named_with_the_weights_it_has(lang):
    err = _refusal(model_io.load, _npz({**_valid_members(), "l0_d0_w_ci": np.zeros(4, np.float32)}))
    assert err.key == "model.err_extra_key" and err.params["entry"] == "l0_d0_w_ci"
    text = translate(err.key, lang, **err.params)
    assert "“l0_d0_w_ci”" in text and all(f"l0_d0_{w}" in text for w in model_io.WEIGHT_NAMES)


def test_a_file_without_weights_says_which_it_needs():
    members = {"meta": _valid_members()["meta"]}
    err = _refusal(model_io.load, _npz(members))
    assert err.key == "model.err_no_weights" and "l0_d0_W_hh" in err.params["expected"]


def test_the_chinese_strings_name_the_negative_class_one_way():
    """Lesson 6's link said "总是回答“负类”" and the metrics page its confusion matrix's 负类, but its
    accuracy-paradox chart and buttons "总是判“阴性”": the glossary promises one name per concept."""
    assert not [key for key, (_, zh) in STRINGS.items() if "阴性" in zh or "阳性" in zh]
    assert STRINGS["metrics.paradox_always"][1] == "总是回答“负类”"
