"""Background jobs (training runs) owned by one learner's session.

A training run lives in a thread, not in the script run: touching a widget reruns the page but
never kills or restarts the run, and a stop button only sets an event. The page polls the job's
progress from an `st.fragment(run_every=...)`. The thread never calls Streamlit. Pages use one
`BackgroundRun` each (/train, /forecast, /gradient-flow's live run): start, queue for a training
slot, progress, stop, result, and one redraw of the page when the run ends.

A closed browser tab stops its session's runs: Streamlit releases a session's session-scoped
resources when its websocket closes, and `_watch_session`'s release hook then stops every job of
that session unless the same session has reconnected within `RELEASE_GRACE_S` (a dropped Wi-Fi
connection resumes its session). Without this a closed tab's run would keep a core and a training
slot busy until its last epoch, while the rest of the class waits. A reload does not wait that long:
it opens a new session from the same tab (ui/tab_id.py), which stops at once the runs of that tab's
sessions still waiting out their grace.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

import ui
from ui.i18n import counted
from ui.tab_id import COOKIE

# Seconds a disconnected session's runs keep going, waiting for the browser to reconnect.
RELEASE_GRACE_S = float(os.environ.get("LSTM_LAB_RELEASE_GRACE_S", "30"))


def usable_cores(cgroup: Path = Path("/sys/fs/cgroup")) -> int:
    """The cores this process may use: its CPU affinity (docker --cpuset-cpus) and its cgroup's quota
    (docker --cpus, a Kubernetes limits.cpu), at least 1. os.cpu_count() counts the host's: a pod
    limited to 2 CPUs on a 16-core node let 15 trainings run at once inside its 2 CPUs."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 2
    for quota_file, period_file in (("cpu.max", None), ("cpu/cpu.cfs_quota_us", "cpu/cpu.cfs_period_us")):  # cgroup v2, v1
        try:
            fields = (cgroup / quota_file).read_text().split()
            quota, period = fields[0], (fields[1] if period_file is None else (cgroup / period_file).read_text().strip())
            if quota not in ("max", "-1"):
                cores = min(cores, int(quota) // int(period))
        except (OSError, ValueError, IndexError):
            continue
    return max(1, cores)


# Training runs share the machine with every learner's page reruns: leave a core for the pages. On
# the 2-core classroom server that means one run at a time; others queue.
MAX_CONCURRENT_TRAININGS = max(1, usable_cores() - 1)
# Replicas on one machine (bash .ci/lab classroom) share its slots through lock files in this folder:
# a replica that counted the machine's cores as its own let two replicas on 2 cores train at once,
# leaving no core for the pages.
SLOTS_DIR = os.environ.get("LSTM_LAB_SLOTS_DIR")


class Cancelled(Exception):
    """Stopped while still queued for a training slot: the run never trained."""


class _ProcessSlots:
    """The slots of this server process alone."""

    def __init__(self, limit: int):
        self._free = threading.BoundedSemaphore(limit)

    def take(self, timeout: float):
        return True if self._free.acquire(timeout=timeout) else None

    def give_back(self, _):
        self._free.release()


class _MachineSlots:
    """Slots shared by every process on the machine that uses the same folder: slot k is an exclusive
    lock on the file slot-k (released by the kernel if its process dies, so a crash frees it)."""

    def __init__(self, folder: str, limit: int):
        self.paths = [os.path.join(folder, f"slot-{k}") for k in range(limit)]
        os.makedirs(folder, exist_ok=True)

    def take(self, timeout: float):
        deadline = time.monotonic() + timeout
        while True:
            for path in self.paths:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return fd
                except BlockingIOError:
                    os.close(fd)
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.1)

    def give_back(self, fd):
        os.close(fd)  # closing the descriptor drops its lock


_slots = _MachineSlots(SLOTS_DIR, MAX_CONCURRENT_TRAININGS) if SLOTS_DIR else _ProcessSlots(MAX_CONCURRENT_TRAININGS)


@contextmanager
def training_slot(poll=None, should_stop=None):
    """Hold one of the training slots while training. While all are taken, wait, calling
    `poll(running, limit)` each second (the page says why it waits); raise Cancelled as soon as
    `should_stop()` is true, without ever taking a slot."""
    held = _slots.take(timeout=0)  # at once: a run that must wait says so from the start, not after a second of "step 0"
    while held is None:
        if should_stop is not None and should_stop():
            raise Cancelled
        if poll is not None:
            poll(MAX_CONCURRENT_TRAININGS, MAX_CONCURRENT_TRAININGS)  # waiting: every slot is running a training
        held = _slots.take(timeout=1.0)
    try:
        yield
    finally:
        _slots.give_back(held)


@dataclass
class Job:
    name: str
    stop_event: threading.Event = field(default_factory=threading.Event)
    progress: list = field(default_factory=list)  # appended by the worker (Progress objects)
    result: object = None
    error: Exception | None = None
    waiting: bool = False  # queued for a training slot
    busy: tuple = (0, 0)  # while waiting: (runs training now, slots)
    cancelled: bool = False  # stopped while waiting: it never trained
    about: object = None  # what the page started it with (its settings, data, ...), for drawing it
    redrawn: bool = False  # the page has been redrawn once since the run ended
    started: float = field(default_factory=time.monotonic)
    thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def stop(self):
        self.stop_event.set()

    def should_stop(self) -> bool:
        return self.stop_event.is_set()

    @contextmanager
    def slot(self):
        """Hold a training slot for this job's run (called in its thread). While queued, `waiting`
        and `busy` tell the page why; a stop cancels the run before it takes a slot."""

        def queued(running, limit):
            self.waiting, self.busy = True, (running, limit)

        with training_slot(queued, self.should_stop):
            self.waiting = False
            yield


class BackgroundRun:
    """A page's background run, one per session: `start` it, `poll` it from the page (a fragment
    redrawn every second while it runs), `stop` it. When it ends, the whole page is redrawn once, so
    that what sits outside the fragment (buttons, results) follows."""

    def __init__(self, name: str):
        self.name = name

    def start(self, work, *args, about=None) -> Job:
        """Run `work(job, *args)` in a thread (a run of the same page still going is stopped first)."""
        return start(self.name, work, *args, about=about)

    @property
    def job(self) -> Job | None:
        return get(self.name)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def stop(self, wait: float = 0.0):
        job = self.job
        if job is not None:
            job.stop()
            if wait and job.thread is not None:
                job.thread.join(timeout=wait)

    def poll(self, draw, *args):
        """Draw `draw(job, *args)` (job may be None) in a fragment, redrawn every second while the run
        goes on; once it has ended, rerun the whole page one time."""

        def fragment(*args):
            job = self.job
            if job is not None and not job.running and not job.redrawn:
                job.redrawn = True
                st.rerun()
            if job is not None and job.running and job.waiting:  # all slots taken: say why nothing moves
                running, limit = job.busy
                st.info(ui.t(counted("app.busy", running), running=running, limit=limit), icon=":material/info:")
            draw(job, *args)

        st.fragment(run_every=1.0 if self.running else None)(fragment)(*args)


# the sessions whose websocket has closed, waiting out their grace: session id -> (tab, jobs, release mark)
_gone: dict[str, tuple[str, dict, int]] = {}
_gone_lock = threading.Lock()
_marks = itertools.count()


def _stop_unless_back(watch: tuple):
    """Release hook of `_watch_session`: runs on the server's event loop when the websocket closes."""
    session_id, tab, jobs = watch
    mark = next(_marks)
    with _gone_lock:
        _gone[session_id] = (tab, jobs, mark)

    def stop_if_still_gone():
        with _gone_lock:
            # stopped by a reload already, or its connection dropped again since (it came back in between):
            # that later drop's own grace decides, not this one's end
            if (entry := _gone.get(session_id)) is None or entry[2] != mark:
                return
            del _gone[session_id]
        _stop_unless_active(session_id, jobs)

    timer = threading.Timer(RELEASE_GRACE_S, stop_if_still_gone)
    timer.daemon = True
    timer.start()


def _stop_left_by_a_reload(tab: str):
    """A new session from a tab whose earlier session has lost its websocket: the tab was reloaded (a
    dropped connection comes back as its own session), so the old session's runs stop now rather than
    after the grace, which would hold a training slot for a page nobody sees. Other tabs' are kept."""
    with _gone_lock:
        left = {sid: _gone.pop(sid) for sid, (gone_tab, _, _) in list(_gone.items()) if gone_tab == tab}
    for session_id, (_, jobs, _) in left.items():
        _stop_unless_active(session_id, jobs)


def _stop_unless_active(session_id: str, jobs: dict):
    """Stop a gone session's runs, unless it has come back (its own connection, resumed)."""
    if not (runtime.exists() and runtime.get_instance().is_active_session(session_id)):
        for job in list(jobs.values()):
            job.stop()


@st.cache_resource(scope="session", on_release=_stop_unless_back, show_spinner=False)
def _watch_session(_jobs: dict) -> tuple:
    """A per-session resource whose release hook stops the session's runs (see the module docstring);
    made on the session's first run, when it also stops what a reload of the same tab left."""
    ctx = get_script_run_ctx()
    tab = st.context.cookies.get(COOKIE) or ""  # none: a server started without app.py's middleware
    if tab:
        _stop_left_by_a_reload(tab)
    return (ctx.session_id if ctx is not None else "", tab, _jobs)


def watch():
    """Call on every page's run (ui.page): a session that has no run yet still stops a reload's."""
    _jobs()


def _jobs() -> dict:
    jobs = st.session_state.setdefault("_jobs", {})
    _watch_session(jobs)
    return jobs


def get(name: str) -> Job | None:
    return _jobs().get(name)


def start(name: str, work, *args, about=None) -> Job:
    """Run `work(job, *args)` in a thread; its return value becomes `job.result`.
    A job of the same name that is still running is stopped first."""
    old = get(name)
    if old is not None and old.running:
        old.stop()
        old.thread.join(timeout=5)
    job = Job(name, about=about)
    job.thread = threading.Thread(target=run, args=(job, work, *args), name=f"job-{name}", daemon=True)
    _jobs()[name] = job
    job.thread.start()
    return job


def run(job: Job, work, *args):
    """The body of a job's thread."""
    # torch's thread count is per OS thread, and two OpenMP threads per run on a busy 2-core server
    # made training ~50x slower (measured). Imported here: a page that only shows never waits for torch
    import torch

    torch.set_num_threads(1)
    try:
        job.result = work(job, *args)
    except Cancelled:
        job.cancelled = True
    except Exception as exc:  # shown to the learner by the page, in their language
        job.error = exc
