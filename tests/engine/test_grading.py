"""The puzzles' grading (jaccore/grading.py): every puzzle's formula is right against central finite
differences in float64 (an oracle that shares nothing with the tape), and graded right; every typical
wrong answer is graded wrong with the mistake it is, in both languages; a formula right at the point
shown only is caught."""

import numpy as np
import pytest
import tensorflow as tf

from jaccore.catalog.puzzles import PUZZLES
from jaccore.expression import parse_expression
from jaccore.grading import grade, points
from jaccore.translations import SENTENCES
from tests.oracles import central_differences

WRONG = [(slug, text, key) for slug, puzzle in PUZZLES.items() for text, key in puzzle.wrong.items()]


def oracle(puzzle, values: dict) -> np.ndarray:
    """What the puzzle asks for, by central differences in float64: the Jacobian, the gradient (the
    Jacobian summed over the output axes) or the Hessian (the differences of the gradient, each by
    differences too: the gradient's own closed form is not assumed)."""
    fn = parse_expression(puzzle.function)
    x = puzzle.wrt
    if puzzle.target == "hessian":

        def gradient(**inputs):
            return tf.constant(central_differences(fn, {k: np.asarray(v) for k, v in inputs.items()}, x, step=1e-4))

        return central_differences(gradient, values, x, step=1e-4)
    jacobian = central_differences(fn, values, x)
    y_ndim = jacobian.ndim - np.ndim(values[x])
    return jacobian.sum(axis=tuple(range(y_ndim))) if puzzle.target == "gradient" else jacobian


def evaluated(text: str, puzzle, values: dict) -> np.ndarray:
    formula = parse_expression(text, tuple(puzzle.shapes))
    return np.asarray(formula.evaluate({k: tf.constant(np.asarray(v, np.float64)) for k, v in values.items()}))


def test_at_least_twelve_puzzles_each_with_two_typical_wrong_answers():
    assert len(PUZZLES) >= 12
    assert all(len(puzzle.wrong) >= 2 for puzzle in PUZZLES.values())
    targets = {puzzle.target for puzzle in PUZZLES.values()}
    assert targets == {"jacobian", "gradient", "hessian"}


@pytest.mark.parametrize("slug", list(PUZZLES))
def test_each_puzzle_s_formula_is_right_against_finite_differences_and_graded_right(slug):
    puzzle = PUZZLES[slug]
    for values in points(puzzle):
        expected = oracle(puzzle, values)
        np.testing.assert_allclose(evaluated(puzzle.answer, puzzle, values), expected, rtol=1e-4, atol=1e-4)
    graded = grade(puzzle, puzzle.answer)
    assert graded.solved and not graded.wrong.any()
    np.testing.assert_allclose(graded.right, oracle(puzzle, points(puzzle)[0]), rtol=1e-3, atol=1e-3)


@pytest.mark.parametrize(("slug", "text", "key"), WRONG, ids=[f"{s}-{t}" for s, t, _ in WRONG])
def test_each_typical_wrong_answer_is_told_its_mistake_in_both_languages(slug, text, key):
    """Wrong against the oracle at some point, graded wrong, and told the mistake it is; the sentence
    names the shapes in the layout's terms, in English and in Vietnamese."""
    puzzle = PUZZLES[slug]
    at = points(puzzle)
    wrong_somewhere = any(
        evaluated(text, puzzle, values).shape != oracle(puzzle, values).shape
        or not np.allclose(evaluated(text, puzzle, values), oracle(puzzle, values), rtol=1e-3, atol=1e-3)
        for values in at
    )
    assert wrong_somewhere
    graded = grade(puzzle, text)
    assert not graded.solved and graded.key == key, (graded.key, graded.blanks)
    call = f"tape.{puzzle.target}(y, {puzzle.wrt})"
    rule = SENTENCES[f"puzzle.rule_{puzzle.target}"]("en", **graded.blanks)
    english = SENTENCES[key]("en", call=call, rule=rule, **graded.blanks)
    vietnamese = SENTENCES[key]("vi", call=call, rule=rule, **graded.blanks)
    assert english != vietnamese and "{" not in english + vietnamese
    if key in ("puzzle.input_axes_first", "puzzle.flat", "puzzle.summed", "puzzle.shape"):
        assert graded.blanks["js"] in english and graded.blanks["s"] in english  # both shapes, as tuples


def test_a_formula_right_at_the_point_shown_only_is_right_by_coincidence():
    """The Hessian of xᵀAx is A + Aᵀ; the point shown has A symmetric, where 2A agrees."""
    puzzle = PUZZLES["hessian"]
    shown, *others = points(puzzle)
    np.testing.assert_array_equal(shown["A"], shown["A"].T)
    assert all(not np.allclose(values["A"], values["A"].T) for values in others)
    assert grade(puzzle, "2 * A").key == "puzzle.coincidence"


def test_the_points_are_the_same_for_every_learner_and_the_one_shown_reads_at_a_glance():
    for puzzle in PUZZLES.values():
        first, again = points(puzzle), points(puzzle)
        assert all(np.array_equal(a[name], b[name]) for a, b in zip(first, again, strict=True) for name in a)
        assert all(np.all(np.abs(value) * 2 == np.round(np.abs(value) * 2)) for value in first[0].values())


@pytest.mark.parametrize(
    "text", ["x +", "__import__('os')", "z * x", "x.T", "diag(x, x)", "reshape(x, (7,))", "[x](//e.co)"]
)
def test_an_answer_that_cannot_be_used_is_refused_with_the_parser_s_sentence(text):
    graded = grade(PUZZLES["square"], text)
    assert graded.key == "puzzle.refused" and graded.refusal is not None
    assert graded.refusal.message("vi") != graded.refusal.message("en")
