"""A random name for the browser, in a cookie the HTML page sets: how the server tells a reloaded tab
from a dropped connection.

A learner who reloads a page mid-training gets a new Streamlit session; the old one's runs went on for
ui/jobs.py's grace period (30 s), waiting for a reconnect that never comes, and on a 2-core server
held its only training slot that long while the next learner's run waited. A dropped connection
resumes its own session; a new session from a browser whose earlier session has just lost its
websocket is a reload, and that session's runs can stop at once (ui/jobs.py). The cookie names
nothing but the browser, lasts as long as the browser does, and is never read by a script.
"""

from __future__ import annotations

import secrets
from http.cookies import SimpleCookie

COOKIE = "lstm_lab_browser"


class BrowserId:
    """ASGI middleware: an HTML page sent to a browser without the cookie sets it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or has_cookie(scope):
            return await self.app(scope, receive, send)

        async def with_cookie(message):
            if message["type"] == "http.response.start" and _is_html(message["headers"]):
                value = f"{COOKIE}={secrets.token_urlsafe(12)}; Path=/; HttpOnly; SameSite=Lax"
                message = {**message, "headers": [*message["headers"], (b"set-cookie", value.encode())]}
            await send(message)

        await self.app(scope, receive, with_cookie)


def has_cookie(scope) -> bool:
    cookies = SimpleCookie()
    for key, value in scope["headers"]:
        if key == b"cookie":
            try:
                cookies.load(value.decode("latin-1"))
            except Exception:  # a malformed Cookie header from elsewhere on the site: set ours again
                return False
    return COOKIE in cookies


def _is_html(headers) -> bool:
    return dict(headers).get(b"content-type", b"").startswith(b"text/html")
