"""Narrow screens, after the layout audit (tests/test_layout_audit.py): a chart's side-by-side panels
on a phone, /metrics' formulas on a phone, /train's setting columns on a projector in teacher mode,
and /forecast's advice when training diverges in teacher mode. Measured in a real browser where the
defect is a matter of layout (overlapping boxes, an element wider than its column)."""

import pytest

from tests.streamlit_server import problems, wait_rendered
from tests.test_layout_audit import PHONE, _open

DESKTOP = dict(viewport={"width": 1400, "height": 1000})


# In each chart: its panel titles (annotations) and legend entries that overlap one another or run
# past the chart's edges, as [what, text, other text]
_CROWDED_TEXT = """(chart) => {
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const edge = chart.getBoundingClientRect();
  const texts = [...chart.querySelectorAll('.annotation-text, .gtitle, .legendtext')]
    .map((e) => [e.textContent, e.getBoundingClientRect()]).filter(([, box]) => box.width > 0);
  const found = [];
  texts.forEach(([text, box], i) => {
    if (box.left < edge.left - 1 || box.right > edge.right + 1) found.push(['cut', text, '']);
    texts.slice(i + 1).forEach(([other, next]) => overlap(box, next) && found.push(['overlap', text, other]));
  });
  return found;
}"""
# a chart's panels: [left, top] of each one's plot area, in pixels (plotly.js's own figures of its layout)
_PANELS = """(chart) => Object.entries(chart._fullLayout).filter(([key]) => /^xaxis\\d*$/.test(key))
  .map(([, x]) => [Math.round(x._offset), Math.round(chart._fullLayout[x.anchor.replace('y', 'yaxis')]._offset)])"""


def _chart(page, name):
    """The chart whose accessible name (ui/strings/charts.py) is `name`."""
    chart = page.locator(f'.lab-chart[aria-label="{name}"]')
    chart.scroll_into_view_if_needed()
    return chart


def _trained(page, timeout=120_000):
    """Start a run on /train and wait for its results (the tabs under the curves)."""
    page.locator(".st-key-train_start button").click()
    page.locator("[data-testid='stTab']").first.wait_for(timeout=timeout)
    page.wait_for_function("() => document.querySelector('.st-key-train_stop button').disabled", timeout=timeout)
    wait_rendered(page, timeout=timeout)
    assert problems(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_training_curves_are_readable_on_a_phone(app_url, browser, lang):
    """The six panels of /train's curves kept their 3 x 2 grid in a 358 px column: "Loss
    (cross-entropy)" ran into "Accuracy", "Accuracy gap: train − validation" into "F1" and past the
    edge, and the legend's entries were cut off. On a phone the panels now take a row each and a long
    legend entry breaks into lines."""
    context, page = _open(browser, f"{app_url}/train?lang={lang}&epochs=3&n_negation_en=600", PHONE)
    try:
        _trained(page)
        chart = _chart(page, {"en": "Training curves", "zh": "训练曲线"}[lang])
        assert chart.evaluate(_CROWDED_TEXT) == []
        lefts = {left for left, _ in chart.evaluate(_PANELS)}
        assert len(chart.evaluate(_PANELS)) == 6 and len(lefts) == 1  # one column
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_clipping_chart_is_readable_on_a_phone(app_url, browser, lang):
    """/gradient-flow's clipping chart (section 3): its two panels side by side in a 358 px column
    put "training MSE" over "gradient norm before clipping", which ran past the chart's edge."""
    context, page = _open(browser, f"{app_url}/gradient-flow?lang={lang}", PHONE)
    try:
        chart = _chart(page, {"en": "Gradient clipping", "zh": "梯度裁剪"}[lang])
        assert chart.evaluate(_CROWDED_TEXT) == []
        panels = chart.evaluate(_PANELS)
        assert len(panels) == 2 and panels[0][0] == panels[1][0]  # stacked
    finally:
        context.close()


@pytest.mark.browser
def test_clipping_chart_keeps_its_panels_side_by_side_on_a_desktop(app_url, browser):
    """Where the panels fit, the figure is drawn as built."""
    context, page = _open(browser, f"{app_url}/gradient-flow", DESKTOP)
    try:
        chart = _chart(page, "Gradient clipping")
        panels = chart.evaluate(_PANELS)
        assert len(panels) == 2 and panels[0][1] == panels[1][1] and panels[0][0] < panels[1][0]
        assert chart.evaluate(_CROWDED_TEXT) == []
    finally:
        context.close()


# each display formula: [its box's width, its content's width, its last piece's right edge past the box]
_FORMULAS = """() => [...document.querySelectorAll('.katex-display')].filter((d) => d.getBoundingClientRect().width > 0)
  .map((d) => {
    const box = d.getBoundingClientRect(), pieces = d.querySelectorAll('.katex-html > .base');
    const last = pieces[pieces.length - 1].getBoundingClientRect();
    return [d.clientWidth, d.scrollWidth, Math.round(last.right - box.right)];
  })"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_metric_formulas_show_their_value_on_a_phone(app_url, browser, lang):
    """Each metric is shown "formula first, then with your numbers": on a phone the accuracy line was
    555 px wide in a 358 px column, its "= 0.875" off the screen (a sideways scroll few find). It
    breaks after a relation instead, every line inside the column."""
    context, page = _open(browser, f"{app_url}/metrics?lang={lang}", PHONE)
    try:
        formulas = page.evaluate(_FORMULAS)
        assert len(formulas) == 5
        assert [f for f in formulas if f[1] > f[0] + 1 or f[2] > 1] == []
        shown = page.locator(".katex-display .katex-html").first.inner_text()
        assert "0.875" in shown
    finally:
        context.close()


PROJECTOR = dict(viewport={"width": 1280, "height": 720})

# texts of the main area cut short: a button group (a segmented control) wider than its column or with
# a button past its edge, a select box's shown value cut with an ellipsis
_CUT_SETTINGS = """() => {
  const groups = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stButtonGroup"]')]
    .filter((group) => group.scrollWidth > group.clientWidth + 1 || [...group.querySelectorAll('button')]
      .some((b) => b.getBoundingClientRect().right > group.getBoundingClientRect().right + 1));
  const values = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stSelectbox"] input')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1);
  return [...groups.map((e) => e.innerText), ...values.map((e) => e.value)];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_train_settings_fit_a_projector_in_teacher_mode(app_url, browser, lang):
    """Teacher mode's larger text beside the sidebar on a 1280 x 720 projector: in three columns "SGD（动量
    0.9）" ran out of the optimiser's column and the data set's name was cut. Two a row, they fit."""
    context, page = _open(browser, f"{app_url}/train?lang={lang}&teacher=1", PROJECTOR)
    try:
        assert page.locator("[data-testid='stSidebar'][data-collapsed='false']").count() == 1
        assert page.evaluate(_CUT_SETTINGS) == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_forecast_divergence_names_no_hidden_setting_in_teacher_mode(monkeypatch, lang):
    """ "Training diverged … Try a smaller learning rate": teacher mode hides /forecast's learning rate
    (an advanced setting), so there the error says where to find it instead."""
    import ui
    from lstm_core.errors import UserInputError

    shown = []
    monkeypatch.setattr(ui.st, "error", lambda text, **_: shown.append(text))
    monkeypatch.setattr(ui, "lang", lambda: lang)
    for teacher in (False, True):
        monkeypatch.setattr(ui, "teacher", lambda teacher=teacher: teacher)
        ui.error(UserInputError("forecast.err_diverged", lr=0.1))
    learner, projector = shown
    smaller = {"en": "Try a smaller learning rate", "zh": "请试试更小的学习率"}[lang]
    assert smaller in learner and smaller not in projector
    assert "0.1" in projector and "teacher=0" in projector
