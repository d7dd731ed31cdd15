"""jaccore.analyze against the notebook's printed numbers and against independent oracles."""

import subprocess
import sys
import threading

import numpy as np
import pytest
import tensorflow as tf

import jaccore
from jaccore.engine import trace_count
from tests.oracles import ORACLE_EXAMPLES, central_differences, example_wrt_pairs, random_inputs

EXAMPLES = jaccore.EXAMPLES
# float32 autodiff against float64 oracles: relative agreement to ~1e-6, declared once.
RTOL, ATOL = 1e-5, 1e-4


def notebook_cases(kind: str) -> list:
    return [
        pytest.param(slug, wrt, expected, id=f"{slug}-{wrt}")
        for slug, example in EXAMPLES.items()
        for wrt, expected in example.notebook.get(kind, {}).items()
    ]


@pytest.mark.parametrize(("slug", "wrt", "expected"), notebook_cases("jacobian"))
def test_notebook_jacobians(slug, wrt, expected):
    example = EXAMPLES[slug]
    result = jaccore.analyze(example.fn, example.inputs, wrt)
    np.testing.assert_array_equal(result.jacobian, np.asarray(expected, np.float32))


@pytest.mark.parametrize(("slug", "wrt", "expected"), notebook_cases("gradient"))
def test_notebook_gradients(slug, wrt, expected):
    example = EXAMPLES[slug]
    result = jaccore.analyze(example.fn, example.inputs, wrt)
    np.testing.assert_array_equal(result.gradient, np.asarray(expected, np.float32))


@pytest.mark.parametrize(("slug", "wrt", "expected"), notebook_cases("jacobian_shape"))
def test_notebook_jacobian_shapes(slug, wrt, expected):
    example = EXAMPLES[slug]
    assert jaccore.analyze(example.fn, example.inputs, wrt).jacobian.shape == expected


@pytest.mark.parametrize("slug", [s for s, e in EXAMPLES.items() if "output" in e.notebook])
def test_notebook_outputs(slug):
    example = EXAMPLES[slug]
    result = jaccore.analyze(example.fn, example.inputs, example.wrt[0])
    np.testing.assert_array_equal(result.output, np.asarray(example.notebook["output"], np.float32))


def test_notebook_quoted_facts():
    """Sentences of the notebook that are not Out[...] cells but are still numbers."""
    matvec = EXAMPLES["matvec"]
    result = jaccore.analyze(matvec.fn, matvec.inputs, "x")
    assert result.gradient.ravel().tolist() == [2.0, 8.0, 6.0]  # "gradient_dx = [[2. 8. 6.]]"
    np.testing.assert_array_equal(result.jacobian.reshape(3, 3), matvec.inputs["W"])  # "# = W"
    scale = EXAMPLES["scale"]
    assert scale.inputs["a"].shape == ()


@pytest.mark.parametrize(("slug", "wrt"), example_wrt_pairs())
def test_jacobian_matches_closed_form_and_finite_differences(slug, wrt, rng):
    example = ORACLE_EXAMPLES[slug]
    inputs = random_inputs(example, rng)
    result = jaccore.analyze(example.fn, inputs, wrt, finite_differences=True)
    doubles = {name: value.astype(np.float64) for name, value in inputs.items()}
    closed = example.closed_form(doubles, wrt)
    assert result.jacobian.shape == result.output.shape + inputs[wrt].shape
    assert result.jacobian.dtype == np.float32
    np.testing.assert_allclose(result.jacobian, closed, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(result.jacobian, central_differences(example.fn, inputs, wrt), rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(result.finite_difference, closed, rtol=1e-8, atol=1e-8)
    assert result.finite_difference_error < ATOL


@pytest.mark.parametrize(("slug", "wrt"), example_wrt_pairs())
def test_gradient_is_the_jacobian_summed_over_output_axes(slug, wrt, rng):
    example = ORACLE_EXAMPLES[slug]
    result = jaccore.analyze(example.fn, random_inputs(example, rng), wrt)
    output_axes = tuple(range(result.output.ndim))
    assert result.gradient.shape == example.inputs[wrt].shape
    np.testing.assert_allclose(result.gradient, result.jacobian.sum(axis=output_axes), rtol=RTOL, atol=ATOL)
    np.testing.assert_array_equal(result.column_sums, result.jacobian.sum(axis=output_axes))
    np.testing.assert_array_equal(result.upstream, np.ones_like(result.output))


@pytest.mark.parametrize(("slug", "wrt"), example_wrt_pairs())
def test_gradient_with_upstream_is_a_vector_jacobian_product(slug, wrt, rng):
    example = ORACLE_EXAMPLES[slug]
    inputs = random_inputs(example, rng)
    y_shape = jaccore.analyze(example.fn, inputs, wrt).output.shape
    v = rng.uniform(-2, 2, size=y_shape).astype(np.float32)
    result = jaccore.analyze(example.fn, inputs, wrt, upstream=v)
    expected = np.tensordot(v.astype(np.float64), result.jacobian.astype(np.float64), axes=len(y_shape))
    np.testing.assert_allclose(result.gradient, expected, rtol=RTOL, atol=ATOL)
    np.testing.assert_array_equal(result.upstream, v)
    assert result.sum_error < ATOL


def test_results_are_numpy_never_tensors():
    example = EXAMPLES["matmul"]
    result = jaccore.analyze(example.fn, example.inputs, "A")
    for value in vars(result).values():
        assert not isinstance(value, tf.Tensor)
    assert all(isinstance(getattr(result, f), np.ndarray) for f in ("output", "jacobian", "gradient", "upstream"))


def test_new_values_do_not_retrace(rng):
    example = EXAMPLES["matmul"]
    jaccore.analyze(example.fn, example.inputs, "B")
    before = trace_count()
    for _ in range(20):
        jaccore.analyze(example.fn, random_inputs(example, rng), "B", upstream=rng.normal(size=(2, 2)))
    assert trace_count() == before
    jaccore.analyze(example.fn, {"A": np.ones((3, 2)), "B": np.ones((2, 4))}, "B")
    assert trace_count() == before + 1  # a new shape is a new graph, traced once


def test_same_results_from_many_threads(rng):
    example = EXAMPLES["matmul"]
    cases = [random_inputs(example, rng) for _ in range(40)]
    expected = [jaccore.analyze(example.fn, case, "A").jacobian for case in cases]
    results: list = [None] * len(cases)

    def work(indices: range) -> None:
        for i in indices:
            results[i] = jaccore.analyze(example.fn, cases[i], "A").jacobian

    threads = [threading.Thread(target=work, args=(range(k, len(cases), 4),)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for got, want in zip(results, expected, strict=True):
        np.testing.assert_array_equal(got, want)


def test_bad_inputs_name_the_input_and_say_what_is_wrong():
    matmul = EXAMPLES["matmul"]
    with pytest.raises(ValueError, match=r"input 'A' must hold numbers, not 'abc'"):
        jaccore.analyze(matmul.fn, {"A": "abc", "B": matmul.inputs["B"]}, "A")
    with pytest.raises(ValueError, match=r"input 'B' is not a rectangular array"):
        jaccore.analyze(matmul.fn, {"A": matmul.inputs["A"], "B": [[1, 2], [3]]}, "A")
    with pytest.raises(ValueError, match=r"wrt='D' is not an input; the inputs are: A, B"):
        jaccore.analyze(matmul.fn, matmul.inputs, "D")
    with pytest.raises(jaccore.ShapeError, match=r"A \(2, 3\), B \(2, 3\).*Dimensions must be equal"):
        jaccore.analyze(matmul.fn, {"A": np.ones((2, 3)), "B": np.ones((2, 3))}, "A")
    with pytest.raises(ValueError, match=r"upstream has shape \(3,\) but y has shape \(2, 2\)"):
        jaccore.analyze(matmul.fn, matmul.inputs, "A", upstream=[1, 2, 3])
    with pytest.raises(ValueError, match=r"would have 65,536 elements; the limit is 1,000"):
        jaccore.analyze(matmul.fn, {"A": np.ones((16, 16)), "B": np.ones((16, 16))}, "A", max_elements=1000)


def test_shape_error_is_not_a_raw_tensorflow_traceback():
    matvec = EXAMPLES["matvec"]
    with pytest.raises(ValueError) as caught:
        jaccore.analyze(matvec.fn, {"W": np.ones((3, 3)), "x": np.ones((2, 1))}, "x")
    message = str(caught.value)
    assert "W (3, 3), x (2, 1)" in message
    assert "Traceback" not in message and "File " not in message and "{{node" not in message
    assert len(message) < 400


def test_nan_and_inf_are_computed_and_reported():
    square = EXAMPLES["square"]
    result = jaccore.analyze(square.fn, {"x": [[np.nan, 2.0]]}, "x")
    assert result.nonfinite
    assert np.isnan(result.output[0, 0]) and result.output[0, 1] == 4.0
    assert result.gradient[0, 1] == 4.0
    assert jaccore.analyze(square.fn, {"x": [[np.inf, 1.0]]}, "x").nonfinite
    assert not jaccore.analyze(square.fn, square.inputs, "x").nonfinite


def test_a_function_that_ignores_wrt_has_a_zero_jacobian():
    result = jaccore.analyze(lambda a, x: x * 2.0, {"a": 1.0, "x": [[1.0, 2.0]]}, "a")
    np.testing.assert_array_equal(result.jacobian, np.zeros((1, 2)))
    np.testing.assert_array_equal(result.gradient, np.zeros(()))


def test_engine_does_not_load_the_interface():
    """Layers point one way: importing the engine must not import streamlit or plotly."""
    code = (
        "import sys, jaccore.engine, jaccore.catalog, jaccore.expression;"
        "print(sorted(m for m in ('streamlit', 'plotly', 'tensorflow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['tensorflow']"


@pytest.mark.parametrize("slug", list(jaccore.catalog.BATCH_EXAMPLES))
def test_batch_jacobian_adds_each_column_of_blocks(slug, rng):
    layer = jaccore.catalog.BATCH_EXAMPLES[slug]
    inputs = random_inputs(layer, rng)
    full = jaccore.analyze(layer.fn, inputs, "x").jacobian  # (B, out, B, in)
    diagonal = jaccore.batch_jacobian(layer.fn, inputs, "x")  # (B, out, in)
    assert diagonal.shape == (3, 2, 2) and full.shape == (3, 2, 3, 2)
    # What TensorFlow computes: each input sample's column of blocks, added over output samples.
    np.testing.assert_allclose(diagonal, np.einsum("cibk->bik", full), rtol=RTOL, atol=ATOL)
    # That is the true per-sample (diagonal) block only when the samples are independent.
    gap = np.abs(diagonal - np.einsum("bibk->bik", full)).max()
    assert (gap > 1e-3) == (slug == "coupled")


def test_batch_jacobian_refuses_outputs_without_the_batch_axis():
    with pytest.raises(ValueError, match=r"share their first axis, the batch: y has shape \(\), x has \(3, 2\)"):
        jaccore.batch_jacobian(lambda x: tf.reduce_sum(x), {"x": np.ones((3, 2))}, "x")


@pytest.mark.parametrize(("inner", "outer", "via"), jaccore.catalog.CHAINS)
def test_chain_rule_composes_the_examples(inner, outer, via, rng):
    f_example, g_example = EXAMPLES[inner], EXAMPLES[outer]
    chain = jaccore.catalog.compose(f_example, g_example, via)
    inputs = random_inputs(chain, rng)
    wrt = chain.wrt[0]
    f = jaccore.analyze(f_example.fn, {n: inputs[n] for n in f_example.inputs}, wrt)
    g_inputs = {**{n: inputs[n] for n in g_example.inputs if n != via}, via: f.output}
    g = jaccore.analyze(g_example.fn, g_inputs, via)
    whole = jaccore.analyze(chain.fn, inputs, wrt)
    composed = jaccore.engine.compose_jacobians(g.jacobian, f.jacobian, f.output.ndim)
    np.testing.assert_allclose(composed, whole.jacobian, rtol=RTOL, atol=ATOL)
    v = rng.uniform(-1, 1, size=whole.output.shape).astype(np.float32)
    weighted = jaccore.analyze(chain.fn, inputs, wrt, upstream=v).gradient
    reverse = jaccore.engine.reverse_mode(v, g.jacobian, f.jacobian)  # never forms J
    np.testing.assert_allclose(reverse, weighted, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(whole.jacobian, central_differences(chain.fn, inputs, wrt), rtol=1e-4, atol=1e-3)


def test_multiply_adds_of_the_two_orders():
    # y (3,1) = g(f), f (3,1), x (3,1): forming J costs 3·3·3 + 3·3, reverse 3·3 + 3·3.
    assert jaccore.engine.chain_multiply_adds(3, 3, 3) == {"forward": 36, "reverse": 18}
    assert jaccore.engine.chain_multiply_adds(1, 1000, 1000)["reverse"] == 1_001_000


def test_finite_differences_are_bounded_in_memory():
    """The float64 check evaluates y at 2·x.size shifted inputs; in one batch, sum(x) over an x of
    8,000 elements took 1.95 GB. In chunks it stays within a few tens of MB."""
    code = (
        "import resource, numpy as np, jaccore; from jaccore.expression import parse_expression; "
        "f = parse_expression('sum(x)'); jaccore.analyze(f, {'x': np.ones(10)}, 'x', finite_differences=True); "
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
        "a = jaccore.analyze(f, {'x': np.ones(8000)}, 'x', finite_differences=True); "
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
        "print((after - before) // 1024, a.finite_difference_error < 1e-6)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    grown, agrees = result.stdout.split()
    assert agrees == "True" and int(grown) < 200, result.stdout  # MiB of peak memory it added


def test_finite_differences_are_computed_only_when_asked_for():
    example = EXAMPLES["matmul"]
    plain = jaccore.analyze(example.fn, example.inputs, "A")
    assert plain.finite_difference is None and np.isnan(plain.finite_difference_error)
    checked = jaccore.analyze(example.fn, example.inputs, "A", finite_differences=True)
    np.testing.assert_allclose(checked.finite_difference, checked.jacobian, atol=1e-6)


def test_a_graph_that_fails_while_it_runs_raises_an_input_error():
    """Errors raised while a compiled graph runs (on these values, or with oneDNN's kernels) are the
    same kind of sentence as the errors raised while it is traced."""
    checked_log = lambda x: tf.debugging.check_numerics(tf.math.log(x), "log of x")  # noqa: E731
    jaccore.analyze(checked_log, {"x": np.ones(3)}, "x")  # traced, and runs
    with pytest.raises(jaccore.engine.RunError) as failed:
        jaccore.analyze(checked_log, {"x": np.zeros(3)}, "x")  # log(0) = -inf: fails only when run
    assert "Traceback" not in str(failed.value) and "{{node" not in str(failed.value)
    assert "log of x" in failed.value.reason
    assert failed.value.shapes == "x (3,)"


def test_the_same_state_is_computed_once():
    """Analyses are shared by every session: the same state is served from the cache, read-only."""
    example = EXAMPLES["matvec"]
    first = jaccore.analyze(example.fn, example.inputs, "W", upstream=np.full((3, 1), 2.0))
    again = jaccore.analyze(example.fn, {n: v.copy() for n, v in example.inputs.items()}, "W", upstream=[[2], [2], [2]])
    assert again is first and not first.jacobian.flags.writeable
    moved = jaccore.analyze(example.fn, {**example.inputs, "x": example.inputs["x"] + 1}, "W")
    assert moved is not first and moved.output[0, 0] == first.output[0, 0] + 6  # 1 + 2 + 3 more


def test_the_shared_analyses_hold_no_more_memory_than_their_budget(monkeypatch):
    """Measured as Python holds it (tracemalloc), not as the arrays add up: 4,000 states of A·B, each new,
    in a cache of 1 MiB. Counting only the arrays (112 bytes of A·B's 1.5 kB) let it hold 14 times that."""
    import gc
    import tracemalloc

    from jaccore import engine

    example = EXAMPLES["matmul"]
    jaccore.analyze(example.fn, example.inputs, "A")  # the graph, traced before the count starts
    monkeypatch.setattr(engine, "_analyses", engine._Cache(budget=1 << 20))
    tracemalloc.start()
    try:
        for k in range(4000):
            jaccore.analyze(example.fn, {n: v + np.float32(k / 1000) for n, v in example.inputs.items()}, "A")
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held < 1.25 * (1 << 20), held
    assert 500 < len(engine._analyses.entries) < 800


def test_the_graph_cache_is_bounded_and_keeps_what_is_in_use(monkeypatch):
    """Links may name endless shapes: past MAX_GRAPHS the least recently used graph goes, a graph in
    use stays (no retrace), and a formula nobody holds leaves its graphs first."""
    from jaccore import graphs
    from jaccore.expression import parse_expression

    monkeypatch.setattr(graphs, "_graphs", type(graphs._graphs)())  # this test's graphs only
    monkeypatch.setattr(graphs, "MAX_GRAPHS", 6)
    formula = parse_expression("x * 3 + 1")
    hot = {"x": np.ones((1, 1), np.float32)}
    for n in range(2, 14):
        jaccore.analyze(formula, {"x": np.ones((n, 1), np.float32)}, "x")
        jaccore.analyze(formula, hot, "x", upstream=np.full((1, 1), n, np.float32))  # in use: kept fresh
        assert graphs.cached_graphs() <= graphs.MAX_GRAPHS
    before = graphs.trace_count()
    jaccore.analyze(formula, hot, "x", upstream=np.full((1, 1), 99, np.float32))
    jaccore.analyze(formula, {"x": np.ones((13, 1), np.float32)}, "x", upstream=np.full((13, 1), 2, np.float32))
    assert graphs.trace_count() == before  # the hot shape and the newest were never dropped
    jaccore.analyze(formula, {"x": np.ones((2, 1), np.float32)}, "x", upstream=np.full((2, 1), 2, np.float32))
    assert graphs.trace_count() == before + 1  # the oldest was: traced again
    gone = parse_expression("x * 5 - 1")
    jaccore.analyze(gone, {"x": np.ones((3, 1), np.float32)}, "x")
    held = graphs.cached_graphs()
    del gone
    parse_expression.cache_clear()  # the parser's cache held it too
    jaccore.analyze(formula, {"x": np.ones((20, 1), np.float32)}, "x")
    assert graphs.cached_graphs() <= held  # its graph made room for the new one
