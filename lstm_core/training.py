"""The one training loop every page uses (classifiers, forecasters, the adding problem).

It knows nothing of the UI: progress goes out through `on_progress` (called at most every
`report_every` seconds and at the end of every epoch) and `should_stop()` is checked after every
batch, so a stop button takes effect within one batch. Randomness comes only from `seed`, through
its own generators: two learners training at once never disturb each other's results.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch

from .errors import UserInputError


@dataclass
class TrainConfig:
    epochs: int = 10
    batch_size: int = 32
    lr: float = 1e-3
    optimizer: str = "adam"  # "adam" or "sgd"
    weight_decay: float = 0.0  # L2 penalty, applied by the optimiser
    clip: float | None = 1.0  # max gradient norm; None switches clipping off
    patience: int | None = None  # early stopping: epochs without validation improvement
    seed: int = 0
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
    stopped: str | None = None  # None (finished), "stopped", "early_stopping", "nan"
    best_state: dict | None = None  # the weights with the best validation score (early stopping)


def make_optimizer(params, config: TrainConfig):
    if config.lr <= 0 or not math.isfinite(config.lr):
        raise UserInputError("train.err_lr", lr=config.lr)
    if config.optimizer == "sgd":
        return torch.optim.SGD(params, lr=config.lr, momentum=0.9, weight_decay=config.weight_decay)
    return torch.optim.Adam(params, lr=config.lr, weight_decay=config.weight_decay)


def fit(
    model: torch.nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    loss_fn: Callable,
    config: TrainConfig,
    evaluate: Callable[[torch.nn.Module], dict] | None = None,
    monitor: str | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> History:
    """Train `model` on (inputs, targets), batch-first along dim 0.

    evaluate(model) -> dict of metrics, called in eval mode at each epoch end (e.g. validation
    accuracy). monitor: the key of that dict that early stopping maximises (prefix "-" to minimise).
    """
    n = len(inputs)
    if n == 0:
        raise UserInputError("train.err_empty")
    rng = np.random.default_rng(config.seed)
    optimizer = make_optimizer(model.parameters(), config)
    steps_per_epoch = math.ceil(n / config.batch_size)
    history = History()
    best, since_best = -math.inf, 0
    last_report = time.monotonic()
    step = 0
    for epoch in range(1, config.epochs + 1):
        model.train()
        order = torch.from_numpy(rng.permutation(n))
        total, seen = 0.0, 0
        for start in range(0, n, config.batch_size):
            batch = order[start : start + config.batch_size]
            loss = loss_fn(model(inputs[batch]), targets[batch])
            if not torch.isfinite(loss):
                history.stopped = "nan"
                return history
            optimizer.zero_grad()
            loss.backward()
            if config.clip:
                torch.nn.utils.clip_grad_norm_(model.parameters(), config.clip)
            optimizer.step()
            step += 1
            total += loss.item() * len(batch)
            seen += len(batch)
            if should_stop is not None and should_stop():
                history.stopped = "stopped"
                history.epochs.append({"epoch": epoch - 1 + seen / n, "loss": total / seen, **_evaluate(model, evaluate)})
                return history
            if on_progress is not None and time.monotonic() - last_report >= config.report_every:
                last_report = time.monotonic()
                on_progress(Progress(epoch, step, steps_per_epoch * config.epochs, total / seen))
        metrics = _evaluate(model, evaluate)
        history.epochs.append({"epoch": epoch, "loss": total / seen, **metrics})
        if on_progress is not None:
            last_report = time.monotonic()
            on_progress(Progress(epoch, step, steps_per_epoch * config.epochs, total / seen, True, metrics))
        if monitor is not None and config.patience:
            score = -metrics[monitor[1:]] if monitor.startswith("-") else metrics[monitor]
            if score > best:
                best, since_best = score, 0
                history.best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            else:
                since_best += 1
                if since_best >= config.patience:
                    model.load_state_dict(history.best_state)
                    history.stopped = "early_stopping"
                    return history
    return history


def _evaluate(model, evaluate):
    if evaluate is None:
        return {}
    model.eval()
    with torch.no_grad():
        return evaluate(model)
