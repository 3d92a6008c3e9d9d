"""/train's evaluation of a finished run, without Streamlit: ui/train_evaluation.py against
scikit-learn (the oracle), the mistakes table, its wording in the learner's language
(ui/train_labels.py), and the Markdown report (ui/train_export.py)."""

import re
import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
import torch
from sklearn import exceptions as skm_exceptions
from sklearn import metrics as skm

from lstm_core import classifier, metrics
from lstm_core.training import History
from tests.test_metrics import GRID, sklearn_f1
from ui import train_evaluation, train_export, train_labels, train_runs
from ui.i18n import translate
from ui.train_settings import Settings


def _run(n_classes=2, n=40, seed=0, kind="text", val=True, baseline=True):
    """A train_runs.Run over random scores: what /train keeps of a finished run, without training."""
    rng = np.random.default_rng(seed)
    y_test, y_val = rng.integers(0, n_classes, n), rng.integers(0, n_classes, n)
    proba = rng.dirichlet(np.ones(n_classes), size=n)  # (N, C)
    if kind == "symbols":
        X = torch.nn.functional.one_hot(torch.as_tensor(rng.integers(0, 2, (n, 5))), 2).float()  # (N, T, 2)
    else:
        X = torch.as_tensor(rng.random((n, 5, 3 if kind == "features" else 1)), dtype=torch.float32)
    data = classifier.Prepared(
        train=(X, torch.as_tensor(y_test)),
        val=(X, torch.as_tensor(y_val)),
        test=(X, torch.as_tensor(y_test)),
        num_classes=n_classes,
        class_names=["data.class.negative", "data.class.positive"] if n_classes == 2 else [f"c{k}" for k in range(n_classes)],
        vocab=object() if kind == "text" else None,
        test_texts=[f"text {k}" for k in range(n)] if kind == "text" else None,
    )
    history = History(epochs=[{"epoch": 1, "loss": 0.7, "val_loss": 0.6}, {"epoch": 2, "loss": 0.5, "val_loss": 0.55}])
    result = train_runs.Result(
        history=history,
        seconds=1.25,
        model=None,
        test_proba=proba,
        baseline_proba=rng.dirichlet(np.ones(n_classes), size=n) if baseline else None,
        val_proba=rng.dirichlet(np.ones(n_classes), size=n) if val else None,
    )
    return train_runs.Run(1, Settings(hidden_size=8), data, result, None)


def test_accuracy_predictions_and_threshold_rows_match_sklearn():
    run = _run()
    y = run.data.test[1].numpy()
    assert train_evaluation.accuracy(run, run.result.test_proba) == pytest.approx(
        skm.accuracy_score(y, run.result.test_proba.argmax(1))
    )
    assert train_evaluation.accuracy(run, None) is None  # a stopped run has no baseline
    y_pred = train_evaluation.predictions(run, 0.3)
    assert skm.recall_score(y, y_pred) >= skm.recall_score(y, train_evaluation.predictions(run, 0.7))
    cm = train_evaluation.confusion_matrix(run, y_pred)
    assert cm.tolist() == skm.confusion_matrix(y, y_pred, labels=[0, 1]).tolist()


def test_the_threshold_rows_score_validation_then_test_at_the_threshold():
    run = _run(seed=1)
    rows = dict(train_evaluation.threshold_rows(run, 0.45))
    assert list(rows) == ["val", "test"]
    for part, (_, y) in (("val", run.data.val), ("test", run.data.test)):
        proba = run.result.val_proba if part == "val" else run.result.test_proba
        y_pred = (proba[:, 1] >= 0.45).astype(int)
        assert rows[part]["recall"] == pytest.approx(skm.recall_score(y.numpy(), y_pred, zero_division=0))
        assert rows[part]["precision"] == pytest.approx(skm.precision_score(y.numpy(), y_pred, zero_division=0))
        assert rows[part]["accuracy"] == pytest.approx(skm.accuracy_score(y.numpy(), y_pred))
    assert [part for part, _ in train_evaluation.threshold_rows(_run(val=False), 0.5)] == ["test"]


def test_the_roc_and_precision_recall_curves_match_sklearn():
    run = _run(seed=2, n=60)
    y, scores = run.data.test[1].numpy(), run.result.test_proba[:, 1]
    curves = train_evaluation.score_curves(run, 0.6)
    assert curves["roc"]["auc"] == pytest.approx(skm.roc_auc_score(y, scores))
    assert curves["pr"]["ap"] == pytest.approx(skm.average_precision_score(y, scores))
    fpr, tpr, _ = skm.roc_curve(y, scores, drop_intermediate=False)
    np.testing.assert_allclose(curves["roc"]["fpr"], fpr)
    np.testing.assert_allclose(curves["roc"]["tpr"], tpr)
    y_pred = (scores >= 0.6).astype(int)
    tn, fp, fn, tp = skm.confusion_matrix(y, y_pred).ravel()
    assert curves["roc"]["point"] == pytest.approx((fp / (fp + tn), tp / (tp + fn)))  # the threshold on the curve
    assert curves["pr"]["point"] == pytest.approx((tp / (tp + fn), tp / (tp + fp)))
    assert curves["pr"]["prevalence"] == pytest.approx(y.mean())


def test_the_best_threshold_is_chosen_on_validation_scores_of_two_classes_only():
    run = _run()
    best = train_evaluation.best_f1_threshold(run)
    f1s = [sklearn_f1(run.data.val[1].numpy(), run.result.val_proba[:, 1], th) for th in GRID]
    assert best.f1 == pytest.approx(max(f1s)) and f1s[GRID.index(best.threshold)] == pytest.approx(max(f1s))
    assert train_evaluation.best_f1_threshold(_run(val=False)) is None
    assert train_evaluation.best_f1_threshold(_run(n_classes=3)) is None


def _with_validation(run, y, positive_scores):
    y = np.asarray(y)
    run.data.val = (run.data.val[0][: len(y)], torch.as_tensor(y))
    run.result.val_proba = np.stack([1 - np.asarray(positive_scores), positive_scores], axis=1)  # (N, 2)
    return run


def test_a_tie_over_many_thresholds_is_told_as_a_range():
    """Separable validation scores: F1 is 1 from just above the highest negative to the lowest
    positive, 0.5 among them; the page says the whole stretch, not its lowest end."""
    scores = np.array([0.03, 0.08, 0.11, 0.91, 0.96, 0.99])
    run = _with_validation(_run(), [0, 0, 0, 1, 1, 1], scores)
    ties = [th for th in GRID if sklearn_f1(run.data.val[1].numpy(), scores, th) == 1.0]
    text = train_labels.best_threshold(run, "positive")
    assert text == f"On the validation set, F1 is highest (1.000) at every threshold from {min(ties):.2f} to {max(ties):.2f}."
    assert min(ties) <= 0.5 <= max(ties)


def test_a_best_threshold_that_predicts_everything_positive_says_so():
    """Scores ranked backwards (as an untrained GunPoint model's can be): the best F1 is that of
    calling every item positive, and the sentence says so rather than recommend it silently."""
    scores = np.array([0.30, 0.35, 0.60, 0.70])
    run = _with_validation(_run(), [1, 1, 0, 0], scores)
    everything = skm.f1_score([1, 1, 0, 0], [1, 1, 1, 1])
    text = train_labels.best_threshold(run, "positive")
    assert f"({everything:.3f})" in text and f"from 0.00 to {scores.min():.2f}" in text
    assert f"At {scores.min():.2f} every validation item is predicted “positive”" in text


def test_no_positive_validation_item_leaves_no_threshold_to_choose():
    run = _with_validation(_run(), [0, 0, 0], [0.2, 0.6, 0.9])
    assert train_labels.best_threshold(run, "positive") == translate("train.threshold_best_no_positive", "en")


@pytest.mark.parametrize(
    "y, predicted",
    [([0, 1, 1, 0], [0, 0, 0, 0]), ([0, 0, 0, 0], [0, 1, 0, 0]), ([0, 0, 0], [0, 0, 0]), ([1, 1], [1, 0]), ([0, 1], [1, 0])],
)
def test_a_0_over_0_metric_at_the_threshold_is_named_and_explained(y, predicted):
    """scikit-learn (zero_division="warn") warns exactly for the 0/0 metrics; the note names those and
    no other, with the reason, and says they are shown as 0."""
    at = metrics.metrics_at_threshold(y, np.asarray(predicted, dtype=float), 0.5)
    scorers = {
        "precision": skm.precision_score,
        "recall": skm.recall_score,
        "specificity": lambda t, p, zero_division: skm.recall_score(
            1 - np.asarray(t), 1 - np.asarray(p), zero_division=zero_division
        ),
        "f1": skm.f1_score,
    }
    undefined = []
    for name, score in scorers.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            score(y, predicted, zero_division="warn")
        if any(issubclass(w.category, skm_exceptions.UndefinedMetricWarning) for w in caught):
            undefined.append(name)
    note = train_labels.undefined_note(at)
    if not undefined:
        assert note is None
        return
    expected = [translate(f"train.undefined.{name}", "en") for name in undefined]
    assert note == " ".join([*expected, translate("train.undefined_shown", "en")])


@pytest.mark.parametrize("kind", ["text", "features", "symbols"])
@pytest.mark.parametrize("baseline", [True, False])
def test_the_baseline_is_named_for_what_it_reads(kind, baseline):
    """The tile and its caption say what lstm_core.classifier.BagOfWords really reads: token counts of a
    text, the mean of each feature over the time steps of a sequence. A stopped run has no baseline,
    and its caption says why instead of describing a score that is not there."""
    run = _run(kind=kind, baseline=baseline)
    label, caption = train_labels.baseline(run)
    if kind == "text":
        model = classifier.BagOfWords(2, vocab_size=4)
        ids = torch.tensor([[2, 3, 2, 0]])  # (1, T): a padded sentence
        assert model.features(ids).tolist() == [[0, 0, 2, 1]]  # counts; the padding is not a word
        assert label == "Bag-of-words baseline" and "token counts" in caption and "word order" in caption
    else:
        X = run.data.test[0]  # (N, T, F)
        model = classifier.BagOfWords(2, input_features=X.shape[-1])
        torch.testing.assert_close(model.features(X), X.mean(1))
        assert label == "Time-average baseline" and "averaged over the time steps" in caption
        assert not {"token", "tokens", "word", "words"} & set(re.findall(r"\w+", caption.lower()))
    assert ("stopped" in caption) == (not baseline)


@pytest.mark.parametrize("kind", ["text", "symbols", "features"])
def test_mistakes_are_the_wrong_predictions_most_confident_first(kind):
    run = _run(n_classes=3, kind=kind, seed=3)
    y_true, y_pred = run.data.test[1].numpy(), train_evaluation.predictions(run, None)
    table = train_evaluation.mistakes(run, y_pred)
    cm = skm.confusion_matrix(y_true, y_pred, labels=[0, 1, 2])
    assert len(table) == cm.sum() - np.trace(cm) > 0
    assert sorted(table["index"]) == sorted(np.flatnonzero(y_true != y_pred))
    assert (table["true"].to_numpy() == y_true[table["index"]]).all()
    assert (table["predicted"].to_numpy() == y_pred[table["index"]]).all()
    assert (np.diff(table["confidence"]) <= 0).all()
    k, example = int(table["index"].iloc[0]), table["example"].iloc[0]
    expected = {
        "text": f"text {k}",
        "symbols": f"#{k}: " + "".join(str(v) for v in run.data.test[0][k].argmax(-1).tolist()),
        "features": f"#{k}",
    }
    assert example == expected[kind]


def test_no_mistakes_give_an_empty_table():
    run = _run()
    assert train_evaluation.mistakes(run, run.data.test[1].numpy()).empty


def test_the_mistakes_and_the_report_are_worded_in_the_learners_language():
    run = _run(seed=5)
    y_pred = train_evaluation.predictions(run, 0.5)
    table = train_labels.mistakes(run, y_pred)
    assert list(table.columns) == ["index", "example", "true", "predicted", "confidence"]
    assert set(table["true"]) | set(table["predicted"]) <= {"negative", "positive"}

    report = train_labels.report(run, y_pred).set_index("class")
    expected = skm.classification_report(
        run.data.test[1].numpy(), y_pred, target_names=["negative", "positive"], output_dict=True, zero_division=0
    )
    for name in ("negative", "positive"):
        assert report.loc[name, "recall"] == pytest.approx(expected[name]["recall"])
        assert report.loc[name, "F1"] == pytest.approx(expected[name]["f1-score"])
    assert report.loc["accuracy", "F1"] == pytest.approx(expected["accuracy"])


def test_the_markdown_report_holds_the_runs_numbers():
    """Each test accuracy in the report names its threshold: the tiles' 0.50, and the decision threshold's
    (it read "Test accuracy: 0.7467" beside "Decision threshold: 0.27", whose accuracy was 0.7400)."""
    run = _run(seed=7)
    text = train_export.report_markdown(run, 0.4).decode()
    y_true, y_pred = run.data.test[1].numpy(), train_evaluation.predictions(run, 0.4)
    at_half = skm.accuracy_score(y_true, run.result.test_proba[:, 1] >= 0.5)
    at_threshold = skm.accuracy_score(y_true, y_pred)
    assert at_half != at_threshold  # the seed makes the two differ, so the test tells them apart
    assert f"- Test accuracy at threshold 0.50: {at_half:.4f}\n" in text
    assert f"- Test accuracy at threshold 0.40: {at_threshold:.4f}\n" in text
    assert f"- {translate('train.threshold', 'en')}: 0.40\n" in text  # as "at threshold 0.40" writes it
    assert len(re.findall(r"Test accuracy", text)) == 2  # none without its threshold
    at_default = train_export.report_markdown(run, 0.5).decode()
    assert len(re.findall(r"Test accuracy", at_default)) == 1  # the same number is not listed twice
    counts = [[int(c) for c in re.findall(r"\| (\d+)", line)] for line in text.splitlines()[-2:]]
    assert counts == skm.confusion_matrix(y_true, y_pred).tolist()  # the last table: the confusion matrix
    assert "\n- Hidden size: 8\n" in text  # the settings, under the page's labels


def test_a_markdown_table_escapes_bars_and_leaves_nan_empty():
    frame = pd.DataFrame({"a|b": ["x|y", "z"], "v": [np.nan, 0.12345]})
    assert train_export.markdown_table(frame).splitlines() == ["| a\\|b | v |", "|---|---|", "| x\\|y |  |", "| z | 0.123 |"]


def test_token_saliency_marks_words_outside_the_vocabulary():
    from datasets import classification

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = classifier.prepare(*classification.split(classification.load("negation_en", seed=0, n=200), seed=0))
    model = classifier.build_model(data, embedding_size=4, hidden_size=4, seed=0)  # untrained: only the shapes matter
    run = SimpleNamespace(data=data, result=SimpleNamespace(model=model))
    known = next(iter(w for w in data.vocab.stoi if w.isalpha()))
    tokens, scores, proba = train_evaluation.token_saliency(run, f"{known} zzqqxx")
    assert tokens == [known, "zzqqxx?"] and scores.shape == (2,)
    assert proba.shape == (2,) and proba.sum() == pytest.approx(1.0, abs=1e-5)


def test_the_tiles_accuracy_is_counted_at_0_5_like_its_label():
    """The tile says "at threshold 0.50": an item scored exactly 0.5 is positive there (>=), while the most
    probable class of (0.5, 0.5) is the first, negative."""
    run = _run(seed=8)
    run.result.test_proba[:4] = 0.5  # (4, 2) ties
    run.data.test = (run.data.test[0], torch.as_tensor(np.r_[np.ones(4, dtype=np.int64), run.data.test[1].numpy()[4:]]))
    y = run.data.test[1].numpy()
    expected = skm.accuracy_score(y, run.result.test_proba[:, 1] >= 0.5)
    assert train_evaluation.accuracy(run, run.result.test_proba) == pytest.approx(expected)
    at_test = dict(train_evaluation.threshold_rows(run, 0.5))["test"]
    assert at_test["accuracy"] == pytest.approx(expected)  # the threshold row at 0.50 shows the same number
    three = _run(n_classes=3, seed=8)  # no threshold with three classes: the most probable class
    assert train_evaluation.accuracy(three, three.result.test_proba) == pytest.approx(
        skm.accuracy_score(three.data.test[1].numpy(), three.result.test_proba.argmax(1))
    )
    assert train_labels.accuracy_label(run) == "Test accuracy at threshold 0.50"
    assert train_labels.accuracy_label(three) == "Test accuracy"


@pytest.mark.parametrize("threshold", [1.0, 0.999, 0.6])
def test_the_pr_point_sits_on_the_curve_when_nothing_is_predicted_positive(threshold):
    """At a threshold above every score nothing is predicted positive: precision is 0/0, and
    scikit-learn's curve ends at (recall 0, precision 1). The point was drawn at (0, 0), off the curve."""
    run = _run(seed=2, n=60)
    y, scores = run.data.test[1].numpy(), run.result.test_proba[:, 1]
    scores *= 0.99 / scores.max()  # the highest score 0.99: 1.0 and 0.999 are above all of them
    curves = train_evaluation.score_curves(run, threshold)
    precision, recall, _ = skm.precision_recall_curve(y, scores)
    nothing = not (scores >= threshold).any()
    if nothing:
        assert curves["pr"]["point"] == (recall[-1], precision[-1]) == (0.0, 1.0)
        assert translate("train.threshold_point_undefined", "en") == train_labels.roc_labels("pr", True)["threshold"]
    else:
        y_pred = scores >= threshold
        expected = (skm.recall_score(y, y_pred), skm.precision_score(y, y_pred))
        assert curves["pr"]["point"] == pytest.approx(expected)
    assert curves["precision_undefined"] == nothing


@pytest.mark.parametrize(
    "y, predicted",
    [
        ([0, 1, 1, 0], [0, 0, 0, 0]),
        ([0, 0, 0, 0], [0, 1, 0, 0]),
        ([0, 0, 0], [0, 0, 0]),
        ([0, 1, 2, 0], [0, 0, 1, 1]),
        ([0, 1, 2, 3, 0, 0], [0, 0, 0, 0, 5, 5]),  # several classes in each sentence
    ],
)
def test_the_report_tabs_0_over_0_are_named_as_scikit_learn_warns_of_them(y, predicted):
    """The classification report shows a 0/0 precision, recall or F1 as 0, like scikit-learn: a note names
    each (class, metric) scikit-learn warns about, and no other."""
    names = [f"c{k}" for k in range(max(max(y), max(predicted)) + 1)]
    labels = list(range(len(names)))
    cm = metrics.confusion_matrix(y, predicted, len(names))
    expected = []
    for metric, score in (("precision", skm.precision_score), ("recall", skm.recall_score), ("f1", skm.f1_score)):
        warned = []  # one sentence per metric names every class scikit-learn warns about
        for k, name in enumerate(names):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                score(y, predicted, labels=[k], average=None, zero_division="warn")
            if any(issubclass(w.category, skm_exceptions.UndefinedMetricWarning) for w in caught):
                warned.append(f"“{name}”")
        if warned:
            last = " and " if metric == "f1" else " or "
            listed = last.join([", ".join(warned[:-1]), warned[-1]]) if len(warned) > 1 else warned[0]
            several = "_several" if len(warned) > 1 else ""
            expected.append(translate(f"train.report_undefined.{metric}{several}", "en", names=listed))
    note = train_labels.report_undefined_note(cm, names)
    assert labels and (note is None) == (not expected)
    if expected:
        assert note == " ".join([*expected, translate("train.undefined_shown", "en")])


def run_on_real_split(dataset: str, n: int, share: float):
    """A run over a real data set's split (datasets.classification, as /train loads it) with random scores:
    (run, (data, train, val, test))."""
    from datasets import classification

    data = classification.load(dataset, seed=train_runs.DATA_SEED, n=n, positive_share=share)
    train, val, test = classification.split(data, seed=train_runs.DATA_SEED)
    run = _run(n=len(test.y), kind="features")
    run.settings = Settings(dataset=dataset, n=n, positive_share=share)
    run.data = classifier.Prepared(
        *((torch.zeros(len(d.y), 1, 1), torch.as_tensor(d.y)) for d in (train, val, test)), 2, run.data.class_names
    )
    run.result.val_proba = None
    return run, (data, train, val, test)


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_data_a_run_used_is_counted_as_the_data_module_splits_it(lang):
    """The real Chinese reviews at 5 % positives: the setting says 2,000, but the share leaves 1,053
    (53 positives, 1,000 negatives); the page and the report give the split's real sizes."""
    from unittest import mock

    run, (data, train, val, test) = run_on_real_split("reviews_zh", 2000, 0.05)
    counts = train_evaluation.data_counts(run)
    assert counts == {
        "train": len(train.y), "val": len(val.y), "test": len(test.y), "total": len(data.y),
        "train_pos": int(train.y.sum()), "val_pos": int(val.y.sum()), "test_pos": int(test.y.sum()),
    }  # fmt: skip
    assert counts["total"] == 1053 and counts["test"] == 158 and int(data.y.sum()) == 53
    with mock.patch("ui.lang", return_value=lang):
        text = train_labels.data_used(run)
        report = train_export.report_markdown(run, 0.5).decode()
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]
    assert numbers[:7] == [1053, len(train.y), len(val.y), 158, int(train.y.sum()), int(val.y.sum()), int(test.y.sum())]
    assert 2000 in numbers[7:]  # and it says that is fewer than the setting asked for
    assert f"\n{text}\n" in report
