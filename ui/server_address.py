"""The page the server sends, with one line added: where the server is.

Streamlit's frontend guesses its server's address from the page's URL. At /explorer it first asks
/explorer/_stcore/health, gets a 404, waits 100 ms and asks /_stcore/health: every open of a page
other than the home page paid that wait (80-150 ms measured, bench/page_open.py). Streamlit reads
the address from `window.__streamlit.BACKEND_BASE_URL` when a page sets it before the frontend's
script, so the HTML page gets a script that sets it: the URL without the app's own page name. It
is worked out in the browser from the URL, so it stays right under a path prefix that a proxy adds
or strips (an Ingress at /lstm-lab/), which the server cannot see.
"""

from __future__ import annotations

import json

from ui.site import PAGES

# the server's path for a page's path: the path without the app's own page name, with a final "/"
PAGE_PATHS = json.dumps([p.url for p in PAGES if p.url])
BASE_PATH = f"""(path) => {{
  const pages = {PAGE_PATHS};
  path = path.replace(/\\/+$/, "");
  const last = path.slice(path.lastIndexOf("/") + 1);
  return pages.includes(last) ? path.slice(0, path.length - last.length) : path + "/";
}}"""
SCRIPT = f"""<script>
window.__streamlit = {{ BACKEND_BASE_URL: location.origin + ({BASE_PATH})(location.pathname), ...window.__streamlit }};
</script>""".encode()


class ServerAddress:
    """ASGI middleware: adds SCRIPT, and `more` (other scripts that must run before Streamlit's
    frontend), at the top of every HTML page the server sends; everything else (scripts, websocket,
    health checks) passes untouched."""

    def __init__(self, app, more: bytes = b""):
        self.app = app
        self.scripts = SCRIPT + more

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not _wants_html(scope):
            return await self.app(scope, receive, send)
        # the page is a few kB: asked for uncompressed, so that it can be edited (a proxy in front
        # compresses what it sends on, deploy/haproxy.cfg)
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]}
        start, body = {}, []

        async def edited(message):
            if message["type"] == "http.response.start":
                if not _is_plain_html(message["headers"]):  # a file the learner downloads: streamed on as it is
                    return await send(message)
                start.update(message)
                return
            if message["type"] != "http.response.body" or not start:
                return await send(message)
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            page, headers = b"".join(body), start["headers"]
            if b"<head>" in page:
                page = page.replace(b"<head>", b"<head>" + self.scripts, 1)
                # the file's validators would let a browser keep a copy made before this edit
                dropped = (b"content-length", b"etag", b"last-modified")
                headers = [(k, v) for k, v in headers if k not in dropped] + [(b"content-length", str(len(page)).encode())]
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, edited)


def _wants_html(scope) -> bool:
    """A browser opening a page (not a script, a health check or a file download)."""
    if scope.get("method") != "GET":
        return False
    accept = dict(scope["headers"]).get(b"accept", b"")
    return b"text/html" in accept


def _is_plain_html(headers) -> bool:
    values = dict(headers)
    return values.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in values
