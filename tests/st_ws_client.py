"""A light Streamlit client: speaks the app's own websocket protocol (`/_stcore/stream`, protobuf
BackMsg / ForwardMsg from the streamlit package) without a browser, so one process can play dozens
of learners. Used by the load and soak benchmarks (bench/) and by the isolation and load tests.

What it does per session, as the browser's frontend does:
- connect, then send `rerun_script` with the page's URL path (`page_name`) and query string;
- read ForwardMsgs: deltas (the elements drawn, widgets among them), `page_info_changed` (the
  query string the page wrote), `navigation` (the page's script hash, sent back on later reruns),
  `auto_rerun` (a fragment that polls, e.g. a training progress view: re-requested every
  `interval` seconds while the session is idle), `script_finished`;
- interact: send a rerun with every widget value it has set so far plus the changed one (the
  frontend sends them all), a button click being a one-shot `trigger_value`.

A session's `run()` returns when the full script run it started has finished, with the latency
from sending to `script_finished` and the exception elements (`Delta.new_element.exception`)
drawn during that run.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

FINISHED_OK = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
FINISHED_FRAGMENT = ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
WIDGET_TYPES = {
    "slider",
    "selectbox",
    "radio",
    "number_input",
    "text_input",
    "text_area",
    "checkbox",
    "button",
    "button_group",
    "multiselect",
}


@dataclass
class Widget:
    id: str  # Streamlit's widget id; ends with the widget's user key ("...-explorer:seed")
    kind: str  # element type: "slider", "selectbox", ...
    proto: object  # the element's protobuf message (options, min/max, step, ...)
    fragment_id: str = ""  # the st.fragment it sits in: the browser reruns only that fragment

    @property
    def key(self) -> str:
        """The user key given to the widget (st.slider(key=...)), or "" if it has none."""
        parts = self.id.split("-", 2)
        return parts[2] if self.id.startswith("$$ID") and len(parts) == 3 else ""


@dataclass
class RunResult:
    latency: float  # seconds from sending the rerun to its script_finished
    status: int | None  # ForwardMsg.ScriptFinishedStatus, None on timeout/disconnect
    exceptions: list = field(default_factory=list)  # messages of exception elements drawn
    error_alerts: list = field(default_factory=list)  # st.error boxes (learner-facing, not failures)
    timed_out: bool = False
    disconnected: bool = False
    page_not_found: bool = False

    @property
    def ok(self) -> bool:
        return self.status in (FINISHED_OK, FINISHED_FRAGMENT) and not self.exceptions and not self.page_not_found


class Session:
    """One learner. Use as `async with Session(base_url, "explorer", {"lang": "zh"}) as s: await s.run()`."""

    def __init__(self, base_url: str, page: str = "", query: dict | str | None = None, poll_fragments: bool = True):
        self.base_url = base_url.rstrip("/")
        self.page_name = page.strip("/")
        self.query_string = query if isinstance(query, str) else urlencode(query or {})
        self.page_script_hash = ""
        self.poll_fragments = poll_fragments
        self.widgets: dict[str, Widget] = {}  # id -> widget drawn in the latest run
        self.texts: list[str] = []  # markdown/headings/alerts drawn in the latest full run
        self.elements: list = []  # (delta path, element type, proto) drawn in the latest full run
        self.all_exceptions: list[str] = []  # every exception element ever seen (fragments too)
        self.idle_exceptions: list[str] = []  # drawn by a fragment's run between interactions
        self.page_not_found = False
        self.fragment_runs = 0
        self._states: dict[str, WidgetState] = {}  # every value this session has set
        self._ws = None
        self._reader = None
        self._poller = None
        self._pending: asyncio.Future | None = None
        self._current: RunResult | None = None
        self._sent_at = 0.0
        self._auto_reruns: dict[str, float] = {}  # fragment id -> interval (s)
        self._pending_fragment = ""  # the fragment the pending interaction reruns ("" = the page)
        self._idle = asyncio.Event()
        self._idle.set()
        self.closed = False

    # --- connection ---------------------------------------------------------------------------

    async def __aenter__(self):
        await self.connect()
        return self

    async def __aexit__(self, *exc):
        await self.close()

    async def connect(self):
        parts = urlsplit(self.base_url)
        url = f"ws://{parts.netloc}{parts.path}/_stcore/stream"
        self._ws = await connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=30, ping_interval=None)
        self._reader = asyncio.create_task(self._read())
        if self.poll_fragments:
            self._poller = asyncio.create_task(self._poll())

    async def close(self):
        """Close the websocket as a browser tab does."""
        self.closed = True
        for task in (self._poller,):
            if task:
                task.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._reader:
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(self._reader, 5)

    # --- interactions -------------------------------------------------------------------------

    async def run(self, changes: dict | None = None, timeout: float = 30.0, page: str | None = None) -> RunResult:
        """Rerun the script, as after a widget change (or a first visit/navigation when `page`)."""
        await self._idle.wait()
        self._idle.clear()
        if page is not None:
            self.page_name, self.page_script_hash = page.strip("/"), ""
            self._states.clear()
            self._auto_reruns.clear()
        for state in (changes or {}).values():
            self._states[state.id] = state
        # as the browser does: a change to widgets of one fragment reruns only that fragment
        fragments = {self.widgets[i].fragment_id if i in self.widgets else "" for i in (changes or {})}
        fragment = fragments.pop() if len(fragments) == 1 and page is None else ""
        msg = BackMsg()
        client_state = msg.rerun_script
        client_state.query_string = self.query_string
        client_state.page_script_hash = self.page_script_hash
        client_state.page_name = "" if self.page_script_hash else self.page_name
        client_state.fragment_id = fragment
        client_state.widget_states.widgets.extend(self._states.values())
        # a button click is one-shot: the browser sends it once, then it is false again
        self._states = {k: v for k, v in self._states.items() if v.WhichOneof("value") != "trigger_value"}
        loop = asyncio.get_running_loop()
        self._pending = loop.create_future()
        self._pending_fragment = fragment
        self._current = RunResult(latency=0.0, status=None)
        self.elements, self.texts, new_widgets = [], [], {}
        self._run_widgets = new_widgets
        self._sent_at = time.perf_counter()
        try:
            await self._ws.send(msg.SerializeToString())
            result = await asyncio.wait_for(asyncio.shield(self._pending), timeout)
        except TimeoutError:
            result = self._current
            result.timed_out = True
            result.latency = time.perf_counter() - self._sent_at
        except Exception:  # the connection went away (websockets.ConnectionClosed, OSError)
            result = self._current
            result.disconnected = True
            result.latency = time.perf_counter() - self._sent_at
        finally:
            self._pending = None
            self._idle.set()
        if result.status == FINISHED_OK:
            self.widgets = new_widgets
        elif result.status == FINISHED_FRAGMENT:  # the rest of the page stayed as it was
            kept = {k: w for k, w in self.widgets.items() if w.fragment_id != fragment}
            self.widgets = {**kept, **new_widgets}
        return result

    def find(self, key_part: str, kind: str | None = None) -> Widget | None:
        """The first widget whose user key contains `key_part` (and of `kind`, if given)."""
        for widget in self.widgets.values():
            if key_part in widget.key and (kind is None or widget.kind == kind):
                return widget
        return None

    @staticmethod
    def value(widget: Widget, value) -> dict[str, WidgetState]:
        """The WidgetState that sets `widget` to `value` (an option string for choice widgets)."""
        state = WidgetState(id=widget.id)
        if widget.kind == "slider":
            values = value if isinstance(value, list | tuple) else [value]
            state.double_array_value.data.extend(float(v) for v in values)
        elif widget.kind in ("selectbox", "radio", "text_input", "text_area"):
            state.string_value = str(value)
        elif widget.kind == "number_input":
            state.double_value = float(value)
        elif widget.kind == "checkbox":
            state.bool_value = bool(value)
        elif widget.kind == "button":
            state.trigger_value = True
        elif widget.kind in ("button_group", "multiselect"):
            state.string_array_value.data.extend(value if isinstance(value, list | tuple) else [value])
        else:
            raise ValueError(f"cannot set a {widget.kind}")
        return {widget.id: state}

    async def set(self, widget: Widget, value=None, timeout: float = 30.0) -> RunResult:
        return await self.run(self.value(widget, value), timeout=timeout)

    async def click(self, widget: Widget, timeout: float = 30.0) -> RunResult:
        return await self.run(self.value(widget, True), timeout=timeout)

    # --- reading the server's messages --------------------------------------------------------

    async def _read(self):
        try:
            async for data in self._ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        except Exception:  # connection closed or broken: pending runs see it as a disconnect
            pass
        finally:
            if self._pending is not None and not self._pending.done():
                self._pending.set_exception(ConnectionError("websocket closed"))

    def _handle(self, msg: ForwardMsg):
        kind = msg.WhichOneof("type")
        if kind == "delta":
            self._handle_delta(msg)
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "navigation":
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "auto_rerun":
            self._auto_reruns[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
        elif kind == "page_not_found":
            self.page_not_found = True
            if self._current is not None:
                self._current.page_not_found = True
        elif kind == "stop_auto_rerun":
            self._auto_reruns.clear()
        elif kind == "script_finished":
            status = msg.script_finished
            waiting = self._pending is not None and not self._pending.done()
            if status == FINISHED_FRAGMENT and not (waiting and self._pending_fragment):
                self.fragment_runs += 1
            elif waiting and (status == FINISHED_OK or (status == FINISHED_FRAGMENT and self._pending_fragment)):
                self._current.status = status
                self._current.latency = time.perf_counter() - self._sent_at
                self._pending.set_result(self._current)

    def _handle_delta(self, msg: ForwardMsg):
        delta = msg.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        etype = element.WhichOneof("type")
        path = tuple(msg.metadata.delta_path)
        if etype == "exception":
            text = f"{element.exception.type}: {element.exception.message}"
            self.all_exceptions.append(text)
            if self._pending is not None:
                self._current.exceptions.append(text)
            else:
                self.idle_exceptions.append(text)
        if self._pending is None:  # a fragment's run between interactions
            if etype in WIDGET_TYPES:
                proto = getattr(element, etype)
                self.widgets[proto.id] = Widget(proto.id, etype, proto, delta.fragment_id)
            return
        self.elements.append((path, etype, element))
        if etype in WIDGET_TYPES:
            proto = getattr(element, etype)
            self._run_widgets[proto.id] = Widget(proto.id, etype, proto, delta.fragment_id)
        elif etype == "markdown":
            self.texts.append(element.markdown.body)
        elif etype == "heading":
            self.texts.append(element.heading.body)
        elif etype == "alert":
            self.texts.append(element.alert.body)
            if element.alert.format == 1:  # Alert.Format.ERROR
                self._current.error_alerts.append(element.alert.body)

    async def _poll(self):
        """Re-run fragments that asked for it (st.fragment(run_every=...)), as the browser does."""
        last: dict[str, float] = {}
        while not self.closed:
            await asyncio.sleep(0.1)
            if not self._auto_reruns or not self._idle.is_set():
                continue
            now = time.monotonic()
            for fragment_id, interval in list(self._auto_reruns.items()):
                if now - last.get(fragment_id, 0.0) < interval:
                    continue
                last[fragment_id] = now
                msg = BackMsg()
                client_state = msg.rerun_script
                client_state.query_string = self.query_string
                client_state.page_script_hash = self.page_script_hash
                client_state.fragment_id = fragment_id
                client_state.is_auto_rerun = True
                client_state.widget_states.widgets.extend(self._states.values())
                try:
                    await self._ws.send(msg.SerializeToString())
                except Exception:
                    return


def run_async(coro):
    """asyncio.run(coro), also from a thread whose event loop is already running (pytest runs these
    after the Playwright tests, whose sync API keeps a loop running in the main thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    result = {}

    def work():
        try:
            result["value"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            result["error"] = exc

    thread = threading.Thread(target=work, name="asyncio-runner")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]
