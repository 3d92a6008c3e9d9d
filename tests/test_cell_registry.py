"""The cell registry: every kind declared in each layer, and the two variants added through it (the
1997 LSTM without a forget gate, the coupled input-forget gate LSTM) against oracles: their equations
written out again here in plain NumPy, and their hand-written backward against torch autograd."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import lstm_core
from lstm_core import cells, classifier, experiments
from lstm_core.gradients import hidden_gradients
from lstm_core.torch_cells import CellLayer
from plots import cell_looks
from plots.diagram import cell_svg
from plots.explorer_component import latex_to_html
from ui.i18n import STRINGS


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- every layer declares every kind -----------------------------------------------------------


@pytest.mark.parametrize("kind", cells.KINDS)
def test_every_registered_kind_is_declared_in_every_layer(kind):
    spec, look = cells.spec(kind), cell_looks.look(kind)
    assert spec.kind == kind and spec.gate_blocks == len(spec.blocks) >= 1
    shown = {q for group in look.line_groups for q in group}
    assert shown == set(spec.quantities), "every recorded quantity has a line chart"
    assert set(look.announced) <= set(spec.quantities)
    assert set(look.formulas) == set(spec.quantities) - set(spec.blocks), "the stepper can write out every equation"
    for pieces in look.formulas.values():
        refs = {p[1:].rstrip("-") for p in pieces if p.startswith("@")}
        assert refs <= set(spec.quantities)
    for latex in spec.latex.values():
        assert "\\" not in latex_to_html(latex)
    svg = look.diagram({}, "title")
    assert svg.startswith("<svg") and 'data-v="h"' in svg
    for key in (f"explorer.diagram.{kind}", *(f"explorer.iv.{c}" for c in spec.clamps)):
        assert key in STRINGS, key
    if spec.variant:
        assert f"explorer.variant.{kind}" in STRINGS
    if spec.compared:
        assert f"train.kind.{kind}" in STRINGS and f"gradient_flow.model.{kind}" in STRINGS
        assert kind in classifier.KINDS and kind in experiments.PROFILE_MODELS


def test_an_unknown_kind_has_no_spec_and_no_look():
    with pytest.raises(cells.UnknownCellKind, match="'mgu'"):
        cells.spec("mgu")
    with pytest.raises(KeyError, match="'mgu'"):
        cell_looks.look("mgu")


def test_the_diagrams_draw_what_the_variant_changed():
    plain, no_forget, coupled = (cell_svg(live=True, forget=f) for f in ("gate", "none", "coupled"))
    assert 'data-gate="f"' in plain and 'data-gate="f"' not in no_forget and 'data-gate="f"' in coupled
    assert 'data-gate="i"' in no_forget and 'data-gate="i"' not in coupled and 'data-v="i"' in coupled


@pytest.mark.parametrize("forget", ["gate", "none", "coupled"])
def test_no_line_of_a_diagram_is_drawn_over_its_words(forget):
    """Each word has a white halo, which hides the lines under it, but only lines drawn before it: a
    gate's output line once ran through its name ("forget gate"). Each gate's value sits left of its
    input arrow, not on it."""
    from plots.diagram import GATES
    from plots.explorer_diagrams import gru_svg, rnn_svg

    lstm = cell_svg({"f": 0.63, "i": 0.5, "g": 0.1, "o": 0.9}, {"f": "forget gate"}, forget=forget)
    for svg in (lstm, gru_svg(), rnn_svg()):
        assert svg.rindex("<path ") < svg.index('stroke="white"')  # every halo after every line
    for gate, (x, _) in GATES.items():
        if f"{gate}ₜ " in lstm:
            assert f'<text x="{x - 6}" y="272" text-anchor="end"' in lstm.split(f"{gate}ₜ ")[0][-200:]


# --- the equations written out again, in plain NumPy -------------------------------------------


def scratch(kind, x, W_ih, W_hh, b_ih, b_hh):
    """One layer, one direction, straight from the papers. x (T, B, I) -> {quantity: (T, B, H)}."""
    H = W_hh.shape[1]
    h, c = np.zeros((x.shape[1], H)), np.zeros((x.shape[1], H))
    out = {}
    for x_t in x:
        z = x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh
        if kind == "lstm1997":  # Hochreiter & Schmidhuber 1997
            i, g, o = sigmoid(z[:, :H]), np.tanh(z[:, H : 2 * H]), sigmoid(z[:, 2 * H :])
            c = c + i * g
            step = {"i": i, "g": g, "o": o}
        else:  # Greff et al. 2017, CIFG
            f, g, o = sigmoid(z[:, :H]), np.tanh(z[:, H : 2 * H]), sigmoid(z[:, 2 * H :])
            i = 1 - f
            c = f * c + i * g
            step = {"f": f, "i": i, "g": g, "o": o}
        h = o * np.tanh(c)
        for q, v in {**step, "c": c, "h": h}.items():
            out.setdefault(q, []).append(v)
    return {q: np.stack(v) for q, v in out.items()}


@pytest.mark.parametrize("kind", ["lstm1997", "cifg"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_variants_compute_their_papers_equations(kind, seed):
    rec = lstm_core.random_recorder(kind, 3, 5, num_layers=2, bidirectional=True, seed=seed, dtype=np.float64)
    x = np.random.default_rng(seed).normal(size=(9, 2, 3)) * 2
    trace = rec.record(x)
    w = rec.layers[0][0]
    expected = scratch(kind, x, w.W_ih, w.W_hh, w.b_ih, w.b_hh)
    assert set(trace.quantities) == set(expected)
    for q, v in expected.items():
        np.testing.assert_allclose(trace.values(q, 0, 0), v, rtol=1e-12, atol=1e-12)
    back = rec.layers[0][1]  # the reverse direction reads back to front
    expected = scratch(kind, x[::-1], back.W_ih, back.W_hh, back.b_ih, back.b_hh)
    np.testing.assert_allclose(trace.values("h", 0, 1), expected["h"][::-1], rtol=1e-12, atol=1e-12)
    upper = rec.layers[1][0]  # layer 2 reads both directions of layer 1
    below = np.concatenate([trace.values("h", 0, 0), trace.values("h", 0, 1)], axis=-1)
    expected = scratch(kind, below, upper.W_ih, upper.W_hh, upper.b_ih, upper.b_hh)
    np.testing.assert_allclose(trace.values("c", 1, 0), expected["c"], rtol=1e-12, atol=1e-12)


def torch_scratch(kind, x, W_ih, W_hh, b_ih, b_hh):
    """The same equations in torch, independent of cells.py, keeping every h_t for autograd."""
    H = W_hh.shape[1]
    h = torch.zeros(x.shape[1], H, dtype=torch.float64, requires_grad=True)
    c = torch.zeros(x.shape[1], H, dtype=torch.float64)
    hs = []
    for x_t in x:
        z = x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh
        a, g, o = torch.sigmoid(z[:, :H]), torch.tanh(z[:, H : 2 * H]), torch.sigmoid(z[:, 2 * H :])
        c = c + a * g if kind == "lstm1997" else a * c + (1 - a) * g
        h = o * torch.tanh(c)
        h.retain_grad()
        hs.append(h)
    return hs


@settings(max_examples=40, deadline=None)
@given(
    kind=st.sampled_from(["lstm1997", "cifg"]),
    T=st.integers(1, 25),
    B=st.integers(1, 3),
    H=st.integers(1, 6),
    seed=st.integers(0, 10_000),
)
def test_the_variants_hand_written_backward_equals_autograd(kind, T, B, H, seed):
    rec = lstm_core.random_recorder(kind, 3, H, seed=seed, dtype=np.float64)
    x = np.random.default_rng(seed).standard_normal((T, B, 3)) * 2
    w = rec.layers[0][0]
    hs = torch_scratch(kind, *(torch.from_numpy(a) for a in (x, w.W_ih, w.W_hh, w.b_ih, w.b_hh)))
    hs[-1].sum().backward()
    expected = np.stack([h.grad.numpy() for h in hs])
    np.testing.assert_allclose(hidden_gradients(rec, rec.record(x)), expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("kind", ["lstm1997", "cifg"])
def test_the_parameter_gradients_of_the_torch_layer_equal_autograd_of_the_scratch_equations(kind):
    """What /train optimises: CellLayer's weight gradients against the papers' equations in torch."""
    rec = lstm_core.random_recorder(kind, 3, 4, seed=7, dtype=np.float64)
    layer = lstm_core.to_torch(rec)
    assert isinstance(layer, CellLayer)
    x = torch.randn(11, 2, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    output, _ = layer(x)
    output[-1].pow(2).sum().backward()
    params = [torch.from_numpy(np.array(a)).requires_grad_() for a in (rec.layers[0][0].W_ih, rec.layers[0][0].W_hh)]
    biases = [torch.from_numpy(np.array(a)) for a in (rec.layers[0][0].b_ih, rec.layers[0][0].b_hh)]
    hs = torch_scratch(kind, x, *params, *biases)
    hs[-1].pow(2).sum().backward()
    torch.testing.assert_close(layer.weight_ih_l0.grad, params[0].grad)
    torch.testing.assert_close(layer.weight_hh_l0.grad, params[1].grad)
    np.testing.assert_allclose(output.detach().numpy(), rec.record(x.numpy()).h, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("kind", ["lstm1997", "cifg"])
def test_the_torch_layer_reads_packed_text_as_each_text_alone(kind):
    """/train packs padded texts: each final state must be the one after the text's own last token,
    in both directions, as torch.nn.LSTM gives it."""
    rec = lstm_core.random_recorder(kind, 3, 4, bidirectional=True, seed=3, dtype=np.float64)
    layer = lstm_core.to_torch(rec)
    long, short = torch.randn(6, 3, dtype=torch.float64), torch.randn(3, 3, dtype=torch.float64)
    padded = torch.stack([long, torch.cat([short, torch.zeros(3, 3, dtype=torch.float64)])], dim=1)  # (T, B, I)
    packed = torch.nn.utils.rnn.pack_padded_sequence(padded, torch.tensor([6, 3]), enforce_sorted=False)
    _, (h_n, _) = layer(packed)
    for b, seq in enumerate((long, short)):
        _, (alone, _) = layer(seq[:, None])
        torch.testing.assert_close(h_n[:, b], alone[:, 0])


# --- what the explorer says about the 1997 cell ----------------------------------------------


@pytest.mark.claims
@pytest.mark.parametrize("preset", ["long_memory", "step", "sine", "counting"])
@pytest.mark.parametrize("seed", range(5))
def test_the_1997_cell_state_keeps_growing_where_the_forget_gate_holds_it(preset, seed):
    """explorer.note_kind.lstm1997: "on a long input |c| keeps growing"; the LSTM's stays bounded."""
    from ui.explorer_state import Settings, build_run

    for lang in ("en", "zh"):
        old = np.abs(build_run(Settings(preset=preset, kind="lstm1997", seed=seed, lang=lang)).trace.values("c")[:, 0]).mean(1)
        new = np.abs(build_run(Settings(preset=preset, kind="lstm", seed=seed, lang=lang)).trace.values("c")[:, 0]).mean(1)
        T = len(old)
        quarters = [old[k * T // 4 : (k + 1) * T // 4].mean() for k in range(4)]
        assert all(a < b for a, b in zip(quarters, quarters[1:], strict=False)), quarters  # grows with t
        assert old[-1] > 4 * old[0] and old[-1] > 3 * new.max()
        assert new.max() < 1  # the forget gate keeps the LSTM's c near the range of one step's write


@pytest.mark.parametrize("kind", cells.COMPARED)
@pytest.mark.parametrize(("layers", "bidirectional"), [(1, False), (2, True)])
def test_train_counts_the_weights_the_variant_has(kind, layers, bidirectional):
    """/train's parameter caption, against the layer it trains (three blocks each: a quarter fewer than the LSTM)."""
    layer = CellLayer(kind, 7, 5, num_layers=layers, bidirectional=bidirectional)
    count = classifier.recurrent_parameter_count(kind, 7, 5, layers, bidirectional)
    assert count == sum(p.numel() for p in layer.parameters())
    assert 4 * count == 3 * classifier.recurrent_parameter_count("lstm", 7, 5, layers, bidirectional)


@pytest.mark.trains
@pytest.mark.parametrize("kind", cells.COMPARED)
def test_the_live_adding_run_trains_the_variants(kind):
    """/gradient-flow's live run offers them: a short run on the adding problem moves the loss and
    stays finite (a robust property, on any CPU)."""
    settings = experiments.AddingSettings(seq_len=10, hidden_size=8, batch_size=16, steps=60, eval_every=20, test_size=64)
    run = experiments.train_adding(kind, settings)
    assert run.steps == [20, 40, 60] and np.all(np.isfinite(run.test_mse))
    assert run.train_mse[-1] < run.train_mse[0]


def test_the_forget_bias_setting_reaches_the_cifg_forget_gate():
    s = experiments.FlowSettings(hidden_size=3, forget_bias=2.5)
    w = experiments.flow_recorder("cifg", s).layers[0][0]
    np.testing.assert_array_equal(w.b_ih[:3] + w.b_hh[:3], 2.5)  # CIFG's order f, g, o: f's rows first
    w = experiments.flow_recorder("lstm1997", s).layers[0][0]
    assert not np.any(w.b_ih == 2.5)  # no forget gate to set


@pytest.mark.claims
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("T", [50, 100, 300])
def test_the_1997_lstm_keeps_its_gradient_where_the_lstm_loses_it(seed, T):
    """gradient_flow.flow_caption: "the LSTM of 1997 ... passes the gradient back with factor 1, so its line stays high"."""
    profiles = experiments.gradient_profiles(experiments.FlowSettings(seq_len=T, seed=seed))
    ratio = {m: p[0] / p[-1] for m, p in profiles.items()}
    assert ratio["lstm1997"] > 1e-6
    assert ratio["lstm1997"] > 1e3 * max(ratio["lstm"], ratio["cifg"], ratio["gru"], ratio["rnn"])


@pytest.mark.claims
def test_the_1997_lstm_loses_its_gradient_too_once_large_weights_saturate_it():
    """gradient_flow.flow_caption: "with large weights on a long input ... its line falls too (orthogonal at
    scale 2, T = 1000: about 10⁻⁶ at step 0)"; the caption had said only that its line stays high."""
    flow = experiments.FlowSettings(seq_len=1000, weight_scale=2.0, init="orthogonal")
    ratio = {m: p[0] / p[-1] for m, p in experiments.gradient_profiles(flow).items()}
    assert 1e-7 < ratio["lstm1997"] < 1e-5 and ratio["lstm1997"] < ratio["lstm"]
    default = experiments.gradient_profiles(experiments.FlowSettings(seq_len=1000))["lstm1997"]
    assert default[0] / default[-1] > 1e-2  # at the default weights it stays high even at T = 1000
