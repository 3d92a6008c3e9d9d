"""/metrics with AppTest: the URL example, both languages, bad input, the paradox buttons."""

import html
import re
from fractions import Fraction
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lstm_core import metrics
from tests.apptest import figures, table_cells
from ui.i18n import translate

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "metrics.py")


def run(**query):
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params.update({k: str(v) for k, v in query.items()})
    return at.run()


def shown(at) -> dict[str, float]:
    return {m.label: float(m.value) for m in at.metric}


def matrices(at) -> list[list[list[tuple]]]:
    """The page's two confusion tables (counts, normalised): rows of (cell name, value) pairs."""
    tables = []
    for rows in table_cells(at):
        cells = [[tuple(text.rsplit(" ", 1)) for tag, text in row if tag == "td" and text] for row in rows]
        tables.append([row for row in cells if row])  # the header rows hold no named cell
    return tables


def test_url_example_shows_accuracy_0875_and_recall_09():
    at = run(tp=90, tn=85, fp=15, fn=10)
    assert not at.exception
    values = shown(at)
    assert values["Accuracy"] == pytest.approx(0.875)
    assert values["Recall"] == pytest.approx(0.9)
    assert values["Precision"] == pytest.approx(90 / 105, abs=5e-4)
    assert values["Specificity"] == pytest.approx(0.85)
    latex = [el.value for el in at.latex]
    assert any(r"\frac{90 + 85}{90 + 85 + 15 + 10} = 0.875" in s for s in latex)
    assert any(r"\frac{90}{90 + 10} = 0.9" in s for s in latex)
    # the counts are in the widgets and the confusion matrix
    assert at.number_input(key="metrics:tp").value == 90
    counts, normalised = matrices(at)
    assert counts == [[("TN", "85"), ("FP", "15")], [("FN", "10"), ("TP", "90")]]  # rows true negative, positive
    assert normalised == [
        [("Specificity", "0.85"), ("False-positive rate", "0.15")],
        [("False-negative rate", "0.10"), ("Recall", "0.90")],
    ]
    assert figures(at)[0]["layout"]["meta"]["a11y_name"] == "The accuracy paradox"  # the only chart left


@pytest.mark.claims
@pytest.mark.parametrize(
    "counts", [dict(tp=90, tn=85, fp=15, fn=10), dict(tp=3, tn=940, fp=50, fn=7), dict(tp=0, tn=5, fp=5, fn=0)]
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_normalised_tables_cells_are_the_rates_they_are_named(counts, lang):
    """Each cell of the normalised table is named for a rate (specificity, recall, ...): its number is
    that rate as the page's metrics and formulas give it, and the names are the metrics' own."""
    at = run(lang=lang, **counts)
    assert not at.exception
    values = shown(at)
    (spec, fpr), (fnr, rec) = matrices(at)[1]
    recall, specificity = at.metric[2], at.metric[3]
    assert (rec[0], spec[0]) == (recall.label, specificity.label)
    p, n = counts["tp"] + counts["fn"], counts["tn"] + counts["fp"]
    if p:
        assert float(rec[1]) == pytest.approx(values[recall.label], abs=0.005)
        assert float(fnr[1]) == pytest.approx(counts["fn"] / p, abs=0.005)
    else:  # no positive item: its row has no rates, and the title says so
        assert (fnr[1], rec[1]) == ("—", "—")
    assert float(spec[1]) == pytest.approx(values[specificity.label], abs=0.005)
    assert float(fpr[1]) == pytest.approx(counts["fp"] / n, abs=0.005)
    # the two tables, each after its title, in one st.html (a row that wraps where they do not fit)
    titles = "".join(el.value for el in at.html if "<table" in el.value).split("</table>")
    empty_row = translate("metrics.matrix_normalised_empty", lang)
    assert (html.escape(empty_row) in titles[1]) == (p == 0)
    assert any(translate("metrics.matrix_empty_row", lang) in c.value for c in at.caption) == (p == 0)


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_empty_row_of_the_normalised_table_shows_dashes_not_rates(lang):
    """With no items at all, neither row has rates: no 0.00 that would pass for one."""
    at = run(lang=lang, tp=0, tn=0, fp=0, fn=0)
    assert not at.exception
    assert [value for row in matrices(at)[1] for _, value in row] == ["—"] * 4
    assert [value for row in matrices(at)[0] for _, value in row] == ["0"] * 4


def _formula_values(at) -> dict[str, tuple[str, Fraction]]:
    """name -> (relation, value) of each formula line's last step: "= 0.5" or "\\approx 3 \\times 10^{-9}"."""
    shown = {}
    for name, line in zip(metrics.FORMULAS, [el.value for el in at.latex], strict=True):
        number = r"(=|\\approx) (\d+(?:\.\d+)?)(?: \\times 10\^\{(-?\d+)\})?"
        relation, mantissa, exponent = re.search(number + "$", line.strip("$\n")).groups()
        shown[name] = relation, Fraction(mantissa) * Fraction(10) ** int(exponent or 0)
    return shown


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "counts",
    [dict(tp=123_456_789, fn=7, fp=1_000_000_000, tn=3), dict(tp=90, tn=85, fp=15, fn=10), dict(tp=1, tn=2, fp=0, fn=2)],
)
def test_each_formula_ends_in_its_value_exactly_or_marked_approximate(counts, lang):
    """TN = 3 of 1,000,000,003 negatives is 3 \\times 10^{-9}, not "3e-09"; 123,456,789 of 123,456,796
    positives found is "\\approx 0.9999999", not "= 1"; a fraction the number shows exactly keeps "="."""
    at = run(lang=lang, **counts)
    assert not at.exception
    for name, (relation, value) in _formula_values(at).items():
        num, den = metrics.FORMULAS[name][1](counts)
        exact = Fraction(num, den)
        assert (relation == "=") == (value == exact), name
        assert abs(value - exact) <= exact * Fraction(5, 10_000) and (value == exact or value not in (0, 1)), name


@pytest.mark.claims
def test_a_tile_does_not_round_a_near_perfect_rate_to_a_perfect_one():
    """9,999 true positives and 1 false positive: precision 0.9999, not "1.000" as if perfect."""
    at = run(lang="en", tp=9999, fp=1, fn=0, tn=5)
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Precision"] == "0.9999" and tiles["Recall"] == "1.000"
    at = run(lang="en", tp=9999, fp=0, fn=1, tn=5)
    assert {m.label: m.value for m in at.metric}["Recall"] == "0.9999"
    assert "0.9999" in at.markdown[-1].value or any("0.9999" in h.proto.body for h in at.get("html"))  # the rates table


def test_chinese_page_has_no_english_metric_names():
    at = run(lang="zh", tp=90, tn=85, fp=15, fn=10)
    assert not at.exception
    values = shown(at)
    assert values["准确率"] == pytest.approx(0.875) and values["召回率"] == pytest.approx(0.9)
    assert at.header[0].value == "四个计数"


def test_precision_and_recall_are_explained_distinctly():
    at = run()
    text = " ".join(md.value for md in at.markdown)
    assert "Of the items the model **predicted positive**" in text
    assert "Of the items that **really are positive**, the share the model found" in text


def test_all_zero_counts_warn_and_do_not_crash():
    at = run(tp=0, tn=0, fp=0, fn=0)
    assert not at.exception
    assert at.warning and "0/0" in at.warning[0].value
    assert set(shown(at).values()) == {0.0}


@pytest.mark.parametrize("bad", ["-5", "1e99", "abc", "99999999999999"])
def test_bad_url_values_are_ignored_with_a_note(bad):
    at = run(tp=bad)
    assert not at.exception
    assert any("tp=" in info.value for info in at.info)
    assert at.number_input(key="metrics:tp").value == 90  # the default


def test_zero_denominator_gets_a_note():
    at = run(tp=0, fp=0, fn=5, tn=5)
    assert not at.exception
    assert any("Precision is 0/0" in info.value for info in at.info)


def test_accuracy_paradox_buttons_load_counts():
    at = run()
    assert "99.0%" in " ".join(md.value for md in at.markdown)
    at.button(key="load_always").click().run()
    values = shown(at)
    assert values["Accuracy"] == pytest.approx(0.99) and values["Recall"] == 0.0
    assert at.query_params["tn"] == "990"  # the link now reproduces the loaded view


def test_the_charts_table_is_built_when_opened():
    """Folded, the paradox chart's table is not built (the page then needs no pandas); opened, it holds
    the metrics, headed in the learner's language."""
    at = run(tp=90, tn=85, fp=15, fn=10, lang="zh")
    assert len(at.dataframe) == 0
    at.session_state["paradox:table"] = True
    at.run()
    assert not at.exception
    (paradox,) = (d.value for d in at.dataframe)
    assert paradox.columns[0] == "指标"
    assert paradox.shape == (5, 3) and paradox.iloc[0, 1] == pytest.approx(0.99)  # always "negative": accuracy 0.99
