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
    return 10.0 ** log_gradient_norms(recorder, trace)


def log_gradient_norms(recorder: Recorder, trace) -> np.ndarray:
    """log10 ‖dL/dh_t‖ (T,) for L = Σ h_{T-1}, exact also where ‖dL/dh_t‖ itself is below float64's
    range (over 1,000 steps a relu RNN's falls to 10⁻³⁹⁶); -inf where it is exactly 0."""
    logs = np.empty(len(trace.records[-1][0]["h"]))
    with np.errstate(divide="ignore"):
        for t, dh, log_scale in _backpropagate(recorder, trace):
            logs[t] = np.log10(np.linalg.norm(dh)) + log_scale
    return logs


def hidden_gradients(recorder: Recorder, trace) -> np.ndarray:
    """dL/dh_t (T, B, H) of the last layer for L = Σ h_{T-1}, by backpropagation through time by
    hand on a recorded trace: the numbers autograd gives (tests), at a fraction of the cost of a
    graph of T small steps. Only the last layer's recurrence carries this gradient back in time."""
    rec = trace.records[-1][0]
    grads = np.empty_like(rec["h"])
    for t, dh, log_scale in _backpropagate(recorder, trace):
        grads[t] = dh * 10.0**log_scale
    return grads


def _backpropagate(recorder: Recorder, trace):
    """Yield (t, dh, log_scale) for t = T-1 down to 0, with dL/dh_t = 10**log_scale · dh.

    The step back is linear in (dL/dh_t, dL/dc_t), so both are rescaled to a joint norm of 1 after
    each step and the scale is kept as its log: the direction is what autograd carries, and a
    gradient that vanishes over 1,000 steps stays within float64 instead of underflowing to 0."""
    _check(recorder)
    w = recorder.layers[-1][0]
    rec = trace.records[-1][0]
    backward = cells.spec(recorder.kind).backward
    T, B, H = rec["h"].shape
    dh = np.ones((B, H), rec["h"].dtype)  # dL/dh_{T-1}
    dc = np.zeros_like(dh)  # dL/dc_t through c_{t+1} (cells with a cell state)
    log_scale = 0.0
    for t in range(T - 1, -1, -1):
        yield t, dh, log_scale
        if t == 0:
            break
        dh, dc = backward(rec, t, w, dh, dc)
        norm = float(np.sqrt(np.sum(dh**2) + (0.0 if dc is None else np.sum(dc**2))))  # dc None: no cell state
        if norm == 0:  # an exactly zero Jacobian (weight scale 0): the gradient is 0 from here on
            log_scale = -np.inf
            continue
        dh, dc = dh / norm, None if dc is None else dc / norm
        log_scale += np.log10(norm)
