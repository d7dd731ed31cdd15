"""The reader's state for this script run: the language and the page, bound once, not passed around.

The router's language switch binds the language for the run (jaccore/ui/widgets.py); every
sentence is then looked up with `say`. Streamlit runs each session's script in a thread of its own,
so the run's state lives in a thread-local; a fragment's rerun, which the router does not run, keeps
the last full run's (the language and the page change only by a full run).
"""

import threading

import streamlit as st

from jaccore.translations import DEFAULT_LANGUAGE, SENTENCES

LANG_KEY = "lang"
_run = threading.local()


def begin_run() -> None:
    """The router's first step: forget the last run's language, page, choices and sliders."""
    _run.language, _run.page, _run.choices, _run.sliders = None, "", set(), {}


def begin_fragment() -> None:
    """A live section's first step: its panel's answer is of the sliders it draws."""
    _run.sliders = {}


def note_slider(key: str, value: float) -> None:
    """Record that this run drew the slider `key` at `value` (what the panel's answer is computed from)."""
    if not hasattr(_run, "sliders"):
        _run.sliders = {}
    _run.sliders[key] = float(value)


def sliders_drawn() -> dict[str, float]:
    return dict(getattr(_run, "sliders", {}))


def bind_language(lang: str) -> None:
    _run.language = lang


def language() -> str:
    """The reader's language, read once per run (a page looks up ~200 sentences; each read of
    st.session_state costs ~15 µs)."""
    if getattr(_run, "language", None) is None:
        _run.language = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return _run.language


def say(key: str, /, **blanks: object) -> str:
    """The sentence `key` in the reader's language, its blanks filled."""
    return SENTENCES[key](language(), **blanks)


def bind_page(slug: str) -> None:
    _run.page = slug


def page_slug() -> str:
    return getattr(_run, "page", "")


def note_choice(key: str) -> None:
    """Record that this run drew the choice kept in the URL as ?key=."""
    if not hasattr(_run, "choices"):
        _run.choices = set()
    _run.choices.add(key)


def choices_drawn() -> set[str]:
    return getattr(_run, "choices", set())
