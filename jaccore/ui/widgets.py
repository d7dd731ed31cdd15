"""Widgets that live in the URL, every value a link gives them checked first.

A link is input like any other: before a widget bound to ?key= is first drawn in a session, a
value it cannot take leaves the URL, and a repeated parameter keeps its first value, each with a
note in the reader's language (Streamlit would drop the first silently, keep the second silently,
or fail on seed=inf). Text from the link is shown as a literal, never as Markdown. A link holds
exactly the state on screen: what no widget of the page reads leaves it at the end of the run.

Keys live in two namespaces that cannot meet: an input's sliders are its name followed by a dot
and its index ('A.0.1', and 'a.' for a scalar), the page's own widgets are words ('lang', 'wrt',
'seed') or words with words ('shape.x', 'quiz.shape.…'). An input's name cannot reach them.
"""

import contextlib
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import numpy as np
import streamlit as st

from jaccore.markup import literal, prose_html
from jaccore.notation import as_matrix, element_indices, index_label, shortest
from jaccore.translations import DEFAULT_LANGUAGE, LANGUAGE_NAMES, SENTENCES, language_from
from jaccore.ui.state import LANG_KEY, bind_language, choices_drawn, note_choice, note_slider, say

if TYPE_CHECKING:  # the router imports this module before TensorFlow, which the table of pages loads
    from jaccore.sitemap import Page

PROTECTED = {"embed", "embed_options"}  # Streamlit's own, set by Community Cloud's viewer: never dropped
NAMED_NOTES = 5  # parameters a note names; the rest it counts ("and 990 more")


def warn(sentence: str, /, **blanks: object) -> None:
    st.warning(say(sentence, **blanks), icon="⚠️")


def from_link(key: str) -> list[str]:
    """What the link gives ?key=, when the widget bound to it is about to be drawn for the first time
    in this session; [] afterwards (Streamlit holds the parameter then)."""
    return [] if key in st.session_state else st.query_params.get_all(key)


def note_link(key: str, given: list[str], shown: object, parse: Callable[[str], object], why: str, **blanks) -> None:
    """After a widget's first drawing: when it does not show what the link gave, say so, with the
    sentence `why` ({key}, {value}, {shown} and `blanks`). Streamlit replaces a value it cannot take
    silently, and of repeated values keeps one, or none: the note says what the widget shows."""
    if len(given) > 1:
        values = ", ".join(literal(value, limit=20) for value in given[:3])
        warn("note.repeated", key=literal(key), values=values, shown=literal(str(shown)))
        return
    try:
        agrees = bool(given) and parse(given[0]) == shown
    except (ValueError, OverflowError):
        agrees = False
    if given and not agrees:
        warn(why, key=literal(key), value=literal(given[0]), shown=literal(str(shown)), **blanks)


# The page's <html lang> follows the chosen language (Streamlit writes lang="en" once), so that a
# screen reader speaks Vietnamese text with a Vietnamese voice.
_mark_language = st.components.v2.component(
    "jacobian_explorer.lang", js="export default ({ data }) => { document.documentElement.lang = data.lang; };"
)


def choose_language() -> str:
    """The sidebar's language switch: ?lang= first, else the browser's locale, else English.

    Binds the language for this run (jaccore/ui/state.py).
    """
    default = language_from(None, st.context.locale)
    label = SENTENCES["app.language"](DEFAULT_LANGUAGE)
    lang = url_choice(st.sidebar.radio, label, LANGUAGE_NAMES, LANG_KEY, default, horizontal=True)
    bind_language(lang)
    _mark_language(data={"lang": lang}, key="lang.mark", height=0)
    return lang


def url_choice(widget: Callable, label: str, options: Mapping[str, str], key: str, default: str, **kwargs) -> str:
    """A radio or selectbox whose choice lives in the URL as ?key=code (never the translated label).

    Streamlit's bind="query-params" would store the label, which changes with the language.
    """
    note_choice(key)
    given, raw = from_link(key), st.query_params.get(key)
    if st.session_state.get(key) not in options:  # first run, or options changed with the page
        st.session_state[key] = raw if raw in options else default
    choice = widget(label, list(options), format_func=options.get, key=key, **kwargs)
    note_link(key, given, choice, str, "note.bad_choice", options=", ".join(options))
    if raw != choice:
        st.query_params[key] = choice
    return choice


def keep_what_the_page_reads(page: "Page", notes) -> None:  # notes: a container at the top of the page
    """Before the page draws: the link's parameters that the page does not read (its declaration in
    jaccore/sitemap.py) leave the URL, with one note that names a few and counts the rest.

    The URL is rewritten once: a link may hold a thousand parameters, and each change of
    st.query_params sends the whole URL back. On a session's first run no widget is bound to the
    URL yet, so it can be rewritten whole; later runs (the app's own links) remove theirs one by one.
    """
    unknown = [key for key in st.query_params if not page.reads(key)]
    if not unknown:
        return
    kept = {key: st.query_params.get_all(key) for key in st.query_params if page.reads(key) and key not in PROTECTED}
    bound = [key for key in kept if key in st.session_state and not page.param(key).kept_by_the_app]
    if bound:  # Streamlit refuses to rewrite what its widgets are bound to
        for key in unknown:
            del st.query_params[key]
    else:
        st.query_params.from_dict(kept)
    named = ", ".join(literal(key) for key in unknown[:NAMED_NOTES])
    more = say("note.more", n=len(unknown) - NAMED_NOTES) if len(unknown) > NAMED_NOTES else ""
    notes.warning(say("note.unknown" if len(unknown) == 1 else "note.unknowns", keys=named, more=more), icon="⚠️")


def drop_stale_choices(page: "Page") -> None:
    """At the end of a page's full run: a URL holds exactly the state on screen. A choice that this
    run did not draw (the input to differentiate, after a formula without it) leaves the URL. Widgets
    bound to the URL are Streamlit's: it drops their parameters itself when they are no longer drawn."""
    drawn = choices_drawn()
    for key in list(st.query_params):
        param = page.param(key)
        if param and param.kept_by_the_app and key not in drawn and key not in PROTECTED:
            del st.query_params[key]


def link_flag(key: str, value: str) -> bool:
    """Whether the link says ?key=value, a switch no widget draws (?predict=off). Kept in the URL
    while the page reads it; any other value leaves it, with a note."""
    note_choice(key)
    given = st.query_params.get_all(key)
    if not given:
        return False
    if given != [value]:
        warn("note.bad_flag", key=literal(key), value=literal(given[0]), only=literal(value))
        del st.query_params[key]
        return False
    return True


def toggles(labels: Mapping[str, str]) -> dict[str, bool]:
    """Switches in a row, each bound to the URL as ?key=true; their values by key."""
    given = {key: from_link(key) for key in labels}
    with st.container(horizontal=True, gap="large"):
        shown = {key: st.toggle(label, key=key, bind="query-params") for key, label in labels.items()}
    for key, value in shown.items():
        note_link(key, given[key], value, switch, "note.bad_switch")
    return shown


def switch(text: str) -> bool:
    """A switch's value in a link, as Streamlit reads it: true or false, in any case."""
    if text.lower() not in ("true", "false"):
        raise ValueError(text)
    return text.lower() == "true"


def text_input(label: str, default: str, key: str, **kwargs: object) -> str:
    """A text box bound to the URL: any text is taken (what reads it says what is wrong with it)."""
    given = from_link(key)
    text = st.text_input(label, default, key=key, bind="query-params", **kwargs)
    note_link(key, given, text, str, "note.repeated")
    return text


WHOLE = re.compile(r"[0-9]{1,6}")  # ASCII digits only: str.isdigit() takes ² and ①, int() refuses them


def whole_number_input(
    label: str, key: str, lo: int, hi: int, start: int | None = None, widget: Callable = st.number_input, **kwargs
) -> int:
    """A whole number from lo to hi (`start`, else lo, to start with) in a number box or a slider
    (`widget`), kept in the URL as ?key=n while it is not the start.

    Bound by hand, like url_choice: Streamlit's own binding fails on a link's seed=inf
    (OverflowError inside its parser) before the page can say anything. The link's value is the
    widget's default on its first drawing in a session, not its state: after a server restart, the
    value the browser holds (a move the old server never saw) is the one the new session takes.
    """
    start = lo if start is None else start
    note_choice(key)
    given = from_link(key)
    if key not in st.session_state:
        fits = given and WHOLE.fullmatch(given[0]) and lo <= int(given[0]) <= hi
        kwargs["value"] = int(given[0]) if fits else start
    number = int(widget(label, lo, hi, key=key, **kwargs))
    if widget is st.slider:
        note_slider(key, number)
    note_link(key, given, number, int, "note.bad_whole", lo=lo, hi=hi)
    if number != start:
        st.query_params[key] = str(number)
    elif key in st.query_params:
        del st.query_params[key]
    return number


def slider_key(name: str, index: tuple[int, ...]) -> str:
    """The slider's key and URL parameter: 'A.0.1' for A[0,1], 'a.' for a scalar (see above)."""
    return name + "." + ".".join(map(str, index))


def slider_defaults(inputs: Mapping[str, np.ndarray]) -> dict[str, float]:
    """Every slider's starting value, by key."""
    return {
        slider_key(name, i): shortest(value[i]) for name, value in inputs.items() for i in element_indices(value.shape)
    }


def slider_matrix(
    name: str, label: str, default: np.ndarray, value_range: tuple, step: float, disabled: bool = False
) -> np.ndarray:
    """Sliders arranged as the array is drawn (rows × columns); their values as float32."""
    given = {key: from_link(key) for key in slider_defaults({name: default})}
    rows = as_matrix(np.zeros(default.shape)).shape[0]
    indices = element_indices(default.shape)
    per_row = len(indices) // rows
    values = []
    st.html(prose_html(f"**{label}** {tuple(default.shape)}"))
    for r in range(rows):
        # A container per row of several, not st.columns (none for a column vector): each is one more
        # element to send on a move. A row stays a row, its sliders narrower; only where even the
        # narrowest do not fit (12 on a phone) does it wrap, never clip (markup.css: st-key-jx-row-…).
        row = contextlib.nullcontext()
        if per_row > 1:
            row = st.container(horizontal=True, wrap=True, gap="small", key=f"jx-row-{name}-{r}")
        with row:
            for index in indices[r * per_row : (r + 1) * per_row]:
                key = slider_key(name, index)
                value = shortest(default[index])
                slider = st.slider(
                    index_label(label, index),
                    *value_range,
                    value=value,
                    step=step,
                    key=key,
                    bind="query-params",
                    disabled=disabled,
                )
                values.append(slider)
                note_slider(key, slider)
    for key, value in zip(given, values, strict=True):
        note_link(key, given[key], value, float, "note.bad_url", lo=value_range[0], hi=value_range[1], step=step)
    return np.asarray(values, np.float32).reshape(default.shape)


def reset(defaults: Mapping[str, float]) -> None:
    """The reset button's callback: every slider back to its starting value."""
    for key, value in defaults.items():
        st.session_state[key] = value
