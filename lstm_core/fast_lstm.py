"""The LSTM equations of `cells.lstm_step`, rearranged so that recording every gate costs little
more than torch's own fused forward pass (see bench/core_speed.py).

Four rearrangements, each exact in real numbers (the floats differ from torch's in the last bits, as
torch's own kernels differ from one CPU to another):
- one matrix product per step: [W_ih W_hh b] @ [x_t; h_{t-1}; 1] gives all four pre-activations;
- the gates are reordered i, f, o | g so the three sigmoids sit side by side, and their rows are
  pre-scaled by ½, because σ(z) = ½ tanh(z/2) + ½: one tanh then covers all four blocks;
- the gates and cells are stored unit-major, (H, B) per step, so each gate of each step is one
  contiguous block (elementwise passes over strided column slices cost about three times as much);
- [x_t; h_{t-1}; 1] of every step lives in one buffer, batch-major (B, I+H+1) per step: x is
  copied in once, and h_t is written straight into step t+1's operand.
The arrays returned are (T, B, H) views of those buffers.

A large product goes through oneDNN, the library behind torch's own fused LSTM: for H=128 at batch
256 it takes half of NumPy's (OpenBLAS) time, and that is where torch's LSTM took its lead. A small
one stays in NumPy, as does float64: oneDNN's call costs about 13 µs whatever the size, and then
torch is not even imported. The tanh is NumPy's: torch's took 0.3 ms for a (512, 256) block on the
AMD EPYC, NumPy's 0.02 ms.
"""

import numpy as np

# multiply-adds per step from which oneDNN is faster (AMD EPYC: H=64 from batch ~48, H=128 from ~12)
ONEDNN_FROM = 1_500_000


def _product(W, B):
    """(4H, K) weights, batch size -> f(operand (B, K), out (4H, B)) returning W @ operand.T, in out
    or in a new array."""
    if W.size * B >= ONEDNN_FROM and W.dtype == np.float32:  # oneDNN has no float64
        import torch

        if torch.backends.mkldnn.is_available() and hasattr(torch.ops.mkldnn, "_linear_pointwise"):
            W_t = torch.from_numpy(W)

            def onednn(operand, out):
                # _linear_pointwise(input, weight) = input @ weight.T; with W as the input and the
                # operand as the weight, the result comes out unit-major, (4H, B)
                return torch.ops.mkldnn._linear_pointwise(W_t, torch.from_numpy(operand), None, "none", [], "").numpy()

            return onednn
    return lambda operand, out: np.matmul(W, operand.T, out=out)


def record_lstm(x, W_ih, W_hh, b_ih, b_hh, h0, c0):
    """x (T, B, I), h0/c0 (B, H) -> dict of (T, B, H) arrays i, f, g, o, c, h."""
    T, B, I = x.shape
    H = W_hh.shape[1]
    W = np.concatenate([W_ih, W_hh, (b_ih + b_hh)[:, None]], 1)  # (4H, I+H+1), gates i, f, g, o
    W = np.concatenate([W[: 2 * H], W[3 * H :], W[2 * H : 3 * H]])  # i, f, o, g
    W[: 3 * H] *= 0.5  # tanh(z/2) for the sigmoid gates
    gates = np.empty((T, 4, H, B), x.dtype)
    cell = np.empty((T, H, B), x.dtype)
    xh1 = np.empty((T + 1, B, I + H + 1), x.dtype)  # xh1[t] = [x_t; h_{t-1}; 1], one row per sequence
    xh1[:T, :, :I] = x
    xh1[0, :, I : I + H] = h0
    xh1[:, :, -1] = 1
    hidden = xh1[1:, :, I : I + H]  # h_t = hidden[t] = the h_{t} columns of step t+1's operand
    product = _product(W, B)
    products = gates.reshape(T, 4 * H, B)
    ig, h_t = np.empty((H, B), x.dtype), np.empty((H, B), x.dtype)
    half = x.dtype.type(0.5)
    mul, add, tanh = np.multiply, np.add, np.tanh  # ufuncs with out=: in-place operators cost more per call
    c = c0.T
    for t in range(T):
        z = products[t]
        # all pre-activations (halved for i, f, o), then g_t = tanh(.) and tanh(z/2) for the sigmoid gates
        tanh(product(xh1[t], z), out=z)
        z = gates[t]  # the same memory, as (4, H, B)
        s = z[:3]
        mul(s, half, out=s)
        add(s, half, out=s)  # i_t, f_t, o_t = ½ tanh(z/2) + ½ = σ(z)
        i, f, o, g = z
        c_t = cell[t]
        mul(f, c, out=c_t)
        mul(i, g, out=ig)
        add(c_t, ig, out=c_t)  # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
        tanh(c_t, out=h_t)
        mul(h_t, o, out=hidden[t].T)  # h_t = o_t ⊙ tanh(c_t), into step t+1's operand
        c = c_t

    def time_batch_unit(a):  # (T, H, B) -> (T, B, H), a view
        return a.transpose(0, 2, 1)

    return {
        "i": time_batch_unit(gates[:, 0]),
        "f": time_batch_unit(gates[:, 1]),
        "g": time_batch_unit(gates[:, 3]),
        "o": time_batch_unit(gates[:, 2]),
        "c": time_batch_unit(cell),
        "h": hidden,
    }
