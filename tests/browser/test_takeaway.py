"""The take-away notebook, downloaded from the page after a slider move and run: it holds the
state on screen and prints the page's numbers."""

from pathlib import Path

import numpy as np
import pytest

import jaccore
from dev.harness import missing_browser
from jaccore.catalog import EXAMPLES, HESSIAN_EXAMPLES, LAYER
from jaccore.linear_map import linearization
from jaccore.takeaway import STEPS
from jaccore.ui.playground import DEFAULT_SHAPES, random_values
from tests.browser.test_browser import move_first_slider, moved, visit
from tests.notebooks import numbers, printed_by_kernel, printed_in_process, read, tensors

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

CLOSE = dict(rtol=1e-5, atol=1e-6)
# The numbers of a matrix the page shows (markup.html_matrix), by its label.
TABLE = "label => Array.from(document.querySelectorAll(`table[aria-label='${label}'] td`)).map(td => td.textContent)"


def download(page, name: str) -> bytes:
    with page.expect_download() as notebook:
        page.get_by_role("button", name=name).click()
    return Path(notebook.value.path()).read_bytes()


def test_example_notebook_runs_in_a_kernel_and_prints_the_page(page, server):
    """A·B in Vietnamese, A[0,0] moved: Jupyter prints the Jacobian and the gradient the page shows."""
    visit(page, server, "matmul", lang="vi")
    values = moved(EXAMPLES["matmul"].inputs, move_first_slider(page))
    ipynb = download(page, "notebook_matmul_A.ipynb")
    assert read(ipynb).cells[0].source.startswith("# A·B: ma trận nhân ma trận")
    printed = printed_by_kernel(ipynb)
    expected = jaccore.analyze(EXAMPLES["matmul"].fn, values, "A")
    np.testing.assert_allclose(tensors(printed["jacobian"])[0], expected.jacobian, **CLOSE)
    shown = [float(n) for n in page.evaluate(TABLE, "∇ A")]
    np.testing.assert_allclose(tensors(printed["gradient"])[0].ravel(), shown, rtol=1e-3)  # the page writes 4 digits
    np.testing.assert_allclose(tensors(printed["output"])[0].ravel(), [float(n) for n in page.evaluate(TABLE, "C")])


def test_playground_notebook_holds_the_formula_and_the_sliders(page, server):
    visit(page, server, "playground")
    shapes = {name: tuple(int(n) for n in text.split(",")) for name, text in DEFAULT_SHAPES.items()}
    values = moved(random_values(0, shapes), move_first_slider(page))
    printed = printed_in_process(download(page, "notebook_playground_W.ipynb"))
    expected = jaccore.analyze(jaccore.parse_expression("tanh(W @ x + b)"), values, "W")
    np.testing.assert_allclose(tensors(printed["gradient"])[0], expected.gradient, **CLOSE)
    shown = [float(n) for n in page.evaluate(TABLE, "∇ W")]
    np.testing.assert_allclose(shown, expected.gradient.ravel(), rtol=1e-3)  # the page writes 4 digits


def test_rows_or_columns_notebook_builds_the_layers_jacobian(page, server):
    visit(page, server, "rows_or_columns")
    values = moved(LAYER.inputs, move_first_slider(page))
    printed = printed_in_process(download(page, "notebook_rows_or_columns_rows_x.ipynb"))
    expected = jaccore.analyze(LAYER.fn, values, "x").jacobian
    np.testing.assert_allclose(tensors(printed["flat"])[0], expected.reshape(3, 4), **CLOSE)


def test_hessian_notebook_prints_the_pages_product(page, server):
    visit(page, server, "hessian")
    example = HESSIAN_EXAMPLES["cubic"]
    values = moved(example.inputs, move_first_slider(page))
    printed = printed_in_process(download(page, "notebook_hessian_cubic.ipynb"))
    np.testing.assert_allclose(tensors(printed["hessian"])[0], example.closed_form(values, "x"), **CLOSE)
    shown = [float(n) for n in page.evaluate(TABLE, "H·v")]
    np.testing.assert_allclose(tensors(printed["hvp"])[0], shown, rtol=1e-3)  # the page writes 4 digits


def test_linear_map_notebook_prints_the_line(page, server):
    visit(page, server, "linear_map")
    values = moved(LAYER.inputs, move_first_slider(page))
    printed = printed_in_process(download(page, "notebook_linear_map_layer_x.ipynb"))
    line = linearization(LAYER.fn, values, "x", np.ones((4, 1), np.float32), STEPS)
    value, slope = numbers(printed["jvp"])
    np.testing.assert_allclose([value, slope], [line.output[0, 0], line.directional[0, 0]], rtol=1e-6)


def test_training_notebook_prints_the_pages_step(page, server):
    """X[0,0] moved on "A training step": the notebook's L, v and gradients are the step at the moved values."""
    from jaccore.catalog.training import INPUTS
    from jaccore.training import training_step

    visit(page, server, "training_step")
    values = moved(INPUTS, move_first_slider(page))
    printed = printed_in_process(download(page, "notebook_training_step_mse.ipynb"))
    step = training_step(values, "mse")
    np.testing.assert_allclose(numbers(printed["upstream"])[0], step.value, rtol=1e-6)
    np.testing.assert_allclose(tensors(printed["weights"])[0], step.loss_weights, **CLOSE)
    np.testing.assert_allclose(tensors(printed["bias"])[0], step.loss_bias, **CLOSE)
    np.testing.assert_allclose([float(n) for n in page.evaluate(TABLE, "Y")], step.outputs.ravel(), rtol=1e-3)
