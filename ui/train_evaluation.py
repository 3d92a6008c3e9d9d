"""What /train's evaluation computes from a finished run's cached scores, without retraining, without
Streamlit and without the learner's language: predictions at a threshold, accuracy, the best-F1
threshold, the mistakes, and why the model lost to the baseline. Numbers, class indices and string
keys come out; ui/train_labels.py words them. A run is a ui.train_runs.Run (or anything with its
`data`, `result`, `symbols` and `numbers`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lstm_core import metrics
from lstm_core.text import tokenise

OVERFIT_EPOCHS = 2  # epochs the validation loss must have gone on rising after its best to call it overfitting


def true_labels(run) -> np.ndarray:
    return run.data.test[1].numpy()


def threshold_rows(run, threshold: float) -> list[tuple[str, dict]]:
    """[(part, metrics.metrics_at_threshold)] for the threshold's two rows (binary runs): validation,
    where it is chosen, then test, reported at the chosen threshold. A run without validation scores
    has the test row only."""
    parts = []
    if run.result.val_proba is not None:
        parts.append(("val", run.data.val[1].numpy(), run.result.val_proba))
    parts.append(("test", true_labels(run), run.result.test_proba))
    return [(part, metrics.metrics_at_threshold(y, proba[:, 1], threshold)) for part, y, proba in parts]


def best_f1_threshold(run, prefer: float = 0.5) -> metrics.BestF1 | None:
    """Where the validation F1 is highest on the slider's 0.01 grid, `prefer` (the slider's default)
    suggested when it ties; None without two classes or validation scores."""
    if run.result.val_proba is None or run.result.val_proba.shape[1] != 2:
        return None
    y, scores = run.data.val[1].numpy(), run.result.val_proba[:, 1]
    return metrics.best_f1_threshold(y, scores, step=0.01, prefer=prefer)


def predictions(run, threshold: float | None) -> np.ndarray:
    """The test predictions (N,): at `threshold` for a binary task, else the most probable class."""
    return metrics.predict(run.result.test_proba, threshold)


def confusion_matrix(run, y_pred) -> np.ndarray:
    """(C, C) counts of the test predictions: rows the true class, columns the predicted one."""
    return metrics.confusion_matrix(true_labels(run), y_pred, len(run.data.class_names))


def score_curves(run, threshold: float) -> dict:
    """The ROC and precision-recall curves of a binary run's test scores, each with its area and the
    operating point at `threshold`: {"roc": ..., "pr": ...}, the keyword arguments of plots.train.roc and
    plots.train.precision_recall (all but their labels)."""
    y, scores = true_labels(run), run.result.test_proba[:, 1]
    at = metrics.metrics_at_threshold(y, scores, threshold)
    fpr, tpr, _ = metrics.roc_curve(y, scores)
    precision, recall, _ = metrics.precision_recall_curve(y, scores)
    roc = {"fpr": fpr, "tpr": tpr, "auc": metrics.roc_auc(y, scores), "point": (1 - at["specificity"], at["recall"])}
    pr = {"precision": precision, "recall": recall, "ap": metrics.average_precision(y, scores)}
    return {"roc": roc, "pr": {**pr, "prevalence": float(y.mean()), "point": (at["recall"], at["precision"])}}


def accuracy(run, proba) -> float | None:
    """Test accuracy of the most probable class under `proba` (N, C); None where there are no scores."""
    return None if proba is None else metrics.accuracy(true_labels(run), proba.argmax(1))


def overfit_epoch(val_losses: list[float]) -> int | None:
    """The 1-based epoch of the lowest validation loss, if the loss rose for OVERFIT_EPOCHS or more epochs
    after it and ends above it; else None."""
    if not val_losses:
        return None
    best = int(np.argmin(val_losses))
    rising = len(val_losses) - 1 - best >= OVERFIT_EPOCHS and val_losses[-1] > val_losses[best]
    return best + 1 if rising else None


def versus_baseline(run) -> tuple[str, dict] | None:
    """When the recurrent model scores below the order-blind baseline on the test set: the string key
    and parameters of why (overfitting, else the data and the budget); None when it does not lose."""
    model, baseline = accuracy(run, run.result.test_proba), accuracy(run, run.result.baseline_proba)
    if baseline is None or model is None or model >= baseline:
        return None
    params = {"model": model, "baseline": baseline}
    epoch = overfit_epoch([e["val_loss"] for e in run.result.history.epochs if "val_loss" in e])
    if epoch is not None:
        return "train.loses_overfit", {**params, "epoch": epoch}
    return ("train.loses_order" if run.data.text else "train.loses_order_sequence"), params


def mistakes(run, y_pred) -> pd.DataFrame:
    """Misclassified test examples, most confident mistakes first: columns `index` (the test item),
    `example` (its text, "#k: " and its symbols, or "#k"), `true` and `predicted` (class indices) and
    `confidence` (the predicted class's probability, 3 decimals)."""
    y_true = true_labels(run)
    proba = run.result.test_proba
    wrong = np.flatnonzero(y_pred != y_true)
    order = wrong[np.argsort(-proba[wrong, y_pred[wrong]], kind="stable")]
    if run.data.text:
        example = [run.data.test_texts[k] for k in order]
    elif run.symbols:  # the symbols themselves: which strings the model gets wrong is the lesson
        example = [f"#{k}: " + "".join(str(v) for v in run.numbers(k)) for k in order]
    else:
        example = [f"#{k}" for k in order]
    return pd.DataFrame(
        {
            "index": order,
            "example": example,
            "true": y_true[order],
            "predicted": y_pred[order],
            "confidence": np.round(proba[order, y_pred[order]], 3),
        }
    )


def token_saliency(run, text: str):
    """(tokens, scores, probabilities) for one text under the run's model; a token outside the
    vocabulary is shown with a "?"."""
    from lstm_core import classifier  # torch, already imported by the run that trained the model

    tokens = tokenise(text, run.data.tokenise_mode) or [""]
    ids = run.data.vocab.encode(tokens)
    proba, scores = classifier.saliency(run.result.model, ids)
    return [tok if tok in run.data.vocab.stoi else f"{tok}?" for tok in tokens], scores, proba
