"""A learner without a browser: Streamlit's own websocket protocol, for load tests and benchmarks.

Opens a session on a page (the BackMsg a browser sends first), reads the sliders from the page's
elements, and moves one the way the browser does: a rerun of the slider's fragment with the
slider's new value. Each move's time is from the message sent to the server's "fragment finished"
— server time, with no browser on the machine's cores. Streamlit's protobuf messages are its
internals: this lives with the tests and benchmarks, never in the app.
"""

import asyncio
import time
import urllib.parse
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Slider:
    id: str
    label: str
    value: float
    low: float
    high: float
    step: float
    fragment_id: str


@dataclass
class Learner:
    """One session on one page of the app at `url` (http://host:port[/prefix])."""

    url: str
    page: str
    query: dict = field(default_factory=lambda: {"predict": "off"})  # the explorer itself, not its questions
    cookie: str = ""  # a load balancer's sticky-session cookie, when there is one
    sliders: list[Slider] = field(default_factory=list)
    text_boxes: dict[str, str] = field(default_factory=dict)  # their URL keys → widget ids
    buttons: dict[str, str] = field(default_factory=dict)  # their keys → widget ids
    exceptions: list[str] = field(default_factory=list)
    panels: int = 0  # live-panel elements received: each full run or slider move draws one
    received: list[int] = field(default_factory=list)  # the size of every message the server sent, in bytes
    _socket: object = None

    async def open(self) -> float:
        """Connect, run the page, and return the seconds until its run finished."""
        address = self.url.replace("http", "ws", 1) + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else None
        self._socket = await websockets.connect(
            address, subprotocols=["streamlit"], additional_headers=headers, max_size=None
        )
        start = time.perf_counter()
        message = BackMsg()
        message.rerun_script.query_string = urllib.parse.urlencode(self.query)
        message.rerun_script.page_name = self.page
        await self._socket.send(message.SerializeToString())
        await self._until_finished()
        return time.perf_counter() - start

    async def move(self, n: int = 0) -> float:
        """Move slider n one step (back and forth), as the browser does; seconds until the server finished."""
        slider = self.sliders[n]
        value = slider.value + slider.step if slider.value + slider.step <= slider.high else slider.value - slider.step
        slider.value = value
        message = BackMsg()
        state = message.rerun_script.widget_states.widgets.add()
        state.id = slider.id
        state.double_array_value.data.append(value)
        message.rerun_script.page_name = self.page
        message.rerun_script.fragment_id = slider.fragment_id
        start = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        await self._until_finished()
        return time.perf_counter() - start

    async def type(self, key: str, text: str) -> float:
        """Type `text` into the text box bound to ?key= (a rerun of the page); seconds until it finished."""
        message = BackMsg()
        state = message.rerun_script.widget_states.widgets.add()
        state.id = self.text_boxes[key]
        state.string_value = text
        message.rerun_script.page_name = self.page
        self.sliders = []  # the page draws its sliders anew (a new formula may have other inputs)
        start = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        await self._until_finished()
        return time.perf_counter() - start

    async def press(self, key: str) -> float:
        """Press the button whose key is `key` (a rerun of the page); seconds until it finished."""
        message = BackMsg()
        state = message.rerun_script.widget_states.widgets.add()
        state.id = self.buttons[key]
        state.trigger_value = True
        message.rerun_script.page_name = self.page
        message.rerun_script.query_string = urllib.parse.urlencode(self.query)
        start = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        await self._until_finished()
        return time.perf_counter() - start

    async def close(self) -> None:
        await self._socket.close()

    async def _until_finished(self) -> None:
        while True:
            raw = await asyncio.wait_for(self._socket.recv(), timeout=120)
            self.received.append(len(raw))
            message = ForwardMsg()
            message.ParseFromString(raw)
            kind = message.WhichOneof("type")
            if kind == "delta":
                self._read(message.delta)
            elif kind == "script_finished" and message.script_finished in DONE:
                return

    def _read(self, delta) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "slider":
            found = element.slider
            known = {s.id: s.value for s in self.sliders}
            # A redrawn slider carries its starting value, not what the learner moved it to.
            value = found.value[0] if found.value and (found.set_value or found.id not in known) else None
            value = known.get(found.id, found.default[0]) if value is None else value
            slider = Slider(found.id, found.label, value, found.min, found.max, found.step, delta.fragment_id)
            self.sliders = [s for s in self.sliders if s.id != found.id] + [slider]
        elif kind == "text_input" and element.text_input.query_param_key:
            self.text_boxes[element.text_input.query_param_key] = element.text_input.id
        elif kind == "button":
            self.buttons[element.button.id.rsplit("-", 1)[-1]] = element.button.id
        elif kind == "exception":
            self.exceptions.append(element.exception.message)
        elif kind == "bidi_component" and element.bidi_component.id.endswith("-panel"):
            self.panels += 1  # the live panel (the page's others: the answer, the memory, the language)
