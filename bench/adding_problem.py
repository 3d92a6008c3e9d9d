"""The adding problem (Hochreiter & Schmidhuber 1997, exp. 4; Le et al. 2015; Arjovsky et al. 2016):
vanilla RNN vs LSTM vs GRU with the same budget and the standard settings of lstm_core.experiments.
AddingSettings (hidden 64, batch 64, Adam lr 1e-3, gradient-norm clipping 1.0, LSTM forget-gate bias 1).

    .venv/bin/python bench/adding_problem.py                       # the benchmark (about 10 min on 2 cores)
    .venv/bin/python bench/adding_problem.py --write-reference     # also save the page's reference results

Runs the (model, length, seed) jobs in `--workers` processes with one torch thread each, prints a
table, and as the LAST line one JSON object: test MSE per model per length per seed, and medians.
Always predicting 1 scores 1/6 ≈ 0.167; a model that learned the task scores far below.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lstm_core.experiments import AddingSettings  # noqa: E402

REFERENCE = ROOT / "datasets" / "adding_reference.json"
CLIPPING_REFERENCE = ROOT / "datasets" / "clipping_reference.json"
VARIANTS = {  # name -> (model, changes to the standard settings)
    "rnn": ("rnn", {}),
    "lstm": ("lstm", {}),
    "gru": ("gru", {}),
    "lstm_fb0": ("lstm", {"forget_bias": 0.0}),  # the honest lesson: without an open forget gate
}


def _job(args):
    variant, seq_len, seed, steps = args
    import torch

    torch.set_num_threads(1)  # one core per process: the workers run side by side
    from lstm_core.experiments import train_adding

    model, changes = VARIANTS[variant]
    settings = AddingSettings(seq_len=seq_len, steps=steps, seed=seed, **changes)
    run = train_adding(model, settings).to_dict()
    for key in ("train_mse", "test_mse", "grad_norm"):
        run[key] = [round(v, 5) for v in run[key]]
    run["variant"] = variant
    return variant, run


def machine() -> dict:
    """Where reference results were computed: chaotic training runs end differently on other CPUs."""
    import torch

    cpuinfo = Path("/proc/cpuinfo")
    names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
    return {
        "cpu": names[0] if names else platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "torch": torch.__version__.split("+")[0],
        "date": datetime.date.today().isoformat(),
        "kernels": {k: os.environ[k] for k in ("ATEN_CPU_CAPABILITY", "MKL_CBWR") if k in os.environ},
    }


def write_clipping_reference():
    """The page's clipping demo for seed 0 at every offered threshold, so the page opens at once."""
    import torch

    torch.set_num_threads(1)
    from lstm_core.experiments import CLIP_CHOICES, clipping_demo

    runs = {str(clip): {k: run.to_dict() for k, run in clipping_demo(0, clip).items()} for clip in CLIP_CHOICES}
    CLIPPING_REFERENCE.write_text(json.dumps({"seed": 0, "machine": machine(), "runs": runs}))
    print(f"wrote {CLIPPING_REFERENCE.relative_to(ROOT)}")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lengths", type=int, nargs="+", default=[50, 100])
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    p.add_argument("--variants", nargs="+", default=["rnn", "lstm", "gru"], choices=list(VARIANTS))
    p.add_argument("--steps", type=int, default=AddingSettings.steps)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--write-reference", action="store_true", help=f"save all runs (with curves) to {REFERENCE.name}")
    p.add_argument("--resume", action="store_true", help="with --write-reference: keep the runs already saved")
    p.add_argument("--clipping-only", action="store_true", help=f"only write {CLIPPING_REFERENCE.name}")
    a = p.parse_args(argv)
    if (a.write_reference and not a.resume) or a.clipping_only:
        write_clipping_reference()
        if a.clipping_only:
            return

    setup = {k: v for k, v in asdict(AddingSettings(steps=a.steps)).items() if k not in ("seq_len", "seed")}
    runs = []
    if a.resume and REFERENCE.is_file():  # keep the finished runs of the same setup, train only the rest
        stored = json.loads(REFERENCE.read_text())
        if stored["setup"] == setup:
            runs = [(r["variant"], r) for r in stored["runs"]]
    done = {(v, r["seq_len"], r["seed"]) for v, r in runs}
    # in the order given (lengths, then seeds, then variants): with --write-reference the first
    # lengths are saved first, so an interrupted run still leaves the most important results
    jobs = [(v, T, s, a.steps) for T in a.lengths for s in a.seeds for v in a.variants if (v, T, s) not in done]
    start = time.perf_counter()
    with ProcessPoolExecutor(a.workers) as pool:
        for future in as_completed([pool.submit(_job, job) for job in jobs]):
            variant, run = future.result()
            runs.append((variant, run))
            print(
                f"{variant:9s} T={run['seq_len']:4d} seed={run['seed']} test MSE {run['test_mse'][-1]:.4f}"
                f"  ({run['seconds']:.0f} s)",
                flush=True,
            )
            if a.write_reference:  # after every run: an interrupted benchmark keeps what it finished
                payload = {"setup": setup, "machine": machine(), "variants": VARIANTS, "runs": [r for _, r in runs]}
                REFERENCE.write_text(json.dumps(payload))
    wall = time.perf_counter() - start

    results, medians = {}, {}
    for variant, run in runs:
        results.setdefault(variant, {}).setdefault(str(run["seq_len"]), {})[str(run["seed"])] = round(run["test_mse"][-1], 5)
    print()
    print(f"{'model':9s} " + " ".join(f"{'T=' + str(T):>10s}" for T in a.lengths) + "   (median test MSE over seeds)")
    for variant in a.variants:
        row = {T: statistics.median(results.get(variant, {}).get(str(T), {}).values() or [math.nan]) for T in a.lengths}
        medians[variant] = {str(T): round(v, 5) for T, v in row.items()}
        print(f"{variant:9s} " + " ".join(f"{v:10.4f}" for v in row.values()))
    print(f"baseline (always predict 1): 0.1667; wall time {wall:.0f} s with {a.workers} workers")
    if a.write_reference:
        print(f"wrote {REFERENCE.relative_to(ROOT)}")
    print(json.dumps({"setup": setup, "test_mse": results, "median": medians, "wall_seconds": round(wall), "baseline": 1 / 6}))


if __name__ == "__main__":
    main()
