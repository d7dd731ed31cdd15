"""The reader's state: the language, and the widgets that live in the URL, every value checked.

The language is chosen once per run, by the router's switch, and kept in the session: every
sentence is looked up with `say`, never passed from function to function. A widget bound to
the URL takes its value from the link; a value it cannot use is replaced by the default, and
the page says so in the reader's language (Streamlit would drop it silently).
"""

import contextlib
import math
import threading
from collections.abc import Callable, Mapping

import numpy as np
import streamlit as st

from jaccore.markup import prose_html
from jaccore.notation import as_matrix, element_indices, index_label, shortest
from jaccore.translations import DEFAULT_LANGUAGE, LANGUAGE_NAMES, SENTENCES, language_from

LANG_KEY = "lang"
PROTECTED = {"embed", "embed_options"}  # Streamlit's own, set by Community Cloud's viewer: never dropped
_run = threading.local()  # this script run's language and URL choices (each session runs in a thread of its own)
_choice_keys: set[str] = set()  # every key url_choice has kept in the URL, on any page


def language() -> str:
    """The reader's language: chosen by the router's switch, read once per script run (a page looks
    up ~200 sentences a run; each read of st.session_state costs ~15 µs)."""
    if getattr(_run, "language", None) is None:
        _run.language = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return _run.language


def say(key: str, /, **blanks: object) -> str:
    """The sentence `key` in the reader's language, its blanks filled."""
    return SENTENCES[key](language(), **blanks)


def choose_language() -> str:
    """The sidebar's language switch: ?lang= first, else the browser's locale, else English.

    Binds the language for this run; a fragment's rerun, which the router does not run, keeps the
    last full run's (the language changes only by this switch, which reruns the whole page).
    """
    default = language_from(None, st.context.locale)
    label = SENTENCES["app.language"](DEFAULT_LANGUAGE)
    _run.language = None
    _run.language = url_choice(st.sidebar.radio, label, LANGUAGE_NAMES, LANG_KEY, default, horizontal=True)
    return _run.language


def begin_run() -> None:
    """The router's first step: start this run's record of the choices kept in the URL."""
    _run.choices = set()


def url_choice(widget: Callable, label: str, options: Mapping[str, str], key: str, default: str, **kwargs) -> str:
    """A radio or selectbox whose choice lives in the URL as ?key=code (never the translated label).

    Streamlit's bind="query-params" would store the label, which changes with the language.
    """
    _choice_keys.add(key)
    getattr(_run, "choices", set()).add(key)
    raw = st.query_params.get(key)
    if st.session_state.get(key) not in options:  # first run, or options changed with the page
        st.session_state[key] = raw if raw in options else default
    if raw is not None and raw not in options:
        st.warning(say("note.bad_choice", key=key, value=raw[:20], options=", ".join(options)), icon="⚠️")
    choice = widget(label, list(options), format_func=options.get, key=key, **kwargs)
    if raw != choice:
        st.query_params[key] = choice
    return choice


def drop_stale_params() -> None:
    """At the end of a page's full run: a URL holds exactly the state on screen.

    A choice that this run did not draw (the input to differentiate, after a formula without it),
    and a parameter that no widget reads, leave the URL. Widgets bound to the URL are Streamlit's:
    it drops their parameters itself when they are no longer drawn.
    """
    drawn = getattr(_run, "choices", set())
    for key in list(st.query_params):
        gone = key in _choice_keys and key not in drawn
        unknown = key not in st.session_state and key not in PROTECTED
        if gone or unknown:
            del st.query_params[key]


def toggles(labels: Mapping[str, str]) -> dict[str, bool]:
    """Switches in a row, each bound to the URL as ?key=true; their values by key."""
    with st.container(horizontal=True, gap="large"):
        return {key: st.toggle(label, key=key, bind="query-params") for key, label in labels.items()}


def slider_key(name: str, index: tuple[int, ...]) -> str:
    """The slider's key and URL parameter: 'A.0.1' for A[0,1], 'a' for a scalar."""
    return ".".join([name, *map(str, index)])


def slider_defaults(inputs: Mapping[str, np.ndarray]) -> dict[str, float]:
    """Every slider's starting value, by key."""
    return {
        slider_key(name, i): shortest(value[i]) for name, value in inputs.items() for i in element_indices(value.shape)
    }


def slider_matrix(name: str, label: str, default: np.ndarray, value_range: tuple, step: float) -> np.ndarray:
    """Sliders arranged as the array is drawn (rows × columns); their values as float32."""
    rows = as_matrix(np.zeros(default.shape)).shape[0]
    indices = element_indices(default.shape)
    per_row = len(indices) // rows
    values = []
    st.html(prose_html(f"**{label}** {tuple(default.shape)}"))
    for r in range(rows):
        # A horizontal container per row of several, not st.columns (and none for a column
        # vector): every container is one more element to send and lay out on each slider move.
        # Not wrapped: a row of the matrix stays a row, its sliders narrower in a narrow column.
        row = st.container(horizontal=True, wrap=False, gap="medium") if per_row > 1 else contextlib.nullcontext()
        with row:
            for index in indices[r * per_row : (r + 1) * per_row]:
                key = slider_key(name, index)
                value = shortest(default[index])
                slider = st.slider(
                    index_label(label, index), *value_range, value=value, step=step, key=key, bind="query-params"
                )
                values.append(slider)
    return np.asarray(values, np.float32).reshape(default.shape)


def reset(defaults: Mapping[str, float]) -> None:
    """The reset button's callback: every slider back to its starting value."""
    for key, value in defaults.items():
        st.session_state[key] = value


def note_bad_url_values(defaults: Mapping[str, float], value_range: tuple) -> None:
    """Streamlit drops a bound URL value it cannot use; say so, in the reader's language."""
    lo, hi = value_range
    for key, default in defaults.items():
        raw = st.query_params.get(key)
        if raw is not None and not _number_in_range(raw, lo, hi):
            shown = raw[:20] + ("…" if len(raw) > 20 else "")
            st.warning(say("note.bad_url", key=key, value=shown, lo=lo, hi=hi, default=default), icon="⚠️")


def _number_in_range(text: str, lo: float, hi: float) -> bool:
    try:
        number = float(text)
    except ValueError:
        return False
    return math.isfinite(number) and lo <= number <= hi
