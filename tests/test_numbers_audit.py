"""How the pages write numbers (audit): a hover label gives a line's value readably and under its
whole name, distinct values hover as distinct numbers, a count agrees with its noun, and one
quantity is written one way on one page."""

import re

import pytest

from tests.apptest import figures, open_page
from ui.i18n import translate


def _d3(spec: str, value: float) -> str:
    """What plotly's d3 number format `spec` (".4~g", ".4f") writes for `value`, near enough to tell
    two values apart: Python's "g" trims trailing zeros as d3's "~" does."""
    return format(value, spec.replace("~", ""))


def _y_hover_format(fig: dict, trace: dict) -> str | None:
    axis = "yaxis" + trace.get("yaxis", "y")[1:]
    own = fig["layout"].get(axis, {}).get("hoverformat")
    return own or fig["layout"].get("template", {}).get("layout", {}).get("yaxis", {}).get("hoverformat")


def _hovered(fig: dict) -> list[dict]:
    return [trace for trace in fig["data"] if trace.get("hoverinfo") != "skip"]


@pytest.fixture(scope="module")
def gradient_flow_figures():
    at = open_page("pages/gradient-flow.py", lang="en", ref_T="10")
    assert not at.exception
    return figures(at)


def test_a_line_without_a_hover_template_hovers_its_value_to_four_digits_under_its_whole_name(gradient_flow_figures):
    """plotly.js's default hover wrote '(50, 3.827668×10⁻¹⁴)' and '(2, 0.8333333)' beside a tile's 0.833,
    and cut names at 15 characters: a run's train and validation lines both read 'run 1: LSTM,...', and
    /gradient-flow's gradient-norm lines read 'trace 1' and 'trace 4'."""
    for fig in gradient_flow_figures:
        namelength = fig["layout"].get("hoverlabel", {}).get("namelength")
        if namelength is None:
            namelength = fig["layout"]["template"]["layout"].get("hoverlabel", {}).get("namelength")
        assert namelength == -1
        for trace in _hovered(fig):
            assert trace.get("name"), trace.get("hovertemplate")  # never plotly's "trace 1"
            if "hovertemplate" not in trace:
                assert _y_hover_format(fig, trace) == ".4~g"


def test_the_diverged_cross_hovers_no_loss(gradient_flow_figures):
    """The cross sits at the loss axis's top edge, not at a loss: it hovered '(30, 1×10⁵)' as if the
    run's loss were 10⁵ there."""
    crosses = [t for fig in gradient_flow_figures for t in fig["data"] if t.get("marker", {}).get("symbol") == "x"]
    assert crosses
    for cross in crosses:
        assert "%{y" not in cross["hovertemplate"]


def test_seed_points_that_differ_hover_as_different_numbers(gradient_flow_figures):
    """At T = 10 the seeds' test MSEs (7e-05, 8e-05, 5e-05, 1.1e-04, 1.4e-04, 1e-04) all hovered as
    '0.0001' (4 decimals), while the log axis drew them a factor of 3 apart."""
    (fig,) = [
        f for f in gradient_flow_figures if any("customdata" in t and "seed" in t.get("hovertemplate", "") for t in f["data"])
    ]
    seeds = [t for t in fig["data"] if "seed" in t.get("hovertemplate", "")]
    values = sorted({y for t in seeds for y in t["y"]})
    assert min(values) < 1e-4  # the case the 4 decimals lost
    spec = seeds[0]["hovertemplate"].split("%{y:")[1].split("}")[0]
    shown = {_d3(spec, y) for y in values}
    assert len(shown) == len(values), sorted(shown)


def test_the_measured_medians_count_their_seeds_in_words():
    """'over 2 seed(s)': the count is known, so the noun agrees with it."""
    at = open_page("pages/gradient-flow.py", lang="en")
    text = "\n".join(md.value for md in at.markdown)
    assert "median test MSE" in text and "over 2 seeds" in text
    assert "(s)" not in text
    assert translate("gradient_flow.summary_line_one", "en", model="GRU", mse="0.01", n=1).endswith("(1 seed)")


@pytest.mark.parametrize(
    ("lang", "layers", "said"),
    [
        ("en", 1, "1 LSTM layer of 32 units reads the window"),
        ("en", 2, "2 LSTM layers of 32 units read the window"),
        ("zh", 1, "1 层 32 维的 LSTM 读入窗口"),
        ("zh", 3, "3 层、每层 32 维的 LSTM 读入窗口"),
    ],
)
def test_the_forecast_model_caption_agrees_with_its_number_of_layers(lang, layers, said):
    at = open_page("pages/forecast.py", lang=lang, layers=layers)
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert said in captions
    assert "layer(s)" not in captions


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_accuracy_paradox_writes_its_metrics_as_its_bars_do(lang):
    """The sentence said 'accuracy (94.8%) but recall 80%' right above bars labelled 0.948 and 0.800
    (and tiles that write every metric as 0.875): one quantity, one format on the page."""
    at = open_page("pages/metrics.py", lang=lang)
    (bars,) = [f for f in figures(at) if all(t.get("type") == "bar" for t in f["data"])]
    names = bars["data"][0]["x"]

    def said(trace: int, metric: str) -> str:  # what a bar says (its texttemplate: %{text})
        return bars["data"][trace]["text"][names.index(translate(f"metrics.name.{metric}", lang))]

    body = next(md.value for md in at.markdown if "990" in md.value and "50" in md.value)
    for trace, metric in ((0, "accuracy"), (1, "accuracy"), (1, "recall")):
        assert said(trace, metric) in body
    assert "94.8%" not in body and "80%" not in body


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gradient_flow_groups_the_thousands_of_every_count_it_writes(lang):
    """One page wrote 'stop one at 1,000 steps' and '4000 Adam steps … 1000 held-out sequences' (zh: '训练到
    1000 步' beside '2,300–3,100 步'): a count of a thousand or more is grouped as ui strings group it ({n:,})."""
    at = open_page("pages/gradient-flow.py", lang=lang)
    text = " ".join(e.value for kind in ("markdown", "caption", "info") for e in at.get(kind))
    # a setting's value (T = 1000) is written as its slider writes it; a year is a year
    ungrouped = [n for n in re.findall(r"(?<![\d.,\-])(?<!= )\d{4,}(?![\d\-])", text) if not 1900 < int(n) < 2100]
    assert not ungrouped
    assert "1,000" in text and "4,000" in text


@pytest.mark.parametrize(("T", "said"), [(2, "At 1 step back (step 0), "), (100, "At 99 steps back (step 0), ")])
def test_the_gradient_chart_summary_counts_its_steps_back_in_words(T, said):
    """At T = 2 the summary said 'At 1 steps back'."""
    at = open_page("pages/gradient-flow.py", lang="en", T=T)
    (chart,) = [f for f in figures(at) if f["layout"]["meta"]["a11y_name"] == translate("chart.gf_profiles.name", "en")]
    assert said in chart["layout"]["meta"]["a11y_summary"]
