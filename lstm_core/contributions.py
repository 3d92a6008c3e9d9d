"""The terms inside each gate's activation, for one unit: what W x_t, W h_{t-1} and the bias each
contribute, so the explorer can show f_t = σ(0.31 + 0.05 − 0.12 + 0.02) = σ(0.26) = 0.56.

Terms come in the order the equations in `equations.py` write them; their sum is the pre-activation
that `cells.py` squashes (tests/test_explorer_core.py checks σ(sum) against the recorded gate).
"""

from __future__ import annotations

import numpy as np

from .recorder import Recorder, Trace

# Per kind and quantity: the names of its terms, in the order of equations.BY_KIND's LaTeX.
TERMS = {
    "lstm": {q: ("wx", "b_ih", "wh", "b_hh") for q in "ifgo"},
    "peephole": {
        "i": ("wx", "wh", "peep", "b"),
        "f": ("wx", "wh", "peep", "b"),
        "g": ("wx", "wh", "b"),
        "o": ("wx", "wh", "peep", "b"),
    },
    "gru": {"r": ("wx", "b_ih", "wh", "b_hh"), "z": ("wx", "b_ih", "wh", "b_hh"), "n": ("wx", "b_ih", "r", "wh_b")},
    "gru_reset_before": {q: ("wx", "b_ih", "wh", "b_hh") for q in "rzn"},  # n's wh is W_hn (r_t ⊙ h_{t-1})
    "rnn_tanh": {"a": ("wx", "b_ih", "wh", "b_hh")},
    "rnn_relu": {"a": ("wx", "b_ih", "wh", "b_hh")},
}
BLOCK = {"lstm": "ifgo", "peephole": "ifgo", "gru": "rzn", "gru_reset_before": "rzn", "rnn_tanh": "a", "rnn_relu": "a"}


def layer_input(trace: Trace, x, layer: int) -> np.ndarray:
    """What layer `layer` read: the model input for layer 0, else the layer below's h. (T, B, I)."""
    if layer == 0:
        x = np.asarray(x)
        return x[:, None, :] if x.ndim == 2 else x
    return np.concatenate([d["h"] for d in trace.records[layer - 1]], axis=-1)


def previous(values: np.ndarray) -> np.ndarray:
    """values shifted one step later, zeros first: h_{t-1} from h_t (the recorder starts at 0)."""
    out = np.zeros_like(values)
    out[1:] = values[:-1]
    return out


def gate_terms(recorder: Recorder, trace: Trace, x, layer: int = 0, unit: int = 0, batch: int = 0) -> dict:
    """{quantity: {term: (T,) array}} for one unit of one layer (forward direction), batch item `batch`."""
    w = recorder.layers[layer][0]
    kind, H = recorder.kind, w.hidden_size
    rec = trace.records[layer][0]
    X = layer_input(trace, x, layer)[:, batch, :]  # (T, I)
    h_prev = previous(rec["h"][:, batch, :])  # (T, H)
    out = {}
    for k, q in enumerate(BLOCK[kind]):
        row = k * H + unit
        wx = X @ w.W_ih[row]  # (T,)
        reset = rec["r"][:, batch, :] if kind == "gru_reset_before" and q == "n" else 1.0  # r_t ⊙ h_{t-1} first
        wh = (reset * h_prev) @ w.W_hh[row]  # (T,)
        b_ih = np.full(len(wx), w.b_ih[row])
        b_hh = np.full(len(wx), w.b_hh[row])
        if kind == "peephole":
            terms = {"wx": wx, "wh": wh, "b": b_ih + b_hh}
            if q in "ifo":
                w_c = w.peep["ifo".index(q)][unit] if w.peep is not None else 0.0
                c = rec["c"][:, batch, unit]
                # i and f look at c_{t-1}; o at the new c_t
                terms["peep"] = w_c * (c if q == "o" else previous(c))
        elif kind == "gru" and q == "n":
            terms = {"wx": wx, "b_ih": b_ih, "r": rec["r"][:, batch, unit], "wh_b": wh + b_hh}
        else:
            terms = {"wx": wx, "b_ih": b_ih, "wh": wh, "b_hh": b_hh}
        out[q] = {name: np.asarray(terms[name], dtype=np.float64) for name in TERMS[kind][q]}
    return out


def pre_activation(kind: str, quantity: str, terms: dict) -> np.ndarray:
    """The sum the activation is applied to (GRU's n: wx + b + r ⊙ (W h + b))."""
    if kind == "gru" and quantity == "n":
        return terms["wx"] + terms["b_ih"] + terms["r"] * terms["wh_b"]
    return sum(terms.values())
