"""Predict, then see: a worked example asks before it shows; then a graded exercise; the progress
the home page shows. All of it is this session's state, and the progress is kept in the learner's
browser too (memory.py): nothing about a learner is stored on the server.

On a worked example's first visit in a session, the sliders hold still and the panel stays empty
until the three questions are answered (or "Just show me" turns predictions off for the visit, as
?predict=off does). The value question is asked at the inputs on screen when it was first asked,
and names them: the sliders may move afterwards, the question does not change under the answer.
"""

from collections.abc import Mapping

import numpy as np
import streamlit as st

from jaccore.catalog import Example
from jaccore.codegen import inline_literal
from jaccore.engine import InputError, analyze, output_shape
from jaccore.markup import literal
from jaccore.notation import array_text, element_indices, partial_label
from jaccore.questions import (
    Question,
    close,
    entry_blanks,
    exercise_entries,
    gradient_shape,
    jacobian_shape,
    mistakes_in,
    parse_number,
    partial_value,
)
from jaccore.translations import SENTENCES
from jaccore.ui.memory import PREDICTED, SOLVED, earn, progress
from jaccore.ui.state import language, say
from jaccore.ui.widgets import link_flag

SKIP = "predict.off"  # session: predictions off for the rest of the visit


def predictions_off() -> bool:
    """Off for this visit after "Just show me", or a link with ?predict=off (a teacher's, a test's)."""
    if link_flag("predict", "off"):
        st.session_state[SKIP] = True
    return bool(st.session_state.get(SKIP))


def asking(example: Example, wrt: str) -> bool:
    """Whether the page still waits for this example's predictions (the first visit in a session)."""
    if predictions_off() or example.slug in progress(PREDICTED):
        return False
    keys = [f"predict.{kind}.{example.slug}.{wrt}" for kind in ("jacobian", "gradient", "partial")]
    if all(st.session_state.get(key) is not None for key in keys):
        earn(PREDICTED, example.slug)
        return False
    return True


def skip() -> None:
    st.session_state[SKIP] = True


def inputs_text(values: Mapping[str, np.ndarray]) -> str:
    """'`A = [[1.0, 2.0], [3.0, 4.0]]`, `B = …`': the inputs a question is asked at, as code."""
    return ", ".join(f"`{name} = {inline_literal(value)}`" for name, value in values.items())


def questions(example: Example, wrt: str, values: Mapping[str, np.ndarray]) -> list[Question]:
    analysis = analyze(example.fn, values, wrt)
    y, lang, ys, xs = example.output_name, language(), analysis.output.shape, values[wrt].shape
    others = other_jacobians(example, wrt, values)
    return [
        jacobian_shape(example.slug, y, wrt, ys, xs, lang),
        gradient_shape(example.slug, y, wrt, ys, xs, lang),
        partial_value(example.slug, y, wrt, analysis.jacobian, analysis.output, lang, inputs_text(values), others),
    ]


def other_jacobians(example: Example, wrt: str, values: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The Jacobians with respect to the example's other inputs: differentiating with respect to the
    wrong input is one of the mistakes."""
    return {name: analyze(example.fn, values, name).jacobian for name in example.wrt if name != wrt}


def render_predictions(example: Example, wrt: str, values: Mapping[str, np.ndarray], still_asking: bool) -> None:
    """The three questions: before the answers are shown; afterwards, a recap of the answers given, or
    a self-check when predictions are off."""
    predicted = example.slug in progress(PREDICTED)
    st.header(say("predict.title" if still_asking else "predict.recap" if predicted else "quiz.title"))
    if still_asking:
        st.markdown(say("predict.intro"))
    asked_at = st.session_state.setdefault(f"predict.values.{example.slug}.{wrt}", dict(values))
    for question in questions(example, wrt, asked_at):
        ask(question)
    if still_asking:
        st.button(say("predict.skip"), on_click=skip, help=say("predict.skip_help"), key="predict.skip")


def render_self_check(example: Example, wrt: str) -> None:
    """The two shape questions, on the pages that show their answers at once (the lesson, the playground)."""
    try:
        ys = output_shape(example.fn, example.inputs, wrt)
    except InputError:
        return  # the live section has said why there is nothing to ask about
    y, xs, lang = example.output_name, tuple(example.inputs[wrt].shape), language()
    st.header(say("quiz.title"))
    ask(jacobian_shape(example.slug, y, wrt, ys, xs, lang))
    ask(gradient_shape(example.slug, y, wrt, ys, xs, lang))


def ask(question: Question) -> None:
    """A question whose answer, once picked, is marked and explained: what it means, right or wrong."""
    picked = st.radio(question.prompt, question.options, index=None, key=question.key)
    if picked is None:
        return
    if picked == question.right:
        st.success(f"{say('predict.right')} {question.explain(picked)}")
    else:
        st.error(f"{say('predict.wrong')} {question.explain(picked)}")


# The graded exercise -------------------------------------------------------------------------


Values = Mapping[str, np.ndarray]


def render_exercise(example: Example, wrt: str, values: Values, earlier: Mapping[str, Values]) -> None:
    """Boxes for a few partial derivatives at the inputs the sliders hold now, graded one by one, a
    wrong one told which mistake its number is, if any (a number right at the `earlier` inputs, the
    starting ones or those before the last move, says so). Drawn by the live section: a slider move
    redraws the sentence that names the inputs and grades the boxes again at the new ones."""
    y, slug = example.output_name, example.slug
    analysis = analyze(example.fn, values, wrt)
    # Which entries: fixed by the example's structure at its starting values (a box keeps its meaning).
    defaults = analyze(example.fn, dict(example.inputs), wrt)
    entries = exercise_entries(defaults.jacobian, defaults.output.shape)
    st.header(say("exercise.title"))
    where = tensorflow_index(y, wrt, analysis.output.ndim, values[wrt].ndim)
    st.markdown(say("exercise.intro", inputs=inputs_text(values), y=y, x=wrt, **where))
    key = f"exercise.{slug}.{wrt}"
    with st.form(key=key):
        for n, (i, k) in enumerate(entries):
            st.text_input(partial_label(y, i, wrt, k), key=f"{key}.{n}")
        st.form_submit_button(say("exercise.check"), on_click=remember_checked, args=(key,))
    if st.session_state.get(f"{key}.checked"):
        render_marks(example, wrt, values, entries, key, earlier)


def render_marks(example: Example, wrt: str, values: Values, entries: list, key: str, earlier: Mapping) -> None:
    y, analysis = example.output_name, analyze(example.fn, values, wrt)
    size = analysis.output.size
    before = {when: analyze(example.fn, v, wrt).jacobian.reshape(size, -1) for when, v in earlier.items()}
    reveal = st.toggle(say("exercise.reveal"), key=f"{key}.reveal")
    ys, xs, others = analysis.output.shape, values[wrt].shape, other_jacobians(example, wrt, values)
    flat = analysis.jacobian.reshape(analysis.output.size, -1)
    flats = {name: jacobian.reshape(analysis.output.size, -1) for name, jacobian in others.items()}
    marks = []
    for n, (r, c) in enumerate(flat_positions(entries, ys, xs)):
        blanks = entry_blanks(y, wrt, ys, xs, r, c, others)
        typed = st.session_state.get(f"{key}.{n}", "")
        marks.append(grade(typed, flat, analysis.output, (r, c), flats, before, reveal, blanks))
    lines = [f"- `{partial_label(y, i, wrt, k)}`: {mark}" for (i, k), (mark, _) in zip(entries, marks, strict=True)]
    correct = sum(ok for _, ok in marks)
    if correct == len(entries):
        earn(SOLVED, example.slug)
        st.success("\n".join(lines) + "\n\n" + say("exercise.solved", n=len(entries)))
    else:
        st.warning("\n".join(lines) + "\n\n" + say("exercise.score", right=correct, n=len(entries)))


def flat_positions(entries: list, ys: tuple, xs: tuple) -> list[tuple[int, int]]:
    """Each entry (i, k) as its row and column in the flat Jacobian (row-major)."""
    rows, cols = element_indices(ys), element_indices(xs)
    return [(rows.index(tuple(i)), cols.index(tuple(k))) for i, k in entries]


def tensorflow_index(y: str, x: str, y_ndim: int, x_ndim: int) -> dict[str, str]:
    """How TensorFlow indexes an entry with all of its axes, the output's first: ∂C[i,j]/∂A[k,l] is
    jacobian_A[i, j, k, l]; ∂y[i]/∂x[k] is jacobian_x[i, k]; ∂y/∂x[k] is jacobian_x[k]."""
    letters = "ijklmnpqrs"
    out, inp = letters[:y_ndim], letters[y_ndim : y_ndim + x_ndim]
    return dict(entry=partial_label(y, tuple(out), x, tuple(inp)), at=f"jacobian_{x}[{', '.join(out + inp)}]")


def remember_checked(key: str) -> None:
    """The marks stay once asked for: a later rerun (the reveal switch) must not hide them."""
    st.session_state[f"{key}.checked"] = True


def grade(
    typed: str,
    flat: np.ndarray,
    output: np.ndarray,
    at: tuple[int, int],
    flats: Mapping,
    earlier: Mapping,
    reveal: bool,
    blanks: dict,
) -> tuple[str, bool]:
    """The mark for one box (the flat Jacobian's entry `at`), and whether it is right (to three
    decimals); a wrong number is told which mistake it is, if it is one, and where to look."""
    if not typed.strip():
        return say("exercise.blank"), False
    value = parse_number(typed)
    if value is None:
        return say("exercise.not_a_number", text=literal(typed, limit=40)), False
    right = float(flat[at])
    if close(value, right):
        return say("exercise.right"), True
    lang, shown = language(), array_text(value)
    mistakes = mistakes_in(value, flat, output, *at, flats, earlier)
    why = " ".join(SENTENCES[m](lang, s=shown, **blanks) for m in mistakes)
    answer = f" — {say('exercise.answer', value=array_text(right))}" if reveal else ""
    return f"{say('exercise.wrong')}{answer}. {why} {say('exercise.hint', **blanks)}".strip(), False
