"""Every lesson link names settings its page declares, with values the declarations accept
(ui/declared.py), in both languages: a typo in a link fails here instead of opening a page that
silently ignores it."""

import pytest

from ui.declared import link_problems
from ui.lessons_content import LESSONS, Link

LINKS = [(lesson.slug, k, link) for lesson in LESSONS for k, link in enumerate(lesson.links)]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("slug", "k", "link"), LINKS, ids=[f"{s}-{k}" for s, k, _ in LINKS])
def test_every_lesson_link_matches_its_pages_declarations(slug, k, link, lang):
    params = {**link.params, **link.params_by_lang.get(lang, {})}
    assert link_problems(link.page, params, lang) == []


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        (Link("gradient-flow", {"fbb": "3.0"}), "declares no setting 'fbb'"),  # a typo in the name
        (Link("gradient-flow", {"fb": "30"}), "fb='30' is refused"),  # outside the declared range
        (Link("train", {"kind": "transformer"}), "kind='transformer' is refused"),  # not an option
        (Link("metrics", {"tp": "nine"}), "tp='nine' is refused"),
        (Link("explorer", {"iv": "f0", "kind": "rnn_tanh"}), "iv='f0' is refused"),  # an RNN has no forget gate
        (Link("explorer", {"mode": "text", "preset": "sine"}), "preset is not drawn"),  # the link's mode hides it
        (Link("explorer", {"tab": "whatiff"}), "tab='whatiff'"),
        (Link("forecast", {"season_sunspots": "11"}), "declares no setting 'season_sunspots'"),  # airline's, not sunspots'
        (Link("gradientflow", {}), "no page /gradientflow"),
    ],
)
def test_a_wrong_link_is_caught(link, problem):
    problems = link_problems(link.page, link.params)
    assert len(problems) == 1 and problem in problems[0], problems


def test_a_per_data_set_setting_follows_the_links_data_set():
    assert link_problems("forecast", {"data": "sunspots", "season_sunspots": "11"}) == []
    assert link_problems("train", {"data": "negation_zh", "n_negation_zh": "500"}) == []


def test_the_classroom_guide_lists_every_lesson_slug():
    """docs/classroom.md tells teachers the slugs to link a lesson with; it had left out the Keras lesson."""
    import re
    from pathlib import Path

    from ui.lessons_content import SLUGS

    guide = (Path(__file__).resolve().parent.parent / "docs" / "classroom.md").read_text()
    listed = re.search(r"\(slugs: (.*?)\)", guide, re.S).group(1)
    assert re.findall(r"`(\w+)`", listed) == list(SLUGS)


def test_classroom_md_names_what_teacher_mode_hides_as_the_declarations_do():
    """docs/classroom.md said teacher mode hides "layers, seeds": /train and /forecast kept their seed in
    view, and /forecast its layers (their advice names them). The guide's lists follow the declarations."""
    from ui import settings
    from ui.declared import DECLARED

    def advanced(slug: str, url: str) -> bool:
        found = [spec.advanced for decl in DECLARED[slug] for _, spec in settings.specs(decl) if spec.url == url]
        assert found, (slug, url)
        return all(found)

    from pathlib import Path

    guide = (Path(__file__).resolve().parent.parent / "docs" / "classroom.md").read_text()
    assert "layers on `/train` and `/explorer`, the seed on `/explorer`,\n  `/gradient-flow` and `/text-pipeline`" in guide
    assert advanced("train", "wd") and advanced("train", "batch") and advanced("forecast", "lr") and not advanced("train", "lr")
    assert "`/train` and `/forecast` keep their seed in view, and `/forecast` its layers" in guide
    assert advanced("train", "layers") and advanced("explorer", "layers") and not advanced("forecast", "layers")
    assert all(advanced(slug, "seed") for slug in ("explorer", "gradient_flow", "text_pipeline"))
    assert not advanced("train", "seed") and not advanced("forecast", "seed")
