"""Recording a trace vs torch.nn.LSTM's forward pass, one thread, in one run (issue 2's targets).

Prints a table, then one JSON line. Targets: ratio ≤ 8 for one sequence (T=100, I=H=64) and
≤ 1.5 at batch 256 (T=100, I=64, H=128). The torch baseline is inference (torch.no_grad), which
uses oneDNN's fused LSTM kernel: the strictest comparison.
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
    parser.add_argument("--repeats", type=int, default=31)
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
            # interleave the two measurements so machine noise hits both alike
            torch_times, record_times = [], []
            for _ in range(3):
                torch_times.append(median_time(lambda m=module, x=x: m(x), args.repeats))
                record_times.append(median_time(lambda r=recorder, x=x_np: r.record(x), args.repeats))
            t_torch, t_record = statistics.median(torch_times), statistics.median(record_times)
            rows.append(
                {
                    "case": name,
                    "T": T,
                    "B": B,
                    "I": I,
                    "H": H,
                    "torch_ms": round(t_torch * 1e3, 3),
                    "record_ms": round(t_record * 1e3, 3),
                    "ratio": round(t_record / t_torch, 2),
                    "target": target,
                    "ok": t_record / t_torch <= target,
                }
            )
    print(f"{'case':<14} {'T':>4} {'B':>4} {'I':>4} {'H':>4} {'torch ms':>10} {'record ms':>10} {'ratio':>6} {'target':>7}")
    for r in rows:
        print(
            f"{r['case']:<14} {r['T']:>4} {r['B']:>4} {r['I']:>4} {r['H']:>4} {r['torch_ms']:>10.3f} "
            f"{r['record_ms']:>10.3f} {r['ratio']:>6.2f} {r['target']:>7.1f} {'ok' if r['ok'] else 'MISSED'}"
        )
    print(json.dumps({"bench": "core_speed", "machine": platform.processor() or platform.machine(), "threads": 1, "cases": rows}))


if __name__ == "__main__":
    main()
