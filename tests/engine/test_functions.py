"""What the language grew for writing a Jacobian (jaccore/functions.py, jaccore/indexing.py): each new
function, constant, index and product with a vector, against its closed-form Jacobian written here in
float64 numpy and against central finite differences; its refusals; its TensorFlow code, which runs."""

import numpy as np
import pytest
import tensorflow as tf

import jaccore
from jaccore.expression import ExpressionError, parse_expression
from tests.oracles import central_differences

rng = np.random.default_rng(20261207)
a, b, p = (rng.uniform(-1.5, 1.5, 3) for _ in range(3))
W, M, x6 = rng.uniform(-1.5, 1.5, (2, 3)), rng.uniform(-1.5, 1.5, (3, 3)), rng.uniform(0.5, 1.5, 6)
I2, I3 = np.eye(2), np.eye(3)


def softmax(v: np.ndarray) -> np.ndarray:
    z = np.exp(v - v.max())
    return z / z.sum()


# (formula, inputs, wrt, the closed-form Jacobian J[y…, x…] in float64)
CASES = [
    ("diag(a)", {"a": a}, "a", np.einsum("ij,ik->ijk", I3, I3)),
    ("diag(M)", {"M": M}, "M", np.einsum("ik,il->ikl", I3, I3)),
    ("outer(a, b)", {"a": a, "b": b}, "a", np.einsum("ik,j->ijk", I3, b)),
    ("outer(a, b)", {"a": a, "b": b}, "b", np.einsum("i,jk->ijk", a, I3)),
    ("outer(eye(2), a)", {"a": a}, "a", np.einsum("ij,kl->ijkl", I2, I3)),
    ("a * ones(2, 3)", {"a": a}, "a", np.einsum("i,jk->ijk", np.ones(2), I3)),
    ("a + zeros(3) + eye(3)[0]", {"a": a}, "a", I3),
    ("trace(M)", {"M": M}, "M", I3),
    ("log_softmax(a)", {"a": a}, "a", I3 - np.outer(np.ones(3), softmax(a))),
    ("norm(a)", {"a": a}, "a", a / np.linalg.norm(a)),
    ("norm(M, axis=0)", {"M": M}, "M", np.einsum("kl,jl->jkl", M / np.linalg.norm(M, axis=0), I3)),
    ("reshape(x6, (2, 3))", {"x6": x6}, "x6", np.eye(6).reshape(2, 3, 6)),
    ("reshape(x6, (3, -1))", {"x6": x6}, "x6", np.eye(6).reshape(3, 2, 6)),
    ("maximum(a, b)", {"a": a, "b": b}, "a", np.diag((a > b).astype(float))),
    ("maximum(a, 0)", {"a": a}, "a", np.diag((a > 0).astype(float))),
    ("pi * a", {"a": a}, "a", np.pi * I3),
    ("e ** a", {"a": a}, "a", np.diag(np.e**a)),
    ("a[0] * a", {"a": a}, "a", np.outer(a, I3[0]) + a[0] * I3),
    ("a[-1] + a[1:]", {"a": a}, "a", np.array([[0.0, 1, 1], [0, 0, 2]])),  # a[2] + a[1], a[2] + a[2]
    ("W[:, 1]", {"W": W}, "W", np.einsum("ik,l->ikl", I2, I3[1])),
    ("W[1, 2]", {"W": W}, "W", np.outer(I2[1], I3[2])),
    ("W @ a", {"W": W, "a": a}, "a", W),
    ("W @ a", {"W": W, "a": a}, "W", np.einsum("ik,l->ikl", I2, a)),
    ("b[:2] @ W", {"b": b, "W": W}, "b", np.concatenate([W.T, np.zeros((3, 1))], axis=1)),
    ("a @ b", {"a": a, "b": b}, "a", b),
    ("diag(p) - outer(p, p)", {"p": p}, "p", None),  # the softmax Jacobian's own formula: finite differences
]


@pytest.mark.parametrize(("text", "inputs", "wrt", "closed"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_each_new_form_against_its_closed_form_and_finite_differences(text, inputs, wrt, closed):
    formula = parse_expression(text)
    values = {name: np.asarray(value, np.float32) for name, value in inputs.items()}
    result = jaccore.analyze(formula, values, wrt, finite_differences=True)
    fd = central_differences(formula, values, wrt)
    np.testing.assert_allclose(result.jacobian, fd, rtol=1e-4, atol=1e-4)
    assert result.finite_difference_error < 1e-4
    if closed is not None:
        doubles = {name: np.asarray(value, np.float32).astype(np.float64) for name, value in inputs.items()}
        closed = np.asarray(closed, np.float64)
        if closed.shape != result.jacobian.shape:  # the closed forms above are at float64 values
            raise AssertionError((closed.shape, result.jacobian.shape))
        np.testing.assert_allclose(result.jacobian, closed, rtol=1e-5, atol=1e-5, err_msg=str(doubles.keys()))


@pytest.mark.parametrize(("text", "inputs", "wrt", "closed"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_the_script_s_code_runs_and_computes_the_formula(text, inputs, wrt, closed):
    """The code the page writes, at these shapes (a product with a vector is tf.linalg.matvec, a
    matrix's diagonal tf.linalg.diag_part), run as written with only `tf` in scope."""
    formula = parse_expression(text)
    values = {name: tf.constant(np.asarray(value, np.float32)) for name, value in inputs.items()}
    code = formula.code_for({name: tuple(v.shape) for name, v in values.items()})
    shown = eval(code, {"tf": tf, "float": float}, dict(values))
    np.testing.assert_allclose(np.asarray(shown), np.asarray(formula(**values)), rtol=1e-6)


def test_the_code_follows_the_ranks_it_met():
    shapes = {"W": (2, 3), "a": (3,), "b": (2,), "M": (3, 3)}
    code = {text: parse_expression(text).code_for({k: v for k, v in shapes.items()}) for text in
            ("W @ a", "b @ W", "a @ a", "M @ M", "diag(a)", "diag(M)", "ones(2, 3) * a", "pi * a")}  # fmt: skip
    assert code == {
        "W @ a": "tf.linalg.matvec(W, a)",
        "b @ W": "tf.linalg.matvec(W, b, transpose_a=True)",
        "a @ a": "tf.tensordot(a, a, axes=1)",
        "M @ M": "M @ M",
        "diag(a)": "tf.linalg.diag(a)",
        "diag(M)": "tf.linalg.diag_part(M)",
        "ones(2, 3) * a": "tf.ones((2, 3)) * a",
        "pi * a": "tf.experimental.numpy.pi * a",
    }


REFUSALS = [
    ("eye(n) * x", "`eye` takes its sizes as whole numbers from 1 to 64", 5),
    ("eye(0) * x", "from 1 to 64", 5),
    ("ones(2, 3, 4, 5) * x", "`ones` takes from 1 to 3 sizes", 1),
    ("eye(2, 3) * x", "`eye` takes from 1 to 1 sizes", 1),
    ("reshape(x, y)", "`reshape` takes the new shape as whole numbers", 12),
    ("reshape(x, (2, 3, -1, -1))", "one of them may be -1", 12),
    ("outer(x)", "`outer` takes two arguments (a, b); 1 given", 1),
    ("maximum(x, y, z)", "`maximum` takes two arguments (a, b); 3 given", 1),
    ("diag(x, 1)", "`diag` takes one argument; 2 given", 1),
    ("norm(x, ord=1)", "takes one or two arguments (x, axis)", 1),
    ("outer(a=x, b=y)", "takes one argument, written without a name", 1),
    ("x[y]", "an index is a whole number written in the formula", 3),
    ("x[0.5]", "an index is a whole number", 3),
    ("x[::2]", "a slice with a step", 3),
    ("x.T", "`x.T` is written `transpose(x)` in a formula", 1),
    ("W.sum()", "`W.sum()` is written `sum(W)` in a formula", 1),
    ("import os", "`import` begins a Python statement", 1),
    ("from os import path", "`from` begins a Python statement", 1),
    ("eye", "is a function: call it", 1),
    ("pi(x)", "to multiply, write `pi * (…)`", 1),
]


@pytest.mark.parametrize(("text", "says", "column"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusals_of_the_new_forms_say_how_to_write_them(text, says, column):
    values = {name: np.ones(6, np.float32) for name in "xyz"} | {"W": np.ones((2, 3), np.float32)}
    with pytest.raises(ExpressionError) as refused:
        jaccore.analyze(parse_expression(text), values, "x")
    english, vietnamese = refused.value.message("en"), refused.value.message("vi")
    assert says in english and f"(column {column})" in english, english
    assert f"(cột {column})" in vietnamese and vietnamese != english


SHAPE_REFUSALS = [
    ("diag(T)", {"T": (2, 2, 2)}, "`diag` takes a vector"),
    ("trace(x)", {"x": (3,)}, "`trace` adds up a matrix's diagonal"),
    ("reshape(x, (4, 4))", {"x": (6,)}, "cannot give the shape (4, 4) to 6 numbers"),
    ("maximum(x, W)", {"x": (3,), "W": (2, 2)}, "`maximum` cannot combine shapes (3,) and (2, 2)"),
    ("x[3]", {"x": (3,)}, "index 3 is outside its axis 0"),
    ("W[0, 0, 0]", {"W": (2, 2)}, "it cannot take 3 indices"),
    ("x @ W", {"x": (3,), "W": (2, 2)}, "3 elements against 2 rows"),
    ("x @ T", {"x": (2,), "T": (2, 2, 2)}, "multiplies matrices and vectors (2 axes or 1)"),
    ("norm(x, axis=1)", {"x": (3,)}, "axis 1 does not exist for shape (3,)"),
]


@pytest.mark.parametrize(("text", "shapes", "says"), SHAPE_REFUSALS, ids=[r[0] for r in SHAPE_REFUSALS])
def test_shapes_that_do_not_fit_the_new_forms_are_said_with_the_shapes(text, shapes, says):
    formula = parse_expression(text)
    values = {name: np.ones(shape, np.float32) for name, shape in shapes.items()}
    with pytest.raises(ExpressionError) as refused:
        jaccore.analyze(formula, values, formula.names[0])
    assert says in refused.value.message("en") and refused.value.message("vi") != refused.value.message("en")


def test_pi_and_e_are_constants_never_inputs_and_the_page_says_so():
    formula = parse_expression("pi * x + e")
    assert formula.names == ("x",)
    (pi_note, e_note) = formula.notes({"x": (3,)})
    assert "`pi` is the constant pi = 3.14159, not an input" in pi_note.message("en")
    assert "`e` là hằng số e = 2.71828" in e_note.message("vi") and "`e_`" in e_note.message("vi")
    assert parse_expression("e_ * x").names == ("e_", "x")


def test_an_answer_names_only_the_puzzle_s_inputs_and_may_name_none():
    assert parse_expression("eye(3)", ("x",)).names == ()
    assert parse_expression("diag(2 * x)", ("x", "W")).names == ("x",)
    with pytest.raises(ExpressionError) as refused:
        parse_expression("diag(2 * z)", ("x", "W"))
    assert "`z` is not an input here: write the answer with x, W" in refused.value.message("en")
    constant = parse_expression("eye(3)", ("x",))
    assert constant(x=tf.zeros(3, tf.float64)).dtype == tf.float64  # numbers follow the inputs' dtype


def test_the_readme_lists_every_function_and_no_other():
    import re

    from jaccore.expression import FUNCTIONS
    from tests import ROOT

    text = " ".join((ROOT / "README.md").read_text().split())
    listed = re.search(r"and the functions ([a-z_, ]+)\. Anything else", text).group(1).split(", ")
    assert listed == list(FUNCTIONS)
