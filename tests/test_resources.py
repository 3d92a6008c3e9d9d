"""Server-wide training slots: at most ui.jobs.MAX_CONCURRENT_TRAININGS runs train at once across all
sessions (threads); the others wait, polling so the page can say why, and a failed run frees its slot."""

import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from ui import jobs


def test_at_most_the_limit_train_at_once_and_the_others_wait_and_poll():
    limit = jobs.MAX_CONCURRENT_TRAININGS
    lock = threading.Lock()
    inside, peak, polls, finished = [0], [0], [], []

    def run(number):
        def poll(running, cap):
            polls.append((number, running, cap))

        with jobs.training_slot(poll=poll):
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            time.sleep(1.3)  # longer than the 1 s poll period, so every waiting run polls
            with lock:
                inside[0] -= 1
        finished.append(number)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(limit + 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(finished) == list(range(limit + 2)), "every run eventually trains"
    assert peak[0] == limit
    waiting = {number for number, _, _ in polls}
    assert len(waiting) >= 2, "the runs beyond the limit waited and were told so"
    assert all(running == limit and cap == limit for _, running, cap in polls)


def test_a_run_that_must_wait_says_so_at_once():
    """It first waited a second for a slot before saying so: the page drew "step 0" and a progress bar,
    then the busy note."""
    held = [jobs._slots.take(timeout=5) for _ in range(jobs.MAX_CONCURRENT_TRAININGS)]
    told = threading.Event()

    def wait_for_a_slot():
        with jobs.training_slot(poll=lambda *_: told.set()):
            pass

    queued = threading.Thread(target=wait_for_a_slot, daemon=True)
    try:
        started = time.monotonic()
        queued.start()
        assert told.wait(timeout=5) and time.monotonic() - started < 0.5
    finally:
        for slot in held:
            jobs._slots.give_back(slot)
    queued.join(timeout=5)


def test_a_failing_run_releases_its_slot():
    for _ in range(jobs.MAX_CONCURRENT_TRAININGS + 1):
        with pytest.raises(RuntimeError), jobs.training_slot():
            raise RuntimeError("training crashed")
    with jobs.training_slot(poll=lambda *_: pytest.fail("every slot should be free again")):
        pass


def _queued_run(work, *args):
    """Start `work` as a job thread while every training slot is held; return it once it waits."""
    job = jobs.Job("queued")
    job.thread = threading.Thread(target=jobs.run, args=(job, work, *args), daemon=True)
    job.thread.start()
    deadline = time.monotonic() + 10
    while not job.waiting:
        assert time.monotonic() < deadline, "the run should be queued for a slot"
        time.sleep(0.05)
    return job


def _forecast(monkeypatch, trained):
    import ui.forecast_state as F

    monkeypatch.setattr(F.forecasting, "train_forecaster", lambda *a, **k: trained.append("forecast"))
    return F._work, np.arange(60.0), F.forecasting.ForecastConfig(epochs=1), False, "key"


def _train(monkeypatch, trained):
    import ui.train_runs as T
    from lstm_core import classifier  # what T._work imports when the run starts

    monkeypatch.setattr(classifier, "build_model", lambda *a, **k: trained.append("train"))
    return T._work, None, None


def _gradient_flow(monkeypatch, trained):
    import ui.gradient_flow_state as G

    monkeypatch.setattr(G.experiments, "train_adding", lambda *a, **k: trained.append("adding"))
    return G._work, G.LiveRun("lstm", G.experiments.AddingSettings(steps=10))


@contextmanager
def _every_slot_taken():
    """Every training slot held by another thread until the block ends."""
    hold, holding = threading.Event(), []

    def holder():
        with jobs.training_slot():
            holding.append(1)
            hold.wait(timeout=60)

    holders = [threading.Thread(target=holder) for _ in range(jobs.MAX_CONCURRENT_TRAININGS)]
    for thread in holders:
        thread.start()
    try:
        while len(holding) < jobs.MAX_CONCURRENT_TRAININGS:
            time.sleep(0.01)
        yield
    finally:
        hold.set()
        for thread in holders:
            thread.join(timeout=5)


@pytest.mark.parametrize("page", [_forecast, _train, _gradient_flow])
def test_stop_cancels_a_run_queued_for_a_slot(page, monkeypatch):
    trained = []
    work, *args = page(monkeypatch, trained)
    with _every_slot_taken():
        job = _queued_run(work, *args)  # every slot is taken: this one waits
        assert job.busy == (jobs.MAX_CONCURRENT_TRAININGS, jobs.MAX_CONCURRENT_TRAININGS)
        job.stop()
        job.thread.join(timeout=3)
        assert not job.running, "Stop must end a queued run while the slots are still taken"
        assert job.cancelled and job.error is None and job.result is None
    assert trained == [], "a cancelled run never trains"
    held = [jobs._slots.take(timeout=0) for _ in range(jobs.MAX_CONCURRENT_TRAININGS)]  # and it holds no slot
    assert None not in held
    for slot in held:
        jobs._slots.give_back(slot)


def _child_takes(folder) -> bool:
    """Whether another process, sharing the slot folder as replicas do, gets the one slot (within 0.3 s)."""
    import subprocess
    import sys

    code = (
        "import os, sys; from ui.jobs import _MachineSlots\n"
        f"slot = _MachineSlots({str(folder)!r}, 1).take(timeout=0.3)\n"
        "sys.exit(0 if slot is not None else 1)\n"  # exiting while holding it: as a replica that crashed
    )
    return subprocess.run([sys.executable, "-c", code], cwd=jobs.__file__.rsplit("/ui/", 1)[0]).returncode == 0


def test_replicas_on_one_machine_share_its_slots(tmp_path):
    slots = jobs._MachineSlots(str(tmp_path), 1)
    held = slots.take(timeout=0)
    assert held is not None
    assert not _child_takes(tmp_path), "another replica waits while this one trains"
    slots.give_back(held)
    assert _child_takes(tmp_path), "a freed slot goes to the other replica"
    again = slots.take(timeout=0)  # the child exited holding it: the kernel dropped its lock
    assert again is not None
    slots.give_back(again)


def test_the_server_imports_pandas_before_any_page_runs():
    """app.py imports pandas as the server starts: imported later in another thread (the warm-up's or
    a page's), plotly's `sys.modules.get("pandas")` in a learner's thread found it half imported
    ("partially initialized module 'pandas'", plotly.py#2433). Pages themselves still open without
    it (tests/test_layout.py)."""
    import subprocess
    import sys

    probe = "import sys; import app; m = sys.modules.get('pandas'); print(m is not None and not m.__spec__._initializing)"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=root)
    assert out.stdout.strip().splitlines()[-1] == "True", out.stderr[-2000:]


@pytest.mark.parametrize(
    "files, expected",
    [
        ({"cpu.max": "200000 100000\n"}, 2),  # cgroup v2: docker --cpus 2, a pod's limits.cpu: 2
        ({"cpu.max": "150000 100000\n"}, 1),  # 1.5 CPUs: one whole core
        ({"cpu.max": "50000 100000\n"}, 1),  # half a CPU: still one
        ({"cpu.max": "max 100000\n"}, None),  # no quota: the affinity's count
        ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3),  # cgroup v1
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ({}, None),  # no cgroup files (macOS, a bare host)
    ],
)
def test_the_training_slots_count_a_container_s_cpus_not_the_host_s(tmp_path, monkeypatch, files, expected):
    """A pod limited to 2 CPUs on a 16-core node: os.cpu_count() said 16, so 15 trainings ran at once
    inside 2 CPUs. The cores counted are the affinity's and the cgroup quota's."""
    monkeypatch.setattr(jobs.os, "sched_getaffinity", lambda _: set(range(16)))
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert jobs.usable_cores(tmp_path) == (16 if expected is None else expected)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_run_waiting_for_a_slot_says_how_many_run_in_the_words_of_that_count(lang):
    """With one slot (2 cores) taken, it read "1 training runs are in progress on this server (limit 1)"."""
    from streamlit.testing.v1 import AppTest

    from ui.i18n import counted, translate

    with _every_slot_taken():
        at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "pages" / "forecast.py"), default_timeout=90)
        at.query_params["lang"] = lang
        at.run().button(key="forecast_train").click().run()
        job = at.session_state["_jobs"]["forecast"]
        try:
            deadline = time.monotonic() + 30
            while not job.waiting and time.monotonic() < deadline:
                time.sleep(0.05)
            at.run()
            n = jobs.MAX_CONCURRENT_TRAININGS
            said = translate(counted("app.busy", n), lang, running=n, limit=n)
            assert said in [i.value for i in at.info]
            if n == 1 and lang == "en":
                assert said.startswith("One training run is in progress")
        finally:
            job.stop()  # before the slots free up: it never trains
    job.thread.join(timeout=30)


@pytest.mark.parametrize(
    ("page", "state"),
    [
        ("pages/train.py", "train_runs"),
        ("pages/forecast.py", "forecast_state"),
        ("pages/gradient-flow.py", "gradient_flow_state"),
    ],
)
def test_a_queued_run_shows_the_busy_note_and_no_progress_bar(page, state):
    """/train drew a 0 % progress bar reading "Starting…" under the busy note while its run waited
    for a slot, as if it had started; /forecast and /gradient-flow showed the note alone."""
    import importlib

    from tests.apptest import open_page
    from ui.i18n import translate

    name = importlib.import_module(f"ui.{state}").RUN.name  # the page's own background run
    job, release = jobs.Job(name, waiting=True, busy=(1, 1)), threading.Event()
    job.thread = threading.Thread(target=release.wait, args=(30,), daemon=True)
    job.thread.start()
    try:
        at = open_page(page, lang="en", session={"_jobs": {name: job}})
        busy = translate("app.busy_one", "en", limit=1)
        assert busy in [i.value for i in at.info]
        assert not at.get("progress")
    finally:
        release.set()
