"""datasets.classification: determinism, balance, shapes, splits, and that the negation sets really
need word order (scikit-learn as the bag-of-words oracle)."""

import ast
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from datasets import classification as dc
from lstm_core.errors import UserInputError
from lstm_core.text import tokenise
from ui.i18n import STRINGS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", list(dc.NAMES))
def test_every_dataset_loads_with_consistent_shapes_and_strings(name):
    info = dc.NAMES[name]
    data = dc.load(name, seed=1)
    assert data.name == name and data.kind == info["kind"]
    assert len(data.class_names) == info["classes"]
    assert data.y.dtype == np.int64 and data.y.ndim == 1
    assert set(np.unique(data.y)) == set(range(info["classes"]))
    if data.kind == "text":
        assert data.X is None and len(data.texts) == len(data.y) and data.lang in ("en", "zh")
        assert all(isinstance(t, str) and t.strip() for t in data.texts)
    else:
        assert data.texts is None and data.X.dtype == np.float32 and data.X.ndim == 3
        assert data.X.shape[0] == len(data.y) and np.isfinite(data.X).all()
    for key in [info["title_key"], info["card_key"], *data.class_names]:
        assert key in STRINGS, key


@pytest.mark.parametrize("name", list(dc.NAMES))
def test_same_seed_same_data_other_seed_other_data(name):
    a, b, c = dc.load(name, seed=3, n=40), dc.load(name, seed=3, n=40), dc.load(name, seed=4, n=40)
    np.testing.assert_array_equal(a.y, b.y)
    if a.kind == "text":
        assert a.texts == b.texts and a.texts != c.texts
    else:
        np.testing.assert_array_equal(a.X, b.X)
        assert not np.array_equal(a.X, c.X)


@pytest.mark.parametrize("name", ["negation_en", "negation_zh", "reviews_zh", "gunpoint", "parity", "brackets", "pattern"])
def test_binary_sets_are_balanced(name):
    y = dc.load(name, seed=0, n=200).y
    assert abs(int(np.sum(y == 1)) - int(np.sum(y == 0))) <= 1


def test_digits_are_multiclass_rows_as_steps():
    data = dc.load("digits")
    assert data.X.shape == (1797, 8, 8) and 0.0 <= data.X.min() and data.X.max() <= 1.0
    assert np.bincount(data.y).min() >= 170  # about 180 per digit


@pytest.mark.claims
def test_gunpoint_shape():
    """Its card: 200 recordings of 150 steps, and a model trained on 140 of them (the page's split)."""
    data = dc.load("gunpoint")
    assert data.X.shape == (200, 150, 1)
    train = dc.split(data, seed=0)[0]
    assert len(train.y) == 140
    assert all(f"{k}" in STRINGS["data.card.gunpoint"][0] for k in ("200 recordings", "150 steps", "140 recordings"))


@pytest.mark.parametrize("length", [4, 9, 30])
def test_synthetic_labels_follow_their_rule(length):
    parity = dc.load("parity", n=300, length=length)
    bits = parity.X.argmax(-1)  # (N, T)
    assert parity.X.shape == (300, length, 2)
    np.testing.assert_array_equal(bits.sum(1) % 2, parity.y)

    brackets = dc.load("brackets", n=300, length=length)
    bits = brackets.X.argmax(-1)
    depth = np.cumsum(1 - 2 * bits, axis=1)
    assert (depth[:, -1] == 0).all()  # equal counts in both classes: counting alone cannot tell them apart
    np.testing.assert_array_equal(depth.min(1) >= 0, brackets.y == 1)

    pattern = dc.load("pattern", n=300, length=length)
    strings = ["".join(map(str, row)) for row in pattern.X.argmax(-1)]
    np.testing.assert_array_equal(["101" in s for s in strings], pattern.y == 1)


def _bow_and_ngram_accuracy(texts, y, mode):
    docs = [" ".join(tokenise(t, mode)) for t in texts]
    scores = []
    for ngrams in [(1, 1), (1, 3)]:
        features = CountVectorizer(token_pattern=r"\S+", ngram_range=ngrams).fit_transform(docs)
        x_train, x_test, y_train, y_test = train_test_split(features, y, test_size=0.3, random_state=0, stratify=y)
        scores.append(LogisticRegression(max_iter=2000).fit(x_train, y_train).score(x_test, y_test))
    return scores


@pytest.mark.parametrize(("name", "mode"), [("negation_en", "words"), ("negation_zh", "chars"), ("negation_zh", "words")])
@pytest.mark.trains
def test_negation_needs_word_order(name, mode):
    data = dc.load(name, seed=0)
    # the labels are a function of the word sequence: an order-aware oracle (a lookup) is never wrong
    label_of = {}
    for text, label in zip(data.texts, data.y, strict=True):
        assert label_of.setdefault(text, label) == label, text
    bow, ngram = _bow_and_ngram_accuracy(data.texts, data.y, mode)
    assert bow <= 0.65, f"bag of words scores {bow:.2f}: some word gives the label away"
    assert ngram >= bow + 0.2, "n-grams see local order and must do much better"


def test_negation_words_appear_in_both_classes():
    data = dc.load("negation_en", seed=0)
    by_class = [{tok for t, y in zip(data.texts, data.y, strict=True) if y == c for tok in tokenise(t, "words")} for c in (0, 1)]
    assert by_class[0] == by_class[1]


def test_split_is_stratified_disjoint_and_seeded():
    data = dc.load("digits")
    train, val, test = dc.split(data, 0.2, 0.1, seed=5)
    assert len(train) + len(val) + len(test) == len(data)
    for part, fraction in [(val, 0.2), (test, 0.1)]:
        assert abs(len(part) - fraction * len(data)) <= 10
        np.testing.assert_allclose(np.bincount(part.y, minlength=10) / len(part), np.bincount(data.y) / len(data), atol=0.03)
    again = dc.split(data, 0.2, 0.1, seed=5)
    np.testing.assert_array_equal(again[2].X, test.X)
    rows = {row.tobytes() for row in data.X}
    assert len(rows) > 1700  # digits has a few duplicate images; the split must not add any
    text = dc.load("negation_en", n=100)
    train, val, test = dc.split(text)
    assert not (set(map(id, train.texts)) & set(map(id, test.texts)))
    assert sorted(train.texts + val.texts + test.texts) == sorted(text.texts)


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda: dc.load("nope"), "data.err_unknown"),
        (lambda: dc.load("parity", n=1), "data.err_n"),
        (lambda: dc.load("parity", n=10**9), "data.err_n"),
        (lambda: dc.load("digits", n=5000), "data.err_n"),
        (lambda: dc.load("parity", length=1000), "data.err_length"),
        (lambda: dc.split(dc.load("parity", n=4)), "data.err_too_small"),
        (lambda: dc.split(dc.load("parity", n=40), 0.6, 0.5), "data.err_fractions"),
        (lambda: dc.split(dc.load("parity", n=40), 0.0, 0.2), "data.err_fractions"),
    ],
)
def test_bad_requests_raise_translated_errors(call, key):
    with pytest.raises(UserInputError) as info:
        call()
    assert info.value.key == key
    assert key in STRINGS
    STRINGS[key][0].format(**info.value.params)  # the message's placeholders are all provided


def test_runtime_imports_only_allowed_libraries():
    allowed = {"numpy", "csv", "dataclasses", "pathlib", "__future__", "re", "unicodedata", "collections", "lstm_core"}
    for name in ["datasets/classification.py", "datasets/negation.py", "lstm_core/text.py"]:
        tree = ast.parse((ROOT / name).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom) and getattr(node, "level", 0) == 0:
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
                assert {n.split(".")[0] for n in names} <= allowed, (name, names)


def test_shipped_data_is_small_and_not_pickled():
    total = sum(f.stat().st_size for f in (ROOT / "datasets").rglob("*") if f.is_file())
    assert total < 5_000_000
    assert not list((ROOT / "datasets").rglob("*.pkl")) and not list((ROOT / "datasets").rglob("*.pickle"))


def test_every_shipped_copy_of_a_bsd_licensed_package_carries_its_notice():
    """BSD licences ask that the notice travel with redistributed copies: each package the cards name as the
    source of a shipped file has its licence text beside the data."""
    import re

    here = Path(__file__).resolve().parent.parent / "datasets"
    cards = (here / "CARDS.md").read_text() + (here / "SERIES.md").read_text()
    for package in ("statsmodels", "scikit-learn", "sktime"):
        if re.search(rf"\b{package}\b", cards):
            notice = here / "data" / f"LICENSE-{package}.txt"
            assert notice.is_file() and "Redistribution" in notice.read_text(), package


def test_the_chinese_negation_card_gives_examples_the_generator_makes():
    """The card's double-negation example read 我不觉得……不好看; the generator never writes 好看. Every
    negator the card lists is one the templates use, and every example's words occur in the data."""
    from datasets.negation import ZH_NEGATORS, negation_sentences
    from ui.i18n import translate

    texts, _ = negation_sentences("zh", 3000, np.random.default_rng(0))
    corpus = "\n".join(texts)
    for lang in ("en", "zh"):
        card = translate("data.card.negation_zh", lang)
        assert "不好看" not in card
        assert "不太" in card and all(n in corpus for n in ("不好", "没有让我失望", "我并不喜欢", "不太"))
    assert "不太" in ZH_NEGATORS
    assert any(t.startswith("我不觉得") and "不好" in t for t in texts)


def test_date_resolution_says_how_finely_labels_name_time():
    """What the forecast charts write their dates to: months for YYYY-MM, days or times for other dates."""
    from datasets.series import date_resolution

    assert date_resolution(("1949-01", "1949-02")) == "month"
    assert date_resolution(("2020-01-01", "2020-01-02")) == "day"
    assert date_resolution(("2020-01-01 10:00", "2020-01-01 11:00")) == "time"
    for not_dates in ((1700, 1701), (0, 1), ("a", "b"), ()):
        assert date_resolution(not_dates) is None
