"""A reload mid-training frees the training slot at once (ui/tab_id.py, ui/jobs.py).

A reload opens a new Streamlit session; the old session's run went on for the grace period that waits
for a dropped connection to come back (30 s), holding the only training slot of a 2-core server, so
the learner's next run (and the class's) queued behind a run nobody could see."""

import pytest

from tests.streamlit_server import app_server, open_page, problems, wait_rendered
from ui.gradient_flow_state import LIVE_MAX_LEN, LIVE_MAX_STEPS
from ui.i18n import translate
from ui.tab_id import COOKIE

pytestmark = pytest.mark.browser

GRACE_S = 300  # far longer than the test waits: only the reload can have freed the slot


def test_each_tab_has_a_name_that_a_reload_keeps(app_url, browser):
    """The tab's name reaches the server as a cookie set before Streamlit connects (ui/tab_id.py): the
    same after a reload, another for another tab of the same browser."""
    context = browser.new_context()
    try:
        first, second = context.new_page(), context.new_page()
        first.goto(f"{app_url}/train?lang=en")
        wait_rendered(first)
        name = first.evaluate("() => sessionStorage.getItem('lstm-lab-tab')")
        cookie = lambda: next(c["value"] for c in context.cookies() if c["name"] == COOKIE)  # noqa: E731
        assert name and cookie() == name
        first.reload()
        wait_rendered(first)
        assert first.evaluate("() => sessionStorage.getItem('lstm-lab-tab')") == name == cookie()
        second.goto(f"{app_url}/lessons?lang=en")
        wait_rendered(second)
        assert cookie() == second.evaluate("() => sessionStorage.getItem('lstm-lab-tab')") != name
        assert problems(first) == problems(second) == []
    finally:
        context.close()


def test_a_run_started_again_after_a_reload_trains_at_once(browser, monkeypatch):
    monkeypatch.setenv("LSTM_LAB_RELEASE_GRACE_S", str(GRACE_S))  # the server we start reads it
    start = translate("gradient_flow.live_start", "en")
    busy = translate("app.busy_one", "en").split("{")[0].strip()
    with app_server() as server:
        url = f"{server.base_url}/gradient-flow?lang=en&live_T={LIVE_MAX_LEN}&live_steps={LIVE_MAX_STEPS}"
        page = open_page(browser, url, viewport=(1400, 1000))
        try:
            page.get_by_role("button", name=start).click()
            page.locator("[data-testid='stProgress']").wait_for(timeout=60_000)  # training: it holds the slot
            page.reload()
            wait_rendered(page)
            page.get_by_role("button", name=start).click()
            # the old run waited out its grace before: the new one queued, saying the slot was busy
            page.locator("[data-testid='stProgress']").wait_for(timeout=20_000)
            for _ in range(3):  # still training, not queued, after the page's next redraws (one a second)
                assert page.get_by_text(busy).count() == 0
                page.wait_for_timeout(1000)
            assert page.locator("[data-testid='stProgress']").count() == 1
            assert problems(page) == []
        finally:
            page.close()
