"""A closed tab stops its session's background runs (ui/jobs.py's session release hook).

The end-to-end check against a real server (a training run's CPU use stops after the websocket
closes) is in tests/test_soak_small.py; here the hook itself, without a server."""

import threading
import time

import pytest

from ui import jobs


def _running_job():
    job = jobs.Job("train")

    def work():
        while not job.should_stop():
            time.sleep(0.01)

    job.thread = threading.Thread(target=work, daemon=True)
    job.thread.start()
    return job


class _Runtime:
    def __init__(self, active):
        self.active = active

    def is_active_session(self, session_id):
        return session_id in self.active


@pytest.fixture
def no_grace(monkeypatch):
    monkeypatch.setattr(jobs, "RELEASE_GRACE_S", 0.0)


def test_a_session_that_does_not_come_back_has_its_runs_stopped(no_grace, monkeypatch):
    monkeypatch.setattr(jobs.runtime, "exists", lambda: True)
    monkeypatch.setattr(jobs.runtime, "get_instance", lambda: _Runtime(active={"someone-else"}))
    job = _running_job()
    jobs._stop_unless_back(("closed-tab", {"train": job}))
    job.thread.join(timeout=5)
    assert job.should_stop() and not job.running


def test_a_session_that_reconnected_keeps_its_runs(no_grace, monkeypatch):
    monkeypatch.setattr(jobs.runtime, "exists", lambda: True)
    monkeypatch.setattr(jobs.runtime, "get_instance", lambda: _Runtime(active={"back-again"}))
    job = _running_job()
    jobs._stop_unless_back(("back-again", {"train": job}))
    time.sleep(0.3)  # the hook's timer has fired by now
    try:
        assert job.running and not job.should_stop()
    finally:
        job.stop()
        job.thread.join(timeout=5)


def test_the_hook_waits_for_the_grace_period(monkeypatch):
    monkeypatch.setattr(jobs, "RELEASE_GRACE_S", 0.5)
    monkeypatch.setattr(jobs.runtime, "exists", lambda: False)
    job = _running_job()
    jobs._stop_unless_back(("closed-tab", {"train": job}))
    assert not job.should_stop(), "a reconnecting browser must find its run still going"
    job.thread.join(timeout=5)
    assert not job.running
