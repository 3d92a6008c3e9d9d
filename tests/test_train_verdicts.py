"""/train's message when the recurrent model loses to the bag-of-words baseline, and why it says so."""

from types import SimpleNamespace

import numpy as np
import torch

from ui import train_state as S

Y = np.array([0, 1, 0, 1, 0, 1, 0, 1, 0, 1])


def _run(model_right: int, baseline_right: int, val_losses) -> SimpleNamespace:
    def proba(right):  # (N, 2): the first `right` examples correct, the rest wrong
        p = np.zeros((len(Y), 2))
        p[np.arange(len(Y)), np.where(np.arange(len(Y)) < right, Y, 1 - Y)] = 1.0
        return p

    history = SimpleNamespace(epochs=[{"epoch": k + 1, "val_loss": v} for k, v in enumerate(val_losses)])
    result = SimpleNamespace(test_proba=proba(model_right), baseline_proba=proba(baseline_right), history=history)
    return SimpleNamespace(data=SimpleNamespace(test=(None, torch.as_tensor(Y))), result=result)


def test_no_message_when_the_model_wins_or_ties():
    assert S.versus_baseline(_run(9, 8, [0.6, 0.5])) is None
    assert S.versus_baseline(_run(8, 8, [0.6, 0.5])) is None


def test_overfitting_is_named_with_the_epoch_the_validation_loss_turned():
    text = S.versus_baseline(_run(7, 8, [0.6, 0.5, 0.55, 0.6, 0.7]))  # as the real Chinese reviews: up from epoch 3
    assert "0.700 against 0.800" in text and "after epoch 2" in text and "early stopping" in text


def test_without_overfitting_the_message_points_at_the_data_and_the_budget():
    text = S.versus_baseline(_run(7, 8, [0.6, 0.5, 0.45]))
    assert "0.700 against 0.800" in text and "single words already carry the label" in text
