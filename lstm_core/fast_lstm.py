"""The LSTM equations of `cells.lstm_step`, rearranged so that recording every gate costs little
more than torch's own fused forward pass (see bench/core_speed.py).

Four rearrangements, none of which changes a single value:
- one matrix product per step: [W_ih W_hh b] @ [x_t; h_{t-1}; 1] gives all four pre-activations;
- the gates are reordered i, f, o | g so the three sigmoids sit side by side, and their rows are
  pre-scaled by ½, because σ(z) = ½ tanh(z/2) + ½: one tanh then covers all four blocks;
- everything is stored unit-major, (H, B) per step, so each gate of each step is one contiguous
  block (elementwise passes over strided column slices cost about three times as much);
- [x_t; h_{t-1}; 1] of every step lives in one buffer: x is copied in once, and h_t is written
  straight into step t+1's operand, so nothing is copied inside the loop.
The arrays returned are (T, B, H) views of those buffers.
"""

import numpy as np
import torch


def record_lstm(x, W_ih, W_hh, b_ih, b_hh, h0, c0):
    """x (T, B, I), h0/c0 (B, H) -> dict of (T, B, H) arrays i, f, g, o, c, h."""
    T, B, I = x.shape
    H = W_hh.shape[1]
    W = np.concatenate([W_ih, W_hh, (b_ih + b_hh)[:, None]], 1)  # (4H, I+H+1), gates i, f, g, o
    W = np.concatenate([W[: 2 * H], W[3 * H :], W[2 * H : 3 * H]])  # i, f, o, g
    W[: 3 * H] *= 0.5  # tanh(z/2) for the sigmoid gates
    gates = np.empty((T, 4, H, B), x.dtype)
    cell = np.empty((T, H, B), x.dtype)
    xh1 = np.empty((T + 1, I + H + 1, B), x.dtype)  # xh1[t] = [x_t; h_{t-1}; 1]
    xh1[:T, :I] = x.transpose(0, 2, 1)
    xh1[0, I : I + H] = h0.T
    xh1[:, -1] = 1
    hidden = xh1[1:, I : I + H]  # h_t = hidden[t] = the h_{t} rows of step t+1's operand
    # torch for the product (MKL is faster than NumPy's OpenBLAS here) and for the big tanh (faster at
    # batch 256, a little slower at batch 1); unbind makes every step's tensor view once, since
    # indexing a tensor inside the loop would cost about as much as the product at batch 1
    W_t = torch.from_numpy(W)
    operands, products = torch.from_numpy(xh1).unbind(0), torch.from_numpy(gates.reshape(T, 4 * H, B)).unbind(0)
    ig = np.empty((H, B), x.dtype)
    half = x.dtype.type(0.5)
    mul, add, tanh = np.multiply, np.add, np.tanh  # ufuncs with out=: in-place operators cost more per call
    c = c0.T
    for t in range(T):
        z = products[t]
        torch.mm(W_t, operands[t], out=z)  # all pre-activations (halved for i, f, o)
        torch.tanh(z, out=z)  # g_t = tanh(.), and tanh(z/2) for the sigmoid gates
        z = gates[t]  # the same memory, as NumPy's (4, H, B)
        s = z[:3]
        mul(s, half, out=s)
        add(s, half, out=s)  # i_t, f_t, o_t = ½ tanh(z/2) + ½ = σ(z)
        i, f, o, g = z
        c_t = cell[t]
        mul(f, c, out=c_t)
        mul(i, g, out=ig)
        add(c_t, ig, out=c_t)  # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
        h_t = hidden[t]
        tanh(c_t, out=h_t)
        mul(h_t, o, out=h_t)  # h_t = o_t ⊙ tanh(c_t)
        c = c_t

    def time_batch_unit(a):  # (T, H, B) -> (T, B, H), a view
        return a.transpose(0, 2, 1)

    return {
        "i": time_batch_unit(gates[:, 0]),
        "f": time_batch_unit(gates[:, 1]),
        "g": time_batch_unit(gates[:, 3]),
        "o": time_batch_unit(gates[:, 2]),
        "c": time_batch_unit(cell),
        "h": time_batch_unit(hidden),
    }
