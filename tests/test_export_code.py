"""Take your code home: the script exported from a /train run, executed in a subprocess on the run's own
data at a small size, reports the same test metrics as the page; the generated code passes ruff."""

import io
import json
import os
import subprocess
import sys
import zipfile

import numpy as np
import pytest

from datasets import classification as D
from lstm_core import cells, export_code
from lstm_core import classifier as C
from lstm_core.training import TrainConfig

pytestmark = pytest.mark.trains

CASES = {
    # text: embedding, two bidirectional layers with dropout between them, early stopping
    "negation_en": (
        {
            "kind": "lstm",
            "embedding_size": 8,
            "hidden_size": 8,
            "num_layers": 2,
            "bidirectional": True,
            "dropout": 0.2,
            "seed": 3,
        },
        TrainConfig(epochs=4, batch_size=16, lr=0.01, patience=1, seed=3),
    ),
    # numbers: a GRU on one-hot symbols, SGD, no clipping
    "parity": (
        {
            "kind": "gru",
            "embedding_size": 8,
            "hidden_size": 6,
            "num_layers": 1,
            "bidirectional": False,
            "dropout": 0.0,
            "seed": 1,
        },
        TrainConfig(epochs=3, batch_size=32, lr=0.05, optimizer="sgd", clip=None, seed=1),
    ),
}


def _page_run(dataset, model_settings, config):
    """What /train does for a run (ui/train_runs._work), and the test metrics it reports."""
    prepared = C.prepare(*D.split(D.load(dataset, seed=0, n=160), seed=0))
    model = C.build_model(prepared, **model_settings)
    C.train_model(model, prepared, config)
    proba = C.predict_proba(model, prepared.test[0])
    return prepared, C.summary(prepared.test[1].numpy(), proba, prepared.num_classes)


@pytest.mark.parametrize("dataset", sorted(CASES))
def test_the_exported_script_reproduces_the_page_s_test_metrics(dataset, tmp_path):
    model_settings, config = CASES[dataset]
    prepared, page = _page_run(dataset, model_settings, config)
    with zipfile.ZipFile(io.BytesIO(export_code.bundle(prepared, model_settings, config))) as z:
        assert sorted(z.namelist()) == ["data.npz", export_code.SCRIPT_NAME, export_code.KERAS_SCRIPT_NAME]
        z.extractall(tmp_path)
    script = tmp_path / export_code.SCRIPT_NAME
    assert "lstm_core" not in script.read_text() and "import ui" not in script.read_text()
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    exported = json.loads((tmp_path / "metrics.json").read_text())
    assert abs(exported["accuracy"] - page["accuracy"]) <= 0.02
    assert abs(exported["f1"] - page["f1"]) <= 0.02
    np.testing.assert_allclose(exported["loss"], page["loss"], rtol=1e-4)  # same machine: the same numbers


def test_a_run_stopped_on_the_page_exports_a_script_that_stops_where_it_did(tmp_path):
    """Stopped "during epoch 5, after 4.3 epochs' worth of batches", the run's script trained all 10 epochs
    and printed other metrics than the page's. It now stops after the batches the run had trained (an
    early-stopping run keeps its patience too: here the stop comes first, and its weights are kept)."""
    model_settings, config = CASES["negation_en"]
    config = TrainConfig(**{**config.__dict__, "epochs": 6})
    prepared = C.prepare(*D.split(D.load("negation_en", seed=0, n=160), seed=0))
    model = C.build_model(prepared, **model_settings)
    steps = iter(range(1, 10**6))
    history = C.train_model(model, prepared, config, should_stop=lambda: next(steps) >= 13)  # 13 batches: epoch 2
    assert history.stopped == "stopped" and history.steps == 13
    page = C.summary(prepared.test[1].numpy(), C.predict_proba(model, prepared.test[0]), prepared.num_classes)
    with zipfile.ZipFile(io.BytesIO(export_code.bundle(prepared, model_settings, config, history.steps))) as z:
        z.extractall(tmp_path)
    assert "STOP_AFTER = 13  #" in (tmp_path / export_code.KERAS_SCRIPT_NAME).read_text()
    done = subprocess.run([sys.executable, export_code.SCRIPT_NAME], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0 and "stopped after 13 batches" in done.stdout, done.stderr[-2000:]
    exported = json.loads((tmp_path / "metrics.json").read_text())
    np.testing.assert_allclose(exported["loss"], page["loss"], rtol=1e-4)  # same machine: the same numbers


@pytest.mark.parametrize("kind", cells.COMPARED)
def test_a_variant_torch_lacks_is_exported_with_its_own_equations(kind, tmp_path):
    """The 1997 LSTM and the CIFG: the script carries the cell's step from lstm_core/cells.py and
    trains to the page's numbers (text, two bidirectional layers: packing in both directions)."""
    model_settings, config = CASES["negation_en"]
    model_settings = {**model_settings, "kind": kind}
    prepared, page = _page_run("negation_en", model_settings, config)
    with zipfile.ZipFile(io.BytesIO(export_code.bundle(prepared, model_settings, config))) as z:
        assert sorted(z.namelist()) == ["data.npz", export_code.SCRIPT_NAME]  # Keras has no such layer
        z.extractall(tmp_path)
    script = tmp_path / export_code.SCRIPT_NAME
    assert f"def {kind}_step(" in script.read_text() and "lstm_core" not in script.read_text()
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    exported = json.loads((tmp_path / "metrics.json").read_text())
    np.testing.assert_allclose(exported["loss"], page["loss"], rtol=1e-4)
    assert abs(exported["accuracy"] - page["accuracy"]) <= 0.02


@pytest.mark.parametrize("kind", cells.COMPARED)
def test_the_variant_script_passes_ruff(kind, tmp_path):
    model_settings, config = CASES["negation_en"]
    path = tmp_path / export_code.SCRIPT_NAME
    path.write_text(export_code.script({**model_settings, "kind": kind}, config))
    for args in (
        ["check", "--isolated", "--line-length", "130", "--select", "E,F,W,I,B,UP,SIM"],
        ["format", "--isolated", "--check", "--line-length", "130"],
    ):
        done = subprocess.run([sys.executable, "-m", "ruff", *args, str(path)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", [export_code.SCRIPT_NAME, export_code.KERAS_SCRIPT_NAME])
def test_the_generated_code_passes_ruff(tmp_path, name):
    model_settings, config = CASES["negation_en"]
    path = tmp_path / name
    path.write_text(export_code.script(model_settings, config, name))
    assert "PATIENCE = 1  #" in path.read_text() and 'KIND = "lstm"  #' in path.read_text()
    for args in (
        ["check", "--isolated", "--line-length", "130", "--select", "E,F,W,I,B,UP,SIM"],
        ["format", "--isolated", "--check", "--line-length", "130"],
    ):
        done = subprocess.run([sys.executable, "-m", "ruff", *args, str(path)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("dataset", sorted(CASES))
def test_the_keras_script_trains_one_epoch_and_its_model_opens_in_the_explorer(dataset, tmp_path):
    """Round trip: the Keras twin trains (one epoch), writes its metrics and model.keras, and the explorer's
    reader gives Keras's own predictions for that model."""
    os.environ.setdefault("KERAS_BACKEND", "torch")  # before the first import of keras
    keras = pytest.importorskip("keras")  # the test-only oracle
    from lstm_core import keras_io

    model_settings, config = CASES[dataset]
    prepared = C.prepare(*D.split(D.load(dataset, seed=0, n=160), seed=0))
    one_epoch = TrainConfig(**{**config.__dict__, "epochs": 1})
    stop_after = 2 if dataset == "parity" else None  # a run stopped on the page: its twin stops there too
    with zipfile.ZipFile(io.BytesIO(export_code.bundle(prepared, model_settings, one_epoch, stop_after))) as z:
        z.extractall(tmp_path)
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    done = subprocess.run(
        [sys.executable, str(tmp_path / export_code.KERAS_SCRIPT_NAME)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert ("stopped after 2 batches" in done.stdout) is (stop_after is not None)
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert set(metrics) == {"loss", "accuracy", "precision", "recall", "f1"} and 0 <= metrics["accuracy"] <= 1
    x = prepared.test[0].numpy()[:8]
    theirs = keras.models.load_model(tmp_path / "model.keras").predict(x, verbose=0)
    opened = keras_io.load((tmp_path / "model.keras").read_bytes())
    for row, expected in zip(x, theirs, strict=True):
        if prepared.text:
            row = row[row != 0][None]  # post-padding: Keras's mask skips it; the explorer reads the words alone
        else:
            row = row[None]
        np.testing.assert_allclose(opened.run(row).prediction[0], expected, atol=1e-5)


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_the_exported_forecaster_reproduces_the_page_s_rmse(optimizer, tmp_path):
    """/forecast's run (lstm_core.forecasting.train_forecaster, as ui/forecast_state runs it) and the exported
    script: the same test RMSE within 5% (the same machine gives the same numbers), the same baselines."""
    from lstm_core import forecasting

    t = np.arange(60)
    values = 100 + 10 * np.sin(2 * np.pi * t / 12) + 0.5 * t  # a seasonal series with a trend
    config = forecasting.ForecastConfig(window=6, layers=2, units=5, epochs=4, batch_size=8, lr=0.02, optimizer=optimizer, seed=2)
    page = forecasting.train_forecaster(values, config).metrics
    with zipfile.ZipFile(io.BytesIO(export_code.forecaster_bundle(values, config))) as z:
        z.extractall(tmp_path)
    done = subprocess.run(
        [sys.executable, str(tmp_path / export_code.FORECAST_SCRIPT_NAME)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    exported = json.loads((tmp_path / "metrics.json").read_text())
    assert exported["lstm"]["rmse"] == pytest.approx(page["lstm"]["test"]["rmse"], rel=0.05)
    np.testing.assert_allclose(exported["lstm"]["rmse"], page["lstm"]["test"]["rmse"], rtol=1e-4)
    for baseline in ("persistence", "seasonal_naive"):
        assert exported[baseline]["rmse"] == pytest.approx(page[baseline]["test"]["rmse"], rel=1e-12)
        assert exported[baseline]["mape"] == pytest.approx(page[baseline]["test"]["mape"], rel=1e-12)  # MAPE the page's way


def test_a_run_whose_refit_was_stopped_exports_a_script_without_it(tmp_path):
    """Stop pressed during /forecast's refit: the page predicts the test part with the model that chose the
    epochs. The exported script refitted anyway, so its RMSE was not the page's."""
    from lstm_core import forecasting
    from ui import forecast_state

    t = np.arange(60)
    values = 100 + 10 * np.sin(2 * np.pi * t / 12) + 0.5 * t
    config = forecasting.ForecastConfig(window=6, units=5, epochs=4, batch_size=8, lr=0.02, seed=2)
    refitting = []
    result = forecasting.train_forecaster(
        values, config, on_refit_progress=lambda p: refitting.append(p), should_stop=lambda: bool(refitting)
    )
    assert result.refit_history is not None and not result.refitted  # stopped during the refit
    with zipfile.ZipFile(io.BytesIO(forecast_state.code_zip(values, config, result)())) as z:
        z.extractall(tmp_path)
    for name in (export_code.FORECAST_SCRIPT_NAME, export_code.FORECAST_KERAS_SCRIPT_NAME):
        assert "\nREFIT = False  #" in (tmp_path / name).read_text()
    script = str(tmp_path / export_code.FORECAST_SCRIPT_NAME)
    done = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    exported = json.loads((tmp_path / "metrics.json").read_text())
    np.testing.assert_allclose(exported["lstm"]["rmse"], result.metrics["lstm"]["test"]["rmse"], rtol=1e-4)
    finished = forecasting.train_forecaster(values, config)  # the same run, its refit not stopped: it is scripted
    assert finished.refitted
    with zipfile.ZipFile(io.BytesIO(forecast_state.code_zip(values, config, finished)())) as z:
        assert "\nREFIT = True  #" in z.read(export_code.FORECAST_SCRIPT_NAME).decode()


@pytest.mark.parametrize("name", [export_code.FORECAST_SCRIPT_NAME, export_code.FORECAST_KERAS_SCRIPT_NAME])
def test_the_exported_scores_compute_mape_the_page_s_way(name):
    """The scripts' MAPE follows lstm_core.forecasting's rule: a noise-free sine's 1e-16 is skipped, and a
    series through 0 has none (it had 1e13 %)."""
    from lstm_core import forecasting

    source = export_code.forecaster_script(forecasting.ForecastConfig(), name)
    code = source[source.index("def scores(") :]
    namespace = {"np": np, "math": __import__("math")}
    exec(code[: code.index("\n\n\n")], namespace)  # the function alone: the script imports torch or keras
    t = np.arange(48.0)
    for series in (
        100 + 10 * np.sin(2 * np.pi * t / 12),
        np.sin(2 * np.pi * t / 12),
        np.r_[np.arange(1.0, 30.0), 1e-16, np.arange(31.0, 49.0)],
    ):
        actual, predicted = series[24:], series[23:-1]
        page = forecasting.scores(actual, predicted, series)["mape"]
        script = namespace["scores"](actual, predicted, series)["mape"]
        assert script == pytest.approx(page, rel=1e-12, nan_ok=True)


@pytest.mark.parametrize("name", [export_code.FORECAST_SCRIPT_NAME, export_code.FORECAST_KERAS_SCRIPT_NAME])
def test_the_generated_forecaster_passes_ruff(tmp_path, name):
    from lstm_core import forecasting

    path = tmp_path / name
    path.write_text(export_code.forecaster_script(forecasting.ForecastConfig(window=7, seed=4), name))
    assert "WINDOW = 7  #" in path.read_text() and "SEED = 4  #" in path.read_text()
    for args in (
        ["check", "--isolated", "--line-length", "130", "--select", "E,F,W,I,B,UP,SIM"],
        ["format", "--isolated", "--check", "--line-length", "130"],
    ):
        done = subprocess.run([sys.executable, "-m", "ruff", *args, str(path)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_keras_forecaster_trains_one_epoch_and_its_model_opens_in_the_explorer(tmp_path):
    os.environ.setdefault("KERAS_BACKEND", "torch")  # before the first import of keras
    keras = pytest.importorskip("keras")  # the test-only oracle
    from lstm_core import forecasting, keras_io

    values = 100 + 10 * np.sin(2 * np.pi * np.arange(60) / 12)
    config = forecasting.ForecastConfig(window=6, layers=2, units=4, epochs=1, seed=2)
    with zipfile.ZipFile(io.BytesIO(export_code.forecaster_bundle(values, config))) as z:
        z.extractall(tmp_path)
    script = tmp_path / export_code.FORECAST_KERAS_SCRIPT_NAME
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert set(metrics) == {"lstm", "persistence", "seasonal_naive"} and metrics["lstm"]["rmse"] > 0
    windows = np.random.default_rng(0).uniform(0, 1, (5, 6, 1)).astype(np.float32)
    theirs = keras.models.load_model(tmp_path / "model.keras").predict(windows, verbose=0)
    opened = keras_io.load((tmp_path / "model.keras").read_bytes())
    np.testing.assert_allclose(opened.run(windows).prediction, theirs, atol=1e-5)
