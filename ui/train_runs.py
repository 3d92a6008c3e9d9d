"""/train's runs: the cached data, the background training job (ui/jobs.py), and the finished runs of
this session (the current one and the previous one, for comparison), handed on to /explorer."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st

import ui
import ui.handoff
import ui.jobs
from datasets import classification
from lstm_core import classifier_choices
from lstm_core.errors import UserInputError
from plots.train import METRICS
from ui.i18n import translate
from ui.train_settings import Settings

if TYPE_CHECKING:
    from lstm_core import classifier

RUN = ui.jobs.BackgroundRun("train")
RUNS = "_train_runs"  # newest first; at most two are kept
DATA_SEED = 0  # every run sees the same data and split, so two runs compare models, not data


@st.cache_data(max_entries=16, show_spinner=False)
def prepared(dataset: str, n: int, length: int | None, positive_share: float = 0.5) -> classifier.Prepared:
    """Load, split (stratified) and encode; cached per data setting (a copy per session)."""
    from lstm_core import classifier  # torch: imported once a learner trains, not when /train opens

    data = classification.load(dataset, seed=DATA_SEED, n=n, length=length, positive_share=positive_share)
    return classifier.prepare(*classification.split(data, seed=DATA_SEED))


# --- the background run -----------------------------------------------------------------------


@dataclass
class Result:
    history: object  # training.History
    seconds: float
    model: classifier.SequenceClassifier
    test_proba: np.ndarray | None  # (N, C); None if the loss became NaN
    baseline_proba: np.ndarray | None
    val_proba: np.ndarray | None = None  # (N_val, C): where the decision threshold is chosen


def _work(job, data: classifier.Prepared, settings: Settings) -> Result:
    """Runs in the job's thread: no Streamlit calls here."""
    from lstm_core import classifier

    with job.slot():
        model = classifier.build_model(data, **settings.model())
        start = time.monotonic()
        history = classifier.train_model(model, data, settings.training(), job.progress.append, job.should_stop)
        seconds = time.monotonic() - start
        if history.stopped == "nan":
            return Result(history, seconds, model, None, None)
        test_proba = classifier.predict_proba(model, data.test[0])
        val_proba = classifier.predict_proba(model, data.val[0])
        baseline_proba = None
        if history.stopped != "stopped":  # a stop means stop: no baseline run after it
            baseline, _ = classifier.train_baseline(data, settings.seed)
            baseline_proba = classifier.predict_proba(baseline, data.test[0])
        return Result(history, seconds, model, test_proba, baseline_proba, val_proba)


@dataclass
class Started:
    """What a run was started with: its number in this session, its settings and its data."""

    number: int
    settings: Settings
    data: classifier.Prepared
    collected: bool = False  # moved into the list of finished runs


def start(settings: Settings):
    """Prepare the data here (cached, and errors reach the learner at once), then train in a thread."""
    classifier_choices.check_limits(
        embedding_size=settings.embedding_size,
        hidden_size=settings.hidden_size,
        num_layers=settings.num_layers,
        dropout=settings.dropout,
        epochs=settings.epochs,
        batch_size=settings.batch_size,
        examples=settings.n,
    )
    if not settings.lr > 0 or not np.isfinite(settings.lr):
        raise UserInputError("train.err_lr", lr=settings.lr)
    data = prepared(settings.dataset, settings.n, settings.length, settings.positive_share)
    st.session_state["_train_number"] = st.session_state.get("_train_number", 0) + 1
    return RUN.start(_work, data, settings, about=Started(st.session_state["_train_number"], settings, data))


def history_frame(epochs: list[dict]) -> pd.DataFrame:
    """History rows (dicts from training.fit) as a table with the metric columns in a fixed order."""
    frame = pd.DataFrame(epochs)
    if frame.empty:
        return pd.DataFrame(columns=["epoch"])
    cols = ["epoch"] + [f"{s}_{m}" for s in ("train", "val") for m in METRICS if f"{s}_{m}" in frame]
    return frame[cols]


def steps_frame(current) -> pd.DataFrame:
    """The running training loss reported within epochs, against fractional epochs."""
    progress = list(current.progress)
    if not progress:
        return pd.DataFrame(columns=["epoch", "loss"])
    per_epoch = progress[0].total_steps / current.about.settings.epochs
    return pd.DataFrame({"epoch": [p.step / per_epoch for p in progress], "loss": [p.loss for p in progress]})


def live_epochs(current) -> pd.DataFrame:
    return history_frame([{"epoch": p.epoch, **p.metrics} for p in list(current.progress) if p.epoch_end])


def progress_text(current) -> tuple[float, str]:
    progress = list(current.progress)
    if not progress:
        return 0.0, ui.t("train.starting")
    last = progress[-1]
    return last.step / last.total_steps, ui.t(
        "train.progress", epoch=last.epoch, epochs=current.about.settings.epochs, loss=last.loss
    )


# --- finished runs ----------------------------------------------------------------------------


@dataclass
class Run:
    number: int
    settings: Settings
    data: classifier.Prepared
    result: Result | None
    error: Exception | None
    steps: pd.DataFrame = field(default_factory=pd.DataFrame)  # running loss within epochs

    @property
    def epochs(self) -> pd.DataFrame:
        return history_frame(self.result.history.epochs if self.result else [])

    @property
    def evaluable(self) -> bool:
        return self.result is not None and self.result.test_proba is not None

    @property
    def features(self) -> int | None:
        """Input features per step of a sequence run (None for text)."""
        return None if self.data.text else int(self.data.test[0].shape[-1])

    @cached_property
    def symbols(self) -> int | None:
        """How many symbols a sequence run's one-hot steps encode (parity, brackets, ...), else None.
        Cached: the whole test set is scanned once, not for every mistake listed on every rerun."""
        if self.data.text:
            return None
        X = self.data.test[0].numpy()
        return X.shape[-1] if X.shape[-1] > 1 and np.all((X == 0) | (X == 1)) and np.all(X.sum(-1) == 1) else None

    @property
    def explorable(self) -> bool:
        """Whether /explorer can read this run's inputs: text, symbols, or one number a step."""
        return self.data.text or bool(self.symbols) or self.features == 1

    def example(self, k: int):
        """Test example k as the explorer opens it: its text, or its list of numbers."""
        return self.data.test_texts[k] if self.data.text else self.numbers(k)

    def numbers(self, k: int) -> list:
        """Test sequence k as the explorer's list of numbers: symbol indices, or the single feature."""
        X = self.data.test[0][k].numpy()  # (T, F)
        return X.argmax(-1).tolist() if self.symbols else X[:, 0].tolist()

    def class_names(self) -> list[str]:
        return [ui.t(c) for c in self.data.class_names]

    def name(self) -> str:
        s = self.settings
        return ui.t("train.run_name", number=self.number, kind=ui.t(f"train.kind.{s.kind}"), hidden=s.hidden_size, seed=s.seed)


def job():
    return RUN.job


def runs() -> list[Run]:
    return st.session_state.setdefault(RUNS, [])


def collect():
    """Move a finished job into the list of runs (once) and hand its model to the explorer."""
    current = job()
    if current is None or current.running or current.about.collected:
        return
    current.about.collected = True
    if current.cancelled:
        return
    about = current.about
    run = Run(about.number, about.settings, about.data, current.result, current.error, steps_frame(current))
    st.session_state[RUNS] = [run, *runs()][:2]
    if run.evaluable and run.explorable:
        _hand_off(run)


def _hand_off(run: Run):
    model = run.result.model
    data = run.data
    inputs = (
        dict(embedding=model.embedding.weight.detach().numpy().copy(), vocab=data.vocab, tokenise_mode=data.tokenise_mode)
        if data.text
        else dict(symbols=run.symbols)
    )  # fmt: skip
    ui.handoff.put(
        ui.handoff.TrainedModel(
            recorder=model.recorder(),
            source="train",
            title=ui.handoff.in_every_language(
                "train.handoff_title",
                kind=lambda lang: translate(f"train.kind.{run.settings.kind}", lang),
                data=lambda lang: translate(f"data.{run.settings.dataset}", lang),
            ),
            class_names=run.class_names(),
            example=run.example(0),
            run=run.number,
            **inputs,
        )
    )


def open_in_explorer(example):
    """A sentence, or a list of numbers, opened with the trained model in the explorer."""
    ui.handoff.request(example)
    st.switch_page("pages/explorer.py")


def live_curves() -> list[dict]:
    """What the curves chart shows: the running job (if any) and the finished runs, newest first, two at most,
    of one data set: a negation run's precision (of "positive") beside a digits run's (a macro average over
    ten classes) compared two different measures under one name."""
    shown = []
    current = job()
    if current is not None and current.running:
        curves = {"name": ui.t("train.current_run"), "epochs": live_epochs(current), "steps": steps_frame(current)}
        shown.append((current.about.settings.dataset, curves))
    shown += [(run.settings.dataset, {"name": run.name(), "epochs": run.epochs, "steps": run.steps}) for run in runs()]
    return [curves for dataset, curves in shown if dataset == shown[0][0]][:2]


def shown_classes() -> list[str]:
    """Translated class names of the run on screen (the running one, else the latest)."""
    current = job()
    if current is not None and current.running:
        return [ui.t(c) for c in current.about.data.class_names]
    return runs()[0].class_names() if runs() else []


def stop_message(run: Run) -> tuple[str, str] | None:
    """(level, text) explaining why a run ended early or kept an earlier epoch's weights; None otherwise."""
    if run.error is not None:
        return None
    history = run.result.history
    done = history.epochs[-1]["epoch"] if history.epochs else 0
    if history.stopped == "nan":
        return "error", ui.t("train.stopped_nan", epoch=len(history.epochs) + 1, lr=run.settings.lr)
    if history.stopped == "stopped":
        if float(done).is_integer():  # between two epochs
            return "info", ui.t("train.stopped_user_end", epoch=int(done))
        # rounded down to a tenth: 2.96 epochs' worth reads 2.9, never "during epoch 3, after 3.0 epochs' worth"
        return "info", ui.t("train.stopped_user", epoch=f"{math.floor(done * 10) / 10:.1f}", current=math.floor(done) + 1)
    if history.stopped == "early_stopping":
        return "info", ui.t("train.stopped_early", epoch=int(done), patience=run.settings.patience, best=history.best_epoch)
    if history.best_epoch is not None and history.best_epoch < done:
        return "info", ui.t("train.kept_best", epochs=int(done), epoch=history.best_epoch)
    return None
