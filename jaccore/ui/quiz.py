"""The self-check: predict, then reveal; the wrong options are the mistakes learners really make.

The questions are about shapes and meanings, not values: they hold for any slider position, so
they stay outside the fragment that a slider move reruns, and the shapes come from the compiled
graph's signature (nothing is run).
"""

import zlib

import streamlit as st

from jaccore.ui.state import say


def quiz(key: str, question: str, options: list[tuple[object, str]], why: str) -> None:
    """A question (the first option is right) whose answer is marked and explained once picked.

    A wrong option that happens to equal the right one here (a square matrix's transposed
    shape, say) is dropped: it would not be wrong.
    """
    labels: dict[str, bool] = {}
    seen: set = set()
    for n, (value, label) in enumerate(options):
        if value not in seen:
            seen.add(value)
            labels[label] = n == 0
    order = sorted(labels, key=lambda label: zlib.crc32(f"{key}{label}".encode()))  # shuffled, but stable
    picked = st.radio(question, order, index=None, key=key)
    if picked is None:
        return
    if labels[picked]:
        st.success(f"{say('quiz.right')} {why}")
    else:
        st.error(f"{say('quiz.wrong')} {why}")
