"""The self-check of the pages beyond the worked examples: predict, then reveal. Each option is a
mistake learners really make, with its own explanation of that mistake; the right one says why.

The questions are about shapes and meanings, not values: they hold for any slider position, so
they stay outside the fragment that a slider move reruns, and the shapes come from the compiled
graph's signature (nothing is run).
"""

import zlib

import streamlit as st

from jaccore.ui.state import say


def quiz(key: str, question: str, options: list[tuple[object, str, str]]) -> None:
    """A question whose options are (value, label, what it means), the right one first; the answer
    picked is marked and explained. Options of one value are one option, its explanation naming every
    meaning (a wrong option that equals the right one here, a square matrix's transposed shape, say,
    is dropped: it would not be wrong)."""
    right_value = options[0][0]
    meanings: dict[str, list[str]] = {}
    for value, label, meaning in options:
        if value == right_value and meanings:
            continue
        shown = next((other for v, other, _ in options if v == value), label)
        meanings.setdefault(shown, []).append(meaning)
    order = sorted(meanings, key=lambda label: zlib.crc32(f"{key}{label}".encode()))  # shuffled, but stable
    picked = st.radio(question, order, index=None, key=key)
    if picked is None:
        return
    why = f" {say('predict.also')} ".join(meanings[picked])
    if picked == options[0][1]:
        st.success(f"{say('quiz.right')} {why}")
    else:
        st.error(f"{say('quiz.wrong')} {why}")
