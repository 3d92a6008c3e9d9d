"""lstm_core.gradient_flow against torch autograd on the torch modules themselves."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import lstm_core
from lstm_core.gradients import hidden_gradients, unrolled


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


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(["lstm", "peephole", "gru", "rnn_tanh", "rnn_relu", "lstm1997", "cifg"]),
    T=st.integers(1, 30),
    B=st.integers(1, 3),
    I=st.integers(1, 4),
    H=st.integers(1, 6),
    layers=st.integers(1, 2),
    seed=st.integers(0, 10_000),
)
def test_hand_written_bptt_equals_autograd(kind, T, B, I, H, layers, seed):
    """The fast path of gradient_flow (backward by hand on the recorded trace) against autograd
    through the torch-unrolled cells, for every kind, peepholes included, and stacked layers."""
    rec = lstm_core.random_recorder(kind, I, H, num_layers=layers, seed=seed, dtype=np.float64)
    x = np.random.default_rng(seed).standard_normal((T, B, I)) * 2
    hs, _ = unrolled(rec, x)
    hs[-1].sum().backward()
    expected = np.stack([h.grad.numpy() for h in hs])
    np.testing.assert_allclose(hidden_gradients(rec, rec.record(x)), expected, rtol=1e-10, atol=1e-13)
