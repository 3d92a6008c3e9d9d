"""Two replicas behind HAProxy, started as a teacher would (`bash .ci/lab classroom --replicas 2`):
learners are spread over both, each keeps its session through reruns and a reconnect, and a stopped
replica leaves the rotation while new learners go to the other.

A session is identified by the id the server sends at the start of every script run
(ForwardMsg.new_session.initialize.session_id): the same id after a reconnect means the browser
found its own session, state and all, in the same process."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.streamlit_server import ROOT, free_port, problems, wait_rendered

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("haproxy", path=os.environ.get("PATH", "") + ":/usr/sbin") is None, reason="no haproxy"),
]


class Classroom:
    def __init__(self):
        self.port, base = free_port(), free_port()
        env = {**os.environ, "PATH": os.environ.get("PATH", "") + ":/usr/sbin"}
        cmd = ["bash", ".ci/lab", "classroom", "--replicas", "2", "--port", str(self.port), "--base-port", str(base)]
        self.process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, env=env, start_new_session=True)
        self.replicas, self.haproxy = {}, None
        while self.haproxy is None:
            line = self.process.stdout.readline()
            assert line, "the classroom command ended early"
            if m := re.match(r"replica (r\d) pid (\d+) port (\d+)", line):
                self.replicas[m[1]] = (int(m[2]), int(m[3]))
            elif m := re.match(r"haproxy pid (\d+) port \d+ config (\S+)", line):
                self.haproxy, self.config = int(m[1]), Path(m[2])
        self.url = f"http://127.0.0.1:{self.port}"
        for _, port in self.replicas.values():
            _wait_healthy(f"http://127.0.0.1:{port}")
        _wait_healthy(self.url)

    def restart_balancer(self):
        """Stop HAProxy (every websocket drops) and start it again with the same configuration."""
        os.kill(self.haproxy, signal.SIGTERM)
        env = {**os.environ, "LSTM_LAB_BIND": f":{self.port}"}
        time.sleep(0.5)
        self.balancer = subprocess.Popen(["haproxy", "-db", "-f", str(self.config)], env=env, stderr=subprocess.DEVNULL)
        time.sleep(4.5)  # its health checks mark the replicas up again (rise 2, inter 2 s)
        _wait_healthy(self.url)

    def close(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(30)
        if getattr(self, "balancer", None) is not None:
            self.balancer.terminate()
            self.balancer.wait(10)


def _wait_healthy(url, timeout=120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{url} never became healthy"
        time.sleep(0.3)


@pytest.fixture(scope="module")
def classroom():
    room = Classroom()
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
