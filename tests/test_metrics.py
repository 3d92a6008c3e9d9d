"""lstm_core.metrics against scikit-learn (the oracle) on random predictions, multi-class included."""

import re
import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm

from lstm_core import metrics


@st.composite
def predictions(draw, min_classes=2, max_classes=6):
    n_classes = draw(st.integers(min_classes, max_classes))
    n = draw(st.integers(1, 60))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    return rng.integers(0, n_classes, n), rng.integers(0, n_classes, n), n_classes


@st.composite
def binary_scores(draw):
    n = draw(st.integers(2, 80))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    y_true = rng.integers(0, 2, n)
    # coarse scores create ties, which is where curve code usually goes wrong
    scores = rng.integers(0, draw(st.integers(2, 20)), n) / 10 if draw(st.booleans()) else rng.random(n)
    return y_true, scores


SETTINGS = settings(max_examples=60, deadline=None)


@SETTINGS
@given(predictions())
def test_confusion_matrix_and_accuracy_match_sklearn(data):
    y_true, y_pred, c = data
    labels = list(range(c))
    np.testing.assert_array_equal(
        metrics.confusion_matrix(y_true, y_pred, c), skm.confusion_matrix(y_true, y_pred, labels=labels)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = np.nan_to_num(skm.confusion_matrix(y_true, y_pred, labels=labels, normalize="true"))
    np.testing.assert_allclose(metrics.confusion_matrix(y_true, y_pred, c, normalize="true"), expected)
    assert metrics.accuracy(y_true, y_pred) == pytest.approx(skm.accuracy_score(y_true, y_pred))


@SETTINGS
@given(predictions())
def test_per_class_scores_match_sklearn(data):
    y_true, y_pred, c = data
    p, r, f, s = metrics.precision_recall_f1_support(y_true, y_pred, c)
    ep, er, ef, es = skm.precision_recall_fscore_support(y_true, y_pred, labels=list(range(c)), zero_division=0)
    np.testing.assert_allclose(p, ep)
    np.testing.assert_allclose(r, er)
    np.testing.assert_allclose(f, ef)
    np.testing.assert_array_equal(s, es)


@SETTINGS
@given(predictions(min_classes=2, max_classes=5))
def test_classification_report_matches_sklearn(data):
    y_true, y_pred, c = data
    names = [f"class {k}" for k in range(c)]
    table = metrics.classification_report(y_true, y_pred, names)
    expected = skm.classification_report(
        y_true, y_pred, labels=list(range(c)), target_names=names, output_dict=True, zero_division=0
    )
    for name in names + ["macro avg", "weighted avg"]:
        for col in ["precision", "recall", "f1-score", "support"]:
            assert table.loc[name, col] == pytest.approx(expected[name][col]), (name, col)
    # sklearn reports "accuracy" only when every label is present; the value is plain accuracy
    assert table.loc["accuracy", "f1-score"] == pytest.approx(skm.accuracy_score(y_true, y_pred))
    assert list(table.index) == names + ["accuracy", "macro avg", "weighted avg"]


@SETTINGS
@given(predictions(max_classes=2))
def test_binary_counts_specificity_and_threshold(data):
    y_true, y_pred, _ = data
    tn, fp, fn, tp = skm.confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    assert metrics.binary_counts(y_true, y_pred) == {"tp": tp, "tn": tn, "fp": fp, "fn": fn}
    # specificity is the recall of the negative class
    assert metrics.specificity(y_true, y_pred) == pytest.approx(skm.recall_score(y_true, y_pred, pos_label=0, zero_division=0))
    scores = np.where(y_pred == 1, 0.7, 0.2)
    m = metrics.metrics_at_threshold(y_true, scores, 0.5)
    assert m["accuracy"] == pytest.approx(skm.accuracy_score(y_true, y_pred))
    assert m["precision"] == pytest.approx(skm.precision_score(y_true, y_pred, zero_division=0))
    assert m["recall"] == pytest.approx(skm.recall_score(y_true, y_pred, zero_division=0))
    assert m["f1"] == pytest.approx(skm.f1_score(y_true, y_pred, zero_division=0))


@SETTINGS
@given(binary_scores())
def test_curves_and_areas_match_sklearn(data):
    y_true, scores = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e_prec, e_rec, e_thr = skm.precision_recall_curve(y_true, scores)
        p, r, thr = metrics.precision_recall_curve(y_true, scores)
        np.testing.assert_allclose(p, e_prec)
        np.testing.assert_allclose(r, e_rec)
        np.testing.assert_allclose(thr, e_thr)
        if 0 < y_true.sum() < y_true.size:
            fpr, tpr, thr = metrics.roc_curve(y_true, scores)
            e_fpr, e_tpr, e_thr = skm.roc_curve(y_true, scores, drop_intermediate=False)
            np.testing.assert_allclose(fpr, e_fpr)
            np.testing.assert_allclose(tpr, e_tpr)
            np.testing.assert_allclose(thr, e_thr)
            assert metrics.roc_auc(y_true, scores) == pytest.approx(skm.roc_auc_score(y_true, scores))
            assert metrics.average_precision(y_true, scores) == pytest.approx(skm.average_precision_score(y_true, scores))
        else:
            assert np.isnan(metrics.roc_auc(y_true, scores))


@SETTINGS
@given(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6))
def test_metrics_from_counts_match_sklearn(tp, tn, fp, fn):
    m = metrics.metrics_from_counts(tp, tn, fp, fn)
    # sklearn from a 4-cell matrix would need 4 million labels; use the identities instead
    total = tp + tn + fp + fn
    assert m["accuracy"] == pytest.approx((tp + tn) / total if total else 0.0)
    assert m["recall"] == pytest.approx(tp / (tp + fn) if tp + fn else 0.0)
    assert m["precision"] == pytest.approx(tp / (tp + fp) if tp + fp else 0.0)
    assert all(0.0 <= v <= 1.0 for v in m.values())


def test_metrics_from_counts_small_case_via_sklearn():
    tp, tn, fp, fn = 90, 85, 15, 10
    y_true = np.r_[np.ones(tp + fn), np.zeros(tn + fp)].astype(int)
    y_pred = np.r_[np.ones(tp), np.zeros(fn), np.zeros(tn), np.ones(fp)].astype(int)
    m = metrics.metrics_from_counts(tp, tn, fp, fn)
    assert m["accuracy"] == pytest.approx(0.875) == skm.accuracy_score(y_true, y_pred)
    assert m["recall"] == pytest.approx(0.9) == skm.recall_score(y_true, y_pred)
    assert m["precision"] == pytest.approx(skm.precision_score(y_true, y_pred))
    assert m["f1"] == pytest.approx(skm.f1_score(y_true, y_pred))


def test_zero_division_is_zero_not_an_error():
    assert metrics.metrics_from_counts(0, 0, 0, 0) == {k: 0.0 for k in ["accuracy", "precision", "recall", "specificity", "f1"]}
    table = metrics.classification_report([0, 0], [0, 0], ["a", "b"])
    assert table.loc["b", "precision"] == 0.0 and table.loc["b", "support"] == 0
    assert np.isnan(metrics.roc_auc([1, 1, 1], [0.1, 0.5, 0.9]))


GRID = [k / 100 for k in range(101)]  # /train's threshold slider


def sklearn_f1(y_true, scores, threshold):
    return skm.f1_score(y_true, (scores >= threshold).astype(int), zero_division=0)


@SETTINGS
@given(binary_scores())
def test_best_f1_threshold_matches_sklearn_on_the_slider_grid(data):
    """The best F1, the threshold suggested (0.5 if it ties for best, else the best nearest 0.5), the
    unbroken stretch of best thresholds around it, and whether it predicts every item positive."""
    y_true, scores = data
    best = metrics.best_f1_threshold(y_true, scores)
    f1s = np.array([sklearn_f1(y_true, scores, th) for th in GRID])
    ties = np.isclose(f1s, f1s.max(), rtol=0, atol=1e-9)
    suggested = min((th for th, tie in zip(GRID, ties, strict=True) if tie), key=lambda th: abs(th - 0.5))
    k = GRID.index(suggested)
    low = next(j for j in range(k, -1, -1) if j == 0 or not ties[j - 1])
    high = next(j for j in range(k, len(GRID)) if j == len(GRID) - 1 or not ties[j + 1])
    assert best.f1 == pytest.approx(f1s.max())
    assert (best.threshold, best.low, best.high) == (suggested, GRID[low], GRID[high])
    assert sklearn_f1(y_true, scores, best.threshold) == pytest.approx(best.f1)
    assert best.all_positive == (skm.recall_score(1 - y_true, (scores < suggested).astype(int), zero_division=0) == 0)


def test_separable_scores_tie_over_a_stretch_that_holds_the_default():
    """As on /train's negation data: every threshold between the classes gives F1 = 1, 0.5 among them."""
    y_true = np.array([0, 0, 0, 1, 1, 1])
    scores = np.array([0.02, 0.05, 0.11, 0.95, 0.97, 0.99])
    best = metrics.best_f1_threshold(y_true, scores)
    assert (best.f1, best.threshold, best.low, best.high, best.all_positive) == (1.0, 0.5, 0.12, 0.95, False)


def test_when_calling_everything_positive_is_best_it_is_flagged():
    """Scores that rank the classes backwards (as an untrained GunPoint model can): no threshold beats
    predicting every item positive, and the stretch of such thresholds ends at the lowest score."""
    y_true = np.array([1, 1, 0, 0])
    scores = np.array([0.30, 0.32, 0.60, 0.70])
    best = metrics.best_f1_threshold(y_true, scores)
    assert best.f1 == pytest.approx(skm.f1_score(y_true, np.ones(4, dtype=int)))
    assert (best.low, best.high, best.threshold, best.all_positive) == (0.0, 0.3, 0.3, True)


def _latex_to_fraction(number: str) -> Fraction:
    """A number as the formulas write it for KaTeX, 0.1099 or 3 \\times 10^{-9}, exactly."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?: \\times 10\^\{(-?\d+)\})?", number)
    assert match, f"{number!r} is not a number KaTeX sets as one"
    return Fraction(match[1]) * Fraction(10) ** int(match[2] or 0)


@pytest.mark.parametrize(
    "num, den",
    [(1, 2), (175, 200), (0, 5), (7, 7), (1, 3), (3, 1_000_000_003), (123_456_789, 123_456_796), (1, 100_000), (2, 3)],
)
def test_a_formulas_value_is_exact_after_equals_and_near_after_approx(num, den):
    """The relation is "=" only where the number shown is the fraction itself, "\\approx" where it is rounded; a
    rounded value within 0.05 % (four digits) and never shown as exactly 0 or 1; powers of ten
    as \\times 10^{k}, which KaTeX would otherwise set as "3e − 09"."""
    relation, number = metrics.latex_value(num, den).split(" ", 1)
    value, exact = _latex_to_fraction(number), Fraction(num, den)
    if relation == "=":
        assert value == exact
    else:
        assert relation == r"\approx" and value != exact
        assert abs(value - exact) <= exact * Fraction(5, 10_000) and value not in (0, 1)


@SETTINGS
@given(st.integers(0, 10**9), st.integers(1, 10**9))
def test_every_formula_value_says_truly_whether_it_is_rounded(a, b):
    num, den = min(a, b), max(a, b)  # a ratio of counts: from 0 to 1
    relation, number = metrics.latex_value(num, den).split(" ", 1)
    assert (relation == "=") == (_latex_to_fraction(number) == Fraction(num, den))


@SETTINGS
@given(st.integers(0, 10**9), st.integers(1, 10**9))
def test_a_tile_shows_0_or_1_only_for_a_rate_that_is_0_or_1(a, b):
    """Three decimals, or more where three would round a rate that is neither 0 nor 1 to one of them:
    0.9999 is not a perfect precision."""
    num, den = min(a, b), max(a, b)
    shown = metrics.rounded(num / den)
    assert (Fraction(shown) in (0, 1)) == (num in (0, den))
    assert abs(Fraction(shown) - Fraction(num, den)) <= Fraction(1, 2000)
    assert len(shown) == 5 or Fraction(shown[:5]) in (0, 1)  # more than 3 decimals only when needed


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.875, "0.875"), (0.9999, "0.9999"), (1 - 1e-7, "0.9999999"), (0.0004, "0.0004"), (1.0, "1.000"), (0.0, "0.000")],
)
def test_a_tile_rounds_as_a_reader_expects(value, shown):
    assert metrics.rounded(value) == shown


def test_predict_thresholds_binary_scores_and_takes_the_argmax_otherwise():
    proba = np.array([[0.7, 0.3], [0.5, 0.5], [0.2, 0.8]])
    assert metrics.predict(proba, 0.5).tolist() == [0, 1, 1]  # >= : a score on the threshold is positive
    assert metrics.predict(proba, 0.0).tolist() == [1, 1, 1]
    assert metrics.predict(proba, 0.81).tolist() == [0, 0, 0]
    assert metrics.predict(proba).tolist() == [0, 0, 1]  # no threshold: the most probable (first among ties)
    three = np.array([[0.2, 0.5, 0.3], [0.6, 0.1, 0.3]])
    assert metrics.predict(three, 0.9).tolist() == [1, 0]  # a threshold means nothing with three classes


def test_a_formula_groups_thousands_as_the_matrix_does():
    """/metrics wrote 1,000,000,000 in its matrix and 1000000000 in the formula beside it."""
    latex = metrics.formula_latex("precision", {"tp": 1_000_000_000, "fp": 2_500, "fn": 0, "tn": 7}, "Precision")
    assert r"\frac{1{,}000{,}000{,}000}{1{,}000{,}000{,}000 + 2{,}500}" in latex


@pytest.mark.parametrize("positives", [10, 150, 299])
def test_a_perfect_ranking_has_an_average_precision_of_exactly_one_shown_as_1_000(positives):
    """/train's PR chart was titled "AP = 1.000000000" after a perfect run: the step sum came to
    1.0000000000000002 (sklearn's too), and rounded() took the rounding error for a difference."""
    from sklearn.metrics import average_precision_score

    y = np.r_[np.ones(positives), np.zeros(positives)]
    scores = np.r_[np.linspace(0.6, 1, positives), np.linspace(0, 0.4, positives)]
    ap = metrics.average_precision(y, scores)
    assert ap <= 1.0 and ap == pytest.approx(1.0, abs=1e-12) == average_precision_score(y, scores)
    assert metrics.rounded(ap) == "1.000"
    assert metrics.rounded(0.9999999999999999) == "1.000" and metrics.rounded(1e-17) == "0.000"
    assert metrics.rounded(0.99996) == "0.99996"  # a real difference still shows
