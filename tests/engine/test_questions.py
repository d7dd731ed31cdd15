"""The questions asked before the answers: right answers that are right, options that are only
shapes or numbers, and an explanation of its own for each wrong one."""

import re

import numpy as np
import pytest

import jaccore
from jaccore.catalog import EXAMPLES
from jaccore.notation import array_text, shape_text
from jaccore.questions import exercise_entries, gradient_shape, jacobian_shape, partial_value

PAIRS = [pytest.param(slug, wrt, id=f"{slug}-{wrt}") for slug, example in EXAMPLES.items() for wrt in example.wrt]
BARE = re.compile(r"\((?:-?\d+, )*(?:-?\d+,?)?\)|-?\d+(?:\.\d+)?(?:e-?\d+)?")  # a shape or a number, nothing else


def asked(slug: str, wrt: str, lang: str = "en"):
    example = EXAMPLES[slug]
    analysis = jaccore.analyze(example.fn, dict(example.inputs), wrt)
    y, ys, xs = example.output_name, analysis.output.shape, example.inputs[wrt].shape
    return analysis, [
        jacobian_shape(slug, y, wrt, ys, xs, lang),
        gradient_shape(slug, y, wrt, ys, xs, lang),
        partial_value(slug, y, wrt, analysis.jacobian, analysis.output, lang, "the notebook's inputs"),
    ]


@pytest.mark.parametrize(("slug", "wrt"), PAIRS)
def test_right_answers_are_what_tensorflow_returns(slug, wrt):
    analysis, (jacobian, gradient, partial) = asked(slug, wrt)
    assert jacobian.right == shape_text(analysis.jacobian.shape)
    assert gradient.right == shape_text(analysis.gradient.shape)
    entry = re.search(r"∂(\w+)\[([\d,]*)\]/∂(\w+)(?:\[([\d,]*)\])?", partial.prompt)
    index = tuple(int(n) for n in f"{entry[2]},{entry[4] or ''}".split(",") if n)
    assert partial.right == array_text(analysis.jacobian[index]) and float(partial.right) != 0


@pytest.mark.parametrize(("slug", "wrt"), PAIRS)
def test_options_are_bare_distinct_and_each_explained(slug, wrt):
    """At least three options, none of which says what it is; each explanation different; the right
    one's explanation does not call it a mistake."""
    for question in asked(slug, wrt)[1]:
        assert 3 <= len(question.options) <= 4 and len(set(question.options)) == len(question.options)
        assert question.right in question.options
        assert all(BARE.fullmatch(option) for option in question.options), question.options
        explanations = [question.explain(option) for option in question.options]
        assert len(set(explanations)) == len(explanations)
        wrong = [option for option in question.options if option != question.right]
        assert all(question.explain(option).startswith(option) for option in wrong)


def test_each_wrong_answer_names_its_mistake():
    """C = A·B, with respect to A: what each wrong shape is."""
    _, (jacobian, gradient, partial) = asked("matmul", "A")
    assert set(jacobian.options) == {"(2, 2, 2, 2)", "(2, 2)", "(4, 4)"}
    assert "the flat matrix" in jacobian.explain("(4, 4)") and "shape of `C`" in jacobian.explain("(2, 2)")
    assert "whole Jacobian" in gradient.explain("(2, 2, 2, 2)") and "single number" in gradient.explain("()")
    assert "∂C[0,0]/∂A[0,1]" in partial.prompt and partial.right == "7"  # C[0,0] = A[0,0]·B[0,0] + A[0,1]·B[1,0]
    assert "column sum" in partial.explain("15") and "itself" in partial.explain("19")


def test_questions_speak_vietnamese():
    _, questions = asked("matvec", "W", "vi")
    assert questions[0].prompt.startswith("`f` có chiều (3, 1) và `W` có chiều (3, 3)")
    assert "thay đổi" in questions[2].explain(questions[2].right)


def test_exercise_entries_mix_zeros_and_non_zeros():
    jacobian = jaccore.analyze(EXAMPLES["matmul"].fn, dict(EXAMPLES["matmul"].inputs), "A").jacobian
    entries = exercise_entries(jacobian, (2, 2))
    values = [jacobian[i + k] for i, k in entries]
    assert len(entries) == 3 and len(set(entries)) == 3
    assert sum(v == 0 for v in values) == 1 and sum(v != 0 for v in values) == 2
    scalar = exercise_entries(np.array([[2.0]], np.float32), (1,))
    assert scalar == [((0,), (0,))]
