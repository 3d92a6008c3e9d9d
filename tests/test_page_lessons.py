"""/lessons: every lesson renders in both languages, a quiz answer is checked on the spot with its
explanation, progress is kept for the session, and every "predict first" link opens its page
with settings that page accepts."""

import json
import re
from types import SimpleNamespace
from unittest import mock

import numpy as np
import pytest

from tests.apptest import html_tables, open_page
from ui import lessons_state
from ui.i18n import STRINGS
from ui.lessons_content import BY_SLUG, LESSONS, SLUGS

PAGE = "pages/lessons.py"


def test_every_lesson_has_its_texts_in_both_languages():
    for lesson in LESSONS:
        keys = [f"lessons.{lesson.slug}.{part}" for part in ("title", "body", "predict")]
        keys += [f"lessons.{lesson.slug}.link{k}" for k in range(len(lesson.links))]
        for k, question in enumerate(lesson.questions):
            assert 0 <= question.answer < question.options
            keys += [f"lessons.{lesson.slug}.q{k}", f"lessons.{lesson.slug}.q{k}.why"]
            if question.formulas:
                assert len(question.formulas) == question.options
            else:
                keys += [f"lessons.{lesson.slug}.q{k}.a{j}" for j in range(question.options)]
        for key in keys:
            en, zh = STRINGS[key]
            assert en.strip() and zh.strip() and en != zh or key.endswith(tuple(f".a{j}" for j in range(9))), key
        assert 2 <= len(lesson.questions) <= 4 and lesson.links
    lesson_keys = {k for k in STRINGS if k.startswith("lessons.") and k.count(".") >= 2 and k.split(".")[1] in SLUGS}
    assert len(lesson_keys) == sum(
        3 + len(ls.links) + sum(2 + (0 if q.formulas else q.options) for q in ls.questions) for ls in LESSONS
    ), "no stray lesson strings"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_lesson_renders(lang):
    at = open_page(PAGE, lang=lang)
    for slug in SLUGS:
        at.radio(key="lessons:lesson").set_value(slug).run()
        assert not at.exception, [e.message for e in at.exception]
        assert at.query_params["lesson"] == slug if slug != SLUGS[0] else "lesson" not in at.query_params
        assert at.header[0].value.endswith(STRINGS[f"lessons.{slug}.title"][lang == "zh"])
        questions = [r for r in at.radio if str(r.key).startswith(f"lessons_q_{slug}_")]
        assert len(questions) >= 2
        for k, radio in enumerate(questions):  # a radio's label is its screen-reader name as written
            assert re.fullmatch(rf"{k + 1}\. [^$*\\`]+", radio.label), radio.label


def _answer(at, slug, choices, lang="en"):
    # AppTest formats an option outside the page's run, where the page's language is unknown
    with mock.patch("ui.lang", return_value=lang):
        for k, choice in enumerate(choices):
            at.radio(key=f"lessons_q_{slug}_{k}").set_value(choice)
        next(b for b in at.button if b.label in ("Check my answers", "检查答案")).click()
        return at.run()


def test_a_quiz_is_checked_with_explanations_and_progress_is_kept():
    lesson = LESSONS[5]  # metrics: precision and recall
    at = open_page(PAGE, lang="en", lesson=lesson.slug)
    assert at.radio(key="lessons:lesson").value == lesson.slug
    wrong = [(q.answer + 1) % q.options for q in lesson.questions]
    at = _answer(at, lesson.slug, wrong)
    assert not at.exception
    assert len(at.error) == len(lesson.questions)
    assert "TP / (TP + FP)" not in at.error[0].value  # a wrong answer does not give the answer away...
    shown = next(e for e in at.expander if e.label.startswith("Show the answer to question 1"))  # ... it waits there
    assert "TP / (TP + FP)" in shown.markdown[0].value and "Precision looks at the predicted positives" in shown.markdown[0].value
    assert at.progress[0].value == 0
    at = _answer(at, lesson.slug, [q.answer for q in lesson.questions])
    assert not at.error and len(at.success) == len(lesson.questions) + 1
    assert "1 of 8" in at.progress[0].proto.text
    # progress survives moving to another lesson and back
    at.radio(key="lessons:lesson").set_value(SLUGS[0]).run()
    at.radio(key="lessons:lesson").set_value(lesson.slug).run()
    assert "1 of 8" in at.progress[0].proto.text and len(at.success) == len(lesson.questions) + 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_feedback_runs_its_sentences_together_as_the_language_does(lang):
    """A quiz's "Correct." and its explanation, and "The answer is …" and its explanation, are one paragraph: with a
    space in English, none after a Chinese full stop ("回答正确。 随时间…" had one)."""
    lesson = LESSONS[5]
    at = open_page(PAGE, lang=lang, lesson=lesson.slug)
    at = _answer(at, lesson.slug, [q.answer for q in lesson.questions], lang)
    right = STRINGS["lessons.right"][lang == "zh"]
    why = STRINGS[f"lessons.{lesson.slug}.q0.why"][lang == "zh"]
    assert at.success[0].value == f"**1.** {right}{' ' if lang == 'en' else ''}{why}"
    at = _answer(at, lesson.slug, [(q.answer + 1) % q.options for q in lesson.questions], lang)
    shown = next(e for e in at.expander if e.label.startswith(("Show the answer to question 1", "显示第 1 题")))
    answer = shown.markdown[0].value
    assert answer.endswith(f"{'”.' if lang == 'en' else '”。'}{' ' if lang == 'en' else ''}{why}"), answer


def _cookie(at, held: str = "") -> str:
    """The quiz cookie after the page's last write, in a browser whose cookie was `held` ("" when the
    page deletes it; `held` when it writes nothing). The page sends only the lessons this session
    answered; the browser merges them into what it holds (lessons_state._MERGE, run in Chromium by
    tests/browser/test_classroom.py)."""
    bodies = [h.proto.body for h in at.get("html") if lessons_state.COOKIE in h.proto.body]
    if not bodies:
        return held
    call = re.search(r"\}\)\(\"lstm_lab_quiz\", (\{.*?\}), (\[.*?\]), \d+\);", bodies[-1])
    mine, order = (json.loads(a) for a in call.groups())
    merged = {**dict(part.split(":") for part in held.split(".") if part), **mine}
    return ".".join(f"{slug}:{merged[slug]}" for slug in order if merged.get(slug))


def test_the_answers_are_kept_in_this_browser_and_a_new_session_restores_them():
    metrics, gates = BY_SLUG["metrics"], BY_SLUG["gates"]
    at = open_page(PAGE, lang="en", lesson="metrics")
    assert _cookie(at) == ""
    right = [q.answer for q in metrics.questions]
    at = _answer(at, "metrics", right)
    assert _cookie(at) == "metrics:" + "".join(map(str, right))
    at.radio(key="lessons:lesson").set_value("gates").run()
    at = _answer(at, "gates", [gates.questions[0].answer, None, None])
    saved = _cookie(at)
    assert saved == f"gates:{gates.questions[0].answer}--.metrics:" + "".join(map(str, right))  # in lesson order
    # a reload is a new session: the browser sends the cookie, and the progress is back
    with mock.patch.object(lessons_state.st, "context", SimpleNamespace(cookies={lessons_state.COOKIE: saved})):
        again = open_page(PAGE, lang="en", lesson="metrics")
        assert "1 of 8" in again.progress[0].proto.text
        assert [again.radio(key=f"lessons_q_metrics_{k}").value for k in range(len(right))] == right
        assert len(again.success) == len(right) + 1  # the feedback is shown as it was
        again.button(key="lessons_reset").click()  # in the "Start the lessons over" popover
        again.run()
    assert _cookie(again) == "" and again.progress[0].value == 0


@pytest.mark.parametrize(
    "raw",
    [
        "metrics:9999",
        "metrics:01",
        "nosuchlesson:0",
        "metrics:0a00",
        "<script>",
        "metrics:0000" + ".x" * 400,
        "",
        ".:.",
        "metrics:0000:",
    ],
)
def test_a_cookie_that_does_not_fit_the_lessons_is_ignored(raw):
    kept = lessons_state.decode(raw)
    assert set(kept) <= {"metrics"}
    if kept:
        assert raw.startswith("metrics:0000.") and kept["metrics"] == {0: 0, 1: 0, 2: 0, 3: 0}


def test_the_cookie_value_round_trips_and_holds_only_cookie_safe_characters():
    rng = np.random.default_rng(0)
    for _ in range(50):
        checked = {
            lesson.slug: {k: None if rng.random() < 0.3 else int(rng.integers(q.options)) for k, q in enumerate(lesson.questions)}
            for lesson in LESSONS
            if rng.random() < 0.6
        }
        value = lessons_state.encode(checked)
        assert re.fullmatch(r"[a-z0-9_.:-]*", value) and len(value) < lessons_state.ui.MAX_PARAM_LEN
        assert lessons_state.decode(value) == checked


def test_unanswered_questions_are_pointed_out():
    at = open_page(PAGE, lang="zh")
    next(b for b in at.button if b.label == "检查答案").click()
    at.run()
    assert not at.exception and len(at.warning) == len(LESSONS[0].questions)


def test_next_lesson_button_moves_on_and_updates_the_url():
    at = open_page(PAGE, lang="en")
    next(b for b in at.button if b.label == "Next lesson").click()
    at.run()
    assert at.radio(key="lessons:lesson").value == SLUGS[1]
    assert at.query_params["lesson"] == SLUGS[1]


def test_a_bad_lesson_in_the_link_is_ignored_with_a_note():
    at = open_page(PAGE, lang="en", lesson="<script>alert(1)</script>")
    assert not at.exception
    assert at.radio(key="lessons:lesson").value == SLUGS[0]
    assert any("lesson" in i.value for i in at.info)


LINKS = sorted(  # every link once, in alternating languages; both languages where the settings differ
    {
        (link.page, lang, link.url(lang))
        for k, link in enumerate(link for lesson in LESSONS for link in lesson.links)
        for lang in (("en", "zh") if link.params_by_lang else ("en", "zh")[k % 2 :][:1])
    }
)
PAGE_FILES = {"explorer": "pages/explorer.py", "gradient-flow": "pages/gradient-flow.py", "train": "pages/train.py",
              "metrics": "pages/metrics.py", "forecast": "pages/forecast.py"}  # fmt: skip


@pytest.mark.parametrize(("page", "lang", "url"), LINKS)
def test_every_lesson_link_opens_its_page_with_those_settings(page, lang, url):
    from urllib.parse import parse_qsl, urlsplit

    parts = urlsplit(url)
    assert parts.path == page and not parts.netloc, "links are relative"
    query = dict(parse_qsl(parts.query))
    at = open_page(PAGE_FILES[page], **query)
    assert not at.exception, [e.message for e in at.exception]
    notes = [i.value for i in at.info if "ignored" in i.value or "已忽略" in i.value]
    assert notes == [], f"{url}: the page refused a setting"
    page_name = at.session_state["_page"]
    for name, value in query.items():  # the widget holds the link's value
        key = f"{page_name}:{name}"
        if name == "lang":
            continue
        if key not in at.session_state:  # its widget sits in a tab not opened yet: the value waits in the URL
            assert at.query_params[name] == value, name
            continue
        widget_value = at.session_state[key]
        assert str(widget_value) == value or float(widget_value) == float(value), name


def test_quiz_options_are_shuffled_per_session_and_the_answers_spread_out():
    """20 of 22 answers used to be the first or second option. Each session now sees its own order,
    the same on every rerun; over the course, the right answers land in every position."""
    sessions = [open_page(PAGE, lang="en") for _ in range(2)]
    orders = [[r.options for r in at.radio if str(r.key).startswith("lessons_q_")] for at in sessions]
    assert orders[0] != orders[1]
    rerun = sessions[0].run()
    assert [r.options for r in rerun.radio if str(r.key).startswith("lessons_q_")] == orders[0]

    from ui import lessons_state

    positions = []
    for seed in range(5):
        fake = {lessons_state.ORDER_SEED: seed}
        with mock.patch.object(lessons_state.st, "session_state", fake):
            for lesson in LESSONS:
                for k, q in enumerate(lesson.questions):
                    positions.append(lessons_state.option_order(lesson.slug, k, q.options).index(q.answer))
    counts = np.bincount(positions, minlength=4)
    assert counts.min() > 0 and counts[:2].sum() < 0.75 * len(positions)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_glossary_is_on_the_lessons_page(lang):
    from ui.strings.glossary import GLOSSARY

    at = open_page(PAGE, lang=lang)
    assert not any(len(df) == len(GLOSSARY) for df in html_tables(at))  # folded: not sent
    at.session_state["glossary"] = True  # the learner opens it
    at.run()
    table = next(df for df in html_tables(at) if len(df) == len(GLOSSARY))
    assert list(table.iloc[:, 1]) == [zh for _, _, zh, _ in GLOSSARY] and list(table.iloc[:, 0])[0] == GLOSSARY[0][1]


def test_a_prediction_stays_from_lesson_to_lesson_and_the_page_says_so():
    """The page said the prediction boxes are "not kept"; they are, in this session (a reload clears
    them): a prediction written, another lesson opened, and back."""
    from ui.i18n import translate

    at = open_page(PAGE, lang="en")
    first = f"lessons_prediction_{SLUGS[0]}"
    at.text_area(key=first).input("the RNN forgets the first word").run()
    at.radio(key="lessons:lesson").set_value(SLUGS[1]).run()
    at.radio(key="lessons:lesson").set_value(SLUGS[0]).run()
    assert at.text_area(key=first).value == "the RNN forgets the first word"
    for lang, kept, cleared in (("en", "stays", "a reload clears it"), ("zh", "会保留", "刷新页面后会清空")):
        assert kept in translate("lessons.kept", lang) and cleared in translate("lessons.kept", lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_prediction_longer_than_the_box_takes_is_cut_with_a_note_not_dropped(lang):
    """A 2,001-character prediction pasted into the box (at most 2,000) was dropped whole, the box left
    as it was, with no word: Streamlit's max_chars discards such a change. The box keeps the first 2,000."""
    from ui.i18n import translate

    at = open_page(PAGE, lang=lang)
    key = f"lessons_prediction_{SLUGS[0]}"
    at = at.text_area(key=key).input("ab " * 667).run()  # 2,001 characters
    assert not at.exception
    assert at.text_area(key=key).value == ("ab " * 667)[: lessons_state.PREDICTION_CHARS]
    label = translate(lessons_state.PREDICTION_LABEL, lang)
    note = translate("app.text_cut", lang, label=label, limit="2,000", n="2,001")
    assert note in [i.value for i in at.info]
    at.radio(key="lessons:lesson").set_value(SLUGS[1]).run()
    at.radio(key="lessons:lesson").set_value(SLUGS[0]).run()
    assert at.text_area(key=key).value == ("ab " * 667)[:2000]  # kept from lesson to lesson, as written
    assert note not in [i.value for i in at.info]  # said once, where it happened
