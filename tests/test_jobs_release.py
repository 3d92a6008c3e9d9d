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
    """A reload opens a new session from the same tab: the old session's run stopped only after the
    grace (30 s), holding the only training slot of a 2-core server for nobody. Now it stops when the new
    session starts; another tab's session in its grace (its connection down) and a reconnected session
    keep theirs: a browser-wide name had stopped another tab's run while its connection was down."""
    monkeypatch.setattr(jobs, "RELEASE_GRACE_S", 60.0)
    monkeypatch.setattr(jobs.runtime, "exists", lambda: True)
    monkeypatch.setattr(jobs.runtime, "get_instance", lambda: _Runtime(active={"came-back"}))
    reloaded, other_tab, came_back = _running_job(), _running_job(), _running_job()
    try:
        jobs._stop_unless_back(("old-session", "tab-a", {"train": reloaded}))
        jobs._stop_unless_back(("wifi-drop", "tab-b", {"train": other_tab}))
        jobs._stop_unless_back(("came-back", "tab-a", {"forecast": came_back}))
        assert not reloaded.should_stop(), "within the grace, until a new session of that tab starts"
        jobs._stop_left_by_a_reload("tab-a")
        reloaded.thread.join(timeout=5)
        assert not reloaded.running
        assert other_tab.running and not other_tab.should_stop()
        assert came_back.running and not came_back.should_stop()  # its own session is active again
        assert set(jobs._gone) == {"wifi-drop"}
    finally:
        for job in (reloaded, other_tab, came_back):
            job.stop()
        jobs._gone.clear()


def test_a_second_drop_gets_its_own_grace(monkeypatch):
    """Two short drops of one connection, the second just before the first's grace ended: the first
    drop's timer stopped the run during the second (a helper saw it three times in three)."""
    monkeypatch.setattr(jobs, "RELEASE_GRACE_S", 0.4)
    monkeypatch.setattr(jobs.runtime, "exists", lambda: True)
    active = _Runtime(active=set())
    monkeypatch.setattr(jobs.runtime, "get_instance", lambda: active)
    job = _running_job()
    try:
        jobs._stop_unless_back(("wobbly", "", {"train": job}))  # first drop
        time.sleep(0.1)
        active.active = {"wobbly"}  # back
        time.sleep(0.1)
        active.active = set()  # second drop, 0.2 s before the first one's grace ends
        jobs._stop_unless_back(("wobbly", "", {"train": job}))
        time.sleep(0.35)  # the first timer has fired, during the second drop
        assert job.running and not job.should_stop()
        job.thread.join(timeout=5)  # the second drop's grace ends with the session still gone
        assert not job.running and "wobbly" not in jobs._gone
    finally:
        job.stop()
        jobs._gone.clear()


def test_the_grace_timer_forgets_the_session_it_waited_for(monkeypatch):
    monkeypatch.setattr(jobs, "RELEASE_GRACE_S", 0.0)
    monkeypatch.setattr(jobs.runtime, "exists", lambda: False)
    job = _running_job()
    jobs._stop_unless_back(("closed-tab", "tab-c", {"train": job}))
    job.thread.join(timeout=5)
    assert not job.running and "closed-tab" not in jobs._gone
