"""One time step of each cell, written as its equations (see `equations.py` for the LaTeX).

Every step takes `xw`, the input projection W_ih x_t + b_ih already computed for the whole sequence
(one matrix product instead of T), and the previous state; it returns every quantity the learner
can look at, after its activation. `what_if(name, value)` may replace any quantity as soon as it
is computed (the explorer's interventions: clamp a gate, silence a unit). `ops` supplies
sigmoid/tanh/relu so the very same lines run in NumPy (the recorder) and in torch (autograd).

Shapes: xw (B, G*H) with G gates; h, c (B, H); W_hh (G*H, H); b_hh (G*H,).
"""

import numpy as np


class NumpyOps:
    @staticmethod
    def sigmoid(x):
        # σ(x) = ½(1 + tanh(x/2)): one vectorised tanh, and no overflow warning for large |x|
        return 0.5 * np.tanh(0.5 * x) + 0.5

    tanh = staticmethod(np.tanh)

    @staticmethod
    def relu(x):
        return np.maximum(x, 0)


class HardSigmoidOps(NumpyOps):
    """Keras's hard_sigmoid in place of σ for the gates (the tanh stays): a straight line clipped to [0, 1],
    clip(slope·x + ½, 0, 1). Keras 2 (and tf.keras) used slope 0.2; Keras 3 uses 1/6 (relu6(x + 3) / 6)."""

    @classmethod
    def sigmoid(cls, x):
        return np.clip(cls.slope * x + 0.5, 0.0, 1.0)


class HardSigmoidKeras2Ops(HardSigmoidOps):
    slope = 0.2


class HardSigmoidKeras3Ops(HardSigmoidOps):
    slope = 1.0 / 6.0


# The gate activations the recorder computes: σ everywhere except models opened from Keras.
GATE_OPS = {"sigmoid": NumpyOps, "hard_sigmoid_keras2": HardSigmoidKeras2Ops, "hard_sigmoid_keras3": HardSigmoidKeras3Ops}
GATE_SYMBOL = {"sigmoid": "σ", "hard_sigmoid_keras2": "hard σ", "hard_sigmoid_keras3": "hard σ"}


class TorchOps:
    @staticmethod
    def sigmoid(x):
        import torch

        return torch.sigmoid(x)

    @staticmethod
    def tanh(x):
        import torch

        return torch.tanh(x)

    @staticmethod
    def relu(x):
        import torch

        return torch.relu(x)


def _as_is(name, value):
    return value


def split(z, n):
    """Cut the stacked pre-activations (B, n*H) into n blocks (B, H), in PyTorch's gate order."""
    H = z.shape[-1] // n
    return [z[..., k * H : (k + 1) * H] for k in range(n)]


def lstm_step(xw, h, c, W_hh, b_hh, ops=NumpyOps, peep=None, what_if=None):
    """LSTM (PyTorch order i, f, g, o). With `peep` = (w_ci, w_cf, w_co) it is the peephole LSTM."""
    fix = what_if or _as_is
    zi, zf, zg, zo = split(xw + h @ W_hh.T + b_hh, 4)
    if peep is not None:
        w_ci, w_cf, w_co = peep
        zi, zf = zi + w_ci * c, zf + w_cf * c
    i = fix("i", ops.sigmoid(zi))  # i_t = σ(W_ii x_t + b_ii + W_hi h_{t-1} + b_hi)
    f = fix("f", ops.sigmoid(zf))  # f_t = σ(W_if x_t + b_if + W_hf h_{t-1} + b_hf)
    g = fix("g", ops.tanh(zg))  # g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)
    c = fix("c", f * c + i * g)  # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
    if peep is not None:
        zo = zo + w_co * c  # the output peephole looks at the *new* cell state
    o = fix("o", ops.sigmoid(zo))  # o_t = σ(W_io x_t + b_io + W_ho h_{t-1} + b_ho)
    h = fix("h", o * ops.tanh(c))  # h_t = o_t ⊙ tanh(c_t)
    return {"i": i, "f": f, "g": g, "o": o, "c": c, "h": h}


def gru_step(xw, h, W_hh, b_hh, ops=NumpyOps, what_if=None):
    """GRU (PyTorch order r, z, n; the reset gate multiplies the recurrent candidate term)."""
    fix = what_if or _as_is
    xr, xz, xn = split(xw, 3)
    hr, hz, hn = split(h @ W_hh.T + b_hh, 3)
    r = fix("r", ops.sigmoid(xr + hr))  # r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)
    z = fix("z", ops.sigmoid(xz + hz))  # z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)
    n = fix("n", ops.tanh(xn + r * hn))  # n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn))
    h = fix("h", (1 - z) * n + z * h)  # h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}
    return {"r": r, "z": z, "n": n, "h": h}


def gru_reset_before_step(xw, h, W_hh, b_hh, ops=NumpyOps, what_if=None):
    """GRU as Cho et al. wrote it (Keras's reset_after=False, the default before Keras 2.3): the reset
    gate multiplies h_{t-1} *before* the recurrent product of the candidate."""
    fix = what_if or _as_is
    xr, xz, xn = split(xw, 3)
    H = h.shape[-1]
    hr, hz = split(h @ W_hh[: 2 * H].T + b_hh[: 2 * H], 2)
    r = fix("r", ops.sigmoid(xr + hr))  # r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)
    z = fix("z", ops.sigmoid(xz + hz))  # z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)
    n = fix(
        "n", ops.tanh(xn + (r * h) @ W_hh[2 * H :].T + b_hh[2 * H :])
    )  # n_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t-1}) + b_hn)
    h = fix("h", (1 - z) * n + z * h)  # h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}
    return {"r": r, "z": z, "n": n, "h": h}


def rnn_step(xw, h, W_hh, b_hh, ops=NumpyOps, nonlinearity="tanh", what_if=None):
    """Vanilla (Elman) RNN."""
    fix = what_if or _as_is
    a = xw + h @ W_hh.T + b_hh  # a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh
    h = fix("h", ops.tanh(a) if nonlinearity == "tanh" else ops.relu(a))  # h_t = tanh(a_t) or max(0, a_t)
    return {"a": a, "h": h}


# What each kind records, in display order, and how many gate blocks its weight matrices stack.
QUANTITIES = {
    "lstm": ("i", "f", "g", "o", "c", "h"),
    "peephole": ("i", "f", "g", "o", "c", "h"),
    "gru": ("r", "z", "n", "h"),
    "gru_reset_before": ("r", "z", "n", "h"),
    "rnn_tanh": ("a", "h"),
    "rnn_relu": ("a", "h"),
}
GATE_BLOCKS = {"lstm": 4, "peephole": 4, "gru": 3, "gru_reset_before": 3, "rnn_tanh": 1, "rnn_relu": 1}


def unknown_kind(kind, what: str) -> NotImplementedError:
    """The error for a kind a dispatch does not implement: a new or misspelt kind must fail loudly,
    never fall through to another cell's equations."""
    return NotImplementedError(f"{what} is not implemented for cell kind {kind!r} (known: {', '.join(QUANTITIES)})")


def step(kind, xw, h, c, W_hh, b_hh, ops=NumpyOps, peep=None, what_if=None):
    """One step of the cell `kind`; c is the LSTM's cell state (ignored by the others)."""
    if kind in ("lstm", "peephole"):
        return lstm_step(xw, h, c, W_hh, b_hh, ops=ops, peep=peep, what_if=what_if)
    if kind == "gru":
        return gru_step(xw, h, W_hh, b_hh, ops=ops, what_if=what_if)
    if kind == "gru_reset_before":
        return gru_reset_before_step(xw, h, W_hh, b_hh, ops=ops, what_if=what_if)
    if kind in ("rnn_tanh", "rnn_relu"):
        return rnn_step(xw, h, W_hh, b_hh, ops=ops, nonlinearity=kind[4:], what_if=what_if)
    raise unknown_kind(kind, "a time step")
