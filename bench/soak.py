"""Long use: one learner performs many interactions in a row on one server.

    .venv/bin/python bench/soak.py                         # 1,000 interactions (about 10 minutes)
    .venv/bin/python bench/soak.py --interactions 100

The learner (a websocket client, tests/st_ws_client.py) cycles through the pages and on each one
moves sliders, picks options, switches language; the values are random (sliders within a quarter of
their range around the default, as in bench/load_test.py), so the server's bounded caches fill up
as they would over a lesson. Training is left out of the loop (a run's CPU would
blur the latency comparison) and checked separately at the end.

Measured:
- server memory (VmRSS of the server and its children): after warm-up (one visit to every page,
  and the server's own warm-up thread finished), peak, and at the end; target: growth < 100 MB;
- slowdown: p50 latency of the first and the last 100 interactions; target: the last no more than
  25% (and 50 ms) slower than the first;
- release on close: a second session starts a long training run on /train and closes its websocket
  as a closed tab does; after the reconnect grace (LSTM_LAB_RELEASE_GRACE_S, set to 3 s for this
  run) the server's CPU use must fall back to idle and its thread count to what it was before.
  (A closed session's state itself stays in memory for Streamlit's disconnectedSessionTTL, 120 s,
  in case the browser reconnects; RSS after close is reported, not judged.)

Prints a table, then one JSON object as the last line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_test import LANG_OPTIONS, PAGES, random_change, server_warmed_up, warm_up  # noqa: E402
from bench.procstat import TreeMonitor, cpu_seconds, tree_rss  # noqa: E402
from tests.st_ws_client import Session, run_async  # noqa: E402

TARGETS = {"growth_mb": 100, "slowdown_ratio": 1.25, "slowdown_slack_s": 0.05}
RELEASE_GRACE_S = 3.0


def threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


def cpu_rate(pid: int, seconds: float) -> float:
    """Cores the process used over the next `seconds`."""
    start = cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - start) / seconds


async def _one_learner(base: str, interactions: int, seed: int, per_page: int, log) -> dict:
    rng = random.Random(seed)
    latencies, errors, lang = [], [], "en"
    pages = list(PAGES)
    async with Session(base, "", {"lang": lang}) as session:
        page_index = 0
        result = await session.run(page=pages[0], timeout=60)
        while len(latencies) < interactions:
            if len(latencies) % per_page == 0 and latencies:
                page_index = (page_index + 1) % len(pages)
                result = await session.run(page=pages[page_index], timeout=60)
            elif rng.random() < 0.1 and (radio := session.find("_lang_radio", "radio")) is not None:
                lang = "zh" if lang == "en" else "en"
                result = await session.set(radio, LANG_OPTIONS[lang], timeout=60)
            else:
                _, changes = random_change(session, rng)
                result = await session.run(changes, timeout=60)
            latencies.append(result.latency)
            if not result.ok:
                errors.append([pages[page_index], result.exceptions[:1], result.timed_out, result.disconnected])
                log(f"interaction {len(latencies)} on /{pages[page_index]}: {errors[-1]}")
                if result.disconnected:
                    break
    return {"latencies": latencies, "errors": errors}


async def _train_then_close(base: str, log) -> bool:
    """Start a long training run on /train, then close the tab. True if the run was started."""
    session = Session(base, "train", {"lang": "en"})
    await session.connect()
    await session.run(timeout=60)
    for key, value in (("train:epochs", 30), ("train:hidden", 128), ("train:early", False)):
        widget = session.find(key)
        if widget is not None:
            await session.set(widget, value, timeout=60)
    start = session.find("train_start", "button")
    result = await session.click(start, timeout=60) if start is not None else None
    await asyncio.sleep(2.0)  # training is under way (the page's progress fragment polls it)
    started = result is not None and result.ok and session.fragment_runs > 0
    if not started:
        log(f"could not start a training run: {result}")
    await session.close()
    return started


def release_check(base: str, pid: int, grace: float, log=print) -> dict:
    idle = cpu_rate(pid, 1.0)
    idle_threads = threads(pid)
    started = run_async(_train_then_close(base, log))
    busy = cpu_rate(pid, 1.0)
    time.sleep(grace + 1.0)
    after = cpu_rate(pid, 2.0)
    after_threads = threads(pid)
    return {
        "training_started": started,
        "cpu_cores_idle_before": round(idle, 3),
        "cpu_cores_right_after_close": round(busy, 2),
        "cpu_cores_after_grace": round(after, 3),
        "threads_before": idle_threads,
        "threads_after": after_threads,
        "released": started and after < max(0.1, 2 * idle) and after_threads <= idle_threads,
    }


def run_soak(base: str, pid: int, interactions: int, seed: int = 0, per_page: int = 12, grace=RELEASE_GRACE_S, log=print):
    with server_warmed_up(pid):  # growth is what use adds, not the server's start-up imports
        warm_up(base, log)
    # compare like with like: the first and the last full round of the pages
    window = min(interactions, len(PAGES) * per_page)
    with TreeMonitor(pid) as server:
        baseline = server.last_rss
        started = time.monotonic()
        learner = run_async(_one_learner(base, interactions, seed, per_page, log))
        wall = time.monotonic() - started
        end_rss = tree_rss(pid)
    time.sleep(2.0)
    closed_rss = tree_rss(pid)
    release = release_check(base, pid, grace, log)
    lat = learner["latencies"]
    last_round = (len(lat) // window) * window
    first = statistics.median(lat[:window]) if lat else None
    last = statistics.median(lat[last_round - window : last_round]) if lat else None
    growth = (end_rss - baseline) / 2**20
    figures = {
        "bench": "soak",
        "interactions": len(lat),
        "errors": len(learner["errors"]),
        "window": window,
        "first_p50_s": round(first, 3) if first is not None else None,
        "last_p50_s": round(last, 3) if last is not None else None,
        "slowdown_ratio": round(last / first, 2) if first else None,
        "baseline_rss_mb": round(baseline / 2**20, 1),
        "peak_rss_mb": round(server.peak_rss / 2**20, 1),
        "end_rss_mb": round(end_rss / 2**20, 1),
        "growth_mb": round(growth, 1),
        "rss_after_close_mb": round(closed_rss / 2**20, 1),
        "wall_s": round(wall, 1),
        "release": release,
        "first_errors": learner["errors"][:3],
    }
    figures["no_slowdown"] = bool(first is not None and last <= first * TARGETS["slowdown_ratio"] + TARGETS["slowdown_slack_s"])
    figures["ok"] = figures["errors"] == 0 and growth < TARGETS["growth_mb"] and figures["no_slowdown"] and release["released"]
    return figures


def print_table(f: dict):
    r = f["release"]
    rows = [
        ("interactions (errors)", f"{f['interactions']} ({f['errors']})", "0 errors"),
        (
            f"p50 first / last round ({f['window']})",
            f"{f['first_p50_s']} / {f['last_p50_s']} s (x{f['slowdown_ratio']})",
            "≤ x1.25 + 50 ms",
        ),
        ("server RSS baseline / peak / end", f"{f['baseline_rss_mb']} / {f['peak_rss_mb']} / {f['end_rss_mb']} MB", ""),
        ("memory growth", f"{f['growth_mb']} MB", "< 100 MB"),
        ("RSS 2 s after the session closed", f"{f['rss_after_close_mb']} MB", "(kept 120 s for reconnects)"),
        (
            "server cores: idle / training / after close",
            f"{r['cpu_cores_idle_before']} / {r['cpu_cores_right_after_close']} / {r['cpu_cores_after_grace']}",
            "idle",
        ),
        ("server threads before / after", f"{r['threads_before']} / {r['threads_after']}", "no leftover"),
        ("released", r["released"], "True"),
        ("wall time", f"{f['wall_s']} s", ""),
    ]
    for name, value, target in rows:
        print(f"{name:<36} {value!s:<40} {target}")


def main():
    import os

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interactions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    os.environ["LSTM_LAB_RELEASE_GRACE_S"] = str(RELEASE_GRACE_S)  # read by the server we start
    from tests.streamlit_server import app_server

    with app_server() as server:
        figures = run_soak(server.base_url, server.pid, args.interactions, args.seed)
    print_table(figures)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
