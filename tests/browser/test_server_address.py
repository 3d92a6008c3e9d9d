"""The page tells Streamlit's frontend where its server is (ui/server_address.py): a page other than
the home page connects at once, without first asking /<page>/_stcore/health and waiting 100 ms."""

import urllib.request

import pytest

from tests.streamlit_server import ROOT, app_server, problems, wait_rendered
from ui.server_address import BASE_PATH

pytestmark = pytest.mark.browser


def stcore_requests(browser, url):
    """Open `url`; return the paths of its requests to Streamlit's own endpoints, in order."""
    page = browser.new_page()
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "_stcore" in r.url else None)
    page.on("websocket", lambda ws: asked.append(ws.url))
    try:
        page.goto(url)
        wait_rendered(page)
        assert problems(page) == []
        assert page.locator("h1").count() >= 1
        return [u.split("://", 1)[1].split("/", 1)[1].split("?")[0] for u in asked]
    finally:
        page.close()


@pytest.mark.parametrize("path", ["/explorer?lang=zh", "/gradient-flow/", "/"])
def test_a_page_connects_at_the_first_address_it_tries(app_url, browser, path):
    asked = stcore_requests(browser, app_url + path)
    assert asked[:3] == ["_stcore/health", "_stcore/host-config", "_stcore/stream"], asked
    assert not [a for a in asked if not a.startswith("_stcore/")], asked  # never /explorer/_stcore/...


def test_under_a_base_url_path_too(browser):
    with app_server(base_path="lab") as server:
        asked = stcore_requests(browser, f"{server.base_url}/lab/metrics?lang=en")
        assert asked[:3] == ["lab/_stcore/health", "lab/_stcore/host-config", "lab/_stcore/stream"], asked


@pytest.mark.parametrize(
    "path, base",
    [
        ("/", "/"),
        ("/explorer", "/"),
        ("/explorer/", "/"),
        ("/lstm-lab", "/lstm-lab/"),  # the home page under a prefix a proxy strips
        ("/lstm-lab/", "/lstm-lab/"),
        ("/lstm-lab/train", "/lstm-lab/"),
        ("/no-such-page", "/no-such-page/"),  # not ours: Streamlit's own guess, then its fallback
    ],
)
def test_the_base_path_of_a_page_path(browser, path, base):
    page = browser.new_page()
    try:
        assert page.evaluate(f"({BASE_PATH})({path!r})") == base
    finally:
        page.close()


def test_only_html_pages_are_edited(app_url):
    """Scripts, health checks and a client that asks for JSON pass untouched; the page gets the script."""
    html = urllib.request.urlopen(urllib.request.Request(app_url + "/train", headers={"Accept": "text/html"})).read()
    assert b"window.__streamlit" in html and html.index(b"window.__streamlit") < html.index(b'type="module"')
    plain = urllib.request.urlopen(urllib.request.Request(app_url + "/train", headers={"Accept": "*/*"})).read()
    assert b"window.__streamlit" not in plain
    assert urllib.request.urlopen(app_url + "/_stcore/health").read() == b"ok"
    # a file opened as a page (a download link): passed on as it is
    asked = urllib.request.Request(app_url + "/app/static/plotly-cartesian.min.js", headers={"Accept": "text/html"})
    script = urllib.request.urlopen(asked)
    assert script.read() == (ROOT / "static" / "plotly-cartesian.min.js").read_bytes()
