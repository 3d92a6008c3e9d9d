"""/train's default run visibly learns (curves climb, precision ≠ recall on the way), and the share
of positives can be lowered to 5 %, where always answering "negative" is 95 % accurate with recall 0."""

from dataclasses import replace

import numpy as np
import pytest
import torch

from datasets import classification as D
from lstm_core import classifier as C
from ui.train_runs import DATA_SEED, prepared
from ui.train_settings import DEFAULTS

torch.set_num_threads(1)


@pytest.mark.trains
@pytest.mark.claims
def test_the_default_run_climbs_instead_of_starting_at_one():
    d = DEFAULTS
    data = prepared(d.dataset, d.n, d.length, d.positive_share)
    model = C.build_model(data, **d.model())
    epochs = C.train_model(model, data, replace(d.training(), epochs=3)).epochs  # the first three of the default ten
    accuracy = [e["val_accuracy"] for e in epochs]
    assert accuracy[0] < 0.85 and accuracy[-1] > accuracy[0] + 0.1  # a curve that climbs
    assert any(abs(e["val_precision"] - e["val_recall"]) > 0.01 for e in epochs)  # precision ≠ recall on the way


@pytest.mark.claims
@pytest.mark.parametrize("dataset", ["negation_en", "negation_zh", "reviews_zh"])
def test_five_percent_positives_make_accuracy_and_recall_part_ways(dataset):
    """The slider's help: at 5 % positives, always answering negative is 95 % accurate, recall 0."""
    n = min(D.NAMES[dataset]["default_n"], 2000)
    data = D.load(dataset, seed=DATA_SEED, n=n, positive_share=0.05)
    assert data.y.mean() == pytest.approx(0.05, abs=0.005) and len(data) <= n
    _, _, test = D.split(data, seed=DATA_SEED)
    always_negative = np.zeros_like(test.y)
    assert (always_negative == test.y).mean() == pytest.approx(0.95, abs=0.01)
    assert test.y.sum() > 0  # the test set still has positives to miss: recall 0 / (0 + FN) = 0
    again = D.load(dataset, seed=DATA_SEED, n=n, positive_share=0.05)
    assert again.texts == data.texts  # seeded: the same link gives the same data


def test_share_out_of_range_is_a_learner_error():
    from lstm_core.errors import UserInputError

    with pytest.raises(UserInputError) as err:
        D.load("negation_en", n=200, positive_share=0.01)
    assert err.value.key == "data.err_share"
    assert D.load("negation_en", n=200, positive_share=0.5).y.mean() == pytest.approx(0.5, abs=0.02)
