"""A widget reruns only its section (st.fragment), on a real server: what the browser sends after a
change is a rerun of the widget's fragment, and the server answers with that section alone, while the
setting still reaches the link."""

from __future__ import annotations

from urllib.parse import parse_qs

from tests.st_ws_client import FINISHED_FRAGMENT, Session, run_async


async def _moves(base: str):
    async with Session(base, "gradient-flow", {"lang": "zh"}, poll_fragments=False) as session:
        whole = await session.run(timeout=120)
        assert whole.ok
        page_elements = len(session.elements)
        clip = session.find("gradient_flow:clip")
        length = session.find("gradient_flow:T")
        assert clip.fragment_id and length.fragment_id and clip.fragment_id != length.fragment_id

        moved = await session.set(clip, "5.0", timeout=120)
        assert moved.ok and moved.status == FINISHED_FRAGMENT
        assert 0 < len(session.elements) < page_elements / 3  # the clipping section, not the page
        assert parse_qs(session.query_string)["clip"] == ["5.0"]
        assert any("5.0" in text for text in session.texts)  # its caption names the new threshold

        moved = await session.set(length, 40, timeout=120)
        assert moved.ok and moved.status == FINISHED_FRAGMENT
        assert parse_qs(session.query_string)["T"] == ["40"] and parse_qs(session.query_string)["clip"] == ["5.0"]
        assert session.find("gradient_flow:clip") is not None  # the other sections' widgets are still there


def test_a_widget_reruns_only_its_section(app_url):
    run_async(_moves(app_url))
