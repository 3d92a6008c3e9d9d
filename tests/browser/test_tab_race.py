"""Tabs and the runs they start (the page script's `retab`, ui/__init__.py). With the arrow keys the
tab with focus is the open one. Two Streamlit behaviours broke that on /explorer: a run that ended
after the learner had moved on to the next tab opened its own tab again, focus staying on the
learner's; and a tab the run greyed out lost focus to nothing, so the next arrow key went to the page."""

import pytest

from tests.streamlit_server import open_page, wait_rendered
from ui.explorer_state import TABS
from ui.i18n import translate

pytestmark = pytest.mark.browser

OPEN_AND_FOCUSED = """() => [
  document.querySelector('[role="tab"][aria-selected="true"]')?.innerText ?? '',
  document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.innerText : '']"""
# resolves when the page's next run starts, or after 5 s (a quick run can pass unseen)
NEXT_RUN = """() => { const app = document.querySelector('[data-testid="stApp"]');
  window.__nextRun = Promise.race([new Promise((done) => new MutationObserver((_, seen) => {
    if (app.dataset.testScriptState === 'running') { seen.disconnect(); done(true); } })
    .observe(app, { attributeFilter: ['data-test-script-state'] })),
    new Promise((done) => setTimeout(() => done(false), 5000))]); }"""


def settled(page):
    wait_rendered(page)
    page.wait_for_timeout(1000)  # a run that ends late would open another tab
    wait_rendered(page)
    return page.evaluate(OPEN_AND_FOCUSED)


def test_a_tab_left_with_focus_and_closed_is_opened(app_url, browser):
    """The state the late run left (focus on the stepper's tab, the lab open), made directly."""
    page = open_page(browser, f"{app_url}/explorer?lang=en&tab=lab", viewport=(1400, 1400))
    step = translate("explorer.tab_step", "en")
    try:
        page.get_by_role("tab").first.evaluate("(tab) => tab.focus()")  # focus alone, no key or click
        assert settled(page) == [step, step]
        assert "tab=" not in page.url  # the first tab is the default: no parameter
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_arrow_keys_during_a_run_leave_focus_on_the_open_tab(app_url, browser, lang):
    """Two arrow keys, the second while the first one's run goes on: it reaches the stepper's tab, or
    nothing when the tab is still greyed out (Streamlit's). Either way focus ends on the open tab."""
    label = {translate(f"explorer.tab_{slug}", lang): slug for slug in TABS}
    for _ in range(4):  # the race is the server's to win or lose: a few tries, each from the last tab
        page = open_page(browser, f"{app_url}/explorer?lang={lang}&tab=lab", viewport=(1400, 1400))
        try:
            page.get_by_role("tab").nth(2).focus()
            page.evaluate(NEXT_RUN)
            page.keyboard.press("ArrowLeft")  # "What if?" opens: a run starts ...
            page.evaluate("window.__nextRun")
            page.keyboard.press("ArrowLeft")  # ... and during it, on to the stepper's tab
            opened, focused = settled(page)
            assert focused == opened and opened in label
            assert ("" if label[opened] == TABS[0] else f"tab={label[opened]}") in page.url
            if label[opened] == "step":
                page.locator("iframe").first.content_frame.locator("#stepno").wait_for(timeout=10_000)
        finally:
            page.close()
