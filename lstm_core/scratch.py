"""An LSTM from zero: NumPy forward pass and hand-written backpropagation through time.

This is the code the app shows beside the equations. It is written for reading, not speed; its
gradients match torch autograd to 1e-6 in float64 (tests/test_scratch_bptt.py).
Shapes: x (T, B, I); h, c (B, H); W_ih (4H, I); W_hh (4H, H); biases (4H,). Gate order i, f, g, o.
"""

import numpy as np


def sigmoid(z):
    return 0.5 * np.tanh(0.5 * z) + 0.5


def forward(params, x, h0, c0):
    """Run the LSTM; return the hidden states (T, B, H) and what backward needs."""
    W_ih, W_hh, b_ih, b_hh = params["W_ih"], params["W_hh"], params["b_ih"], params["b_hh"]
    H = W_hh.shape[1]
    h, c, steps = h0, c0, []
    for x_t in x:
        z = x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh  # (B, 4H): the four pre-activations
        i = sigmoid(z[:, 0:H])  # i_t = σ(W_ii x_t + b_ii + W_hi h_{t-1} + b_hi)
        f = sigmoid(z[:, H : 2 * H])  # f_t = σ(W_if x_t + b_if + W_hf h_{t-1} + b_hf)
        g = np.tanh(z[:, 2 * H : 3 * H])  # g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)
        o = sigmoid(z[:, 3 * H : 4 * H])  # o_t = σ(W_io x_t + b_io + W_ho h_{t-1} + b_ho)
        c_new = f * c + i * g  # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
        h_new = o * np.tanh(c_new)  # h_t = o_t ⊙ tanh(c_t)
        steps.append(dict(x=x_t, h_prev=h, c_prev=c, i=i, f=f, g=g, o=o, c=c_new))
        h, c = h_new, c_new
    hs = np.stack([s["o"] * np.tanh(s["c"]) for s in steps])
    return hs, steps


def backward(params, steps, dhs):
    """Backpropagation through time.

    dhs (T, B, H) is dL/dh_t arriving from above at each step (from the loss directly). Returns the
    parameter gradients, dL/dx, dL/dh0, dL/dc0, and dh_total (T, B, H): the full dL/dh_t, which also
    carries what flows back through the recurrence (the quantity the gradient-flow lab plots).
    """
    W_ih, W_hh = params["W_ih"], params["W_hh"]
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    dx = np.zeros((len(steps),) + steps[0]["x"].shape)
    dh_total = np.zeros_like(dhs)
    dh_next = np.zeros_like(dhs[0])  # dL/dh_t arriving from step t+1
    dc_next = np.zeros_like(dhs[0])  # dL/dc_t arriving from step t+1
    for t in reversed(range(len(steps))):
        s = steps[t]
        dh = dhs[t] + dh_next
        dh_total[t] = dh
        tanh_c = np.tanh(s["c"])
        do = dh * tanh_c  # h_t = o_t ⊙ tanh(c_t)
        dc = dc_next + dh * s["o"] * (1 - tanh_c**2)
        df = dc * s["c_prev"]  # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
        di = dc * s["g"]
        dg = dc * s["i"]
        dc_next = dc * s["f"]  # the cell-state path: dc_{t-1} = dc_t ⊙ f_t
        dz = np.concatenate(  # back through σ' = σ(1-σ) and tanh' = 1-tanh²
            [di * s["i"] * (1 - s["i"]), df * s["f"] * (1 - s["f"]), dg * (1 - s["g"] ** 2), do * s["o"] * (1 - s["o"])],
            axis=1,
        )
        grads["W_ih"] += dz.T @ s["x"]
        grads["W_hh"] += dz.T @ s["h_prev"]
        grads["b_ih"] += dz.sum(0)
        grads["b_hh"] += dz.sum(0)
        dx[t] = dz @ W_ih
        dh_next = dz @ W_hh
    return grads, dx, dh_next, dc_next, dh_total
