"""Train the forecaster of one LSTM Lab run in Keras 3: the same series, split and settings as the PyTorch
script beside it, written the way Keras tutorials write it. It trains, prints the test errors of the LSTM
and of two baselines, writes them to metrics.json and saves model.keras, which LSTM Lab's explorer opens
gate by gate (give it the scaled window as numbers).

Where it differs from a tutorial's usual code (each is marked "Unlike most tutorials" below):
- the scaler is fitted on the training part only, not on the whole series before splitting;
- the errors are compared with two baselines, persistence and seasonal naive;
- the validation part is the tail of the past, just before the test part, given as validation_data (Keras's
  validation_split would take the last windows too, but after the scaler had seen them); it chooses the number
  of epochs; then a fresh model is trained on training + validation for that many epochs (the scaler refitted on
  those two parts, never on the test part; REFIT = False keeps the chosen epoch's weights instead), and the test
  part is scored once, at the end;
- the starting weights follow PyTorch's rule, as the page's model does, not Keras's defaults, and Adam has
  PyTorch's epsilon (build()): the twin trains the page's model, not another one.
Its random draws (starting weights, batch order) are Keras's own, so its numbers will not equal the PyTorch
script's. On a short series one run is one draw: another seed, or another library's generators, ends
training elsewhere, so compare a few seeds before calling one setting better.

    python train_forecaster_keras.py
"""

import json
import math
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "torch")  # any Keras 3 backend works (LSTM Lab tests it on torch)
import keras  # noqa: E402

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


class BestEpoch(keras.callbacks.Callback):
    """Remembers the epoch (1-based) with the lowest validation loss, and puts its weights back at the end."""

    def __init__(self):
        super().__init__()
        self.best, self.epoch, self.weights = float("inf"), None, None

    def on_epoch_end(self, epoch, logs=None):
        if logs and "val_loss" in logs and logs["val_loss"] < self.best:
            self.best, self.epoch, self.weights = logs["val_loss"], epoch + 1, self.model.get_weights()

    def on_train_end(self, logs=None):
        if self.weights is not None:
            self.model.set_weights(self.weights)


def windows(series, fit_end):
    """Min-Max scaling fitted on series[:fit_end], then every (window, next value) pair of the scaled series."""
    low, high = float(series[:fit_end].min()), float(series[:fit_end].max())
    span = high - low if high > low else 1.0
    scaled = (series - low) / span
    n_pairs = len(series) - WINDOW
    X = np.lib.stride_tricks.sliding_window_view(scaled, WINDOW)[:n_pairs][..., None]  # (n_pairs, WINDOW, 1)
    return X, scaled[WINDOW:], low, span


def build():
    """Stacked LSTM, then Dense(1) on the last hidden state. Unlike most tutorials: every weight and bias starts
    from PyTorch's rule, U(-1/√UNITS, 1/√UNITS), as in the PyTorch script, and not from Keras's defaults
    (glorot_uniform kernels, orthogonal recurrent kernels, zero biases with 1 in the forget gate's): on a series
    this short, where training ends depends on where it starts. One difference stays: a Keras LSTM has one
    bias per gate where PyTorch has two."""
    bound = 1 / math.sqrt(UNITS)

    def uniform():  # a new initializer for each weight: Keras draws it from the seed set in main()
        return keras.initializers.RandomUniform(-bound, bound)

    def lstm(k):
        return keras.layers.LSTM(
            UNITS,
            return_sequences=k < LAYERS - 1,  # every layer but the top one hands its whole sequence of h on
            kernel_initializer=uniform(),
            recurrent_initializer=uniform(),
            bias_initializer=uniform(),
            unit_forget_bias=False,  # else Keras sets the forget gate's bias to 1
        )

    head = keras.layers.Dense(1, kernel_initializer=uniform(), bias_initializer=uniform())
    model = keras.Sequential([keras.Input((WINDOW, 1)), *(lstm(k) for k in range(LAYERS)), head])
    clip = {"global_clipnorm": CLIP} if CLIP else {}
    if OPTIMIZER == "sgd":
        optimizer = keras.optimizers.SGD(LR, momentum=0.9, **clip)
    else:
        optimizer = keras.optimizers.Adam(LR, epsilon=1e-8, **clip)  # PyTorch's epsilon (Keras's default: 1e-7)
    model.compile(optimizer=optimizer, loss="mse")
    return model


def main():
    keras.utils.set_random_seed(SEED)
    series = np.loadtxt(HERE / "series.csv", delimiter=",", skiprows=1, usecols=-1, ndmin=1)
    # --- Data: the last part is the test part, never shuffled across
    split = len(series) - max(MIN_TEST_POINTS, round(len(series) * TEST_FRACTION))
    val_start = split - max(MIN_VAL_POINTS, round(len(series) * VAL_FRACTION)) if VAL_FRACTION > 0 else split
    target = np.arange(WINDOW, len(series))
    train, test = target < val_start, target >= split
    val = ~train & ~test
    # Unlike most tutorials: the Min-Max scaler is fitted on the training part only
    X, y, low, span = windows(series, val_start)
    model = build()
    # Unlike most tutorials: the validation part chooses the number of epochs; the test part steers nothing
    best = BestEpoch()
    validation = (X[val], y[val]) if val.any() else None
    model.fit(X[train], y[train], epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=2, validation_data=validation, callbacks=[best])
    if best.epoch is not None and REFIT:
        # then a fresh model, from the same seed, on training + validation (the whole past, scaler refitted on it)
        keras.utils.set_random_seed(SEED)
        X, y, low, span = windows(series, split)
        model = build()
        model.fit(X[~test], y[~test], epochs=best.epoch, batch_size=BATCH_SIZE, verbose=2)
    predicted = model.predict(X[test], verbose=0)[:, 0] * span + low
    # --- Results. Unlike most tutorials: two baselines; a model that does not beat "the next value equals
    # the last one" has learnt nothing useful
    index = target[test]
    metrics = {  # every forecaster on the same points: seasonal naive only if each has a season of history
        "lstm": scores(series[index], predicted, series),
        "persistence": scores(series[index], series[index - 1], series),
        "seasonal_naive": scores(series[index], series[index - SEASON], series) if index[0] >= SEASON else None,
    }
    for name, value in metrics.items():
        shown = ", ".join(f"{k} {v:.4g}" for k, v in value.items()) if value else "no score (a point without a season of history)"
        print(f"{name}: {shown}")
    (HERE / "metrics.json").write_text(json.dumps(metrics, indent=2))
    model.save(HERE / "model.keras")  # open it in LSTM Lab's explorer, gate by gate


if __name__ == "__main__":
    main()
