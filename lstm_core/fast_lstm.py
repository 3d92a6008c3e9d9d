"""The LSTM equations of `cells.lstm_step`, rearranged so that recording every gate costs little
more than torch's own fused forward pass (see bench/core_speed.py).

Three rearrangements, none of which changes a single value:
- one matrix product per step: [x_t, h_{t-1}, 1] @ [W_ih; W_hh; b]^T gives all four pre-activations;
- the gates are reordered i, f, o | g so the three sigmoids sit side by side, and their rows are
  pre-scaled by ½, because σ(z) = ½ tanh(z/2) + ½: one tanh then covers all four blocks;
- every result is written straight into the trace's preallocated buffers, and [x_t, h_{t-1}, 1]
  lives in one small row buffer that stays in cache.
"""

import numpy as np
import torch


def record_lstm(x, W_ih, W_hh, b_ih, b_hh, h0, c0):
    """x (T, B, I), h0/c0 (B, H) -> dict of (T, B, H) arrays i, f, g, o, c, h."""
    T, B, I = x.shape
    H = W_hh.shape[1]
    order = np.r_[0 : 2 * H, 3 * H : 4 * H, 2 * H : 3 * H]  # i, f, o, g
    half = np.r_[np.full(3 * H, 0.5), np.ones(H)].astype(x.dtype)
    W = (np.concatenate([W_ih, W_hh, (b_ih + b_hh)[:, None]], 1)[order] * half[:, None]).T.copy()  # (I+H+1, 4H)
    gates = np.empty((T, B, 4 * H), x.dtype)
    cell = np.empty((T, B, H), x.dtype)
    hidden = np.empty((T, B, H), x.dtype)
    xh1 = np.empty((B, I + H + 1), x.dtype)  # [x_t, h_{t-1}, 1]: one small row buffer, reused (stays in cache)
    xh1[:, I : I + H] = h0
    xh1[:, -1] = 1
    # torch.mm only for the product: it reaches MKL, which is faster than NumPy's OpenBLAS here
    xh1_t, W_t, gates_t = torch.from_numpy(xh1), torch.from_numpy(W), torch.from_numpy(gates)
    ig = np.empty((B, H), x.dtype)
    c = c0
    for t in range(T):
        xh1[:, :I] = x[t]
        z = gates[t]
        torch.mm(xh1_t, W_t, out=gates_t[t])  # all pre-activations (halved for i, f, o)
        np.tanh(z, out=z)  # g_t = tanh(.), and tanh(z/2) for the sigmoid gates
        s = z[:, : 3 * H]
        s *= 0.5
        s += 0.5  # i_t, f_t, o_t = ½ tanh(z/2) + ½ = σ(z)
        i, f, o, g = z[:, :H], z[:, H : 2 * H], z[:, 2 * H : 3 * H], z[:, 3 * H :]
        c_t = cell[t]
        np.multiply(f, c, out=c_t)
        np.multiply(i, g, out=ig)
        c_t += ig  # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
        h_t = hidden[t]
        np.tanh(c_t, out=h_t)
        h_t *= o  # h_t = o_t ⊙ tanh(c_t)
        xh1[:, I : I + H] = h_t
        c = c_t
    return {
        "i": gates[..., :H],
        "f": gates[..., H : 2 * H],
        "g": gates[..., 3 * H :],
        "o": gates[..., 2 * H : 3 * H],
        "c": cell,
        "h": hidden,
    }
