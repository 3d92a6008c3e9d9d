"""The worst values a learner can type, in a real browser: every text, text-area and number input on
every page gets empty text, 10,000 characters, markup, NaN, -1e308, emoji, mojibake from GBK bytes...
and the forecast page's uploader gets broken files. No exception box may appear, ever."""

from __future__ import annotations

import pytest

from tests.streamlit_server import open_page, problems, wait_rendered

PAGES = [
    "/explorer?mode=text",
    "/explorer?mode=numbers",
    "/text-pipeline",
    "/metrics",
    "/train",
    "/forecast",
    "/gradient-flow",
    "/lessons",
]
WORST_TEXT = [
    "",
    "x" * 10_000,
    "<script>alert('x')</script><img src=x onerror=alert(1)> {lang} {0} %s $$\\frac{1}{0}$$",
    "NaN, inf, -1e308, 1e309 😀🧠 ‮evil " + "中文评论".encode("gbk").decode("latin-1"),  # GBK bytes read as Latin-1
]
WORST_NUMBERS = ["-1e308", "NaN"]
INPUTS = "[data-testid='stTextInput'] input, [data-testid='stTextArea'] textarea"
NUMBERS = "[data-testid='stNumberInput'] input"


def _fill_all(page, selector, value, limit=2):
    """Type `value` into each visible input (up to `limit`) and leave it (Tab commits it). Keys are
    typed as a learner types them: a number field drops what it cannot hold."""
    count = 0
    for k in range(min(limit, page.locator(selector).count())):
        field = page.locator(selector).nth(k)
        if not field.is_visible() or not field.is_enabled():
            continue
        field.click()
        page.keyboard.press("Control+A")
        if len(value) > 50:
            page.keyboard.insert_text(value)  # as a paste: 10,000 key presses would take minutes
        else:
            page.keyboard.press("Delete") if not value else page.keyboard.type(value)
        field.press("Tab")
        wait_rendered(page)
        count += 1
    return count


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_worst_typed_values_never_show_an_exception(app_url, browser, path):
    page = open_page(browser, f"{app_url}{path}{'&' if '?' in path else '?'}lang=zh")
    try:
        assert problems(page) == []
        typed = 0
        for value in WORST_TEXT:
            typed += _fill_all(page, INPUTS, value)
            assert problems(page) == [], (path, value[:40])
        for value in WORST_NUMBERS:
            typed += _fill_all(page, NUMBERS, value, limit=1)
            assert problems(page) == [], (path, value)
        if path in ("/explorer?mode=text", "/explorer?mode=numbers", "/text-pipeline", "/metrics"):
            assert typed, f"{path} should have inputs to fill"
    finally:
        page.close()


BAD_FILES = {
    "junk.csv": bytes(range(256)) * 8,
    "gbk.csv": "月份,乘客\n1949-01,112\n1949-02,不知道\n".encode("gbk"),
    "wide.csv": (",".join(["1"] * 5000) + "\n") * 3,
    "fake.xlsx": b"PK\x03\x04" + b"\x00" * 100,
}


@pytest.mark.browser
def test_broken_uploads_never_show_an_exception(app_url, browser, tmp_path):
    page = open_page(browser, f"{app_url}/forecast?data=upload&lang=zh")
    try:
        uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']")
        assert uploader.count() == 1
        for name, data in BAD_FILES.items():
            path = tmp_path / name
            path.write_bytes(data if isinstance(data, bytes) else data.encode())
            uploader.set_input_files(str(path))
            page.wait_for_timeout(300)
            wait_rendered(page)
            assert problems(page) == [], name
            assert page.locator("[data-testid='stAlertContentError']").count() >= 1 or name == "gbk.csv", name
    finally:
        page.close()
