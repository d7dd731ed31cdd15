"""The take-away notebooks run, and print the numbers the page computes from the same state.

Expected values come from the engine's analysis of that state and from the closed forms, the
notebooks' from the TensorFlow code they hold: two different programs, run separately.
"""

import contextlib
import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jaccore
from jaccore import takeaway
from jaccore.catalog import EXAMPLES, HESSIAN_EXAMPLES, LAYER, Example, formula_example
from jaccore.codegen import tensorflow_code
from jaccore.expression import ExpressionError, parse_expression
from jaccore.linear_map import linearization
from jaccore.translations import SENTENCES, Text
from tests.notebooks import numbers, printed_by_kernel, printed_in_process, read, tensors
from tests.oracles import random_inputs

CLOSE = dict(rtol=1e-6, atol=1e-6)  # numpy prints float32 with 8 significant digits


def example_notebook(example: Example, values: dict, wrt: str, upstream: np.ndarray, lang: str = "en") -> bytes:
    return takeaway.notebook_bytes(takeaway.example_cells(example, values, wrt, upstream, "Page", lang))


def assert_prints_the_analysis(ipynb: bytes, example: Example, values: dict, wrt: str, upstream: np.ndarray):
    printed = printed_in_process(ipynb)
    expected = jaccore.analyze(example.fn, values, wrt, upstream=upstream)
    (output,) = tensors(printed["output"])
    np.testing.assert_allclose(output, expected.output, **CLOSE)
    (jacobian,) = tensors(printed["jacobian"])
    assert tuple(int(n) for n in numbers(printed["jacobian"])) == expected.jacobian.shape
    np.testing.assert_allclose(jacobian, expected.jacobian, **CLOSE)
    (gradient,) = tensors(printed["gradient"])
    np.testing.assert_allclose(gradient, expected.gradient, **CLOSE)
    sums, (difference,) = tensors(printed["sums"]), numbers(printed["sums"])
    np.testing.assert_allclose(sums[0], expected.gradient, **CLOSE)
    assert difference <= 1e-4 * max(1.0, float(np.abs(expected.gradient).max()))
    if example.closed_form is not None:
        exact = example.closed_form({n: v.astype(np.float64) for n, v in values.items()}, wrt)
        np.testing.assert_allclose(jacobian, exact, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("weighted", [False, True], ids=["plain", "weighted"])
@pytest.mark.parametrize(("slug", "wrt"), [(s, w) for s, e in EXAMPLES.items() for w in e.wrt])
def test_example_notebooks_print_the_analysis(slug, wrt, weighted, rng):
    example = EXAMPLES[slug]
    values = {name: np.round(value, 1) for name, value in random_inputs(example, rng).items()}
    y_shape = jaccore.analyze(example.fn, values, wrt).output.shape
    upstream = rng.choice([-2.0, 0.5, 3.0], size=y_shape).astype(np.float32) if weighted else np.ones(y_shape, "f")
    assert_prints_the_analysis(example_notebook(example, values, wrt, upstream), example, values, wrt, upstream)


def test_the_notebooks_own_numbers_at_the_defaults():
    """A·B at the notebook's A and B: jacobian_A's slices [[5, 7], [0, 0]] …, gradient [[11, 15], [11, 15]]."""
    example = EXAMPLES["matmul"]
    ones = np.ones((2, 2), np.float32)
    printed = printed_in_process(example_notebook(example, dict(example.inputs), "A", ones))
    assert tensors(printed["jacobian"])[0][0, 0].tolist() == [[5, 7], [0, 0]]
    assert tensors(printed["gradient"])[0].tolist() == [[11, 15], [11, 15]]
    assert "(2, 2, 2, 2)" in printed["jacobian"]


def playground_example(text: str, shapes: dict[str, tuple[int, ...]], rng) -> tuple[Example, dict]:
    expression = parse_expression(text)
    values = {name: np.round(rng.uniform(-2, 2, shape), 1).astype(np.float32) for name, shape in shapes.items()}
    return formula_example(expression, values, Text("Playground", "Sân chơi")), values


@pytest.mark.parametrize(
    ("text", "shapes"),
    [
        ("tanh(W @ x + b)", {"W": (2, 3), "x": (3, 1), "b": (2, 1)}),
        ("sum(x * x)", {"x": (4,)}),
        ("a * x", {"a": (), "x": (3,)}),
    ],
)
def test_playground_notebooks_print_the_analysis(text, shapes, rng):
    example, values = playground_example(text, shapes, rng)
    for wrt in example.wrt:
        ones = np.ones(jaccore.analyze(example.fn, values, wrt).output.shape, np.float32)
        assert_prints_the_analysis(example_notebook(example, values, wrt, ones), example, values, wrt, ones)


@pytest.mark.parametrize("mode", ["rows", "columns"])
@pytest.mark.parametrize("wrt", LAYER.wrt)
def test_rows_or_columns_notebooks_build_the_tapes_jacobian(mode, wrt, rng):
    values = {name: np.round(value, 1) for name, value in random_inputs(LAYER, rng).items()}
    cells = takeaway.modes_cells(values, wrt, mode, 1, "Page", "en")
    printed = printed_in_process(takeaway.notebook_bytes(cells))
    expected = jaccore.analyze(LAYER.fn, values, wrt).jacobian
    (flat,) = tensors(printed["flat"])
    passes = values[wrt].size if mode == "columns" else 3
    assert flat.shape == (3, values[wrt].size)
    assert f"1 of the {passes} passes" in cells[4].source
    np.testing.assert_allclose(flat, expected.reshape(flat.shape), **CLOSE)
    *shape, difference = numbers(printed["check"])
    assert tuple(int(n) for n in shape) == expected.shape and difference <= 1e-6


@pytest.mark.parametrize("slug", HESSIAN_EXAMPLES)
def test_hessian_notebooks_print_the_hessian_and_its_product(slug, rng):
    example = HESSIAN_EXAMPLES[slug]
    x = np.round(rng.uniform(-2, 2, example.inputs["x"].shape), 1).astype(np.float32)
    v = np.round(rng.uniform(-2, 2, x.shape), 1).astype(np.float32)
    printed = printed_in_process(takeaway.notebook_bytes(takeaway.hessian_cells(example, x, v, "Page", "en")))
    exact = example.closed_form({"x": x.astype(np.float64)}, "x")
    (hessian,) = tensors(printed["hessian"])
    np.testing.assert_allclose(hessian, exact, rtol=1e-5, atol=1e-5)
    (hvp,) = tensors(printed["hvp"])
    np.testing.assert_allclose(hvp, exact @ v, rtol=1e-5, atol=1e-5)
    assert numbers(printed["hvp"])[-1] <= 1e-5


@pytest.mark.parametrize(("slug", "wrt"), [("layer", "W"), ("layer", "x"), ("matvec", "x"), ("square", "x")])
def test_linear_map_notebooks_print_the_pages_line(slug, wrt, rng):
    """J·δ, and f(x + tδ) beside f(x) + t·J·δ at t = 1 … 10⁻⁴, as the engine computes them in float64."""
    example = LAYER if slug == "layer" else EXAMPLES[slug]
    values = {name: np.round(value, 1) for name, value in random_inputs(example, rng).items()}
    delta = np.round(rng.uniform(-1, 1, values[wrt].shape), 1).astype(np.float32)
    y_shape = jaccore.analyze(example.fn, values, wrt).output.shape
    index = tuple(n - 1 for n in y_shape)  # the last element
    cells = takeaway.linear_cells(example, values, wrt, delta, index, "Page", "en")
    printed = printed_in_process(takeaway.notebook_bytes(cells))
    line = linearization(example.fn, values, wrt, delta, takeaway.STEPS)
    value, slope = numbers(printed["jvp"])
    np.testing.assert_allclose([value, slope], [line.output[index], line.directional[index]], rtol=1e-6, atol=1e-9)
    rows = [numbers(row) for row in printed["table"].splitlines()[1:]]
    assert [row[0] for row in rows] == list(takeaway.STEPS)
    np.testing.assert_allclose([row[1] for row in rows], line.values[(slice(None), *index)], rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose([row[2] for row in rows], line.linear[(slice(None), *index)], rtol=1e-6, atol=1e-9)


def test_notebooks_speak_the_readers_language():
    """Every markdown cell is the sentence of the reader's language; the code's comments too."""
    example = EXAMPLES["matmul"]
    ones = np.ones((2, 2), np.float32)
    english = read(example_notebook(example, dict(example.inputs), "A", ones, "en"))
    vietnamese = read(example_notebook(example, dict(example.inputs), "A", ones, "vi"))
    assert vietnamese.cells[0].source.startswith("# A·B: ma trận nhân ma trận")
    assert SENTENCES["notebook.made"]("vi", page="Page") in vietnamese.cells[0].source
    for en, vi in zip(english.cells, vietnamese.cells, strict=True):
        assert (en.source != vi.source) == (en.cell_type == "markdown" or "#" in en.source)
    assert "# chiều (2, 2, 2, 2)" in vietnamese.cells[7].source
    assert english.metadata.kernelspec.name == "python3" and english.nbformat == 4


def test_a_jupyter_kernel_prints_what_the_cells_print():
    """Run All in a real kernel (ipykernel, through nbclient) prints the same as the cells run here."""
    example = EXAMPLES["matmul"]
    upstream = np.array([[1, 2], [3, 1]], np.float32)
    ipynb = example_notebook(example, dict(example.inputs), "B", upstream, "vi")
    by_kernel = printed_by_kernel(ipynb)
    assert by_kernel == printed_in_process(ipynb)
    np.testing.assert_allclose(tensors(by_kernel["gradient"])[0], jaccore.analyze(
        example.fn, dict(example.inputs), "B", upstream=upstream).gradient)  # fmt: skip


# Names a learner may give inputs that the script and the notebook also use for their own variables.
CLASHING = ["y", "g", "v", "z", "f", "out", "column_sums", "jacobian_a", "gradient_a", "a", "b", "x"]
NAMES = st.lists(st.sampled_from(CLASHING), min_size=1, max_size=2, unique=True)


def formulas_over(names: list[str]) -> st.SearchStrategy[str]:
    leaves = st.sampled_from([*names, *names, "0.5", "2", "1e999"])
    ops = st.sampled_from(["+", "-", "*"])
    grow = lambda inner: st.one_of(  # noqa: E731
        st.tuples(st.sampled_from(["tanh", "sin", "square", "exp"]), inner).map(lambda t: f"{t[0]}({t[1]})"),
        st.tuples(inner, ops, inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
    )
    return st.recursive(leaves, grow, max_leaves=5).filter(lambda text: any(n in text for n in names))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_script_and_the_notebook_print_what_the_page_shows_whatever_the_inputs_are_called(data):
    """tanh(y) with respect to y, v*x with weights, inputs called g or column_sums: the downloaded
    script and notebook print the page's output, Jacobian and gradient, never a shadowed variable's."""
    names = data.draw(NAMES)
    try:
        expression = parse_expression(data.draw(formulas_over(names)))
    except ExpressionError:
        return  # a formula with no input left (the generator may drop them all): refused, as it should be
    rng = np.random.default_rng(7)
    values = {name: np.round(rng.uniform(-1, 1, (2, 2)), 1).astype(np.float32) for name in expression.names}
    example = formula_example(expression, values, Text("Playground", "Sân chơi"))
    wrt = data.draw(st.sampled_from(expression.names))
    shape = jaccore.analyze(example.fn, values, wrt).output.shape
    upstream = data.draw(st.sampled_from([np.ones(shape, np.float32), np.full(shape, -1.5, np.float32)]))
    expected = jaccore.analyze(example.fn, values, wrt, upstream=upstream)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(tensorflow_code(example, values, wrt, upstream, "en"), {})  # our generated code, not the reader's
    printed = tensors(out.getvalue())
    assert len(printed) == 3, out.getvalue()
    for shown, computed in zip(printed, (expected.output, expected.jacobian, expected.gradient), strict=True):
        np.testing.assert_allclose(shown.reshape(computed.shape), computed, **CLOSE, equal_nan=True)
    notebook = example_notebook(example, values, wrt, upstream)
    np.testing.assert_array_equal(tensors(printed_in_process(notebook)["gradient"])[0], printed[2])


@pytest.mark.parametrize("name", ["print", "float", "tf", "input", "range"])
def test_python_s_own_names_are_refused_as_inputs(name):
    with pytest.raises(ExpressionError) as refused:
        parse_expression(f"2 * {name}")
    assert refused.value.key == "expression.reserved" and f"{name}_" in refused.value.message("en")


def test_a_formula_over_y_names_its_output_z():
    example = formula_example(parse_expression("tanh(y)"), {"y": np.zeros((2, 1), np.float32)}, Text("P", "P"))
    assert example.output_name == "z" and example.formula.startswith("z = ")
    script = tensorflow_code(example, example.inputs, "y", np.ones((2, 1), np.float32), "en")
    assert "    z = tf.tanh(y)" in script and "jacobian_y = g.jacobian(z, y)" in script


@pytest.mark.parametrize(("n", "c"), [(1437, 2), (1573, 7), (0, 0)])
def test_digits_notebooks_print_the_pages_slices_and_gradients(n, c):
    """The network written into the notebook, its weights inside, against the page's analyses and the
    closed form of the network read from the weights' file."""
    from jaccore.classifier import WEIGHTS, digits, read_digit
    from tests.oracles import digit_network, softmax

    image = digits()[0][n]
    cells = takeaway.digits_cells(n, image, c, WEIGHTS.read_bytes(), "Page", "vi")
    printed = printed_in_process(takeaway.notebook_bytes(cells))
    page = read_digit(image, c)
    logits, closed = digit_network(image)
    shown_logits, shown_p = tensors(printed["output"])
    np.testing.assert_allclose(shown_logits, page.logits.output, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(shown_p, softmax(logits), rtol=1e-4, atol=1e-6)
    (jacobian,) = tensors(printed["jacobian"])
    assert tuple(int(k) for k in numbers(printed["jacobian"])[:3]) == (10, 8, 8)
    np.testing.assert_allclose(jacobian, closed, rtol=1e-4, atol=1e-5)
    (gradient,) = tensors(printed["gradient"])
    np.testing.assert_allclose(gradient, page.logits.gradient, rtol=1e-4, atol=1e-5)
    (saliency,) = tensors(printed["saliency"])
    np.testing.assert_allclose(saliency, closed[c], rtol=1e-4, atol=1e-5)
    assert numbers(printed["gradient"])[-1] <= 1e-5 and numbers(printed["saliency"])[-1] <= 1e-5
    zero, of_p, of_log_p = tensors(printed["trap"])
    np.testing.assert_allclose(zero, 0, atol=1e-6)
    np.testing.assert_allclose(of_p, page.of_probability.gradient, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(of_log_p, page.of_log_probability, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
def test_training_notebooks_print_the_pages_step(loss, lang, rng):
    """L, v = ∂L/∂Y, tape.gradient of W and b, and the per-example gradients, as the notebook prints them,
    against the page's step and the closed forms (∂L/∂W = Xᵀ·v, ∂L/∂b = v summed over the batch)."""
    from jaccore.catalog.training import INPUTS, LABELS, one_hot
    from jaccore.training import training_step

    values = {name: np.round(rng.uniform(-3, 3, value.shape), 1).astype(np.float32) for name, value in INPUTS.items()}
    if loss == "cross_entropy":
        values["T"] = one_hot(LABELS, 2)
    cells = takeaway.training_cells(values, loss, "Page", lang)
    names = {"mse": {"en": "mean squared error", "vi": "sai số bình phương trung bình"},
             "cross_entropy": {"en": "softmax cross-entropy", "vi": "cross-entropy của softmax"}}  # fmt: skip
    name = names[loss][lang]
    assert cells[0].source.startswith(f"# Page: {name}\n")
    printed = printed_in_process(takeaway.notebook_bytes(cells))
    step = training_step(values, loss)
    value, *_ = numbers(printed["upstream"])
    np.testing.assert_allclose(value, step.value, rtol=1e-6)
    (v,) = tensors(printed["upstream"])
    np.testing.assert_allclose(v, step.upstream, **CLOSE)
    (gradient_W,) = tensors(printed["weights"])
    X = values["X"].astype(np.float64)
    np.testing.assert_allclose(gradient_W, X.T @ step.upstream, rtol=1e-5, atol=1e-6)
    (gradient_b,) = tensors(printed["bias"])
    np.testing.assert_allclose(gradient_b, step.upstream.sum(axis=0), rtol=1e-5, atol=1e-6)
    assert tuple(int(n) for n in numbers(printed["weights"])[:4]) == (3, 2, 2, 2)
    assert tuple(int(n) for n in numbers(printed["per_example"])[:3]) == (3, 2, 2)
    for tag in ("weights", "bias", "per_example"):
        assert numbers(printed[tag])[-1] <= 1e-5, tag
