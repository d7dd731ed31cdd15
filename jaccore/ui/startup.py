"""What the entry point does before and right after TensorFlow loads, and what hands a deep link to it.

Importing this module has no effect and loads no TensorFlow: a server's first run must be able
to say that TensorFlow is loading before it loads (seconds). Each effect below is called by
streamlit_app.py (or, for the hand-over, by a page's one call); docs/workarounds.md gives the
measurements behind them, and the tests that guard them.
"""

import contextlib
import functools
import gc
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import streamlit as st

from jaccore.translations import SENTENCES
from jaccore.ui.panel import preload_plotly

__all__ = [
    "configure_page",
    "freeze_imports",
    "hand_over_to_router",
    "leave_the_old_api",
    "loading",
    "navigate",
    "preload_plotly",
    "routed",
    "send_without_delay",
]

ROOT = Path(__file__).resolve().parents[2]  # where streamlit_app.py and pages/ are
_run = threading.local()  # Streamlit runs each session's script in a thread of its own
_navigated = False  # for the whole server, as Streamlit's own switch, which st.navigation turns off for good


def configure_page() -> None:
    # An image: "∂" is no emoji, so the browser asked for /∂ as an icon and got the app's HTML.
    st.set_page_config(page_title="Jacobian Explorer", page_icon=ROOT / "static" / "favicon.png", layout="wide")


def loading(lang: str) -> str:
    return SENTENCES["app.loading"](lang)


@contextlib.contextmanager
def routed() -> Iterator[None]:
    """Marks the page the router runs, in this script run, as routed."""
    _run.routed = True
    try:
        yield
    finally:
        _run.routed = False


def navigate(pages: object, **kwargs: object) -> st.Page:
    """st.navigation, noting that it has run: from then on the old multipage API is off for this server."""
    global _navigated
    _navigated = True
    return st.navigation(pages, **kwargs)


def hand_over_to_router() -> None:
    """A page's first step: if the router did not run it, rerun so that the router does."""
    if not getattr(_run, "routed", False):
        _reroute()


def leave_the_old_api() -> None:
    """The router's first step: before any st.navigation in this server, rerun as below."""
    if not _navigated:
        _reroute()


def _reroute() -> None:
    """Make the router in streamlit_app.py run, even when a server's first visit is a deep link.

    Streamlit treats a pages/ folder as its old multipage API until some script calls
    st.navigation: a server's first run then runs the page's file on its own (no language
    switch, no navigation, no loading message), or runs the router as a page, with the files'
    names listed in the sidebar while TensorFlow loads. Call st.navigation with the old API's
    pages, hidden, so that the file names leave the sidebar and the URL stays, and rerun: from
    then on the router runs, and runs the page.
    """
    pages = [st.Page(f"pages/{path.stem}.py", url_path=path.stem) for path in sorted(ROOT.glob("pages/*.py"))]
    navigate([st.Page("streamlit_app.py", default=True), *pages], position="hidden")
    st.rerun()


@functools.cache
def send_without_delay() -> None:
    """Turn Nagle's algorithm off on the server's TCP sockets: the listening one, whose accepted
    connections inherit it, and the connections already open.

    A slider move ends in a burst of small websocket frames; with Nagle's algorithm on, the last
    one waits for the browser's delayed acknowledgement (~40 ms). asyncio turns it off for every
    connection it accepts, but only for sockets created with IPPROTO_TCP, and the server's
    listening socket (uvicorn's) is created with protocol 0, so its connections keep it on.
    Measured from websocket clients, one session at a time: a slider move's round trip 52 → 21 ms
    on vector_scalar, 56 → 22 ms on matvec (side by side, 40 moves each, two runs).
    """
    for found in gc.get_objects():
        if isinstance(found, socket.socket) and found.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):  # closed, or not a TCP socket
                found.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


@functools.cache
def freeze_imports() -> None:
    """Move what the imports made (TensorFlow's millions of long-lived objects) out of the collector's reach.

    With them in reach, a full garbage collection costs 170–250 ms: Python's own collector runs one
    now and then, and Streamlit after every rerun unless runner.postScriptGC is off (.streamlit/config.toml).
    Once per server, after the imports; no gc.collect() first: on a server's first run it found
    nothing to free (0 unreachable objects) and cost 0.27 s of the wait for the first page.
    """
    gc.freeze()
