"""The explorer's core: hand-built cells, interventions, the gate-term decomposition, input parsing,
and the stepper's HTML (escaping). No Streamlit runtime."""

import re
from html.parser import HTMLParser

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from datasets import sequence_input as si
from lstm_core import Intervention, cells, handbuilt, random_recorder, to_torch
from lstm_core.contributions import gate_terms, pre_activation
from lstm_core.errors import UserInputError
from lstm_core.text import Vocab
from plots import explorer_component as ec
from ui.strings.explorer import STRINGS

# --- hand-built cells ---------------------------------------------------------------------------


def test_memory_cell_holds_its_bit_for_50_steps():
    x = handbuilt.pulse(60, at=(5,))
    c = handbuilt.memory_cell().record(x).values("c")[:, 0, 0]
    assert np.all(np.abs(c[:5]) < 1e-6)  # nothing seen yet
    assert np.all(c[5:56] > 1 - 1e-6)  # seen: held, to six digits, for 50 more steps
    assert np.all(c[5:] <= 1 + 1e-9)


def test_memory_cell_is_a_latch_not_a_counter():
    c = handbuilt.memory_cell().record(handbuilt.pulse(30, at=(2, 9, 10, 20))).values("c")[:, 0, 0]
    np.testing.assert_allclose(c[2:], 1.0, atol=1e-6)


def test_counter_counts():
    rng = np.random.default_rng(3)
    x = (rng.random((120, 1)) < 0.3).astype(float)
    c = handbuilt.counter_cell().record(x).values("c")[:, 0, 0]
    np.testing.assert_allclose(c, np.cumsum(x[:, 0]), atol=1e-5)


def test_leaky_memory_halves_each_step():
    c = handbuilt.leaky_cell(0.5).record(handbuilt.pulse(12, at=(1,))).values("c")[:, 0, 0]
    np.testing.assert_allclose(c[2:], 0.5 * c[1:-1], atol=1e-8)  # the closed input gate leaks 2e-9
    assert handbuilt.memory_half_life(0.5) == pytest.approx(1.0)
    assert handbuilt.memory_half_life(1.0) == float("inf")


def test_one_unit_lstm_matches_torch():
    """The hand-set weights sit where torch.nn.LSTM expects them (gate order i, f, g, o)."""
    recorder = handbuilt.one_unit_lstm({"i": 1.5, "f": -2.0, "g": 0.7, "o": 0.3}, {"i": 0.1, "f": 3.0, "o": -1}, {"f": 0.4})
    x = np.random.default_rng(0).normal(size=(15, 1))
    ours = recorder.record(x).values("h")[:, 0, :]
    with torch.no_grad():
        theirs, _ = to_torch(recorder)(torch.from_numpy(x))
    np.testing.assert_allclose(ours, theirs.numpy(), atol=1e-12)


# --- interventions ------------------------------------------------------------------------------


def test_clamping_the_forget_gate_to_one_makes_c_an_exact_accumulator():
    recorder = random_recorder("lstm", 3, 5, seed=1, dtype=np.float64)
    x = np.random.default_rng(1).normal(size=(30, 3))
    trace = recorder.record(x, interventions=[Intervention("f", 1.0)])
    c, i, g = (trace.values(q)[:, 0] for q in "cig")
    assert np.all(trace.values("f") == 1.0)
    assert np.array_equal(c[0], i[0] * g[0])
    for t in range(1, 30):
        assert np.array_equal(c[t], c[t - 1] + i[t] * g[t])


def test_switching_a_unit_off_silences_it_and_changes_the_others():
    recorder = random_recorder("lstm", 2, 4, seed=2, dtype=np.float64)
    x = np.random.default_rng(2).normal(size=(20, 2))
    normal = recorder.record(x)
    off = recorder.record(x, interventions=[Intervention("unit_off", units=(1,))])
    assert np.all(off.values("h")[:, 0, 1] == 0) and np.all(off.values("c")[:, 0, 1] == 0)
    assert not np.allclose(off.values("h")[:, 0, [0, 2, 3]], normal.values("h")[:, 0, [0, 2, 3]])


# --- the numbers inside each equation ---------------------------------------------------------

ACTIVATIONS = {
    "i": lambda z: 1 / (1 + np.exp(-z)),
    "f": lambda z: 1 / (1 + np.exp(-z)),
    "o": lambda z: 1 / (1 + np.exp(-z)),
    "r": lambda z: 1 / (1 + np.exp(-z)),
    "z": lambda z: 1 / (1 + np.exp(-z)),
    "g": np.tanh,
    "n": np.tanh,
    "a": lambda z: z,
}


@pytest.mark.parametrize("kind", ["lstm", "peephole", "gru", "rnn_tanh", "lstm1997", "cifg"])
@pytest.mark.parametrize("layer", [0, 1])
def test_gate_terms_add_up_to_the_recorded_gates(kind, layer):
    recorder = random_recorder(kind, 3, 6, num_layers=2, seed=4, dtype=np.float64)
    x = np.random.default_rng(4).normal(size=(12, 3))
    trace = recorder.record(x)
    for unit in (0, 5):
        terms = gate_terms(recorder, trace, x, layer=layer, unit=unit)
        assert set(terms) == set(cells.spec(kind).blocks)
        for q, parts in terms.items():
            recorded = trace.values(q, layer)[:, 0, unit]
            np.testing.assert_allclose(ACTIVATIONS[q](pre_activation(kind, q, parts)), recorded, atol=1e-10)


# --- parsing what a learner types --------------------------------------------------------------


def test_parse_numbers():
    assert si.parse_numbers("0.5, 1 ,-2;3，4  5").values == (0.5, 1.0, -2.0, 3.0, 4.0, 5.0)
    assert si.parse_numbers("−1").values == (-1.0,)  # the typographic minus sign


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "explorer.err_empty_numbers"),
        (" , ,", "explorer.err_empty_numbers"),
        ("1, two, 3", "explorer.err_not_a_number"),
        ("1, nan", "explorer.err_not_finite"),
        ("inf", "explorer.err_not_finite"),
        ("-Infinity", "explorer.err_not_finite"),
        ("1e400", "explorer.err_too_large"),  # a number past float64's range, not "not a finite number"
        ("1e9", "explorer.err_too_large"),
    ],
)
def test_bad_numbers_raise_user_errors(text, key):
    with pytest.raises(UserInputError) as info:
        si.parse_numbers(text)
    assert info.value.key == key
    assert key in STRINGS


def test_bad_item_is_quoted_short_and_harmless():
    with pytest.raises(UserInputError) as info:
        si.parse_numbers("1, <script>alert(1)</script>" + "x" * 50)
    item = info.value.params["item"]
    assert "<" not in item and len(item) <= 21


def test_text_is_tokenised_and_capped():
    seq = si.parse_text("The movie was NOT good!")
    assert seq.labels == ("the", "movie", "was", "not", "good")
    assert si.parse_text("这部电影不好看").labels[:2] == ("这", "部")
    long = si.parse_text(" ".join(["word"] * 250))
    assert long.steps == si.MAX_STEPS and long.truncated_from == 250
    assert si.parse_numbers(",".join(["1"] * 300)).truncated_from == 300
    with pytest.raises(UserInputError):
        si.parse_text("   ")
    with pytest.raises(UserInputError):
        si.parse_text("!!! ... ???")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_text_raises_anything_but_user_errors(text):
    for parse in (si.parse_numbers, si.parse_text):
        try:
            seq = parse(text)
        except UserInputError as exc:
            assert exc.key in STRINGS
        else:
            assert 1 <= seq.steps <= si.MAX_STEPS
            if seq.values is not None:
                assert all(np.isfinite(seq.values))


def test_sizes_are_capped():
    si.check_sizes(64, 3)
    for hidden, layers in [(65, 1), (0, 1), (8, 4), (8, 0)]:
        with pytest.raises(UserInputError):
            si.check_sizes(hidden, layers)


def test_presets_parse_in_both_languages():
    for name in si.PRESETS:
        for lang in ("en", "zh"):
            kind, raw = si.preset(name, lang)
            seq = si.parse_text(raw) if kind == "text" else si.parse_numbers(raw)
            assert seq.steps >= 5
    assert "not" in si.parse_text(si.preset("negation", "en")[1]).labels
    assert "不" in si.parse_text(si.preset("negation", "zh")[1]).labels


def test_random_token_vectors_depend_on_token_and_seed_only():
    a = si.embed_random(si.parse_text("not good not"), seed=3)
    assert a.shape == (3, si.EMBED_DIM)
    np.testing.assert_array_equal(a[0], a[2])
    assert not np.allclose(a[0], a[1])
    np.testing.assert_array_equal(a[0], si.embed_random(si.parse_text("very not"), seed=3)[1])
    assert not np.allclose(a[0], si.embed_random(si.parse_text("not"), seed=4)[0])


def test_unknown_tokens_become_oov():
    vocab = Vocab.build([["good", "movie"]])
    _, labels, unknown = si.encode_for_vocab(si.parse_text("good zebra movie"), vocab)
    assert labels == ("good", "<unk>", "movie") and unknown == ["zebra"]


# --- the stepper's HTML ---------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.ok = [], True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag


@pytest.mark.parametrize("kind", cells.KINDS)
def test_latex_becomes_clean_html(kind):
    for latex in cells.spec(kind).latex.values():
        out = ec.latex_to_html(latex)
        assert "\\" not in out and "{" not in out
        tags = _Tags()
        tags.feed(out)
        assert tags.ok and not tags.stack
    assert ec.latex_to_html(r"h_{t-1}") == "<i>h</i><sub><i>t</i>−1</sub>"


def _page(labels, kind="lstm"):
    recorder = random_recorder(kind, 2, 3, seed=0)
    x = np.random.default_rng(0).normal(size=(len(labels), 2))
    trace = recorder.record(x)
    data = ec.payload(kind, trace.records[0][0], gate_terms(recorder, trace, x), labels, None, unit=1)
    keys = ("doc_title", "eq_title", "heat_title", "lines_title", "first", "prev", "play", "next", "last", "slider")
    keys += ("keys", "taps")
    text = {k: "x" for k in keys} | {"html_lang": "en"}
    return data, ec.explorer_html(data, text, "<svg></svg>")


def test_user_tokens_cannot_escape_the_script():
    hostile = ["</script><script>alert(1)</script>", "<!--DATA-->", "/*TEXT*/", "&amp;", "\u2028"]
    data, page = _page(hostile)
    assert len(re.findall(r"<script", page)) == 3  # the two JSON blocks and the code, nothing injected
    assert "alert(1)</script>" not in page and "\u2028" not in page
    assert data["labels"] == hostile  # still shown as typed (the script sets them with textContent)


def test_payload_has_every_step_and_null_for_non_finite():
    data, _ = _page(["a", "b", "c", "d"], kind="gru")
    assert data["T"] == 4 and data["H"] == 3 and len(ec.unpack(data["q"]["h"])) == 12
    assert set(data["terms"]) == {"r", "z", "n"}
    assert ec._flat(np.array([1.0, np.nan, np.inf])) == [1.0, None, None]


def test_packed_values_round_trip_within_their_precision():
    a = np.random.default_rng(0).normal(0, 3, (100, 64))
    back = ec.unpack(ec._packed(a))
    assert np.max(np.abs(back - a.ravel())) <= np.max(np.abs(a)) / 32767
    with_gaps = ec.unpack(ec._packed(np.array([0.5, np.nan, -np.inf, -0.25])))
    assert np.isnan(with_gaps[1]) and np.isnan(with_gaps[2]) and abs(with_gaps[3] + 0.25) < 0.5 / 32767
    assert np.all(ec.unpack(ec._packed(np.zeros(5))) == 0)


# --- settings -> run (the page's pure half, ui/explorer_state.py) ---------------------------------


def _trained_text_model():
    from ui.handoff import TrainedModel

    vocab = Vocab.build([["good", "bad", "movie", "not"]])
    embedding = np.random.default_rng(0).normal(size=(len(vocab), 4)).astype(np.float32)
    return TrainedModel(random_recorder("gru", 4, 5, seed=9), "train", "GRU on sentiment", embedding, vocab)


def test_runs_for_every_source_and_variant():
    from ui.explorer_state import Settings, build_html, build_run, build_what_if

    for kw in [{}, {"kind": "gru"}, {"kind": "peephole", "layers": 2}, {"kind": "rnn_tanh"}, {"source": "memory"},
               {"source": "counter", "preset": "counting"}, {"mode": "numbers", "numbers": "1, 2"}, {"lang": "zh"}]:  # fmt: skip
        s = Settings(**kw)
        run = build_run(s)
        assert run.trace.values("h").shape[0] == len(run.labels)
        assert f'data-kind="{run.recorder.kind}"' in build_html(run, run.recorder.num_layers - 1, 0, s.lang)
        name = {"lstm": "f1", "peephole": "f0", "gru": "z1", "rnn_tanh": "unit_off"}[run.recorder.kind]
        result = build_what_if(run, 0, 0, name, every_unit=False)
        assert result["out"][0].shape == (len(run.labels),) and result["max_change"] >= 0


@pytest.mark.claims
@pytest.mark.parametrize("name", ["f1", "unit_off", "drop_first"])
def test_the_what_if_metrics_cover_every_layer_as_their_help_says(name):
    """Their help says "the largest difference … in any unit of h, in any layer": with two layers and
    the first one changed, at least the change its h panel shows (it was the last layer's alone: 0.022 beside a
    panel that moved by 0.265)."""
    from ui.explorer_state import Settings, build_run, build_what_if

    run = build_run(Settings(layers=2))
    result = build_what_if(run, 0, 0, name, every_unit=False)
    original, changed = result["h"]  # layer 0, unit 0: the panel above the metrics
    shown = np.nanmax(np.abs(changed - original))
    assert shown > 0.01 and result["max_change"] >= shown - 1e-12
    assert result["last_change"] >= abs(changed[-1] - original[-1]) - 1e-12


def test_memory_cell_on_the_negation_preset_remembers_not():
    from ui.explorer_state import Settings, build_run

    run = build_run(Settings(source="memory", preset="negation"))
    c = run.trace.values("c")[:, 0, 0]
    first = run.labels.index("not")
    assert np.all(c[:first] < 1e-6) and np.all(c[first:] > 1 - 1e-6)


def test_trained_text_model_from_the_hand_off_shows_unknown_words():
    from ui.explorer_state import Settings, build_run

    model = _trained_text_model()
    run = build_run(Settings(mode="text", text="not a good movie", source="trained"), model)
    assert run.labels == ("not", "<unk>", "good", "movie")
    assert run.recorder is model.recorder and run.trace.kind == "gru"
    notes = dict(run.notes)
    assert notes["explorer.note_oov_one"]["words"] == ["a"]  # a list: each language joins it (translate)
    np.testing.assert_allclose(run.x[2], model.embedding[model.vocab.stoi["good"]])
    with pytest.raises(UserInputError) as info:
        build_run(Settings(mode="numbers", numbers="1, 2", source="trained"), model)
    assert info.value.key == "explorer.err_model_wants_text"


def test_trained_forecaster_reads_scaled_numbers():
    from ui.explorer_state import Settings, build_run
    from ui.handoff import TrainedModel

    model = TrainedModel(random_recorder("lstm", 1, 3, seed=2), "forecast", "LSTM forecaster", scale=(10.0, 20.0))
    run = build_run(Settings(mode="numbers", numbers="10, 15, 20", source="trained"), model)
    np.testing.assert_allclose(run.x[:, 0], [0.0, 0.5, 1.0])
    with pytest.raises(UserInputError) as info:
        build_run(Settings(mode="text", text="hello", source="trained"), model)
    assert info.value.key == "explorer.err_model_wants_numbers"


def test_lab_forget_bias_decides_how_long_the_pulse_is_held():
    from ui.explorer_state import LAB_SLIDERS, lab_record

    weights = {name: default for name, (_, _, default) in LAB_SLIDERS.items()}
    fading, _ = lab_record({**weights, "b_f": -3.0})
    holding, x = lab_record({**weights, "b_f": 5.0})
    written = int(np.argmax(x))
    assert holding["c"][-1] > 0.5 * holding["c"][written] and fading["c"][written + 5] < 0.01 * fading["c"][written]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=120), st.sampled_from(["text", "numbers"]), st.sampled_from(["random", "memory", "counter"]))
def test_any_typed_input_gives_a_run_or_a_user_error(text, mode, source):
    from ui.explorer_state import Settings, build_run

    try:
        run = build_run(Settings(mode=mode, text=text, numbers=text, source=source, trigger=text[:5]))
    except UserInputError as exc:
        assert exc.key in STRINGS
    else:
        assert np.all(np.isfinite(run.trace.values("h")))


def test_csv_export_has_one_row_per_step_and_unit():
    import io

    import pandas as pd

    from ui.explorer_state import Settings, _run_csv, build_run

    run = build_run(Settings(hidden=3))
    frame = pd.read_csv(io.BytesIO(_run_csv(run)))
    assert len(frame) == len(run.labels) * 3
    assert list(frame.columns[:4]) == ["layer", "direction", "t", "input"]
    assert {"i", "f", "g", "o", "c", "h"} <= set(frame.columns)
    row = frame[(frame.t == 2) & (frame.unit == 1)].iloc[0]
    assert row["input"] == run.labels[2] and row["c"] == pytest.approx(run.trace.values("c")[2, 0, 1], abs=1e-5)


def test_only_the_peephole_diagram_draws_the_peepholes():
    from ui.explorer_state import diagram

    dashed = 'stroke-dasharray="6 4"'
    assert diagram("peephole", "en").count(dashed) == 3  # c_{t-1} -> i, c_{t-1} -> f, c_t -> o
    assert "窥视孔连接" in diagram("peephole", "zh")
    assert dashed not in diagram("lstm", "en")


def test_a_trained_symbol_model_reads_numbers_as_one_hot_symbols():
    from ui.explorer_state import Settings, build_run
    from ui.handoff import TrainedModel

    model = TrainedModel(random_recorder("lstm", 2, 4, seed=2), "train", "LSTM on parity", symbols=2, example=[0, 1])
    run = build_run(Settings(mode="numbers", numbers="0, 1, 1, 0", source="trained"), model)
    np.testing.assert_array_equal(run.x, np.eye(2)[[0, 1, 1, 0]])
    np.testing.assert_allclose(run.trace.h, model.recorder.record(np.eye(2)[[0, 1, 1, 0]]).h)
    for bad in ("0, 2", "0.5, 1", "-1"):
        with pytest.raises(UserInputError) as err:
            build_run(Settings(mode="numbers", numbers=bad, source="trained"), model)
        assert err.value.key == "explorer.err_model_wants_symbols"
    assert "0 到 1" in STRINGS["explorer.err_model_wants_symbols"][1].format(last=1)
