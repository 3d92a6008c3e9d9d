"""The terms inside each gate's activation, for one unit: what W x_t, W h_{t-1} and the bias each
contribute, so the explorer can show f_t = σ(0.31 + 0.05 − 0.12 + 0.02) = σ(0.26) = 0.56.

Terms come in the order the equations in `equations.py` write them (each CellSpec's `terms`); their sum is the pre-activation
that `cells.py` squashes (tests/test_explorer_core.py checks σ(sum) against the recorded gate).
"""

from __future__ import annotations

import numpy as np

from . import cells
from .cells import previous
from .recorder import Recorder, Trace

__all__ = ["gate_terms", "layer_input", "pre_activation", "previous"]


def layer_input(trace: Trace, x, layer: int) -> np.ndarray:
    """What layer `layer` read: the model input for layer 0, else the layer below's h. (T, B, I)."""
    if layer == 0:
        x = np.asarray(x)
        return x[:, None, :] if x.ndim == 2 else x
    return np.concatenate([d["h"] for d in trace.records[layer - 1]], axis=-1)


def gate_terms(recorder: Recorder, trace: Trace, x, layer: int = 0, unit: int = 0, batch: int = 0) -> dict:
    """{quantity: {term: (T,) array}} for one unit of one layer (forward direction), batch item `batch`,
    for every quantity the cell computes from its stacked weights (its CellSpec's blocks and terms)."""
    w = recorder.layers[layer][0]
    spec, H = cells.spec(recorder.kind), w.hidden_size
    rec = trace.records[layer][0]
    inputs = cells.TermInputs(
        X=layer_input(trace, x, layer)[:, batch, :], h_prev=previous(rec["h"][:, batch, :]), rec=rec, w=w, unit=unit, batch=batch
    )
    out = {}
    for k, q in enumerate(spec.blocks):
        terms = spec.term_values(q, k * H + unit, inputs)
        out[q] = {name: np.asarray(terms[name], dtype=np.float64) for name in spec.terms[q]}
    return out


def pre_activation(kind: str, quantity: str, terms: dict) -> np.ndarray:
    """The sum the activation is applied to (GRU's n: wx + b + r ⊙ (W h + b))."""
    return cells.spec(kind).pre_activation(quantity, terms)
