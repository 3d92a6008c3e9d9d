"""Messages audit, fourth pass: a CSV in Cyrillic (cp1251) or Traditional Chinese (Big5) reads as its writer
wrote it, and one that reads as no language is told to be saved as UTF-8; a refused column points at the
value that is wrong, not at "1 000"; an uploaded column named "airline" keeps its own name; a model file's
wrong number types, and an archive that unpacks too far, are said plainly; a JSON config uploaded beside a
whole Keras model is said to be unused."""

from __future__ import annotations

import json

import numpy as np
import pytest

from datasets import series as ds
from datasets import upload
from lstm_core import keras_io, model_io
from tests import keras_files as kf
from tests.test_messages_audit2 import _refusal
from tests.test_model_io import _npz, _valid_members
from ui import forecast_state, keras_files
from ui.i18n import LANGS, translate

# --- 1. which encoding a CSV is in -----------------------------------------------------------------

WRITTEN = {
    "cp1251": ["Дата;Продажи", "месяц;пассажиры", "Год;Температура (°C)", "ДАТА;ВВП", "Месяц;Выручка, тыс. руб."],
    "big5": ["日期,銷售額", "月份,乘客人數", "年份,溫度", "時間,價格（元）", "地區,人口", "日期,客流量"],
    "gbk": ["日期,销售额", "时间,价格（元）", "地区,人口", "月份,乘客"],
    "cp1252": ["Température;Besucher", "Jahr;Größe", "mes;año", "t;Anteil (‰)"],
    "utf-8": ["Дата;Продажи", "日期,銷售額", "Température;Besucher"],
    "utf-8-sig": ["Дата;Продажи", "日期,銷售額"],
}
CASES = [(encoding, header) for encoding, headers in WRITTEN.items() for header in headers]


def _csv(header: str, rows: int = 4) -> str:
    separator = ";" if ";" in header else ","
    return header + "\n" + "".join(f"{k}{separator}{10 + k}\n" for k in range(1, rows + 1))


@pytest.mark.parametrize(("encoding", "header"), CASES, ids=[f"{e}-{h}" for e, h in CASES])
def test_a_csv_reads_with_the_names_its_writer_wrote(encoding, header):
    """A cp1251 file was refused or read as GBK, a Big5 one read as GBK: "ら戳", "綪扳肂"."""
    data = _csv(header).encode(encoding)
    if encoding not in ("utf-8", "utf-8-sig"):
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    frame = upload.read_table(data)
    assert list(frame.columns) == header.split(";" if ";" in header else ",")
    assert not frame.attrs.get("encoding_doubt")


@pytest.mark.parametrize(
    ("header", "encoding"),
    [("Ημερομηνία,Πωλήσεις", "cp1253"), ("日付,売上", "shift_jis")],
    ids=["greek", "japanese"],
)
def test_a_csv_that_reads_as_no_language_tells_the_learner_to_save_it_as_utf8(header, encoding):
    """Bytes that read as none of the encodings tried were shown as GBK's garble, silently."""
    data = _csv(header).encode(encoding)
    frame = upload.read_table(data)
    assert frame.attrs["encoding_doubt"] is True
    assert list(frame.columns) != header.split(",")  # garbled indeed: the learner must be told

    shown = _picked(data)
    assert [text for kind, text in shown if kind == "warning"] == [translate("forecast.encoding_doubt", "en")]
    for lang in LANGS:
        assert "UTF-8" in translate("forecast.encoding_doubt", lang)


def test_a_csv_that_reads_gets_no_encoding_warning():
    shown = _picked(_csv("Дата;Продажи").encode("cp1251"))
    assert not [text for kind, text in shown if kind == "warning"]


def test_bytes_no_encoding_decodes_are_still_refused():
    assert _refusal(upload.read_table, b"v\n1\n2\n\xff\xfe\xfa\n").key == "forecast.err_encoding"


class _Where:
    """A stand-in for the column the forecast page draws its upload into: records what is shown."""

    def __init__(self, data: bytes):
        self.data, self.shown = data, []

    def file_uploader(self, *args, **kwargs):
        return self

    def getvalue(self):
        return self.data

    def selectbox(self, label, options, index=0, key=None):
        return options[index]

    def info(self, text, **kwargs):
        self.shown.append(("info", text))

    def warning(self, text, **kwargs):
        self.shown.append(("warning", text))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _picked(data: bytes) -> list:
    where = _Where(data)
    forecast_state._upload_picker(where)
    return where.shown


# --- 2. the value that is really wrong ------------------------------------------------------------


def test_a_refused_column_points_at_the_typo_not_at_a_spaced_thousand():
    """ "1 000" beside "1 2" was named first, as if it were the wrong value."""
    err = _refusal(lambda d: upload.extract(upload.read_table(d), "v"), b't,v\n1,"1 000"\n2,"1 2"\n3,5\n')
    assert err.key == "forecast.err_non_numeric_one"
    assert (err.params["value"], err.params["row"], err.params["count"]) == ("1 2", 3, 1)
    fixed = upload.extract(upload.read_table(b't,v\n1,"1 000"\n2,"1 200"\n3,5\n'), "v")
    assert fixed.values.tolist() == [1000.0, 1200.0, 5.0]  # once the typo is fixed, "1 000" reads


def test_a_column_of_spaced_thousands_with_one_typo_is_offered_and_the_typo_named():
    """With "1 000" read as text, such a column was not even offered: the learner never learnt of "1 2"."""
    frame = upload.read_table(b"mois;visiteurs\n2024-01;1 000\n2024-02;1 250\n2024-03;1 2\n2024-04;1 400\n")
    columns = upload.numeric_columns(frame)
    assert upload.likely_series(frame, columns) == "visiteurs"
    err = _refusal(upload.extract, frame, "visiteurs")
    assert (err.key, err.params["value"], err.params["row"]) == ("forecast.err_non_numeric_one", "1 2", 4)


def test_every_wrong_value_is_counted_and_the_first_named():
    err = _refusal(lambda d: upload.extract(upload.read_table(d), "v"), b"t;v\n1;1 000\n2;abc\n3;2 000\n4;1 2\n")
    assert (err.key, err.params["value"], err.params["row"], err.params["count"]) == ("forecast.err_non_numeric", "abc", 3, 2)


# --- 3. an uploaded column named like a shipped series --------------------------------------------


@pytest.mark.parametrize("name", ["airline", "sine", "trend_season"])
def test_an_uploaded_column_is_titled_by_its_own_name(name):
    """A column called "airline" titled the trained model "LSTM forecaster on Airline passengers"."""
    series, _ = forecast_state._upload_picker(_Where(f"t,{name}\n1,2\n2,3\n3,4\n".encode()))
    assert series.name == name and series.uploaded
    for lang in LANGS:
        title = translate("forecast.model_title", lang, series=forecast_state.series_title(series, lang))
        assert title == translate("forecast.model_title", lang, series=translate("forecast.column_named", lang, column=name))
    shipped = ds.Series(name, np.arange(3.0), (0, 1, 2), 12, "")
    assert forecast_state.series_title(shipped, "en") == translate(f"forecast.source.{name}", "en")


# --- 4. a model file's number types ---------------------------------------------------------------


def _model_refusal(members: dict):
    return _refusal(model_io.load, _npz(members))


def test_mixed_weights_name_the_two_types_they_mix():
    """ "The entry “weights” has number type mixed": no such entry, and each weight was a float."""
    members = _valid_members()
    members["l0_d0_W_hh"] = members["l0_d0_W_hh"].astype(np.float64)
    err = _model_refusal(members)
    assert err.key == "model.err_mixed_dtype"
    assert err.params == {"first": "l0_d0_W_ih", "first_dtype": "float32", "entry": "l0_d0_W_hh", "dtype": "float64"}
    for lang in LANGS:
        text = translate(err.key, lang, **err.params)
        assert all(word in text for word in ("l0_d0_W_ih", "l0_d0_W_hh", "float32", "float64")) and "mixed" not in text


@pytest.mark.parametrize(
    ("array", "dtype"), [(np.zeros(3, np.int64), "int64"), (np.array(["a", "b"]), "str"), (np.zeros(3, np.float16), "float16")]
)
def test_a_wrong_number_type_is_named_as_numpy_names_it(array, dtype):
    """ "number type <i8" and "<U1" were NumPy's internal codes."""
    members = _valid_members()
    members["l0_d0_W_ih"] = array
    err = _model_refusal(members)
    assert (err.key, err.params["dtype"]) == ("model.err_dtype", dtype)
    for lang in LANGS:
        assert "float32 / float64" in translate(err.key, lang, **err.params)


def test_big_endian_floats_are_told_apart_from_a_wrong_type():
    """ ">f4" was "number type >f4; only 32- or 64-bit floats": the numbers were 32-bit floats."""
    members = _valid_members()
    members["l0_d0_W_ih"] = members["l0_d0_W_ih"].astype(">f4")
    err = _model_refusal(members)
    assert (err.key, err.params) == ("model.err_byte_order", {"entry": "l0_d0_W_ih", "dtype": "float32"})


def test_a_meta_entry_of_the_wrong_type_is_told_it_holds_bytes():
    """The meta entry was told "only 32- or 64-bit floats are accepted", where it must hold bytes."""
    members = _valid_members()
    members["meta"] = np.zeros(4)
    err = _model_refusal(members)
    assert (err.key, err.params) == ("model.err_meta_dtype", {"dtype": "float64"})
    assert "uint8" in translate(err.key, "zh", **err.params)


# --- 5. an archive that unpacks too far -----------------------------------------------------------


def test_a_small_archive_that_unpacks_too_far_says_so():
    """A 0.1 MB archive was told "model files may be at most 2 MB"."""
    bomb = _npz({**_valid_members(), "embedding": np.zeros((20_000, 1024), np.float32)}, compressed=True)
    assert len(bomb) < model_io.MAX_FILE_BYTES
    err = _refusal(model_io.load, bomb)
    assert err.key == "model.err_unpacked"
    assert err.params["size_mb"] < 2 < err.params["limit_mb"] < err.params["unpacked_mb"]
    assert err.params["unpacked_mb"] == round((20_000 * 1024 * 4 + sum(a.nbytes for a in _valid_members().values())) / 2**20, 1)


def test_a_size_over_a_limit_never_reads_as_the_limit():
    """Rounded to 0.1 MB, 32 MB and a byte read "32.0 MB, more than the 32.0 MB", and a 40 kB file "0.0 MB"."""
    mb = model_io.MB
    assert model_io._mb(32 * mb + 1, over=32) == 32.1
    assert model_io._mb(39_779, over=0) == 0.04 and model_io._mb(2000, over=0) == 0.01
    assert model_io._mb(int(78.13 * mb), over=16) == 78.1  # elsewhere, the nearest
    assert str(model_io._mb(32 * mb)) == "32"  # and a whole number without ".0"


def test_one_entry_that_unpacks_too_far_is_named():
    big = np.zeros(model_io.MAX_ARRAY_BYTES // 8 + 1000, np.float64)
    err = _refusal(model_io.load, _npz({**_valid_members(), "scale": big}, compressed=True))
    assert (err.key, err.params["entry"], err.params["limit_mb"]) == ("model.err_unpacked_entry", "scale", 8)


# --- 6. a JSON config beside a whole Keras model --------------------------------------------------


CONFIG = json.dumps(kf.config()).encode()


@pytest.mark.parametrize(("name", "make"), [("m.keras", kf.keras_zip), ("m.h5", kf.legacy_h5)], ids=["keras", "legacy-h5"])
def test_a_json_config_beside_a_whole_model_is_said_to_be_unused(name, make):
    """The JSON config was dropped silently: the learner could think it had been read."""
    model = keras_files.load_files([(name, make()), ("config.json", CONFIG)]).keras
    kind = ".keras" if name.endswith(".keras") else ".h5"
    assert model.notes == [("keras.note_config_unused", {"kind": kind})]
    for lang in LANGS:
        assert kind in translate("keras.note_config_unused", lang, kind=kind)
    assert keras_files.load_files([(name, make())]).keras.notes == []


def test_a_json_config_beside_weights_is_used_and_not_noted():
    model = keras_io.load(kf.weights_h5(), CONFIG)
    assert model.notes == []
