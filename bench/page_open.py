"""How long a page takes to open in a real browser, against a trivial one-line Streamlit page.

    .venv/bin/python bench/page_open.py                 # every page, 5 opens each way
    .venv/bin/python bench/page_open.py --rounds 3 --pages explorer metrics

Starts the app and, beside it, a trivial app (`st.title(...)`, one line) on a second server, then in
headless Chromium measures, for every page, the time from navigation to "finished rendering": the
script has stopped, the page's title is drawn, no skeleton is left, every chart on the first screen
(1400 x 1000) has been drawn, and the browser has done its work: the time is that of the later of the
moment that state was first reached and the end of the last long task (over 50 ms, the browser's own
measure) after it, and it counts once the state has then held, with no long task, for 0.5 s. Charts
below the first screen are drawn as they come near it (ui/chart.js); were they drawn at once, that
work would end in long tasks and count. Four ways:

- first page after a cold server start, for every page (a teacher's link can land on any of them):
  for each, both servers are started afresh and opened by a new visitor, trivial app first;
- cached: a returning learner, whose browser keeps a profile on disk with the HTTP cache and V8's
  code cache (scripts compiled on earlier visits), as Chrome, Edge and Firefox do;
- private window: the HTTP cache only (a Playwright context), so every open compiles the scripts
  again; plotly.js alone takes about 0.3 s to compile and run here. Reported, not a target;
- a new visitor (a fresh browser context each time: no cache).

This machine's speed moves 2-3x from hour to hour, so the figures that count are the differences to
the trivial page measured in the same run, interleaved. A difference still grows in a slow hour
(/gradient-flow cached: +0.90 s at 19:02 UTC on 2026-12-04, +1.08 s at 21:45), so the ratios to
the trivial page are printed too (3.1x and 3.0x in the same runs): they compare runs of different
hours. Targets (classroom-scale issue): cached within 0.5 s of the trivial page, new visitor within
1 s, first page after a server start within 3 s of the trivial app's first page.

Prints a table, then one JSON object as the last line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.load_test import PAGES  # noqa: E402
from tests.streamlit_server import CHARTS_ON_SCREEN, app_server, launch_browser, launch_profile  # noqa: E402

TARGETS = {"cached_s": 0.5, "cold_s": 1.0, "first_s": 3.0}  # over the trivial page
TRIVIAL_APP = 'import streamlit as st\nst.title("LSTM Lab")\n'
SETTLED = 0.5  # seconds the finished state must hold
VIEWPORT = {"width": 1400, "height": 1000}

# the ends of the page's long tasks (ms since navigation), recorded from its first script on
LONG_TASKS = """window.__labLongTasks = [];
new PerformanceObserver((list) => window.__labLongTasks.push(...list.getEntries().map((e) => e.startTime + e.duration)))
  .observe({ type: "longtask", buffered: true });"""

# false, or the page's clock now and the end of its last long task (0: none)
FINISHED = (
    """() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.dataset.testConnectionState !== "CONNECTED" || app.dataset.testScriptState !== "notRunning") return false;
  if (!document.querySelector("h1") || !("""
    + CHARTS_ON_SCREEN
    + """)()) return false;
  return { now: performance.now(), busy: Math.max(0, ...(window.__labLongTasks || [])) };
}"""
)


def open_time(context, url: str, timeout: float = 90.0) -> float:
    """Seconds from navigation to the first moment of a finished page that then held for SETTLED."""
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        return finished_after(page, start, timeout)
    finally:
        page.close()


def finished_after(page, start: float, timeout: float = 90.0) -> float:
    """Seconds from `start` (perf_counter) to the moment the page was finished (FINISHED, with no long
    task after it) and stayed so. The page needs LONG_TASKS as an init script."""
    reached = None
    while time.perf_counter() - start < timeout:
        finished = page.evaluate(FINISHED)
        # the clock is read after the check: a check waits while the page's main thread is busy
        # (plotly drawing a chart), and it sees the page as it is when that ends
        now = time.perf_counter()
        if finished:
            reached = reached or now
            busy_until = now - (finished["now"] - finished["busy"]) / 1000  # the last long task's end, on this clock
            done = max(reached, busy_until)
            if now - done >= SETTLED:
                return done - start
        else:
            reached = None
        page.wait_for_timeout(25)
    raise TimeoutError(f"{page.url} did not finish rendering in {timeout} s")


def first_pages(browser, pages, query: str, trivial_script) -> dict:
    """{page: (app s, trivial s)}: each page as the first one a freshly started server draws (its
    imports and caches), against the trivial app's first page on a server started beside it."""
    out = {}
    for page in pages:
        with app_server() as app, app_server(script=trivial_script) as trivial:
            trivial_s = open_time(browser.new_context(viewport=VIEWPORT), trivial.base_url + "/")
            out[page] = (open_time(browser.new_context(viewport=VIEWPORT), f"{app.base_url}/{page}{query}"), trivial_s)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5, help="opens per page, cached and cold each")
    p.add_argument("--pages", nargs="*", default=PAGES, help="as in the URL, with or without its slash")
    p.add_argument("--lang", default="en")
    a = p.parse_args()
    a.pages = [page.strip("/") for page in a.pages]  # "/metrics" opened "//metrics", which never finished
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as profile:
        trivial_script = Path(folder) / "trivial.py"
        trivial_script.write_text(TRIVIAL_APP)
        with sync_playwright() as pw:
            browser = launch_browser(pw)
            query = f"?lang={a.lang}"
            first = first_pages(browser, a.pages, query, trivial_script)
        with app_server() as app, app_server(script=trivial_script) as trivial, sync_playwright() as pw:
            browser = launch_browser(pw)
            # a returning learner's browser: a profile on disk, as Chrome keeps one, with the HTTP cache
            # and V8's code cache (compiled scripts). A private window (Playwright's new_context) keeps
            # the HTTP cache but no code cache: every open compiles plotly.js again (about 0.3 s here).
            cached_context = launch_profile(pw, profile, VIEWPORT)
            private_context = browser.new_context(viewport=VIEWPORT)
            for _ in range(2):  # fill the caches: assets, code cache (a script's third load), each page's first run
                for context in (cached_context, private_context):
                    open_time(context, trivial.base_url + "/")
                    for page in a.pages:
                        open_time(context, f"{app.base_url}/{page}{query}")
            times = {name: {"cached": [], "private": [], "cold": []} for name in ["trivial", *a.pages]}
            for _ in range(a.rounds):  # interleaved, so that a slow minute hits every page alike
                for name in times:
                    url = trivial.base_url + "/" if name == "trivial" else f"{app.base_url}/{name}{query}"
                    times[name]["cached"].append(open_time(cached_context, url))
                    times[name]["private"].append(open_time(private_context, url))
                    cold = browser.new_context(viewport=VIEWPORT)
                    times[name]["cold"].append(open_time(cold, url))
                    cold.close()
            cached_context.close()
            browser.close()
    median = {name: {way: statistics.median(v) for way, v in ways.items()} for name, ways in times.items()}
    base = median["trivial"]
    rows = {
        name: {
            "cached_s": m["cached"],
            "private_s": m["private"],
            "cold_s": m["cold"],
            "cached_over_s": m["cached"] - base["cached"],
            "private_over_s": m["private"] - base["private"],
            "cold_over_s": m["cold"] - base["cold"],
            "cached_ratio": m["cached"] / base["cached"],
            "cold_ratio": m["cold"] / base["cold"],
        }
        for name, m in median.items()
    }
    print(
        f"{'page':16s} {'cached s':>9s} {'over':>6s} {'ratio':>6s} {'private s':>10s} {'over':>6s}"
        f" {'cold s':>8s} {'over':>6s} {'ratio':>6s}"
    )
    for name, r in rows.items():
        shown = "/" + name if name != "trivial" else "trivial page"
        print(
            f"{shown:16s} {r['cached_s']:9.2f} {r['cached_over_s']:+6.2f} {r['cached_ratio']:5.2f}x {r['private_s']:10.2f}"
            f" {r['private_over_s']:+6.2f} {r['cold_s']:8.2f} {r['cold_over_s']:+6.2f} {r['cold_ratio']:5.2f}x"
        )
    first = {name: {"app_s": app, "trivial_s": trivial, "over_s": app - trivial} for name, (app, trivial) in first.items()}
    print("first page after a server start (over the trivial app's first page): " + ", ".join(
        f"/{name} {f['app_s']:.2f} s ({f['over_s']:+.2f})" for name, f in first.items()
    ))  # fmt: skip
    first_over = max(f["over_s"] for f in first.values())
    pages = [r for name, r in rows.items() if name != "trivial"]
    worst = {way: max(r[f"{way}_over_s"] for r in pages) for way in ("cached", "private", "cold")}
    met = worst["cached"] <= TARGETS["cached_s"] and worst["cold"] <= TARGETS["cold_s"] and first_over <= TARGETS["first_s"]
    print(
        f"worst page over the trivial one: cached {worst['cached']:+.2f} s (target {TARGETS['cached_s']}; in a private "
        f"window {worst['private']:+.2f} s), new visitor {worst['cold']:+.2f} s (target {TARGETS['cold_s']}); "
        f"first page after a server start {first_over:+.2f} s (target {TARGETS['first_s']})"
    )
    summary = {
        "rounds": a.rounds,
        "pages": {k: {m: round(x, 3) for m, x in r.items()} for k, r in rows.items()},
        "first": {k: {m: round(x, 3) for m, x in f.items()} for k, f in first.items()},
        "worst_cached_over_s": round(worst["cached"], 3),
        "worst_private_over_s": round(worst["private"], 3),
        "worst_cold_over_s": round(worst["cold"], 3),
        "first_over_s": round(first_over, 3),
        "met": met,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
