"""Gradient flow through time: how much of the loss's gradient reaches each time step's h_t.

Two ways to the same numbers. `unrolled` runs the recurrence step by step in torch with the very
equations of `cells.py`, so every h_t is a node of the graph and autograd gives dL/dh_t for any
loss. For the default loss (Σ h_{T-1}) `hidden_gradients` walks back through a recorded trace by
hand, about ten times faster (the /gradient-flow page draws four such curves of up to 1,000 steps
on every change, for a whole class on one server); a test holds it to autograd's numbers.
"""

from __future__ import annotations

import numpy as np

from . import cells
from .recorder import Recorder, from_torch


def _check(recorder: Recorder):
    if cells.spec(recorder.kind).backward is None:  # e.g. Cho et al.'s GRU, opened from Keras only
        raise ValueError(f"no gradient flow for cell kind {recorder.kind!r}")
    if recorder.gate_activation != "sigmoid":
        raise ValueError(f"no gradient flow with {recorder.gate_activation} gates")


def _torch_weights(w, dtype):
    import torch

    def t(a):
        return torch.as_tensor(np.asarray(a), dtype=dtype)

    peep = tuple(t(p) for p in w.peep) if w.peep is not None else None
    return t(w.W_ih), t(w.W_hh), t(w.b_ih), t(w.b_hh), peep


def unrolled(recorder: Recorder, x):
    """Run `recorder`'s weights in torch, one step at a time, keeping each last-layer h_t.

    Returns (hs, states): hs a list of T tensors (B, H) with retained gradients, `states` the
    per-step dicts of the last layer (for the per-step Jacobian views). Unidirectional only.
    """
    import torch

    _check(recorder)
    if recorder.bidirectional:
        raise ValueError("gradient flow is defined here for unidirectional models")
    dtype = torch.float64 if recorder.dtype == np.float64 else torch.float32
    x = torch.as_tensor(np.asarray(x.detach().numpy() if hasattr(x, "detach") else x), dtype=dtype)
    if x.ndim == 2:
        x = x[:, None, :]
    elif recorder.batch_first:
        x = x.transpose(0, 1)
    T, B, _ = x.shape
    H = recorder.hidden_size
    layer_input = x
    for (w,) in recorder.layers:
        W_ih, W_hh, b_ih, b_hh, peep = _torch_weights(w, dtype)
        xw = layer_input @ W_ih.T + b_ih
        h = torch.zeros(B, H, dtype=dtype, requires_grad=True)
        c = torch.zeros(B, H, dtype=dtype)
        hs, states = [], []
        for t in range(T):
            s = cells.step(recorder.kind, xw[t], h, c, W_hh, b_hh, ops=cells.TorchOps, peep=peep)
            h, c = s["h"], s.get("c", c)
            h.retain_grad()
            hs.append(h)
            states.append(s)
        layer_input = torch.stack(hs)
    return hs, states


def gradient_flow(module, x, loss=None) -> np.ndarray:
    """‖dL/dh_t‖ for every time step t of the last layer, as a (T,) array.

    `module`: a torch.nn.RNN/LSTM/GRU or a Recorder. L defaults to the sum of the final hidden
    state; `loss` may be any function of the list of last-layer h_t tensors (B, H) returning a scalar.
    """
    recorder = module if isinstance(module, Recorder) else from_torch(module)
    if loss is None and not recorder.bidirectional:
        return gradient_norms(recorder, recorder.record(x))
    hs, _ = unrolled(recorder, x)
    L = hs[-1].sum() if loss is None else loss(hs)
    L.backward()
    return np.array([0.0 if h.grad is None else float(h.grad.norm()) for h in hs])


def gradient_norms(recorder: Recorder, trace) -> np.ndarray:
    """gradient_flow's ‖dL/dh_t‖ (T,) for L = Σ h_{T-1}, from a trace already recorded."""
    grads = hidden_gradients(recorder, trace)
    return np.sqrt((grads**2).sum(axis=(1, 2)))


def hidden_gradients(recorder: Recorder, trace) -> np.ndarray:
    """dL/dh_t (T, B, H) of the last layer for L = Σ h_{T-1}, by backpropagation through time by
    hand on a recorded trace: the numbers autograd gives (tests), at a fraction of the cost of a
    graph of T small steps. Only the last layer's recurrence carries this gradient back in time."""
    _check(recorder)
    w = recorder.layers[-1][0]
    rec = trace.records[-1][0]
    backward = cells.spec(recorder.kind).backward
    T, B, H = rec["h"].shape
    grads = np.empty((T, B, H), rec["h"].dtype)
    dh = np.ones((B, H), grads.dtype)  # dL/dh_{T-1}
    dc = np.zeros_like(dh)  # dL/dc_t through c_{t+1} (cells with a cell state)
    for t in range(T - 1, -1, -1):
        grads[t] = dh
        if t == 0:
            break
        dh, dc = backward(rec, t, w, dh, dc)
    return grads
