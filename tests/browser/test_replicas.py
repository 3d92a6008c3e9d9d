"""Two replicas behind HAProxy, started as a teacher would (`bash .ci/lab classroom --replicas 2`):
learners are spread over both, each keeps its session through reruns and a reconnect, and a stopped
replica leaves the rotation while new learners go to the other.

A session is identified by the id the server sends at the start of every script run
(ForwardMsg.new_session.initialize.session_id): the same id after a reconnect means the browser
found its own session, state and all, in the same process."""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import signal
import time
import urllib.request

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.streamlit_server import Classroom, problems, wait_rendered

pytestmark = [
    pytest.mark.browser,
    pytest.mark.alone,  # health checks on a timer: a busy machine would be measured, not the failover
    pytest.mark.skipif(shutil.which("haproxy", path=os.environ.get("PATH", "") + ":/usr/sbin") is None, reason="no haproxy"),
]


@pytest.fixture(scope="module")
def classroom():
    room = Classroom(replicas=2)
    yield room
    room.close()


class Learner:
    """One browser (its own cookies) on /metrics, recording the session id of every script run."""

    def __init__(self, browser, url):
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.page = self.context.new_page()
        self.sessions: list[str] = []
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        self.page.goto(url + "/metrics?lang=en")
        wait_rendered(self.page)

    def _frame(self, payload):
        if isinstance(payload, bytes):
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            if msg.HasField("new_session"):
                self.sessions.append(msg.new_session.initialize.session_id)

    @property
    def replica(self) -> str:
        return next(c["value"] for c in self.context.cookies() if c["name"] == "LSTMLAB")

    def interact(self, value: int):
        """Change the first count on /metrics: a rerun of the page in this learner's session."""
        wait_rendered(self.page)  # connected again, if the websocket had dropped
        box = self.page.locator("input[type='number']").first
        box.fill(str(value))
        box.press("Enter")
        self.page.wait_for_timeout(300)
        wait_rendered(self.page)
        assert box.input_value() == str(value)


def test_scripts_come_compressed_through_haproxy(classroom):
    plotly_js = f"{classroom.url}/app/static/plotly-cartesian.min.js"
    with urllib.request.urlopen(urllib.request.Request(plotly_js, headers={"Accept-Encoding": "gzip"})) as response:
        gzipped = response.read()
        assert response.headers["Content-Encoding"] == "gzip"
    with urllib.request.urlopen(plotly_js) as response:  # a client that cannot unzip gets the plain file
        plain = response.read()
        assert response.headers.get("Content-Encoding") is None
    assert gzip.decompress(gzipped) == plain and len(gzipped) < len(plain) / 3


def test_learners_spread_keep_their_sessions_and_a_stopped_replica_leaves(classroom, browser):
    learners = [Learner(browser, classroom.url) for _ in range(4)]
    try:
        assert {learner.replica for learner in learners} == {"r1", "r2"}, "both replicas take learners"
        first = [learner.sessions[-1] for learner in learners]
        assert len(set(first)) == 4
        for k, learner in enumerate(learners):  # reruns stay in the learner's own session
            learner.interact(40 + k)
            assert learner.sessions[-1] == first[k] and problems(learner.page) == []

        classroom.restart_balancer()  # every websocket drops; each browser reconnects by itself
        for k, learner in enumerate(learners):
            learner.interact(50 + k)
            assert learner.sessions[-1] == first[k], "after a reconnect the browser is back in its own session"
            assert problems(learner.page) == []

        gone = learners[0].replica
        os.kill(classroom.replicas[gone][0], signal.SIGTERM)
        time.sleep(8)  # three failed health checks, two seconds apart, take it out of rotation
        newcomers = [Learner(browser, classroom.url) for _ in range(2)]
        assert {n.replica for n in newcomers} == {"r1", "r2"} - {gone}, "new learners go to the replica still up"
        for n in newcomers:
            assert problems(n.page) == []
            n.context.close()
        stranded = learners[0]  # its replica is gone: the browser reconnects and starts again on the other one
        deadline = time.monotonic() + 60
        while stranded.replica == gone:  # HAProxy rewrites the cookie when it sends the reconnect elsewhere
            assert time.monotonic() < deadline, "the browser of a stopped replica should reconnect to the other"
            stranded.page.wait_for_timeout(500)
        # its next run is a new session there, which opens with the link's settings (a learner's change
        # made during the failover may be replaced by the URL's value); after that the page works as ever
        with contextlib.suppress(AssertionError):
            stranded.interact(60)
        stranded.interact(61)
        assert stranded.sessions[-1] != first[0]
        assert problems(stranded.page) == []
    finally:
        for learner in learners:
            learner.context.close()
