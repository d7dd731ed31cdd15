"""The error boundary: what a reader sees when something unexpected fails — a sentence, never a traceback.

Every expected failure (a refused formula, shapes that do not fit, a value a link gave that a
widget cannot take) is explained where it happens. This is for the rest: the page, or the live
section a slider move reruns, stops with a short sentence in the reader's language and a link
back to the page's starting values; the traceback goes to the server's log. Streamlit's own
control flow (st.rerun, st.stop) passes through: it is not an Exception.
"""

import contextlib
import datetime
import functools
import html
import logging
from collections.abc import Callable, Iterator

import streamlit as st

from jaccore.ui.memory import write_earned
from jaccore.ui.state import begin_fragment, page_slug, say

log = logging.getLogger("jaccore")


@contextlib.contextmanager
def boundary() -> Iterator[None]:
    try:
        yield
    except Exception:
        slug = page_slug()
        log.exception("page %s failed", slug)
        # A relative link: the page's own URL without its parameters, under any path prefix (a new session).
        back = f'<a href="{html.escape(slug)}" target="_self">{html.escape(say("app.back_to_start"))}</a>'
        st.error(say("app.failed"), icon="🚧")
        st.html(f'<p class="jx-prose">{back}</p>')


def live(function: Callable) -> Callable:
    """st.fragment, its reruns inside the error boundary too (they do not run the page around them),
    and the progress they earn written to the browser before they end (they do not reach the page's end)."""

    @functools.wraps(function)
    def guarded(*args: object, **kwargs: object) -> None:
        begin_fragment()
        with boundary():
            function(*args, **kwargs)
        write_earned()

    return st.fragment(guarded)


@st.fragment(run_every=datetime.timedelta(hours=1))
def rerun_after_a_reconnect() -> None:
    """Draws nothing: its timer is what makes the browser run the whole page again when it reconnects.

    After a server restart or a replica failover the browser reconnects to a new session, which
    knows none of the page's fragments. Streamlit's browser side reruns the whole page on a
    reconnect only when the last run was a fragment's or a fragment reruns on a timer (its
    PR 11890); otherwise the next slider move asks the new session for a fragment it drops without
    a word ("The fragment with id … does not exist anymore"), and the page stops computing. With
    this timer on every page, a reconnect always reruns the page from the widgets the browser
    holds. Once an hour, the timer itself reruns this empty fragment: nothing is sent.
    """
