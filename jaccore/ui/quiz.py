"""The self-check: predict, then reveal; the wrong options are the mistakes learners really make.

The questions are about shapes and meanings, not values: they hold for any slider position, so
they stay outside the fragment that a slider move reruns, and the shapes come from the compiled
graph's signature (nothing is run).
"""

import zlib

import numpy as np
import streamlit as st

from jaccore.catalog import Example
from jaccore.engine import InputError, output_shape
from jaccore.notation import index_label
from jaccore.ui.state import say


def render_self_check(example: Example, wrt: str) -> None:
    try:
        ys = output_shape(example.fn, example.inputs, wrt)
    except InputError:
        return  # the live section has said why there is nothing to ask about
    y, x, xs = example.output_name, wrt, tuple(example.inputs[wrt].shape)
    st.subheader(say("quiz.title"))
    shapes = [
        (ys + xs, say("quiz.opt_full", s=ys + xs)),
        (xs + ys, say("quiz.opt_transposed", s=xs + ys)),
        (ys, say("quiz.opt_output_shape", s=ys)),
        (xs, say("quiz.opt_input_shape", s=xs)),
    ]
    why = say("quiz.why_shape", y=y, x=x, ys=ys, xs=xs, js=ys + xs)
    quiz(f"quiz.shape.{example.slug}.{x}", say("quiz.q_shape", y=y, x=x), shapes, why)
    # An option that means the gradient here is not wrong: with one output element, the whole
    # Jacobian and its only slice are the gradient.
    single = int(np.prod(ys)) == 1
    results = [
        ("gradient", say("quiz.opt_sum", x=x, xs=xs, y=y)),
        ("gradient" if single else "jacobian", say("quiz.opt_jacobian", s=ys + xs)),
        ("output", say("quiz.opt_output", y=y, s=ys)),
        ("gradient" if single else "slice", say("quiz.opt_one_slice", first=index_label(y, (0,) * len(ys)), x=x)),
    ]
    quiz(
        f"quiz.gradient.{example.slug}.{x}",
        say("quiz.q_gradient", y=y, x=x),
        results,
        say("quiz.why_gradient", y=y, x=x),
    )


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
