"""Switching the language rebuilds the page's widgets in the new language, on a real server (the
websocket client sends what the browser sends), also after a widget has gone from the page.

The KeyError that bench/soak.py met at its 309th interaction (`del st.session_state[...]` on a key the
session listed but could no longer give, in ui.page's language switch) is not reproduced by this
short path; ui.page now pops those keys, and the soak's 500 interactions run without an error."""

from __future__ import annotations

from tests.st_ws_client import Session, run_async
from ui.i18n import translate


async def _switch_after_a_widget_went_away(base: str):
    async with Session(base, "explorer", {"lang": "en", "source": "random"}, poll_fragments=False) as session:
        assert (await session.run(timeout=120)).ok
        assert (await session.set(session.find("explorer:unit"), 3, timeout=120)).ok
        assert (await session.set(session.find("explorer:hidden"), 1, timeout=120)).ok
        assert session.find("explorer:unit") is None  # one unit: no unit slider
        switched = await session.set(session.find("_lang_radio", "radio"), "简体中文", timeout=120)
        assert switched.ok, switched.exceptions
        assert session.find("explorer:hidden").proto.label == translate("explorer.hidden", "zh")
        assert session.find("explorer:hidden").proto.value == [1]  # the setting survives the switch


def test_a_language_switch_after_a_widget_went_away_keeps_the_page(app_url):
    run_async(_switch_after_a_widget_went_away(app_url))
