"""What the server accepts from a visitor: only what the app needs (.streamlit/config.toml). No file
uploads (the app takes none), no websocket message of more than a few MB, and one visitor's
oversized message costs that visitor the connection, not the server its memory or its other learners.

Skipped, with the reason in pytest's summary, where Chromium is not installed.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dev.harness import missing_browser, rss_mib, streamlit_server, wait_until_done
from dev.learner import Learner

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

UPLOAD = """async (session) => {
  const token = document.cookie.match(/_streamlit_xsrf=([^;]+)/)[1];
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(1 << 20)]), 'one-megabyte.bin');
  const answer = await fetch(`_stcore/upload_file/${session}/f1`, {method: 'PUT', body: form,
                                                                  headers: {'X-Xsrftoken': token}});
  return answer.status;
}"""


def test_no_file_upload_is_taken(browser, server):
    """A 1 MB upload from a real session, with its XSRF token: refused (Streamlit's default took 200 MB
    each, in memory)."""
    sessions = []

    def listen(socket) -> None:
        def frame(payload) -> None:
            message = ForwardMsg()
            if isinstance(payload, bytes):
                message.ParseFromString(payload)
                if message.WhichOneof("type") == "new_session":
                    sessions.append(message.new_session.initialize.session_id)

        socket.on("framereceived", frame)

    page = browser.new_page()
    page.on("websocket", listen)
    try:
        page.goto(f"{server}/matmul?predict=off")
        wait_until_done(page)
        assert sessions
        assert page.evaluate(UPLOAD, sessions[0]) == 413
    finally:
        page.close()


def test_an_oversized_message_closes_its_own_connection_only():
    """A 20 MB formula typed into the playground: the connection that sent it is closed (1009, message
    too big), the server's memory does not grow, and another learner's move is answered."""

    async def scenario(url: str, pid: int) -> tuple[float, float, list[str]]:
        typist, other = Learner(url, "playground"), Learner(url, "matmul")
        await typist.open()
        await other.open()
        before = rss_mib(pid)
        with pytest.raises(websockets.ConnectionClosedError) as closed:
            await typist.type("expr", "x" * 20_000_000)
        assert closed.value.rcvd.code == 1009
        await other.move()
        await other.close()
        return before, rss_mib(pid), other.exceptions

    with streamlit_server() as (url, process), ThreadPoolExecutor(1) as thread:  # Playwright's loop runs here
        before, after, exceptions = thread.submit(asyncio.run, scenario(url, process.pid)).result()
    assert exceptions == [] and after - before < 20
