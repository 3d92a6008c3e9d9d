"""/forecast in headless Chromium: train a tiny forecaster and see the results in both languages,
then upload a GBK-encoded Chinese CSV and a file that is not a table."""

import re

import pytest

from tests.streamlit_server import open_page, problems, wait_rendered
from ui.i18n import translate

pytestmark = pytest.mark.browser


@pytest.mark.trains
def test_tiny_training_shows_results_in_both_languages(app_url, browser, artifacts):
    page = open_page(browser, f"{app_url}/forecast?lang=en&epochs=3&units=4", viewport=(1400, 5200))
    try:
        assert problems(page) == []
        page.get_by_role("button", name=translate("forecast.train_button", "en")).click()
        # the first run in a fresh server process also loads PyTorch's optimiser code: allow for it
        page.get_by_role("heading", name=translate("forecast.results_header", "en")).wait_for(timeout=180_000)
        wait_rendered(page)
        assert problems(page) == []
        scores = page.get_by_role("region", name=translate("forecast.results_header", "en"))  # the metrics table
        scores.wait_for()
        # every column in view at 1400 px: the table is no wider than its box, so nothing hides behind a scroll
        assert scores.evaluate("box => box.scrollWidth <= box.clientWidth")
        assert page.locator(".js-plotly-plot").count() == 6  # series, windows, scaling, loss, predictions, forecast
        verdicts = page.locator(
            "[data-testid='stAlertContentSuccess'], [data-testid='stAlertContentWarning'], [data-testid='stAlertContentInfo']"
        )
        assert verdicts.filter(has_text="Validation part (where choices are made").count() == 1
        assert verdicts.filter(has_text="Test part, scored once").count() == 1
        page.screenshot(path=str(artifacts / "forecast_en.png"), full_page=True)

        # switching language keeps the session, so the trained model and its results stay
        page.get_by_text("简体中文").click()
        page.get_by_role("heading", name=translate("forecast.results_header", "zh")).wait_for(timeout=60_000)
        wait_rendered(page)
        assert problems(page) == []
        assert (
            page.get_by_role("region", name=translate("forecast.results_header", "zh"))
            .get_by_text(translate("forecast.model.persistence", "zh"))
            .count()
            == 1
        )
        page.screenshot(path=str(artifacts / "forecast_zh.png"), full_page=True)
    finally:
        page.close()


def test_uploads_good_and_bad(app_url, browser, artifacts, tmp_path):
    page = open_page(browser, f"{app_url}/forecast?lang=zh&data=upload")
    try:
        good = tmp_path / "客流.csv"
        rows = "\n".join(f"2020-{m:02d},{100 + 3 * m + (m % 4)}" for m in range(1, 13))
        good.write_bytes(("日期,客流量（人）\n" + rows + "\n" + rows.replace("2020", "2021") + "\n").encode("gbk"))
        page.locator("input[type='file']").set_input_files(str(good))
        # 24 values is too short for a window of 12 with a quarter kept for testing: said so, in Chinese
        page.locator("[data-testid='stAlertContentError']").filter(has_text="太短").wait_for(timeout=60_000)
        wait_rendered(page)
        assert problems(page) == []
        assert "客流量（人）" in page.locator("[data-testid='stSelectbox']").last.evaluate(
            "e => e.textContent + ' ' + (e.querySelector('input')?.value ?? '')"
        )

        bad = tmp_path / "picture.csv"
        bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        page.locator("input[type='file']").set_input_files(str(bad))
        page.get_by_text(translate("forecast.err_not_table", "zh")).wait_for(timeout=60_000)
        wait_rendered(page)
        assert problems(page) == []
        page.screenshot(path=str(artifacts / "forecast_upload_zh.png"), full_page=True)
    finally:
        page.close()


def test_an_upload_with_a_year_column_forecasts_the_values_over_the_years(app_url, browser, artifacts, tmp_path):
    """year,temp: the column offered is temp, and the series is drawn over the years on a number axis (the
    years, read as dates, had squeezed the data into the chart's left edge)."""
    page = open_page(browser, f"{app_url}/forecast?lang=zh&data=upload")
    try:
        table = tmp_path / "temperature.csv"
        table.write_text("year,temp\n" + "".join(f"{1900 + k},{14 + 0.3 * ((k * 7) % 5)}\n" for k in range(101)))
        page.locator("input[type='file']").set_input_files(str(table))
        page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
        wait_rendered(page)
        assert problems(page) == []
        column = page.locator("[data-testid='stSelectbox']").filter(has_text=translate("forecast.column", "zh"))
        assert "temp" in column.evaluate("e => (e.querySelector('input')?.value ?? '') + ' ' + e.textContent")
        axis = page.locator(".js-plotly-plot").first.evaluate("gd => [gd._fullLayout.xaxis.type, ...gd._fullLayout.xaxis.range]")
        assert axis[0] == "linear" and axis[1] <= 1900 and 2000 <= axis[2] <= 2010, axis
        page.screenshot(path=str(artifacts / "forecast_upload_years_zh.png"), full_page=True)
    finally:
        page.close()


# each slider's value as the browser shows it
_SLIDERS = "() => [...document.querySelectorAll('[data-testid=stSlider] input[type=range]')].map((s) => s.value)"


def test_a_rejected_upload_leaves_the_settings_below_it_as_they_were(app_url, browser, tmp_path):
    """A file the page rejects stops it above its settings. Uploaded again, a good file brought them back
    at their minimums in the browser (window 1, 2 units, 1 epoch, batch 1) while the page used the old
    values (its caption said 32 units), and the next click sent the minimums (ui.stop)."""
    page = open_page(browser, f"{app_url}/forecast?lang=en&data=upload&units=64&window=6")
    try:
        shown = page.evaluate(_SLIDERS)
        assert len(shown) >= 7 and "64" in shown and "6" in shown
        short, good = tmp_path / "short.csv", tmp_path / "good.csv"
        short.write_text("value\n5\n")
        good.write_text("value\n" + "".join(f"{100 + 3 * k + k % 5}\n" for k in range(80)))
        page.locator("input[type='file']").set_input_files(str(short))
        page.locator("[data-testid='stAlertContentError']").wait_for(timeout=60_000)
        wait_rendered(page)
        assert len(page.evaluate(_SLIDERS)) < len(shown)  # stopped above them
        page.locator("input[type='file']").set_input_files(str(good))
        page.wait_for_function(f"() => ({_SLIDERS})().length === {len(shown)}", timeout=60_000)
        wait_rendered(page)
        assert page.evaluate(_SLIDERS) == shown
        assert page.get_by_text("1 LSTM layer of 64 units", exact=False).count() == 1
        assert "units=64" in page.url and "window=6" in page.url and problems(page) == []
    finally:
        page.close()


# the first chart's hover label for the validation part's first point (Feb 1956, where the training
# part ends), and its tick labels zoomed in to one year
_DATES_WRITTEN = """async (gd) => {
  Plotly.Fx.hover(gd, [{curveNumber: 1, pointNumber: 0}]);
  const hover = [...gd.querySelectorAll('.hoverlayer text')].map((t) => t.textContent).join(' ');
  await Plotly.relayout(gd, {'xaxis.range': ['1956-01-01', '1957-01-01']});
  return [hover, [...gd.querySelectorAll('.xtick text')].map((t) => t.textContent)];
}"""


@pytest.mark.parametrize(
    ("lang", "month", "first"), [("en", r"[A-Z][a-z]{2} 195[67]", "Feb 1956"), ("zh", r"195[67]年\d+月", "1956年2月")]
)
def test_dates_on_the_charts_are_written_in_the_pages_language(lang, month, first, app_url, browser):
    """plotly.js writes a date axis's hover labels and a zoomed axis's months in English: the Chinese
    page's hover boxes read "(Mar 1957, 356)"."""
    page = open_page(browser, f"{app_url}/forecast?lang={lang}", viewport=(1400, 1400))
    try:
        hover, ticks = page.locator(".js-plotly-plot").first.evaluate(_DATES_WRITTEN)
        assert f"({first}, " in hover
        assert ticks and all(re.fullmatch(month, tick) for tick in ticks), ticks
    finally:
        page.close()
