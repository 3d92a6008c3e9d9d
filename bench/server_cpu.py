"""Server CPU per interaction: what one learner's click costs the server, page by page.

    .venv/bin/python bench/server_cpu.py                 # 12 interactions per page, 2 rounds
    .venv/bin/python bench/server_cpu.py --per-page 30

Starts the app with `streamlit run`, then one learner at a time (a websocket client speaking
Streamlit's protocol, tests/st_ws_client.py) opens each page and moves random widgets on it, as the
classroom load test does. Before and after every interaction the server process's CPU time
(utime + stime from /proc) is read, after the server has gone quiet: the difference is that
interaction's whole cost on the server (script run, figure building, serialisation, the websocket),
and, unlike a latency, it hardly depends on how busy the machine is. Trainings are left out: they
run in their own slots, not in page runs.

Prints a table (mean and p95 per page and action), then one JSON object as the last line.
Target (classroom-scale issue): mean <= 60 ms, no action above 250 ms at p95.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_test import PAGES, percentile, random_change, server_warmed_up  # noqa: E402
from bench.procstat import quiet_cpu  # noqa: E402
from tests.st_ws_client import Session, run_async  # noqa: E402
from tests.streamlit_server import app_server  # noqa: E402

TARGETS = {"mean_ms": 60, "p95_ms": 250}
SKIP_KEYS = ("train_start", "gf_start", "forecast_train", "_lang_radio")  # trainings run in their own slots


async def learner(base: str, pid: int, per_page: int, rng: random.Random, costs: dict, log, pages=PAGES):
    for page in pages:
        lang = rng.choice(["en", "zh"])
        before = quiet_cpu(pid)
        async with Session(base, page, {"lang": lang}, poll_fragments=False) as session:
            result = await session.run(timeout=120)
            costs[f"/{page}: open"].append(quiet_cpu(pid) - before)
            if not result.ok:
                log(f"/{page} open: {result}")
            done = 0
            while done < per_page:
                widget, changes = random_change(session, rng)
                if widget is None:
                    break
                if widget.key.startswith(SKIP_KEYS):
                    continue
                before = quiet_cpu(pid)
                result = await session.run(changes, timeout=120)
                costs[f"/{page}: move a {widget.kind}"].append(quiet_cpu(pid) - before)
                if not result.ok:
                    log(f"/{page} {widget.key}: {result}")
                done += 1


def measure(base: str, pid: int, per_page: int, rounds: int, seed: int, log=print, pages=PAGES) -> dict:
    costs = defaultdict(list)
    rng = random.Random(seed)
    with server_warmed_up(pid):
        run_async(learner(base, pid, 1, rng, defaultdict(list), log, pages))  # imports and caches, not counted
    for _ in range(rounds):
        run_async(learner(base, pid, per_page, rng, costs, log, pages))
    everything = [c for values in costs.values() for c in values]
    moves = [c for action, values in costs.items() if "open" not in action for c in values]
    rows = {
        action: {"n": len(v), "mean_ms": 1000 * statistics.mean(v), "p95_ms": 1000 * percentile(v, 95)}
        for action, v in sorted(costs.items())
    }
    return {
        "actions": rows,
        "mean_ms": 1000 * statistics.mean(everything),
        "mean_move_ms": 1000 * statistics.mean(moves),
        "worst_p95_ms": max(r["p95_ms"] for r in rows.values()),
        "interactions": len(everything),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--per-page", type=int, default=12, help="widget moves per page and round")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--pages", nargs="*", default=PAGES, help="only these pages (e.g. gradient-flow metrics)")
    a = p.parse_args()
    with app_server() as server:
        figures = measure(server.base_url, server.pid, a.per_page, a.rounds, a.seed, pages=a.pages)
    print(f"{'action':44s} {'n':>4s} {'mean ms':>9s} {'p95 ms':>8s}")
    for action, r in figures["actions"].items():
        print(f"{action:44s} {r['n']:4d} {r['mean_ms']:9.0f} {r['p95_ms']:8.0f}")
    print(
        f"mean {figures['mean_ms']:.0f} ms per interaction ({figures['mean_move_ms']:.0f} ms per widget move), "
        f"worst p95 {figures['worst_p95_ms']:.0f} ms; targets: mean <= {TARGETS['mean_ms']}, p95 <= {TARGETS['p95_ms']}"
    )
    summary = {k: round(v, 1) if isinstance(v, float) else v for k, v in figures.items() if k != "actions"}
    summary["per_action"] = {k: {m: round(x, 1) for m, x in r.items()} for k, r in figures["actions"].items()}
    summary["met"] = figures["mean_ms"] <= TARGETS["mean_ms"] and figures["worst_p95_ms"] <= TARGETS["p95_ms"]
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
