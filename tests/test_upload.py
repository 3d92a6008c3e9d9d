"""The upload parser on good files and on every kind of bad file; random bytes never escape as an
uncaught exception."""

import io
import zipfile

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasets import upload
from lstm_core.errors import UserInputError
from ui.i18n import translate


def error_key(data: bytes, column=None) -> str:
    with pytest.raises(UserInputError) as err:
        frame = upload.read_table(data, "f.csv")
        upload.extract(frame, column or upload.numeric_columns(frame)[0])
    # every key the parser raises has a sentence in both languages, with its parameters filled in
    for lang in ("en", "zh"):
        assert "{" not in translate(err.value.key, lang, **err.value.params)
    return err.value


def test_plain_csv_with_dates():
    frame = upload.read_table(b"month,passengers\n1949-01,112\n1949-02,118\n1949-03,132\n", "a.csv")
    assert upload.numeric_columns(frame) == ["passengers"]
    out = upload.extract(frame, "passengers")
    np.testing.assert_array_equal(out.values, [112, 118, 132])
    assert out.labels == ("1949-01", "1949-02", "1949-03") and out.missing == 0


def test_semicolon_separated_and_headerless():
    frame = upload.read_table(b"a;b\n1;2\n3;4\n5;6\n")
    assert upload.numeric_columns(frame) == ["a", "b"]
    frame = upload.read_table(b"1.5\n2.5\n3.5\n")
    out = upload.extract(frame, upload.numeric_columns(frame)[0])
    np.testing.assert_array_equal(out.values, [1.5, 2.5, 3.5])


def test_utf8_bom_header():
    data = "\ufeff日期,销量\n2020-01,10\n2020-02,12\n2020-03,15\n".encode()
    frame = upload.read_table(data)
    assert list(frame.columns) == ["日期", "销量"]
    np.testing.assert_array_equal(upload.extract(frame, "销量").values, [10, 12, 15])


def test_gbk_chinese_header():
    data = "日期,客流量（人）\n2020-01,10\n2020-02,12\n2020-03,15\n".encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # a real GBK file, not accidentally valid UTF-8
    frame = upload.read_table(data)
    assert upload.numeric_columns(frame) == ["客流量（人）"]


def test_excel_file():
    buffer = io.BytesIO()
    pd.DataFrame({"时间": ["t1", "t2", "t3", "t4"], "value": [1.0, 2.0, None, 4.0]}).to_excel(buffer, index=False)
    frame = upload.read_table(buffer.getvalue(), "x.xlsx")
    out = upload.extract(frame, "value")
    np.testing.assert_array_equal(out.values, [1, 2, 3, 4])
    assert out.missing == 1


def test_missing_values_are_interpolated_and_counted():
    frame = upload.read_table(b"t,v\n1,1\n2,\n3,3\n4,\n5,\n6,6\n7,\n")
    out = upload.extract(frame, "v")
    np.testing.assert_array_equal(out.values, [1, 2, 3, 4, 5, 6, 6])
    assert out.missing == 4


def test_empty_file():
    assert error_key(b"").key == "forecast.err_empty"
    assert error_key(b"  \n\n ").key == "forecast.err_empty"
    assert error_key(b"a,b\n").key == "forecast.err_no_rows"  # a header row is not an empty file


def test_no_numeric_column():
    err = error_key("名字,城市\n张三,北京\n李四,上海\n".encode())
    assert err.key == "forecast.err_no_numeric" and "城市" in err.params["columns"]


def test_non_numeric_values_name_the_row():
    err = error_key(b"t,v\n1,10\n2,11\n3,twelve\n4,13\n5,n/a?\n", "v")
    assert err.key == "forecast.err_non_numeric"
    assert err.params["count"] == 2 and err.params["row"] == 4 and err.params["value"] == "twelve"


def test_markup_in_a_cell_is_defused():
    err = error_key(b"v\n1\n2\n3\n<script>alert(1)</script>\n", "v")
    assert "<" not in err.params["value"] and ">" not in err.params["value"]


def test_a_row_longer_than_the_header_is_refused_by_line():
    err = error_key(b"a,b\nx,1\ny,3,4\nz,5\n")
    assert err.key == "forecast.err_ragged" and err.params == {"line": 3, "cells": 3, "header": 2}


def test_blank_lines_do_not_shift_the_reported_line():
    err = error_key(b"a,b\nx,1\n\ny,3\nz,oops\n", "b")
    assert err.key == "forecast.err_non_numeric_one" and err.params["row"] == 5


def test_all_missing_column():
    assert error_key(b"t,v\n1,\n2,\n3,5\n", "v").key == "forecast.err_all_missing"


def test_too_big():
    assert error_key(b"1\n" * (upload.MAX_BYTES // 2 + 1)).key == "forecast.err_too_big"


def test_not_a_table():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert error_key(png).key == "forecast.err_not_table"
    assert error_key(b"PK\x03\x04 this is a broken zip").key == "forecast.err_not_table"
    assert error_key(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)).key == "forecast.err_old_excel"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert error_key(buffer.getvalue()).key == "forecast.err_not_table"


def test_undecodable_text():
    assert error_key(b"v\n1\n2\n\xff\xfe\xfa\n").key == "forecast.err_encoding"


def test_zip_bomb_is_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"0" * (upload.MAX_UNZIPPED + 1))
    assert len(buffer.getvalue()) < upload.MAX_BYTES
    assert error_key(buffer.getvalue()).key == "forecast.err_not_table"


def test_long_series_keeps_the_latest_values():
    data = ("v\n" + "\n".join(str(k) for k in range(upload.MAX_VALUES + 10))).encode()
    out = upload.extract(upload.read_table(data), "v")
    assert len(out.values) == upload.MAX_VALUES and out.dropped == 10 and out.values[-1] == upload.MAX_VALUES + 9


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_random_bytes_never_raise_anything_but_a_learner_error(data):
    try:
        frame = upload.read_table(data, "random.bin")
        for column in upload.numeric_columns(frame):
            upload.extract(frame, column)
    except UserInputError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.floats(allow_nan=False, allow_infinity=False, width=32), st.text(max_size=5)), max_size=30))
def test_random_csv_cells_never_raise_anything_but_a_learner_error(cells):
    text = "t,v\n" + "\n".join(f"{k},{str(c).replace(chr(10), ' ')}" for k, c in enumerate(cells))
    try:
        frame = upload.read_table(text.encode("utf-8", "replace"))
        for column in upload.numeric_columns(frame):
            upload.extract(frame, column)
    except UserInputError:
        pass


def test_a_column_of_years_is_the_time_axis_not_the_series():
    """year,temp: the years are integer labels (the text "1900" had been drawn as a date, and the forecast's
    "+1" after it in 1970), and the column offered first is temp, not the years."""
    rows = "".join(f"{1900 + k},{14 + 0.01 * k}\n" for k in range(101))
    frame = upload.read_table(("year,temp\n" + rows).encode(), "t.csv")
    columns = upload.numeric_columns(frame)
    assert columns == ["year", "temp"] and upload.likely_series(frame, columns) == "temp"
    out = upload.extract(frame, "temp")
    assert out.labels[:2] == (1900, 1901) and all(type(label) is int for label in out.labels)
    # a first column that does not count time at a fixed step stays a candidate
    frame = upload.read_table(b"a,b\n3,1\n1,2\n2,3\n", "t.csv")
    assert upload.likely_series(frame, upload.numeric_columns(frame)) == "a"


def test_the_forecast_continues_the_labels_on_their_own_axis():
    from datasets.series import future_labels

    daily = tuple(str(d.date()) for d in pd.date_range("2020-01-01", "2020-07-18"))
    assert future_labels(daily, 3) == ["2020-07-19", "2020-07-20", "2020-07-21"]
    firsts = tuple(f"2020-{m:02d}-01" for m in range(1, 7))
    assert future_labels(firsts, 2) == ["2020-07-01", "2020-08-01"]
    assert future_labels((1990, 1995, 2000), 2) == [2005, 2010]
    assert future_labels(("1960-11", "1960-12"), 2) == ["1961-01", "1961-02"]
    assert future_labels(("Q1", "Q2"), 2) == ["+1", "+2"]


def test_a_header_that_starts_with_a_less_than_sign_is_a_table_not_a_web_page():
    """ "<1 km,count" as the first header cell was refused as a saved web page ("not a table"): only
    markup's own starts are (a page, an XML or SVG file, JSON)."""
    frame = upload.read_table("<1 km,≥1 km\n3,4\n5,6\n7,8\n".encode(), "bins.csv")
    assert list(frame.columns) == ["<1 km", "≥1 km"]
    np.testing.assert_array_equal(upload.extract(frame, "<1 km").values, [3, 5, 7])
    pages = [b"<!DOCTYPE html><html>", b"\xef\xbb\xbf <html lang='en'>", b"<?xml version='1.0'?>", b"<svg xmlns='x'>"]
    pages += [b"<Table><tr><td>1</td></tr></Table>", b"<!-- saved -->", b'{ "passengers": [1, 2] }', b'[{"a": 1}]']
    for page in pages:
        assert error_key(page).key == "forecast.err_not_table", page
