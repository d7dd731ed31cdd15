"""Grading the gradient a learner assembles (jaccore/assembly.py), against the closed-form Jacobians of the
catalog in float64: the right number is right in every box; each typical mistake, computed here from
its own definition, is named; the hints never give a box's total."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jaccore
from jaccore.assembly import Sum, hint, mark, most_hints
from jaccore.catalog import EXAMPLES
from jaccore.notation import element_indices

PAIRS = [(slug, wrt) for slug, example in EXAMPLES.items() for wrt in example.wrt]


def closed_form(slug: str, values: dict, wrt: str) -> np.ndarray:
    return EXAMPLES[slug].closed_form({k: np.asarray(v, np.float64) for k, v in values.items()}, wrt)


def total_at(slug: str, wrt: str, values: dict, v: np.ndarray | None = None, earlier: dict | None = None) -> Sum:
    """The sum a learner assembles, from the closed forms only (no TensorFlow)."""
    example = EXAMPLES[slug]
    jacobian = closed_form(slug, values, wrt)
    y_shape = jacobian.shape[: jacobian.ndim - np.ndim(values[wrt])]
    v = np.ones(y_shape) if v is None else np.asarray(v, np.float64).reshape(y_shape)
    y = np.asarray(jaccore.analyze(example.fn, values, wrt).output, np.float64)
    others = {}
    for name in example.wrt:
        if name != wrt:
            other = closed_form(slug, values, name)
            others[name] = np.tensordot(v, other, axes=v.ndim)
    return Sum(example.output_name, wrt, jacobian, v, y, np.asarray(values[wrt], np.float64), others, earlier or {})


def values_of(slug: str, draw) -> dict:
    example = EXAMPLES[slug]
    steps = st.integers(-8, 8).map(lambda n: n / 2)
    return {name: np.array(draw(st.lists(steps, min_size=value.size, max_size=value.size)), np.float32)
            .reshape(value.shape) for name, value in example.inputs.items()}  # fmt: skip


def grade(total: Sum, k: int, value: float):
    return mark(total, k, repr(value), float(value))


@pytest.mark.parametrize(("slug", "wrt"), PAIRS)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_the_column_sums_are_right_and_the_same_as_the_tape(slug, wrt, data):
    values = values_of(slug, data.draw)
    v = data.draw(st.sampled_from([None, "random"]))
    total = total_at(slug, wrt, values)
    if v is not None:
        v = np.asarray(data.draw(st.lists(st.integers(-3, 3), min_size=total.upstream.size,
                                          max_size=total.upstream.size)), np.float64)  # fmt: skip
        total = total_at(slug, wrt, values, v)
    y_axes = tuple(range(total.upstream.ndim))
    expected = (total.jacobian * total.upstream.reshape(total.upstream.shape + (1,) * values[wrt].ndim)).sum(y_axes)
    np.testing.assert_allclose(total.gradient, expected)
    tape = jaccore.analyze(EXAMPLES[slug].fn, values, wrt, upstream=total.upstream.astype(np.float32)).gradient
    np.testing.assert_allclose(total.gradient, tape, rtol=1e-5, atol=1e-4)
    for k, right in enumerate(expected.ravel()):
        assert grade(total, k, right).right


@pytest.mark.parametrize(("slug", "wrt"), PAIRS)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_each_mistake_is_named_where_its_number_is_not_the_right_one(slug, wrt, data):
    values, start = values_of(slug, data.draw), {k: np.asarray(v) for k, v in EXAMPLES[slug].inputs.items()}
    total0 = total_at(slug, wrt, start)
    weights = np.asarray(data.draw(st.lists(st.integers(-2, 3), min_size=total0.upstream.size,
                                            max_size=total0.upstream.size)), np.float64)  # fmt: skip
    earlier = {"start": total_at(slug, wrt, start, weights).gradient}
    total = total_at(slug, wrt, values, weights, earlier)
    flat = total.jacobian.reshape(weights.size, -1)
    g = (weights @ flat).reshape(values[wrt].shape)
    k = data.draw(st.integers(0, g.size - 1))
    right = g.ravel()[k]
    mistakes = {
        "build.row_sums": (weights[:, None] * flat).sum(axis=1)[k] if k < weights.size else None,
        "build.unweighted": flat[:, k].sum() if np.any(weights != 1) else None,
        "build.weighted_twice": (weights**2) @ flat[:, k] if np.any(weights != 1) else None,
        "build.output_value": total.output.ravel()[k] if k < total.output.size else None,
        "build.input_value": values[wrt].ravel()[k],
        "build.stale_start": earlier["start"].ravel()[k],
        "build.sign": -right,
    }
    if g.ndim == 2:
        a, b = element_indices(g.shape)[k]
        mistakes["build.transposed"] = g[b, a] if a != b and b < g.shape[0] and a < g.shape[1] else None
    for other in total.others.values():
        mistakes["build.other_input"] = other.ravel()[k] if k < other.size else None
    for key, value in mistakes.items():
        if value is not None and abs(value - right) > 5e-3 * max(1.0, abs(right)) * 2:
            assert key in grade(total, k, float(value)).mistakes, (key, value, right)


def test_a_partial_sum_names_the_slices_left_out():
    """C = A·B at the notebook's values: ∇A[0,0] = 5 (∂C[0,0]/∂A) + 6 (∂C[0,1]/∂A). 5 leaves the second out."""
    total = total_at("matmul", "A", dict(EXAMPLES["matmul"].inputs))
    found = grade(total, 0, 5.0)
    assert found.mistakes == ("build.partial",) and dict(found.blanks)["missing"] == "`∂C[0,1]/∂A`"
    assert grade(total, 0, 6.0).mistakes == ("build.partial",)
    assert grade(total, 0, 10.0).mistakes == () and not grade(total, 0, 10.0).right  # no mistake gives 10


def test_two_mistakes_of_one_number_are_named_together():
    """z = x·yᵀ at x = [[1, 2]], y = [[3, 4]], with respect to x: ∇x = y = [[3, 4]]. Typing 1 into the box
    of x[0,0] is the input's own value and also ∇y[0,0] = x[0,0], the other input's gradient: both named."""
    total = total_at("vector_scalar", "x", dict(EXAMPLES["vector_scalar"].inputs))
    assert total.gradient.tolist() == [[3.0, 4.0]]
    assert grade(total, 0, 1.0).mistakes == ("build.input_value", "build.other_input")
    assert grade(total, 0, 7.0).mistakes == ("build.row_sums",)  # 3 + 4, summed within the one slice


@pytest.mark.parametrize(("slug", "wrt"), PAIRS)
def test_hints_never_give_a_box_s_total(slug, wrt):
    total = total_at(slug, wrt, dict(EXAMPLES[slug].inputs))
    for k in range(total.value.size):
        contributing = np.flatnonzero(total.slices[:, k])
        assert hint(total, k, 0) is None
        for level in range(1, most_hints(total, k) + 3):
            found = hint(total, k, level)
            assert list(found.contributing) == list(contributing)
            assert len(found.terms) < max(2, len(contributing))  # all but one term at most
            for i, v_i, entry in found.terms:
                assert v_i * entry == pytest.approx(total.slices[i, k])
