"""The glossary is the one source of Chinese terms: Chinese strings use its renderings and none of the
variants it rules out, and accuracy and precision are never confused (准确率 / 精确率)."""

import re

import pytest

from ui.i18n import STRINGS, translate
from ui.strings import glossary

ZH = {key: zh for key, (_, zh) in STRINGS.items() if not key.startswith("glossary.")}


def _core(term: str) -> str:
    """The term itself: 单元状态 of "单元状态 c", 真正例 of "真正例（TP）"."""
    return re.split(r"[ （/]", term)[0]


@pytest.mark.parametrize(("key", "en", "zh", "variants"), glossary.GLOSSARY, ids=[row[0] for row in glossary.GLOSSARY])
def test_chinese_strings_use_the_glossary_term_and_no_variant(key, en, zh, variants):
    for string_key, text in ZH.items():
        for allowed in glossary.ALLOWED_CONTAINING_A_VARIANT:
            text = text.replace(allowed, "")
        for variant in variants:
            assert variant not in text, f"{string_key} says {variant!r}; the glossary's term for {en!r} is {zh!r}"
    assert any(_core(zh) in text for text in ZH.values()), f"no page uses {zh!r} ({en})"


def test_accuracy_and_precision_keep_their_chinese_names():
    for key, (en, zh) in STRINGS.items():
        low = en.lower()
        if "precision" in low and "accura" not in low:
            assert "准确率" not in zh, f"{key}: precision is 精确率, not 准确率"
        if "accura" in low and "precision" not in low:
            assert "精确率" not in zh, f"{key}: accuracy is 准确率, not 精确率"


def test_every_glossary_row_is_complete_and_unique():
    keys = [row[0] for row in glossary.GLOSSARY]
    assert len(keys) == len(set(keys))
    zh_terms = [_core(row[2]) for row in glossary.GLOSSARY]
    assert len(zh_terms) == len(set(zh_terms)), "one Chinese rendering per idea, one idea per rendering"
    for _, en, zh, variants in glossary.GLOSSARY:
        assert en and zh and zh not in variants


# 单元 in words that are about cells: the cell state, the cell explorer, a spreadsheet's cells, an LSTM cell
NOT_A_UNIT = ("单元状态", "单元探索", "单元格", "LSTM 单元", "一维单元")  # the last two: a cell (of one unit)


def test_a_unit_is_never_called_a_cell_in_chinese():
    """单元 means the LSTM cell; a string about units (and not about cells) must not use it: one unit of h
    is one dimension (维), the hidden size is 隐藏维度."""
    for key, (en, zh) in STRINGS.items():
        if re.search(r"\bunits?\b", en, re.I) and "cell" not in en.lower():
            for word in NOT_A_UNIT:
                zh = zh.replace(word, "")
            assert "单元" not in zh, f"{key}: {en!r} is about units, and 单元 is the cell: {zh!r}"


def test_the_cell_and_the_hidden_size_have_their_one_rendering():
    rows = {row[0]: row for row in glossary.GLOSSARY}
    assert _core(rows["cell"][2]) == "单元" and _core(rows["cell_state"][2]) == "单元状态"
    assert _core(rows["hidden_size"][2]) == "隐藏维度" and "隐藏单元" in rows["hidden_size"][3]
    for key in ("explorer.hidden", "forecast.units", "train.hidden_size", "gradient_flow.hidden"):  # the size settings
        assert "隐藏维度" in translate(key, "zh"), key
