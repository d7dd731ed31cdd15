"""What a page shows, read back from AppTest, and the same quantities recomputed without the engine.

The oracles are numpy closed forms from the catalog, or float64 central differences run eagerly
(tests/oracles.py); outputs are the catalog's functions run eagerly in float64.
"""

import ast
import json
import re
from dataclasses import dataclass

import numpy as np
import tensorflow as tf

from jaccore.catalog import BATCH_EXAMPLES, CHAIN_EXAMPLES, EXAMPLES, Example
from jaccore.expression import parse_expression
from jaccore.notation import as_matrix, element_indices
from tests.oracles import central_differences
from tests.pages.apptest import htmls, shown_code, shown_matrix

FORMULA_INPUT_RANGE = (-5.0, 5.0)


@dataclass(frozen=True)
class State:
    """The state a page shows: which function, the inputs as its sliders hold them, x, and v."""

    example: Example
    values: dict[str, np.ndarray]
    wrt: str
    upstream: np.ndarray | None  # None: no upstream sliders on screen (v = ones)


def sliders(app) -> dict[str, float]:
    return {s.key: float(s.value) for s in app.slider}


def widget(app, kind: str, key: str):
    """The widget of this kind and key on the page, or None."""
    found = [w for w in app.get(kind) if w.key == key]
    return found[0] if found else None


def example_on_screen(app, slug: str) -> Example | None:
    """The function the page shows, from the widgets that choose it."""
    if slug in EXAMPLES:
        return EXAMPLES[slug]
    if slug == "jacobian_to_gradient":
        return EXAMPLES[widget(app, "selectbox", "example").value]
    if slug == "chain_rule":
        return CHAIN_EXAMPLES[widget(app, "selectbox", "chain").value]
    if slug == "batch_jacobian":
        return BATCH_EXAMPLES["coupled" if widget(app, "toggle", "coupled").value else "independent"]
    return formula_on_screen(app)


def formula_on_screen(app) -> Example | None:
    """The playground's formula and shapes as the text boxes hold them (None when refused)."""
    try:
        expression = parse_expression(widget(app, "text_input", "expr").value)
    except ValueError:
        return None
    shapes = {}
    for name in expression.names:
        box = widget(app, "text_input", f"shape.{name}")
        if box is None:
            return None
        parts = box.value.replace("(", "").replace(")", "").split(",")
        shapes[name] = tuple(int(part) for part in parts if part.strip())
    zeros = {name: np.zeros(shape, np.float32) for name, shape in shapes.items()}
    return Example(
        slug="playground", output_name="y", fn=expression, inputs=zeros, wrt=expression.names, formula="",
        code=expression.code, title=None, question=None, insights={},
    )  # fmt: skip


def state_on_screen(app, slug: str) -> State | None:
    example = example_on_screen(app, slug)
    if example is None:
        return None
    held = sliders(app)
    values = {name: input_on_screen(app, name, default.shape, held) for name, default in example.inputs.items()}
    radio = widget(app, "radio", "wrt")
    wrt = radio.value if radio is not None else example.wrt[0]
    upstream_keys = [key for key in held if key.startswith("@v")]
    upstream = np.array([held[key] for key in upstream_keys], np.float32) if upstream_keys else None
    return State(example, values, wrt, upstream)


def slider_keys(name: str, shape: tuple) -> list[str]:
    """The keys (and URL parameters) of an input's sliders: 'A.0.1' for A[0,1], 'a.' for a scalar."""
    return [name + "." + ".".join(map(str, index)) for index in element_indices(shape)]


def input_on_screen(app, name: str, shape: tuple, held: dict[str, float]) -> np.ndarray:
    """An input's values from its sliders, or from the matrix shown where it has too many for sliders."""
    keys = slider_keys(name, shape)
    if all(key in held for key in keys):
        return np.array([held[key] for key in keys], np.float32).reshape(shape)
    return shown_matrix(app, name).astype(np.float32).reshape(shape)


def evaluate(fn, values: dict[str, np.ndarray]) -> np.ndarray:
    """y, computed eagerly in float64."""
    return np.asarray(fn(**{name: tf.constant(value, tf.float64) for name, value in values.items()}), np.float64)


def oracle_jacobian(example: Example, values: dict[str, np.ndarray], wrt: str) -> np.ndarray:
    if example.closed_form is not None:
        return example.closed_form({name: value.astype(np.float64) for name, value in values.items()}, wrt)
    return central_differences(example.fn, values, wrt)


def close(shown: np.ndarray, expected: np.ndarray, what: str, digits: int = 7) -> None:
    """Shown numbers against the oracle: float32 arithmetic, or 4 significant digits when printed."""
    expected = np.asarray(expected, np.float64)
    scale = max(1.0, float(np.abs(expected).max(initial=0.0)))
    rtol = 6e-4 if digits == 4 else 2e-4
    shown = np.asarray(shown, np.float64).reshape(expected.shape)
    np.testing.assert_allclose(shown, expected, rtol=rtol, atol=rtol * scale, err_msg=what)


def sum_over_outputs(jacobian: np.ndarray, y_ndim: int, upstream: np.ndarray | None) -> np.ndarray:
    """Σ_i v[i] J[i, …]: the gradient for the weights on screen (ones when there are none)."""
    y_shape = jacobian.shape[:y_ndim]
    v = np.ones(y_shape) if upstream is None else np.asarray(upstream, np.float64).reshape(y_shape)
    return np.tensordot(v, jacobian, axes=y_ndim)


SHAPE_SENTENCE = re.compile(
    r"(\w+)\.shape \+ (\w+)\.shape: <code>(\([^<]*\))</code> \+ <code>(\([^<]*\))</code> = "
    r"<strong><code>(\([^<]*\))</code></strong>"
)


def shape_sentences(app) -> list[tuple]:
    """Every 'C.shape + A.shape: (2, 2) + (2, 2) = (2, 2, 2, 2)' on the page, its shapes as tuples."""
    found = []
    for markup in htmls(app):
        for y, x, ys, xs, js in SHAPE_SENTENCE.findall(markup):
            found.append((y, x, ast.literal_eval(ys), ast.literal_eval(xs), ast.literal_eval(js)))
    return found


def numbers_in_code_spans(markup: str) -> list[np.ndarray]:
    """The arrays a sentence shows as code (`[[11, 15], [11, 15]]`), leaving code that is not numbers."""
    found = []
    for span in re.findall(r"<code>([^<]*)</code>", markup):
        try:
            found.append(np.asarray(json.loads(span), np.float64))
        except ValueError:
            continue
    return found


def constants_in_code(app) -> dict[str, str]:
    """name → the literal of every `name = tf.constant(<literal>)` of the TensorFlow script on the page."""
    source = shown_code(app)
    found = {}
    for node in ast.walk(ast.parse(source)):
        call = node.value if isinstance(node, ast.Assign) else None
        if isinstance(call, ast.Call) and getattr(call.func, "attr", None) == "constant":
            found[node.targets[0].id] = ast.get_source_segment(source, call.args[0])
    return found


def numbers_as_written(literal: str) -> list[str]:
    return re.findall(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?", literal)


def shape_comment(app) -> str:
    """The shape the script's comment gives the Jacobian: '# shape (2, 2, 2, 2)'."""
    found = re.search(r"# (?:shape|chiều) (\([^)]*\))", shown_code(app))
    return found.group(1) if found else ""


def matrix_shown(app, label: str, array: np.ndarray) -> np.ndarray | None:
    """The matrix labelled `label`; None where the page has none, or summarises it by its shape (too large)."""
    labelled = f'<table aria-label="{label}"'
    return shown_matrix(app, label) if any(labelled in markup for markup in htmls(app)) else None


def panels_expected(jacobian: np.ndarray, y_ndim: int) -> list[np.ndarray]:
    """The slices ∂y[i]/∂x in the order the slice grid draws them (y's row-major order), each shaped
    like x, as a matrix."""
    return [as_matrix(jacobian[index]) for index in element_indices(jacobian.shape[:y_ndim])]
