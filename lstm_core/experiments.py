"""Gradient-flow experiments: why a vanilla RNN forgets what an LSTM remembers.

Three experiments, each a pure function of its settings (own seeded generators, no global seeding):
- `gradient_profiles`: ‖dL/dh_t‖ against t for an RNN, an LSTM and a GRU on the same input;
- `rnn_step_factors` / `lstm_step_factors`: the per-step factor behind those curves;
- `train_adding`: the adding problem (lstm_core/adding.py), trained with the fused torch modules
  through the one training loop (training.fit);
  `clipping_demo`: an exploding RNN trained with and without gradient-norm clipping.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

import numpy as np

from . import cells
from .adding import adding_problem
from .errors import UserInputError
from .gradients import log_gradient_norms
from .recorder import Recorder, random_recorder, to_torch

MODELS = ("rnn", "lstm", "gru")
PROFILE_MODELS = MODELS + cells.COMPARED  # the historical variants join the gradient profile and the live run
INITS = ("default", "orthogonal", "scaled")
NONLINEARITIES = ("tanh", "relu")
MAX_SEQ_LEN = 1000
MAX_HIDDEN = 256
MAX_INPUT = 64
EXACT_SVD_LIMIT = 4_000_000  # T·H² up to which the per-step SVDs are cheap (32 MB of Jacobians)


@dataclass(frozen=True)
class FlowSettings:
    seq_len: int = 100  # T: how many steps back the gradient has to travel
    hidden_size: int = 32  # H, the same for the three models
    input_size: int = 4  # I: the input is x_t ~ N(0, 1), the same sequence for every model
    weight_scale: float = 1.0  # every W_hh is multiplied by this after initialisation
    nonlinearity: str = "tanh"  # the vanilla RNN's
    init: str = "default"  # default: PyTorch's U(±1/√H); orthogonal; scaled: Gaussian with spectral radius 1
    forget_bias: float = 1.0  # the LSTM's b_f (b_ih + b_hh of the rows [H:2H]); 1 is the usual choice
    seed: int = 0

    def validate(self) -> FlowSettings:
        if not 2 <= self.seq_len <= MAX_SEQ_LEN:
            raise UserInputError("gradient_flow.err_seq_len", value=self.seq_len, max=MAX_SEQ_LEN)
        if not 1 <= self.hidden_size <= MAX_HIDDEN:
            raise UserInputError("gradient_flow.err_hidden", value=self.hidden_size, max=MAX_HIDDEN)
        if not 1 <= self.input_size <= MAX_INPUT:
            raise UserInputError("gradient_flow.err_input", value=self.input_size, max=MAX_INPUT)
        if not (np.isfinite(self.weight_scale) and 0 <= self.weight_scale <= 10):
            raise UserInputError("gradient_flow.err_scale", value=self.weight_scale)
        if not (np.isfinite(self.forget_bias) and -20 <= self.forget_bias <= 20):
            raise UserInputError("gradient_flow.err_bias", value=self.forget_bias)
        if self.nonlinearity not in NONLINEARITIES or self.init not in INITS:
            raise UserInputError("gradient_flow.err_choice")
        return self


def _recurrent_block(init, H, rng):
    """One gate's (H, H) block of W_hh under `init`, before the learner's scale."""
    if init == "orthogonal":
        q, r = np.linalg.qr(rng.standard_normal((H, H)))
        return q * np.sign(np.diag(r))  # sign fix: a uniformly random orthogonal matrix
    w = rng.standard_normal((H, H)) / np.sqrt(H)
    radius = np.max(np.abs(np.linalg.eigvals(w)))
    return w / radius  # spectral radius exactly 1, so the scale *is* the spectral radius


def cell_kind(model: str, nonlinearity: str = "tanh") -> str:
    """The cell kind of one of PROFILE_MODELS ("rnn" is the RNN with the chosen nonlinearity)."""
    return "rnn_" + nonlinearity if model == "rnn" else model


def takes_forget_bias(model: str) -> bool:
    """Whether `model` has a forget gate for the forget-bias setting to reach (the 1997 LSTM has none)."""
    return "f" in cells.spec(cell_kind(model)).blocks


def flow_recorder(model: str, s: FlowSettings, input_size: int | None = None, dtype=np.float64) -> Recorder:
    """The model `model` (one of PROFILE_MODELS) drawn from the seed, with the settings' recurrent
    initialisation, scale and forget-gate bias. float64 by default so tiny gradients do not underflow."""
    kind = cell_kind(model, s.nonlinearity)
    spec = cells.spec(kind)
    I = s.input_size if input_size is None else input_size
    rec = random_recorder(kind, I, s.hidden_size, seed=s.seed, dtype=dtype)
    w = rec.layers[0][0]
    H = s.hidden_size
    if s.init != "default":
        rng = np.random.default_rng([s.seed, 1])
        blocks = [_recurrent_block(s.init, H, rng) for _ in range(w.W_hh.shape[0] // H)]
        w.W_hh = np.concatenate(blocks).astype(dtype)  # (G*H, H)
    w.W_hh = (w.W_hh * s.weight_scale).astype(dtype)
    if "f" in spec.blocks:  # the forget gate's rows: [H:2H] in the LSTM's order i, f, g, o
        rows = slice(spec.blocks.index("f") * H, (spec.blocks.index("f") + 1) * H)
        w.b_ih[rows] = s.forget_bias
        w.b_hh[rows] = 0.0
    return rec


def flow_input(s: FlowSettings) -> np.ndarray:
    """The one input sequence all three models read: (T, 1, I)."""
    return np.random.default_rng([s.seed, 2]).standard_normal((s.seq_len, 1, s.input_size))


def gradient_profiles(s: FlowSettings) -> dict:
    """{model: ‖dL/dh_t‖ (T,)} with L = Σ h_{T-1}: how much of the loss reaches each step."""
    return {m: 10.0**p for m, p in log_gradient_profiles(s).items()}


def log_gradient_profiles(s: FlowSettings) -> dict:
    """{model: log10 ‖dL/dh_t‖ (T,)}: gradient_profiles's, also where they fall below float64's range;
    all nan for a model whose hidden state overflowed (overflow_step): its loss is not a number."""
    s.validate()
    x = flow_input(s)
    profiles = {}
    for m in PROFILE_MODELS:
        rec = flow_recorder(m, s)
        trace = _record(rec, x)
        overflowed = overflow_step(trace) is not None
        profiles[m] = np.full(s.seq_len, np.nan) if overflowed else log_gradient_norms(rec, trace)
    return profiles


def _record(rec: Recorder, x):
    """rec.record(x), quietly also where a ReLU RNN's activations overflow (overflow_step says so)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return rec.record(x)


def overflow_step(trace) -> int | None:
    """The first step t whose hidden state h_t is not finite, None if there is none. A ReLU RNN does
    not saturate: with an orthogonal W_hh scaled by 2.75 its h grows about 10^0.33 a step and passes
    float64's largest number (1.8e308) before step 1000. From there on the recurrence computes inf
    and nan, so its loss, and every ‖dL/dh_t‖, is not a number (not 0, which a nan pre-activation's
    ReLU slope would otherwise make it look like)."""
    h = trace.values("h")[:, 0, :]  # (T, H)
    bad = ~np.all(np.isfinite(h), axis=1)
    return int(np.argmax(bad)) if bad.any() else None


def spectral_radius(s: FlowSettings) -> float:
    """Of the vanilla RNN's W_hh: above 1 the linear part of the recurrence amplifies."""
    W_hh = flow_recorder("rnn", s).layers[0][0].W_hh
    return float(np.max(np.abs(np.linalg.eigvals(W_hh))))


def _suffix_sums(log_factors):
    """log P_t = Σ_{k=t+1}^{T-1} log factor_k (0 at t = T-1): the running product P_t = Π_{k>t} factor_k,
    in log space, where it cannot underflow. log_factors (T, ...)."""
    after = np.cumsum(log_factors[::-1], axis=0)[::-1]  # Σ_{k>=t}
    return np.concatenate([after[1:], np.zeros_like(after[:1])])


def _largest_singular_values(slope, W_hh, steps=32):
    """σ_max(J_t) for J_t = diag(slope_t) W_hh at every t, without forming the (T, H, H) stack (at
    T=1000, H=256 it would take half a gigabyte): σ_max² is the largest eigenvalue of J_tᵀJ_t, which
    `steps` Lanczos steps find (batched over t), reading J_tᵀJ_t only through products with a vector.
    100 steps of power iteration had been up to 1.7 % low where the top singular values lie close.
    slope (T, H), W_hh (H, H) -> (T,)."""
    T, H = slope.shape
    k = min(steps, H)
    d2 = slope * slope
    basis = np.zeros((k, T, H))  # q_0 … q_{k-1}, one orthonormal Krylov basis per step t
    alpha, beta = np.zeros((T, k)), np.zeros((T, k))
    q = np.full((T, H), 1 / np.sqrt(H))
    for j in range(k):
        basis[j] = q
        w = (d2 * (q @ W_hh.T)) @ W_hh  # J_tᵀ J_t q, one row per step
        alpha[:, j] = np.einsum("th,th->t", w, q)
        # against every earlier q (k is small), twice: in floating point the three-term recurrence loses
        # orthogonality, and one pass is not enough where w is nearly in the basis (J_tᵀJ_t close to σ²·I)
        for _ in range(2):
            w -= np.einsum("jt,jth->th", np.einsum("jth,th->jt", basis[: j + 1], w), basis[: j + 1])
        norm = np.linalg.norm(w, axis=1)
        # nothing left (J_tᵀJ_t ≈ σ²·I along the basis, as for an orthogonal W_hh): the basis holds σ_max already
        done = norm <= 1e-12 * np.abs(alpha[:, : j + 1]).max(axis=1)
        beta[:, j] = np.where(done, 0.0, norm)
        q = np.where(done[:, None], 0.0, w / np.where(done, 1.0, norm)[:, None])
    tridiagonal = np.zeros((T, k, k))  # q's basis turns J_tᵀJ_t into this; its top eigenvalue is σ_max²
    i = np.arange(k)
    tridiagonal[:, i, i] = alpha
    tridiagonal[:, i[:-1], i[1:]] = tridiagonal[:, i[1:], i[:-1]] = beta[:, :-1]
    return np.sqrt(np.maximum(np.linalg.eigvalsh(tridiagonal)[:, -1], 0.0))


def rnn_step_factors(s: FlowSettings) -> dict:
    """The RNN's per-step Jacobian J_t = ∂h_t/∂h_{t-1} = diag(φ'(a_t)) W_hh, step by step.

    Returns, each (T,) with entry 0 = nan (h_{-1} is the fixed zero state):
    sigma: σ_max(J_t), the most one step can stretch the gradient;
    actual: ‖dL/dh_{t-1}‖ / ‖dL/dh_t‖, what that step really did to the gradient (dL/dh_{t-1} = J_tᵀ dL/dh_t;
    nan where dL/dh_t is already exactly 0);
    and running products from t to the end: bound = Π_{k>t} σ_max(J_k) >= ‖dL/dh_t‖/‖dL/dh_{T-1}‖ = ratio,
    with log_bound and log_ratio their log10, which stay exact where they underflow to 0 (or overflow).
    overflow: overflow_step's step, where the hidden state itself overflowed; every array is nan then.
    """
    s.validate()
    rec = flow_recorder("rnn", s)
    x = flow_input(s)
    trace = _record(rec, x)
    overflow = overflow_step(trace)
    if overflow is not None:  # inf and nan from step `overflow` on: no factor is a number
        nan = np.full(s.seq_len, np.nan)
        keys = ("sigma", "actual", "bound", "log_bound", "ratio", "log_ratio", "slope_mean")
        return {**{k: nan.copy() for k in keys}, "overflow": overflow}
    W_hh = rec.layers[0][0].W_hh  # (H, H)
    h = trace.values("h")[:, 0, :]  # (T, H)
    a = trace.values("a")[:, 0, :]  # (T, H)
    slope = 1 - h**2 if s.nonlinearity == "tanh" else (a > 0).astype(h.dtype)  # (T, H): φ'(a_t)
    if slope.size * slope.shape[1] <= EXACT_SVD_LIMIT:
        J = slope[:, :, None] * W_hh[None]  # (T, H, H): row j of W_hh scaled by φ'(a_t)_j
        sigma = np.linalg.norm(J, ord=2, axis=(1, 2))  # (T,)
    else:
        sigma = _largest_singular_values(slope, W_hh)
    sigma[0] = np.nan
    log_grad = log_gradient_norms(rec, trace)  # (T,) log10 ‖dL/dh_t‖
    log_ratio = log_grad - log_grad[-1]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # a product past 1.8e308 is inf
        actual = np.r_[np.nan, 10.0 ** (log_grad[:-1] - log_grad[1:])]  # a ratio of logs: scale-free, no underflow
        log_bound = _suffix_sums(np.log10(np.nan_to_num(sigma, nan=1.0)))
        bound, ratio = 10.0**log_bound, 10.0**log_ratio
    return {
        "sigma": sigma,
        "actual": actual,
        "bound": bound,
        "log_bound": log_bound,
        "ratio": ratio,
        "log_ratio": log_ratio,
        "slope_mean": slope.mean(axis=1),
        "overflow": None,
    }


def lstm_step_factors(s: FlowSettings) -> dict:
    """The LSTM's cell-state path ∂c_t/∂c_{t-1} = diag(f_t) (the direct path; the gates' own
    dependence on h adds other paths, through h_{t-1}, which can carry far more).

    Returns f (T, H) the recorded forget gates, and keep (T, H): Π_{k=t+1}^{T-1} f_k per unit, the share
    of c_t that reaches c_{T-1} along that path, with log_keep = log10 keep (exact where keep underflows:
    at forget bias −5, f ≈ 0.007 and 999 steps of it are 10⁻²¹⁶⁷).
    """
    s.validate()
    trace = flow_recorder("lstm", s).record(flow_input(s))
    f = trace.values("f")[:, 0, :]  # (T, H)
    with np.errstate(divide="ignore"):
        log_keep = _suffix_sums(np.log10(f))
    return {"f": f, "keep": 10.0**log_keep, "log_keep": log_keep}


# --- training: the adding problem and gradient clipping ---------------------------------------


@dataclass(frozen=True)
class AddingSettings:
    """The standard setup of the adding-problem literature; the same budget for every model."""

    seq_len: int = 100  # T: the two marked steps are up to T-1 apart
    hidden_size: int = 64
    batch_size: int = 64
    steps: int = 4000  # optimiser steps, each on a fresh batch
    lr: float = 1e-3  # Adam
    clip: float | None = 1.0  # gradient-norm clipping threshold (None: no clipping)
    forget_bias: float = 1.0  # the LSTM's b_f at initialisation (Gers et al. 2000; Jozefowicz et al. 2015)
    nonlinearity: str = "tanh"  # the vanilla RNN's
    optimizer: str = "adam"  # or "sgd" (the clipping demo)
    init: str = "default"  # initialisation of W_hh, as in FlowSettings
    weight_scale: float = 1.0
    test_size: int = 1000
    eval_every: int = 100  # steps between points of the training curve
    seed: int = 0

    def validate(self) -> AddingSettings:
        if not 2 <= self.seq_len <= MAX_SEQ_LEN:
            raise UserInputError("gradient_flow.err_seq_len", value=self.seq_len, max=MAX_SEQ_LEN)
        if not 1 <= self.hidden_size <= MAX_HIDDEN:
            raise UserInputError("gradient_flow.err_hidden", value=self.hidden_size, max=MAX_HIDDEN)
        if not 1 <= self.steps <= 100_000 or not 1 <= self.batch_size <= 1024:
            raise UserInputError("gradient_flow.err_budget", steps=self.steps, batch=self.batch_size)
        return self


@dataclass
class TrainingRun:
    """One model's training: the curve is sampled every `eval_every` steps."""

    model: str
    seq_len: int
    seed: int
    steps: list = field(default_factory=list)  # step number of each curve point
    train_mse: list = field(default_factory=list)  # mean training MSE over the steps since the last point
    test_mse: list = field(default_factory=list)  # MSE on the fixed test set at that step
    grad_norm: list = field(default_factory=list)  # largest gradient norm (before clipping) since the last point
    seconds: float = 0.0
    stopped: bool = False
    diverged: bool = False  # the loss became inf/nan: training ended there

    @property
    def final_test_mse(self) -> float:
        return self.test_mse[-1] if self.test_mse else float("nan")

    @property
    def peak_mse(self) -> float:
        """The worst loss the curve reached, training or test (inf once it overflowed)."""
        return peak_mse(self.to_dict())

    def to_dict(self) -> dict:
        return asdict(self)


def adding_model(model: str, s: AddingSettings):
    """`model`'s recurrent module (the fused torch one, to_torch) and its head, drawn from the seed
    without touching torch's global generator."""
    # torch only from here on: the analyses above are NumPy, so the page's first view after a
    # server start does not wait for torch's import (2-3 s on the 2-core server)
    import torch

    from .torch_cells import ReadLastStep, init_linear_

    flow = FlowSettings(
        hidden_size=s.hidden_size,
        input_size=2,
        nonlinearity=s.nonlinearity,
        init=s.init,
        weight_scale=s.weight_scale,
        forget_bias=s.forget_bias,
        seed=s.seed,
    )
    recurrent = to_torch(flow_recorder(model, flow, dtype=np.float32))
    head = init_linear_(torch.nn.Linear(s.hidden_size, 1), torch.Generator().manual_seed(s.seed + 7919))
    return ReadLastStep(recurrent, head)


def _mse(prediction, target):
    return ((prediction - target) ** 2).mean()


def _adding_batch(seq_len: int):
    """draw(batch_size, rng) for training.Stream: a fresh batch of the adding problem."""
    import torch

    return lambda n, rng: tuple(torch.from_numpy(a) for a in adding_problem(n, seq_len, rng))


def train_adding(model: str, s: AddingSettings, progress=None, should_stop=None) -> TrainingRun:
    """Train `model` on the adding problem, a fresh batch every step (training.fit with a Stream).
    The curve gets a point every `eval_every` steps, at the last step, and at a step whose loss or
    gradient is not finite (training ends there: the run is `diverged`). `progress(run, step)` is
    called at each point; `should_stop()` after it ends training early (the run is then `stopped`)."""
    import torch

    from .training import Stream, TrainConfig, fit

    s.validate()
    net = adding_model(model, s)
    # SGD without momentum: the clipping demo needs each step to be the gradient itself
    config = TrainConfig(epochs=1, lr=s.lr, optimizer=s.optimizer, momentum=0.0, clip=s.clip)
    batches = Stream(_adding_batch(s.seq_len), s.batch_size, s.steps, [s.seed, 3])
    x_test, y_test = _adding_batch(s.seq_len)(s.test_size, np.random.default_rng([s.seed, 4]))
    run = TrainingRun(model, s.seq_len, s.seed)
    start, losses, worst_norm, stop = time.perf_counter(), [], 0.0, False

    def on_step(step, loss, grad_norm):
        nonlocal losses, worst_norm, stop
        losses.append(loss)
        worst_norm = max(worst_norm, grad_norm)
        run.diverged = not (np.isfinite(loss) and np.isfinite(grad_norm))
        if step % s.eval_every and step < s.steps and not run.diverged:
            return
        with torch.no_grad():
            test = float(_mse(net(x_test), y_test))
        run.steps.append(step)
        run.train_mse.append(float(np.mean(losses)))
        run.test_mse.append(test)
        run.grad_norm.append(worst_norm)
        losses, worst_norm = [], 0.0
        run.seconds = time.perf_counter() - start
        if progress is not None:
            progress(run, step)
        if run.diverged:  # fit itself ends only on a loss that is not finite, not on the gradient
            stop = True
        elif should_stop is not None and should_stop():
            run.stopped, stop = step < s.steps, True

    fit(net, batches, _mse, config, should_stop=lambda: stop, on_step=on_step)
    run.seconds = time.perf_counter() - start
    return run


def overflowed_as_inf(curve) -> np.ndarray:
    """A loss curve with the values that overflowed (inf or nan) as inf, as the charts mark them."""
    values = np.asarray(curve, dtype=float)
    return np.where(np.isfinite(values), values, np.inf)


def peak_mse(run: dict, curves=("train_mse", "test_mse")) -> float:
    """The worst MSE of a run's `curves` (the run as `TrainingRun.to_dict()` or the stored reference)."""
    values = overflowed_as_inf([v for curve in curves for v in run[curve]])
    return float(np.max(values)) if values.size else float("nan")


# A tanh RNN whose gradient explodes from the start (orthogonal W_hh × 2). The run is chaotic: the
# last bit of rounding, which differs between CPUs and kernels, decides whether the unclipped loss
# overflows to infinity or "only" reaches thousands. The page and the tests claim only what every
# path showed (seeds 0-7 with AVX2, generic and MKL-compatible kernels on one AMD EPYC): unclipped,
# the loss passes 1,800; clipped at 0.25 or 1, it never passes 2.1 and ends below 0.3.
CLIPPING_DEMO = AddingSettings(
    seq_len=30,
    hidden_size=32,
    batch_size=32,
    steps=300,
    optimizer="sgd",  # plain SGD: the step is the gradient itself, so an exploding gradient is a huge step
    lr=0.1,
    init="orthogonal",
    weight_scale=2.0,
    test_size=500,
    eval_every=10,
)


CLIP_CHOICES = (0.25, 1.0, 5.0)  # thresholds the page offers (precomputed for seed 0 by bench/adding_problem.py)


def clipping_demo(seed: int = 0, clip: float = 1.0) -> dict:
    """The same exploding RNN trained twice from the same weights: {"none": run, "clipped": run}."""
    from dataclasses import replace

    base = replace(CLIPPING_DEMO, seed=seed)
    return {
        "none": train_adding("rnn", replace(base, clip=None)),
        "clipped": train_adding("rnn", replace(base, clip=clip)),
    }
