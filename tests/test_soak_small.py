"""Long use, reduced to CI size (bench/soak.py is the full run): one learner performs 64
interactions (two rounds of every page, after a warm-up visit); no errors, no runaway memory, no slowdown, and a
training run stops once its tab has closed (ui/jobs.py's release hook)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.alone]


@pytest.mark.trains
def test_many_interactions_and_a_closed_tab(monkeypatch):
    from bench.soak import run_soak
    from tests.streamlit_server import app_server

    monkeypatch.setenv("LSTM_LAB_RELEASE_GRACE_S", "1")  # the server we start reads it
    with app_server() as server:
        figures = run_soak(server.base_url, server.pid, interactions=64, per_page=4, grace=1.0)
    assert figures["errors"] == 0, figures["first_errors"]
    assert figures["growth_mb"] < 300, figures  # generous: the bounded caches are still filling
    # a shared CI machine is noisy: only a gross slowdown fails here; bench/soak.py holds the target
    assert figures["last_p50_s"] <= 2 * figures["first_p50_s"] + 0.2, figures
    release = figures["release"]
    assert release["training_started"], release
    assert release["released"], release
