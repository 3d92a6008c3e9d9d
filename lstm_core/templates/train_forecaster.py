"""Train the forecaster of one LSTM Lab run again, in plain PyTorch: one file, no LSTM Lab.

Exported from LSTM Lab's /forecast page ("Get the code"). `series.csv` beside this file holds the
run's series; the settings below are the run's. Run

    python train_forecaster.py

It trains on the training part and finds the epoch with the lowest validation loss, then trains again
from the same seed on training + validation for that many epochs (the scaler refitted on those two
parts; REFIT = False, as when the page's refit was stopped, keeps the chosen epoch's weights), prints
the test RMSE, MAE and MAPE of the LSTM and of the two baselines (the test part is scored once, at the
end), and writes them to metrics.json. Same machine, same numbers as the page.
"""

import json
import math
from pathlib import Path

import numpy as np
import torch

# --- settings (the run's, as set on /forecast) ---
WINDOW = 12  # Model: time_step, how many past values the model sees
TEST_FRACTION = 0.25  # Data: the last part of the series is the test part
VAL_FRACTION = 0.15  # Data: the tail of the past before the test part: it chooses the number of epochs
LAYERS = 1  # Model: stacked LSTM layers
UNITS = 32  # Model: hidden units per layer
EPOCHS = 500  # Training: epochs
BATCH_SIZE = 16  # Training: batch size
LR = 0.01  # Training: learning rate
OPTIMIZER = "adam"  # Training: optimiser ("adam" or "sgd" with momentum 0.9)
CLIP = 1.0  # Training: gradient clipping (max norm of all gradients together)
SEED = 0  # Model: seed
REFIT = True  # Training: train again on training + validation for the chosen epochs (False: the page's refit was stopped)
SEASON = 12  # Baselines: the season of the seasonal-naive forecast (12 for monthly data)
MIN_TEST_POINTS = 2  # Data: the test part has at least this many values
MIN_VAL_POINTS = 2  # Data: the validation part has at least this many values
# --- end of settings ---

HERE = Path(__file__).resolve().parent


# --- Data: windows of past values and the value after each; the splits never shuffle across time.
# Training, then validation (the tail of the past: it chooses the epoch), then test (scored once)
def split_windows(series):
    split = len(series) - max(MIN_TEST_POINTS, round(len(series) * TEST_FRACTION))  # the first test value
    val_start = split - max(MIN_VAL_POINTS, round(len(series) * VAL_FRACTION)) if VAL_FRACTION > 0 else split
    n_pairs = len(series) - WINDOW
    X = np.lib.stride_tricks.sliding_window_view(series, WINDOW)[:n_pairs].copy()  # (n_pairs, WINDOW)
    y = series[WINDOW:].copy()
    target = np.arange(WINDOW, len(series))  # where each pair's next value lies
    # a later part's window may reach back into an earlier part: that is the known past
    train, test = target < val_start, target >= split
    val = ~train & ~test
    return split, val_start, *((X[m], y[m], target[m]) for m in (train, val, test))


# --- Scaling: Min-Max fitted on the past only (the training part; for the final refit, training + validation).
# Unlike most tutorials, which fit it on the whole series before splitting and so let the test part's max
# and min leak into training
class MinMaxScaler:
    def __init__(self, values):
        self.min, self.max = float(np.min(values)), float(np.max(values))
        self.span = self.max - self.min if self.max > self.min else 1.0

    def transform(self, values):
        return (np.asarray(values, float) - self.min) / self.span

    def inverse(self, scaled):
        return np.asarray(scaled, float) * self.span + self.min


# --- Model: stacked LSTM over the window, a dense layer from the last hidden state to the next value
class Forecaster(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(1, UNITS, num_layers=LAYERS, batch_first=True)
        self.head = torch.nn.Linear(UNITS, 1)
        # PyTorch's default U(-1/√H, 1/√H), drawn from the seed's own generators (the LSTM's in numpy)
        rng, bound = np.random.default_rng(SEED), 1 / math.sqrt(UNITS)
        with torch.no_grad():
            for k in range(LAYERS):
                for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                    p = getattr(self.lstm, f"{name}_l{k}")
                    p.copy_(torch.from_numpy(rng.uniform(-bound, bound, tuple(p.shape)).astype(np.float32)))
            generator = torch.Generator().manual_seed(SEED + 1)
            for p in (self.head.weight, self.head.bias):
                p.copy_(torch.rand(p.shape, generator=generator) * 2 * bound - bound)

    def forward(self, windows):
        out, _ = self.lstm(windows.unsqueeze(-1))  # (B, T) -> (B, T, UNITS)
        return self.head(out[:, -1]).squeeze(-1)  # (B,)


# --- Training: mini-batches in a seeded order, mean squared error, clipping; with a validation part,
# the validation loss after every epoch. Returns the epoch with the lowest one (None without validation)
def fit(model, X, y, X_val, y_val, epochs):
    rng = np.random.default_rng(SEED)
    if OPTIMIZER == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=0.9)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    best, best_epoch, best_state = math.inf, None, None
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.from_numpy(rng.permutation(len(X)))
        for start in range(0, len(X), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            loss = torch.nn.functional.mse_loss(model(X[batch]), y[batch])
            optimizer.zero_grad()
            loss.backward()
            if CLIP:
                torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
            optimizer.step()
        if len(y_val):
            model.eval()
            with torch.no_grad():
                val_loss = float(torch.nn.functional.mse_loss(model(X_val), y_val))
            if val_loss < best:
                best, best_epoch = val_loss, epoch
                best_state = {k: v.clone() for k, v in model.state_dict().items()}
    if best_state is not None:  # the chosen epoch's weights, which predict the test part when there is no refit
        model.load_state_dict(best_state)
    return best_epoch


# --- Results: errors in the series' own units, against two baselines. Unlike most tutorials: a model that
# does not beat "the next value equals the last one" has learnt nothing useful
def scores(actual, predicted, series):
    """RMSE, MAE and MAPE in percent. MAPE skips the points whose value is about 0 (at most a billionth of the
    series' largest size) and is NaN for a series with values on both sides of 0, where it means nothing."""
    actual, predicted, size = np.asarray(actual, float), np.asarray(predicted, float), np.abs(series).max()
    kept = np.abs(actual) > 1e-9 * size
    crosses_zero = series.min() < -1e-9 * size and series.max() > 1e-9 * size
    ok = kept.any() and not crosses_zero
    mape = float(np.mean(np.abs((actual[kept] - predicted[kept]) / actual[kept])) * 100) if ok else math.nan
    return {
        "rmse": float(np.sqrt(np.mean((actual - predicted) ** 2))),
        "mae": float(np.mean(np.abs(actual - predicted))),
        "mape": mape,
    }


def main():
    torch.set_num_threads(1)  # as the page trains: one thread
    series = np.loadtxt(HERE / "series.csv", delimiter=",", skiprows=1, usecols=-1, ndmin=1)
    split, val_start, (X_train, y_train, _), (X_val, y_val, _), (X_test, y_test, test_index) = split_windows(series)

    def tensor(a, scaler):
        return torch.as_tensor(scaler.transform(a), dtype=torch.float32)

    # 1. the validation part chooses the number of epochs (the scaler sees the training part only)
    scaler = MinMaxScaler(series[:val_start])
    model = Forecaster()
    epochs = fit(model, tensor(X_train, scaler), tensor(y_train, scaler), tensor(X_val, scaler), tensor(y_val, scaler), EPOCHS)
    # 2. unlike most tutorials: with the epochs chosen, train again from the same seed on training + validation,
    # the whole past (scaler refitted on it, never on the test part), so the model knows the latest values
    if epochs is not None and REFIT:
        scaler = MinMaxScaler(series[:split])
        X_past, y_past = np.concatenate([X_train, X_val]), np.concatenate([y_train, y_val])
        model = Forecaster()
        fit(model, tensor(X_past, scaler), tensor(y_past, scaler), tensor(X_val[:0], scaler), tensor(y_val[:0], scaler), epochs)
    # 3. the test part, scored once
    model.eval()
    with torch.no_grad():
        predicted = scaler.inverse(model(tensor(X_test, scaler)).numpy().astype(float))
    metrics = {  # every forecaster on the same points: seasonal naive only if each has a season of history
        "lstm": scores(y_test, predicted, series),
        "persistence": scores(y_test, series[test_index - 1], series),
        "seasonal_naive": scores(y_test, series[test_index - SEASON], series) if test_index[0] >= SEASON else None,
    }
    for name, value in metrics.items():
        shown = ", ".join(f"{k} {v:.4g}" for k, v in value.items()) if value else "no score (a point without a season of history)"
        print(f"{name}: {shown}")
    (HERE / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
