"""/train's downloads of a finished run: its history as CSV, a Markdown report in the learner's
language, and a standalone PyTorch script with its data."""

from __future__ import annotations

from dataclasses import asdict

import numpy as np
import pandas as pd

import ui
import ui.settings
from lstm_core.metrics import rounded
from ui import train_evaluation, train_labels, train_runs
from ui.train_settings import RUN_DECLARATIONS


def code_zip(run):
    """A callable for st.download_button: the run as standalone PyTorch and Keras scripts and its data,
    built on click."""
    from lstm_core import export_code  # it imports torch: here, once a run has trained, not when /train opens

    history = run.result.history
    stop_after = history.steps if history.stopped == "stopped" else None  # where the learner pressed Stop
    return lambda: export_code.bundle(run.data, run.settings.model(), run.settings.training(), stop_after)


def code_strings(run) -> tuple[str, str]:
    """The code button's label and help keys: Keras has no layer for the 1997 LSTM or the CIFG, so
    their zip holds the PyTorch script alone."""
    from lstm_core import export_code

    if export_code.keras_has(run.settings.model()["kind"]):
        return "train.get_code", "train.get_code_help"
    return "train.get_code_torch", "train.get_code_help_torch"


def history_csv(run) -> bytes:
    """Every epoch's row as training.fit recorded it. Its "loss", the mean over the epoch's batches while
    the weights still moved (dropout on), is named running_train_loss: beside train_loss, measured after
    the epoch, a bare "loss" left a learner guessing which of the two the loss chart draws."""
    frame = pd.DataFrame(run.result.history.epochs).rename(columns={"loss": RUNNING_LOSS})
    return frame.to_csv(index=False).encode("utf-8")


RUNNING_LOSS = "running_train_loss"  # the history CSV's name for training.fit's "loss" (train.download_history_help)


def report_markdown(run, threshold: float | None) -> bytes:
    """A small run report: settings, test metrics, classification report and confusion matrix."""
    y_pred = train_evaluation.predictions(run, threshold)
    names = run.class_names()

    def item(label, value) -> str:  # "- 阈值：0.5" in Chinese, with its full-width colon
        return "- " + ui.t("train.report_named", title=label, name=value)

    cm = pd.DataFrame(train_evaluation.confusion_matrix(run, y_pred), index=names, columns=names)
    baseline = train_evaluation.accuracy(run, run.result.baseline_proba)
    model = train_evaluation.accuracy(run, run.result.test_proba)
    # the page's threshold rows: a second test accuracy, named by its threshold, when it is another one
    at_threshold = []
    if threshold is not None and threshold != train_evaluation.HEADLINE_THRESHOLD:
        label = ui.t("train.test_accuracy_at", threshold=threshold)
        at_threshold = [item(label, rounded(train_evaluation.accuracy(run, run.result.test_proba, threshold), 4))]
    # what the page says beside these numbers: whose weights they are (early stopping, a stop), and what
    # the baseline's accuracy is worth (a loss, one answer for every item, a lead within chance)
    stopped = train_runs.stop_message(run)
    said = [stopped[1] if stopped else None, train_labels.baseline_warning(run) or train_labels.baseline_note(run)]
    lines = [
        "# " + ui.t("train.report_heading", title=ui.t("train.report_title"), name=run.name()),
        "",
        f"## {ui.t('train.report_settings')}",
        "",
        *[item(label, value) for label, value in ui.settings.described(RUN_DECLARATIONS, asdict(run.settings))],
        "",
        f"## {ui.t('train.report_data')}",
        "",
        train_labels.data_used(run),
        "",
        f"## {ui.t('train.report_results')}",
        "",
        # as the tiles write them, to a fourth decimal (never 1.0000 for a rate that is not 1); no baseline
        # reads as its tile does ("not trained"), the threshold as the page's sentences write it (0.40)
        item(train_labels.accuracy_label(run), rounded(model, 4)),
        item(train_labels.baseline(run)[0], ui.t("train.baseline_none") if baseline is None else rounded(baseline, 4)),
        item(ui.t("train.wall_time"), ui.t("train.wall_time_value", seconds=run.result.seconds)),
        item(ui.t("train.threshold"), "—" if threshold is None else f"{threshold:.2f}"),
        *at_threshold,
        "",
        *[line for text in said if text for line in (text, "")],
        markdown_table(train_labels.report(run, y_pred)),
        "",
        *([note, ""] if (note := train_labels.report_undefined_note(cm.to_numpy(), names)) else []),
        f"## {ui.t('train.cm_counts')}",
        "",
        markdown_table(cm.reset_index(names=f"{ui.t('train.cm_true')} \\ {ui.t('train.cm_predicted')}")),
    ]
    return "\n".join(lines).encode("utf-8")


def markdown_table(frame: pd.DataFrame) -> str:
    """A GitHub Markdown table of `frame`: floats to 3 decimals as the page's table writes them (more
    where 3 would round a rate to 0 or 1 that is neither: metrics.rounded), NaN empty, counts with their
    thousands grouped as the page's are ("2,500"), "|" escaped."""

    def cell(v):
        if isinstance(v, float):
            return "" if v != v else rounded(v)  # NaN: the accuracy row has no precision or recall
        if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
            return f"{v:,}"
        return str(v).replace("|", "\\|")

    rows = [[cell(c) for c in frame.columns]] + [[cell(v) for v in row] for row in frame.itertuples(index=False)]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * len(frame.columns))
    return "\n".join(lines)
