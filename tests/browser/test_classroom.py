"""Classroom use in a real browser: a shared link restores its settings, the controls are reachable by
keyboard, a lesson's quiz answer is checked on the spot, and the lesson links carry their settings."""

import re

import pytest

from tests.streamlit_server import open_page, option_position, problems, wait_rendered
from ui.i18n import translate
from ui.lessons_content import BY_SLUG

pytestmark = pytest.mark.browser


def test_a_link_with_settings_restores_them(app_url, browser):
    page = open_page(browser, f"{app_url}/metrics?lang=en&tp=7&fn=3&fp=2&tn=11")
    try:
        page.wait_for_selector("[data-testid='stNumberInput'] input")
        assert problems(page) == []
        values = [box.input_value() for box in page.locator("[data-testid='stNumberInput'] input").all()[:4]]
        assert values == ["7", "3", "2", "11"]
        assert page.get_by_text("ignored").count() == 0
    finally:
        page.close()


def test_a_hostile_link_shows_a_note_and_no_error(app_url, browser):
    page = open_page(browser, f"{app_url}/metrics?lang=zh&tp=%3Cscript%3Ealert(1)%3C/script%3E&fn=nan&teacher=1")
    try:
        page.wait_for_selector("[data-testid='stNumberInput'] input")
        assert problems(page) == []
        assert page.get_by_text("已忽略").count() == 2
        assert page.locator("[data-testid='stNumberInput'] input").first.input_value() == "90"  # the default
    finally:
        page.close()


def _focused(page) -> str:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return [e.tagName, e.type || '', e.getAttribute('role') || '', e.getAttribute('aria-label') || '',
                (e.innerText || e.value || '').slice(0, 60)].join('|'); }"""
    )


def test_the_keyboard_reaches_the_lesson_controls_and_checks_an_answer(app_url, browser, artifacts):
    page = open_page(browser, f"{app_url}/lessons?lang=en&lesson=train", viewport=(1400, 2400))
    try:
        page.wait_for_selector("[data-testid='stForm'] [role='radiogroup']")
        assert problems(page) == []
        page.locator("h1").first.click()  # start tabbing from the top of the page
        seen = []
        for _ in range(120):
            page.keyboard.press("Tab")
            seen.append(_focused(page))
            if "Check my answers" in seen[-1]:
                break
        text = "\n".join(seen)
        assert "TEXTAREA" in text, "the prediction box is reachable"
        assert "Train a vanilla RNN" in text, "the lesson's link is reachable"
        assert "INPUT|radio" in text, "the quiz answers are reachable"
        assert "Check my answers" in seen[-1], "the check button is reachable"
        # answer by keyboard only: focus the first question's answers, arrow to the right one, check
        first_group = page.locator("[data-testid='stForm'] [role='radiogroup']").first
        first_group.locator("input[type='radio']").first.focus()
        page.keyboard.press("Space")  # the first answer shown, then down to the right one (overfitting),
        right = translate("lessons.train.q0.a1", "en")  # wherever this session's shuffle put it
        for _ in range(option_position(first_group, right)):
            page.keyboard.press("ArrowDown")
        page.locator("[data-testid='stForm'] button").first.focus()
        page.keyboard.press("Enter")
        wait_rendered(page)
        assert page.locator("[data-testid='stAlert']").filter(has_text=re.compile(r"Right\.")).count() == 1
        page.screenshot(path=str(artifacts / "classroom_keyboard_quiz.png"), full_page=True)
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_quiz_answer_is_checked_with_its_explanation(app_url, browser, artifacts, lang):
    page = open_page(browser, f"{app_url}/lessons?lang={lang}&lesson=metrics", viewport=(1400, 2400))
    try:
        assert problems(page) == []
        page.wait_for_selector("[data-testid='stForm'] [role='radiogroup']")
        form = page.locator("[data-testid='stForm']")
        groups = form.locator("[role='radiogroup']")
        assert groups.count() == 4
        right_1 = translate("lessons.metrics.q1.a0", lang)  # recall = 8 / 10 = 0.80: right
        wrong_2 = translate("lessons.metrics.q2.a0", lang)  # "raises recall": wrong
        groups.nth(1).locator("label").nth(option_position(groups.nth(1), right_1)).click()
        groups.nth(2).locator("label").nth(option_position(groups.nth(2), wrong_2)).click()
        form.locator("button").first.click()
        wait_rendered(page)
        right, wrong, missing = {"en": ("Right.", "Not quite", "Pick an answer"), "zh": ("回答正确", "不太对", "请先选择")}[lang]
        right = re.compile(re.escape(right))  # case-sensitive: the score line says "1 of 4 right."
        alerts = page.locator("[data-testid='stAlert']")
        assert alerts.filter(has_text=right).count() == 1
        assert alerts.filter(has_text=wrong).count() == 1
        assert alerts.filter(has_text=missing).count() == 2
        explanation = {"en": "Recall $= TP", "zh": "召回率"}[lang]
        assert alerts.filter(has_text=explanation[:6]).count() >= 1
        # the lesson links are relative and carry the lesson's settings
        links = [a.get_attribute("href") for a in page.locator("a[href*='metrics?']").all()]
        assert any(href.startswith("metrics?lang=" + lang) and "tn=990" in href for href in links), links
        page.screenshot(path=str(artifacts / f"lessons_{lang}.png"), full_page=True)
        assert problems(page) == []
    finally:
        page.close()


def test_a_lesson_link_opens_its_page_with_the_settings(app_url, browser):
    page = open_page(browser, f"{app_url}/lessons?lang=en&lesson=metrics")
    try:
        href = page.locator("a[href*='metrics?']").first.get_attribute("href")
        target = open_page(browser, f"{app_url}/{href}")
        try:
            target.wait_for_selector("[data-testid='stNumberInput'] input")
            assert problems(target) == []
            values = [box.input_value() for box in target.locator("[data-testid='stNumberInput'] input").all()[:4]]
            assert values == ["0", "10", "0", "990"]
        finally:
            target.close()
    finally:
        page.close()


def test_a_reload_keeps_the_quiz_progress_in_this_browser_only(app_url, browser, artifacts):
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/lessons?lang=zh&lesson=metrics")
        wait_rendered(page)
        groups = page.locator("[data-testid='stForm'] [role='radiogroup']")
        # each group's screen-reader name is its question as plain text, not Markdown or LaTeX source
        names = [group.get_attribute("aria-label") for group in groups.all()]
        assert names[0].startswith("1. ") and not any(c in "".join(names) for c in "$*\\"), names
        for k, question in enumerate(BY_SLUG["metrics"].questions):
            right = (
                question.formulas[question.answer]
                if question.formulas
                else translate(f"lessons.metrics.q{k}.a{question.answer}", "zh")
            )
            groups.nth(k).locator("label").nth(option_position(groups.nth(k), right)).click()
        page.locator("[data-testid='stForm'] button").first.click()
        wait_rendered(page)
        assert "已完成 1 / 8 课" in page.locator("[data-testid='stProgress']").inner_text()
        page.reload()
        wait_rendered(page)
        assert problems(page) == []
        assert "已完成 1 / 8 课" in page.locator("[data-testid='stProgress']").inner_text()
        assert page.locator("[data-testid='stForm'] input[type='radio']:checked").count() == 4
        page.screenshot(path=str(artifacts / "lessons_after_reload_zh.png"), full_page=True)
        # another browser (another learner) starts from nothing
        other = open_page(browser, f"{app_url}/lessons?lang=zh&lesson=metrics")
        assert "已完成 0 / 8 课" in other.locator("[data-testid='stProgress']").inner_text()
        other.close()
        # starting over clears it for the next reload too
        page.get_by_role("button", name=translate("lessons.reset", "zh")).click()
        page.get_by_text(translate("lessons.reset_what", "zh")).wait_for()  # what it clears, before it does
        assert "已完成 1 / 8 课" in page.locator("[data-testid='stProgress']").inner_text()
        page.get_by_role("button", name=translate("lessons.reset_confirm", "zh")).click()
        wait_rendered(page)
        page.reload()
        wait_rendered(page)
        assert "已完成 0 / 8 课" in page.locator("[data-testid='stProgress']").inner_text()
    finally:
        context.close()


def _answer_right(page, slug: str, lang: str):
    """Check every question of the open lesson right (wherever this session's shuffle put it) and submit."""
    groups = page.locator("[data-testid='stForm'] [role='radiogroup']")
    for k, question in enumerate(BY_SLUG[slug].questions):
        key = f"lessons.{slug}.q{k}.a{question.answer}"
        right = question.formulas[question.answer] if question.formulas else translate(key, lang)
        groups.nth(k).locator("label").nth(option_position(groups.nth(k), right)).click()
    page.locator("[data-testid='stForm'] button").first.click()
    wait_rendered(page)


def test_two_tabs_of_one_browser_keep_each_others_answers(app_url, browser):
    """Lessons open in two tabs: each session wrote the whole cookie from what it had read at its start,
    so the tab that wrote last dropped the other's answers, and a reload lost a finished lesson."""
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    try:
        tabs = {}
        for slug in ("metrics", "gates"):  # both sessions start before either answers
            tabs[slug] = context.new_page()
            tabs[slug].goto(f"{app_url}/lessons?lang=en&lesson={slug}")
            wait_rendered(tabs[slug])
        for slug in ("metrics", "gates"):
            _answer_right(tabs[slug], slug, "en")
        cookie = next(c["value"] for c in context.cookies() if c["name"] == "lstm_lab_quiz")
        assert cookie.startswith("gates:") and ".metrics:" in cookie, cookie
        page = tabs["metrics"]
        page.reload()
        wait_rendered(page)
        assert problems(page) == []
        assert "2 of 8" in page.locator("[data-testid='stProgress']").inner_text()
        # starting over in one tab clears the lessons the other tab answered too
        page.get_by_role("button", name=translate("lessons.reset", "en")).click()
        page.get_by_role("button", name=translate("lessons.reset_confirm", "en")).click()
        wait_rendered(page)
        assert not [c for c in context.cookies() if c["name"] == "lstm_lab_quiz" and c["value"]]
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_teacher_mode_enlarges_charts_the_stepper_and_keeps_labels_whole(app_url, browser, artifacts, lang):
    """For the back row: a chart's fonts grow with the page's text (they had stayed at 13 px), the stepper's
    diagram takes the whole width above its equations (its labels had been 8 px), and /gradient-flow's
    tile labels are not cut off ("Vanilla RNN: gradient r…")."""
    fonts = "() => [...document.querySelectorAll('.lab-chart')].map((gd) => gd._fullLayout.font.size)"
    cut = """() => [...document.querySelectorAll("[data-testid='stMetricLabel'] *")]
               .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.innerText)"""
    # the first chart's legend sits under its x axis: the pixels between the axis title and the legend
    gap = """() => { const gd = document.querySelector('.lab-chart');
                     const top = [...gd.querySelectorAll('.legend .legendtext')].map((e) => e.getBoundingClientRect().top);
                     return Math.min(...top) - gd.querySelector('.xtitle').getBoundingClientRect().bottom; }"""
    sizes, gaps = {}, {}
    for mode in ("", "&teacher=1"):
        page = open_page(browser, f"{app_url}/gradient-flow?lang={lang}{mode}")
        try:
            page.locator(".lab-chart .main-svg").first.wait_for(timeout=60_000)
            sizes[mode] = page.evaluate(fonts)[0]
            assert page.evaluate(cut) == []
            gaps[mode] = page.evaluate(gap)
        finally:
            page.close()
    assert sizes["&teacher=1"] == pytest.approx(1.25 * sizes[""])
    # the larger axis title had grown into the legend (7 px closer, from a 4 px gap): it keeps the gap it
    # has outside teacher mode, up to 8 px (a taller plot puts the legend, a fraction of its height
    # below it, 14 px below the axis title outside teacher mode, and 12 px below it in teacher mode)
    assert gaps["&teacher=1"] >= min(gaps[""], 8) - 1
    page = open_page(browser, f"{app_url}/explorer?lang={lang}&teacher=1")
    try:
        stepper = page.frame_locator("iframe").first
        columns = stepper.locator("#main").evaluate("e => getComputedStyle(e).gridTemplateColumns.split(' ').length")
        assert columns == 1
        page.screenshot(path=str(artifacts / f"explorer_teacher_{lang}.png"), full_page=True)
    finally:
        page.close()
