"""/train's UI state: the settings widgets, the cached data, the background training job, the
finished runs (the current one and the previous one, for comparison) and everything the
evaluation section computes from a run's cached test scores."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import streamlit as st

import ui
import ui.handoff
import ui.jobs
import ui.settings
from datasets import classification
from lstm_core import classifier, export_code, metrics
from lstm_core.errors import UserInputError
from lstm_core.training import TrainConfig
from plots.train import METRICS

RUN = ui.jobs.BackgroundRun("train")
RUNS = "_train_runs"  # newest first; at most two are kept
DATA_SEED = 0  # every run sees the same data and split, so two runs compare models, not data


@dataclass
class Settings:
    dataset: str = "negation_en"
    n: int = 3000
    length: int | None = None
    kind: str = "lstm"
    embedding_size: int = 32
    hidden_size: int = 32
    num_layers: int = 1
    bidirectional: bool = False
    dropout: float = 0.0
    optimizer: str = "adam"
    lr: float = 0.002  # the default run climbs over ~6 epochs (precision ≠ recall on the way) instead of 1.000 at once
    batch_size: int = 32
    epochs: int = 10
    weight_decay: float = 0.0
    early_stopping: bool = False
    patience: int = 3
    seed: int = 0
    positive_share: float = 0.5  # two-class sets: the share of positives kept (down to 5 %)

    def model(self) -> dict:
        keys = ("kind", "embedding_size", "hidden_size", "num_layers", "bidirectional", "dropout", "seed")
        return {k: getattr(self, k) for k in keys}

    def training(self) -> TrainConfig:
        return TrainConfig(
            epochs=self.epochs,
            batch_size=self.batch_size,
            lr=self.lr,
            optimizer=self.optimizer,
            weight_decay=self.weight_decay,
            patience=self.patience if self.early_stopping else None,
            seed=self.seed,
        )


DEFAULTS = Settings()


def history_frame(epochs: list[dict]) -> pd.DataFrame:
    """History rows (dicts from training.fit) as a table with the metric columns in a fixed order."""
    frame = pd.DataFrame(epochs)
    if frame.empty:
        return pd.DataFrame(columns=["epoch"])
    cols = ["epoch"] + [f"{s}_{m}" for s in ("train", "val") for m in METRICS if f"{s}_{m}" in frame]
    return frame[cols]


LIMIT_EXAMPLES = classifier.LIMITS["examples"][1]


# --- the page's settings, one declaration per column (ui/settings.py) -------------------------


def _info(ctx) -> dict:
    return classification.NAMES[ctx["dataset"]]


def _max_examples(ctx) -> int:
    return min(_info(ctx).get("max_n", LIMIT_EXAMPLES), LIMIT_EXAMPLES)


@dataclass(frozen=True)
class Data:
    """The data column. The size, share and length are kept per data set ("n_{dataset}"): each set
    has its own sensible values."""

    dataset: str = ui.settings.choice("data", "train.dataset", tuple(classification.NAMES), DEFAULTS.dataset, "data.{}")
    n: int = ui.settings.number(
        "n_{dataset}", "train.n", classifier.LIMITS["examples"][0], _max_examples, DEFAULTS.n, step=100, advanced=True,
        start=lambda ctx: min(_info(ctx)["default_n"], _max_examples(ctx)),
    )  # fmt: skip
    positive_share: float = ui.settings.slider(
        "pos_{dataset}", "train.positive_share", *classification.SHARE_RANGE, DEFAULTS.positive_share, step=0.05,
        help="train.positive_share_help", when=lambda ctx: _info(ctx)["classes"] == 2,
    )  # fmt: skip
    length: int | None = ui.settings.slider(
        "length_{dataset}", "train.length", lambda ctx: _info(ctx)["length"][1], lambda ctx: _info(ctx)["length"][2],
        DEFAULTS.length, when=lambda ctx: _info(ctx)["supports_length"], start=lambda ctx: _info(ctx)["length"][0],
    )  # fmt: skip


@dataclass(frozen=True)
class Model:
    """The model column (ctx: `dataset`: only a text set has an embedding)."""

    kind: str = ui.settings.choice("kind", "train.kind", classifier.KINDS, DEFAULTS.kind, "train.kind.{}")
    embedding_size: int = ui.settings.slider(
        "emb", "train.embedding_size", *classifier.LIMITS["embedding_size"], DEFAULTS.embedding_size,
        disabled=lambda ctx: _info(ctx)["kind"] != "text",
    )  # fmt: skip
    hidden_size: int = ui.settings.slider("hidden", "train.hidden_size", *classifier.LIMITS["hidden_size"], DEFAULTS.hidden_size)
    num_layers: int = ui.settings.slider(
        "layers", "train.num_layers", *classifier.LIMITS["num_layers"], DEFAULTS.num_layers, advanced=True
    )
    bidirectional: bool = ui.settings.toggle("bi", "train.bidirectional", DEFAULTS.bidirectional, advanced=True)
    dropout: float = ui.settings.slider(
        "dropout", "train.dropout", *classifier.LIMITS["dropout"], DEFAULTS.dropout, step=0.05, help="train.dropout_help"
    )


@dataclass(frozen=True)
class Training:
    optimizer: str = ui.settings.choice(
        "opt", "train.optimizer", ("adam", "sgd"), DEFAULTS.optimizer, "train.opt.{}", widget="segmented"
    )
    lr: float = ui.settings.number(
        "lr", "train.lr", 0.0, 10.0, DEFAULTS.lr, step=0.001, extra={"format": "%.4f"}, help="train.lr_help"
    )
    epochs: int = ui.settings.slider("epochs", "train.epochs", *classifier.LIMITS["epochs"], DEFAULTS.epochs)
    batch_size: str = ui.settings.choice(
        "batch", "train.batch_size", ("8", "16", "32", "64", "128", "256"), str(DEFAULTS.batch_size), advanced=True
    )
    weight_decay: float = ui.settings.number(
        "wd", "train.weight_decay", 0.0, 0.1, DEFAULTS.weight_decay, step=0.0005, extra={"format": "%.4f"}, advanced=True
    )
    early_stopping: bool = ui.settings.toggle("early", "train.early_stopping", DEFAULTS.early_stopping, help="train.early_help")
    seed: int = ui.settings.number("seed", "app.seed", 0, 1_000_000, DEFAULTS.seed, step=1)


@dataclass(frozen=True)
class Threshold:
    """The evaluation's decision threshold (ctx: `positive`, the positive class's name)."""

    threshold: float = ui.settings.slider(
        "threshold", "train.threshold", 0.0, 1.0, 0.5, step=0.01,
        help=lambda ctx: ui.t("train.threshold_help", positive=ctx["positive"]),
    )  # fmt: skip


def controls() -> Settings:
    """The settings widgets (URL-bound), in three columns: data, model, training."""
    data_col, model_col, train_col = st.columns(3)
    data_col.subheader(ui.t("train.data_header"))
    data = ui.settings.draw(Data, where=data_col)
    info = classification.NAMES[data.dataset]
    with data_col.expander(ui.t("train.about_data")):
        st.markdown(ui.t(info["card_key"]))
    model_col.subheader(ui.t("train.model_header"))
    model = ui.settings.draw(Model, where=model_col, dataset=data.dataset)
    if info["kind"] == "text":  # a sequence set's input width is known only once it is loaded
        shape = (model.embedding_size, model.hidden_size, model.num_layers, model.bidirectional)
        count = {k: classifier.recurrent_parameter_count(k, *shape) for k in classifier.KINDS}
        model_col.caption(ui.t("train.param_count", n=count[model.kind], lstm=count["lstm"], gru=count["gru"], rnn=count["rnn"]))
    train_col.subheader(ui.t("train.training_header"))
    training = ui.settings.draw(Training, where=train_col)
    chosen = asdict(data) | asdict(model) | asdict(training) | {"batch_size": int(training.batch_size)}
    return Settings(**chosen, patience=DEFAULTS.patience)


@st.cache_data(max_entries=16, show_spinner=False)
def prepared(dataset: str, n: int, length: int | None, positive_share: float = 0.5) -> classifier.Prepared:
    """Load, split (stratified) and encode; cached per data setting (a copy per session)."""
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


def start(settings: Settings):
    """Prepare the data here (cached, and errors reach the learner at once), then train in a thread."""
    classifier.check_limits(
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


@dataclass
class Started:
    """What a run was started with: its number in this session, its settings and its data."""

    number: int
    settings: Settings
    data: classifier.Prepared
    collected: bool = False  # moved into the list of finished runs


def job():
    return RUN.job


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

    def name(self) -> str:
        s = self.settings
        return ui.t("train.run_name", number=self.number, kind=ui.t(f"train.kind.{s.kind}"), hidden=s.hidden_size, seed=s.seed)


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


def as_numbers(run: Run, k: int) -> list:
    """Test sequence k as the explorer's list of numbers: symbol indices, or the single feature."""
    X = run.data.test[0][k].numpy()  # (T, F)
    return X.argmax(-1).tolist() if run.symbols else X[:, 0].tolist()


def numbers_text(numbers: list, limit: int = 40) -> str:
    return ", ".join(f"{v:g}" for v in numbers[:limit]) + (" …" if len(numbers) > limit else "")


def _hand_off(run: Run):
    model = run.result.model
    data = run.data
    inputs = (
        dict(embedding=model.embedding.weight.detach().numpy().copy(), vocab=data.vocab, tokenise_mode=data.tokenise_mode,
             example=data.test_texts[0])
        if data.text
        else dict(symbols=run.symbols, example=as_numbers(run, 0))
    )  # fmt: skip
    ui.handoff.put(
        ui.handoff.TrainedModel(
            recorder=model.recorder(),
            source="train",
            title=ui.t(
                "train.handoff_title", kind=ui.t(f"train.kind.{run.settings.kind}"), data=ui.t(f"data.{run.settings.dataset}")
            ),
            class_names=[ui.t(c) for c in data.class_names],
            **inputs,
        )
    )


def steps_frame(current) -> pd.DataFrame:
    """The running training loss reported within epochs, against fractional epochs."""
    progress = list(current.progress)
    if not progress:
        return pd.DataFrame(columns=["epoch", "loss"])
    per_epoch = progress[0].total_steps / current.about.settings.epochs
    return pd.DataFrame({"epoch": [p.step / per_epoch for p in progress], "loss": [p.loss for p in progress]})


def live_epochs(current) -> pd.DataFrame:
    return history_frame([{"epoch": p.epoch, **p.metrics} for p in list(current.progress) if p.epoch_end])


def stop_message(run: Run) -> tuple[str, str] | None:
    """(level, text) explaining why a run ended early, or None if it ran all its epochs."""
    if run.error is not None:
        return None
    history = run.result.history
    done = history.epochs[-1]["epoch"] if history.epochs else 0
    if history.stopped == "nan":
        return "error", ui.t("train.stopped_nan", epoch=len(history.epochs) + 1, lr=run.settings.lr)
    if history.stopped == "stopped":
        return "info", ui.t("train.stopped_user", epoch=f"{done:.2f}")
    if history.stopped == "early_stopping":
        return "info", ui.t("train.stopped_early", epoch=int(done), patience=run.settings.patience)
    return None


# --- evaluation from cached scores (no retraining) ---------------------------------------------


def class_labels(run: Run) -> list[str]:
    return [ui.t(c) for c in run.data.class_names]


def threshold_parts(run: Run) -> list:
    """[(part, y_true, proba)] for the threshold's two rows: validation, where it is chosen, then test,
    reported at the chosen threshold. A run without validation scores shows the test row only."""
    parts = []
    if run.result.val_proba is not None:
        parts.append(("val", run.data.val[1].numpy(), run.result.val_proba))
    return [*parts, ("test", run.data.test[1].numpy(), run.result.test_proba)]


def best_f1_threshold(run: Run) -> tuple[float, float] | None:
    """(threshold, F1) with the highest F1 on the validation scores, on the slider's 0.01 grid."""
    if run.result.val_proba is None or run.result.val_proba.shape[1] != 2:
        return None
    y, scores = run.data.val[1].numpy(), run.result.val_proba[:, 1]
    grid = np.round(np.arange(0.0, 1.0001, 0.01), 2)
    f1 = [metrics.metrics_at_threshold(y, scores, th)["f1"] for th in grid]
    f1 = np.nan_to_num(np.asarray(f1, dtype=float), nan=-1.0)
    k = int(np.argmax(f1))  # the lowest threshold among ties
    return float(grid[k]), float(f1[k])


def predictions(run: Run, threshold: float | None) -> np.ndarray:
    """Binary tasks: positive where P(class 1) >= threshold; otherwise the most probable class."""
    proba = run.result.test_proba
    if threshold is not None and proba.shape[1] == 2:
        return (proba[:, 1] >= threshold).astype(np.int64)
    return proba.argmax(1)


def report(run: Run, y_pred) -> pd.DataFrame:
    names = (ui.t("train.report.accuracy"), ui.t("train.report.macro"), ui.t("train.report.weighted"))
    table = metrics.classification_report(run.data.test[1].numpy(), y_pred, class_labels(run), names)
    table.columns = [ui.t(f"train.report.{c}") for c in ("precision", "recall", "f1", "support")]
    return table.reset_index(names=ui.t("train.report.class"))


def versus_baseline(run: Run) -> str | None:
    """When the recurrent model scores below the bag-of-words baseline on the test set: why, in the
    learner's language. Overfitting if the validation loss rose for 2+ epochs after its best epoch."""
    model, baseline = accuracy(run, run.result.test_proba), accuracy(run, run.result.baseline_proba)
    if baseline is None or model is None or model >= baseline:
        return None
    losses = [e["val_loss"] for e in run.result.history.epochs if "val_loss" in e]
    best = int(np.argmin(losses)) if losses else 0
    params = {"model": model, "baseline": baseline}
    if losses and len(losses) - 1 - best >= 2 and losses[-1] > losses[best]:
        return ui.t("train.loses_overfit", **params, epoch=best + 1)
    return ui.t("train.loses_order", **params)


def accuracy(run: Run, proba) -> float | None:
    return None if proba is None else metrics.accuracy(run.data.test[1].numpy(), proba.argmax(1))


def mistakes(run: Run, y_pred) -> pd.DataFrame:
    """Misclassified test examples, most confident mistakes first."""
    y_true = run.data.test[1].numpy()
    proba = run.result.test_proba
    wrong = np.flatnonzero(y_pred != y_true)
    names = class_labels(run)
    confidence = proba[wrong, y_pred[wrong]]
    order = wrong[np.argsort(-confidence, kind="stable")]
    if run.data.text:
        example = [run.data.test_texts[k] for k in order]
    elif run.symbols:  # the symbols themselves: which strings the model gets wrong is the lesson
        example = [f"#{k}: " + "".join(str(v) for v in as_numbers(run, k)) for k in order]
    else:
        example = [f"#{k}" for k in order]
    return pd.DataFrame(
        {
            "index": order,  # not shown: the page maps a chosen mistake back to its test item
            ui.t("train.col.example"): example,
            ui.t("train.col.true"): [names[y_true[k]] for k in order],
            ui.t("train.col.predicted"): [names[y_pred[k]] for k in order],
            ui.t("train.col.confidence"): np.round(proba[order, y_pred[order]], 3),
        }
    )


def token_saliency(run: Run, text: str):
    """(tokens, scores, probabilities) for one text under the run's model."""
    from lstm_core.text import tokenise

    tokens = tokenise(text, run.data.tokenise_mode) or [""]
    ids = run.data.vocab.encode(tokens)
    proba, scores = classifier.saliency(run.result.model, ids)
    return [tok if tok in run.data.vocab.stoi else f"{tok}?" for tok in tokens], scores, proba


def open_in_explorer(example):
    """A sentence, or a list of numbers, opened with the trained model in the explorer."""
    ui.handoff.request(example)
    st.switch_page("pages/explorer.py")


# --- export -----------------------------------------------------------------------------------


def code_zip(run: Run):
    """A callable for st.download_button: the run as a standalone PyTorch script and its data, built on click."""
    return lambda: export_code.bundle(run.data, run.settings.model(), run.settings.training())


def history_csv(run: Run) -> bytes:
    """Every epoch's row as training.fit recorded it ("loss" is the running training loss, with dropout)."""
    return pd.DataFrame(run.result.history.epochs).to_csv(index=False).encode("utf-8")


def report_markdown(run: Run, threshold: float | None) -> bytes:
    """A small run report: settings, test metrics, classification report and confusion matrix."""
    y_pred = predictions(run, threshold)
    names = class_labels(run)
    cm = pd.DataFrame(metrics.confusion_matrix(run.data.test[1].numpy(), y_pred, len(names)), index=names, columns=names)
    baseline = accuracy(run, run.result.baseline_proba)
    lines = [
        f"# {ui.t('train.report_title')}: {run.name()}",
        "",
        f"## {ui.t('train.report_settings')}",
        "",
        *[f"- {label}: {value}" for label, value in ui.settings.described((Data, Model, Training), asdict(run.settings))],
        "",
        f"## {ui.t('train.report_results')}",
        "",
        f"- {ui.t('train.test_accuracy')}: {accuracy(run, run.result.test_proba):.4f}",
        f"- {ui.t('train.baseline_accuracy')}: {'-' if baseline is None else f'{baseline:.4f}'}",
        f"- {ui.t('train.wall_time')}: {run.result.seconds:.1f} s",
        f"- {ui.t('train.threshold')}: {'-' if threshold is None else threshold}",
        "",
        _markdown_table(report(run, y_pred)),
        "",
        f"## {ui.t('train.cm_counts')}",
        "",
        _markdown_table(cm.reset_index(names=f"{ui.t('train.cm_true')} \\ {ui.t('train.cm_predicted')}")),
    ]
    return "\n".join(lines).encode("utf-8")


def _markdown_table(frame: pd.DataFrame) -> str:
    def cell(v):
        if isinstance(v, float):
            return "" if v != v else f"{v:.3f}"  # NaN: the accuracy row has no precision or recall
        return str(v).replace("|", "\\|")

    rows = [[cell(c) for c in frame.columns]] + [[cell(v) for v in row] for row in frame.itertuples(index=False)]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * len(frame.columns))
    return "\n".join(lines)


def history_table(epochs: pd.DataFrame) -> pd.DataFrame:
    """The curves' numbers with their columns named in the learner's language ("训练集 · 损失（交叉熵）")."""
    labels = curve_labels()

    def name(column: str) -> str:
        part, _, metric = column.partition("_")
        return labels["epoch"] if column == "epoch" else f"{labels[part]} · {labels[metric]}"

    return epochs.rename(columns=name)


def curve_labels() -> dict:
    keys = ("loss", "accuracy", "precision", "recall", "f1", "gap", "train", "val", "running", "epoch")
    return {k: ui.t(f"train.curve.{k}") for k in keys}


def roc_labels(kind: str) -> dict:
    common = {"chance": "train.chance", "model": "train.model", "threshold": "train.threshold_point"}
    axes = (
        {"fpr": "train.fpr", "tpr": "train.tpr"}
        if kind == "roc"
        else {"precision": "train.report.precision", "recall": "train.report.recall"}
    )
    return {"title": ui.t(f"train.{kind}_title"), **{k: ui.t(v) for k, v in {**common, **axes}.items()}}


def cm_labels(title_key: str) -> dict:
    return {"title": ui.t(title_key), "true_label": ui.t("train.cm_true"), "predicted_label": ui.t("train.cm_predicted")}


def live_curves() -> list[dict]:
    """What the curves chart shows: the running job (if any) and the finished runs, newest first, two at most."""
    shown = []
    current = job()
    if current is not None and current.running:
        shown.append({"name": ui.t("train.current_run"), "epochs": live_epochs(current), "steps": steps_frame(current)})
    shown += [{"name": run.name(), "epochs": run.epochs, "steps": run.steps} for run in runs()]
    return shown[:2]


def progress_text(current) -> tuple[float, str]:
    progress = list(current.progress)
    if not progress:
        return 0.0, ui.t("train.starting")
    last = progress[-1]
    return last.step / last.total_steps, ui.t(
        "train.progress", epoch=last.epoch, epochs=current.about.settings.epochs, loss=last.loss
    )


def shown_classes() -> list[str]:
    """Translated class names of the run on screen (the running one, else the latest)."""
    current = job()
    if current is not None and current.running:
        return [ui.t(c) for c in current.about.data.class_names]
    return class_labels(runs()[0]) if runs() else []
