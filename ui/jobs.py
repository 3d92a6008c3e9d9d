"""Background jobs (training runs) owned by one learner's session.

A training run lives in a thread, not in the script run: touching a widget reruns the page but
never kills or restarts the run, and a stop button only sets an event. The page polls the job's
progress from an `st.fragment(run_every=...)`. The thread never calls Streamlit.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import streamlit as st


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


def _jobs() -> dict:
    return st.session_state.setdefault("_jobs", {})


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
