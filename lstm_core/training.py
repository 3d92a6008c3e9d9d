"""The one training loop: the /train classifiers, the /forecast forecasters and the adding problem
(experiments.train_adding) all train through `fit`.

Each step takes a batch, computes the loss, back-propagates, measures the gradient norm (clipping it
to `clip` when that is set) and takes one optimiser step. The batches come from a source: `Shuffled`
(fixed examples in a new order every epoch) or `Stream` (a fresh batch drawn for every step).

It knows nothing of the UI: progress goes out through `on_progress` (called at most every
`report_every` seconds and at the end of every epoch), `on_step` sees every step's loss and gradient
norm, and `should_stop()` is checked after every batch, so a stop button takes effect within one
batch. A loss that is not finite ends training after its step. Randomness comes only from seeds,
through their own generators: two learners training at once never disturb each other's results.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .errors import UserInputError

if TYPE_CHECKING:
    import torch


@dataclass
class TrainConfig:
    epochs: int = 10
    batch_size: int = 32
    lr: float = 1e-3
    optimizer: str = "adam"  # "adam" or "sgd"
    momentum: float = 0.9  # SGD's; 0 is plain SGD, whose step is the gradient itself
    weight_decay: float = 0.0  # L2 penalty, applied by the optimiser
    clip: float | None = 1.0  # max gradient norm; None switches clipping off
    patience: int | None = None  # early stopping: epochs without validation improvement
    seed: int = 0  # of the shuffling (Shuffled); the caller draws the model's weights
    report_every: float = 0.5  # seconds between progress reports within an epoch


@dataclass
class Progress:
    epoch: int  # 1-based; the epoch being trained
    step: int  # batches done in total
    total_steps: int
    loss: float  # running mean of this epoch's training loss
    epoch_end: bool = False
    metrics: dict = field(default_factory=dict)  # what `evaluate` returned (epoch ends only)


@dataclass
class History:
    epochs: list = field(default_factory=list)  # one dict per epoch: {"epoch", "loss", **metrics}
    stopped: str | None = None  # None (finished), "stopped", "early_stopping", "nan" (the loss was not finite)
    steps: int = 0  # optimiser steps taken (a stopped run's exported script stops after as many)
    best_state: dict | None = None  # the weights with the best validation score (early stopping)
    best_epoch: int | None = None  # the epoch they are from: the model ends with them (see train)


def make_optimizer(params, config: TrainConfig):
    if config.lr <= 0 or not math.isfinite(config.lr):
        raise UserInputError("train.err_lr", lr=config.lr)
    import torch  # here, not above: a page that only shows these settings does not wait for torch

    if config.optimizer == "sgd":
        return torch.optim.SGD(params, lr=config.lr, momentum=config.momentum, weight_decay=config.weight_decay)
    return torch.optim.Adam(params, lr=config.lr, weight_decay=config.weight_decay)


class Shuffled:
    """Fixed examples (inputs, targets), batch-first along dim 0, in a new order every epoch drawn
    from `seed`."""

    def __init__(self, inputs: torch.Tensor, targets: torch.Tensor, batch_size: int, seed: int):
        if len(inputs) == 0:
            raise UserInputError("train.err_empty")
        self.inputs, self.targets, self.batch_size = inputs, targets, batch_size
        self.examples = len(inputs)  # per epoch
        self.rng = np.random.default_rng(seed)

    def __len__(self) -> int:  # batches per epoch
        return math.ceil(self.examples / self.batch_size)

    def __iter__(self):
        import torch

        order = torch.from_numpy(self.rng.permutation(self.examples))
        for start in range(0, self.examples, self.batch_size):
            batch = order[start : start + self.batch_size]
            yield self.inputs[batch], self.targets[batch]


class Stream:
    """`steps` fresh batches per epoch, each draw(batch_size, rng) -> (inputs, targets), all from one
    generator seeded by `seed` (an int or a list of ints): the model never sees an example twice."""

    def __init__(self, draw: Callable, batch_size: int, steps: int, seed: int | list[int]):
        self.draw, self.batch_size, self.steps = draw, batch_size, steps
        self.examples = steps * batch_size  # per epoch
        self.rng = np.random.default_rng(seed)

    def __len__(self) -> int:
        return self.steps

    def __iter__(self):
        for _ in range(self.steps):
            yield self.draw(self.batch_size, self.rng)


def fit(
    model: torch.nn.Module,
    batches: Shuffled | Stream,
    loss_fn: Callable,
    config: TrainConfig,
    evaluate: Callable[[torch.nn.Module], dict] | None = None,
    monitor: str | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_step: Callable[[int, float, float], None] | None = None,
) -> History:
    """Train `model` for config.epochs passes over `batches`; the targets are batch-first.

    evaluate(model) -> dict of metrics, called in eval mode at each epoch end (e.g. validation
    accuracy). monitor: the key of that dict that early stopping maximises (prefix "-" to minimise);
    with it, a run that is not stopped or broken ends with the best epoch's weights, whether the
    patience or the epoch limit ran out first.
    on_step(step, loss, grad_norm) is called after every optimiser step, grad_norm measured before
    clipping; it runs before the step's checks, so it also sees the step that ends training.
    """
    import torch

    optimizer = make_optimizer(model.parameters(), config)
    history = History()
    best, since_best = -math.inf, 0
    last_report = time.monotonic()
    step, total_steps = 0, len(batches) * config.epochs
    for epoch in range(1, config.epochs + 1):
        model.train()
        total, seen = 0.0, 0
        for inputs, targets in batches:
            loss = loss_fn(model(inputs), targets)
            optimizer.zero_grad()
            loss.backward()
            # clip_grad_norm_ returns the norm before clipping; with max_norm=inf it only measures it
            grad_norm = float(torch.nn.utils.clip_grad_norm_(model.parameters(), config.clip or math.inf))
            optimizer.step()
            step += 1
            history.steps = step
            value = loss.item()
            total += value * len(targets)
            seen += len(targets)
            if on_step is not None:
                on_step(step, value, grad_norm)
            # checked after the step, so that on_step sees what it did: the adding problem's curve
            # ends on the step that blew up (the weights are unusable either way)
            if not math.isfinite(value):
                history.stopped = "nan"
                return history
            if should_stop is not None and should_stop():
                history.stopped = "stopped"
                history.epochs.append(
                    {"epoch": epoch - 1 + seen / batches.examples, "loss": total / seen, **_evaluate(model, evaluate)}
                )
                return history
            if on_progress is not None and time.monotonic() - last_report >= config.report_every:
                last_report = time.monotonic()
                on_progress(Progress(epoch, step, total_steps, total / seen))
        metrics = _evaluate(model, evaluate)
        history.epochs.append({"epoch": epoch, "loss": total / seen, **metrics})
        if on_progress is not None:
            last_report = time.monotonic()
            on_progress(Progress(epoch, step, total_steps, total / seen, True, metrics))
        if monitor is not None and config.patience:
            score = -metrics[monitor[1:]] if monitor.startswith("-") else metrics[monitor]
            if score > best:
                best, since_best = score, 0
                history.best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
                history.best_epoch = epoch
            else:
                since_best += 1
                if since_best >= config.patience:
                    model.load_state_dict(history.best_state)
                    history.stopped = "early_stopping"
                    return history
    if since_best:  # the epoch limit came first: back to the best epoch too, as Keras's restore_best_weights
        model.load_state_dict(history.best_state)
    return history


def _evaluate(model, evaluate):
    if evaluate is None:
        return {}
    import torch

    model.eval()
    with torch.no_grad():
        return evaluate(model)
