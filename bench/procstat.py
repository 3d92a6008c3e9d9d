"""Memory and CPU of a process tree, read from /proc (no psutil): the server's RSS for the load and
soak benchmarks, and the CPU the benchmark's own clients (this process, Chromium) spend."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: split after its closing ')'
    return text[text.rindex(")") + 2 :].split()


def children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields:
                kids.setdefault(int(fields[1]), []).append(int(entry))
    return kids


def tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    kids, out, todo = children_map(), [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(kids.get(current, []))
    return out


def rss_bytes(pid: int) -> int:
    """VmRSS of one process, in bytes (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> int:
    return sum(rss_bytes(p) for p in tree(pid))


def cpu_seconds(pid: int) -> float:
    """utime + stime of one live process (its own threads included), in seconds."""
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS if fields else 0.0


def quiet_cpu(pid: int, settle: float = 0.15, limit: float = 5.0) -> float:
    """The server's CPU seconds once it has stopped using CPU (e.g. sending a finished run)."""
    last, start = cpu_seconds(pid), time.monotonic()
    while True:
        time.sleep(settle)
        now = cpu_seconds(pid)
        if now == last or time.monotonic() - start > limit:
            return now
        last = now


def thread_names(pid: int) -> list[str]:
    names = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            names.append((task / "comm").read_text().strip())
    return names


class TreeMonitor:
    """Samples a process tree every `interval` s in a thread: peak and last RSS, and the CPU seconds
    of every process seen (kept after it exits, so short-lived children still count)."""

    def __init__(self, pid: int, interval: float = 0.5, exclude: int | None = None):
        self.pid, self.interval, self.exclude = pid, interval, exclude
        self.peak_rss = self.last_rss = 0
        self.samples: list[tuple[float, int]] = []  # (monotonic time, RSS bytes)
        self._cpu: dict[int, float] = {}
        self._cpu_start: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="tree-monitor")

    def _pids(self) -> list[int]:
        pids = tree(self.pid)
        if self.exclude is not None:
            excluded = set(tree(self.exclude))
            pids = [p for p in pids if p not in excluded]
        return pids

    def sample(self):
        pids = self._pids()
        rss = sum(rss_bytes(p) for p in pids)
        for p in pids:
            seconds = cpu_seconds(p)
            self._cpu_start.setdefault(p, seconds)
            self._cpu[p] = max(self._cpu.get(p, 0.0), seconds)
        self.last_rss = rss
        self.peak_rss = max(self.peak_rss, rss)
        self.samples.append((time.monotonic(), rss))

    def cpu_since_start(self) -> float:
        """CPU seconds the tree spent since monitoring began."""
        return sum(self._cpu[p] - self._cpu_start[p] for p in self._cpu)

    def _loop(self):
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self):
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.sample()
