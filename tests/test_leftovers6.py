"""Leftovers of the third audits: /metrics' paradox bars legible on a phone, /gradient-flow's clipping
caption compares its losses with the baseline in one count of decimals, /forecast's windows chart
does not pack a tick label on every step of a phone's axis."""

import re

import numpy as np
import pytest

from lstm_core.adding import BASELINE_MSE
from plots.forecast import STEP_TICKS, windows_figure
from plots.metrics import metric_bars_figure
from tests.apptest import open_page
from ui.i18n import STRINGS, translate

ROWS = [("Accuracy", 0.99, 0.948), ("Precision", None, 0.138), ("Recall", 0.0, 0.8), ("F1", 0.0, 0.235)]


def test_the_paradox_bars_write_their_numbers_at_their_size_whatever_the_bar_width():
    """plotly.js shrinks a bar's 'outside' text to the bar's width: on a phone (22 px bars) a level
    '0.990' was drawn 9 px high and touched its neighbour's '0.948'. The numbers stand upright, which
    plotly.js does not shrink (it measures the level width: constraintext 'inside'), and the '—' of
    a 0/0 metric, which upright would read '|', is written level by an annotation over its bar."""
    fig = metric_bars_figure(ROWS, "t", "always", "useful").to_dict()
    for trace in fig["data"]:
        assert trace["textposition"] == "outside"
        assert trace["textangle"] in (-90, 90) and trace["constraintext"] in ("inside", "none")
    always = fig["data"][0]
    assert always["text"][1] == "—" and always["texttemplate"][1] == ""  # still the bar's text (hover, table)
    (dash,) = fig["layout"]["annotations"]
    # category 1 (precision), the first of the pair: left of the middle by a quarter of the pair's width
    assert dash["text"] == "—" and dash["y"] == 0 and dash["x"] == pytest.approx(1 - (1 - fig["layout"]["bargap"]) / 4)
    # room above 1 for an upright "1.000", ticks only where a metric can be
    assert fig["layout"]["yaxis"]["range"][1] >= 1.25 and max(fig["layout"]["yaxis"]["tickvals"]) == 1


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_clipping_caption_compares_its_losses_and_the_baseline_with_the_same_decimals(lang):
    """'clipped at 1.0: 1.06, ending at 0.197 (always predicting 1 scores 0.167)': two decimals beside
    three in one comparison; and the 0.167 was typed into the strings, not the baseline's value."""
    for text in STRINGS["gradient_flow.clip_caption"]:
        assert "0.167" not in text and "{baseline}" in text
    at = open_page("pages/gradient-flow.py", timeout=180, lang=lang)
    assert not at.exception
    start = translate("gradient_flow.clip_caption", lang).split("{")[0]
    caption = next(c.value for c in at.caption if c.value.startswith(start))
    if lang == "en":
        found = re.search(r"clipped at \S+: (\S+), ending at (\S+) \(always predicting 1 scores (\S+)\)", caption)
    else:
        found = re.search(r"时 (\S+)，最终为 (\S+)（总是预测 1 的得分为 (\S+)）", caption)
    peak, final, baseline = found.groups()
    decimals = {len(text.split(".")[1]) if "." in text else 0 for text in (peak, final, baseline)}
    assert len(decimals) == 1, (peak, final, baseline)
    assert float(baseline) == pytest.approx(BASELINE_MSE, abs=0.5 * 10.0 ** -decimals.pop())


def test_the_windows_chart_ticks_every_step_only_where_a_phone_has_room_for_it():
    """At the default window (12, so 18 steps) the axis labelled every step (dtick 1): on a 320 px
    phone 0 to 17 ran edge to edge. Past STEP_TICKS steps plotly.js spaces the ticks by the width."""
    names = {"input": "i", "target": "t", "unused": "u", "pair": "pair {k}", "step": "s"}
    values = np.arange(100.0)
    for window, ticked in ((4, True), (STEP_TICKS - 6, True), (STEP_TICKS - 5, False), (12, False), (40, False)):
        xaxis = windows_figure(values, window, 6, names, "w").to_dict()["layout"]["xaxis"]
        assert (xaxis.get("dtick") == 1) is ticked, window
        assert xaxis["range"] == [-0.5, window + 6 - 0.5]


# --- in a browser: what a learner's phone draws ------------------------------------------------

# each text's box as drawn, across its baseline cut to one em (its line box holds the font's line gap
# too: upright, 19 px wide for a 13 px font), and its font size as drawn (scaled as plotly.js scaled it)
_TEXTS = """(selector) => [...document.querySelectorAll('.js-plotly-plot')].flatMap((plot) =>
  [...plot.querySelectorAll(selector)].map((e) => {
    const r = e.getBoundingClientRect(), b = e.getBBox();
    const px = parseFloat(getComputedStyle(e).fontSize) * Math.max(r.width, r.height) / Math.max(b.width, b.height);
    const upright = r.height > r.width, cut = (Math.min(r.width, r.height) - px) / 2;
    return { text: e.textContent, px, left: r.left + (upright ? cut : 0), right: r.right - (upright ? cut : 0),
             top: r.top + (upright ? 0 : cut), bottom: r.bottom - (upright ? 0 : cut) };
  }))"""


def _apart(a, b) -> bool:
    return a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [320, 390, 1400])
def test_the_paradox_numbers_are_legible_and_apart_on_a_phone(app_url, browser, artifacts, lang, width):
    from tests.streamlit_server import open_page as open_in_browser
    from tests.streamlit_server import problems

    page = open_in_browser(browser, f"{app_url}/metrics?lang={lang}", viewport=(width, 900))
    try:
        assert problems(page) == []
        texts = page.evaluate(_TEXTS, ".bartext")
        assert sorted(t["text"] for t in texts) == sorted(
            ["0.990", "0.000", "1.000", "0.000", "0.948", "0.138", "0.800", "0.949", "0.235"]
        )
        assert all(t["px"] >= 10 for t in texts), [(t["text"], round(t["px"], 1)) for t in texts]
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                assert _apart(a, b), (a, b)
        assert page.locator(".js-plotly-plot .annotation-text").all_text_contents() == ["—"]
        page.locator(".js-plotly-plot").first.screenshot(path=str(artifacts / f"leftovers6_paradox_{lang}_{width}.png"))
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_windows_chart_tick_labels_are_apart_on_a_phone(app_url, browser, artifacts, lang):
    from tests.streamlit_server import open_page as open_in_browser
    from tests.streamlit_server import problems

    page = open_in_browser(browser, f"{app_url}/forecast?lang={lang}", viewport=(320, 900))
    try:
        assert problems(page) == []
        title = translate("forecast.plot.windows_title", lang)
        chart = page.locator(".js-plotly-plot").filter(has_text=title.split("，")[0].split(",")[0])
        ticks = chart.evaluate(
            """(plot) => [...plot.querySelectorAll('.xtick text')].map((e) => {
              const r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, right: r.right }; })"""
        )
        assert len(ticks) >= 3 and ticks[0]["text"] == "0"
        assert all(b["left"] - a["right"] >= 6 for a, b in zip(ticks, ticks[1:], strict=False)), ticks
        chart.screenshot(path=str(artifacts / f"leftovers6_windows_{lang}_320.png"))
    finally:
        page.close()
