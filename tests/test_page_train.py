"""/train with AppTest, through the real router: a tiny training run end to end (the run lives in a
thread, so the test polls it), stopping, widget changes during a run, seeded reproducibility,
and bad input."""

import html
import io
import math
import re
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from sklearn import metrics as skm
from streamlit.testing.v1 import AppTest

from lstm_core import classifier as C
from lstm_core import metrics
from lstm_core.text import tokenise
from lstm_core.training import History
from plots.train import METRICS
from tests.apptest import figures, html_tables
from tests.test_train_evaluation import _run, run_on_real_split
from ui import train_export, train_labels, train_settings
from ui.i18n import translate

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "train.py")
TINY = {"n_negation_en": 100, "epochs": 2, "hidden": 8, "emb": 8}


def open_page(page, **query) -> AppTest:
    at = AppTest.from_file(page, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = str(value)
    return at.run()


def job(at):
    return at.session_state["_jobs"]["train"]


def finish(at, timeout=90):
    """Wait for the training thread, then rerun the script as the page's poller would."""
    deadline = time.monotonic() + timeout
    while job(at).running:
        assert time.monotonic() < deadline, "training did not finish in time"
        time.sleep(0.1)
    return at.run()


def train(at):
    at.button(key="train_start").click().run()
    assert not at.exception
    return finish(at)


def metric_values(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_the_rate_boxes_show_the_value_the_link_holds_and_the_run_uses():
    """A learning rate of 0.00005 was shown as "0.0001" (format %.4f) while the link and the run kept 5e-05."""
    at = open_page(PAGE, lr="5e-05", wd="0.00001", lang="en")
    assert not at.exception
    for key, value in (("train:lr", 5e-05), ("train:wd", 1e-05)):
        boxes = [box for box in at.number_input if box.key == key]
        if boxes:  # the weight decay sits in a folded expander
            (box,) = boxes
            assert box.value == value and float(box.proto.format % box.value) == value


def test_chinese_page_renders_without_a_run():
    at = open_page(PAGE, lang="zh", teacher=1)
    assert not at.exception and not at.error
    assert not [s for s in at.slider if s.key == "train:layers"]  # advanced settings hidden for the class
    assert at.title[0].value == "训练一个序列分类器"
    assert any("还没有训练记录" in i.value for i in at.info)
    assert not any("coming soon" in m.value.lower() or "建设中" in m.value for m in at.markdown)


@pytest.mark.trains
def test_tiny_run_end_to_end_with_threshold_mistakes_and_hand_off():
    at = open_page(PAGE, **TINY)
    at = train(at)
    assert not at.exception and not at.error
    values = metric_values(at)
    assert 0 <= float(values["Test accuracy at threshold 0.50"]) <= 1
    assert 0 <= float(values["Bag-of-words baseline"]) <= 1
    run = at.session_state["_train_runs"][0]
    assert [round(e["epoch"]) for e in run.result.history.epochs] == [1, 2]
    curves = figures(at)[0]
    assert {"train", "validation"} <= {trace["name"].split(" · ")[-1] for trace in curves["data"]}
    report = open_tab(at, "report").table[0].value  # only the open tab is built
    assert list(report["class"]) == ["negative", "positive", "accuracy", "macro average", "weighted average"]
    assert int(report["support"].iloc[0] + report["support"].iloc[1]) == len(run.data.test[1])

    downloads = open_tab(at, "export").get("download_button")
    assert len(downloads) == 4  # history CSV, run report, the model file that /explorer loads back, the code
    assert downloads[2].proto.label == translate("model.download", "en")
    assert downloads[3].proto.label == translate("train.get_code", "en")

    with zipfile.ZipFile(io.BytesIO(train_export.code_zip(run)())) as code:  # what the button sends, on click
        script = code.read("train_classifier.py").decode()
        assert f"HIDDEN_SIZE = {run.settings.hidden_size}  #" in script and f"EPOCHS = {run.settings.epochs}  #" in script
        assert len(np.load(io.BytesIO(code.read("data.npz")))["test_y"]) == len(run.data.test[1])

    # the threshold re-scores cached probabilities: same run, different metrics, no retraining
    at.slider(key="train:threshold").set_value(0.99).run()
    assert not at.exception
    assert at.session_state["_train_runs"][0] is run
    high = metric_values(at)
    at.slider(key="train:threshold").set_value(0.01).run()
    low = metric_values(at)
    assert float(low["Recall"]) >= float(high["Recall"])
    assert float(low["Recall"]) == pytest.approx(1.0)
    # the threshold is chosen on validation scores; the test row reports the test set at that threshold
    at.slider(key="train:threshold").set_value(0.4).run()
    recalls = [float(m.value) for m in at.metric if m.label == "Recall"]
    val_at = metrics.metrics_at_threshold(run.data.val[1].numpy(), run.result.val_proba[:, 1], 0.4)
    test_at = metrics.metrics_at_threshold(run.data.test[1].numpy(), run.result.test_proba[:, 1], 0.4)
    assert recalls == [pytest.approx(val_at["recall"], abs=5e-4), pytest.approx(test_at["recall"], abs=5e-4)]
    best = next(c.value for c in at.caption if c.value.startswith("On the validation set, F1 is highest"))
    grid = [th / 100 for th in range(101)]
    f1 = [metrics.metrics_at_threshold(run.data.val[1].numpy(), run.result.val_proba[:, 1], th)["f1"] for th in grid]
    assert f"({max(f1):.3f})" in best

    # the trained model is handed to the explorer; a misclassified example shows its token strip
    # (the click through to /explorer is covered by tests/browser/test_train.py)
    handed = at.session_state["_trained_model"]
    assert handed.source == "train" and handed.vocab is run.data.vocab
    assert handed.recorder.hidden_size == 8 and handed.embedding.shape == (len(run.data.vocab), 8)
    assert handed.class_names == ["negative", "positive"]
    kind, data = run.settings.kind, run.settings.dataset  # named in both languages: the explorer follows a switch
    assert handed.title == {
        lang: translate(
            "train.handoff_title", lang, kind=translate(f"train.kind.{kind}", lang), data=translate(f"data.{data}", lang)
        )
        for lang in ("en", "zh")
    }
    if open_tab(at, "mistakes").selectbox(key="train_mistake").options:
        strip = " ".join(h.proto.body for h in at.get("html"))
        assert "<span" in strip and "at the threshold 0.40 that predicts" in strip


@pytest.mark.trains
def test_same_seed_same_run_and_two_runs_are_overlaid():
    at = open_page(PAGE, **TINY, dropout="0.2", seed=7)
    at = train(at)
    at = train(at)
    first, second = at.session_state["_train_runs"][1], at.session_state["_train_runs"][0]
    assert first.number == 1 and second.number == 2
    assert first.result.history.epochs == second.result.history.epochs
    assert (first.result.test_proba == second.result.test_proba).all()
    names = {trace["name"].split(" · ")[0] for trace in figures(at)[0]["data"]}
    assert len(names) == 2  # both runs are drawn
    at.number_input(key="train:seed").set_value(8).run()
    at = train(at)
    assert at.session_state["_train_runs"][0].result.history.epochs != second.result.history.epochs


@pytest.mark.trains
def test_touching_a_widget_keeps_the_run_and_stop_keeps_the_model():
    at = open_page(PAGE, n_negation_en=2000, epochs=30)
    at.button(key="train_start").click().run()
    running = job(at)
    assert running.running
    at.slider(key="train:hidden").set_value(16).run()  # an unrelated change reruns the page...
    assert not at.exception
    assert job(at) is running and running.running  # ...but neither kills nor restarts the run
    deadline = time.monotonic() + 60
    while not running.progress and time.monotonic() < deadline:
        time.sleep(0.1)
    # The epoch is read when the stop event is set, not before the click: the rerun that carries the
    # click takes a while, and the run goes on training meanwhile.
    epoch_at_stop = []
    set_stop = running.stop_event.set
    # after an epoch's end report and before the next report, the run is already in the next epoch
    in_epoch = lambda p: p.epoch + 1 if p.epoch_end else p.epoch  # noqa: E731
    running.stop_event.set = lambda: (epoch_at_stop.append(in_epoch(running.progress[-1])), set_stop())
    at.button(key="train_stop").click().run()
    assert len(epoch_at_stop) == 1
    running.thread.join(timeout=60)  # a bound for a hung thread, not a speed test
    assert not running.running
    at = finish(at)
    assert not at.exception
    run = at.session_state["_train_runs"][0]
    assert run.result.history.stopped == "stopped"
    assert run.result.history.epochs[-1]["epoch"] <= epoch_at_stop[0] + 1  # it stopped within the epoch it was in
    assert run.settings.hidden_size == 32  # the run kept the settings it started with
    assert any(i.value.startswith("Stopped ") and "the model as trained so far" in i.value for i in at.info)
    assert "Test accuracy at threshold 0.50" in metric_values(at)


@pytest.mark.trains
def test_bad_input_is_explained():
    at = open_page(PAGE, **TINY, lr="0")
    at.button(key="train_start").click().run()
    assert not at.exception
    assert any("learning rate must be a positive number" in e.value for e in at.error)

    at = open_page(PAGE, hidden="100000", epochs="abc")
    assert not at.exception
    notes = " ".join(i.value for i in at.info)
    assert "hidden" in notes and "epochs" in notes
    assert at.slider(key="train:hidden").value == 32

    at = open_page(PAGE, data="digits", n_digits=20)  # 10 classes, 2 examples each: no test split possible
    at.button(key="train_start").click().run()
    assert not at.exception
    assert at.error and "train" not in at.session_state["_jobs"]


@pytest.mark.trains
def test_nan_loss_stops_and_says_why(monkeypatch):
    def diverging(model, prepared, config, on_progress=None, should_stop=None):
        return History(epochs=[], stopped="nan")

    monkeypatch.setattr(C, "train_model", diverging)
    at = open_page(PAGE, **TINY, lr="5")
    at = train(at)
    assert not at.exception
    assert any("NaN" in e.value and "5.0" in e.value for e in at.error)
    assert not at.metric  # no evaluation of unusable weights


@pytest.mark.trains
def test_a_sequence_model_is_handed_to_the_explorer():
    """A parity classifier reads one-hot bits: the explorer gets it as a model of symbols 0/1, with
    a test sequence as its example, and a mistaken sequence can be opened there."""
    at = train(open_page(PAGE, data="parity", n_parity=200, length_parity=6, epochs=1, hidden=4))
    assert not at.exception and not at.error
    run = at.session_state["_train_runs"][0]
    handed = at.session_state["_trained_model"]
    assert handed.symbols == 2 and handed.vocab is None and handed.recorder.input_size == 2
    assert handed.example == run.data.test[0][0].numpy().argmax(-1).tolist() and len(handed.example) == 6
    assert open_tab(at, "mistakes").selectbox(key="train_mistake").options  # one epoch of parity: plenty of mistakes
    table = next(df for df in html_tables(at) if "example" in df.columns)
    k, bits = table["example"].iloc[0].removeprefix("#").split(": ")
    assert bits == "".join(str(v) for v in run.data.test[0][int(k)].numpy().argmax(-1).tolist())
    shown = " ".join(c.value for c in at.caption)
    assert "as the explorer reads it" in shown
    assert at.button(key="train_open_explorer").proto.label == translate("train.open_explorer_sequence", "en")


@pytest.mark.trains
def test_a_model_of_several_features_a_step_stays_on_train():
    at = train(open_page(PAGE, data="digits", n_digits=200, epochs=1, hidden=4))
    assert not at.exception and not at.error
    assert "_trained_model" not in at.session_state  # 8 features a step: not a list of numbers
    # a mistake is shown as the model reads it: one row per step, here the digit's 8×8 image
    k = open_tab(at, "mistakes").selectbox(key="train_mistake").value
    shown = figures(at)[-1]["data"][0]
    run = at.session_state["_train_runs"][0]
    assert shown["type"] == "heatmap" and np.allclose(shown["z"], run.data.test[0][k].numpy())


def open_tab(at, slug: str, lang: str = "en") -> AppTest:
    """Open one of the results' tabs, as a click does (only the open tab is built)."""
    at.session_state["train:tab:open"] = translate(f"train.tab.{slug}", lang)
    return at.run()


def shown_run(run, **query) -> AppTest:
    """/train showing a finished run, put in place of training: the evaluation reads only the run's
    cached scores, so a hand-made run shows exactly what a trained one would."""
    at = AppTest.from_file(PAGE, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = str(value)
    run.result.history = History(
        epochs=[{"epoch": e, **{f"{s}_{m}": 0.5 for s in ("train", "val") for m in METRICS}} for e in (1, 2)],
        stopped=None if run.result.baseline_proba is not None else "stopped",
    )
    at.session_state["_train_runs"] = [run]
    return at.run()


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("baseline", [True, False])
def test_a_sequence_runs_baseline_is_the_time_average_and_a_stopped_run_says_it_has_none(lang, baseline):
    """GunPoint, digits, parity have no tokens: the tile and caption name the time-averaged features
    lstm_core.classifier.BagOfWords reads; after Stop the tile reads "not trained" and the caption says why."""
    run = _run(kind="features", baseline=baseline)
    at = shown_run(run, lang=lang)
    assert not at.exception
    values = metric_values(at)
    label = translate("train.baseline_accuracy.sequence", lang)
    accuracy = skm.accuracy_score(run.data.test[1].numpy(), run.result.baseline_proba.argmax(1)) if baseline else None
    assert values[label] == (f"{accuracy:.3f}" if baseline else translate("train.baseline_none", lang))
    assert translate("train.baseline_accuracy.text", lang) not in values
    captions = [c.value for c in at.caption]
    expected = translate(f"train.baseline_{'caption' if baseline else 'skipped'}.sequence", lang)
    assert expected in captions
    assert not any(translate(f"train.baseline_caption.{d}", lang) in captions for d in ("text", "sequence") if not baseline)
    # "Both tiles ... compare the two models" only where there is a baseline to compare with
    note = translate("train.headline_threshold", lang, positive=translate("data.class.positive", lang), threshold=0.5)
    assert (note in captions) == baseline


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_precision_0_over_0_at_the_threshold_gets_a_note(lang):
    """As parity with 5 % positives: no validation or test score reaches 0.5, so nothing is predicted
    positive and precision is 0/0, shown as 0 with a note on each row; at 0.2 the notes go."""
    run = _run(kind="features", n=40, seed=4)
    rng = np.random.default_rng(4)
    for part in ("val", "test"):
        y = np.r_[np.ones(2, dtype=np.int64), np.zeros(38, dtype=np.int64)]  # 5 % positives
        scores = rng.uniform(0.05, 0.45, 40)
        setattr(run.data, part, (run.data.test[0], torch.as_tensor(y)))
        setattr(run.result, f"{part}_proba", np.stack([1 - scores, scores], axis=1))
    at = shown_run(run, lang=lang)
    assert not at.exception
    note = translate("train.undefined.precision", lang)
    assert [float(m.value) for m in at.metric if m.label == translate("train.metric.precision", lang)] == [0.0, 0.0]
    assert sum(note in i.value for i in at.info) == 2  # the validation row and the test row
    at.slider(key="train:threshold").set_value(0.05).run()
    assert not any(note in i.value for i in at.info)  # everything predicted positive: precision is 2/40


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_class_absent_from_the_test_set_has_dashes_in_the_normalised_matrix(lang):
    run = _run(kind="features", n=20, seed=6)
    run.data.test = (run.data.test[0], torch.zeros(20, dtype=torch.long))  # no positive test item
    at = shown_run(run, lang=lang)
    assert not at.exception
    title = translate("train.cm_normalised_empty", lang)
    (normalised,) = [f for f in figures(at) if f["layout"]["title"].get("text") == title]
    counts = metrics.confusion_matrix(run.data.test[1].numpy(), (run.result.test_proba[:, 1] >= 0.5).astype(int), 2)
    assert normalised["data"][0]["text"] == [[f"{v:.2f}" for v in counts[0] / counts[0].sum()], ["—", "—"]]
    assert translate("train.cm_empty_row", lang) in [c.value for c in at.caption]
    # nor ROC and PR curves: they need both classes (the ROC's title read "AUC = nan")
    at = shown_run(run, lang=lang, tab="curves")  # only the open tab is built
    assert translate("train.curves_one_class", lang) in [i.value for i in at.info]
    assert not any("AUC" in str(f["layout"]["title"].get("text")) for f in figures(at))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_charts_data_table_holds_what_the_chart_shows_under_its_axes_names(lang):
    """The counts matrix's table holds the counts (it held the row shares its colours come from), each
    matrix's columns are the predicted classes and its rows the true ones, and the ROC and PR tables
    are headed by their axes' names, not "x" and "y"."""
    run = _run(kind="features", n=40, seed=6)
    tables = []
    for tab, keys in (("cm", ("train_cm", "train_cmn")), ("curves", ("train_roc", "train_pr"))):  # only the open tab is built
        at = shown_run(run, lang=lang, tab=tab)
        for key in keys:
            at.session_state[f"{key}:table"] = True
        at.run()
        assert not at.exception
        tables += [d.value for d in at.dataframe[:2]]
    counts_table, shares_table, roc, pr = tables
    names = [translate(name, lang) for name in run.data.class_names]
    counts = metrics.confusion_matrix(run.data.test[1].numpy(), (run.result.test_proba[:, 1] >= 0.5).astype(int), 2)
    for table in (counts_table, shares_table):
        assert list(table.columns) == [
            translate("train.cm_true", lang),
            *(translate("train.cm_predicted_as", lang, name=n) for n in names),
        ]
        assert list(table.iloc[:, 0]) == names
    assert counts_table.iloc[:, 1:].to_numpy().tolist() == [[f"{int(v):,d}" for v in row] for row in counts]
    assert shares_table.iloc[:, 1:].to_numpy().tolist() == [
        [f"{v:.2f}" for v in row / row.sum()] if row.sum() else ["—", "—"] for row in counts
    ]
    assert list(roc.columns) == [translate("train.fpr", lang), translate("train.tpr", lang)]
    assert list(pr.columns) == [translate("train.report.recall", lang), translate("train.report.precision", lang)]


def test_the_run_report_names_settings_in_the_learners_language(monkeypatch):
    """The report's settings section uses the page's labels and option names, not field names."""
    from dataclasses import asdict

    import ui
    from ui.settings import described

    monkeypatch.setattr(ui, "t", lambda key, **params: translate(key, "zh", **params))
    settings = train_settings.Settings(dataset="negation_zh", kind="gru", early_stopping=True)
    shown = dict(described(train_settings.RUN_DECLARATIONS, asdict(settings)))
    assert shown[translate("train.dataset", "zh")] == translate("data.negation_zh", "zh")
    assert shown[translate("train.kind", "zh")] == translate("train.kind.gru", "zh")
    assert shown[translate("train.early_stopping", "zh")] == "是"
    assert not any(label.isascii() for label in shown), "every label is in Chinese"
    assert "None" not in shown.values(), "a setting the data set does not have (its length) is left out"
    assert translate("train.length", "zh") not in shown


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_test_accuracy_on_the_page_names_its_threshold(lang):
    """The real reviews at 0.27 showed "Test accuracy 0.747" with "Accuracy 0.740" just below it, the test
    set at that threshold. The tile now says it counts at 0.50, as the baseline beside it does, and both
    numbers are scikit-learn's at their thresholds."""
    run = _run(seed=7, n=60, kind="features")
    at = shown_run(run, lang=lang)
    at.slider(key="train:threshold").set_value(0.27).run()
    assert not at.exception
    y, scores = run.data.test[1].numpy(), run.result.test_proba[:, 1]
    tile = translate("train.test_accuracy_at", lang, threshold=0.5)
    values = metric_values(at)
    assert translate("train.test_accuracy", lang) not in values  # no test accuracy without its threshold
    assert values[tile] == f"{skm.accuracy_score(y, scores >= 0.5):.3f}"
    baseline = skm.accuracy_score(y, run.result.baseline_proba[:, 1] >= 0.5)
    assert values[translate("train.baseline_accuracy.sequence", lang)] == f"{baseline:.3f}"
    rows = [m.value for m in at.metric if m.label == translate("train.metric.accuracy", lang)]
    assert rows[-1] == f"{skm.accuracy_score(y, scores >= 0.27):.3f}" != values[tile]  # the test row, at 0.27
    note = translate("train.headline_threshold", lang, positive=translate("data.class.positive", lang), threshold=0.5)
    assert any(note in c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_a_threshold_above_every_score_the_pr_point_is_on_the_curves_end(lang):
    """Threshold 1.00: nothing is predicted positive, precision is 0/0 (shown as 0 with a note). The PR
    chart's point was at precision 0, where the curve never goes; it is drawn at the curve's end, and
    the page says so."""
    run = _run(seed=6, n=40, kind="features")
    run.result.test_proba = np.clip(run.result.test_proba, 0.01, 0.99)  # (N, 2): no score reaches 1
    run.result.test_proba[:, 0] = 1 - run.result.test_proba[:, 1]
    at = shown_run(run, lang=lang, tab="curves")
    at.slider(key="train:threshold").set_value(1.0).run()
    assert not at.exception
    y, scores = run.data.test[1].numpy(), run.result.test_proba[:, 1]
    precision, recall, _ = skm.precision_recall_curve(y, scores)
    title = translate("train.pr_title", lang)
    (pr,) = [f for f in figures(at) if str(f["layout"]["title"].get("text", "")).startswith(title)]
    (point,) = [t for t in pr["data"] if t.get("mode") == "markers"]
    assert (point["x"][0], point["y"][0]) == (recall[-1], precision[-1]) == (0, 1)
    assert point["name"] == translate("train.threshold_point_undefined", lang)
    assert translate("train.undefined_pr_point", lang) in [i.value for i in at.info]
    at.slider(key="train:threshold").set_value(0.5).run()
    assert translate("train.undefined_pr_point", lang) not in [i.value for i in at.info]
    report = shown_run(run, lang=lang, tab="report")  # the report tab's precision 0 is explained too
    report.slider(key="train:threshold").set_value(1.0).run()
    note = translate("train.report_undefined.precision", lang, names=f"“{translate('data.class.positive', lang)}”")
    assert any(note in i.value for i in report.info)


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_results_say_how_many_examples_the_run_really_used(lang):
    """The real reviews at 5 % positives: the setting reads 2,000, the run used 1,053 and tested on 158."""
    run, (data, train, val, test) = run_on_real_split("reviews_zh", 2000, 0.05)
    at = shown_run(run, lang=lang, tab="report")
    assert not at.exception
    (caption,) = [c.value for c in at.caption if "1,053" in c.value]
    for n in (len(train.y), len(val.y), len(test.y), int(train.y.sum()), int(test.y.sum())):
        assert f"{n:,}" in caption
    assert "2,000" in caption and len(data.y) == 1053
    assert int(at.table[0].value[translate("train.report.support", lang)].iloc[:2].sum()) == len(test.y) == 158


@pytest.mark.trains
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_saliency_explains_the_prediction_at_the_threshold(lang):
    """The real reviews at 0.27: a negative item with P(positive) = 0.29 is listed as predicted positive,
    while the strip's caption said "pushed towards the predicted class “negative” (71%)". The strip now
    explains the class the table lists, and its scores are lstm_core.classifier.saliency's for that class."""
    at = train(open_page(PAGE, **TINY, lang=lang))
    run = at.session_state["_train_runs"][0]
    y, scores = run.data.test[1].numpy(), run.result.test_proba[:, 1]
    below = np.flatnonzero((y == 0) & (scores < 0.5) & (scores >= 0.01))  # negatives the most probable class gets right
    assert below.size, "an untrained model scores some negatives below 0.5"
    k = int(below[np.argmax(scores[below])])
    threshold = math.floor(scores[k] * 100) / 100  # at or below the item's score: it is predicted positive there
    at.slider(key="train:threshold").set_value(threshold)
    open_tab(at, "mistakes", lang)
    text = run.data.test_texts[k]
    at.selectbox(key="train_mistake").set_value(text).run()
    assert not at.exception
    positive = translate("data.class.positive", lang)
    table = next(df for df in html_tables(at) if translate("train.col.example", lang) in df.columns)
    row = table[table[translate("train.col.example", lang)] == text].iloc[0]
    assert row[translate("train.col.predicted", lang)] == positive
    strip = next(h.proto.body for h in at.get("html") if "<span" in h.proto.body)
    p = train_labels.probability_text(float(scores[k]), threshold)
    assert float(p) == pytest.approx(scores[k], abs=5e-4) and float(p) >= threshold
    caption = translate("train.saliency_caption_threshold", lang, positive=positive, p=p, threshold=threshold, predicted=positive)
    assert html.escape(caption) in strip and translate("data.class.negative", lang) not in caption
    ids = run.data.vocab.encode(tokenise(text, run.data.tokenise_mode))
    _, expected = C.saliency(run.result.model, ids, target=1)
    assert re.findall(r'title="([+-][\d.]+)"', strip) == [f"{v:+.3f}" for v in expected]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_code_buttons_name_the_scripts_their_zip_holds(lang):
    """/forecast's zip and /train's, for a kind Keras has a layer for, hold a PyTorch and a Keras script
    (tests/browser/test_get_code.py): the buttons said "PyTorch script" only, and a learner from a Keras
    tutorial would not look inside. For the 1997 LSTM and the CIFG the zip has the PyTorch script alone."""
    from types import SimpleNamespace

    from lstm_core import export_code
    from lstm_core.classifier_choices import KINDS
    from ui.train_export import code_strings

    assert "PyTorch" in translate("forecast.get_code", lang) and "Keras" in translate("forecast.get_code", lang)
    for kind in KINDS:
        run = SimpleNamespace(settings=SimpleNamespace(model=lambda kind=kind: {"kind": kind}))
        label, about = (translate(key, lang) for key in code_strings(run))
        assert "PyTorch" in label and ("Keras" in label) == export_code.keras_has(kind), kind
        assert ("train_classifier_keras.py" in about) == export_code.keras_has(kind), kind
    assert {k for k in KINDS if not export_code.keras_has(k)} == {"lstm1997", "cifg"}


@pytest.mark.parametrize("dataset", ["digits", "gunpoint", "parity"])
def test_a_sequence_set_shows_its_parameter_count_for_the_width_it_reads(dataset):
    """The count caption was shown for text sets only. A sequence set's recurrent layer reads its
    declared number of features a step: the same as its loaded data's."""
    from datasets import classification as D
    from lstm_core import classifier_choices as choices

    features = D.NAMES[dataset]["features"]
    assert D.load(dataset, seed=0, n=40).X.shape[-1] == features
    at = open_page(PAGE, data=dataset, hidden=6)
    expected = choices.recurrent_parameter_count("lstm", features, 6, 1, False)
    assert any(f"Recurrent layer: {expected:,} parameters" in c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_model_without_mistakes_still_opens_in_the_explorer(lang):
    """The only way to the explorer was a button under a mistake: a perfect model had none."""
    run = _run(kind="text", n=20, seed=2)
    y = run.data.test[1].numpy()
    run.result.test_proba = np.eye(2)[y] * 0.9 + 0.05  # every test example right
    at = shown_run(run, lang=lang, tab="mistakes")
    assert not at.exception
    assert translate("train.mistakes_none", lang) in [s.value for s in at.success]
    button = at.button(key="train_open_explorer")
    assert button.proto.label == translate("train.open_explorer_first", lang)
    button.click().run()
    assert at.session_state["_explorer_request"] == "text 0"  # the first test example, as the hand-off's


@pytest.mark.trains
def test_a_runs_export_offers_only_its_own_model_file():
    """A digits run after a negation run offered "Download the trained model (.npz)": the file was the
    negation model, the last one handed to the explorer (a digits model, 8 features a step, is not)."""
    at = train(open_page(PAGE, **TINY))
    assert len(open_tab(at, "export").get("download_button")) == 4  # its own model file among them
    at.selectbox(key="train:data").set_value("digits").run()
    at = train(at)
    assert not at.exception and at.session_state["_train_runs"][0].settings.dataset == "digits"
    labels = [d.proto.label for d in open_tab(at, "export").get("download_button")]
    assert translate("model.download", "en") not in labels and len(labels) == 3
    # nor are the negation run's curves drawn beside the digits run's: one class's precision is not ten classes'
    assert {trace["name"].split(":")[0] for trace in figures(at)[0]["data"] if trace.get("name")} == {"run 2"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_sentence_above_the_tabs_names_them_as_they_are_labelled(lang):
    """It listed "report, curves, mistakes" above tabs labelled "Classification report", "ROC and PR
    curves" and "Misclassified examples"."""
    from ui.i18n import translate

    sentence = translate("train.test_exploration", lang)
    for tab in ("cm", "report", "curves", "mistakes"):
        assert translate(f"train.tab.{tab}", lang).lower() in sentence.lower(), tab
