"""The take-away notebook: the view on screen as a Jupyter notebook (nbformat 4) that a learner can
run and change, explained in the reader's language.

A notebook is a list of cells: a markdown cell that says what a step does, then that step's code,
written from the catalog's code strings and the values on screen (the playground's formula as its
parser wrote it back, never a reader's raw text). A code cell that prints a result is tagged with
what it prints ("output", "jacobian", …): the tests run the notebook and compare each with the page.
"""

import base64
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from jaccore.catalog import LAYER, Example
from jaccore.codegen import constant_lines, gradient_lines, jacobian_line, python_literal, script_names, tape_lines
from jaccore.notation import generic_blanks, shape_text
from jaccore.translations import SENTENCES, grouped

KERNEL = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}
STEPS = (1.0, 0.1, 0.01, 0.001, 0.0001)  # t of the linear map's table: each a tenth of the one before


@dataclass(frozen=True)
class Cell:
    source: str
    code: bool = False
    tag: str = ""  # what a code cell prints, for the tests


def markdown(key: str, lang: str, **blanks: object) -> Cell:
    return Cell(SENTENCES[key](lang, **blanks))


def code(*lines: str, tag: str = "") -> Cell:
    return Cell("\n".join(lines), code=True, tag=tag)


def notebook_bytes(cells: list[Cell]) -> bytes:
    """The .ipynb file. nbformat is imported at the first download, not on a page's first run."""
    import nbformat
    from nbformat import v4

    notebook = v4.new_notebook(metadata=KERNEL)
    for cell in cells:
        if cell.code:
            notebook.cells.append(v4.new_code_cell(cell.source, metadata={"tags": [cell.tag]} if cell.tag else {}))
        else:
            notebook.cells.append(v4.new_markdown_cell(cell.source))
    nbformat.validate(notebook)
    return nbformat.writes(notebook).encode()


def heading(title: str, formula: str, page: str, lang: str) -> list[Cell]:
    intro = f"# {title}\n\n$${formula}$$\n\n{SENTENCES['notebook.made'](lang, page=page)}"
    return [Cell(intro), code("import tensorflow as tf")]


# A worked example, the playground ----------------------------------------------------------


def example_cells(
    example: Example, values: Mapping[str, np.ndarray], wrt: str, upstream: np.ndarray, page: str, lang: str
) -> list[Cell]:
    """Inputs, tape, Jacobian (shape, then values), gradient, and the column sums that equal it."""
    y, x, names = example.output_name, wrt, script_names(example, wrt)
    jacobian, gradient, k = names.jacobian, names.gradient, upstream.ndim
    ys, xs = tuple(upstream.shape), tuple(values[x].shape)
    sizes = dict(y=y, x=x, ys=shape_text(ys), xs=shape_text(xs), js=shape_text(ys + xs),
                 **generic_blanks(y, len(ys), x, len(xs)))  # fmt: skip
    weighted = not np.all(upstream == 1)
    cells = heading(example.title(lang), example.formula, page, lang)
    cells += [markdown("notebook.inputs", lang), code(*constant_lines({**example.constants, **values}), tag="inputs")]
    cells.append(markdown("notebook.tape", lang, y=y))
    cells.append(code(*tape_lines(example, values, lang, names), f"print({y})", tag="output"))
    n = grouped(int(np.prod(ys + xs, dtype=np.int64)), lang)
    cells.append(markdown("notebook.jacobian", lang, n=n, **sizes))
    cells.append(code(jacobian_line(example, values, x, ys, lang, names), f"print({jacobian}.shape)",
                      f"print({jacobian})", tag="jacobian"))  # fmt: skip
    cells.append(markdown("notebook.gradient_weighted" if weighted else "notebook.gradient", lang, **sizes))
    cells.append(code(*gradient_lines(example, x, upstream, lang, names), f"print({gradient})", tag="gradient"))
    v, column_sums = names.upstream, names.sums
    sums = (
        f"tf.tensordot({v}, {jacobian}, axes={k})" if weighted else f"tf.reduce_sum({jacobian}, axis={list(range(k))})"
    )
    check = "notebook.sums_scalar" if k == 0 else "notebook.sums_weighted" if weighted else "notebook.sums"
    cells.append(markdown(check, lang, k=k, **sizes))
    cells.append(code(f"{column_sums} = {sums}", f"print({column_sums})", largest_difference(column_sums, gradient),
                      tag="sums"))  # fmt: skip
    return [*cells, markdown("notebook.next", lang)]


def largest_difference(a: str, b: str) -> str:
    return f"print(float(tf.reduce_max(tf.abs({a} - {b}))))"


# A training step ----------------------------------------------------------------------------


def training_cells(values: Mapping[str, np.ndarray], loss: str, page: str, lang: str) -> list[Cell]:
    """Y, the losses and L on one tape; v = ∂L/∂Y; tape.gradient(L, W) beside ∂Y/∂W weighted by v; the
    bias's gradient beside v summed over the batch; the per-example gradients and their mean."""
    from jaccore.catalog.training import CODE, FORMULAS, LOSS_NAMES

    cells = heading(f"{page}: {LOSS_NAMES[loss](lang)}", FORMULAS[loss], page, lang)
    cells += [markdown("notebook.inputs", lang), code(*constant_lines(values), tag="inputs")]
    cells.append(markdown("notebook.training_tape", lang))
    cells.append(code("with tf.GradientTape(persistent=True) as g:", "    g.watch([W, b])", "    Y = X @ W + b",
                      f"    losses = {CODE[loss]}", "    L = tf.reduce_mean(losses)", "v = g.gradient(L, Y)",
                      "print(float(L))", "print(v)", tag="upstream"))  # fmt: skip
    cells.append(markdown("notebook.training_weights", lang))
    cells.append(code("jacobian_W = g.jacobian(Y, W)", "print(jacobian_W.shape)", "gradient_W = g.gradient(L, W)",
                      "print(gradient_W)", largest_difference("tf.tensordot(v, jacobian_W, axes=2)", "gradient_W"),
                      tag="weights"))  # fmt: skip
    cells.append(markdown("notebook.training_bias", lang))
    cells.append(code("gradient_b = g.gradient(L, b)", "print(gradient_b)",
                      largest_difference("tf.reduce_sum(v, axis=0)", "gradient_b"), tag="bias"))  # fmt: skip
    cells.append(markdown("notebook.training_per_example", lang))
    cells.append(code("per_example = g.jacobian(losses, W)", "print(per_example.shape)",
                      largest_difference("tf.reduce_mean(per_example, axis=0)", "gradient_W"),
                      tag="per_example"))  # fmt: skip
    return cells


# Row by row or column by column ------------------------------------------------------------


def modes_cells(values: Mapping[str, np.ndarray], wrt: str, mode: str, done: int, page: str, lang: str) -> list[Cell]:
    """The layer's flat Jacobian built pass by pass in the mode on screen, checked against g.jacobian."""
    rows = mode == "rows"
    passes = rows_of(values) if rows else values[wrt].size
    cells = heading(LAYER.title(lang), LAYER.formula, page, lang)
    cells += [markdown("notebook.inputs", lang), code(*constant_lines(values), tag="inputs")]
    key = "notebook.rows" if rows else "notebook.columns"
    cells.append(markdown(key, lang, x=wrt, done=done, total=passes))
    cells.append(code(*(by_rows(wrt) if rows else by_columns(wrt)), "print(flat_jacobian)", tag="flat"))
    cells.append(markdown("notebook.modes_check", lang, x=wrt))
    watch = [f"    g.watch({name})" for name in values]
    cells.append(code("with tf.GradientTape() as g:", *watch, f"    y = {LAYER.code}",
                      f"jacobian_{wrt} = g.jacobian(y, {wrt})", f"print(jacobian_{wrt}.shape)",
                      largest_difference(f"tf.reshape(jacobian_{wrt}, flat_jacobian.shape)", "flat_jacobian"),
                      tag="check"))  # fmt: skip
    return cells


def rows_of(values: Mapping[str, np.ndarray]) -> int:
    return int(values["W"].shape[0] * values["x"].shape[1])  # y = tanh(W·x) has W's rows × x's columns


def by_rows(x: str) -> list[str]:
    return [
        "with tf.GradientTape(persistent=True) as g:",
        *[f"    g.watch({name})" for name in LAYER.inputs],
        f"    y = {LAYER.code}",
        "    y_elements = tf.unstack(tf.reshape(y, [-1]))  # y[i] one by one, recorded on the tape",
        f"rows = [tf.reshape(g.gradient(y_i, {x}), [-1]) for y_i in y_elements]",
        "flat_jacobian = tf.stack(rows)",
    ]


def by_columns(x: str) -> list[str]:
    return [
        "columns = []",
        f"for k in range(int(tf.size({x}))):",
        f"    one_hot = tf.reshape(tf.one_hot(k, tf.size({x})), {x}.shape)",
        f"    with tf.autodiff.ForwardAccumulator(primals={x}, tangents=one_hot) as acc:",
        f"        y = {LAYER.code}",
        "    columns.append(tf.reshape(acc.jvp(y), [-1]))",
        "flat_jacobian = tf.stack(columns, axis=1)",
    ]


# The Hessian -------------------------------------------------------------------------------


def hessian_cells(example: Example, x: np.ndarray, v: np.ndarray, page: str, lang: str) -> list[Cell]:
    """Nested tapes: the Hessian as the Jacobian of the gradient, then H·v without H."""
    cells = heading(example.title(lang), example.formula, page, lang)
    inputs = constant_lines({**example.constants, "x": x, "v": v})
    cells += [markdown("notebook.inputs", lang), code(*inputs, tag="inputs")]
    cells.append(markdown("notebook.hessian", lang, hs=shape_text(x.shape + x.shape)))
    cells.append(code(*nested_tapes(example), "hessian = outer.jacobian(gradient, x)", "print(hessian)", tag="hessian"))
    cells.append(markdown("notebook.hvp", lang))
    product = f"tf.tensordot(hessian, v, axes={x.ndim})"
    cells.append(code(*nested_tapes(example), "hvp = outer.gradient(gradient, x, output_gradients=v)", "print(hvp)",
                      largest_difference("hvp", product), tag="hvp"))  # fmt: skip
    return cells


def nested_tapes(example: Example) -> list[str]:
    return [
        "with tf.GradientTape() as outer:",
        "    outer.watch(x)",
        "    with tf.GradientTape() as inner:",
        "        inner.watch(x)",
        f"        {example.output_name} = {example.code}",
        f"    gradient = inner.gradient({example.output_name}, x)",
    ]


# The best linear map -----------------------------------------------------------------------


def linear_cells(
    example: Example,
    values: Mapping[str, np.ndarray],
    wrt: str,
    delta: np.ndarray,
    index: tuple[int, ...],
    page: str,
    lang: str,
) -> list[Cell]:
    """J·δ by one forward pass, then f(x + tδ) against f(x) + t·J·δ for one output element."""
    y, at = example.output_name, "".join(f"[{i}]" for i in index)
    yi = f"{y}[{','.join(map(str, index))}]" if index else y
    cells = heading(example.title(lang), example.formula, page, lang)
    inputs = constant_lines({**example.constants, **values, "delta": delta}, ", tf.float64")
    cells += [markdown("notebook.linear_inputs", lang), code(*inputs, tag="inputs")]
    cells.append(markdown("notebook.jvp", lang, y=y, x=wrt, yi=yi))
    cells.append(code(f"def fn({wrt}):", f"    return {example.code}", "",
                      f"with tf.autodiff.ForwardAccumulator(primals={wrt}, tangents=delta) as acc:",
                      f"    {y} = fn({wrt})", f"j_delta = acc.jvp({y})", f"print(float({y}{at}))",
                      f"print(float(j_delta{at}))", tag="jvp"))  # fmt: skip
    cells.append(markdown("notebook.linear_table", lang, yi=yi))
    names = [SENTENCES[key](lang) for key in ("notebook.table_exact", "notebook.table_linear", "notebook.table_error")]
    cells.append(code(f"print(f\"{{'t':<8}} {{'{names[0]}':<22}} {{'{names[1]}':<22}} {names[2]}\")",
                      f"for t in {python_list(STEPS)}:", f"    exact = float(fn({wrt} + t * delta){at})",
                      f"    linear = float(({y} + t * j_delta){at})",
                      '    print(f"{t:<8g} {exact:<22.15g} {linear:<22.15g} {abs(exact - linear):.3g}")',
                      tag="table"))  # fmt: skip
    return cells


def python_list(numbers: tuple[float, ...]) -> str:
    return "[" + ", ".join(repr(n) for n in numbers) + "]"


# The digit classifier ----------------------------------------------------------------------

DIGITS_FORMULA = r"\mathrm{logits} = \tanh(\mathrm{image}\,W_1 + b_1)\,W_2 + b_2"


def digits_cells(n: int, image: np.ndarray, c: int, weights_npz: bytes, page: str, lang: str) -> list[Cell]:
    """The network with its weights inside (the .npz file's bytes), image n, one persistent tape, and
    every gradient of the page."""
    weights = base64.b64encode(weights_npz).decode()
    cells = heading(page, DIGITS_FORMULA, page, lang)
    cells.append(markdown("notebook.digits_network", lang))
    cells.append(code("import base64", "import io", "import numpy as np", "", f'WEIGHTS = "{weights}"',
                      "weights = np.load(io.BytesIO(base64.b64decode(WEIGHTS)))",
                      'W1, b1, W2, b2 = (tf.constant(weights[name]) for name in ("W1", "b1", "W2", "b2"))', "",
                      "def network(image):", "    hidden = tf.tanh(tf.reshape(image, (1, 64)) @ W1 + b1)",
                      "    return tf.reshape(hidden @ W2 + b2, (10,))"))  # fmt: skip
    cells.append(markdown("notebook.digits_image", lang, n=n, c=c))
    cells.append(code(f"image = tf.constant({python_literal(image)})", f"c = {c}", tag="inputs"))
    cells.append(markdown("notebook.digits_tape", lang))
    cells.append(code("with tf.GradientTape(persistent=True) as tape:", "    tape.watch(image)",
                      "    logits = network(image)", "    probabilities = tf.nn.softmax(logits)",
                      "    log_probabilities = tf.nn.log_softmax(logits)", "    probability_c = probabilities[c]",
                      "    log_probability_c = log_probabilities[c]", "print(logits)", "print(probabilities)",
                      tag="output"))  # fmt: skip
    cells.append(markdown("notebook.digits_jacobian", lang))
    cells.append(code("jacobian = tape.jacobian(logits, image)", "print(jacobian.shape)", "print(jacobian)",
                      tag="jacobian"))  # fmt: skip
    cells.append(markdown("notebook.digits_sum", lang))
    cells.append(code("gradient = tape.gradient(logits, image)", "print(gradient)",
                      largest_difference("gradient", "tf.reduce_sum(jacobian, axis=0)"), tag="gradient"))  # fmt: skip
    cells.append(markdown("notebook.digits_saliency", lang))
    cells.append(code("saliency = tape.gradient(logits, image, output_gradients=tf.one_hot(c, 10))",
                      "print(saliency)", largest_difference("saliency", "jacobian[c]"), tag="saliency"))  # fmt: skip
    cells.append(markdown("notebook.digits_trap", lang))
    cells.append(code("print(tape.gradient(probabilities, image))", "print(tape.gradient(probability_c, image))",
                      "print(tape.gradient(log_probability_c, image))", tag="trap"))  # fmt: skip
    return cells
