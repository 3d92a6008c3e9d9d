"""Start the real app with `streamlit run` on a free loopback port, and open pages in headless
Debian Chromium (Playwright), waiting until Streamlit has finished rendering.

Used by the browser tests and by the benchmarks under bench/."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def app_server(timeout=90, extra_args=(), script="app.py", base_path=""):
    """Yield the base URL of a freshly started app (or of another `script`); stop it afterwards.
    With `base_path`, the app is served under it (server.baseUrlPath); `base_url` is then the origin."""
    port = free_port()
    if base_path:
        extra_args = (*extra_args, "--server.baseUrlPath", base_path)
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        "--client.showErrorDetails", "full", *extra_args,
    ]  # fmt: skip
    artifacts = ROOT / "tests" / "artifacts"
    log = open(artifacts / f"server-{port}.log", "w") if artifacts.is_dir() else subprocess.DEVNULL  # noqa: SIM115
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    health = "/".join(filter(None, [base, base_path, "_stcore/health"]))
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                if urllib.request.urlopen(health, timeout=1).read() == b"ok":
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start (exit code {server.poll()})") from None
                time.sleep(0.3)
        server.base_url = base
        yield server
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def launch_profile(playwright, folder, viewport: dict):
    """A browser with a profile on disk in `folder`, as a learner's own: unlike a context of
    launch_browser (a private window) it keeps V8's code cache between page opens."""
    return playwright.chromium.launch_persistent_context(folder, executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=viewport)


# every chart (ui/chart.js, a custom component) has drawn its SVG: all of them, or only those on the
# screen (ui/chart.js draws the others as they come near it). A component shows a skeleton until its
# code is loaded, and plotly.js loads after that, when the script has long ended.
_CHARTS = """(onScreenOnly) => !document.querySelector("[data-testid='stSkeleton']")
  && [...document.querySelectorAll("[data-testid='stBidiComponentRegular']")].every((c) => {
    const box = c.getBoundingClientRect();
    const off = box.bottom <= 0 || box.top >= innerHeight;
    return (onScreenOnly && off) || c.querySelector(".lab-chart .main-svg");
  })"""
CHARTS_DRAWN = f"() => ({_CHARTS})(false)"
CHARTS_ON_SCREEN = f"() => ({_CHARTS})(true)"
# as printing does: every chart is drawn, now and from then on (ui/chart.js); the flag is set here too,
# as ui/chart.js sets it on that event, for a page whose chart code has not loaded yet
DRAW_ALL = "() => { window.__labDrawAll = true; window.dispatchEvent(new Event('beforeprint')); }"


# Two frames have begun since the call. The app's page script (ui._SCRIPT) names Streamlit's controls
# in the page's language in the frame after they change, before that frame is drawn; a test that read
# the page between a change and that frame found the English names (the number box's "Increment" on
# /explorer in Chinese: 2 of 80 opens on a busy machine, 0 of 80 after this wait).
NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


# The script's state has stayed "notRunning" for `quiet` ms, counted from the call: the run an action
# asks for starts within that, and a run that starts and ends between two looks is still seen (any
# change of the state starts the count again, as does each run of a chain: a rerun, a fragment's).
_QUIET = """([quiet, timeout]) => new Promise((resolve, reject) => {
  const app = document.querySelector("[data-testid='stApp']");
  let count;
  const settle = () => {
    clearTimeout(count);
    if (app.dataset.testScriptState === "notRunning") count = setTimeout(done, quiet);
  };
  const watch = new MutationObserver(settle);
  const stop = () => { watch.disconnect(); clearTimeout(count); reject(new Error("the script kept running")); };
  const limit = setTimeout(stop, timeout);
  const done = () => { watch.disconnect(); clearTimeout(limit); resolve(); };
  watch.observe(app, { attributeFilter: ["data-test-script-state"] });
  settle();
})"""


def wait_rendered(page, timeout=60_000, every_chart=True, quiet=500):
    """Connected, the script has stopped running (and stayed so for `quiet` ms), charts drawn: every
    chart, as printing draws them (the tests read or screenshot the whole page), or with
    `every_chart=False` those on the screen, as a learner sees them; then the next frame begun."""
    for tries in range(3):
        page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
        try:
            page.evaluate(_QUIET, [quiet, timeout])
            break
        except PlaywrightError as exc:  # a link followed a moment ago loaded a new document
            if tries == 2 or "context was destroyed" not in str(exc):
                raise
    if every_chart:
        page.evaluate(DRAW_ALL)
    page.wait_for_function(CHARTS_DRAWN if every_chart else CHARTS_ON_SCREEN, timeout=timeout)
    page.evaluate(NEXT_FRAME)


def open_page(browser_or_context, url, viewport=(1400, 1000)):
    page = browser_or_context.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.goto(url)
    wait_rendered(page)
    return page


def problems(page) -> list[str]:
    """Exception boxes and 'Page not found' dialogs on the page, as text."""
    found = [box.inner_text()[:500] for box in page.locator("[data-testid='stException']").all()]
    if page.get_by_text("Page not found").count():
        found.append("Page not found")
    return found


class Classroom:
    """`bash .ci/lab classroom --replicas N` on free ports: N app replicas behind HAProxy. `url` is
    HAProxy's; `replicas` maps r1, r2, ... to (pid, port); `process` is the command's (its group
    holds them all)."""

    def __init__(self, replicas: int = 2):
        self.port, base = free_port(), free_port()
        self.env = {**os.environ, "PATH": os.environ.get("PATH", "") + ":/usr/sbin"}  # Debian puts haproxy there
        cmd = ["bash", ".ci/lab", "classroom", "--replicas", str(replicas), "--port", str(self.port), "--base-port", str(base)]
        self.process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, env=self.env, start_new_session=True)
        self.replicas, self.haproxy, self.balancer = {}, None, None
        while self.haproxy is None:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("`bash .ci/lab classroom` ended before starting HAProxy")
            if m := re.match(r"replica (r\d) pid (\d+) port (\d+)", line):
                self.replicas[m[1]] = (int(m[2]), int(m[3]))
            elif m := re.match(r"haproxy pid (\d+) port \d+ config (\S+)", line):
                self.haproxy, self.config = int(m[1]), Path(m[2])
        self.url = f"http://127.0.0.1:{self.port}"
        for _, port in self.replicas.values():
            wait_healthy(f"http://127.0.0.1:{port}")
        wait_healthy(self.url)

    def restart_balancer(self):
        """Stop HAProxy (every websocket drops) and start it again with the same configuration."""
        os.kill(self.haproxy, signal.SIGTERM)
        env = {**self.env, "LSTM_LAB_BIND": f":{self.port}"}
        time.sleep(0.5)
        self.balancer = subprocess.Popen(["haproxy", "-db", "-f", str(self.config)], env=env, stderr=subprocess.DEVNULL)
        time.sleep(4.5)  # its health checks mark the replicas up again (rise 2, inter 2 s)
        wait_healthy(self.url)

    def close(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(30)
        if self.balancer is not None:
            self.balancer.terminate()
            self.balancer.wait(10)


def wait_healthy(url, timeout=120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} never became healthy")
        time.sleep(0.3)


def option_position(group, text: str) -> int:
    """Where an option with `text` sits in a radio group as shown (quizzes shuffle their options per
    session): the closest label, since Markdown and KaTeX render their marks in their own way."""
    from difflib import SequenceMatcher

    def plain(value: str) -> str:
        return " ".join(re.sub(r"[*`$\\]|approx", "", value).split())

    shown = [plain(label.inner_text()) for label in group.locator("label").all()]
    return max(range(len(shown)), key=lambda j: SequenceMatcher(None, shown[j], plain(text)).ratio())
