"""AppTest through the real router (router.py), so st.page_link / st.switch_page work as in the app."""

import json
from html.parser import HTMLParser
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.site import PAGES

ROOT = Path(__file__).resolve().parent.parent


def open_page(path: str, timeout: float = 90, session: dict | None = None, **query) -> AppTest:
    """Run router.py, switched to `path` (e.g. "pages/explorer.py"), with query params (e.g. lang="zh")
    and `session` put in the session state first (what another page handed over)."""
    at = AppTest.from_file(str(ROOT / "router.py"), default_timeout=timeout)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    # One run through the router first: before it, AppTest knows pages only by file name, which does
    # not match st.navigation's url paths (gradient-flow vs gradient_flow.py), and ui.page's switch
    # out of Streamlit's pages-folder mode would then rerun into the default page. The query comes
    # after it, as a browser opening the link sends it to the page alone: the home page would have
    # read it as its own (and dropped the names it does not have). The home page is that first run.
    home = path == PAGES[0].file
    if not home:
        at.run()
    for key, value in query.items():
        at.query_params[key] = value if isinstance(value, list) else str(value)  # a list: ?k=1&k=2
    if home:
        return at.run()
    at.switch_page(path)
    return at.run()


def figures(at: AppTest) -> list[dict]:
    """The Plotly figures the page drew (ui.chart), in page order, as dicts."""
    return [
        json.loads(json.loads(c.proto.json)["figure"])
        for c in at.get("bidi_component")
        if c.proto.component_name == "lstm_lab_chart"
    ]


class _Tables(HTMLParser):
    """Every <table> in some HTML, as rows of (tag, text) cells, th and td; the texts in a cell's
    elements joined by a space ("TP 90")."""

    def __init__(self):
        super().__init__()
        self.tables, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = (tag, [])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append((self.cell[0], " ".join(self.cell[1])))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None and data.strip():
            self.cell[1].append(data.strip())


def table_cells(at: AppTest) -> list[list[list[tuple[str, str]]]]:
    """The tables the page drew with st.html, in page order: rows of (tag, text) cells."""
    parser = _Tables()
    for element in at.html:
        parser.feed(element.value)
    return parser.tables


def html_tables(at: AppTest) -> list:
    """The static tables the page drew with st.html (plots.tables.html_table), in page order, as
    DataFrames of the texts shown (strings), headed as the page heads them."""
    import pandas as pd  # here: tests/test_layout.py checks which pages open without pandas, through this module

    return [
        pd.DataFrame([[text for _, text in row] for row in rows[1:]], columns=[text for _, text in rows[0]])
        for rows in table_cells(at)
    ]
