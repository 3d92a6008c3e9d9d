"""Background jobs (training runs) owned by one learner's session.

A training run lives in a thread, not in the script run: touching a widget reruns the page but
never kills or restarts the run, and a stop button only sets an event. The page polls the job's
progress from an `st.fragment(run_every=...)`. The thread never calls Streamlit.

A closed browser tab stops its session's runs: Streamlit releases a session's session-scoped
resources when its websocket closes, and `_watch_session`'s release hook then stops every job of
that session unless the same session has reconnected within `RELEASE_GRACE_S` (a dropped Wi-Fi
connection resumes its session). Without this a closed tab's run would keep a core and a training
slot busy until its last epoch, while the rest of the class waits.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

import streamlit as st
import torch
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

# Seconds a disconnected session's runs keep going, waiting for the browser to reconnect.
RELEASE_GRACE_S = float(os.environ.get("LSTM_LAB_RELEASE_GRACE_S", "30"))


@dataclass
class Job:
    name: str
    stop_event: threading.Event = field(default_factory=threading.Event)
    progress: list = field(default_factory=list)  # appended by the worker (Progress objects)
    result: object = None
    error: Exception | None = None
    waiting: bool = False  # queued for a training slot
    started: float = field(default_factory=time.monotonic)
    thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def stop(self):
        self.stop_event.set()

    def should_stop(self) -> bool:
        return self.stop_event.is_set()


def _stop_unless_back(watch: tuple):
    """Release hook of `_watch_session`: runs on the server's event loop when the websocket closes."""
    session_id, jobs = watch

    def stop_if_still_gone():
        if not (runtime.exists() and runtime.get_instance().is_active_session(session_id)):
            for job in list(jobs.values()):
                job.stop()

    timer = threading.Timer(RELEASE_GRACE_S, stop_if_still_gone)
    timer.daemon = True
    timer.start()


@st.cache_resource(scope="session", on_release=_stop_unless_back, show_spinner=False)
def _watch_session(_jobs: dict) -> tuple:
    """A per-session resource whose only purpose is its release hook (see the module docstring)."""
    ctx = get_script_run_ctx()
    return (ctx.session_id if ctx is not None else "", _jobs)


def _jobs() -> dict:
    jobs = st.session_state.setdefault("_jobs", {})
    _watch_session(jobs)
    return jobs


def get(name: str) -> Job | None:
    return _jobs().get(name)


def start(name: str, work, *args, **kwargs) -> Job:
    """Run `work(job, *args, **kwargs)` in a thread; its return value becomes `job.result`.
    A job of the same name that is still running is stopped first."""
    old = get(name)
    if old is not None and old.running:
        old.stop()
        old.thread.join(timeout=5)
    job = Job(name)

    def run():
        # torch's thread count is per OS thread: without this a job would use every core, and a
        # classroom's runs would fight over them (app.py's setting covers only the script thread)
        torch.set_num_threads(1)
        try:
            job.result = work(job, *args, **kwargs)
        except Exception as exc:  # shown to the learner by the page, in their language
            job.error = exc

    job.thread = threading.Thread(target=run, name=f"job-{name}", daemon=True)
    _jobs()[name] = job
    job.thread.start()
    return job


def stop_all():
    """Stop every job of this session (e.g. when the session ends)."""
    for job in _jobs().values():
        job.stop()
