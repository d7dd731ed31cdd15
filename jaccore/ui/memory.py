"""The learner's progress across visits: kept in the learner's browser (localStorage, by memory.js),
never on the server. This session's progress (predicted examples, gradients built, solved exercises)
is sent to the browser on every full run, and in the very run that earns it: a fragment's run (a box
graded as the learner types) does not reach the end of the page, so it writes what it earned itself.
What the browser remembers from earlier visits comes back and joins it.

A reload, a return visit, a server restart or a replica failover: the page asks the browser, and
an example predicted before is shown at once, an exercise solved before stays solved.
"""

import json
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

# Session state: sets of page slugs. The order is the home page's.
PREDICTED, BUILT, SOLVED, SEEN = KINDS = ("progress.predicted", "progress.built", "progress.solved", "progress.seen")
EARNED = "progress.earned"  # session state: this run earned something the browser has not been sent
FORGET = "progress.forget"  # session state: the learner asked to forget, tell the browser once
# Session state: how many times this session forgot. What the browser sends back carries the count
# it was sent with, so a message written before "Forget my progress" is not taken back after it.
GENERATION = "progress.generation"
MAX_REMEMBERED = 64  # slugs per kind taken from the browser: the app has 7 pages to build on
MEMORY = "memory"  # the component's key

memory_component = st.components.v2.component(
    "jacobian_explorer.memory", js=Path(__file__).with_name("memory.js").read_text()
)


def progress(kind: str) -> set[str]:
    return st.session_state.setdefault(kind, set())


def earn(kind: str, slug: str) -> None:
    """Progress earned in this run: this session's at once, and the browser's before the run ends
    (write_earned, at the end of the fragment that graded it; remember, at the end of a full run)."""
    if slug not in progress(kind):
        progress(kind).add(slug)
        st.session_state[EARNED] = True


def write_earned() -> None:
    """At the end of a fragment's run: what it earned, to the browser in this same run. A reload right
    after the last box turns right must find it there."""
    if st.session_state.pop(EARNED, False):
        data = {"progress": json.dumps(known()), "forget": False, "generation": 0, "write_only": True}
        memory_component(data=data, key=f"{MEMORY}.earned", height=0)


def known() -> dict[str, list[str]]:
    return {kind: sorted(progress(kind)) for kind in KINDS}


def take_back() -> None:
    """At the start of a run: what the browser remembers joins this session's progress. (It answers the
    component mounted at the end of the run before: its state is there as soon as it has sent one.)"""
    state = st.session_state.get(MEMORY)
    stored = state.get("stored") if isinstance(state, Mapping) else None
    for kind, slugs in remembered(stored, st.session_state.get(GENERATION, 0)).items():
        progress(kind).update(slugs)


def remember() -> None:
    """At the end of a run: this session's progress, with what the run added, to the browser to keep."""
    st.session_state.pop(EARNED, None)
    forget = bool(st.session_state.pop(FORGET, False))
    data = {"progress": json.dumps(known()), "forget": forget, "generation": st.session_state.get(GENERATION, 0)}
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
