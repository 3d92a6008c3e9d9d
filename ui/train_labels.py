"""/train's results in the learner's language: the classification report and the mistakes as tables,
the baseline warning, and the labels of the curves, ROC, precision-recall and confusion-matrix charts."""

from __future__ import annotations

import pandas as pd

import ui
from lstm_core import metrics
from ui import train_evaluation, train_settings


def report(run, y_pred) -> pd.DataFrame:
    """The classification report of the test predictions, rows and columns named in the learner's language."""
    names = (ui.t("train.report.accuracy"), ui.t("train.report.macro"), ui.t("train.report.weighted"))
    table = metrics.classification_report(train_evaluation.true_labels(run), y_pred, run.class_names(), names)
    table.columns = [ui.t(f"train.report.{c}") for c in ("precision", "recall", "f1", "support")]
    return table.reset_index(names=ui.t("train.report.class"))


def mistakes(run, y_pred) -> pd.DataFrame:
    """train_evaluation.mistakes with class names and column headers in the learner's language (`index`
    is kept: the page maps a chosen mistake back to its test item, and does not show it)."""
    table = train_evaluation.mistakes(run, y_pred)
    names = run.class_names()
    table["true"] = [names[k] for k in table["true"]]
    table["predicted"] = [names[k] for k in table["predicted"]]
    return table.rename(columns={c: ui.t(f"train.col.{c}") for c in ("example", "true", "predicted", "confidence")})


def accuracy_label(run) -> str:
    """The model's accuracy tile: for two classes it names the threshold it is counted at, since the
    threshold rows below report another test accuracy at the learner's threshold."""
    if len(run.data.class_names) != 2:
        return ui.t("train.test_accuracy")
    return ui.t("train.test_accuracy_at", threshold=train_evaluation.HEADLINE_THRESHOLD)


def headline_note(run) -> str | None:
    """Under the tiles of a two-class run: at which threshold they compare the models (None otherwise,
    and after a stop, which trained no baseline to compare with)."""
    if len(run.data.class_names) != 2 or run.result.baseline_proba is None:
        return None
    return ui.t("train.headline_threshold", positive=run.class_names()[1], threshold=train_evaluation.HEADLINE_THRESHOLD)


def data_used(run) -> str:
    """The examples the run really used, per split (and the positives of a two-class set): a share of
    positives can leave fewer than the "Number of examples" setting, and the brackets' strings are one
    step longer than an odd "Sequence length"."""
    counts = train_evaluation.data_counts(run)
    parts = [ui.t("train.data_used", **counts)]
    if counts["test_pos"] is not None:
        parts.append(ui.t("train.data_used_positive", **counts, positive=run.class_names()[1]))
    if counts["total"] < run.settings.n:
        share = run.settings.positive_share
        if len(run.data.class_names) == 2 and share != 0.5:
            parts.append(ui.t("train.data_used_fewer_share", n=run.settings.n, share=share))
        else:
            parts.append(ui.t("train.data_used_fewer", n=run.settings.n))
    asked, used = run.settings.length, (None if run.data.text else int(run.data.test[0].shape[1]))
    if asked is not None and used is not None and used != asked:  # brackets: an odd length is made even
        parts.append(ui.t("train.data_used_even_length", asked=asked, used=used))
    return ui.paragraph(*parts)


def baseline(run) -> tuple[str, str]:
    """The baseline tile's label and caption. They follow what lstm_core.classifier.BagOfWords reads,
    token counts for text and each feature's mean over the steps for sequences, and a stopped run,
    which trained no baseline, is told so."""
    data = "text" if run.data.text else "sequence"
    caption = "caption" if run.result.baseline_proba is not None else "skipped"
    return ui.t(f"train.baseline_accuracy.{data}"), ui.t(f"train.baseline_{caption}.{data}")


def baseline_warning(run) -> str | None:
    """Why the model lost to the baseline, if it did."""
    return _sentence(train_evaluation.versus_baseline(run))


def baseline_note(run) -> str | None:
    """What the tiles need said when the model does not lose (train_evaluation.beside_baseline)."""
    return _sentence(train_evaluation.beside_baseline(run))


def _sentence(why: tuple[str, dict] | None) -> str | None:
    if why is None:
        return None
    key, params = why
    if "name" in params:  # a class-name key
        params = {**params, "name": ui.t(params["name"])}
    return ui.t(key, **params)


def best_threshold(run, positive: str) -> str | None:
    """Where the validation F1 is highest, as one or two sentences (None without a threshold to choose):
    the whole stretch of thresholds when several tie, and a warning when the suggested one simply
    predicts every item positive."""
    best = train_evaluation.best_f1_threshold(run, prefer=train_settings.Threshold().threshold)
    if best is None:
        return None
    if best.f1 == 0:  # F1 > 0 at threshold 0 whenever there is a positive item
        return ui.t("train.threshold_best_no_positive")
    if best.low == best.high:
        text = ui.t("train.threshold_best", threshold=best.threshold, f1=best.f1)
    else:
        text = ui.t("train.threshold_best_range", low=best.low, high=best.high, f1=best.f1)
    if best.all_positive:
        text = ui.paragraph(text, ui.t("train.threshold_best_all_positive", threshold=best.threshold, positive=positive))
    return text


def undefined_note(at: dict) -> str | None:
    """Which of the metrics at a threshold (metrics.metrics_at_threshold) are 0/0, and why; None if none is."""
    names = metrics.undefined(at)
    if not names:
        return None
    return ui.paragraph(*(ui.t(f"train.undefined.{name}") for name in names), ui.t("train.undefined_shown"))


def report_undefined_note(cm, names: list[str]) -> str | None:
    """Which per-class precisions, recalls and F1s of the classification report are 0/0 (a class nothing
    is predicted as, a class absent from the test set), and that they are shown as 0; None if none is."""
    predicted, present = cm.sum(axis=0), cm.sum(axis=1)  # (C,) each
    # one sentence per metric, naming every class it concerns: with 10 digits and a test set of 9, a
    # sentence per class had said "No test item is predicted ..." eight times over
    undefined = {
        "precision": ([name for name, p in zip(names, predicted, strict=True) if p == 0], "or"),
        "recall": ([name for name, r in zip(names, present, strict=True) if r == 0], "or"),
        "f1": ([name for name, p, r in zip(names, predicted, present, strict=True) if p == 0 and r == 0], "and"),
    }
    parts = [
        ui.t(f"train.report_undefined.{metric}" + ("_several" if len(which) > 1 else ""), names=listed(which, last))
        for metric, (which, last) in undefined.items()
        if which
    ]
    return ui.paragraph(*parts, ui.t("train.undefined_shown")) if parts else None


def listed(names: list[str], last: str = "or") -> str:
    """Class names as one list in the learner's language, each in quotes: "“3”, “5” or “8”",
    "“3”、“5”或“8”" (`last`: "or" or "and", the word before the last name)."""
    quoted = [ui.t("train.list_name", name=name) for name in names]
    if len(quoted) < 2:
        return "".join(quoted)
    return ui.t(f"train.list_{last}").join([ui.t("train.list_sep").join(quoted[:-1]), quoted[-1]])


def probability_text(p: float, threshold: float) -> str:
    """A probability to 3 decimals, with more where 3 would make it read equal to the threshold it is
    compared with (0.2699 against 0.27 is "0.2699", not "0.270")."""
    decimals = 3
    shown = f"{p:.{decimals}f}"
    while float(shown) == round(threshold, 2) and p != threshold and decimals < 9:
        decimals += 1
        shown = f"{p:.{decimals}f}"
    return shown


def saliency_caption(run, k: int, target: int, threshold: float | None) -> str:
    """The token strip's caption for test item k, whose saliency pushes towards class `target`: the
    prediction at the page's threshold (two classes), else the most probable class."""
    names = run.class_names()
    proba = run.result.test_proba[k]  # (C,): the scores the mistakes table and the threshold use
    if threshold is None:
        return ui.t("train.saliency_caption", predicted=names[target], p=float(proba[target]))
    return ui.t(
        "train.saliency_caption_threshold",
        positive=names[1],
        p=probability_text(float(proba[1]), threshold),
        threshold=threshold,
        predicted=names[target],
    )


def saliency_spoken(run, tokens: list[str], scores, predicted: str) -> list[str]:
    """What a screen reader says for each chip of the token strip: the token (a "?" on a token the
    model never saw is said in words: a screen reader does not read out the mark), its score and
    which way it pushed the prediction `predicted`, which the chip shows by its colour."""
    said = []
    for token, score in zip(tokens, scores, strict=True):
        if token.endswith("?") and token[:-1] not in run.data.vocab.stoi:  # train_evaluation.token_saliency's mark
            token = ui.t("train.saliency_unseen", token=token[:-1])
        key = "train.saliency_towards" if score >= 0 else "train.saliency_against"  # the strip's blue and orange
        score = float(score)
        shown = f"{score:+.3f}" if abs(score) >= 5e-4 or score == 0 else f"{score:+.1e}"  # not "-0.000": its sign is its side
        said.append(ui.t(key, token=token, score=shown, predicted=predicted))
    return said


def numbers_text(numbers: list, limit: int = 40) -> str:
    return ", ".join(f"{v:g}" for v in numbers[:limit]) + (" …" if len(numbers) > limit else "")


def zero_recall_note(shown: list[dict], classes: list[str]) -> str | None:
    """Under the curves of a two-class run: where an epoch's recall is 0, no positive item was found, so its
    precision is 0, or 0/0 (nothing predicted positive, as at 5 % positives before the model learns them),
    drawn as 0 too. None when no epoch shown (train_runs.live_curves) has a recall of 0."""
    if len(classes) != 2:
        return None
    for run in shown:
        epochs = run["epochs"]
        if any(column in epochs and bool((epochs[column] == 0).any()) for column in ("train_recall", "val_recall")):
            return ui.t("train.metric_note_zero_recall", positive=classes[1])
    return None


def curve_labels() -> dict:
    keys = ("loss", "accuracy", "precision", "recall", "f1", "gap", "train", "val", "running", "epoch")
    return {k: ui.t(f"train.curve.{k}") for k in keys}


def history_table(epochs: pd.DataFrame) -> pd.DataFrame:
    """The curves' numbers with their columns named in the learner's language ("训练集 · 损失（交叉熵）")."""
    labels = curve_labels()

    def name(column: str) -> str:
        part, _, metric = column.partition("_")
        return labels["epoch"] if column == "epoch" else f"{labels[part]} · {labels[metric]}"

    return epochs.rename(columns=name)


def roc_labels(kind: str, precision_undefined: bool = False) -> dict:
    """precision_undefined: nothing is predicted positive, and the PR chart's point says where it is drawn."""
    point = "train.threshold_point_undefined" if kind == "pr" and precision_undefined else "train.threshold_point"
    common = {"chance": "train.chance", "model": "train.model", "threshold": point}
    axes = (
        {"fpr": "train.fpr", "tpr": "train.tpr"}
        if kind == "roc"
        else {"precision": "train.report.precision", "recall": "train.report.recall"}
    )
    labels = {k: ui.t(v) for k, v in {**common, **axes}.items()}
    return {"title": ui.t(f"train.{kind}_title"), "scored": ui.t("train.scored_title"), **labels}


def cm_labels(title_key: str) -> dict:
    return {"title": ui.t(title_key), "true_label": ui.t("train.cm_true"), "predicted_label": ui.t("train.cm_predicted")}


def cm_table(matrix, names: list[str], normalised: bool = False) -> pd.DataFrame:
    """A confusion matrix's data table as its chart writes it: a row per true class, a column per
    predicted class (counts, or the row's shares)."""
    from plots.metrics import cell_texts

    rows = [[name, *texts] for name, texts in zip(names, cell_texts(matrix, normalised), strict=True)]
    return pd.DataFrame(rows, columns=[ui.t("train.cm_true"), *(ui.t("train.cm_predicted_as", name=name) for name in names)])


def curve_table(x, y, labels: dict, x_key: str, y_key: str) -> pd.DataFrame:
    """A curve's points, its columns named after the chart's axes."""
    return pd.DataFrame({labels[x_key]: x, labels[y_key]: y})


def example_labels(k: int) -> dict:
    """The labels of plots.train.example_steps and plots.train.example_series for test item k, in the
    learner's language."""
    keys = {"t": "train.example_step", "feature": "train.example_feature", "value": "train.example_value"}
    return {"title": ui.t("train.example_title", k=k), **{name: ui.t(key) for name, key in keys.items()}}


def series_table(values, labels: dict) -> pd.DataFrame:
    """plots.train.example_series's data table: step and value, the value to 3 decimals, about what
    GunPoint's 16-bit storage holds (float32 wrote its -0.6523 as "-0.652344")."""
    return pd.DataFrame({labels["t"]: range(len(values)), labels["value"]: [round(float(v), 3) for v in values]})
