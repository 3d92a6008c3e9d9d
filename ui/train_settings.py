"""/train's settings: the values a run is started with (`Settings`), and their declarations (ui/settings.py),
one per column of the page, plus the evaluation's decision threshold."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import streamlit as st

import ui
import ui.settings
from datasets import classification
from lstm_core import classifier_choices as choices
from lstm_core.training import TrainConfig


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
LIMIT_EXAMPLES = choices.LIMITS["examples"][1]


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
        "n_{dataset}", "train.n", choices.LIMITS["examples"][0], _max_examples, DEFAULTS.n, step=100, advanced=True,
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

    kind: str = ui.settings.choice("kind", "train.kind", choices.KINDS, DEFAULTS.kind, "train.kind.{}")
    embedding_size: int = ui.settings.slider(
        "emb", "train.embedding_size", *choices.LIMITS["embedding_size"], DEFAULTS.embedding_size,
        disabled=lambda ctx: _info(ctx)["kind"] != "text",
    )  # fmt: skip
    hidden_size: int = ui.settings.slider("hidden", "train.hidden_size", *choices.LIMITS["hidden_size"], DEFAULTS.hidden_size)
    num_layers: int = ui.settings.slider(
        "layers", "train.num_layers", *choices.LIMITS["num_layers"], DEFAULTS.num_layers, advanced=True
    )
    bidirectional: bool = ui.settings.toggle("bi", "train.bidirectional", DEFAULTS.bidirectional, advanced=True)
    dropout: float = ui.settings.slider(
        "dropout", "train.dropout", *choices.LIMITS["dropout"], DEFAULTS.dropout, step=0.05, help="train.dropout_help"
    )


@dataclass(frozen=True)
class Training:
    optimizer: str = ui.settings.choice(
        "opt", "train.optimizer", ("adam", "sgd"), DEFAULTS.optimizer, "train.opt.{}", widget="segmented"
    )
    lr: float = ui.settings.number(
        "lr", "train.lr", 0.0, 10.0, DEFAULTS.lr, step=0.001, extra={"format": "%g"}, help="train.lr_help"
    )
    epochs: int = ui.settings.slider("epochs", "train.epochs", *choices.LIMITS["epochs"], DEFAULTS.epochs)
    batch_size: str = ui.settings.choice(
        "batch", "train.batch_size", ("8", "16", "32", "64", "128", "256"), str(DEFAULTS.batch_size), advanced=True
    )
    weight_decay: float = ui.settings.number(
        "wd", "train.weight_decay", 0.0, 0.1, DEFAULTS.weight_decay, step=0.0005, extra={"format": "%g"}, advanced=True
    )
    early_stopping: bool = ui.settings.toggle("early", "train.early_stopping", DEFAULTS.early_stopping, help="train.early_help")
    # "%d": a seed names a run ("seed 123456"), it counts nothing, so its thousands are not grouped (ui.settings.as_drawn)
    seed: int = ui.settings.number("seed", "app.seed", 0, 1_000_000, DEFAULTS.seed, step=1, extra={"format": "%d"})


RUN_DECLARATIONS = (Data, Model, Training)  # what a run is started with; the threshold only re-scores it
# The evaluation's tabs, as ?tab= names them (ui.tabs): a link opens a lesson's tab once the run is trained,
# and a language switch keeps the learner's tab (st.tabs had gone back to the first).
RESULT_TABS = ("cm", "report", "curves", "mistakes", "export")


@dataclass(frozen=True)
class Threshold:
    """The evaluation's decision threshold (ctx: `positive`, the positive class's name)."""

    threshold: float = ui.settings.slider(
        "threshold", "train.threshold", 0.0, 1.0, 0.5, step=0.01,
        help=lambda ctx: ui.t("train.threshold_help", positive=ctx["positive"]),
    )  # fmt: skip


def controls() -> Settings:
    """The settings widgets (URL-bound), in three columns: data, model, training. In teacher mode the
    data across the page, model and training under it: a projector's larger text in a third of the page
    cut the data set's name and the optimiser's second option ("SGD（动量 0.9）")."""
    if ui.teacher():
        data_col, (model_col, train_col) = st.container(), st.columns(2)
    else:
        data_col, model_col, train_col = st.columns(3)
    ui.heading(data_col.subheader, "train.data_header")
    data = ui.settings.draw(Data, where=data_col)
    info = classification.NAMES[data.dataset]
    with data_col.expander(ui.t("train.about_data")):
        st.markdown(ui.t(info["card_key"]))
    ui.heading(model_col.subheader, "train.model_header")
    model = ui.settings.draw(Model, where=model_col, dataset=data.dataset)
    width = model.embedding_size if info["kind"] == "text" else info["features"]  # what the recurrent layer reads a step
    shape = (width, model.hidden_size, model.num_layers, model.bidirectional)
    count = {k: choices.recurrent_parameter_count(k, *shape) for k in choices.KINDS}
    model_col.caption(ui.t("train.param_count", n=count[model.kind], lstm=count["lstm"], gru=count["gru"], rnn=count["rnn"]))
    ui.heading(train_col.subheader, "train.training_header")
    training = ui.settings.draw(Training, where=train_col)
    chosen = asdict(data) | asdict(model) | asdict(training) | {"batch_size": int(training.batch_size)}
    return Settings(**chosen, patience=DEFAULTS.patience)
