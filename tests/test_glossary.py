"""The glossary is the one source of Chinese terms: Chinese strings use its renderings and none of the
variants it rules out, and accuracy and precision are never confused (准确率 / 精确率)."""

import re

import pytest

from ui.i18n import STRINGS
from ui.strings import glossary

ZH = {key: zh for key, (_, zh) in STRINGS.items() if not key.startswith("glossary.")}


def _core(term: str) -> str:
    """The term itself: 细胞状态 of "细胞状态 c", 真正例 of "真正例（TP）"."""
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
