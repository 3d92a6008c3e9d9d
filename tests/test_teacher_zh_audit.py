"""A Chinese class run with LSTM Lab (teacher mode, /lessons and the pages its links open): what a
native teacher would have to correct in front of the class."""

import re
from collections import Counter
from unittest import mock

import pytest

from tests.test_train_evaluation import _run
from ui import train_export
from ui.i18n import STRINGS, translate


def test_a_season_is_the_seasonal_period_in_chinese():
    """季节 alone is spring, summer, autumn or winter: "下一个 = 一个季节前" beside a monthly series reads as
    three months back, and "季节长度 12" as a twelve-step spring. The seasonal naive forecast repeats the
    value one seasonal period back (12 months), so the zh strings say 季节周期, or 季节性 for "seasonal"."""
    bare = {key: zh for key, (_, zh) in STRINGS.items() if re.search(r"季节(?!性|周期)", zh)}
    assert bare == {}


def test_the_forecast_page_and_its_lesson_name_the_seasonal_period_alike():
    page = translate("forecast.model.seasonal_naive", "zh")
    assert "一个季节周期前" in page and "一个季节周期前" in translate("lessons.forecast.body", "zh")
    assert translate("forecast.season", "zh").startswith("季节周期长度")


def test_the_training_time_is_in_seconds_in_the_learners_language():
    """/train's tile and the run report said "56.2 s" in the Chinese page; /gradient-flow says 秒."""
    assert translate("train.wall_time_value", "zh", seconds=56.2) == "56.2 秒"
    assert translate("train.wall_time_value", "en", seconds=56.2) == "56.2 s"
    run = _run(seed=3)
    with mock.patch("ui.lang", return_value="zh"):
        report = train_export.report_markdown(run, 0.5).decode()
    line = next(line for line in report.splitlines() if translate("train.wall_time", "zh") in line)
    assert line.endswith("1.2 秒"), line


def _numbers(text: str) -> Counter:
    return Counter(re.findall(r"\d+(?:\.\d+)?", text.replace(",000", "000")))


@pytest.mark.claims
def test_every_number_a_lesson_states_in_english_it_states_in_chinese():
    """The English lessons' numbers are checked against the pages (test_lessons_audit.py); the Chinese
    lessons must quote the same ones (1.41 million is 141 万 in Chinese)."""
    differ = {
        key: (_numbers(en) - _numbers(zh), _numbers(zh) - _numbers(en))
        for key, (en, zh) in STRINGS.items()
        if key.startswith("lessons.") and set(_numbers(en)) != set(_numbers(zh))
    }
    assert differ == {"lessons.keras.body": (Counter({"1.41": 1}), Counter({"141": 1}))}


def test_the_lessons_intro_does_not_read_as_saving_ten_minutes():
    """The intro's "每节约十分钟" (each lesson about ten minutes) also parses as 每 + 节约 + 十分钟, "each saves ten
    minutes": the first sentence a class reads on /lessons."""
    assert [key for key, (_, zh) in STRINGS.items() if "每节约" in zh] == []
    assert "每节课大约十分钟" in translate("lessons.intro", "zh")
