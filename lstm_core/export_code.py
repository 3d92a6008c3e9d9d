"""Take your code home: a /train run as a zip of one plain-PyTorch script and the run's data.

The scripts are `templates/train_classifier.py` (plain PyTorch) and `templates/train_classifier_keras.py`
(Keras 3, as the tutorials write it): real, linted Python files (not modules of this package), with
their settings blocks filled in with the run's values; `data.npz` holds the
splits exactly as the page encoded them, so the script trains the same model on the same numbers.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import numpy as np

from . import forecasting
from .classifier import Prepared
from .forecasting import ForecastConfig
from .training import TrainConfig

TEMPLATES = Path(__file__).with_name("templates")
SCRIPT_NAME = "train_classifier.py"
KERAS_SCRIPT_NAME = "train_classifier_keras.py"
FORECAST_SCRIPT_NAME = "train_forecaster.py"
FORECAST_KERAS_SCRIPT_NAME = "train_forecaster_keras.py"


def _literal(value) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def fill(name: str, values: dict) -> str:
    """The template `name` with `values` written into its settings block (one line per setting)."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for setting, value in values.items():
        pattern = rf"^{setting} = [^#\n]*?(  #[^\n]*)$"
        text, count = re.subn(pattern, lambda m, v=value, n=setting: f"{n} = {_literal(v)}{m.group(1)}", text, flags=re.M)
        if count != 1:
            raise ValueError(f"the template has no single setting {setting}")
    return text


def script(model_settings: dict, config: TrainConfig, name: str = SCRIPT_NAME) -> str:
    """A classifier script (`name`: PyTorch or Keras) with the run's settings."""
    return fill(
        name,
        {
            "KIND": model_settings["kind"],
            "EMBEDDING_SIZE": int(model_settings["embedding_size"]),
            "HIDDEN_SIZE": int(model_settings["hidden_size"]),
            "NUM_LAYERS": int(model_settings["num_layers"]),
            "BIDIRECTIONAL": bool(model_settings["bidirectional"]),
            "DROPOUT": float(model_settings["dropout"]),
            "OPTIMIZER": config.optimizer,
            "LR": float(config.lr),
            "BATCH_SIZE": int(config.batch_size),
            "EPOCHS": int(config.epochs),
            "WEIGHT_DECAY": float(config.weight_decay),
            "CLIP": None if not config.clip else float(config.clip),
            "PATIENCE": int(config.patience) if config.patience else None,
            "SEED": int(model_settings["seed"]),
        },
    )


def forecaster_script(config: ForecastConfig, name: str = FORECAST_SCRIPT_NAME) -> str:
    """A forecaster script (`name`: PyTorch or Keras) with a /forecast run's settings (clipping: TrainConfig's)."""
    return fill(
        name,
        {
            "WINDOW": int(config.window),
            "TEST_FRACTION": float(config.test_fraction),
            "VAL_FRACTION": float(config.val_fraction),
            "LAYERS": int(config.layers),
            "UNITS": int(config.units),
            "EPOCHS": int(config.epochs),
            "BATCH_SIZE": int(config.batch_size),
            "LR": float(config.lr),
            "OPTIMIZER": config.optimizer,
            "CLIP": float(TrainConfig().clip),
            "SEED": int(config.seed),
            "SEASON": int(config.season),
            "MIN_TEST_POINTS": int(forecasting.MIN_TEST_POINTS),
            "MIN_VAL_POINTS": int(forecasting.MIN_VAL_POINTS),
        },
    )


def forecaster_bundle(values, config: ForecastConfig) -> bytes:
    """The zip of a /forecast run: the PyTorch script, its Keras twin and series.csv (full precision)."""
    series = io.StringIO()
    np.savetxt(series, np.asarray(values, dtype=float), fmt="%.17g", header="value", comments="")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(FORECAST_SCRIPT_NAME, forecaster_script(config))
        z.writestr(FORECAST_KERAS_SCRIPT_NAME, forecaster_script(config, FORECAST_KERAS_SCRIPT_NAME))
        z.writestr("series.csv", series.getvalue())
    return buffer.getvalue()


def data_npz(prepared: Prepared) -> bytes:
    arrays = {"class_names": np.array([str(c) for c in prepared.class_names])}
    for split in ("train", "val", "test"):
        x, y = getattr(prepared, split)
        arrays[f"{split}_x"] = x.numpy().astype(np.int32) if prepared.text else x.numpy()
        arrays[f"{split}_y"] = y.numpy().astype(np.int64)
    if prepared.text:
        arrays["vocab_size"] = np.array(len(prepared.vocab))
        arrays["vocab"] = np.array(list(prepared.vocab.itos))  # id -> token, for reading the ids
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def bundle(prepared: Prepared, model_settings: dict, config: TrainConfig) -> bytes:
    """The zip: the PyTorch script, its Keras twin and data.npz."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(SCRIPT_NAME, script(model_settings, config))
        z.writestr(KERAS_SCRIPT_NAME, script(model_settings, config, KERAS_SCRIPT_NAME))
        z.writestr("data.npz", data_npz(prepared))
    return buffer.getvalue()
