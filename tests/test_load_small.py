"""The classroom load test at CI size (bench/load_test.py is the full run: 30 sessions, 2 minutes):
4 websocket learners for 15 s against the shared test server, with 0 errors."""

import os
from pathlib import Path

import pytest


def server_pid(url: str) -> int:
    """The pid of the process listening on `url`'s port (from /proc/net/tcp, no psutil)."""
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # 0A: LISTEN
                inodes.add(fields[9])
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    return int(proc.name)
        except OSError:
            continue
    raise AssertionError(f"no process listens on port {port}")


@pytest.mark.browser
@pytest.mark.alone
@pytest.mark.trains
def test_four_learners_for_fifteen_seconds(app_url):
    from bench.load_test import run_load

    figures = run_load(
        app_url, server_pid(app_url), sessions=4, duration=15, n_browsers=0, think=(0.5, 2.0), warm=False, log=print
    )
    assert figures["errors"] == 0, figures["first_errors"]
    assert figures["interactions"] >= 12, figures  # every learner kept working
    assert figures["server_peak_rss_mb"] < 1536, figures
