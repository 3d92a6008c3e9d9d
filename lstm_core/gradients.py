"""Gradient flow through time: how much of the loss's gradient reaches each time step's h_t.

The recurrence is run step by step in torch with the very equations of `cells.py`, so every h_t is
a node of the graph and dL/dh_t is exactly the gradient the learner asks about.
"""

from __future__ import annotations

import numpy as np

from . import cells
from .recorder import Recorder, from_torch


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
            if recorder.kind in ("lstm", "peephole"):
                s = cells.lstm_step(xw[t], h, c, W_hh, b_hh, ops=cells.TorchOps, peep=peep)
                c = s["c"]
            elif recorder.kind == "gru":
                s = cells.gru_step(xw[t], h, W_hh, b_hh, ops=cells.TorchOps)
            else:
                s = cells.rnn_step(xw[t], h, W_hh, b_hh, ops=cells.TorchOps, nonlinearity=recorder.kind[4:])
            h = s["h"]
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
    hs, _ = unrolled(recorder, x)
    L = hs[-1].sum() if loss is None else loss(hs)
    L.backward()
    return np.array([0.0 if h.grad is None else float(h.grad.norm()) for h in hs])
