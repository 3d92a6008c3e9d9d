"""The home page: the from-scratch code is sent only while its expander is open."""

import inspect

import pytest

from lstm_core import scratch
from tests.apptest import open_page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_scratch_code_is_sent_when_its_expander_opens(lang):
    at = open_page("pages/home.py", lang=lang)
    assert not at.exception
    assert len(at.code) == 0  # folded: nothing to highlight in the browser
    at.session_state["home:scratch"] = True  # the learner opens it
    at.run()
    assert [c.value for c in at.code] == [inspect.getsource(scratch).strip()]
    assert at.code[0].language == "python"
