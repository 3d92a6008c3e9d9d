"""How the pages write numbers (third pass): a rate is never rounded to a perfect 1 or a 0 it is not, in
/train's classification table or its run report."""

from unittest import mock

import numpy as np
import pyarrow as pa
import pytest
import torch

from tests.test_metrics_forecast_audit import restore_t  # noqa: F401 (a fixture)
from tests.test_page_train import shown_run
from tests.test_train_evaluation import _run
from ui.i18n import translate

# (true class, predicted class) of the test items: 2,500 positives found and one negative called positive,
# so the positives' precision is 2500/2501 = 0.9996; or 2,499 of 2,500 negatives called positive, so the
# negatives' recall is 1/2500 = 0.0004
NEAR_ONE = [(1, 1)] * 2500 + [(0, 1)] + [(0, 0)] * 100
NEAR_ZERO = [(1, 1)] * 2500 + [(0, 1)] * 2499 + [(0, 0)]


def _run_with(pairs):
    """A two-class run whose test predictions at the 0.5 threshold are `pairs` (test_train_evaluation._run)."""
    run = _run(seed=7)
    y, predicted = np.array(pairs).T
    proba = np.where(predicted[:, None] == 1, [0.1, 0.9], [0.9, 0.1])  # (N, 2)
    run.data.test = (run.data.test[0][:1].repeat(len(y), 1, 1), torch.as_tensor(y))
    run.result.test_proba = run.result.baseline_proba = proba
    return run


def _shown_table(at) -> list[list[str]]:
    """The classification table's cells as the page writes them (the Styler's display values)."""
    display = at.table[0].proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(display).read_pandas().astype(str).values.tolist()


def _rates_never_round_to_0_or_1(rows, values):
    for row, (_, *rates, _) in zip(rows, values, strict=True):
        for shown, value in zip(row[1:4], rates, strict=True):
            if shown == "":
                assert value != value  # NaN: the accuracy row has no precision or recall
            elif float(shown) in (0, 1):
                assert value == float(shown), (shown, value)
            else:
                assert len(shown.split(".")[1]) >= 3 and abs(float(shown) - value) < 0.0005, (shown, value)


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("pairs", "said"), [(NEAR_ONE, ("1", "1", "0.9996")), (NEAR_ZERO, ("0", "2", "0.0004"))])
def test_the_classification_table_never_shows_a_rate_as_perfect_or_none(lang, pairs, said):
    """`.style.format(precision=3)` wrote a precision of 2500/2501 "1.000" and a recall of 1/2500 "0.000"."""
    run = _run_with(pairs)
    at = shown_run(run, lang=lang, tab="report")
    assert not at.exception
    shown = _shown_table(at)
    values = at.table[0].value.values.tolist()
    _rates_never_round_to_0_or_1(shown, values)
    row, column, text = said
    assert shown[int(row)][int(column)] == text
    assert [r[4] for r in shown] == [f"{v[4]:,}" for v in values]  # the support: a count, "2,500" as the caption writes it


@pytest.mark.claims
@pytest.mark.parametrize(
    ("pairs", "said"), [(NEAR_ONE, "| 0.9996 | 1.000 | 0.9998 | 2,500 |"), (NEAR_ZERO, "| 1.000 | 0.0004 |")]
)
def test_the_run_reports_table_never_shows_a_rate_as_perfect_or_none(pairs, said):
    """The report's Markdown table wrote the same rates "1.000" and "0.000"."""
    from ui import train_export, train_labels

    run = _run_with(pairs)
    with mock.patch("ui.lang", return_value="en"):
        report = train_export.report_markdown(run, 0.5).decode()
        values = train_labels.report(run, np.array(pairs)[:, 1]).values.tolist()
    header = "| " + translate("train.report.class", "en") + " |"
    lines = report.split(header, 1)[1].splitlines()[2 : 2 + len(values)]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    _rates_never_round_to_0_or_1(rows, values)
    assert said in report


# --- /forecast: numbers read against one another have the same decimals ----------------------------


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ((38.97, 43.4), ["38.97", "43.40"]),  # .4g trimmed 43.40 to "43.4" beside "38.97"
        ((104.0, 622.0), ["104", "622"]),  # zeros dropped from all alike
        ((0.05234, 0.3), ["0.05234", "0.30000"]),  # the smallest keeps 4 significant digits
        ((123456.7, 5.1), ["123,456.7", "5.1"]),  # thousands grouped as elsewhere, never "1.235e+05"
        ((-3.25, 12.0, float("nan"), float("inf")), ["−3.25", "12.00", "—", "—"]),  # a true minus; no score
    ],
)
def test_numbers_read_together_are_written_with_the_same_decimals(values, shown):
    from plots.style import alike

    assert alike(values) == shown


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


@pytest.fixture
def forecast_lang(monkeypatch, request):
    import ui

    monkeypatch.setattr(ui, "lang", lambda: request.param)
    return request.param


def _scores(**rmse):
    """Scores per forecaster and part (all parts alike), in forecast_state's layout."""
    return {
        name: {part: {"rmse": v, "mae": v / 2, "mape": v / 10} for part in ("train", "val", "test")} for name, v in rmse.items()
    }


@pytest.mark.claims
@pytest.mark.parametrize("forecast_lang", ["en", "zh"], indirect=True)
def test_forecasts_verdicts_write_the_rmses_they_compare_alike(forecast_lang):
    """ "the LSTM's RMSE is 38.97, 10% lower than the better baseline, persistence (43.4; seasonal naive: 51.2)"."""
    from ui import forecast_state as state

    test = state.comparison(_scores(lstm=38.97, persistence=43.4, seasonal_naive=51.2), "test")
    text = translate("forecast.verdict_win", forecast_lang, **test)
    assert all(s in text for s in ("38.97", "43.40", "51.20")) and "43.4 " not in text, text
    assert "10%" in text  # 1 − 38.97/43.4 = 10.2 %
    close = state.comparison(_scores(lstm=33.21, persistence=33.28, seasonal_naive=40.0), "test")
    assert "0.2%" in translate("forecast.verdict_win", forecast_lang, **close)  # a win, never "0% lower"
    lose = state.comparison(_scores(lstm=0.5, persistence=0.04321, seasonal_naive=0.1), "val")
    text = translate("forecast.verdict_val_lose", forecast_lang, **lose, when="", advice="")
    assert all(s in text for s in ("0.50000", "0.04321", "0.10000")), text


@pytest.mark.claims
@pytest.mark.parametrize("forecast_lang", ["en", "zh"], indirect=True)
def test_forecasts_results_table_writes_each_column_alike(forecast_lang):
    """The results table wrote each score to 4 significant digits, trimmed: "38.97" over "43.4"."""
    from types import SimpleNamespace

    from tests.apptest import _Tables
    from ui import forecast_state as state

    scores = _scores(lstm=38.97, persistence=43.4, seasonal_naive=51.2)
    runs = {"clean": SimpleNamespace(metrics=scores)}
    with mock.patch.object(state.st, "html") as html, mock.patch.object(state.st, "caption"):
        state.results_table(runs, np.arange(1.0, 50.0))
    parser = _Tables()
    parser.feed(html.call_args.args[0])
    (table,) = parser.tables
    columns = list(zip(*[[text for _, text in row] for row in table[1:]], strict=True))[1:]
    for column in columns:
        assert len({_decimals(text) for text in column}) == 1, column
    rmse_test = columns[2]
    assert rmse_test == ("38.97", "43.40", "51.20")


@pytest.mark.claims
@pytest.mark.usefixtures("restore_t")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_forecasts_horizon_blocks_write_their_rmses_alike(lang):
    """Each block compares a recursive and a one-step RMSE: "RMSE 12.5 recursive and 8.123 one step ahead"."""
    import re

    from tests.test_metrics_forecast_audit import _caption

    text = _caption([12.5, 20.25, 33.0], [8.123, 9.5, 10.0], lang)
    numbers = re.findall(r"\d+\.\d+", text.split("。")[0] if lang == "zh" else text.split(". ")[0])
    assert numbers[:6] == ["12.500", "8.123", "20.250", "9.500", "33.000", "10.000"], text


@pytest.mark.claims
@pytest.mark.parametrize("forecast_lang", ["en", "zh"], indirect=True)
def test_forecasts_scaling_caption_writes_the_ranges_ends_alike(forecast_lang):
    """ "min 0.5, max 12.25" beside "min 0.5, max 20": the four ends of the two ranges, one decimals."""
    from ui import forecast_state as state

    values = np.r_[np.linspace(0.5, 12.25, 30), np.linspace(12.25, 20.0, 10)]
    text = state.leak_caption(values, 30, 30)
    for said in ("min 0.50, max 12.25", "min 0.50, max 20.00") if forecast_lang == "en" else ("0.50", "12.25", "20.00"):
        assert said in text, text


# --- /train's run report: the settings as the sidebar writes them ----------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_run_report_writes_its_settings_as_the_sidebar_does(lang):
    """The report listed "Number of examples: 3000", "Dropout: 0.30000000000000004" and "Share of
    positives: 0.5" as they came: thousands grouped as the page's counts are, floats as their widgets write
    them (the sliders' 0.30 and 0.50, the learning rate's %g), the seed as the run's name writes it."""
    from dataclasses import replace

    from ui import train_export

    run = _run(seed=7)
    run.settings = replace(
        run.settings, dataset="negation_en", n=3000, dropout=0.30000000000000004, lr=0.0010000000000000002, seed=123456
    )
    with mock.patch("ui.lang", return_value=lang):
        report = train_export.report_markdown(run, 0.5).decode()
    colon = "：" if lang == "zh" else ": "
    for key, value in (
        ("train.n", "3,000"),
        ("train.dropout", "0.30"),
        ("train.lr", "0.001"),
        ("train.positive_share", "0.50"),
        ("app.seed", "123456"),
        ("train.weight_decay", "0"),
    ):
        assert f"- {translate(key, lang)}{colon}{value}\n" in report, (key, report)
    # one colon in the heading: the run's name ("run 1: LSTM, …") has its own (it read "report: run 1: LSTM")
    heading = report.splitlines()[0]
    assert heading.count(colon.strip()) == 1 and translate("train.report_title", lang) in heading, heading


@pytest.mark.claims
@pytest.mark.parametrize("forecast_lang", ["en", "zh"], indirect=True)
def test_forecasts_sentences_quote_a_score_as_the_table_writes_it(forecast_lang):
    """The table's test-RMSE column held the leaky LSTM's 9.87, so it wrote the LSTM's 12.3 "12.30"; the
    sentences, comparing fewer numbers, wrote the same score "12.3" (airline: "342.87" in the table, "342.9"
    in the leak verdict)."""
    from types import SimpleNamespace

    from tests.apptest import _Tables
    from ui import forecast_state as state

    clean, leaky = _scores(lstm=12.3, persistence=15.0, seasonal_naive=20.0), _scores(lstm=9.87)
    runs = {"clean": SimpleNamespace(metrics=clean), "leaky": SimpleNamespace(metrics=leaky)}
    with mock.patch.object(state.st, "html") as html, mock.patch.object(state.st, "caption"):
        state.results_table(runs, np.arange(1.0, 50.0))
    parser = _Tables()
    parser.feed(html.call_args.args[0])
    rmse_test = [row[3][1] for row in parser.tables[0][1:]]  # LSTM, leaky LSTM, persistence, seasonal naive
    assert rmse_test == ["12.30", "9.87", "15.00", "20.00"]
    test = state.comparison(clean, "test", leaky)
    assert (test["lstm"], test["base"]) == ("12.30", "15.00") and "20.00" in test["other"]
    shown = state.score_texts(clean, "test", leaky)
    text = translate("forecast.leak_verdict", forecast_lang, leaky=shown["lstm_leaky"], clean=shown["lstm"])
    assert "9.87" in text and "12.30" in text


# --- /train: a near-perfect score is not written as a perfect one --------------------------------------


def _scored_run(positive_scores, negative_scores, kind="text"):
    """A two-class run whose test items have these probabilities of "positive"."""
    run = _run(seed=7, kind=kind)
    scores = np.r_[positive_scores, negative_scores]
    y = np.r_[np.ones(len(positive_scores), int), np.zeros(len(negative_scores), int)]
    run.data.test = (run.data.test[0][:1].repeat(len(y), 1, 1), torch.as_tensor(y))
    run.result.test_proba = run.result.baseline_proba = np.c_[1 - scores, scores]
    return run


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_roc_title_never_rounds_an_auc_to_a_perfect_one(lang):
    """One positive of 2,500 scored below one negative of 101: AUC 1 − 1/252,500 = 0.999996, which the
    title wrote "AUC = 1.000", a perfect ranking the model did not have."""
    from tests.apptest import figures as drawn

    run = _scored_run(np.r_[np.full(2499, 0.9), 0.55], np.r_[0.6, np.full(100, 0.1)])
    at = shown_run(run, lang=lang, tab="curves")
    assert not at.exception
    titles = [str(f["layout"]["title"]["text"]) for f in drawn(at) if "AUC" in str(f["layout"].get("title", {}).get("text"))]
    assert len(titles) == 1 and "AUC = 0.999996" in titles[0], titles


def test_a_mistake_made_at_0_9996_is_not_listed_as_certain():
    """The mistakes table rounded the predicted class's probability to 3 decimals: 0.9996 read 1.0."""
    from ui import train_evaluation

    run = _scored_run(np.full(10, 0.9), np.r_[0.9996, 0.6, np.full(8, 0.1)])
    table = train_evaluation.mistakes(run, train_evaluation.predictions(run, 0.5))
    assert table["confidence"].tolist() == [0.9996, 0.6]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_mistakes_table_writes_a_0_9996_confidence_as_it_is(lang):
    """The page's mistakes table wrote its confidences ".3f": the 0.9996 above read "1.000"."""
    from tests.apptest import table_cells

    run = _scored_run(np.full(10, 0.9), np.r_[0.9996, 0.6, np.full(8, 0.1)], kind="features")
    at = shown_run(run, lang=lang, tab="mistakes")
    assert not at.exception
    (table,) = [t for t in table_cells(at) if t and t[0][-1][1] == translate("train.col.confidence", lang)]
    assert [row[-1][1] for row in table[1:]] == ["0.9996", "0.600"]


@pytest.mark.claims
@pytest.mark.parametrize("forecast_lang", ["en", "zh"], indirect=True)
def test_an_rmse_win_names_the_errors_by_which_the_baseline_still_does_better(forecast_lang):
    """The verdict ticked an RMSE win (33.21 against persistence's 33.28) while persistence did better on
    MAE (25.44 against 27.96) and MAPE (55.42 against 93.09) in the same table: it says so now, with the
    table's numbers, and says nothing when the LSTM is better on every count."""
    from ui import forecast_state as state

    scores = _scores(lstm=33.21, persistence=33.28, seasonal_naive=40.0)
    scores["lstm"]["test"].update(mae=27.96, mape=93.09)
    scores["persistence"]["test"].update(mae=25.44, mape=55.42)
    text = state.other_errors(scores, "test")
    assert all(n in text for n in ("27.96", "25.44", "93.09", "55.42")), text
    assert translate("forecast.baseline.persistence", forecast_lang) in text
    scores["lstm"]["test"].update(mae=20.0, mape=50.0)
    assert state.other_errors(scores, "test") == ""
    scores["lstm"]["test"].update(mape=float("nan"))  # no MAPE (a 0 in the test part): nothing to compare
    assert state.other_errors(scores, "test") == ""
