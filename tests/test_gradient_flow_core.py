"""lstm_core.gradient_flow against torch autograd on the torch modules themselves."""

import numpy as np
import pytest
import torch

import lstm_core


def _oracle(module, x):
    """‖dL/dh_t‖ with L = Σ h_T: restart the torch module from the state at t and differentiate."""
    kind = type(module).__name__
    with torch.no_grad():
        out, _ = module(x)
    # the state after each step, re-derived with the module itself (single layer)
    T = x.shape[0]
    norms = []
    state = None
    states = []
    with torch.no_grad():
        for t in range(T):
            _, state = module(x[t : t + 1], state)
            states.append(state)
    for t in range(T):
        s = states[t]
        if kind == "LSTM":
            h = s[0].clone().requires_grad_(True)
            rest = (h, s[1])
        else:
            h = s.clone().requires_grad_(True)
            rest = h
        if t == T - 1:
            L = h.sum()
        else:
            _, final = module(x[t + 1 :], rest)
            L = (final[0] if kind == "LSTM" else final).sum()
        (grad,) = torch.autograd.grad(L, h)
        norms.append(float(grad.norm()))
    return np.array(norms)


@pytest.mark.parametrize("make", [torch.nn.LSTM, torch.nn.GRU, torch.nn.RNN])
def test_gradient_flow_equals_autograd(make):
    g = torch.Generator().manual_seed(0)
    module = make(3, 5, dtype=torch.float64)
    x = torch.randn(25, 2, 3, generator=g, dtype=torch.float64)
    np.testing.assert_allclose(lstm_core.gradient_flow(module, x), _oracle(module, x), rtol=1e-8)


def test_gradient_flow_with_a_custom_loss():
    module = torch.nn.LSTM(2, 3)
    x = torch.randn(8, 1, 2)
    norms = lstm_core.gradient_flow(module, x, loss=lambda hs: hs[3].sum())
    assert (norms[4:] == 0).all() and (norms[:4] > 0).all()  # nothing after step 3 affects the loss
