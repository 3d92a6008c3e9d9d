"""Every benchmark under bench/, at a size that fits in about 15 minutes, and bench/RESULTS.md.

    .venv/bin/python bench/run_all.py             # all of them, then write bench/RESULTS.md
    .venv/bin/python bench/run_all.py --only core_speed load_test --quick   # prints; writes no report
    .venv/bin/python bench/run_all.py --only page_open --output /tmp/r.md

Each benchmark runs as its own process (as a reader would run it) with the arguments below; its last
stdout line is one JSON object, from which the figures and their targets are taken. A benchmark
that is not listed in PLAN but exists is run with its defaults under a time limit and its numeric
figures are reported without a target. Runs one at a time: they measure the same two cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
HELPERS = {"run_all", "procstat", "__init__"}


@dataclass
class Row:
    figure: str
    value: object
    target: str = ""
    ok: bool | None = None  # None: no target (reported for information)


def _ms(v):
    return f"{v:.1f} ms" if isinstance(v, int | float) else str(v)


def core_speed(r: dict) -> list[Row]:
    return [
        Row(
            f"record / torch.nn.LSTM, {c['case']} (T={c['T']}, B={c['B']}, H={c['H']})",
            f"{c['ratio']}× (rounds {c['ratio_range'][0]}–{c['ratio_range'][1]}×)",
            f"≤ {c['target']}×",
            c["ok"],
        )
        for c in r["cases"]
    ]


def explorer_latency(r: dict) -> list[Row]:
    rows = []
    for key, name in (
        ("key_press", "step: key press"),
        ("click_next", "step: click next"),
        ("variant_change_cached", "variant change (cached)"),
    ):
        if key in r:
            target = r[key]["target_p95_ms"]
            rows.append(Row(f"/explorer {name}, p95", _ms(r[key]["p95_ms"]), f"< {target} ms", r[key]["p95_ms"] < target))
    if "variant_change_first_time" in r:
        rows.append(Row("/explorer variant change (first time), p95", _ms(r["variant_change_first_time"]["p95_ms"])))
    return rows


def train_sentiment(r: dict) -> list[Row]:
    return [
        Row("/train LSTM test accuracy (negation, en)", r["lstm_test_accuracy"], "≥ 0.95", r["lstm_test_accuracy"] >= 0.95),
        Row("/train LSTM training time", f"{r['lstm_train_seconds_median']} s", "< 30 s", r["lstm_train_seconds_median"] < 30),
        Row(
            "bag-of-words baseline test accuracy",
            r["baseline_test_accuracy"],
            "well below the LSTM",
            r["baseline_test_accuracy"] < r["lstm_test_accuracy"],
        ),
    ]


def adding_problem(r: dict) -> list[Row]:
    # a 15-minute budget stops well before the 2,000-3,000 steps where the LSTM breaks through, so
    # these are reported without a verdict; the full run is `bench/adding_problem.py`
    rows = []
    for variant, by_length in r["median"].items():
        for length, mse in by_length.items():
            rows.append(Row(f"adding problem T={length}, {variant}: test MSE after {r['setup'].get('steps')} steps", mse))
    return rows


def forecast_airline(r: dict) -> list[Row]:
    beat = r["lstm_test_rmse"] < r["persistence_test_rmse"]
    return [
        Row("/forecast default LSTM, airline test RMSE (seed 0)", r["lstm_test_rmse"], "< persistence", beat),
        Row(f"/forecast LSTM test RMSE, median of {r['seeds']} seeds", r["lstm_test_rmse_median"]),
        Row("persistence / seasonal naive test RMSE", f"{r['persistence_test_rmse']} / {r['seasonal_naive_test_rmse']}"),
        Row("/forecast training time (median)", f"{r['train_seconds_median']} s"),
    ]


def load_test(r: dict) -> list[Row]:
    return [
        Row(
            "classroom: sessions × duration",
            f"{r['sessions']} ({r['ws_sessions']} websocket + {r['browser_sessions']} Chromium) × {r['duration_s']:.0f} s",
            "30 × 120 s",
            r["sessions"] >= 30 and r["duration_s"] >= 120,
        ),
        Row("classroom: interactions (trainings started)", f"{r['interactions']} ({r['trainings_started']})"),
        Row(
            "classroom: errors (exceptions, disconnects, timeouts)",
            f"{r['errors']} {r['errors_by_kind'] or ''}".strip(),
            "0",
            r["errors"] == 0,
        ),
        Row("classroom: interaction latency p50", f"{r['p50_s']} s"),
        Row("classroom: interaction latency p95", f"{r['p95_s']} s", "< 1 s", r["p95_s"] is not None and r["p95_s"] < 1.0),
        Row(
            "classroom: Chromium slider → view updated, p50 / p95",
            f"{r['browser_p50_s']} / {r['browser_p95_s']} s",
            "p95 < 1 s",
            r["browser_p95_s"] is not None and r["browser_p95_s"] < 1.0,
        ),
        Row(
            "classroom: Chromium page opened, p50 / p95 (opens; slowest)",
            f"{r['browser_page_load_p50_s']} / {r['browser_page_load_p95_s']} s ({r['browser_page_loads']}; "
            + ", ".join(f"{path} {s} s at {at} s" for s, path, at in r["browser_page_load_slowest"])
            + ")",
            "p95 < 2 s",
            r["browser_page_load_p95_s"] is not None and r["browser_page_load_p95_s"] < 2.0,
        ),
        Row("classroom: server peak RSS", f"{r['server_peak_rss_mb']} MB", "< 1536 MB", r["server_peak_rss_mb"] < 1536),
        Row("classroom: RSS per session", f"{r['rss_per_session_mb']} MB"),
        Row("classroom: CPU of server / of the clients", f"{r['server_cpu_s']} s / {r['clients_cpu_s']} s"),
    ]


def server_cpu(r: dict) -> list[Row]:
    costliest = sorted(r["per_action"].items(), key=lambda item: -item[1]["p95_ms"])[:3]
    return [
        Row(
            f"server CPU per interaction, mean ({r['interactions']} interactions, one learner at a time)",
            f"{r['mean_ms']} ms",
            "≤ 60 ms",
            r["mean_ms"] <= 60,
        ),
        Row("server CPU per interaction, worst action's p95", f"{r['worst_p95_ms']} ms", "≤ 250 ms", r["worst_p95_ms"] <= 250),
        *(Row(f"server CPU p95: {action}", f"{x['p95_ms']} ms (mean {x['mean_ms']}, n={x['n']})") for action, x in costliest),
    ]


def page_open(r: dict) -> list[Row]:
    rows = []
    for page, x in r["pages"].items():
        if page == "trivial":
            rows.append(
                Row(
                    "page open: trivial one-line page, cached / private window / new visitor",
                    f"{x['cached_s']} / {x['private_s']} / {x['cold_s']} s",
                )
            )
            continue
        rows.append(
            Row(
                f"page open: /{page}, cached / private window / new visitor (over the trivial page)",
                f"{x['cached_s']} / {x['private_s']} / {x['cold_s']} s "
                f"({x['cached_over_s']:+.2f} / {x['private_over_s']:+.2f} / {x['cold_over_s']:+.2f} s; "
                f"cached {x['cached_ratio']:.2f}x, new visitor {x['cold_ratio']:.2f}x)",
                "≤ +0.5 / — / +1.0 s",
                x["cached_over_s"] <= 0.5 and x["cold_over_s"] <= 1.0,
            )
        )
    for page, x in r["first"].items():
        rows.append(
            Row(
                f"page open: /{page} as the first page after a server start (over the trivial app's)",
                f"{x['app_s']} s ({x['over_s']:+.2f} s)",
                "≤ +3 s",
                x["over_s"] <= 3.0,
            )
        )
    return rows


def soak(r: dict) -> list[Row]:
    rel = r["release"]
    return [
        Row("soak: interactions, errors", f"{r['interactions']}, {r['errors']}", "0 errors", r["errors"] == 0),
        Row("soak: server memory growth", f"{r['growth_mb']} MB", "< 100 MB", r["growth_mb"] < 100),
        Row(
            f"soak: p50 first / last round of {r['window']}",
            f"{r['first_p50_s']} / {r['last_p50_s']} s",
            "≤ ×1.25 + 50 ms",
            r["no_slowdown"],
        ),
        Row(
            "soak: a closed tab's training stops (server cores after close)",
            f"{rel['cpu_cores_right_after_close']} → {rel['cpu_cores_after_grace']}",
            "idle, no leftover thread",
            rel["released"],
        ),
    ]


def element_cost(r: dict) -> list[Row]:
    return [Row(f"one {kind} element, cached open (a page of {r['count']})", f"{ms} ms") for kind, ms in r["ms_each"].items()]


def generic(r: dict, prefix="") -> list[Row]:
    rows = []
    for key, value in r.items():
        if isinstance(value, dict):
            rows += generic(value, f"{prefix}{key}.")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            rows.append(Row(f"{prefix}{key}", value))
    return rows[:20]


# name -> (arguments, arguments with --quick, time limit in s, extractor); in the order they run
PLAN = {
    "core_speed": ([], ["--rounds", "3", "--repeats", "3"], 300, core_speed),
    "datasets_speed": ([], [], 120, generic),
    "explorer_latency": (["--steps", "30", "--rounds", "2"], ["--steps", "10", "--rounds", "1"], 300, explorer_latency),
    "train_sentiment": (["--repeats", "1"], ["--repeats", "1"], 300, train_sentiment),
    "adding_problem": (
        ["--lengths", "50", "--seeds", "0", "--variants", "rnn", "lstm", "--steps", "600"],
        ["--lengths", "50", "--seeds", "0", "--variants", "lstm", "--steps", "100"],
        300,
        adding_problem,
    ),
    "forecast_airline": (["--seeds", "2"], ["--seeds", "1"], 300, forecast_airline),
    "server_cpu": ([], ["--per-page", "2", "--rounds", "1"], 600, server_cpu),
    "page_open": ([], ["--rounds", "1"], 900, page_open),
    "element_cost": (["--rounds", "3"], ["--count", "4", "--rounds", "1"], 300, element_cost),
    "load_test": (
        ["--sessions", "30", "--duration", "120", "--browsers", "2"],
        ["--sessions", "4", "--duration", "15", "--browsers", "1"],
        400,
        load_test,
    ),
    "load_test_2_replicas": (
        ["--sessions", "30", "--duration", "120", "--browsers", "2", "--replicas", "2"],
        ["--sessions", "4", "--duration", "15", "--browsers", "1", "--replicas", "2"],
        500,
        load_test,
    ),
    "soak": (["--interactions", "500"], ["--interactions", "40"], 900, soak),
}
NOTES = {
    "adding_problem": "reduced budget (T=50, one seed, 600 steps instead of 4,000): too short for the LSTM to learn "
    "the task (in the reference runs it left the baseline after 1,300-1,600 steps at T=50), so no verdict; the full run "
    "is `bench/adding_problem.py`.",
    "explorer_latency": "30 key presses/clicks and 2 rounds over the variants (the script's default is 60 and 3).",
    "load_test": "most sessions are light websocket clients (tests/st_ws_client.py), 2 are real Chromium contexts; "
    "think time 2–8 s.",
    "load_test_2_replicas": "the same class through HAProxy in front of 2 replicas (`bash .ci/lab classroom --replicas 2`), "
    "on the same 2 cores as its clients.",
    "server_cpu": "process CPU time of the server before and after each interaction, one learner at a time: hardly "
    "moved by the machine's load, unlike a latency.",
    "page_open": "medians of 5 opens per page and way, interleaved with a trivial one-line Streamlit page on a second "
    "server (the differences are the figures that count). Finished: the first screen drawn, charts on it included, and "
    "no long task (over 50 ms) after it for 0.5 s. Cached: a browser profile on disk, as a returning learner's "
    "Chrome has (HTTP cache and V8's code cache); private window: the HTTP cache only, so plotly.js is compiled on "
    "every open; new visitor: no cache.",
    "element_cost": "3 opens of each page (the script's default is 5); with 20 elements a difference of 20 ms is "
    "1 ms each, about this machine's noise.",
    "forecast_airline": "2 seeds (the script's default is 5).",
    "soak": "500 interactions to fit the 15 minutes (`bench/soak.py` alone does 1,000); one websocket session; "
    "training checked separately (start a long run, close the tab).",
}


SCRIPTS = {"load_test_2_replicas": "load_test"}  # plan entries that run another entry's script


def machine() -> dict:
    info = {"cores": os.cpu_count(), "python": platform.python_version()}
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            info["cpu"] = line.split(":", 1)[1].strip()
            break
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            info["memory_gb"] = round(int(line.split()[1]) / 2**20, 1)
    info["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    try:
        import streamlit
        import torch

        info["torch"], info["streamlit"] = torch.__version__, streamlit.__version__
    except ImportError:
        pass
    return info


def run_one(name: str, args: list[str], limit: float) -> tuple[dict | None, float, str]:
    start = time.monotonic()
    script = SCRIPTS.get(name, name)
    try:
        done = subprocess.run(
            [sys.executable, str(BENCH / f"{script}.py"), *args], cwd=ROOT, capture_output=True, text=True, timeout=limit
        )
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - start, f"did not finish within {limit:.0f} s"
    wall = time.monotonic() - start
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    try:
        return json.loads(lines[-1]), wall, ""
    except (IndexError, json.JSONDecodeError):
        return None, wall, f"exit code {done.returncode}; no JSON last line; stderr: {done.stderr.strip()[-300:]}"


def cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_report(path: Path, info: dict, results: list, started: str, total: float, quick: bool):
    out = [
        "# LSTM Lab: performance report",
        "",
        f"Written by `bench/run_all.py`{' (--quick: reduced sizes, not the reference figures)' if quick else ''} on {started} "
        f"in {total / 60:.1f} min. Each benchmark's own script explains its method; run one alone for its full table.",
        "",
        "## Machine",
        "",
        f"- CPU: {info.get('cpu', '?')}, {info['cores']} cores; memory {info.get('memory_gb', '?')} GB",
        f"- Python {info['python']}, torch {info.get('torch', '?')}, streamlit {info.get('streamlit', '?')}",
        f"- load average when the run started: {' '.join(info['load_average'])} (other work on the same 2 cores "
        "distorts timings; figures are medians/percentiles of one run)",
        "",
        "## Figures",
        "",
        "| benchmark | figure | value | target | result |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, rows, _, problem in results:
        if problem:
            out.append(f"| {name} | (did not report) | {cell(problem)} | | **not run / failed** |")
        for row in rows:
            verdict = "" if row.ok is None else ("pass" if row.ok else "**miss**")
            out.append(f"| {name} | {cell(row.figure)} | {cell(row.value)} | {cell(row.target)} | {verdict} |")
    out += ["", "## Run times and notes", ""]
    for name, _, wall, problem in results:
        note = NOTES.get(name, "")
        out.append(f"- `{name}`: {wall:.0f} s. {note} {problem}".rstrip())
    out.append("")
    path.write_text("\n".join(out) + _written_by_hand(path, {line for line in out if line.startswith("## ")}), encoding="utf-8")


def _written_by_hand(path: Path, generated: set[str]) -> str:
    """The report's sections after the `generated` ones (notes on earlier runs and sessions), kept."""
    if not path.exists():
        return ""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.startswith("## ") and line.strip() not in generated), len(lines))
    kept = "".join(lines[first:])
    return "\n" + kept if kept else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", help="run only these benchmarks")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check the harness")
    parser.add_argument(
        "--output", help="the report to write (default: bench/RESULTS.md; with --only, none: a partial run keeps the full one)"
    )
    args = parser.parse_args()
    present = sorted(p.stem for p in BENCH.glob("*.py") if p.stem not in HELPERS)
    names = [n for n in PLAN if SCRIPTS.get(n, n) in present] + [n for n in present if n not in PLAN]
    if args.only:
        names = [n for n in names if n in args.only]
    info, started, begin = machine(), dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), time.monotonic()
    results = []
    for name in names:
        full, quick, limit, extract = PLAN.get(name, ([], [], 300, generic))
        print(f"running {name} ...", flush=True)
        figures, wall, problem = run_one(name, quick if args.quick else full, limit)
        rows = []
        if figures is not None:
            try:
                rows = extract(figures)
            except (KeyError, TypeError) as exc:
                problem, rows = f"unexpected JSON ({exc!r})", generic(figures)
        results.append((name, rows, wall, problem))
        for row in rows:
            verdict = "" if row.ok is None else ("pass" if row.ok else "MISS")
            print(f"  {row.figure:<66} {row.value!s:<28} {row.target:<24} {verdict}")
        if problem:
            print(f"  {problem}")
    total = time.monotonic() - begin
    output = args.output or (None if args.only else str(BENCH / "RESULTS.md"))
    if output:
        write_report(Path(output), info, results, started, total, args.quick)
        print(f"wrote {output}")
    summary = {
        "bench": "run_all",
        "total_s": round(total),
        "benchmarks": {
            name: {"wall_s": round(wall), "ok": bool(rows) and not problem and all(r.ok is not False for r in rows)}
            for name, rows, wall, problem in results
        },
        "misses": [f"{name}: {r.figure}" for name, rows, _, _ in results for r in rows if r.ok is False],
    }
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
