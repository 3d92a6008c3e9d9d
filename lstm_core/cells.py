"""One time step of each cell, written as its equations (see `equations.py` for the LaTeX).

Every step takes `xw`, the input projection W_ih x_t + b_ih already computed for the whole sequence
(one matrix product instead of T), and the previous state; it returns every quantity the learner
can look at, after its activation. `what_if(name, value)` may replace any quantity as soon as it
is computed (the explorer's interventions: clamp a gate, silence a unit). `ops` supplies
sigmoid/tanh/relu so the very same lines run in NumPy (the recorder) and in torch (autograd).

Shapes: xw (B, G*H) with G gates; h, c (B, H); W_hh (G*H, H); b_hh (G*H,).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import equations


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


# --- the cells, each with its step (forward) and, where written, its backward ------------------
# A backward takes the recorded layer `rec` ({quantity: (T, B, H)}), the step t, the weights `w` and
# dL/dh_t, dL/dc_t, and returns dL/dh_{t-1}, dL/dc_{t-1} (c is None for cells without one).


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


def lstm_backward(rec, t, w, dh, dc):
    i, f, g, o, c = (rec[q][t] for q in ("i", "f", "g", "o", "c"))
    c_prev = rec["c"][t - 1]
    tc = np.tanh(c)
    dzo = dh * tc * o * (1 - o)  # h_t = o_t ⊙ tanh(c_t)
    dc = dc + dh * o * (1 - tc**2)
    if w.peep is not None:
        dc = dc + dzo * w.peep[2]  # z_o reads the new c_t
    dzi = dc * g * i * (1 - i)  # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
    dzf = dc * c_prev * f * (1 - f)
    dzg = dc * i * (1 - g**2)
    dh = np.concatenate([dzi, dzf, dzg, dzo], axis=1) @ w.W_hh  # every gate read h_{t-1} through W_hh
    dc = dc * f
    if w.peep is not None:
        dc = dc + dzi * w.peep[0] + dzf * w.peep[1]  # z_i, z_f read c_{t-1}
    return dh, dc


def lstm1997_step(xw, h, c, W_hh, b_hh, ops=NumpyOps, peep=None, what_if=None):
    """Hochreiter & Schmidhuber's 1997 LSTM (order i, g, o): no forget gate, so the cell state only
    ever adds. Gers et al. (2000) added the forget gate because this c_t drifts without bound."""
    fix = what_if or _as_is
    zi, zg, zo = split(xw + h @ W_hh.T + b_hh, 3)
    i = fix("i", ops.sigmoid(zi))  # i_t = σ(W_ii x_t + b_ii + W_hi h_{t-1} + b_hi)
    g = fix("g", ops.tanh(zg))  # g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)
    o = fix("o", ops.sigmoid(zo))  # o_t = σ(W_io x_t + b_io + W_ho h_{t-1} + b_ho)
    c = fix("c", c + i * g)  # c_t = c_{t-1} + i_t ⊙ g_t
    h = fix("h", o * ops.tanh(c))  # h_t = o_t ⊙ tanh(c_t)
    return {"i": i, "g": g, "o": o, "c": c, "h": h}


def lstm1997_backward(rec, t, w, dh, dc):
    i, g, o, c = (rec[q][t] for q in ("i", "g", "o", "c"))
    tc = np.tanh(c)
    dzo = dh * tc * o * (1 - o)  # h_t = o_t ⊙ tanh(c_t)
    dc = dc + dh * o * (1 - tc**2)
    dzi = dc * g * i * (1 - i)  # c_t = c_{t-1} + i_t ⊙ g_t
    dzg = dc * i * (1 - g**2)
    return np.concatenate([dzi, dzg, dzo], axis=1) @ w.W_hh, dc  # dc_{t-1} = dc_t: the carousel, factor 1


def cifg_step(xw, h, c, W_hh, b_hh, ops=NumpyOps, peep=None, what_if=None):
    """The coupled input-forget gate LSTM (order f, g, o): i_t = 1 − f_t, so what is written is what
    is forgotten (Greff et al. 2017 found it about as good as the full LSTM, with a quarter fewer weights)."""
    fix = what_if or _as_is
    zf, zg, zo = split(xw + h @ W_hh.T + b_hh, 3)
    f = fix("f", ops.sigmoid(zf))  # f_t = σ(W_if x_t + b_if + W_hf h_{t-1} + b_hf)
    i = fix("i", 1 - f)  # i_t = 1 − f_t
    g = fix("g", ops.tanh(zg))  # g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)
    o = fix("o", ops.sigmoid(zo))  # o_t = σ(W_io x_t + b_io + W_ho h_{t-1} + b_ho)
    c = fix("c", f * c + i * g)  # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
    h = fix("h", o * ops.tanh(c))  # h_t = o_t ⊙ tanh(c_t)
    return {"f": f, "i": i, "g": g, "o": o, "c": c, "h": h}


def cifg_backward(rec, t, w, dh, dc):
    f, g, o, c = (rec[q][t] for q in ("f", "g", "o", "c"))
    c_prev = rec["c"][t - 1]
    tc = np.tanh(c)
    dzo = dh * tc * o * (1 - o)  # h_t = o_t ⊙ tanh(c_t)
    dc = dc + dh * o * (1 - tc**2)
    dzf = dc * (c_prev - g) * f * (1 - f)  # c_t = f_t ⊙ c_{t-1} + (1 − f_t) ⊙ g_t
    dzg = dc * (1 - f) * (1 - g**2)
    return np.concatenate([dzf, dzg, dzo], axis=1) @ w.W_hh, dc * f


def gru_step(xw, h, c, W_hh, b_hh, ops=NumpyOps, peep=None, what_if=None):
    """GRU (PyTorch order r, z, n; the reset gate multiplies the recurrent candidate term)."""
    fix = what_if or _as_is
    xr, xz, xn = split(xw, 3)
    hr, hz, hn = split(h @ W_hh.T + b_hh, 3)
    r = fix("r", ops.sigmoid(xr + hr))  # r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)
    z = fix("z", ops.sigmoid(xz + hz))  # z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)
    n = fix("n", ops.tanh(xn + r * hn))  # n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn))
    h = fix("h", (1 - z) * n + z * h)  # h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}
    return {"r": r, "z": z, "n": n, "h": h}


def gru_backward(rec, t, w, dh, dc):
    H = w.hidden_size
    r, z, n, h_prev = rec["r"][t], rec["z"][t], rec["n"][t], rec["h"][t - 1]
    hn = h_prev @ w.W_hh[2 * H :].T + w.b_hh[2 * H :]  # the candidate's recurrent term, which r_t multiplies
    dan = dh * (1 - z) * (1 - n**2)  # h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}, n_t = tanh(a_n)
    dar = dan * hn * r * (1 - r)  # a_n = W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn)
    daz = dh * (h_prev - n) * z * (1 - z)
    return dh * z + np.concatenate([dar, daz, dan * r], axis=1) @ w.W_hh, None


def gru_reset_before_step(xw, h, c, W_hh, b_hh, ops=NumpyOps, peep=None, what_if=None):
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


def _rnn(nonlinearity):
    def step(xw, h, c, W_hh, b_hh, ops=NumpyOps, peep=None, what_if=None):
        return rnn_step(xw, h, W_hh, b_hh, ops=ops, nonlinearity=nonlinearity, what_if=what_if)

    def backward(rec, t, w, dh, dc):
        slope = 1 - rec["h"][t] ** 2 if nonlinearity == "tanh" else (rec["a"][t] > 0)  # φ'(a_t)
        return (dh * slope) @ w.W_hh, None  # dL/dh_{t-1} = J_tᵀ dL/dh_t, J_t = diag(φ'(a_t)) W_hh

    return step, backward


# --- the terms inside each activation, for the equations with numbers ---------------------------


@dataclass
class TermInputs:
    """What one unit's terms are made of, for one layer and batch item: X (T, I) the layer's input,
    h_prev (T, H) h_{t-1}, rec the layer's record {quantity: (T, B, H)}, w its CellWeights."""

    X: np.ndarray
    h_prev: np.ndarray
    rec: dict
    w: object
    unit: int
    batch: int = 0


def plain_terms(q, row, s: TermInputs) -> dict:
    """W x_t + b_ih + W h_{t-1} + b_hh, as PyTorch writes every gate."""
    w = s.w
    wx = s.X @ w.W_ih[row]
    return {"wx": wx, "b_ih": np.full(len(wx), w.b_ih[row]), "wh": s.h_prev @ w.W_hh[row], "b_hh": np.full(len(wx), w.b_hh[row])}


def _peephole_terms(q, row, s: TermInputs) -> dict:
    p = plain_terms(q, row, s)
    terms = {"wx": p["wx"], "wh": p["wh"], "b": p["b_ih"] + p["b_hh"]}
    if q in "ifo":
        w_c = s.w.peep["ifo".index(q)][s.unit] if s.w.peep is not None else 0.0
        c = s.rec["c"][:, s.batch, s.unit]
        terms["peep"] = w_c * (c if q == "o" else previous(c))  # i and f look at c_{t-1}; o at the new c_t
    return terms


def _gru_terms(q, row, s: TermInputs) -> dict:
    p = plain_terms(q, row, s)
    if q != "n":
        return p
    return {"wx": p["wx"], "b_ih": p["b_ih"], "r": s.rec["r"][:, s.batch, s.unit], "wh_b": p["wh"] + p["b_hh"]}


def _gru_reset_before_terms(q, row, s: TermInputs) -> dict:
    p = plain_terms(q, row, s)
    if q == "n":  # W_hn (r_t ⊙ h_{t-1})
        p["wh"] = (s.rec["r"][:, s.batch, :] * s.h_prev) @ s.w.W_hh[row]
    return p


def _gru_pre_activation(q, terms):
    if q == "n":
        return terms["wx"] + terms["b_ih"] + terms["r"] * terms["wh_b"]
    return sum(terms.values())


def previous(values):
    """values shifted one step later, zeros first: h_{t-1} from h_t (the recorder starts at 0)."""
    out = np.zeros_like(values)
    out[1:] = values[:-1]
    return out


def _sum(q, terms):
    return sum(terms.values())


# --- the registry: one CellSpec per kind --------------------------------------------------------

PLAIN = ("wx", "b_ih", "wh", "b_hh")
PEEP = ("wx", "wh", "peep", "b")


@dataclass(frozen=True)
class CellSpec:
    """Everything the maths needs to know about one cell kind. Presentation (colours, diagram,
    stepper formulas) is declared beside it in plots/cell_looks.py, keyed by the same kind."""

    kind: str
    step: Callable  # (xw, h, c, W_hh, b_hh, ops, peep, what_if) -> {quantity: (B, H)}
    blocks: str  # the quantities whose weights are stacked in W_ih / W_hh, in that order
    latex: dict  # {quantity: LaTeX}, in the order the step computes them (equations.py)
    terms: dict  # {quantity: term names} for every block, in the order its LaTeX writes them
    backward: Callable | None = None  # per-step BPTT (see above); None: no gradient-flow view
    term_values: Callable = plain_terms  # (quantity, row, TermInputs) -> {term: (T,)}
    pre_activation: Callable = _sum  # (quantity, terms) -> the sum the activation squashes
    clamps: tuple = ()  # the explorer's what-ifs that hold a gate at 0 or 1: "f0" = f_t := 0
    peepholes: bool = False  # its weights include (w_ci, w_cf, w_co)
    torch_module: str | None = None  # the torch.nn class with the same equations, if any
    compared: bool = False  # trained in /train and compared on /gradient-flow beside the classic three
    variant: bool = False  # offered as a random model in the explorer
    quantities: tuple = field(init=False)  # what it records, in display order

    def __post_init__(self):
        object.__setattr__(self, "quantities", tuple(self.latex))

    @property
    def gate_blocks(self) -> int:
        return len(self.blocks)

    @property
    def has_cell_state(self) -> bool:
        return "c" in self.quantities


_rnn_tanh_step, _rnn_tanh_backward = _rnn("tanh")
_rnn_relu_step, _rnn_relu_backward = _rnn("relu")
_LSTM_CLAMPS = ("f0", "f1", "i0")
_GRU_CLAMPS = ("z1", "z0")

REGISTRY = {
    s.kind: s
    for s in (
        CellSpec(
            "lstm", lstm_step, "ifgo", equations.LSTM, {q: PLAIN for q in "ifgo"}, lstm_backward,
            clamps=_LSTM_CLAMPS, torch_module="LSTM", variant=True,
        ),
        CellSpec(
            "peephole", lstm_step, "ifgo", equations.PEEPHOLE,
            {"i": PEEP, "f": PEEP, "g": ("wx", "wh", "b"), "o": PEEP}, lstm_backward,
            term_values=_peephole_terms, clamps=_LSTM_CLAMPS, peepholes=True, variant=True,
        ),
        CellSpec(
            "gru", gru_step, "rzn", equations.GRU, {"r": PLAIN, "z": PLAIN, "n": ("wx", "b_ih", "r", "wh_b")}, gru_backward,
            term_values=_gru_terms, pre_activation=_gru_pre_activation, clamps=_GRU_CLAMPS, torch_module="GRU", variant=True,
        ),
        # Cho et al.'s GRU reaches the explorer only from Keras files; no backward is written for it
        CellSpec(
            "gru_reset_before", gru_reset_before_step, "rzn", equations.GRU_RESET_BEFORE, {q: PLAIN for q in "rzn"},
            term_values=_gru_reset_before_terms, clamps=_GRU_CLAMPS,
        ),
        CellSpec(
            "rnn_tanh", _rnn_tanh_step, "a", equations.RNN_TANH, {"a": PLAIN}, _rnn_tanh_backward,
            torch_module="RNN", variant=True,
        ),
        CellSpec("rnn_relu", _rnn_relu_step, "a", equations.RNN_RELU, {"a": PLAIN}, _rnn_relu_backward, torch_module="RNN"),
        CellSpec(
            "lstm1997", lstm1997_step, "igo", equations.LSTM_1997, {q: PLAIN for q in "igo"}, lstm1997_backward,
            clamps=("i0",), compared=True, variant=True,
        ),
        CellSpec(
            "cifg", cifg_step, "fgo", equations.CIFG, {q: PLAIN for q in "fgo"}, cifg_backward,
            clamps=("f0", "f1"), compared=True, variant=True,
        ),
    )
}  # fmt: skip
KINDS = tuple(REGISTRY)
VARIANTS = tuple(k for k, s in REGISTRY.items() if s.variant)  # the explorer's random models
COMPARED = tuple(k for k, s in REGISTRY.items() if s.compared)  # beside lstm, gru, rnn on /train and /gradient-flow


class UnknownCellKind(ValueError):
    """A kind nobody registered: a new or misspelt kind must fail loudly, never run as another cell."""


def spec(kind: str) -> CellSpec:
    try:
        return REGISTRY[kind]
    except (KeyError, TypeError):
        raise UnknownCellKind(f"unknown cell kind {kind!r} (known: {', '.join(KINDS)})") from None


def step(kind, xw, h, c, W_hh, b_hh, ops=NumpyOps, peep=None, what_if=None):
    """One step of the cell `kind`; c is the cell state (ignored by cells without one)."""
    return spec(kind).step(xw, h, c, W_hh, b_hh, ops=ops, peep=peep, what_if=what_if)
