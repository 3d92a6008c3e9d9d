"""/train on the sequence sets, what the audit of tests/test_train_other_sets_audit.py found and left: a
GunPoint mistake shown as its first 40 numbers in float32's digits instead of a chart, the GunPoint card's
"try a GRU or more epochs" (a GRU of 30 epochs stayed at 0.533), the digits' 0/0 note said once per digit,
and a 4-item test set (parity of 20 examples) where the baseline scored 0.000 with nothing said."""

import re
from unittest import mock

import numpy as np
import pytest
import torch

from datasets import classification
from lstm_core import classifier
from tests.apptest import figures
from tests.test_page_train import shown_run
from tests.test_train_evaluation import _run
from tests.test_train_flow_audit import _scored
from ui import train_evaluation, train_labels, train_runs
from ui.i18n import translate
from ui.train_settings import Settings

LANGS = ("en", "zh")


def _gunpoint_run(seed: int = 0) -> train_runs.Run:
    """A finished run over GunPoint's real test split (as /train loads it), with random scores."""
    data = classification.load("gunpoint", seed=train_runs.DATA_SEED)
    prepared = classifier.prepare(*classification.split(data, seed=train_runs.DATA_SEED))
    run = _run(n=len(prepared.test[1]), seed=seed, kind="features")
    run.data = prepared
    run.settings = Settings(dataset="gunpoint", n=200)
    return run


# --- 1. a GunPoint mistake is a line chart of the whole series ----------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_mistaken_series_is_drawn_as_a_line_of_every_step(lang):
    """GunPoint, seen in the browser: "The sequence, as the explorer reads it: -0.652344, -0.648438, ..."
    (its first 40 of 150 steps, in float32's digits of 16-bit values). Now the whole series is a line
    chart with named axes, and the explorer still opens it (one number a step: run.explorable)."""
    run = _gunpoint_run()
    assert run.explorable and run.features == 1 and run.symbols is None
    at = shown_run(run, lang=lang, tab="mistakes")
    assert not at.exception
    k = at.selectbox(key="train_mistake").value
    (chart,) = [f for f in figures(at) if f["layout"]["meta"]["a11y_name"] == translate("chart.train_series.name", lang)]
    (line,) = chart["data"]
    series = run.data.test[0][k, :, 0].numpy()  # (150,)
    assert line["type"] == "scatter" and line["mode"] == "lines" and len(line["y"]) == 150
    assert np.allclose(line["y"], series) and line["x"] == list(range(150))
    assert chart["layout"]["xaxis"]["title"]["text"] == translate("train.example_step", lang)
    assert chart["layout"]["yaxis"]["title"]["text"] == translate("train.example_value", lang)
    assert chart["layout"]["title"]["text"] == translate("train.example_title", lang, k=k)
    assert chart["layout"]["meta"]["a11y_summary"] == translate("chart.train_series.summary", lang)
    assert "%{y:.3f}" in line["hovertemplate"]
    shown = " ".join(c.value for c in at.caption)
    assert not re.search(r"\d\.\d{4,}", shown)  # no number in float32's digits anywhere in the text
    assert translate("train.sequence_numbers", lang, numbers="").rstrip() not in shown
    assert at.button(key="train_open_explorer").proto.label == translate("train.open_explorer_sequence", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_series_table_rounds_each_value_to_three_decimals(lang):
    run = _gunpoint_run()
    numbers = run.numbers(0)
    assert any(len(repr(v).split(".")[1]) > 3 for v in numbers)  # the float32 digits the caption had shown
    with mock.patch("ui.lang", return_value=lang):
        labels = train_labels.example_labels(0)
        table = train_labels.series_table(numbers, labels)
    assert list(table.columns) == [translate("train.example_step", lang), translate("train.example_value", lang)]
    assert table.iloc[:, 0].tolist() == list(range(150))
    assert table.iloc[:, 1].tolist() == [round(v, 3) for v in numbers]


def test_a_parity_mistake_keeps_its_symbols_as_text():
    """Symbols (0s and 1s) read as text: no chart of a one-hot string."""
    run = _run(kind="symbols")
    at = shown_run(run, lang="en", tab="mistakes")
    assert not at.exception
    assert any("as the explorer reads it" in c.value for c in at.caption)
    assert not [f for f in figures(at) if f["layout"]["meta"]["a11y_name"] == translate("chart.train_series.name", "en")]


# --- 2. the GunPoint card says what training there really does ---------------------------------------


@pytest.mark.trains
@pytest.mark.claims
def test_the_gunpoint_card_is_right_about_the_default_and_the_gru():
    """The card had said "it may overfit, or learn nothing for many epochs; try a GRU or more epochs": a GRU
    of 30 epochs at the default rate stayed at 0.533. Measured (tests' CPU, 3 to 6 seeds each): the default
    LSTM (10 epochs, rate 0.002) 0.500 to 0.533 with the validation loss at 0.692 to 0.694; a GRU at
    0.002 for 30 epochs 0.433 to 0.533; an LSTM at 0.01 for 30 epochs 0.500; a GRU at 0.01 for 30 epochs
    0.600, 0.967, 0.767, 0.733, 0.600, 0.967 (seeds 0 to 5), its validation loss well below ln 2 on every
    seed. The card now says the default stays near 50 % and a GRU at 0.01 for 30 epochs often gets past it.
    "Often" is what is checked: one seed is chaotic. On an AMD EPYC seed 1 stayed at 0.500 (0.967 on the
    Intel Xeon); seeds 0 to 5 gave 0.833 0.500 0.800 0.967 0.767 0.833, and 0.767 0.800 0.600 0.867
    0.400 0.833 with MKL_CBWR=COMPATIBLE, 0.500 0.833 0.700 0.833 0.400 0.833 with ATEN_CPU_CAPABILITY=default:
    four or five of six past the chance margin, the validation loss below 0.53 on every one. On an Intel Xeon
    (2026-12-07) with MKL_CBWR=COMPATIBLE, seed 0 never left guessing (0.500, its validation loss no lower
    than 0.621), as "try a few seeds" allows: so it is checked to leave it often, not on each seed; 0.600 0.967
    0.767 0.733 0.600 0.967 there natively, 0.733 1.000 0.767 0.800 0.867 0.833 with ATEN_CPU_CAPABILITY=default."""
    en, zh = translate("data.card.gunpoint", "en"), translate("data.card.gunpoint", "zh")
    assert "near 50%" in en and "A GRU with a learning rate of 0.01 and 30 epochs" in en and "try a GRU or" not in en
    assert "50% 左右" in zh and "学习率 0.01" in zh and "30 轮" in zh and "GRU" in zh
    data = classification.load("gunpoint", seed=train_runs.DATA_SEED)
    prepared = classifier.prepare(*classification.split(data, seed=train_runs.DATA_SEED))

    def trained(**settings):
        settings = Settings(dataset="gunpoint", n=200, **settings)
        model = classifier.build_model(prepared, **settings.model())
        history = classifier.train_model(model, prepared, settings.training())
        proba = classifier.predict_proba(model, prepared.test[0])
        return float((proba.argmax(1) == prepared.test[1].numpy()).mean()), [e["val_loss"] for e in history.epochs]

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as a page's run trains (ui.jobs): about 30 s of one core for the seven runs
    try:
        accuracy, losses = trained()  # the page's defaults: LSTM 32, 10 epochs, rate 0.002
        assert Settings().epochs == 10 and Settings().kind == "lstm" and Settings().lr == 0.002
        assert accuracy < 0.7 and min(losses) > 0.6, (accuracy, losses)  # at guessing: the loss near ln 2 = 0.69
        runs = [trained(kind="gru", lr=0.01, epochs=30, seed=seed) for seed in range(6)]
        past = [accuracy for accuracy, _ in runs if accuracy > 0.5 + 0.18]  # the chance margin of 30 test items
        assert len(past) >= 3, runs  # "often"
        assert sum(min(losses) < 0.6 for _, losses in runs) >= 3, runs  # "often" leave guessing's 0.69 too
    finally:
        torch.set_num_threads(threads)


# --- 3. the digits' 0/0 note is one sentence per metric ----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_digits_0_over_0_note_names_every_unpredicted_digit_once(lang):
    """Digits with 60 examples, one test item per digit, seen in the browser: a model answering only 0 and
    1 got "No test item is predicted “2”, so its precision is 0/0." eight times over. Now one sentence
    names the eight digits, the Chinese list with 、."""
    y = np.arange(10)
    run = _run(n_classes=10, n=10, kind="features")
    run.data.class_names = [f"data.class.digit{k}" for k in range(10)]
    run.data.test = (run.data.test[0][:10], torch.as_tensor(y))
    proba = np.full((10, 10), 0.01)
    proba[np.arange(10), y % 2] = 0.91  # every item answered 0 or 1
    run.result.test_proba = proba
    at = shown_run(run, lang=lang, tab="report")
    assert not at.exception
    notes = [i.value for i in at.info if "0/0" in i.value]
    (note,) = notes
    if lang == "en":
        assert "No test item is predicted as “2”, “3”, “4”, “5”, “6”, “7”, “8” or “9”, so the precision of each is 0/0." in note
    else:
        assert "没有测试样本被预测为“2”、“3”、“4”、“5”、“6”、“7”、“8”或“9”，因此它们的精确率都为 0/0。" in note
    assert note.count(translate("train.report_undefined.precision_several", lang, names="")[:6]) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_lists_of_one_two_and_three_names_read_as_the_language_writes_them(lang):
    with mock.patch("ui.lang", return_value=lang):
        one, two, three = (train_labels.listed(names, "and") for names in (["a"], ["a", "b"], ["a", "b", "c"]))
        either = train_labels.listed(["a", "b", "c"], "or")
    if lang == "en":
        assert (one, two, three, either) == ("“a”", "“a” and “b”", "“a”, “b” and “c”", "“a”, “b” or “c”")
    else:
        assert (one, two, three, either) == ("“a”", "“a”和“b”", "“a”、“b”和“c”", "“a”、“b”或“c”")


@pytest.mark.parametrize("lang", LANGS)
def test_one_undefined_class_keeps_its_singular_sentence(lang):
    cm = np.array([[3, 0], [2, 0]])  # nothing predicted "pos"
    with mock.patch("ui.lang", return_value=lang):
        note = train_labels.report_undefined_note(cm, ["neg", "pos"])
    assert note.startswith(translate("train.report_undefined.precision", lang, names="“pos”"))


# --- 4. a test set of 4 items ------------------------------------------------------------------------


@pytest.mark.claims
@pytest.mark.parametrize("lang", LANGS)
def test_a_four_item_test_set_says_random_answers_reach_every_accuracy(lang):
    """Parity with 20 examples (12/4/4), seen in the browser: the LSTM at 0.500, the baseline at 0.000 and
    nothing said; the normal margin (±0.424 around 0.25 on 4 items) even calls that gap real. The baseline's
    probabilities there sit between 0.44 and 0.56: its line through 12 training strings' share of 1s is as
    likely to be exactly wrong on 4 others, as parity flips with every extra 1. On 4 items a model answering
    at random gets all right (and all wrong) one run in 16: no score there tells anything from guessing."""
    run = _scored([0, 0, 1, 1], 2, [0.55, 0.55, 0.45, 0.45])  # the baseline wrong on all four, answering both
    assert train_evaluation.accuracy(run, run.result.baseline_proba) == 0.0
    key, params = train_evaluation.beside_baseline(run)
    assert key == "train.too_few_test_items"
    assert params == {"model": 0.5, "baseline": 0.0, "n": 4, "odds": 16}
    assert 0.5 > train_evaluation.accuracy_margin(0.25, 4)  # what the normal interval would have said
    assert sum(np.random.default_rng(0).integers(0, 2, (100_000, 4)).sum(1) == 4) / 100_000 == pytest.approx(
        1 / 16, abs=0.003
    )  # all four right by coin flips: one run in 16
    at = shown_run(run, lang=lang)
    assert not at.exception
    (note,) = [i.value for i in at.info if i.value == translate(key, lang, **params)]
    assert "0.500" in note and "0.000" in note and " 4 " in note and "16" in note
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[translate("train.baseline_accuracy.sequence", lang)] == "0.000"


@pytest.mark.parametrize(("y", "model_right", "baseline_right", "said"), [
    ([0, 0, 1, 1], 4, 0, True),  # even 1.000 against 0.000 on 4 items
    ([0, 0, 1, 1], 0, 4, True),  # a loss, in the warning's place
    ([0, 0, 0, 1, 1], 3, 3, True),  # 5 items: all right one run in 32, still above 2.5 %
    ([0, 0, 0, 1, 1, 1], 6, 3, False),  # 6 items: one run in 64, below it
])  # fmt: skip
def test_only_a_test_set_where_guessing_reaches_every_score_gets_the_note(y, model_right, baseline_right, said):
    y = np.asarray(y)
    baseline = np.where(np.arange(len(y)) < baseline_right, y, 1 - y) * 0.6 + 0.2
    run = _scored(y, model_right, baseline)
    why = train_evaluation.versus_baseline(run) or train_evaluation.beside_baseline(run)
    assert (why is not None and why[0] == "train.too_few_test_items") == said
    # random answers reach 0 and 1 within their 95 % interval exactly then
    assert (0.5 ** len(y) >= 0.025) == said


def test_ten_digits_on_ten_items_are_not_too_few():
    """10 classes: all 10 right by guessing is one run in 10**10; the note is for two-class sets this small."""
    run = _run(n_classes=10, n=10, kind="features")
    assert train_evaluation.guessing_odds(run) is None
