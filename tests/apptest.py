"""AppTest through the real router (router.py), so st.page_link / st.switch_page work as in the app."""

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def open_page(path: str, timeout: float = 90, **query) -> AppTest:
    """Run router.py, switched to `path` (e.g. "pages/explorer.py"), with query params (e.g. lang="zh")."""
    at = AppTest.from_file(str(ROOT / "router.py"), default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = str(value)
    # One run through the router first: before it, AppTest knows pages only by file name, which does
    # not match st.navigation's url paths (gradient-flow vs gradient_flow.py), and ui.page's switch
    # out of Streamlit's pages-folder mode would then rerun into the default page.
    at.run()
    at.switch_page(path)
    return at.run()


def figures(at: AppTest) -> list[dict]:
    """The Plotly figures the page drew (ui.chart), in page order, as dicts."""
    return [
        json.loads(json.loads(c.proto.json)["figure"])
        for c in at.get("bidi_component")
        if c.proto.component_name == "lstm_lab_chart"
    ]
