"""Take your code home: a /train run as a zip of one plain-PyTorch script and the run's data.

The scripts are `templates/train_classifier.py` (plain PyTorch) and `templates/train_classifier_keras.py`
(Keras 3, as the tutorials write it): real, linted Python files (not modules of this package), with
their settings blocks filled in with the run's values; `data.npz` holds the
splits exactly as the page encoded them, so the script trains the same model on the same numbers.
"""

from __future__ import annotations

import inspect
import io
import json
import re
import zipfile
from pathlib import Path

import numpy as np

from . import cells, classifier, forecasting
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


CELL_BLOCK = re.compile(r"^# --- Cell equations.*?^# --- end of cell equations$", re.M | re.S)


def cell_code(kind: str) -> str:
    """The equations of a /train kind torch.nn has no module for, as the page ran them: the very
    step function of `cells.py` (its source), on torch operations."""
    spec = cells.spec(classifier.RECORDER_KIND[kind])
    blocks = [
        "# --- Cell equations: LSTM Lab's own for this KIND (torch.nn has no module for it), as the page ran them",
        f"GATE_BLOCKS = {spec.gate_blocks}  # weight blocks stacked in W_ih and W_hh: {', '.join(spec.blocks)}",
        inspect.getsource(cells.TorchOps).strip(),
        "NumpyOps = TorchOps  # the step's default operations: in this script they act on torch tensors",
        inspect.getsource(cells._as_is).strip(),
        inspect.getsource(cells.split).strip(),
        inspect.getsource(spec.step).strip(),
        f"def cell_step(xw, h, c, W_hh, b_hh):\n    return {spec.step.__name__}(xw, h, c, W_hh, b_hh, ops=TorchOps)",
        "# --- end of cell equations",
    ]
    return "\n\n\n".join(blocks)


def keras_has(kind: str) -> bool:
    """The Keras twin exists for the kinds Keras has a layer for (LSTM, GRU, SimpleRNN)."""
    return cells.spec(classifier.RECORDER_KIND[kind]).torch_module is not None


def script(model_settings: dict, config: TrainConfig, name: str = SCRIPT_NAME, stop_after: int | None = None) -> str:
    """A classifier script (`name`: PyTorch or Keras) with the run's settings."""
    text = _script(model_settings, config, name, stop_after)
    if name == SCRIPT_NAME and not keras_has(model_settings["kind"]):
        text, count = CELL_BLOCK.subn(lambda m: cell_code(model_settings["kind"]), text)
        if count != 1:
            raise ValueError("the template has no single cell-equations block")
    return text


def _script(model_settings: dict, config: TrainConfig, name: str, stop_after: int | None) -> str:
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
            "STOP_AFTER": None if stop_after is None else int(stop_after),
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
            "REFIT": bool(config.refit),
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


def bundle(prepared: Prepared, model_settings: dict, config: TrainConfig, stop_after: int | None = None) -> bytes:
    """The zip: the PyTorch script, its Keras twin (for the kinds Keras has) and data.npz. stop_after: the
    batches a run stopped on the page had trained, so the script stops where it did."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(SCRIPT_NAME, script(model_settings, config, stop_after=stop_after))
        if keras_has(model_settings["kind"]):
            z.writestr(KERAS_SCRIPT_NAME, script(model_settings, config, KERAS_SCRIPT_NAME, stop_after))
        z.writestr("data.npz", data_npz(prepared))
    return buffer.getvalue()
