"""/train's "Overfitting" expander tells the learner to see it happen: "choose the real Chinese reviews,
a hidden size of 128 and 30 epochs" and watch the training loss keep falling while the validation loss
turns up. That is checked here on the run those settings make (the page's other settings as the page
starts them for that set). Only its first 12 epochs are trained: no schedule depends on the number of epochs, so they are
the 30-epoch run's first 12, and the turn comes by then (on an AMD EPYC the validation loss was lowest at
epoch 4, 0.546, and 1.26 at epoch 11; 2.01 at epoch 30, the training loss then 0.001)."""

import dataclasses

import pytest
import torch

from datasets import classification
from lstm_core import classifier
from ui import train_evaluation, train_runs, train_settings
from ui.i18n import translate

pytestmark = [pytest.mark.claims, pytest.mark.trains]


def test_the_suggested_run_overfits_as_the_expander_says():
    en, zh = translate("train.overfit", "en"), translate("train.overfit", "zh")
    assert "real Chinese reviews, a hidden size of 128 and 30 epochs" in en
    assert all(part in zh for part in ("中文评论", "128", "30"))
    n = min(classification.NAMES["reviews_zh"]["default_n"], train_settings._max_examples({"dataset": "reviews_zh"}))
    s = dataclasses.replace(train_settings.DEFAULTS, dataset="reviews_zh", n=n, hidden_size=128, epochs=12)
    data = train_runs.prepared(s.dataset, s.n, None)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as a page's run trains (ui.jobs): about 20 s of one core
    try:
        model = classifier.build_model(data, **s.model())
        epochs = classifier.train_model(model, data, s.training()).epochs
    finally:
        torch.set_num_threads(threads)
    val, train = [e["val_loss"] for e in epochs], [e["train_loss"] for e in epochs]
    turn = train_evaluation.overfit_epoch(val)  # the page's own reading of the curves
    assert turn is not None and turn <= 8, val
    assert val[-1] > 1.5 * min(val), val  # turned up, well past noise
    assert train[-1] < 0.5 * train[turn - 1], train  # while the training loss kept falling
