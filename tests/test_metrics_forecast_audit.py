"""What an audit of /metrics and /forecast found, in both languages: sentences that said something the
numbers shown did not (or said it oddly in Chinese), and uploaded files the parser refused or misread."""

import re
from types import SimpleNamespace

import numpy as np
import pytest

from datasets import upload
from datasets.series import future_labels
from lstm_core.errors import UserInputError
from tests.test_page_forecast import page
from tests.test_page_metrics import run
from ui.i18n import translate

# --- /metrics ------------------------------------------------------------------------------------


def _text(at) -> str:
    return "\n".join(md.value for md in at.markdown)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_precision_and_recall_lines_say_0_over_0_where_nothing_was_flagged_or_is_positive(lang):
    """Sentences like "Of the 0 items flagged positive, 0 really are" (and "Of the 1 items, 1 were found"): an empty column
    or row is said to be empty, its metric 0/0, and a count of 1 reads as English."""
    at = run(lang=lang, tp=0, fp=0, fn=0, tn=1)
    assert not at.exception
    text = _text(at)
    assert translate("metrics.pr_precision_none", lang) in text and translate("metrics.pr_recall_none", lang) in text
    assert "Of the 0" not in text and "的 0 个样本中" not in text
    at = run(lang=lang, tp=1, fp=0, fn=0, tn=0)
    text = _text(at)
    assert translate("metrics.pr_precision", lang, tp=1, pred_pos=1) in text
    assert "1 items" not in text and "1 were found" not in text
    at = run(lang=lang, tp=90, fp=15, fn=10, tn=85)
    assert translate("metrics.pr_precision", lang, tp=90, pred_pos=105) in _text(at)
    assert translate("metrics.pr_recall", lang, tp=90, act_pos=100) in _text(at)


def test_the_chinese_precision_question_asks_how_often_not_how_sure():
    """Precision is a share of the positive calls, not the model's confidence (有多大把握)."""
    zh = translate("metrics.explain.precision", "zh")
    assert "把握" not in zh and "多大比例是对的" in zh


def test_the_chinese_0_over_0_note_keeps_a_latin_name_apart_from_the_chinese():
    """The note had read "此处F1 分数为 0/0": now it starts with the metric's name, so F1 is never glued to a Chinese word."""
    at = run(lang="zh", tp=0, fp=0, fn=0, tn=1)
    notes = [i.value for i in at.info if "0/0" in i.value]
    assert len(notes) == 3 and any(n.startswith("F1 分数：") for n in notes)
    assert not any(re.search(r"[\u4e00-\u9fff][A-Za-z0-9]", n.split("zero_division")[0]) for n in notes)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_all_zero_warning_does_not_promise_a_0_the_normalised_matrix_shows_as_a_dash(lang):
    at = run(lang=lang, tp=0, fp=0, fn=0, tn=0)
    (warning,) = at.warning
    assert "—" in warning.value and "Every ratio" not in warning.value and "每个比值" not in warning.value


# --- /forecast: texts ----------------------------------------------------------------------------


def test_the_chinese_sunspot_card_names_noaa_as_the_agency_not_the_data_center():
    """NGDC is NOAA's National Geophysical Data Center: "国家地球物理数据中心（NOAA）" made NOAA its abbreviation."""
    zh = translate("forecast.card.sunspots", "zh")
    assert "美国国家海洋和大气管理局（NOAA）下属国家地球物理数据中心" in zh and "数据中心（NOAA）" not in zh


def _caption(recursive_blocks, one_step_blocks, lang="en"):
    """horizon_caption for a test part of 3 blocks of 4 points whose RMSEs are the given ones (each block's
    error is constant, so its RMSE is exactly that number)."""
    from ui import forecast_state as state
    from ui.i18n import translate as tr

    actual = np.zeros(12)
    rec = np.repeat(np.asarray(recursive_blocks, float), 4)
    one = np.repeat(np.asarray(one_step_blocks, float), 4)
    result = SimpleNamespace(split=SimpleNamespace(split=8), recursive_test=lambda values: rec, test_pred=one)
    values = np.r_[np.ones(8), actual]
    state.ui.t = lambda key, **params: tr(key, lang, **params)  # outside a page: the language asked for
    return state.horizon_caption(result, values)


@pytest.fixture
def restore_t():
    import ui

    original = ui.t
    yield
    ui.t = original


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_recursive_error_that_grows_with_the_one_step_one_is_not_said_not_to_grow(lang, restore_t):
    """Airline after 3 epochs: 292.4 -> 340.4 -> 388.8 recursive, as much one step ahead. "The recursive
    error does not grow from block to block" was said of numbers that grow; they now read as growing, with
    the one-step forecast doing as badly."""
    text = _caption([292.4, 340.4, 388.8], [292.7, 340.3, 388.8], lang)
    assert translate("forecast.horizon_grows_both", lang) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_errors_that_grow_only_as_the_one_step_errors_do_are_not_said_to_compound(lang, restore_t):
    """CO2 after 2 epochs: 22.45 -> 27.98 -> 34.54 recursive against 20.49 -> 25.55 -> 31.73 one step ahead,
    about 1.09 times in every block. Both grow alike: the points get harder, the feedback adds nothing that
    grows, so "the errors compound" was not what the numbers show."""
    text = _caption([22.45, 27.98, 34.54], [20.49, 25.55, 31.73], lang)
    assert translate("forecast.horizon_compound", lang, first="X", last="X").split("X")[0] not in text
    assert (
        translate(
            "forecast.horizon_grows_above",
            lang,
            multiples=translate("forecast.multiples_sep", lang).join(["1.096", "1.095", "1.089"]),
        )
        in text
    )
    # a multiple that does grow is compounding
    text = _caption([10, 20, 40], [9, 10, 11], lang)
    assert translate("forecast.horizon_compound", lang, first="1.1", last="3.6") in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_growing_error_whose_multiple_dips_once_is_not_said_not_to_grow(lang, restore_t):
    """A reviewer's trend_season run (and the airline run under ATEN_CPU_CAPABILITY=default, 1.91, 2.40,
    2.24): the recursive error tripled, 10.5, 21.5, 31.1, at 1.98, 2.71, 2.66 times the one-step error,
    and the page said the multiple "does not grow from block to block ... rather than compounding"."""
    text = _caption([10.498, 21.492, 31.060], [5.297, 7.933, 11.658], lang)
    multiples = translate("forecast.multiples_sep", lang).join(["1.98", "2.71", "2.66"])
    assert translate("forecast.horizon_grows_above", lang, multiples=multiples) in text, text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_multiple_that_grows_while_the_recursive_error_falls_is_not_said_not_to_grow(lang, restore_t):
    """A reviewer's airline run at test 0.1: 46.72, 110.08, 77.40 recursive against 36.33, 49.77, 29.11 one
    step ahead, 1.29, 2.21, 2.66 times, a multiple rising every block; the page said "that multiple does not
    grow from block to block"."""
    text = _caption([46.72, 110.08, 77.40], [36.33, 49.77, 29.11], lang)
    multiples = translate("forecast.multiples_sep", lang).join(["1.3", "2.2", "2.7"])
    assert translate("forecast.horizon_multiple_grows", lang, multiples=multiples) in text, text


def test_a_multiple_above_1_is_never_written_1_0(restore_t):
    """Sine after 3 epochs: 1.018 to 1.026 times was written "(1.0 to 1.0 times)" after "above"; each
    block's multiple is now listed, to as many decimals as keep them apart."""
    text = _caption([0.8032, 1.078, 0.9965], [0.789, 1.061, 0.9712])
    assert "(1.018, 1.016, 1.026 times)" in text and "1.0 " not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_constant_series_says_there_is_nothing_to_learn(lang):
    """slope 0, amplitude 0, noise 0: every value is 10. Persistence is exact (RMSE 0): the page says so
    before anyone trains, instead of advising more epochs after."""
    at = page(lang, data="trend_season", slope=0, amp=0, noise=0)
    assert not at.exception
    assert translate("forecast.constant_series", lang, value=10) in [w.value for w in at.warning]
    at = page(lang)
    assert not [w for w in at.warning if w.value == translate("forecast.constant_series", lang, value=10)]


# --- /forecast: uploads --------------------------------------------------------------------------


def _series(data: bytes):
    frame = upload.read_table(data)
    return upload.extract(frame, upload.likely_series(frame, upload.numeric_columns(frame)))


def test_a_semicolon_file_with_decimal_commas_is_read():
    """Spreadsheets in much of Europe write 1,5 and separate with semicolons: that had been "No column of
    numbers found"."""
    out = _series(b"date;value\n2024-01;1,5\n2024-02;2,25\n2024-03;-3,5\n2024-04;1.234,5\n")
    np.testing.assert_array_equal(out.values, [1.5, 2.25, -3.5, 1234.5])


def test_thousands_separators_and_percent_signs_are_read():
    out = _series(b'month,passengers\n2024-01,"1,234"\n2024-02,"12,345.5"\n2024-03,"2,000"\n')
    np.testing.assert_array_equal(out.values, [1234, 12345.5, 2000])
    # "10%" had left only the time column numeric, and the page offered to forecast the row numbers
    out = _series(b"t,rate\n1,10%\n2,12.5%\n3,15 %\n")
    np.testing.assert_array_equal(out.values, [10, 12.5, 15])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_file_with_a_single_number_says_too_few_values_not_no_numbers(lang):
    with pytest.raises(UserInputError) as err:
        _series("销量\n5\n".encode())
    assert err.value.key == "forecast.err_all_missing"
    assert "销量" in translate(err.value.key, lang, **err.value.params)


def test_chinese_month_labels_become_dates_the_forecast_continues():
    """2024年1月 had been text: a category axis, and the forecast after it labelled "+1", "+2"."""
    data = "月份,销量\n" + "".join(f"2024年{m}月,{10 + m}\n" for m in range(1, 13))
    for encoding in ("utf-8-sig", "gbk"):
        out = _series(data.encode(encoding))
        assert out.labels[:2] == ("2024-01", "2024-02") and future_labels(out.labels, 2) == ["2025-01", "2025-02"]
    out = _series("日期,v\n2024年1月30日,1\n2024年1月31日,2\n2024年2月1日,3\n".encode())
    assert out.labels == ("2024-01-30", "2024-01-31", "2024-02-01") and future_labels(out.labels, 1) == ["2024-02-02"]
