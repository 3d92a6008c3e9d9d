"""training.fit on a Stream of fresh batches against SGD written out by hand in NumPy: the batches are
drawn in order from the stream's own seeded generator, the momentum is TrainConfig's, the gradient
norm that on_step reports is the one before clipping, and clipping scales the step to `clip`."""

import numpy as np
import pytest
import torch

from lstm_core.training import Shuffled, Stream, TrainConfig, fit


def draw(n, rng):
    x = rng.standard_normal((n, 3))
    y = x @ np.array([1.0, -2.0, 0.5]) + 3.0
    return torch.from_numpy(x), torch.from_numpy(y)


def sgd_by_hand(w, b, config, steps, batch_size, seed):
    """Mean squared error of x·w + b, its gradient, clipping and momentum, step by step in float64."""
    rng = np.random.default_rng(seed)
    velocity, norms = None, []
    for _ in range(steps):
        x, y = (t.numpy() for t in draw(batch_size, rng))
        error = x @ w + b - y  # (n,)
        grad = np.r_[2 * x.T @ error / len(y), 2 * error.mean()]  # d/dw, d/db
        norm = np.linalg.norm(grad)
        norms.append(norm)
        if config.clip:
            grad = grad * min(1.0, config.clip / (norm + 1e-6))
        velocity = grad if velocity is None else config.momentum * velocity + grad
        w, b = w - config.lr * velocity[:3], b - config.lr * velocity[3]
    return w, b, norms


@pytest.mark.trains
@pytest.mark.parametrize("momentum, clip", [(0.0, None), (0.9, None), (0.0, 0.5), (0.9, 2.0)])
def test_fit_on_a_stream_is_sgd_written_out(momentum, clip):
    model = torch.nn.Linear(3, 1).double()
    w0, b0 = model.weight.detach().numpy()[0].copy(), float(model.bias.detach())
    config = TrainConfig(epochs=2, lr=0.05, optimizer="sgd", momentum=momentum, clip=clip)
    seen = []
    history = fit(
        model,
        Stream(draw, 8, 5, seed=[4, 3]),
        lambda out, y: torch.mean((out.squeeze(-1) - y) ** 2),
        config,
        on_step=lambda step, loss, norm: seen.append((step, norm)),
    )
    w, b, norms = sgd_by_hand(w0, b0, config, steps=10, batch_size=8, seed=[4, 3])  # 2 epochs of 5 fresh batches
    assert history.stopped is None and [e["epoch"] for e in history.epochs] == [1, 2]
    assert [step for step, _ in seen] == list(range(1, 11))
    np.testing.assert_allclose([norm for _, norm in seen], norms, rtol=1e-9)
    np.testing.assert_allclose(model.weight.detach().numpy()[0], w, rtol=1e-9)
    np.testing.assert_allclose(float(model.bias.detach()), b, rtol=1e-9)
    if clip:
        assert max(norms) > clip  # the clipping was exercised


@pytest.mark.parametrize(
    ("val_losses", "stopped", "kept"),
    [
        ([1.0, 0.5, 0.4, 0.6, 0.7], None, 3),  # the epoch limit comes before the patience runs out
        ([1.0, 0.5, 0.6, 0.7, 0.8], "early_stopping", 2),  # the patience runs out after epoch 5
        ([1.0, 0.5, 0.4, 0.3, 0.2], None, 5),  # the last epoch is the best
    ],
)
def test_a_run_with_early_stopping_ends_with_the_best_epochs_weights(val_losses, stopped, kept):
    """What the page promises ("keep the weights of the best epoch") and Keras's EarlyStopping with
    restore_best_weights does, whichever ends the run: the patience or the epoch limit."""
    X = torch.randn(64, 3, generator=torch.Generator().manual_seed(0))
    y = (X[:, 0] > 0).long()
    model = torch.nn.Linear(3, 2)
    scripted, weights = iter(val_losses), []

    def evaluate(m):
        weights.append(m.weight.detach().clone())
        return {"val_loss": next(scripted)}

    config = TrainConfig(epochs=len(val_losses), batch_size=16, lr=0.1, patience=3, seed=0)
    history = fit(model, Shuffled(X, y, 16, 0), torch.nn.functional.cross_entropy, config, evaluate, "-val_loss")
    assert history.stopped == stopped and history.best_epoch == kept
    assert torch.equal(model.weight, weights[kept - 1])
    if kept < len(weights):
        assert not torch.equal(weights[kept - 1], weights[-1])  # so the check above tells them apart
