"""The learning path: lessons in order, the page each "predict first" link opens with which settings,
and the correct answer of every quiz question. Texts live in ui/strings/lessons.py.

Link parameters are the URL names of settings the target page declares (ui/declared.py), with values
the declarations accept: tests/test_lesson_links.py checks every link, so a link opens that page
exactly as the lesson describes. Pure data: no Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode


@dataclass(frozen=True)
class Link:
    page: str  # the router's URL path, e.g. "explorer"
    params: dict = field(default_factory=dict)  # query parameters, the same in both languages
    params_by_lang: dict = field(default_factory=dict)  # lang -> parameters that differ per language

    def url(self, lang: str, teacher: bool = False) -> str:
        """A relative URL: the app may be served under any host or path prefix. In teacher mode the
        opened page stays in teacher mode."""
        query = {"lang": lang, **self.params, **self.params_by_lang.get(lang, {})}
        if teacher:
            query["teacher"] = "1"
        return f"{self.page}?{urlencode(query)}"


@dataclass(frozen=True)
class Question:
    options: int  # how many answers are offered
    answer: int  # index of the correct one
    formulas: tuple = ()  # answers that are formulas, the same in every language (else string keys)


@dataclass(frozen=True)
class Lesson:
    slug: str  # string keys are lessons.<slug>.*
    links: tuple
    questions: tuple


# Plain Unicode, not LaTeX: a radio whose label is only KaTeX has no accessible name (a screen
# reader says "radio button, 1 of 4"; axe: label), while "diag(fₜ)" is read as what it is.
DIFFERENTIALS = ("diag(*f*ₜ)", "*W*ₕₕ", "diag(1 − tanh² *c*ₜ)", "diag(*i*ₜ ⊙ *g*ₜ)")  # Markdown italics for the symbols
RATIOS = ("TP / (TP + FP)", "TP / (TP + FN)", "(TP + TN) / N", "TN / (TN + FP)")

LESSONS = (
    Lesson(
        "rnn_forgets",
        links=(
            Link("explorer", {"kind": "rnn_tanh", "preset": "long_memory", "tab": "whatif", "iv": "drop_first"}),
            Link("explorer", {"source": "memory", "preset": "long_memory", "tab": "whatif", "iv": "drop_first"}),
        ),
        questions=(Question(4, 0), Question(4, 1), Question(3, 1)),
    ),
    Lesson(
        "highway",
        links=(Link("explorer", {"tab": "lab", "lab_b_f": "3.0"}),),
        questions=(
            Question(4, 0, DIFFERENTIALS),
            Question(4, 1),
            Question(4, 1),
        ),
    ),
    Lesson(
        "gates",
        links=(
            Link("explorer", {"tab": "lab", "lab_b_f": "6.0", "lab_b_o": "-6.0"}),
            Link("explorer", {"tab": "lab", "lab_w_i": "0.0", "lab_b_i": "-6.0"}),
        ),
        questions=(Question(4, 2), Question(4, 0), Question(4, 0)),
    ),
    Lesson(
        "gradient_flow",
        links=(Link("gradient-flow", {"fb": "-2.0"}), Link("gradient-flow", {"fb": "3.0"})),
        questions=(Question(4, 0), Question(4, 0), Question(4, 1)),
    ),
    Lesson(
        "train",
        links=(
            Link("train", {"kind": "rnn"}, {"en": {"data": "negation_en"}, "zh": {"data": "negation_zh"}}),
            Link("train", {"kind": "lstm"}, {"en": {"data": "negation_en"}, "zh": {"data": "negation_zh"}}),
        ),
        questions=(Question(4, 1), Question(4, 1), Question(4, 0)),
    ),
    Lesson(
        "metrics",
        links=(
            Link("metrics", {"tp": "0", "fn": "10", "fp": "0", "tn": "990"}),
            Link("metrics", {"tp": "8", "fn": "2", "fp": "50", "tn": "940"}),
        ),
        questions=(Question(4, 0, RATIOS), Question(4, 0), Question(4, 1), Question(4, 1)),
    ),
    Lesson(
        "forecast",
        links=(Link("forecast", {"data": "airline"}), Link("forecast", {"data": "airline", "leak": "1"})),
        questions=(Question(4, 0), Question(4, 1), Question(4, 2)),
    ),
    Lesson(
        "keras",
        links=(
            Link("train", {"kind": "lstm"}, {"en": {"data": "negation_en"}, "zh": {"data": "negation_zh"}}),
            Link("explorer", {}),
        ),
        questions=(Question(4, 0), Question(4, 1), Question(4, 2), Question(4, 0)),
    ),
)

SLUGS = tuple(lesson.slug for lesson in LESSONS)
BY_SLUG = {lesson.slug: lesson for lesson in LESSONS}


def is_done(lesson: Lesson, answers: dict) -> bool:
    """All questions answered correctly. `answers`: question index -> chosen option index."""
    return all(answers.get(k) == q.answer for k, q in enumerate(lesson.questions))
