"""What the browser tests that train take for granted about their runs' outcomes, checked without a
browser. CI runs the tests that train again on two other kernel paths (.ci/lab), standing in for
another CPU, but not the browser tests among them: those test the page, and the one outcome they need
(a mistake to open in /explorer, or to read in the mistakes table) is checked here, on every path, in
a fraction of their time."""

import numpy as np
import pytest

from lstm_core import metrics
from ui import jobs, train_runs
from ui.train_settings import Settings

# the /train links of the browser tests that open or read a mistake, as Settings
RUNS = {
    # tests/browser/test_train.py (a mistake opens in /explorer) and test_accessibility.py (the results' tabs)
    "epochs=2&n_negation_en=300&hidden=8": Settings(epochs=2, n=300, hidden_size=8),
    # tests/browser/test_train.py: a parity model's mistaken sequence opens in /explorer
    "data=parity&n_parity=200&length_parity=6&epochs=1&hidden=4": Settings(
        dataset="parity", n=200, length=6, epochs=1, hidden_size=4
    ),
    # tests/test_keyboard4.py and test_keyboard_audit.py: the mistakes table, by keyboard
    "epochs=1&n_negation_en=200&hidden=4": Settings(epochs=1, n=200, hidden_size=4),
}


@pytest.mark.trains
@pytest.mark.parametrize("link", RUNS)
def test_each_run_makes_a_mistake_at_the_default_threshold(link):
    settings = RUNS[link]
    data = train_runs.prepared(settings.dataset, settings.n, settings.length, settings.positive_share)
    result = train_runs._work(jobs.Job("premise"), data, settings)  # what the page's background run does
    assert result.test_proba is not None, "the loss became NaN"
    y_pred = metrics.predict(result.test_proba, 0.5)  # the threshold slider's default
    assert np.sum(y_pred != data.test[1].numpy()) >= 1
