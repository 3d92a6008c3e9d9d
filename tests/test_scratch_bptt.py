"""The from-scratch NumPy LSTM and its hand-written BPTT against torch autograd, in float64."""

import numpy as np
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_core import scratch


@settings(max_examples=25, deadline=None)
@given(T=st.integers(1, 10), B=st.integers(1, 3), I=st.integers(1, 5), H=st.integers(1, 6), seed=st.integers(0, 10**6))
def test_gradients_equal_autograd(T, B, I, H, seed):
    rng = np.random.default_rng(seed)
    params = {
        "W_ih": rng.normal(size=(4 * H, I)),
        "W_hh": rng.normal(size=(4 * H, H)),
        "b_ih": rng.normal(size=4 * H),
        "b_hh": rng.normal(size=4 * H),
    }
    x, h0, c0 = rng.normal(size=(T, B, I)), rng.normal(size=(B, H)), rng.normal(size=(B, H))
    upstream = rng.normal(size=(T, B, H))  # L = Σ upstream ⊙ h

    hs, steps = scratch.forward(params, x, h0, c0)
    grads, dx, dh0, dc0, dh_total = scratch.backward(params, steps, upstream)

    module = torch.nn.LSTM(I, H, dtype=torch.float64)
    with torch.no_grad():
        for name, key in [("weight_ih_l0", "W_ih"), ("weight_hh_l0", "W_hh"), ("bias_ih_l0", "b_ih"), ("bias_hh_l0", "b_hh")]:
            getattr(module, name).copy_(torch.from_numpy(params[key]))
    xt = torch.tensor(x, requires_grad=True)
    h0t = torch.tensor(h0[None], requires_grad=True)
    c0t = torch.tensor(c0[None], requires_grad=True)
    out, _ = module(xt, (h0t, c0t))
    (out * torch.from_numpy(upstream)).sum().backward()

    np.testing.assert_allclose(hs, out.detach().numpy(), atol=1e-10)
    for name, key in [("weight_ih_l0", "W_ih"), ("weight_hh_l0", "W_hh"), ("bias_ih_l0", "b_ih"), ("bias_hh_l0", "b_hh")]:
        np.testing.assert_allclose(grads[key], getattr(module, name).grad.numpy(), atol=1e-6)
    np.testing.assert_allclose(dx, xt.grad.numpy(), atol=1e-6)
    np.testing.assert_allclose(dh0, h0t.grad.numpy()[0], atol=1e-6)
    np.testing.assert_allclose(dc0, c0t.grad.numpy()[0], atol=1e-6)
    assert dh_total.shape == (T, B, H)
