"""Every registered page renders without an exception, in English and in Chinese (AppTest)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import open_page
from ui.site import PAGES as SITE

ROOT = Path(__file__).resolve().parent.parent


PAGES = [(page.file, page.url) for page in SITE]


def test_the_router_registers_every_page_url():
    assert {url for _, url in PAGES} == {
        "",
        "explorer",
        "gradient-flow",
        "train",
        "text-pipeline",
        "metrics",
        "forecast",
        "lessons",
    }
    for path, _ in PAGES:
        assert (ROOT / path).is_file()


def test_router_runs():
    at = AppTest.from_file(str(ROOT / "router.py"), default_timeout=90).run()
    assert not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", [p for p, _ in PAGES])
def test_page_renders(path, lang):
    at = open_page(path, lang=lang)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title, "every page has a title"


def test_hostile_query_values_are_ignored():
    at = open_page("pages/home.py", lang="<script>alert(1)</script>", teacher="x" * 10_000)
    assert not at.exception
    assert at.query_params["lang"] == "en"
