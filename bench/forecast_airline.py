"""The default forecaster of /forecast on the airline passengers series (Box & Jenkins, monthly
1949-1960), against the two naive baselines it must beat.

    .venv/bin/python bench/forecast_airline.py              # seeds 0-4 (seed 0 is the page's default)
    .venv/bin/python bench/forecast_airline.py --seeds 10

Settings are exactly lstm_core.forecasting.ForecastConfig() (what the page trains when nothing is
changed): window 12, last 25 % (36 months, 1958-1960) as the test part, the 22 months before it as
the validation part (the epoch with the lowest validation loss sets the number of epochs), Min-Max
scaler fitted on the training part only; then a refit from the same seed on training + validation
for that many epochs (scaler refitted on those two parts); one LSTM layer of 32 units, Adam lr 0.01,
batch 16, at most 500 epochs. No log transform and no differencing: the plain tutorial recipe, done leak-free.

Prints a table, then as the LAST line one JSON object: test RMSE (passengers, thousands) of the LSTM
for seed 0 and the median over seeds, of persistence and of seasonal naive, and the train times.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from datasets import series as ds  # noqa: E402
from lstm_core import forecasting as fc  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)  # as the app does: one thread per training run
    values = ds.load("airline").values
    rows = []
    for seed in range(args.seeds):
        config = fc.ForecastConfig(seed=seed)
        start = time.perf_counter()
        result = fc.train_forecaster(values, config)
        seconds = time.perf_counter() - start
        m = result.metrics
        rows.append(
            {
                "seed": seed,
                "lstm_test_rmse": m["lstm"]["test"]["rmse"],
                "lstm_train_rmse": m["lstm"]["train"]["rmse"],
                "lstm_val_rmse": m["lstm"]["val"]["rmse"],
                "best_epoch": result.best_epoch,
                "lstm_test_mae": m["lstm"]["test"]["mae"],
                "lstm_test_mape": m["lstm"]["test"]["mape"],
                "persistence_test_rmse": m["persistence"]["test"]["rmse"],
                "seasonal_naive_test_rmse": m["seasonal_naive"]["test"]["rmse"],
                "seconds": seconds,
            }
        )
        r = rows[-1]
        print(
            f"seed {seed}: LSTM test RMSE {r['lstm_test_rmse']:6.2f} (train {r['lstm_train_rmse']:5.2f}, "
            f"validation {r['lstm_val_rmse']:5.2f} at epoch {r['best_epoch']}, "
            f"MAE {r['lstm_test_mae']:5.2f}, MAPE {r['lstm_test_mape']:4.1f} %)  persistence {r['persistence_test_rmse']:6.2f}  "
            f"seasonal naive {r['seasonal_naive_test_rmse']:6.2f}  {seconds:5.1f} s",
            flush=True,
        )
    lstm = [r["lstm_test_rmse"] for r in rows]
    persistence, seasonal = rows[0]["persistence_test_rmse"], rows[0]["seasonal_naive_test_rmse"]
    print()
    print(f"{'forecaster':<34}{'test RMSE':>10}")
    print(f"{'LSTM, seed 0 (page default)':<34}{lstm[0]:>10.2f}")
    print(f"{f'LSTM, median of {len(rows)} seeds':<34}{statistics.median(lstm):>10.2f}")
    print(f"{f'LSTM, worst of {len(rows)} seeds':<34}{max(lstm):>10.2f}")
    print(f"{'persistence (next = last)':<34}{persistence:>10.2f}")
    print(f"{'seasonal naive (next = 12 ago)':<34}{seasonal:>10.2f}")
    wins, median_seconds = sum(x < persistence for x in lstm), statistics.median(r["seconds"] for r in rows)
    seasonal_wins = sum(x < seasonal for x in lstm)
    print(
        f"LSTM beats persistence for {wins} and seasonal naive for {seasonal_wins} of {len(rows)} seeds; "
        f"train time median {median_seconds:.1f} s"
    )
    summary = {
        "series": "airline passengers, test = last 36 months",
        "config": asdict(fc.ForecastConfig()),
        "lstm_test_rmse": round(lstm[0], 3),
        "lstm_test_rmse_median": round(statistics.median(lstm), 3),
        "lstm_test_rmse_per_seed": [round(x, 3) for x in lstm],
        "lstm_val_rmse_per_seed": [round(r["lstm_val_rmse"], 3) for r in rows],
        "persistence_test_rmse": round(persistence, 3),
        "seasonal_naive_test_rmse": round(seasonal, 3),
        "beats_persistence": wins,
        "beats_seasonal_naive": seasonal_wins,
        "seeds": len(rows),
        "train_seconds_median": round(median_seconds, 2),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
