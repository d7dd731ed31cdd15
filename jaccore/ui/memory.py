"""The learner's progress across visits: kept in the learner's browser (localStorage, by memory.js),
never on the server. This session's progress (predicted examples, solved exercises) is sent to the
browser on every full run; what the browser remembers from earlier visits comes back and joins it.

A reload, a return visit, a server restart or a replica failover: the page asks the browser, and
an example predicted before is shown at once, an exercise solved before stays solved.
"""

import json
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

KINDS = ("progress.predicted", "progress.solved")  # session state: sets of example slugs
FORGET = "progress.forget"  # session state: the learner asked to forget, tell the browser once
# Session state: how many times this session forgot. What the browser sends back carries the count
# it was sent with, so a message written before "Forget my progress" is not taken back after it.
GENERATION = "progress.generation"
MAX_REMEMBERED = 64  # slugs per kind taken from the browser: the app has 7 examples that ask
MEMORY = "memory"  # the component's key

memory_component = st.components.v2.component(
    "jacobian_explorer.memory", js=Path(__file__).with_name("memory.js").read_text()
)


def progress(kind: str) -> set[str]:
    return st.session_state.setdefault(kind, set())


def take_back() -> None:
    """At the start of a run: what the browser remembers joins this session's progress. (It answers the
    component mounted at the end of the run before: its state is there as soon as it has sent one.)"""
    state = st.session_state.get(MEMORY)
    stored = state.get("stored") if isinstance(state, Mapping) else None
    for kind, slugs in remembered(stored, st.session_state.get(GENERATION, 0)).items():
        progress(kind).update(slugs)


def remember() -> None:
    """At the end of a run: this session's progress, with what the run added, to the browser to keep."""
    known = {kind: sorted(progress(kind)) for kind in KINDS}
    forget = bool(st.session_state.pop(FORGET, False))
    data = {"progress": json.dumps(known), "forget": forget, "generation": st.session_state.get(GENERATION, 0)}
    memory_component(data=data, key=MEMORY, height=0, default={"stored": None}, on_stored_change=lambda: None)


def remembered(stored: object, generation: int) -> dict[str, set[str]]:
    """What the browser sent, as far as it is progress: known kinds, strings, a bounded number. The
    browser is the learner's, and so is what it sends: anything else is ignored."""
    try:
        found = json.loads(stored) if isinstance(stored, str) else None
    except ValueError:
        return {}
    if not isinstance(found, dict) or found.get("generation") != generation:
        return {}
    return {
        kind: {slug for slug in found.get(kind, [])[:MAX_REMEMBERED] if isinstance(slug, str) and len(slug) < 64}
        for kind in KINDS
        if isinstance(found.get(kind), list)
    }


def forget() -> None:
    """The home page's "Forget my progress": this session's, and (at the next run) the browser's."""
    for kind in KINDS:
        st.session_state[kind] = set()
    st.session_state[FORGET] = True
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
