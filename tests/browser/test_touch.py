"""On a touch screen a finger's drag over a chart scrolls the page (ui/chart.js): plotly.js zoomed into
the chart instead, and on a phone, where a chart fills most of the screen, a learner scrolling down got
stuck looking at a cropped chart."""

import pytest

from tests.streamlit_server import problems, wait_rendered

pytestmark = pytest.mark.browser

MAIN = "document.querySelector(\"[data-testid='stMain']\")"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_a_swipe_over_a_chart_scrolls_the_page_and_leaves_the_chart_as_drawn(app_url, browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/forecast?lang=zh")
        wait_rendered(page)
        touch = context.new_cdp_session(page)
        chart = page.locator(".lab-chart").first
        chart.scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('.lab-chart')._fullLayout !== undefined")
        ranges = "() => { const l = document.querySelector('.lab-chart')._fullLayout; return [l.xaxis.range, l.yaxis.range]; }"
        before, top = page.evaluate(ranges), page.evaluate(f"() => {MAIN}.scrollTop")
        box = chart.bounding_box()
        x, y = box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6
        touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for step in range(1, 13):
            touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 20 * step}]})
            page.wait_for_timeout(20)
        touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_timeout(800)
        assert page.evaluate(f"() => {MAIN}.scrollTop") - top > 100, "the page scrolled with the finger"
        assert page.evaluate(ranges) == before, "the chart was not zoomed"
        box = chart.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
        page.wait_for_timeout(500)
        assert chart.locator(".hoverlayer .hovertext").count() > 0, "a tap still shows the values there"
        assert problems(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("touch", [True, False])
def test_the_stepper_speaks_to_the_device_it_is_on(app_url, browser, touch):
    """On a phone the stepper's hint named arrow keys and Space, and its Play and Next buttons were the
    same triangle told apart only by a title a touch screen never shows. A step is now a chevron; a touch
    screen gets a hint for fingers and buttons a finger's size (44 px)."""
    from ui.i18n import translate

    context = browser.new_context(**(PHONE if touch else {}))
    page = context.new_page()
    try:
        page.goto(f"{app_url}/explorer?lang=zh")
        wait_rendered(page)
        stepper = page.frame_locator("iframe").first
        keys, taps = translate("explorer.c.keys", "zh"), translate("explorer.c.taps", "zh")
        hint = stepper.locator(".keys")
        hint.wait_for()
        assert hint.inner_text() == (taps if touch else keys)
        shapes = [stepper.locator(f"#{b} path").first.evaluate("p => getComputedStyle(p).fill") for b in ("play", "next")]
        assert shapes[0] != shapes[1] == "none", "Play is a filled triangle, a step a chevron"
        if touch:
            boxes = [button.bounding_box() for button in stepper.locator("#bar button").all()]
            assert all(b["height"] >= 44 and b["width"] >= 44 for b in boxes)
        assert problems(page) == []
    finally:
        context.close()
