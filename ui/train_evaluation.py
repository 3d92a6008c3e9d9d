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
HEADLINE_THRESHOLD = 0.5  # the tiles compare model and baseline here: each predicts its more probable class


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
    # Nothing predicted positive: precision is 0/0. The curve ends there at precision 1 (scikit-learn's
    # convention), so the point is drawn on that end rather than at a precision of 0 the curve never has.
    undefined = at["tp"] + at["fp"] == 0
    point = (at["recall"], 1.0 if undefined else at["precision"])
    return {
        "roc": roc,
        "pr": {**pr, "prevalence": float(y.mean()), "point": point},
        "precision_undefined": undefined,
    }


def accuracy(run, proba, threshold: float = HEADLINE_THRESHOLD) -> float | None:
    """Test accuracy of the predictions under `proba` (N, C) (metrics.predict: at `threshold` for two
    classes, else the most probable class); None where there are no scores."""
    return None if proba is None else metrics.accuracy(true_labels(run), metrics.predict(proba, threshold))


def data_counts(run) -> dict:
    """How many examples the run used, per split, and how many of each split are positive (class 1 of
    a two-class set; None otherwise): {"train", "val", "test", "total", "train_pos", "val_pos", "test_pos"}.
    A share of positives can leave fewer examples than the setting asked for (classification.rebalance)."""
    parts = {"train": run.data.train[1], "val": run.data.val[1], "test": run.data.test[1]}
    counts = {part: len(y) for part, y in parts.items()}
    binary = len(run.data.class_names) == 2
    positives = {f"{part}_pos": int((y == 1).sum()) if binary else None for part, y in parts.items()}
    return {**counts, "total": sum(counts.values()), **positives}


def overfit_epoch(val_losses: list[float]) -> int | None:
    """The 1-based epoch of the lowest validation loss, if the loss rose for OVERFIT_EPOCHS or more epochs
    after it and ends above it; else None."""
    if not val_losses:
        return None
    best = int(np.argmin(val_losses))
    rising = len(val_losses) - 1 - best >= OVERFIT_EPOCHS and val_losses[-1] > val_losses[best]
    return best + 1 if rising else None


def kept_best_epoch(history) -> int | None:
    """The epoch whose weights the run was evaluated with, when early stopping put them back (or the
    best epoch was the last): training.fit restores them unless the run was stopped or broke."""
    if history.best_epoch is None or history.stopped not in (None, "early_stopping"):
        return None
    return history.best_epoch


def accuracy_margin(accuracy: float, n: int) -> float:
    """Half the width of the 95 % interval of an accuracy measured on n items (normal approximation):
    1.96 standard errors, 1.96 * sqrt(p (1 - p) / n)."""
    return 1.96 * float(np.sqrt(accuracy * (1 - accuracy) / n)) if n else float("inf")


GUESS_TAIL = 0.025  # each tail of a 95 % interval


def guessing_odds(run) -> int | None:
    """On a test set so small that random answers reach any accuracy, from 0 to 1, within their 95 %
    interval: the n in "one run in n", how rarely a model answering each of the N items at random
    (right with probability 1 / C, C classes) gets every one right, C ** N; all wrong, ((C - 1) / C) ** N,
    is at least as likely. None on a larger test set (two classes: above 5 items). The normal
    approximation of accuracy_margin fails here: on 4 items it calls 0.500 against 0.000 a real lead,
    while random answers score 0.000 or 1.000 one run in eight."""
    n, classes = len(true_labels(run)), len(run.data.class_names)
    odds = classes**n
    return odds if 1 / odds >= GUESS_TAIL else None


def _too_few(run, params: dict) -> tuple[str, dict] | None:
    """The note of a test set too small to compare anything on (guessing_odds), for versus_baseline and
    beside_baseline alike: who leads there says nothing."""
    odds = guessing_odds(run)
    return None if odds is None else ("train.too_few_test_items", {**params, "n": len(true_labels(run)), "odds": odds})


def versus_baseline(run) -> tuple[str, dict] | None:
    """When the recurrent model scores below the order-blind baseline on the test set: the string key
    and parameters of why; None when it does not lose. In order: a test set of one class (accuracy
    then only counts answers of that class), a test set too small for any accuracy to differ from
    guessing (guessing_odds), a baseline that answers one class for every item, a gap
    smaller than the test set can measure (accuracy_margin), a model still at the chance level of an
    evenly split test set (within its margin), weights already from the best epoch (later
    memorisation is not the reason), overfitting, else the data and the budget. `name` parameters are
    class-name keys (translate them)."""
    model, baseline = accuracy(run, run.result.test_proba), accuracy(run, run.result.baseline_proba)
    if baseline is None or model is None or model >= baseline:
        return None
    params = {"model": model, "baseline": baseline}
    y = true_labels(run)
    if len(np.unique(y)) == 1:
        return "train.loses_one_class", {**params, "n": len(y), "name": run.data.class_names[int(y[0])]}
    if (too_few := _too_few(run, params)) is not None:
        return too_few
    answers = np.unique(metrics.predict(run.result.baseline_proba, HEADLINE_THRESHOLD))
    if len(answers) == 1:
        # with every class as common, that one answer scores what guessing does: the model is below chance
        key = "train.loses_one_answer_chance" if evenly_split(run) else "train.loses_one_answer"
        return key, {**params, "name": run.data.class_names[int(answers[0])]}
    if baseline - model < (margin := accuracy_margin((model + baseline) / 2, len(y))):
        # a gap inside one accuracy's 95 % interval: no story of why it lost (a 1-of-10 gap is not overfitting)
        items = round((baseline - model) * len(y))  # both are counts over the same test items
        return "train.loses_within_noise", {**params, "items": items, "n": len(y), "margin": margin}
    if (level := chance_level(run)) is not None and model < level[0] + level[1]:
        # parity at 0.440 against 0.560: no "the average already tells the classes apart" (it cannot), nor
        # an overfitting story, for a model that has not left guessing
        return "train.loses_at_chance", {**params, "chance": level[0]}
    if (kept := kept_best_epoch(run.result.history)) is not None:
        return "train.loses_kept_best", {**params, "epoch": kept}
    epoch = overfit_epoch([e["val_loss"] for e in run.result.history.epochs if "val_loss" in e])
    if epoch is not None:
        return "train.loses_overfit", {**params, "epoch": epoch}
    return ("train.loses_order" if run.data.text else "train.loses_order_sequence"), params


def beside_baseline(run) -> tuple[str, dict] | None:
    """When the recurrent model does not lose to the baseline (versus_baseline has nothing to say),
    what the two accuracy tiles still need said: a test set too small to tell anything from guessing
    (guessing_odds: parity of 20 examples, tested on 4), a baseline that answers one class for every test item
    (its accuracy is only that class's share: 0.951 at 5 % positives, with a recall of 0; with every class
    as common, the chance level, and then also whether the model's lead is within noise), else a lead
    smaller than the test set can measure (accuracy_margin: 8 of 10 items against 6). None otherwise.
    `name` parameters are class-name keys (translate them)."""
    model, baseline = accuracy(run, run.result.test_proba), accuracy(run, run.result.baseline_proba)
    if baseline is None or model is None or model < baseline:
        return None
    y = true_labels(run)
    if len(np.unique(y)) == 1:  # every model's accuracy only counts answers of that one class
        return None
    params = {"model": model, "baseline": baseline}
    if (too_few := _too_few(run, params)) is not None:
        return too_few
    answers = np.unique(metrics.predict(run.result.baseline_proba, HEADLINE_THRESHOLD))
    if (level := chance_level(run)) is not None and baseline < level[0] - level[1]:
        # parity at defaults: 0.567 against a baseline of 0.407, below the 0.500 guessing scores; the lead over
        # the baseline overstates what reading in order bought: chance is the mark to read the model against
        chance, guess = level
        key = "train.baseline_below_chance" if model > chance + guess else "train.baseline_below_chance_model_at_chance"
        return key, {**params, "chance": chance, "margin": guess, "lead": model - chance}
    margin = accuracy_margin((model + baseline) / 2, len(y))
    items = round((model - baseline) * len(y))  # both are counts over the same test items
    lead_within_noise = model > baseline and model - baseline < margin
    if len(answers) == 1:
        name = run.data.class_names[int(answers[0])]
        if not evenly_split(run):  # 0.951 at 5 % positives: the share of the class it answers, not a skill
            return "train.baseline_one_answer", {**params, "name": name}
        # every class as common (brackets, GunPoint): the baseline scores the chance level, and "judge by
        # recall and F1" would be the wrong advice; a lead of 1 of 30 items is not learning either
        if lead_within_noise:
            return "train.baseline_chance_within_noise", {**params, "name": name, "items": items, "n": len(y), "margin": margin}
        return "train.baseline_one_answer_chance", {**params, "name": name}
    if lead_within_noise:
        return "train.wins_within_noise", {**params, "items": items, "n": len(y), "margin": margin}
    return None


def chance_level(run) -> tuple[float, float] | None:
    """What guessing scores on an evenly split test set (1 / classes) and its 95 % margin on that many items;
    None when the classes are not evenly split (then answering the common class beats guessing)."""
    if not evenly_split(run):
        return None
    chance = 1 / len(run.data.class_names)
    return chance, accuracy_margin(chance, len(true_labels(run)))


def evenly_split(run) -> bool:
    """Whether every class has as many test items as any other, give or take one (a stratified split of
    an odd count): then answering one class for every item scores about 1 / classes, the chance level."""
    counts = np.bincount(true_labels(run), minlength=len(run.data.class_names))  # (C,)
    return int(counts.max() - counts.min()) <= 1


def mistakes(run, y_pred) -> pd.DataFrame:
    """Misclassified test examples, most confident mistakes first: columns `index` (the test item),
    `example` (its text, "#k: " and its symbols, or "#k"), `true` and `predicted` (class indices) and
    `confidence` (the predicted class's probability, 3 decimals, more where 3 would write it 1: a mistake
    made at 0.9996 was not made with certainty, metrics.rounded)."""
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
            # in float64: a float32 0.684 is 0.6840000152587891 as a double, which the table's screen-reader
            # copy (st.dataframe's grid) read out in full while the screen showed 0.684
            "confidence": [float(metrics.rounded(p, 3)) for p in proba[order, y_pred[order]].astype(np.float64)],
        }
    )


def token_saliency(run, text: str, target: int | None = None):
    """(tokens, scores, probabilities) for one text under the run's model, the scores pushing towards
    class `target` (default: the most probable class; pass the prediction at the page's threshold);
    a token outside the vocabulary is shown with a "?"."""
    from lstm_core import classifier  # torch, already imported by the run that trained the model

    tokens = tokenise(text, run.data.tokenise_mode) or [""]
    ids = run.data.vocab.encode(tokens)
    proba, scores = classifier.saliency(run.result.model, ids, target)
    return [tok if tok in run.data.vocab.stoi else f"{tok}?" for tok in tokens], scores, proba
