"""Pages printed (a teacher's handout), read sheet by sheet from Chromium's PDF:
- /explorer: the browser prints a frame as one piece at its height on the screen, moved whole to the next
  sheet. The stepper printed after half a blank sheet and was cut below its first row of heat maps; a
  still copy of the step shown now prints in its place (plots/explorer_component.html);
- the tables in scroll boxes (plots/tables.py) printed as far as the box showed: /text-pipeline's "first
  30 entries" of the vocabulary printed eight, its padding table lost the columns past the sheet's edge."""

import pytest

from tests.browser.test_explorer import stepper
from tests.browser.test_layout6 import _printed, _squeezed, sheets
from tests.streamlit_server import open_page
from ui.i18n import translate

pytestmark = pytest.mark.browser

# each heat map's outline of the step shown: [its left edge, the map's left, the map's width]
_OUTLINES = """() => [...document.querySelectorAll('.hm .box')].map((box) => {
  const map = box.querySelector('canvas').getBoundingClientRect(), hl = box.querySelector('.hl').getBoundingClientRect();
  return [hl.left, map.left, map.width];
})"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_stepper_prints_whole_where_it_stands(app_url, browser, lang):
    page = open_page(browser, f"{app_url}/explorer?lang={lang}&t=3", (1280, 900))
    try:
        frame = stepper(page)
        assert frame.locator("#app").get_attribute("data-step") == "3"
        last = int(frame.locator("#slider").get_attribute("max"))
        for left, map_left, width in frame.locator("body").evaluate(_OUTLINES):
            assert abs(left - (map_left + 3 * width / (last + 1) - 2)) <= 1  # the box over step 3
        printed = [_squeezed(sheet) for sheet in sheets(page.pdf())]
        said = lambda key, **params: translate(key, lang, **params)  # noqa: E731
        first = said("explorer.c.step", t=3, last=last)
        # the stepper begins on the sheet the page's text does, and every part of it is printed
        assert _printed(first).search(printed[0])
        # (not the heat maps' heading: its bold letters are written without a text map, "Every unit over
        # time (one colour scale per uantity he box arks...")
        parts = [said("explorer.c.eq_title", unit=0), said("explorer.q.h"), said("explorer.c.lines_title", unit=0)]
        for part in parts:
            assert any(_printed(part).search(sheet) for sheet in printed), part
        # on the screen after the print: the frame, and no copy
        assert page.evaluate("() => [...document.querySelectorAll('iframe + div')].filter((e) => e.shadowRoot).length") == 0
        assert page.locator("iframe").first.is_visible()
    finally:
        page.close()


# each table's last row, its cells' text in order
_LAST_ROWS = """() => [...document.querySelectorAll('.lab-table')]
  .map((t) => [...t.querySelectorAll('tr:last-child td')].map((td) => td.textContent))"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tables_print_whole(app_url, browser, lang):
    page = open_page(browser, f"{app_url}/text-pipeline?lang={lang}", (1280, 900))
    try:
        rows = page.evaluate(_LAST_ROWS)
        assert len(rows) >= 4 and all(rows)
        printed = "".join(_squeezed(sheet) for sheet in sheets(page.pdf()))
        for row in rows:
            assert _printed(" ".join(row)).search(printed), row
    finally:
        page.close()
