"""Recording a trace vs torch.nn.LSTM's forward pass, one thread, in one run, against the targets below.

Prints a table, then one JSON line. Targets: ratio ≤ 8 for one sequence (T=100, I=H=64) and
≤ 1.5 at batch 256 (T=100, I=64, H=128). The torch baseline is inference (torch.no_grad), which
uses oneDNN's fused LSTM kernel: the strictest comparison.

This machine's speed drifts (a shared host): the two are measured in alternating short blocks, and
the figure is the median over rounds of each round's ratio, so a slow spell hits both sides of a
round instead of one side of the whole comparison.
"""

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import torch
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import lstm_core  # noqa: E402

CASES = [  # name, T, B, I, H, target ratio
    ("one sequence", 100, 1, 64, 64, 8.0),
    ("batch 256", 100, 256, 64, 128, 1.5),
]


def median_time(fn, repeats):
    fn()  # warm up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=7, help="calls per block (the block's median is kept)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    rows = []
    with threadpool_limits(1), torch.no_grad():
        for name, T, B, I, H, target in CASES:
            g = torch.Generator().manual_seed(0)
            module = torch.nn.LSTM(I, H)
            x = torch.randn(T, B, I, generator=g)
            recorder = lstm_core.from_torch(module)
            x_np = x.numpy()
            torch_times, record_times = [], []
            for _ in range(args.rounds):
                torch_times.append(median_time(lambda m=module, x=x: m(x), args.repeats))
                record_times.append(median_time(lambda r=recorder, x=x_np: r.record(x), args.repeats))
            t_torch, t_record = statistics.median(torch_times), statistics.median(record_times)
            ratios = [r / t for r, t in zip(record_times, torch_times, strict=True)]
            ratio = statistics.median(ratios)
            rows.append(
                {
                    "case": name,
                    "T": T,
                    "B": B,
                    "I": I,
                    "H": H,
                    "torch_ms": round(t_torch * 1e3, 3),
                    "record_ms": round(t_record * 1e3, 3),
                    "ratio": round(ratio, 2),
                    "ratio_range": [round(min(ratios), 2), round(max(ratios), 2)],
                    "target": target,
                    "ok": ratio <= target,
                }
            )
    print(
        f"{'case':<14} {'T':>4} {'B':>4} {'I':>4} {'H':>4} {'torch ms':>10} {'record ms':>10} {'ratio':>6} "
        f"{'rounds':>11} {'target':>7}"
    )
    for r in rows:
        spread = f"{r['ratio_range'][0]:.2f}-{r['ratio_range'][1]:.2f}"
        print(
            f"{r['case']:<14} {r['T']:>4} {r['B']:>4} {r['I']:>4} {r['H']:>4} {r['torch_ms']:>10.3f} "
            f"{r['record_ms']:>10.3f} {r['ratio']:>6.2f} {spread:>11} {r['target']:>7.1f} {'ok' if r['ok'] else 'MISSED'}"
        )
    print(json.dumps({"bench": "core_speed", "machine": platform.processor() or platform.machine(), "threads": 1, "cases": rows}))


if __name__ == "__main__":
    main()
