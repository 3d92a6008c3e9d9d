"""/metrics with AppTest: the URL example, both languages, bad input, the paradox buttons."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import figures

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "metrics.py")


def run(**query):
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params.update({k: str(v) for k, v in query.items()})
    return at.run()


def shown(at) -> dict[str, float]:
    return {m.label: float(m.value) for m in at.metric}


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
    counts = figures(at)[0]["data"][0]["text"]
    assert counts == [["85", "15"], ["10", "90"]]


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


def test_the_charts_tables_are_built_when_opened():
    """Folded, no table is built (the page then needs no pandas); opened, the confusion matrix's
    table holds the counts and the paradox's the metrics, headed in the learner's language."""
    at = run(tp=90, tn=85, fp=15, fn=10, lang="zh")
    assert len(at.dataframe) == 0
    for key in ("cm_counts:table", "cm_normalised:table", "paradox:table"):
        at.session_state[key] = True
    at.run()
    assert not at.exception
    counts, fractions, paradox = (d.value for d in at.dataframe)
    assert counts.columns[0] == "真实类别" and paradox.columns[0] == "指标"
    assert counts.iloc[:, 1:].to_numpy().tolist() == [[85, 15], [10, 90]]  # rows true negative, positive
    assert fractions.iloc[:, 1:].to_numpy().tolist() == [[0.85, 0.15], [0.1, 0.9]]
    assert paradox.shape == (5, 3) and paradox.iloc[0, 1] == pytest.approx(0.99)  # always "negative": accuracy 0.99
