"""The screen audit: after any sequence of interactions, what a page shows agrees with itself.

Hypothesis draws a deep link and a sequence of interactions (slider moves, reset, random fill,
formula and shape changes, the choice of example, x or composition, upstream weights, views,
language) for every page with sliders. After each step the audit reads the state the page shows
(its sliders, boxes and choices) and every number, shape and name it shows, recomputes them
without the engine (tests/pages/screen.py) and asserts they agree.

AUDIT_SEQUENCES sets the number of sequences per page (30 by default: 300 in all in CI).
"""

import ast
import html
import os
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from jaccore.catalog import CHAIN_EXAMPLES, CHAINS, EXAMPLES, HESSIAN_EXAMPLES, LAYER, chain_slug
from jaccore.catalog.puzzles import PUZZLES
from jaccore.catalog.training import INPUTS as TRAINING_INPUTS
from jaccore.figures import panel_titles
from jaccore.grading import points
from jaccore.notation import as_matrix
from jaccore.sitemap import PAGES, live
from tests import oracles
from tests.engine import test_grading
from tests.pages import screen
from tests.pages.apptest import charts, errors, htmls, open_page, shown_matrix, shown_rows
from tests.reading import panels_of, plotly_array

LINEAR_FUNCTIONS = {"layer": LAYER, **EXAMPLES}  # what the linear map's page offers

SEQUENCES = int(os.environ.get("AUDIT_SEQUENCES", "30"))
LIVE = [slug for slug, page in PAGES.items() if live(page)] + ["puzzles"]  # the puzzles: no sliders, an answer
FORMULAS = ["tanh(W @ x + b)", "x * x", "sum(x * x)", "softmax(v)", "a * x + b", "transpose(W) @ W", "W @ x"]
SHAPES = ["2,2", "3,1", "2,3", "1,3", "", "3", "9,9"]


def deep_link(slug: str, draw) -> dict[str, str]:
    """A link into the page: a language, and for a worked example some inputs and the x."""
    query = {"lang": draw(st.sampled_from(["en", "vi"]))}
    if slug in EXAMPLES:
        example = EXAMPLES[slug]
        query["wrt"] = draw(st.sampled_from(example.wrt))
        keys = [key for name, value in example.inputs.items() for key in screen.slider_keys(name, value.shape)]
        for key in draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)):
            query[key] = str(draw(grid(example.value_range, example.step)))
    if slug == "puzzles":
        query["puzzle"] = draw(st.sampled_from(list(PUZZLES)))
    return query


def grid(value_range: tuple[float, float], step: float):
    lo, hi = value_range
    return st.integers(0, round((hi - lo) / step)).map(lambda n: round(lo + n * step, 6))


def actions(app, slug: str) -> list[tuple]:
    """What a reader can do on the page as it stands."""
    found = [("slider", s.key) for s in app.slider]
    found += [("button", b.key) for b in app.button if b.key in ("reset", "random")]
    found += [("toggle", t.key) for t in app.toggle]
    found += [("radio", r.key) for r in app.radio if r.key in ("wrt", "lang", "mode")]
    found += [("selectbox", s.key) for s in app.selectbox if s.key in ("example", "chain", "function", "element")]
    if slug == "digits":
        found += [("radio", "class"), ("radio", "output"), ("radio", "upstream"), ("button", "mistake")]
    if slug == "puzzles":
        found += [("answer", "answer"), ("selectbox", "puzzle")]
    if slug == "training_step":
        found += [("radio", r.key) for r in app.radio if r.key in ("network", "loss") or r.key.startswith("label.")]
    if slug == "playground":
        found += [("text", "expr")] + [("text", t.key) for t in app.text_input if t.key.startswith("shape.")]
    boxes = [("box", t.key) for t in app.text_input if t.key.startswith("build.")]
    found += boxes + [("fill", "build")] * bool(boxes)  # one box, or every box at once
    found += [("button", b.key) for b in app.button if b.key in ("build.hint", "build.show") and not b.disabled]
    return found


def act(app, action: tuple, draw) -> None:
    kind, key = action
    if kind == "slider":
        slider = app.slider(key=key)
        slider.set_value(draw(grid((slider.min, slider.max), slider.step)))
    elif kind == "button":
        app.button(key=key).click()
    elif kind == "toggle":
        app.toggle(key=key).set_value(not app.toggle(key=key).value)
    elif kind in ("radio", "selectbox"):
        screen.widget(app, kind, key).set_value(draw(st.sampled_from(choices(app, key))))
    elif kind == "box":
        app.text_input(key=key).input(draw(box_text(app, slug_of(app), key)))
    elif kind == "answer":
        puzzle = PUZZLES[screen.widget(app, "selectbox", "puzzle").value]
        app.text_input(key=key).input(draw(st.sampled_from([puzzle.answer, *puzzle.wrong, "x +", "z * 2", "1"])))
    elif kind == "fill":
        for box in [t.key for t in app.text_input if t.key.startswith("build.")]:
            app.text_input(key=box).input(draw(box_text(app, slug_of(app), box)))
    elif key == "expr":
        app.text_input(key=key).input(draw(st.sampled_from(FORMULAS)))
    else:
        app.text_input(key=key).input(draw(st.sampled_from(SHAPES)))
    app.run()


def slug_of(app) -> str:
    """The page on screen, by its title."""
    title = app.title[0].value
    return next(slug for slug, page in PAGES.items() if title in (page.title("en"), page.title("vi")))


def box_text(app, slug: str, key: str):
    """What a learner types into a box of ∇x: its right value at the values on screen (as the closed
    form has it), a number off by one, another whole number, nothing, or text."""
    state = screen.state_on_screen(app, slug)
    gradient = screen_gradient(state)
    index = tuple(int(i) for i in key.split(".")[2:] if i)
    right = float(gradient[index])
    return st.sampled_from([repr(right), repr(right + 1), str(int(right) + 3), "", "abc", "-2"])


def screen_gradient(state: screen.State) -> np.ndarray:
    jacobian = screen.oracle_jacobian(state.example, state.values, state.wrt)
    y_ndim = jacobian.ndim - state.values[state.wrt].ndim
    return screen.sum_over_outputs(jacobian, y_ndim, state.upstream)


def choices(app, key: str) -> list[str]:
    """The codes a choice kept in the URL can take (its options show them translated)."""
    if key == "wrt":
        return list(screen.widget(app, "radio", "wrt").options)  # the inputs' names, as they are
    if key == "class":
        return ["read", *map(str, range(10))]
    if key == "upstream":
        return ["ones", "one_hot"]
    if key == "output":
        return ["logits", "probabilities"]
    if key.startswith("label."):
        return list(screen.widget(app, "radio", key).options)
    if key == "element":  # y's elements, as codes: "0.1" for y[0,1], "" for a scalar y
        options = screen.widget(app, "selectbox", key).options
        return [o.split("[")[1].rstrip("]").replace(",", ".") if "[" in o else "" for o in options]
    examples = list(LINEAR_FUNCTIONS) if screen.widget(app, "selectbox", "element") else list(EXAMPLES)
    codes = {"lang": ["en", "vi"], "example": examples, "chain": list(CHAIN_EXAMPLES), "mode": ["rows", "columns"],
             "function": list(HESSIAN_EXAMPLES), "puzzle": list(PUZZLES),
             "network": ["layer", "digits"], "loss": ["mse", "cross_entropy"]}  # fmt: skip
    return codes[key]


@pytest.mark.parametrize("slug", LIVE)
# No shrinking: each example reopens the page, and a failing sequence is short enough to read as drawn.
@settings(max_examples=SEQUENCES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
          phases=[Phase.explicit, Phase.generate], print_blob=True)  # fmt: skip
@given(data=st.data())
def test_what_a_page_shows_agrees_with_the_state_it_shows(slug, data):
    app = open_page(slug, **deep_link(slug, data.draw))
    audit(app, slug)
    for _ in range(data.draw(st.integers(1, 4), label="steps")):
        act(app, data.draw(st.sampled_from(actions(app, slug)), label="action"), data.draw)
        audit(app, slug)


def audit(app, slug: str) -> None:
    assert errors(app) == []
    audit_url(app)
    if app.error:  # a formula or shapes refused: a sentence, and nothing computed
        assert not charts(app)
        return
    if slug in BEYOND:
        BEYOND[slug](app)
        return
    state = screen.state_on_screen(app, slug)
    {"batch_jacobian": audit_batch, "chain_rule": audit_chain}.get(slug, audit_explorer)(app, state)


def audit_url(app) -> None:
    """The link holds the state on screen: no parameter for a widget the page does not show."""
    keys = {w.key for kind in ("slider", "select_slider", "toggle", "radio", "selectbox", "text_input",
                               "number_input") for w in app.get(kind)}  # fmt: skip
    assert set(app.query_params) <= keys | {"lang", "predict"}, set(app.query_params) - keys  # predict: a link's switch


def audit_explorer(app, state: screen.State) -> None:
    """An example page, the lesson and the playground: output, slices, their sum, the gradient, the
    shape sentence, the numbers in the explanation, and the script."""
    example, y, x = state.example, state.example.output_name, state.wrt
    output = screen.evaluate(example.fn, state.values)
    jacobian = screen.oracle_jacobian(example, state.values, x)
    gradient = screen.sum_over_outputs(jacobian, output.ndim, state.upstream)
    shown = charts(app)
    if (matrix := screen.matrix_shown(app, y, output)) is not None:
        screen.close(matrix, as_matrix(output), "output", digits=4)
    if "slices" in shown:
        slices = screen.panels_expected(jacobian, output.ndim)
        for panel, expected in zip(panels_of(shown["slices"]), slices, strict=True):
            screen.close(panel, expected, "a slice of the Jacobian")
    if "flat_chart" in shown:
        screen.close(panels_of(shown["flat_chart"])[0], jacobian.reshape(output.size, -1), "the flat Jacobian")
    audit_sum(app, shown["sum"], x, gradient)
    if (matrix := screen.matrix_shown(app, f"∇ {x}", gradient)) is not None:
        screen.close(matrix, as_matrix(gradient), "the gradient", digits=4)
    if "flat_chart" in shown and widget_exists(app, "example"):  # the lesson's table
        column_sums, returned = shown_rows(app).values()
        screen.close(column_sums, jacobian.sum(axis=tuple(range(output.ndim))), "column sums", digits=4)
        screen.close(returned, gradient, "tape.gradient's row", digits=4)
    for names_and_shapes in screen.shape_sentences(app):
        assert names_and_shapes == (y, x, output.shape, state.values[x].shape, jacobian.shape)
    audit_insight(app, jacobian, output.ndim)
    audit_code(app, state, jacobian.shape)


def audit_sum(app, figure: dict, x: str, gradient: np.ndarray) -> None:
    """The sum of the slices: = Σ vs tape.gradient; or, where the learner builds it, = the learner's grid
    (their numbers, a gap where a box holds none), then tape.gradient once every box is right. Each box
    is marked right exactly when its number is the closed form's, to three decimals."""
    titles = panel_titles(figure)
    boxes = {t.key: t.value for t in app.text_input if t.key.startswith(f"build.{x}.")}
    typed = np.array([parsed(text) for text in boxes.values()], np.float64).reshape(gradient.shape) if boxes else None
    panels = panels_of(figure)
    if f"your ∇{x}" in titles or f"∇{x} của bạn" in titles:
        at = len(titles) - 1 - titles[::-1].index(next(t for t in titles if "∇" in t and x in t))
        np.testing.assert_array_equal(panels[at], as_matrix(typed))
        built = at < len(titles) - 1
        assert built == bool(np.all(np.abs(typed - gradient) <= 5e-3 * np.maximum(1, np.abs(gradient))))
        if built:
            screen.close(panels[-1], as_matrix(gradient), "tape.gradient beside the learner's grid")
    else:
        total, tape = panels[-2:]
        screen.close(total, as_matrix(gradient), "Σ of the slices")
        screen.close(tape, as_matrix(gradient), "tape.gradient")
    if typed is not None:
        right = [html.unescape(m) for markup in htmls(app) for m in re.findall(r"<code>∇[^<]*</code>: ✓", markup)]
        close_enough = np.abs(typed - gradient) <= 5e-3 * np.maximum(1, np.abs(gradient))
        assert len(right) == int(np.sum(close_enough)), (right, typed, gradient)


def parsed(text: str) -> float:
    """A box's text as the page reads a number (a decimal comma, a minus sign), NaN for anything else."""
    cleaned = text.strip().replace("−", "-").replace(",", ".")
    return float(cleaned) if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", cleaned) else np.nan


def widget_exists(app, key: str) -> bool:
    return any(w.key == key for w in app.selectbox)


def audit_insight(app, jacobian: np.ndarray, y_ndim: int) -> None:
    """The numbers an explanation shows are the plain gradient's (the slices added up)."""
    plain = jacobian.sum(axis=tuple(range(y_ndim)))
    for markup in htmls(app):
        if "<h2>" in markup and screen.SHAPE_SENTENCE.search(markup):
            for numbers in screen.numbers_in_code_spans(markup):
                screen.close(numbers, plain, "the explanation's numbers", digits=4)


def audit_code(app, state: screen.State, jacobian_shape: tuple) -> None:
    if not any('class="jx-code"' in markup for markup in htmls(app)):
        return  # the lesson has no script
    constants = screen.constants_in_code(app)
    held = screen.sliders(app)
    for name, value in state.values.items():
        np.testing.assert_array_equal(np.asarray(ast.literal_eval(constants[name]), np.float32), value)
        keys = screen.slider_keys(name, value.shape)
        if all(key in held for key in keys):  # written as the sliders show them: 0.9, not 0.8999999761581421
            assert screen.numbers_as_written(constants[name]) == [repr(held[key]) for key in keys]
    if state.upstream is not None and not np.all(state.upstream == 1):
        np.testing.assert_array_equal(np.ravel(ast.literal_eval(constants["v"])), state.upstream)
    assert f"{tuple(jacobian_shape)}" in screen.shape_comment(app)


def audit_batch(app, state: screen.State) -> None:
    jacobian = screen.oracle_jacobian(state.example, state.values, "x")
    shown = charts(app)
    batch = jacobian.shape[0]
    blocks = [jacobian[b, :, c, :] for b in range(batch) for c in range(batch)]
    for panel, expected in zip(panels_of(shown["blocks"]), blocks, strict=True):
        screen.close(panel, expected, "a block of the full Jacobian")
    for panel, expected in zip(panels_of(shown["diagonal"]), np.einsum("cibk->bik", jacobian), strict=True):
        screen.close(panel, expected, "what batch_jacobian returns: Σ_c ∂y[c]/∂x[b]")
    assert panel_titles(shown["diagonal"]) == [f"Σ c ∂y[c]/∂x[{b}]" for b in range(batch)]  # Σ_c, as they are
    for y, x, ys, xs, js in screen.shape_sentences(app):
        assert (y, x, js) == ("y", "x", jacobian.shape) and ys + xs == js


def audit_chain(app, state: screen.State) -> None:
    (inner, outer, via), wrt = PAIRS[state.example.slug], state.wrt
    f_values = {name: state.values[name] for name in EXAMPLES[inner].inputs}
    f = screen.evaluate(EXAMPLES[inner].fn, f_values)
    g_values = {**{name: state.values[name] for name in EXAMPLES[outer].inputs if name != via}, via: f}
    j_f = screen.oracle_jacobian(EXAMPLES[inner], f_values, wrt)
    j_g = EXAMPLES[outer].closed_form(g_values, via)
    j = np.tensordot(j_g, j_f, axes=f.ndim)
    y_ndim = j_g.ndim - f.ndim
    flat = lambda jacobian, out: jacobian.reshape(int(np.prod(jacobian.shape[:out])), -1)  # noqa: E731
    expected = (flat(j_g, y_ndim), flat(j_f, f.ndim), flat(j, y_ndim))
    for panel, matrix, name in zip(panels_of(charts(app)["product"]), expected, ("J_g", "J_f", "J"), strict=True):
        screen.close(panel, matrix, f"{name}, flat, in the product J_g · J_f = J")
    screen.close(shown_matrix(app, f"∇ {wrt}"), as_matrix(j.sum(axis=tuple(range(y_ndim)))), "∇", digits=4)


PAIRS = {chain_slug(inner, outer): (inner, outer, via) for inner, outer, via in CHAINS}
assert set(PAIRS) == set(CHAIN_EXAMPLES)


def audit_modes(app) -> None:
    """Rows or columns: the passes run so far fill the flat Jacobian in the closed form's numbers,
    the rest empty."""
    wrt, mode = screen.widget(app, "radio", "wrt").value, screen.widget(app, "radio", "mode").value
    values = {
        name: screen.input_on_screen(app, name, value.shape, screen.sliders(app))
        for name, value in LAYER.inputs.items()
    }
    flat = LAYER.closed_form({name: v.astype(np.float64) for name, v in values.items()}, wrt).reshape(3, -1)
    done = int(app.slider(key=f"passes.{mode}.{wrt}").value)
    expected = np.full(flat.shape, np.nan)
    if mode == "rows":
        expected[:done] = flat[:done]
    else:
        expected[:, :done] = flat[:, :done]
    screen.close(panels_of(charts(app)["built"])[0], expected, "the passes run so far")


def audit_hessian(app) -> None:
    """The Hessian and H·v at the x and v the sliders hold, against the closed form."""
    example = HESSIAN_EXAMPLES[screen.widget(app, "selectbox", "function").value]
    held = screen.sliders(app)
    x = screen.input_on_screen(app, "x", (3,), held).astype(np.float64)
    v = screen.input_on_screen(app, "v", (3,), held).astype(np.float64)
    h = example.closed_form({"x": x}, "x")
    screen.close(panels_of(charts(app)["hessian"])[0], h, "H")
    screen.close(shown_matrix(app, "H·v"), h @ v, "H·v", digits=4)


def audit_linear(app) -> None:
    """f(x + tδ) and f(x) + J·tδ drawn for the element chosen, and the error of the linear map."""
    example = LINEAR_FUNCTIONS[screen.widget(app, "selectbox", "example").value]
    radio = screen.widget(app, "radio", "wrt")
    wrt = radio.value if radio is not None else example.wrt[0]
    held = screen.sliders(app)
    values = {name: screen.input_on_screen(app, name, v.shape, held) for name, v in example.inputs.items()}
    delta = screen.input_on_screen(app, "delta", example.inputs[wrt].shape, held).astype(np.float64)
    shown = charts(app)
    if not delta.any():
        assert "curve" not in shown
        return
    element = screen.widget(app, "selectbox", "element").value
    index = tuple(int(i) for i in element.split(".") if i)
    jacobian = screen.oracle_jacobian(example, values, wrt)
    y = screen.evaluate(example.fn, values)
    along = np.tensordot(jacobian, delta, axes=delta.ndim)  # J·δ
    curve = shown["curve"]["data"]
    t = plotly_array(curve[0]["x"])
    moved = [screen.evaluate(example.fn, {**values, wrt: values[wrt] + step * delta})[index] for step in t]
    screen.close(plotly_array(curve[0]["y"]), moved, "f(x + tδ)")
    screen.close(plotly_array(curve[1]["y"]), y[index] + t * along[index], "f(x) + J·tδ")


def audit_digits(app) -> None:
    """Every picture of the digit classifier's page, at the image, class, output and v on screen,
    against the network in float64 from its files: the ten slices (of the logits or of softmax),
    their sum weighted by v, the gradients of one class beside the zero, each image's map in the batch."""
    n, chosen = int(app.slider(key="image").value), screen.widget(app, "radio", "class").value
    logits, jacobian = oracles.digit_network(oracles.digit_image(n))
    p, predicted = oracles.softmax(logits), int(np.argmax(logits))
    c = predicted if chosen == "read" else int(chosen)
    e_c = np.eye(10)[c]
    if screen.widget(app, "radio", "output").value == "probabilities":
        slices = oracles.softmax_jacobian(p, jacobian)
    else:
        slices = jacobian
    v = np.ones(10) if screen.widget(app, "radio", "upstream").value == "ones" else e_c
    shown = charts(app)
    for panel, expected in zip(panels_of(shown["slices"]), slices, strict=True):
        screen.close(panel, expected, "a slice ∂y[c]/∂image")
    *terms, total, tape = panels_of(shown["sum"])
    for term, v_k, slice_k in zip(terms, v, slices, strict=True):
        screen.close(term, v_k * slice_k, "a term v[k]·slice k")
    gradient = np.tensordot(v, slices, axes=1)
    screen.close(total, gradient, "Σ of the weighted slices")
    screen.close(tape, gradient, "the tape's gradient")
    fixes = [
        np.zeros((8, 8)),
        np.tensordot(p[c] * (e_c - p), jacobian, axes=1),
        np.tensordot(e_c - p, jacobian, axes=1),
    ]
    if screen.widget(app, "radio", "output").value == "logits":
        assert "fix" not in shown  # the trap's fix is drawn beside the trap, the probabilities' slices
    else:
        for panel, expected in zip(panels_of(shown["fix"]), fixes, strict=True):
            screen.close(panel, expected, "the gradient of the probabilities, of p[c], of log p[c]")
    first = int(app.slider(key="batch").value)
    for k, panel in enumerate(panels_of(shown["batch"])):
        b_logits, b_jacobian = oracles.digit_network(oracles.digit_image((first + k) % 1797))
        screen.close(panel, b_jacobian[int(np.argmax(b_logits))], "a saliency map of the batch")
    label, reading = oracles.digit_label(n), next(m for m in htmls(app) if 'class="jx-image"' in m)
    assert f"<strong>{label}</strong>" in reading and f"<strong>{predicted}</strong>" in reading


def audit_puzzles(app) -> None:
    """The verdict on the answer on screen against finite differences in float64 at the puzzle's points:
    right exactly when the formula is; a picture only where its shape fits."""
    puzzle = PUZZLES[screen.widget(app, "selectbox", "puzzle").value]
    text = app.text_input(key="answer").value
    if not text.strip():
        assert not app.success and not app.warning
        return
    try:
        yours = [test_grading.evaluated(text, puzzle, values) for values in points(puzzle)]
    except ValueError:  # refused (ExpressionError is a ValueError), or TensorFlow stopped on it
        assert app.error and not app.success and not charts(app)
        return
    expected = [test_grading.oracle(puzzle, values) for values in points(puzzle)]
    same_shape = yours[0].shape == expected[0].shape
    right = same_shape and all(np.allclose(y, e, rtol=1e-3, atol=1e-3) for y, e in zip(yours, expected, strict=True))
    assert bool(app.success) == right and bool(app.warning) != right
    assert bool(charts(app)) == same_shape


def audit_training(app) -> None:
    """The training step at the sliders (and labels) on screen, in float64 from the closed forms: v = ∂L/∂Y
    (MSE: 2(Y − T)/(B·m); cross-entropy: (softmax(Y) − onehot)/B), the slices of ∂Y/∂W and ∂Y/∂b weighted by
    it adding up to Xᵀ·v and to v summed over the batch, and the per-example gradients adding up to their
    sum; or, for the digit classifier, each image's softmax − onehot, the gradient of its loss in b2."""
    shown = charts(app)
    if screen.widget(app, "radio", "network").value == "digits":
        first = int(app.slider(key="first").value)
        rows = []
        for k in range(6):
            n = (first + k) % 1797
            logits, _ = oracles.digit_network(oracles.digit_image(n))
            rows.append(oracles.softmax(logits) - np.eye(10)[oracles.digit_label(n)])
        audit_slices(shown["digits"], np.ones(6), np.array(rows))
        return
    held = screen.sliders(app)
    X, W, b = (training_input(held, name) for name in ("X", "W", "b"))
    Y = X @ W + b
    (B, n), m = X.shape, W.shape[1]
    if screen.widget(app, "radio", "loss").value == "mse":
        T = training_input(held, "T")
        v, losses = 2 * (Y - T) / (B * m), ((Y - T) ** 2).mean(axis=1)
    else:
        labels = [int(screen.widget(app, "radio", f"label.{k}").value) for k in range(B)]
        T = np.eye(m)[labels]
        p = np.exp(Y - Y.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        v, losses = (p - T) / B, -np.log(p[np.arange(B), labels])
    screen.close(shown_matrix(app, "Y"), Y, "Y = X @ W + b", digits=4)
    screen.close(panels_of(shown["upstream"])[0], v, "v = ∂L/∂Y")
    dY_dW = np.einsum("ik,jl->ijkl", X, np.eye(m))  # ∂Y[i,j]/∂W[k,l] = X[i,k]·δ(j,l)
    dY_db = np.broadcast_to(np.eye(m), (B, m, m))  # ∂Y[i,j]/∂b = the row j of the identity
    audit_slices(shown["weights"], v.reshape(-1), dY_dW.reshape(B * m, n, m))
    np.testing.assert_allclose(np.tensordot(v, dY_dW, axes=2), X.T @ v)
    audit_slices(shown["bias"], v.reshape(-1), dY_db.reshape(B * m, m))
    per_example = np.einsum("ik,il->ikl", X, B * v)  # ∂ℓ[i]/∂W = X[i]ᵀ·∂ℓ[i]/∂Y[i], and ∂ℓ[i]/∂Y[i] = B·v[i]
    audit_slices(shown["per_example"], np.ones(B), per_example)
    text = next(m for m in htmls(app) if "ℓ = " in m or "ℓ =" in html.unescape(m))
    shown_losses = re.search(r"\[([^\]]*)\]", html.unescape(text).split("ℓ", 1)[1]).group(1)
    screen.close(np.array(shown_losses.split(","), float), losses, "the losses ℓ", digits=4)


def training_input(held: dict[str, float], name: str) -> np.ndarray:
    shape = TRAINING_INPUTS[name].shape
    return np.array([held[key] for key in screen.slider_keys(name, shape)], np.float64).reshape(shape)


def audit_slices(figure: dict, weights: np.ndarray, slices: np.ndarray) -> None:
    """A sum picture: each slice times its weight, their sum, and tape.gradient beside it."""
    *terms, total, tape = panels_of(figure)
    for term, w, slice_ in zip(terms, weights, slices, strict=True):
        screen.close(term, as_matrix(w * slice_), "a weighted slice")
    gradient = as_matrix(np.tensordot(weights, slices, axes=1))
    screen.close(total, gradient, "Σ of the weighted slices")
    screen.close(tape, gradient, "tape.gradient")


BEYOND = {"rows_or_columns": audit_modes, "hessian": audit_hessian, "linear_map": audit_linear, "digits": audit_digits,
          "puzzles": audit_puzzles, "training_step": audit_training}  # fmt: skip
