"""Train /train's default LSTM and the bag-of-words baseline on the English negation data, exactly as
the page does (same data, split, settings and one torch thread per run), and report test accuracy
and wall time.

    .venv/bin/python bench/train_sentiment.py [--repeats 3] [--threads 1]

Targets, on 2 CPU cores: LSTM test accuracy >= 0.95, the baseline well below it, LSTM
training under 30 s. Prints a table, then one JSON line with the medians over the repeats.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from datasets import classification as D  # noqa: E402
from lstm_core import classifier as C  # noqa: E402
from lstm_core import metrics  # noqa: E402
from ui.train_runs import DATA_SEED  # noqa: E402
from ui.train_settings import DEFAULTS  # noqa: E402


def test_accuracy(model, data) -> float:
    return metrics.accuracy(data.test[1].numpy(), C.predict_proba(model, data.test[0]).argmax(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (the app uses 1 per run)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    settings = DEFAULTS
    start = time.monotonic()
    data = C.prepare(*D.split(D.load(settings.dataset, seed=DATA_SEED, n=settings.n), seed=DATA_SEED))
    prepare_s = time.monotonic() - start
    C.predict_proba(C.build_model(data, **settings.model()), data.test[0][:8])  # warm torch up once

    rows = []
    for repeat in range(args.repeats):
        start = time.monotonic()
        model = C.build_model(data, **settings.model())
        history = C.train_model(model, data, settings.training())
        lstm_s = time.monotonic() - start
        start = time.monotonic()
        baseline, _ = C.train_baseline(data, settings.seed)
        baseline_s = time.monotonic() - start
        rows.append(
            {
                "repeat": repeat,
                "lstm_acc": test_accuracy(model, data),
                "baseline_acc": test_accuracy(baseline, data),
                "lstm_s": lstm_s,
                "baseline_s": baseline_s,
                "epochs": len(history.epochs),
            }
        )

    sizes = f"train {len(data.train[1])}, val {len(data.val[1])}, test {len(data.test[1])}"
    print(f"data: {settings.dataset}, {settings.n} examples ({sizes})")
    print(f"model: {settings.kind}, embedding {settings.embedding_size}, hidden {settings.hidden_size}, "
          f"{settings.epochs} epochs, batch {settings.batch_size}, lr {settings.lr}, {args.threads} torch thread(s)")  # fmt: skip
    print(f"{'repeat':>6} {'LSTM test acc':>14} {'BoW test acc':>13} {'LSTM train s':>13} {'BoW train s':>12}")
    for r in rows:
        print(f"{r['repeat']:>6} {r['lstm_acc']:>14.4f} {r['baseline_acc']:>13.4f} {r['lstm_s']:>13.2f} {r['baseline_s']:>12.2f}")
    result = {
        "dataset": settings.dataset,
        "examples": settings.n,
        "threads": args.threads,
        "repeats": args.repeats,
        "lstm_test_accuracy": statistics.median(r["lstm_acc"] for r in rows),
        "baseline_test_accuracy": statistics.median(r["baseline_acc"] for r in rows),
        "lstm_train_seconds_median": round(statistics.median(r["lstm_s"] for r in rows), 2),
        "baseline_train_seconds_median": round(statistics.median(r["baseline_s"] for r in rows), 2),
        "prepare_seconds": round(prepare_s, 2),
        "targets": {"lstm_test_accuracy": ">= 0.95", "lstm_train_seconds": "< 30"},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
