"""The one metrics module: confusion matrix, accuracy, precision, recall, F1, specificity, ROC and
precision-recall curves. Pure NumPy (pandas only for the report table).

Conventions follow scikit-learn so the numbers can be checked against it (tests/test_metrics.py):
rows of the confusion matrix are the true class, columns the predicted class; a ratio whose
denominator is zero is 0 (sklearn's ``zero_division=0``); for binary tasks class 1 is "positive".

- precision = TP / (TP + FP): of the items *predicted* positive, how many are positive.
- recall    = TP / (TP + FN): of the items that *are* positive, how many were found.
- specificity = TN / (TN + FP): of the items that are negative, how many were called negative.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

from .equations import latex_scientific

if TYPE_CHECKING:
    import pandas as pd


def _safe_div(num, den):
    """num / den elementwise, 0 where den == 0 (sklearn's zero_division=0)."""
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    out = np.zeros(np.broadcast(num, den).shape)
    np.divide(num, den, out=out, where=den != 0)
    return out if out.ndim else float(out)


def _labels(y_true, y_pred=None, n_classes: int | None = None):
    y_true = np.asarray(y_true).astype(np.int64).ravel()
    y_pred = None if y_pred is None else np.asarray(y_pred).astype(np.int64).ravel()
    if y_pred is not None and y_pred.shape != y_true.shape:
        raise ValueError(f"y_true has {y_true.size} labels but y_pred has {y_pred.size}")
    if n_classes is None:
        seen = [y_true] + ([] if y_pred is None else [y_pred])
        n_classes = int(max((a.max() for a in seen if a.size), default=-1)) + 1
    return y_true, y_pred, max(n_classes, 1)


def confusion_matrix(y_true, y_pred, n_classes: int | None = None, normalize: str | None = None) -> np.ndarray:
    """(C, C) matrix: entry [i, j] counts items of true class i predicted as class j.

    normalize="true" divides each row by its total (rows of a class absent from y_true stay 0), so the
    diagonal is each class's recall."""
    y_true, y_pred, n_classes = _labels(y_true, y_pred, n_classes)
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)  # (C, C)
    np.add.at(counts, (y_true, y_pred), 1)
    if normalize is None:
        return counts
    if normalize != "true":
        raise ValueError("normalize must be None or 'true'")
    return row_fractions(counts)


def row_fractions(matrix) -> np.ndarray:
    """Each row of a confusion matrix divided by its total (a row with no items stays 0): entry [i, j]
    is the share of class i predicted as j, so the diagonal holds each class's recall."""
    matrix = np.asarray(matrix, dtype=np.float64)
    return _safe_div(matrix, matrix.sum(axis=1, keepdims=True))


def accuracy(y_true, y_pred) -> float:
    y_true, y_pred, _ = _labels(y_true, y_pred)
    return float(np.mean(y_true == y_pred)) if y_true.size else 0.0


def precision_recall_f1_support(y_true, y_pred, n_classes: int | None = None):
    """Per-class arrays (C,) of precision, recall, F1 and support (number of true items)."""
    cm = confusion_matrix(y_true, y_pred, n_classes)
    tp = np.diag(cm)  # (C,)
    predicted = cm.sum(axis=0)  # (C,): items predicted as each class
    support = cm.sum(axis=1)  # (C,): items truly in each class
    precision = _safe_div(tp, predicted)
    recall = _safe_div(tp, support)
    # F1 = 2PR / (P + R) = 2TP / (2TP + FP + FN); the second form has no 0/0 when TP > 0
    f1 = _safe_div(2 * tp, predicted + support)
    return np.atleast_1d(precision), np.atleast_1d(recall), np.atleast_1d(f1), support


def classification_report(
    y_true,
    y_pred,
    class_names,
    summary_names=("accuracy", "macro avg", "weighted avg"),
) -> pd.DataFrame:
    """A table like scikit-learn's classification_report: one row per class (precision, recall,
    f1-score, support), then accuracy, macro average (plain mean over classes) and weighted average
    (mean weighted by support). `class_names` label the rows (pass translated names for display);
    `summary_names` label the three summary rows."""
    import pandas as pd  # here: /metrics draws no table until one is opened, and skips the import

    class_names = list(class_names)
    precision, recall, f1, support = precision_recall_f1_support(y_true, y_pred, len(class_names))
    total = int(support.sum())
    weights = _safe_div(support, total)
    rows = [[p, r, f, int(s)] for p, r, f, s in zip(precision, recall, f1, support, strict=True)]
    rows.append([np.nan, np.nan, accuracy(y_true, y_pred), total])
    rows.append([precision.mean(), recall.mean(), f1.mean(), total])
    rows.append([float(weights @ precision), float(weights @ recall), float(weights @ f1), total])
    table = pd.DataFrame(rows, columns=["precision", "recall", "f1-score", "support"], index=class_names + list(summary_names))
    table["support"] = table["support"].astype(np.int64)
    return table


def binary_counts(y_true, y_pred) -> dict[str, int]:
    """TP, TN, FP, FN with class 1 as the positive class."""
    y_true, y_pred, _ = _labels(y_true, y_pred)
    pos, pred_pos = y_true == 1, y_pred == 1
    return {
        "tp": int(np.sum(pos & pred_pos)),
        "tn": int(np.sum(~pos & ~pred_pos)),
        "fp": int(np.sum(~pos & pred_pos)),
        "fn": int(np.sum(pos & ~pred_pos)),
    }


def metrics_from_counts(tp: int, tn: int, fp: int, fn: int) -> dict[str, float]:
    """Accuracy, precision, recall, specificity and F1 from the four cells of a binary confusion
    matrix (0 where a denominator is 0)."""
    return {
        "accuracy": _safe_div(tp + tn, tp + tn + fp + fn),
        "precision": _safe_div(tp, tp + fp),
        "recall": _safe_div(tp, tp + fn),
        "specificity": _safe_div(tn, tn + fp),
        "f1": _safe_div(2 * tp, 2 * tp + fp + fn),
    }


def specificity(y_true, y_pred) -> float:
    """TN / (TN + FP): the recall of the negative class (binary, class 1 positive)."""
    c = binary_counts(y_true, y_pred)
    return _safe_div(c["tn"], c["tn"] + c["fp"])


def metrics_at_threshold(y_true, scores, threshold: float) -> dict:
    """Predict positive where score >= threshold; the four counts and the five metrics."""
    y_pred = (np.asarray(scores, dtype=np.float64) >= threshold).astype(np.int64)
    counts = binary_counts(y_true, y_pred)
    return {**counts, **metrics_from_counts(**counts)}


def predict(proba, threshold: float | None = None) -> np.ndarray:
    """Class labels (N,) from probabilities (N, C): with a threshold and two classes, positive where
    P(class 1) >= threshold; otherwise the most probable class."""
    proba = np.asarray(proba)
    if threshold is not None and proba.shape[1] == 2:
        return (proba[:, 1] >= threshold).astype(np.int64)
    return proba.argmax(1)


@dataclass(frozen=True)
class BestF1:
    """Where F1 is highest on a threshold grid."""

    f1: float
    threshold: float  # the one to suggest: the preferred threshold if it is among the best, else the nearest
    low: float  # the unbroken stretch of the grid around `threshold` where F1 stays at its best
    high: float
    all_positive: bool  # `threshold` predicts every item positive


def best_f1_threshold(y_true, scores, step: float = 0.01, prefer: float = 0.5) -> BestF1:
    """The highest F1 on a grid 0, step, ..., 1 (a slider's grid) and where it is reached. F1 often
    ties over a whole stretch of thresholds, and the lowest of them tends to predict everything
    positive, so the suggestion is `prefer` when it ties, else the best threshold nearest to it."""
    grid = np.round(np.arange(0.0, 1.0 + step / 100, step), 10)
    f1 = np.array([metrics_at_threshold(y_true, scores, th)["f1"] for th in grid])
    is_best = f1 >= f1.max() - 1e-12  # equal counts give equal floats; this only absorbs rounding
    best = np.flatnonzero(is_best)
    k = int(best[np.argmin(np.abs(grid[best] - prefer))])  # argmin: the lower of two equally near
    low, high = k, k
    while low > 0 and is_best[low - 1]:
        low -= 1
    while high < len(grid) - 1 and is_best[high + 1]:
        high += 1
    all_positive = bool(np.all(np.asarray(scores) >= grid[k]))
    return BestF1(float(f1[k]), float(grid[k]), float(grid[low]), float(grid[high]), all_positive)


def _counts_at_thresholds(y_true, scores):
    """False and true positive counts when predicting positive for score >= each distinct score
    (thresholds in decreasing order), as sklearn's confusion_matrix_at_thresholds."""
    y_true = np.asarray(y_true).astype(np.int64).ravel() == 1
    scores = np.asarray(scores, dtype=np.float64).ravel()
    order = np.argsort(scores, kind="mergesort")[::-1]
    scores, y_true = scores[order], y_true[order]
    last_of_each_value = np.r_[np.where(np.diff(scores))[0], y_true.size - 1]
    tps = np.cumsum(y_true)[last_of_each_value]
    fps = 1 + last_of_each_value - tps
    return fps.astype(np.float64), tps.astype(np.float64), scores[last_of_each_value]


def roc_curve(y_true, scores):
    """False-positive rate, true-positive rate (recall) and thresholds, starting at (0, 0) with
    threshold +inf (sklearn's roc_curve with drop_intermediate=False). Rates are NaN when a class is
    missing."""
    fps, tps, thresholds = _counts_at_thresholds(y_true, scores)
    fps, tps = np.r_[0.0, fps], np.r_[0.0, tps]
    with np.errstate(invalid="ignore", divide="ignore"):
        fpr = fps / fps[-1] if fps[-1] > 0 else np.full_like(fps, np.nan)
        tpr = tps / tps[-1] if tps[-1] > 0 else np.full_like(tps, np.nan)
    return fpr, tpr, np.r_[np.inf, thresholds]


def roc_auc(y_true, scores) -> float:
    """Area under the ROC curve (trapezoids); NaN if y_true holds only one class."""
    fpr, tpr, _ = roc_curve(y_true, scores)
    if np.isnan(fpr).any() or np.isnan(tpr).any():
        return float("nan")
    return float(np.trapezoid(tpr, fpr))


def precision_recall_curve(y_true, scores):
    """Precision, recall and increasing thresholds; the last point is (recall 0, precision 1) with no
    threshold, as in sklearn. With no positive item, recall is 1 everywhere (sklearn's choice)."""
    fps, tps, thresholds = _counts_at_thresholds(y_true, scores)
    precision = _safe_div(tps, tps + fps)
    recall = tps / tps[-1] if tps[-1] > 0 else np.ones_like(tps)
    return np.r_[precision[::-1], 1.0], np.r_[recall[::-1], 0.0], thresholds[::-1]


def average_precision(y_true, scores) -> float:
    """PR AUC as sklearn's average_precision_score: sum over thresholds of (R_n - R_{n-1}) * P_n,
    a step-function integral without interpolation."""
    precision, recall, _ = precision_recall_curve(y_true, scores)
    # the sum's rounding can pass 1 (1.0000000000000002 for 150 positives ranked first, in sklearn too)
    return float(np.clip(-np.sum(np.diff(recall) * precision[:-1]), 0.0, 1.0))


# The formula of each count-based metric, as shown on /metrics: (LaTeX with symbols, numerator and
# denominator as functions of the counts). metrics_from_counts computes exactly these ratios.
FORMULAS = {
    "accuracy": (r"\frac{TP + TN}{TP + TN + FP + FN}", lambda c: (c["tp"] + c["tn"], c["tp"] + c["tn"] + c["fp"] + c["fn"])),
    "precision": (r"\frac{TP}{TP + FP}", lambda c: (c["tp"], c["tp"] + c["fp"])),
    "recall": (r"\frac{TP}{TP + FN}", lambda c: (c["tp"], c["tp"] + c["fn"])),
    "specificity": (r"\frac{TN}{TN + FP}", lambda c: (c["tn"], c["tn"] + c["fp"])),
    "f1": (r"\frac{2\,TP}{2\,TP + FP + FN}", lambda c: (2 * c["tp"], 2 * c["tp"] + c["fp"] + c["fn"])),
}

_SUBSTITUTED = {
    "accuracy": r"\frac{{{tp} + {tn}}}{{{tp} + {tn} + {fp} + {fn}}}",
    "precision": r"\frac{{{tp}}}{{{tp} + {fp}}}",
    "recall": r"\frac{{{tp}}}{{{tp} + {fn}}}",
    "specificity": r"\frac{{{tn}}}{{{tn} + {fp}}}",
    "f1": r"\frac{{2 \cdot {tp}}}{{2 \cdot {tp} + {fp} + {fn}}}",
}


def undefined(counts: dict[str, int]) -> list[str]:
    """The metrics of FORMULAS whose denominator is 0 for these counts: 0/0, shown as 0."""
    return [name for name, (_, ratio) in FORMULAS.items() if ratio(counts)[1] == 0]


def rounded(value: float, decimals: int = 3) -> str:
    """A rate to `decimals` places, with more where those would round it to 0 or 1 while it is
    neither: a precision of 0.9999 is not a perfect one ("0.9999", never "1.000"). A sum's rounding
    error is not a difference (an average precision of 0.9999999999999999 is "1.000")."""
    shown = f"{value:.{decimals}f}"
    while float(shown) in (0, 1) and abs(float(shown) - value) > 1e-12 and decimals < 9:
        decimals += 1
        shown = f"{value:.{decimals}f}"
    return shown


def latex_value(num: int, den: int, digits: int = 4) -> str:
    """num / den as the last step of a formula, in LaTeX: "= 0.5" when the number shown is the
    fraction itself, else "\\approx 0.3333". A value near 0 or 1 but not at it gets the digits to show
    so (123456789 / 123456796 is "\\approx 0.9999999", never "1"), and a small one is written
    3 \\times 10^{-9}, which KaTeX would otherwise set as "3e − 09"."""
    exact = Fraction(num, den)
    shown = f"{num / den:.{digits}g}"
    while Fraction(shown) != exact and Fraction(shown) in (0, 1) and digits < 17:
        digits += 1
        shown = f"{num / den:.{digits}g}"
    return ("= " if Fraction(shown) == exact else r"\approx ") + latex_scientific(shown)


def formula_latex(name: str, counts: dict[str, int], label: str) -> str:
    """`label` = formula = the counts substituted = the value (or 0/0 when undefined)."""
    symbols, ratio = FORMULAS[name]
    num, den = ratio(counts)
    value = latex_value(num, den) if den else r"= \tfrac{0}{0} \to 0"
    # thousands grouped as the matrix above writes them ("1,000,000,000"); {,} keeps KaTeX from spacing the comma
    grouped = {k: f"{v:,}".replace(",", "{,}") for k, v in counts.items()}
    return rf"\text{{{label}}} = {symbols} = {_SUBSTITUTED[name].format(**grouped)} {value}"
