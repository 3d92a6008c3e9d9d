"""/train's message when the recurrent model loses to the baseline, and why it says so."""

from types import SimpleNamespace
from unittest import mock

import numpy as np
import pytest
import torch

from lstm_core.training import History
from ui import train_evaluation, train_labels, train_runs
from ui.i18n import translate

Y = np.array([0, 1, 0, 1, 0, 1, 0, 1, 0, 1])


def _run(model_right: int, baseline_right: int, val_losses, text: bool = True) -> SimpleNamespace:
    def proba(right):  # (N, 2): the first `right` examples correct, the rest wrong
        p = np.zeros((len(Y), 2))
        p[np.arange(len(Y)), np.where(np.arange(len(Y)) < right, Y, 1 - Y)] = 1.0
        return p

    history = SimpleNamespace(epochs=[{"epoch": k + 1, "val_loss": v} for k, v in enumerate(val_losses)])
    result = SimpleNamespace(test_proba=proba(model_right), baseline_proba=proba(baseline_right), history=history)
    return SimpleNamespace(data=SimpleNamespace(test=(None, torch.as_tensor(Y)), text=text), result=result)


def test_no_message_when_the_model_wins_or_ties():
    assert train_evaluation.versus_baseline(_run(9, 8, [0.6, 0.5])) is None
    assert train_evaluation.versus_baseline(_run(8, 8, [0.6, 0.5])) is None
    assert train_labels.baseline_warning(_run(8, 8, [0.6, 0.5])) is None


def test_overfitting_is_named_with_the_epoch_the_validation_loss_turned():
    run = _run(7, 8, [0.6, 0.5, 0.55, 0.6, 0.7])  # as the real Chinese reviews: up from epoch 3
    assert train_evaluation.versus_baseline(run) == ("train.loses_overfit", {"model": 0.7, "baseline": 0.8, "epoch": 2})
    text = train_labels.baseline_warning(run)
    assert "0.700 against 0.800" in text and "after epoch 2" in text and "early stopping" in text


def test_without_overfitting_the_message_points_at_the_data_and_the_budget():
    run = _run(7, 8, [0.6, 0.5, 0.45])
    assert train_evaluation.versus_baseline(run) == ("train.loses_order", {"model": 0.7, "baseline": 0.8})
    text = train_labels.baseline_warning(run)
    assert "0.700 against 0.800" in text and "single words already carry the label" in text


def test_a_sequence_run_is_told_about_the_time_average_not_words():
    """GunPoint, digits, parity have no words: the baseline they lose to averages each feature over the steps."""
    run = _run(7, 8, [0.6, 0.5, 0.45], text=False)
    assert train_evaluation.versus_baseline(run) == ("train.loses_order_sequence", {"model": 0.7, "baseline": 0.8})
    text = train_labels.baseline_warning(run)
    assert "0.700 against 0.800" in text and "average over the steps" in text
    assert not {"word", "token", "bag"} & set(text.lower().replace(",", " ").split())


def test_overfitting_needs_two_rising_epochs_ending_above_the_best():
    assert train_evaluation.overfit_epoch([]) is None
    assert train_evaluation.overfit_epoch([0.6, 0.5, 0.55]) is None  # one epoch up: noise
    assert train_evaluation.overfit_epoch([0.6, 0.5, 0.55, 0.52]) == 2
    assert train_evaluation.overfit_epoch([0.6, 0.5, 0.55, 0.5]) is None  # back down to the best
    assert train_evaluation.overfit_epoch([0.4, 0.5, 0.6]) == 1


@pytest.mark.parametrize(("best", "shown"), [(3, True), (5, False), (None, False)])
def test_a_run_that_kept_an_earlier_epoch_says_which(best, shown):
    """Early stopping on, the epoch limit first: the results are the best epoch's, and the page says so."""
    history = History(epochs=[{"epoch": e, "loss": 1.0} for e in range(1, 6)], best_epoch=best)
    run = SimpleNamespace(error=None, result=SimpleNamespace(history=history), settings=SimpleNamespace(patience=3))
    message = train_runs.stop_message(run)
    assert (message == ("info", translate("train.kept_best", "en", epochs=5, epoch=3))) if shown else message is None


@pytest.mark.parametrize(
    ("done", "lang", "said"),
    [
        (7.56, "en", "Stopped during epoch 8, after 7.6 epochs' worth of batches"),
        (7.56, "zh", "在第 8 轮中途停止（已训练约 7.6 轮的批次）"),
        (3.0, "en", "Stopped after epoch 3:"),
        (3.0, "zh", "在第 3 轮结束后停止"),
    ],
)
def test_a_stopped_run_says_in_which_epoch_in_whole_numbers(done, lang, said):
    """Not "the 7.56th epoch" (第 7.56 轮): the epoch it was in, and how much it had trained."""
    history = History(epochs=[{"epoch": done, "loss": 1.0}], stopped="stopped")
    run = SimpleNamespace(error=None, result=SimpleNamespace(history=history), settings=SimpleNamespace(patience=3))
    with mock.patch("ui.lang", return_value=lang):
        level, text = train_runs.stop_message(run)
    assert level == "info" and text.startswith(said)
