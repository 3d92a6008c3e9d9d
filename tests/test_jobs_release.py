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
    jobs._stop_unless_back(("closed-tab", "", {"train": job}))
    job.thread.join(timeout=5)
    assert job.should_stop() and not job.running


def test_a_session_that_reconnected_keeps_its_runs(no_grace, monkeypatch):
    monkeypatch.setattr(jobs.runtime, "exists", lambda: True)
    monkeypatch.setattr(jobs.runtime, "get_instance", lambda: _Runtime(active={"back-again"}))
    job = _running_job()
    jobs._stop_unless_back(("back-again", "", {"train": job}))
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
    jobs._stop_unless_back(("closed-tab", "", {"train": job}))
    assert not job.should_stop(), "a reconnecting browser must find its run still going"
    job.thread.join(timeout=5)
    assert not job.running


def test_a_reload_stops_the_runs_its_old_session_left_at_once(monkeypatch):
    """A reload opens a new session from the same browser: the old session's run stopped only after the
    grace (30 s), holding the only training slot of a 2-core server for nobody. Now it stops when the new
    session starts; another browser's session in its grace, and a reconnected one, keep theirs."""
    monkeypatch.setattr(jobs, "RELEASE_GRACE_S", 60.0)
    monkeypatch.setattr(jobs.runtime, "exists", lambda: True)
    monkeypatch.setattr(jobs.runtime, "get_instance", lambda: _Runtime(active={"came-back"}))
    reloaded, other_browser, came_back = _running_job(), _running_job(), _running_job()
    try:
        jobs._stop_unless_back(("old-tab", "browser-a", {"train": reloaded}))
        jobs._stop_unless_back(("wifi-drop", "browser-b", {"train": other_browser}))
        jobs._stop_unless_back(("came-back", "browser-a", {"forecast": came_back}))
        assert not reloaded.should_stop(), "within the grace, until a new session of that browser starts"
        jobs._stop_left_by_a_reload("browser-a")
        reloaded.thread.join(timeout=5)
        assert not reloaded.running
        assert other_browser.running and not other_browser.should_stop()
        assert came_back.running and not came_back.should_stop()  # its own session is active again
        assert "browser-a" not in jobs._gone and "wifi-drop" in jobs._gone["browser-b"]
    finally:
        for job in (reloaded, other_browser, came_back):
            job.stop()
        jobs._gone.clear()


def test_the_grace_timer_forgets_the_session_it_waited_for(monkeypatch):
    monkeypatch.setattr(jobs, "RELEASE_GRACE_S", 0.0)
    monkeypatch.setattr(jobs.runtime, "exists", lambda: False)
    job = _running_job()
    jobs._stop_unless_back(("closed-tab", "browser-c", {"train": job}))
    job.thread.join(timeout=5)
    assert not job.running and "browser-c" not in jobs._gone
