"""Keyboard only, in headless Chromium: lesson 3 from its link to its checked quiz without a mouse
(open the lesson's link, switch the explorer to the stepper, step to t = 5, answer, check), with
a visible focus indicator on everything the Tab key reaches on the way."""

import re

import pytest

from tests.streamlit_server import option_position, problems, wait_rendered
from ui.i18n import translate
from ui.lessons_content import BY_SLUG, SLUGS

pytestmark = pytest.mark.browser

# What has focus (looking into the explorer's frame), and whether it shows: an outline or a ring on
# the element itself, on the label that stands for a hidden input, or on a text field's frame.
FOCUSED = """() => {
  let doc = document, e = doc.activeElement, frame = false;
  while (e && e.tagName === 'IFRAME' && e.contentDocument) { frame = true; doc = e.contentDocument; e = doc.activeElement; }
  const view = doc.defaultView;
  const shows = (n) => { if (!n) return false; const s = view.getComputedStyle(n);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; };
  return { frame, tag: e.tagName, id: e.id || '', type: e.type || '', role: e.getAttribute('role') || '',
           testid: e.getAttribute('data-testid') || '', checked: !!e.checked,
           text: (e.getAttribute('aria-label') || e.innerText || e.value || '').slice(0, 60),
           visible: e === doc.body || [e, e.closest('label'), e.closest('[data-testid$="RootElement"]')].some(shows) };
}"""


def tab_until(page, wanted, unseen_focus, limit=80, key="Tab", settle=False):
    """Press Tab until `wanted(focused)`; every stop on the way must show its focus. `settle`: wait for
    the page after each press, as a learner sees a tab open before pressing on."""
    for _ in range(limit):
        page.keyboard.press(key)
        if settle:
            wait_rendered(page, every_chart=False)
        focused = page.evaluate(FOCUSED)
        if not focused["visible"]:
            unseen_focus.append(focused)
        if wanted(focused):
            return focused
    raise AssertionError(f"not reached with {limit} presses of {key}")


def test_lesson_3_by_keyboard_alone(app_url, browser, artifacts):
    lang, slug = "en", SLUGS[2]
    lesson = BY_SLUG[slug]
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    unseen = []
    try:
        page = context.new_page()
        page.goto(f"{app_url}/lessons?lang={lang}&lesson={slug}")
        wait_rendered(page)
        assert problems(page) == []

        # the lesson's first link opens the explorer in a new tab, with the lesson's settings
        link_text = translate(f"lessons.{slug}.link0", lang)
        tab_until(page, lambda f: link_text in f["text"], unseen)
        with context.expect_page() as opened:
            page.keyboard.press("Enter")
        explorer = opened.value
        wait_rendered(explorer)
        assert problems(explorer) == [] and "tab=lab" in explorer.url

        # to the stepper's tab: Tab reaches the open tab, the arrow keys move along the tab list
        lab = translate("explorer.tab_lab", lang)
        tab_until(explorer, lambda f: f["role"] == "tab" and f["text"] == lab, unseen)
        step_tab = translate("explorer.tab_step", lang)
        tab_until(explorer, lambda f: f["role"] == "tab" and f["text"] == step_tab, unseen, limit=3, key="ArrowLeft", settle=True)
        frame = explorer.locator("iframe").first.content_frame
        frame.locator("#stepno").wait_for()

        # into the stepper, and five steps on
        tab_until(explorer, lambda f: f["frame"], unseen)
        for _ in range(5):
            explorer.keyboard.press("ArrowRight")
        assert frame.locator("#app").get_attribute("data-step") == "5"
        announced = frame.locator("#announce")
        explorer.wait_for_function(
            "() => /^Step 5 \\(the last is \\d+\\), input .+: forget gate [−\\d.]+, cell state [+−\\d.]+$/"
            ".test(document.querySelector('iframe').contentDocument.getElementById('announce').textContent)",
            timeout=5000,
        )
        assert announced.get_attribute("aria-live") == "polite"
        explorer.screenshot(path=str(artifacts / "keyboard_lesson3_explorer.png"), full_page=True)
        explorer.keyboard.press("Space")  # play ...
        explorer.wait_for_function(
            "() => +document.querySelector('iframe').contentDocument.getElementById('app').dataset.step >= 7", timeout=5000
        )
        explorer.keyboard.press("Space")  # ... and pause
        paused = frame.locator("#app").get_attribute("data-step")
        explorer.wait_for_timeout(800)
        assert frame.locator("#app").get_attribute("data-step") == paused

        # back to the lesson: answer each question with the arrow keys, then check
        page.bring_to_front()
        groups = page.locator("[data-testid='stForm'] [role='radiogroup']")
        for k, question in enumerate(lesson.questions):
            tab_until(page, lambda f: f["type"] == "radio", unseen)
            page.keyboard.press("Space")  # the first answer shown ...
            right = translate(f"lessons.{lesson.slug}.q{k}.a{question.answer}", lang)
            position = option_position(groups.nth(k), right)
            for _ in range(position):  # ... then down to the right one (the order is this session's shuffle)
                page.keyboard.press("ArrowDown")
        check = translate("lessons.check", lang)
        tab_until(page, lambda f: f["text"] == check, unseen, limit=5)
        page.keyboard.press("Enter")
        wait_rendered(page)
        alerts = page.locator("[data-testid='stAlert']")
        assert alerts.filter(has_text=re.compile(re.escape(translate("lessons.right", lang)))).count() == len(lesson.questions)
        assert alerts.filter(has_text=translate("lessons.all_right", lang)).count() == 1
        page.screenshot(path=str(artifacts / "keyboard_lesson3_quiz.png"), full_page=True)
        assert unseen == [], "focus not visible on: " + "; ".join(f"{f['tag']} {f['testid']} {f['text']!r}" for f in unseen)
    finally:
        context.close()


@pytest.mark.trains
def test_training_and_its_result_tabs_by_keyboard(app_url, browser):
    lang = "zh"
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    unseen = []
    try:
        page.goto(f"{app_url}/train?lang={lang}&epochs=1&n_negation_zh=200&hidden=4&data=negation_zh")
        wait_rendered(page)
        start = translate("train.start", lang)
        tab_until(page, lambda f: f["tag"] == "BUTTON" and start in f["text"], unseen, limit=120)
        page.keyboard.press("Enter")
        page.get_by_role("heading", name=translate("train.results_header", lang)).wait_for(timeout=120_000)
        wait_rendered(page)
        first, second = translate("train.tab.cm", lang), translate("train.tab.report", lang)
        tab_until(page, lambda f: f["role"] == "tab" and f["text"] == first, unseen, limit=150)
        page.keyboard.press("ArrowRight")
        wait_rendered(page)  # the tab's run has ended, and left it open
        assert page.get_by_role("tab", name=second).get_attribute("aria-selected") == "true"
        assert problems(page) == []
        assert unseen == [], "focus not visible on: " + "; ".join(f"{f['tag']} {f['testid']} {f['text']!r}" for f in unseen)
    finally:
        page.close()
