"""A classroom on one server: N learners use the app at once.

    .venv/bin/python bench/load_test.py                        # 30 sessions for 120 s, 2 of them real browsers
    .venv/bin/python bench/load_test.py --sessions 4 --duration 15 --browsers 0
    .venv/bin/python bench/load_test.py --replicas 2           # the same class, 2 replicas behind HAProxy

Starts the app with `streamlit run` on loopback and drives N concurrent sessions that do what
students do: open a page, move sliders and pick options on it (the explorer's model, layer and unit,
the training settings, ...), switch language, move to another page, and on /train start a small
training run (polled by the page's progress fragment as the browser polls it). Each learner waits a
random "thinking" time between interactions (`--think`, default 2-8 s).

Clients: most sessions are light websocket clients (tests/st_ws_client.py) that speak Streamlit's
own protocol; `--browsers` of them are real headless Chromium browsers (Playwright), each with its
own profile on disk as a learner's browser has, started (empty) before the class arrives, that
measure what a student sees: key press on a slider -> the page has finished updating; link opened ->
the page has finished rendering. The CPU the clients themselves used is reported, since they share
the machine with the server.

Sliders and number inputs move within a quarter of their range around their default (`--spread`;
1.0 samples the whole range, which includes e.g. /gradient-flow at T=1000, H=256).

An interaction's latency runs from sending the rerun to its `script_finished`. Errors: exception
elements in the deltas (or exception boxes in a browser), disconnects, timeouts, "page not found".
Server memory: VmRSS of the server process and its children, sampled every 0.5 s.

Prints a table, then one JSON object as the last line. Targets (2-core machine): 30 sessions for 2
minutes with 0 errors, p95 interaction latency under 1 s, server memory under 1.5 GB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.procstat import TreeMonitor, quiet_cpu  # noqa: E402
from tests.st_ws_client import Session, Widget, run_async  # noqa: E402
from ui import WARM_UP_DELAY_S  # noqa: E402
from ui.site import PAGES as SITE  # noqa: E402

PAGES = [page.url for page in SITE]
WEIGHTED_PAGES = ["explorer"] * 3 + ["train"] * 2 + PAGES  # where a class spends its time
TARGETS = {"errors": 0, "p95_s": 1.0, "peak_rss_mb": 1536}
ADJUSTABLE = {"slider", "selectbox", "radio", "number_input", "checkbox", "button_group"}
LANG_OPTIONS = {"en": "English", "zh": "简体中文"}
INTERACTION_TIMEOUT = 30.0


@dataclass
class Stats:
    latencies: dict = field(default_factory=lambda: defaultdict(list))  # action -> [seconds]
    errors: list = field(default_factory=list)  # (kind, session, action, detail)
    trainings: int = 0
    browser_page_loads: list = field(default_factory=list)  # seconds, browser full page loads
    browser_page_load_urls: list = field(default_factory=list)  # (seconds, path, seconds into the run), the same loads

    def record(self, who: str, action: str, result) -> bool:
        self.latencies[action].append(result.latency)
        if result.exceptions:
            self.errors.append(("exception", who, action, result.exceptions[0][:300]))
        elif result.timed_out:
            self.errors.append(("timeout", who, action, f"{result.latency:.1f} s"))
        elif result.disconnected:
            self.errors.append(("disconnect", who, action, ""))
        elif getattr(result, "page_not_found", False):
            self.errors.append(("page_not_found", who, action, ""))
        return result.ok

    @property
    def interactions(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def all_latencies(self) -> list[float]:
        return [x for v in self.latencies.values() for x in v]


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def rounded(x, digits=3):
    return None if x is None else round(x, digits)


# --- what a student does (websocket client) -------------------------------------------------------


SPREAD = 0.25  # sliders and numbers move within this fraction of their range around the default


def _near_default(low: float, high: float, default: float, rng: random.Random, spread: float) -> float:
    width = (high - low) * spread
    return rng.uniform(max(low, default - width), min(high, default + width))


def random_value(widget: Widget, rng: random.Random, spread: float | None = None):
    """A value a student could pick for `widget`. Sliders and number inputs land within `spread` of
    their range around the default (1.0: anywhere; a class explores, but rarely pins every slider
    to its maximum)."""
    spread = SPREAD if spread is None else spread
    p = widget.proto
    if widget.kind == "slider":
        if p.options or p.data_type > 1 or p.step <= 0:  # select_slider / dates: not used by the app's pages
            return None
        values = []
        for k in range(len(p.default) or 1):
            default = p.default[k] if p.default else p.min
            value = _near_default(p.min, p.max, default, rng, spread)
            values.append(min(p.max, p.min + round((value - p.min) / p.step) * p.step))
        return [float(int(v)) if p.data_type == 0 else round(v, 10) for v in sorted(values)]
    if widget.kind in ("selectbox", "radio"):
        return rng.choice(list(p.options)) if p.options else None
    if widget.kind == "button_group":
        return [rng.choice([o.content for o in p.options])] if p.options else None
    if widget.kind == "number_input":
        step = p.step or 1
        low = p.min if p.has_min else p.default - 50 * step
        high = min(p.max if p.has_max else p.default + 50 * step, max(p.default, low) + 100 * step)
        value = _near_default(low, high, min(max(p.default, low), high), rng, spread)
        return float(round(value)) if p.data_type == 0 else value
    if widget.kind == "checkbox":
        return rng.random() < 0.5
    return None


def random_change(session: Session, rng: random.Random):
    """(widget, widget-state changes) for one random widget on the page that takes a new value,
    or (None, None) when none does."""
    candidates = adjustable(session)
    rng.shuffle(candidates)
    for widget in candidates:
        value = random_value(widget, rng)
        if value is not None:
            return widget, session.value(widget, value)
    return None, None


def adjustable(session: Session) -> list[Widget]:
    return [
        w
        for w in session.widgets.values()
        if w.kind in ADJUSTABLE and not getattr(w.proto, "disabled", False) and not w.key.startswith("_lang_radio")
    ]


async def student(index: int, base: str, deadline: float, rng: random.Random, stats: Stats, think: tuple, log):
    who = f"ws{index}"
    lang = rng.choice(["en", "zh"])
    page = rng.choice(WEIGHTED_PAGES)
    session = Session(base, page, {"lang": lang})
    try:
        await session.connect()
    except Exception as exc:  # could not even connect: a disconnect from the student's point of view
        stats.errors.append(("disconnect", who, "connect", repr(exc)[:200]))
        return
    trained = False
    try:
        result = await session.run(timeout=INTERACTION_TIMEOUT)
        stats.record(who, f"open /{page}", result)
        while time.monotonic() < deadline:
            await asyncio.sleep(rng.uniform(*think))
            if time.monotonic() >= deadline:
                break
            roll = rng.random()
            action, changes, new_page = "move a widget", None, None
            start = session.find("train_start", "button")
            if start is not None and not start.proto.disabled and not trained and roll < 0.5:
                action, changes, trained = "/train: start training", session.value(start, True), True
                stats.trainings += 1
            elif roll < 0.15:
                new_page = rng.choice(PAGES)
            elif roll < 0.25 and (radio := session.find("_lang_radio", "radio")) is not None:
                lang = "zh" if lang == "en" else "en"
                action, changes = "switch language", session.value(radio, LANG_OPTIONS[lang])
            else:
                widget, changes = random_change(session, rng)
                if widget is not None:
                    action = f"/{page}: move a {widget.kind}"
                else:
                    new_page = rng.choice(PAGES)
            if new_page is not None:
                page, action = new_page, f"open /{new_page}"
                result = await session.run(page=new_page, timeout=INTERACTION_TIMEOUT)
            else:
                result = await session.run(changes, timeout=INTERACTION_TIMEOUT)
            if not stats.record(who, action, result):
                log(f"{who} on /{page}: {action} -> {stats.errors[-1] if stats.errors else result}")
            if result.disconnected:
                return
    finally:
        await session.close()
        # raised inside a polling fragment (e.g. training progress) between two interactions
        stats.errors.extend(("exception", who, "fragment", e[:300]) for e in session.idle_exceptions)


async def classroom(base: str, n: int, duration: float, think: tuple, seed: int, ramp: float, log) -> Stats:
    stats = Stats()
    deadline = time.monotonic() + duration
    rng = random.Random(seed)

    async def delayed(k):
        await asyncio.sleep(ramp * k / max(1, n))  # a class does not click at the very same millisecond
        await student(k, base, deadline, random.Random(rng.random()), stats, think, log)

    await asyncio.gather(*(delayed(k) for k in range(n)))
    return stats


# --- what a student sees (real browser) -----------------------------------------------------------

WATCH_RERUN = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__labDone = null; window.__labSawRun = false;
  const t0 = performance.now();
  window.__labT0 = t0; window.__labHref = location.href;
  const obs = new MutationObserver(() => {
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running') window.__labSawRun = true;
    else if (window.__labSawRun && state === 'notRunning') { window.__labDone = performance.now() - t0; obs.disconnect(); }
  });
  obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""

# A rerun of a few tens of ms can finish without React ever rendering the "running" state (seen in a
# single unloaded browser: the URL already held the new value). A bound setting writes itself to the
# URL during its rerun, so "URL changed and the script is not running" also means the view is updated.
RERUN_DONE = """() => {
  if (window.__labDone !== null) return true;
  const state = document.querySelector("[data-testid='stApp']").getAttribute('data-test-script-state');
  if (location.href !== window.__labHref && state === 'notRunning') {
    window.__labDone = performance.now() - window.__labT0;
    return true;
  }
  return false;
}"""


SLIDER_VALUE = "e => e.value ?? e.getAttribute('aria-valuenow')"


def browsers(base: str, n: int, duration: float, think: tuple, seed: int, stats: Stats, log, launched, go):
    """`n` Chromium contexts in one thread, taking turns: open pages, move sliders by keyboard. They are
    launched, with empty profiles, before the class arrives (`launched` is set, then `go` awaited): a
    learner's browser is already running when they click the link, and their first open is a new
    visitor's; starting Chromium itself is no page open."""
    from playwright.sync_api import sync_playwright

    from bench.page_open import LONG_TASKS, VIEWPORT, finished_after
    from tests.streamlit_server import launch_profile, problems

    rng = random.Random(seed)
    with sync_playwright() as pw, contextlib.ExitStack() as stack:
        contexts, pages = [], []
        try:
            for _ in range(n):  # each a learner's own browser, with a profile on disk (as bench/page_open.py's "cached")
                profile = stack.enter_context(tempfile.TemporaryDirectory())
                context = launch_profile(pw, profile, VIEWPORT)
                contexts.append(context)
                pages.append(context.new_page())
                pages[-1].add_init_script(LONG_TASKS)  # what finished_after reads
            launched.set()
            go.wait()
            began = time.monotonic()
            deadline = began + duration
            next_at = [began + rng.uniform(0, 2) for _ in range(n)]
            opened = [False] * n
            while time.monotonic() < deadline:
                k = min(range(n), key=next_at.__getitem__)
                time.sleep(max(0.0, next_at[k] - time.monotonic()))
                page, who = pages[k], f"browser{k}"
                sliders = page.locator("[data-testid='stSlider'] input[type='range']") if opened[k] else None
                try:
                    if opened[k] and rng.random() < 0.75 and sliders.count():
                        thumb = sliders.nth(rng.randrange(sliders.count()))
                        thumb.scroll_into_view_if_needed(timeout=5000)
                        thumb.focus()
                        page.evaluate(WATCH_RERUN)
                        key = rng.choice(["ArrowRight", "ArrowLeft"])
                        before = thumb.evaluate(SLIDER_VALUE)
                        thumb.press(key)
                        page.wait_for_timeout(50)
                        if thumb.evaluate(SLIDER_VALUE) == before:  # at the end of its range: no change, no rerun
                            page.evaluate(WATCH_RERUN)
                            thumb.press("ArrowLeft" if key == "ArrowRight" else "ArrowRight")
                        page.wait_for_function(RERUN_DONE, timeout=INTERACTION_TIMEOUT * 1000)
                        stats.latencies["browser: move a slider"].append(page.evaluate("window.__labDone") / 1000)
                    else:
                        url = f"{base}/{rng.choice(WEIGHTED_PAGES)}?lang={rng.choice(['en', 'zh'])}"
                        start = time.perf_counter()
                        page.goto(url, wait_until="commit")
                        # to the first moment the page was finished (scripts, charts drawn), as bench/page_open.py
                        stats.browser_page_loads.append(finished_after(page, start, INTERACTION_TIMEOUT))
                        into_run = round(time.monotonic() - began, 1)  # the first opens meet a cold server
                        stats.browser_page_load_urls.append((round(stats.browser_page_loads[-1], 3), url[len(base) :], into_run))
                        opened[k] = True
                    found = problems(page)
                    if found:
                        stats.errors.append(("exception", who, "browser", found[0][:300]))
                        log(f"{who}: {found[0][:200]}")
                except Exception as exc:  # playwright timeout: the view never finished updating
                    stats.errors.append(("timeout", who, "browser", repr(exc)[:200]))
                    log(f"{who}: {exc!r}"[:300])
                next_at[k] = time.monotonic() + rng.uniform(*think)
        finally:
            launched.set()  # a browser that failed to start must not keep the class waiting
            for context in contexts:
                context.close()


# --- the run --------------------------------------------------------------------------------------


@contextlib.contextmanager
def server_warmed_up(*pids: int):
    """Around a first visit to the pages of servers that have just started: on leaving, waits until
    each server's own warm-up thread (ui.warm_up: torch, the chart pages' imports, the token counts,
    gc.freeze) has finished. It starts WARM_UP_DELAY_S after the first page run and takes seconds of
    CPU and ~70 MB, which would otherwise land on the first measured interactions."""
    warm_from = time.monotonic() + WARM_UP_DELAY_S + 0.5
    yield
    time.sleep(max(0.0, warm_from - time.monotonic()))
    for pid in pids:
        quiet_cpu(pid, settle=1.0, limit=60)


def warm_up(base: str, log):
    """One visit to every page before the class arrives: imports and caches, as on a live server."""

    async def visit():
        async with Session(base, "") as session:
            for page in PAGES:
                result = await session.run(page=page, timeout=120)
                if not result.ok:
                    log(f"warm-up /{page}: {result}")

    run_async(visit())


def run_load(
    base: str, server_pid: int, sessions: int, duration: float, n_browsers: int, think=(2.0, 8.0), seed=0, warm=True, log=print
):
    """Drive the classroom against a running server; returns the figures as a dict."""
    n_browsers = min(n_browsers, sessions)
    if warm:
        with server_warmed_up(server_pid):
            warm_up(base, log)
    stats = Stats()
    thread, launched, go = None, threading.Event(), threading.Event()
    if n_browsers:
        args = (base, n_browsers, duration, think, seed, stats, log, launched, go)
        thread = threading.Thread(target=browsers, args=args, daemon=True)
        thread.start()
        launched.wait(timeout=120)
    time.sleep(1.0)
    with TreeMonitor(server_pid) as server, TreeMonitor(os.getpid(), exclude=server_pid) as clients:
        baseline_rss = server.last_rss
        cpu_start, wall_start = time.process_time(), time.monotonic()
        go.set()
        ws_stats = run_async(classroom(base, sessions - n_browsers, duration, think, seed, ramp=5.0, log=log))
        if thread is not None:
            thread.join(timeout=INTERACTION_TIMEOUT + 60)
        for action, values in ws_stats.latencies.items():
            stats.latencies[action].extend(values)
        stats.errors.extend(ws_stats.errors)
        stats.trainings = ws_stats.trainings
        own_cpu = time.process_time() - cpu_start
        wall = time.monotonic() - wall_start
    latencies = stats.all_latencies()
    figures = {
        "bench": "load_test",
        "sessions": sessions,
        "ws_sessions": sessions - n_browsers,
        "browser_sessions": n_browsers,
        "duration_s": duration,
        "think_s": list(think),
        "interactions": stats.interactions,
        "trainings_started": stats.trainings,
        "errors": len(stats.errors),
        "errors_by_kind": {kind: sum(1 for e in stats.errors if e[0] == kind) for kind in sorted({e[0] for e in stats.errors})},
        "p50_s": rounded(percentile(latencies, 50)),
        "p95_s": rounded(percentile(latencies, 95)),
        "max_s": rounded(max(latencies, default=None)),
        "browser_p50_s": rounded(percentile(stats.latencies.get("browser: move a slider", []), 50)),
        "browser_p95_s": rounded(percentile(stats.latencies.get("browser: move a slider", []), 95)),
        "browser_page_load_p50_s": rounded(percentile(stats.browser_page_loads, 50)),
        "browser_page_load_p95_s": rounded(percentile(stats.browser_page_loads, 95)),
        "browser_page_loads": len(stats.browser_page_loads),
        "browser_page_load_slowest": sorted(stats.browser_page_load_urls, reverse=True)[:3],  # the p95's neighbours
        "browser_page_load_all": stats.browser_page_load_urls,
        "server_baseline_rss_mb": round(baseline_rss / 2**20, 1),
        "server_peak_rss_mb": round(server.peak_rss / 2**20, 1),
        "rss_per_session_mb": round((server.peak_rss - baseline_rss) / 2**20 / max(1, sessions), 2),
        "server_cpu_s": round(server.cpu_since_start(), 1),
        "clients_cpu_s": round(clients.cpu_since_start(), 1),
        "load_test_process_cpu_s": round(own_cpu, 1),
        "wall_s": round(wall, 1),
        "per_action": {
            action: {"n": len(v), "p50_s": rounded(percentile(v, 50)), "p95_s": rounded(percentile(v, 95))}
            for action, v in sorted(stats.latencies.items())
        },
        "first_errors": [list(e) for e in stats.errors[:5]],
    }
    figures["ok"] = (
        figures["errors"] == TARGETS["errors"]
        and figures["p95_s"] is not None
        and figures["p95_s"] < TARGETS["p95_s"]
        and figures["server_peak_rss_mb"] < TARGETS["peak_rss_mb"]
    )
    return figures


def print_table(f: dict):
    print(f"{'action':<34} {'n':>6} {'p50 s':>8} {'p95 s':>8}")
    for action, row in f["per_action"].items():
        print(f"{action:<34} {row['n']:>6} {row['p50_s']!s:>8} {row['p95_s']!s:>8}")
    print()
    rows = [
        ("sessions (ws + browser)", f"{f['sessions']} ({f['ws_sessions']} + {f['browser_sessions']})", ""),
        ("duration", f"{f['duration_s']:.0f} s", "120 s"),
        ("interactions", f["interactions"], ""),
        ("errors", f"{f['errors']} {f['errors_by_kind'] or ''}", "0"),
        ("p50 / p95 latency", f"{f['p50_s']} / {f['p95_s']} s", "p95 < 1 s"),
        ("browser slider p50 / p95", f"{f['browser_p50_s']} / {f['browser_p95_s']} s", "p95 < 1 s"),
        ("browser page open p50 / p95", f"{f['browser_page_load_p50_s']} / {f['browser_page_load_p95_s']} s", "p95 < 2 s"),
        ("server RSS baseline / peak", f"{f['server_baseline_rss_mb']} / {f['server_peak_rss_mb']} MB", "< 1536 MB"),
        ("RSS per session", f"{f['rss_per_session_mb']} MB", ""),
        ("CPU: server / clients (this process)", f"{f['server_cpu_s']} / {f['clients_cpu_s']} s", ""),
        ("CPU: this process alone", f"{f['load_test_process_cpu_s']} s", ""),
    ]
    for name, value, target in rows:
        print(f"{name:<38} {value!s:<34} {target}")
    for error in f["first_errors"]:
        print("error:", error)


def main():
    global SPREAD
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of load")
    parser.add_argument("--browsers", type=int, default=2, help="how many of the sessions are real Chromium contexts")
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 8.0), help="min and max seconds between interactions")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--spread", type=float, default=SPREAD, help="slider moves: fraction of the range around the default")
    parser.add_argument("--replicas", type=int, default=0, help="N > 0: N replicas behind HAProxy (bash .ci/lab classroom)")
    args = parser.parse_args()
    SPREAD = args.spread
    from tests.streamlit_server import Classroom, app_server

    load = (args.sessions, args.duration, args.browsers, tuple(args.think), args.seed)
    if args.replicas:
        room = Classroom(args.replicas)
        try:
            with server_warmed_up(*(pid for pid, _ in room.replicas.values())):  # every replica warm, as on a live server
                for _, port in room.replicas.values():
                    warm_up(f"http://127.0.0.1:{port}", print)
            # the command's process tree holds every replica and HAProxy: its CPU and memory are the server's
            figures = run_load(room.url, room.process.pid, *load, warm=False)
        finally:
            room.close()
        figures["replicas"] = args.replicas
    else:
        with app_server() as server:
            figures = run_load(server.base_url, server.pid, *load)
    print_table(figures)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
