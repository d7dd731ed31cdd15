"""Rows, columns, Hessians and the best linear map, held against closed forms and float64 central
differences: every Jacobian built by either mode is the one tape.jacobian returns."""

import numpy as np
import pytest
import tensorflow as tf
from hypothesis import given, settings
from hypothesis import strategies as st

import jaccore
from jaccore import modes
from jaccore.catalog import HESSIAN_EXAMPLES, LAYER
from jaccore.curvature import hessian, hessian_vector_product
from jaccore.engine import JacobianSizeError
from jaccore.graphs import InputError, trace_count
from jaccore.linear_map import linearization
from tests.oracles import ORACLE_EXAMPLES, central_differences, example_wrt_pairs, random_inputs

RTOL, ATOL = 1e-4, 1e-4
EVERY = {**ORACLE_EXAMPLES, "layer": LAYER}
PAIRS = [*example_wrt_pairs(), *(pytest.param("layer", wrt, id=f"layer-{wrt}") for wrt in LAYER.wrt)]


@pytest.fixture
def rng():
    return np.random.default_rng(17)


@pytest.mark.parametrize("vectorized", [True, False], ids=["pfor", "loop"])
@pytest.mark.parametrize(("slug", "wrt"), PAIRS)
def test_rows_and_columns_are_the_jacobian(slug, wrt, vectorized, rng):
    example = EVERY[slug]
    inputs = random_inputs(example, rng)
    closed = example.closed_form({name: value.astype(np.float64) for name, value in inputs.items()}, wrt)
    by_rows = modes.jacobian_by_rows(example.fn, inputs, wrt, vectorized=vectorized)
    by_columns = modes.jacobian_by_columns(example.fn, inputs, wrt, vectorized=vectorized)
    tape = jaccore.analyze(example.fn, inputs, wrt).jacobian
    for built in (by_rows, by_columns):
        assert built.jacobian.shape == tape.shape
        np.testing.assert_allclose(built.jacobian, closed, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(built.jacobian, tape, rtol=1e-6, atol=1e-6)
    assert by_rows.passes == int(np.prod(by_rows.output_shape)) == tape.size // inputs[wrt].size
    assert by_columns.passes == inputs[wrt].size
    np.testing.assert_allclose(by_rows.rows, central_differences(example.fn, inputs, wrt).reshape(by_rows.passes, -1),
                               rtol=RTOL, atol=ATOL)  # fmt: skip


def test_the_layer_needs_three_rows_or_four_columns():
    by_rows = modes.jacobian_by_rows(LAYER.fn, LAYER.inputs, "x")
    by_columns = modes.jacobian_by_columns(LAYER.fn, LAYER.inputs, "x")
    assert (by_rows.passes, by_columns.passes) == (3, 4)
    assert by_rows.rows.shape == (3, 4)
    w, x = LAYER.inputs["W"].astype(np.float64), LAYER.inputs["x"].astype(np.float64)
    expected = (1 - np.tanh(w @ x) ** 2) * w  # row i = (1 − y[i]²) W[i, :]
    np.testing.assert_allclose(by_rows.rows, expected, rtol=1e-5)
    np.testing.assert_allclose(by_columns.rows, expected, rtol=1e-5)


@pytest.mark.parametrize("slug", list(HESSIAN_EXAMPLES))
def test_hessian_matches_closed_form_and_differences_of_the_gradient(slug, rng):
    example = HESSIAN_EXAMPLES[slug]
    x = rng.uniform(-2, 2, size=3).astype(np.float32)
    h = hessian(example.fn, {"x": x}, "x")
    assert h.shape == (3, 3)
    np.testing.assert_allclose(h, example.closed_form({"x": x.astype(np.float64)}, "x"), rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(h, h.T, atol=1e-5)

    def gradient(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = example.fn(x=x)
        return tape.gradient(y, x)

    np.testing.assert_allclose(h, central_differences(gradient, {"x": x}, "x"), rtol=1e-3, atol=1e-3)


@pytest.mark.parametrize("slug", list(HESSIAN_EXAMPLES))
def test_a_hessian_vector_product_is_h_times_v(slug, rng):
    example = HESSIAN_EXAMPLES[slug]
    x = rng.uniform(-2, 2, size=3).astype(np.float32)
    h = hessian(example.fn, {"x": x}, "x")
    for v in (np.eye(3)[1], rng.normal(size=3)):
        np.testing.assert_allclose(hessian_vector_product(example.fn, {"x": x}, "x", v), h @ v, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(hessian_vector_product(example.fn, {"x": x}, "x", np.eye(3)[2]), h[:, 2], atol=1e-5)


def test_the_hessian_refuses_an_output_with_more_than_one_element():
    with pytest.raises(InputError, match=r"y has shape \(3, 1\).*reduce_sum"):
        hessian(LAYER.fn, LAYER.inputs, "x")
    with pytest.raises(InputError, match=r"y has shape \(3, 1\)"):
        hessian_vector_product(LAYER.fn, LAYER.inputs, "x", np.ones((4, 1)))
    with pytest.raises(InputError, match="must have x's shape"):
        hessian_vector_product(HESSIAN_EXAMPLES["cubic"].fn, {"x": np.ones(3)}, "x", np.ones(2))


def test_the_size_limit_holds_for_every_mode():
    fn = HESSIAN_EXAMPLES["cubic"].fn
    with pytest.raises(JacobianSizeError):
        hessian(fn, {"x": np.ones(3)}, "x", max_elements=8)
    with pytest.raises(JacobianSizeError):
        modes.jacobian_by_rows(LAYER.fn, LAYER.inputs, "W", max_elements=35)
    with pytest.raises(JacobianSizeError):
        modes.jacobian_by_columns(LAYER.fn, LAYER.inputs, "W", max_elements=35)


def test_the_linear_map_error_shrinks_like_t_squared():
    delta = np.array([[1.0], [-0.5], [0.25], [1.0]])
    steps = np.logspace(-4, -1, 7)
    lin = linearization(LAYER.fn, LAYER.inputs, "x", delta, steps)
    assert lin.slope == pytest.approx(2, abs=0.05)
    assert np.all(np.diff(lin.errors) > 0)
    # Against finite differences of its own kind: f(x + tδ) evaluated directly in float64.
    w, x = LAYER.inputs["W"].astype(np.float64), LAYER.inputs["x"].astype(np.float64)
    jacobian = (1 - np.tanh(w @ x) ** 2) * w
    for t, error in zip(steps, lin.errors, strict=True):
        expected = np.abs(np.tanh(w @ (x + t * delta)) - np.tanh(w @ x) - t * jacobian @ delta).max()
        assert error == pytest.approx(expected, rel=1e-6, abs=1e-15)
    np.testing.assert_allclose(lin.directional, jacobian @ delta, rtol=1e-6)


def test_a_linear_function_is_its_own_linear_map():
    example = jaccore.EXAMPLES["matvec"]
    lin = linearization(example.fn, example.inputs, "x", np.ones(example.inputs["x"].shape), [0.01, 0.1, 1.0])
    assert lin.errors.max() < 1e-12
    assert np.isnan(lin.slope)


def test_new_values_do_not_retrace(rng):
    modes.jacobian_by_rows(LAYER.fn, LAYER.inputs, "x")
    modes.jacobian_by_columns(LAYER.fn, LAYER.inputs, "x")
    before = trace_count()
    for _ in range(5):
        inputs = random_inputs(LAYER, rng)
        modes.jacobian_by_rows(LAYER.fn, inputs, "x")
        modes.jacobian_by_columns(LAYER.fn, inputs, "x")
    assert trace_count() == before


def test_results_are_numpy():
    built = modes.jacobian_by_rows(LAYER.fn, LAYER.inputs, "x")
    lin = linearization(LAYER.fn, LAYER.inputs, "x", np.ones((4, 1)), [0.1])
    for value in (built.jacobian, lin.errors, lin.output, lin.directional, lin.values):
        assert isinstance(value, np.ndarray)


@pytest.mark.parametrize("slug", list(HESSIAN_EXAMPLES))
def test_a_gradient_of_the_gradient_gives_the_sums_of_h_not_h(slug):
    example = HESSIAN_EXAMPLES[slug]
    x = tf.constant([0.5, -1.0, 2.0])
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = example.fn(x=x)
        g = inner.gradient(y, x)
    nested = outer.gradient(g, x).numpy()
    h = hessian(example.fn, {"x": x.numpy()}, "x")
    np.testing.assert_allclose(nested, h.sum(axis=0), rtol=1e-5, atol=1e-5)
    assert nested.shape == (3,) and h.shape == (3, 3)


def test_timing_both_modes_reports_each_way():
    timed = modes.time_modes(20, 5, repeats=2)
    assert set(timed) == {"rows", "columns", "rows_looped", "eager", "others"}
    assert all(timed[way] > 0 for way in ("rows", "columns", "rows_looped", "eager"))
    assert "rows_looped" not in modes.time_modes(modes.MAX_LOOPED_PASSES + 1, 2, repeats=1)
    with pytest.raises(JacobianSizeError):
        modes.time_modes(3000, 1000)


@settings(max_examples=25, deadline=None)
@given(
    n_out=st.integers(1, 5),
    n_in=st.integers(1, 5),
    seed=st.integers(0, 2**16),
    vectorized=st.booleans(),
)
def test_rows_and_columns_agree_on_any_layer_shape(n_out, n_in, seed, vectorized):
    rng = np.random.default_rng(seed)
    w = rng.uniform(-2, 2, (n_out, n_in)).astype(np.float32)
    x = rng.uniform(-2, 2, (n_in, 1)).astype(np.float32)
    inputs = {"W": w, "x": x}
    closed = LAYER.closed_form({"W": w.astype(np.float64), "x": x.astype(np.float64)}, "x")
    by_rows = modes.jacobian_by_rows(LAYER.fn, inputs, "x", vectorized=vectorized)
    by_columns = modes.jacobian_by_columns(LAYER.fn, inputs, "x", vectorized=vectorized)
    np.testing.assert_allclose(by_rows.jacobian, closed, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(by_columns.jacobian, closed, rtol=RTOL, atol=ATOL)
    assert (by_rows.passes, by_columns.passes) == (n_out, n_in)


def test_one_measurement_at_a_time_and_the_last_ones_shared(monkeypatch):
    """Three learners press Measure at once: the measurements run one after another, sizes measured
    already come back without measuring again, and a time taken while others computed says so."""
    import threading
    import time

    from jaccore import modes

    running, spans = [], []

    def timed(n_out, n_in, repeats, seed):
        running.append(1)
        assert len(running) == 1, "two measurements at once"
        start = time.perf_counter()
        if n_out == 30:  # another session's slider move meanwhile
            helper = threading.Thread(target=lambda: jaccore.analyze(lambda x: x * 2, {"x": [1.0]}, "x"))
            helper.start()
            helper.join()
        time.sleep(0.05)
        spans.append((start, time.perf_counter()))
        running.pop()
        return {"rows": 1.0, "columns": 2.0, "eager": 3.0}

    monkeypatch.setattr(modes, "_time_modes", timed)
    monkeypatch.setattr(modes, "_measured", type(modes._measured)())  # this test's measurements only
    results = []
    threads = [threading.Thread(target=lambda n=n: results.append(modes.time_modes(n, 10))) for n in (10, 20, 10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(spans) == 2 and len(results) == 3  # (10, 10) measured once, shared with the third
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(sorted(spans), sorted(spans)[1:], strict=False))
    assert {r["others"] for r in results} == {0}
    busy = modes.time_modes(30, 10)
    assert busy["others"] >= 1


def test_the_hessians_refusals_say_what_and_where():
    """The limit counts n² elements and allows exactly n²; a direction of the wrong shape is named v; a y
    of several elements is refused for "the Hessian"; an x that y does not use has a zero Hessian."""
    x = np.ones(3, np.float32)
    cube = lambda x: tf.reduce_sum(x**3)  # noqa: E731
    np.testing.assert_allclose(hessian(cube, {"x": x}, "x", max_elements=9), 6 * np.eye(3))
    with pytest.raises(
        JacobianSizeError, match=r"y \(\) with respect to x \(3,\) would have 9 elements; the limit is 8"
    ):
        hessian(cube, {"x": x}, "x", max_elements=8)
    with pytest.raises(InputError, match=r"^v has shape \(2,\) but x has shape \(3,\): v must have x's shape"):
        hessian_vector_product(cube, {"x": x}, "x", np.ones(2))
    with pytest.raises(InputError, match=r"^the Hessian is defined here for an output with one element"):
        hessian(lambda x: x * x, {"x": x}, "x")
    with pytest.raises(InputError, match=r"^the Hessian-vector product is defined here"):
        hessian_vector_product(lambda x: x * x, {"x": x}, "x", x)
    unused = lambda x, z: tf.reduce_sum(z**2)  # noqa: E731
    np.testing.assert_array_equal(hessian(unused, {"x": x, "z": x}, "x"), np.zeros((3, 3)))
    hv = hessian_vector_product(cube, {"x": x}, "x", np.array([1, 0, 2]))  # a direction of ints, as float32
    assert hv.dtype == np.float32
    np.testing.assert_allclose(hv, [6, 0, 12])
