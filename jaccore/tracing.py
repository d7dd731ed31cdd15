"""What a formula's evaluation notices, when asked: notes the page shows beside its pictures (a softmax
along an axis of one element, a constant where an input was perhaps meant) and the ranks each operation
met, which decide how the script writes it (a product with a vector is no `@` in TensorFlow); and, at
the values on screen, where an operation leaves the real numbers (the log of a negative number).

The evaluation runs once on zeros of the inputs' shapes, or once at the values (jaccore/expression.py);
every other evaluation notices nothing and pays nothing.
"""

import ast
import threading
from collections.abc import Callable

import numpy as np

from jaccore.notation import index_label, number_text

_state = threading.local()  # what the evaluation under way on this thread notices, while asked


def note(**blanks: object) -> None:
    found = getattr(_state, "found", None)
    if found is not None and blanks not in found:
        found.append(blanks)


def seen(place: int, ranks: tuple[int, ...]) -> None:
    """The ranks of an operation's operands, by its place in the formula's tree."""
    ranks_seen = getattr(_state, "ranks", None)
    if ranks_seen is not None:
        ranks_seen[place] = ranks


def traced(evaluate: Callable[[], object], expected: tuple[type[BaseException], ...]) -> tuple[list[dict], dict]:
    """Run `evaluate` noticing notes and ranks; an `expected` failure ends it early (what it noticed
    until then is kept: the page says why nothing is drawn)."""
    _state.found, _state.ranks = [], {}
    try:
        evaluate()
    except expected:
        pass
    finally:
        found, ranks, _state.found, _state.ranks = _state.found, _state.ranks, None, None
    return found, ranks


def watch(node: ast.AST, operands: list[ast.AST], inputs: list, result: object) -> None:
    """Where an operation leaves the real numbers, when asked (undefined_in): its result not finite
    where its inputs are, or a power whose exponent varies taken of a number ≤ 0 (whose derivative with
    respect to the exponent, xᵖ·ln x, does not exist; TensorFlow writes 0 there)."""
    found = getattr(_state, "undefined", None)
    if found is None:
        return
    values, out = [np.asarray(v, np.float64) for v in inputs], np.asarray(result, np.float64)
    call = ast.unparse(node)
    if all(np.isfinite(v).all() for v in values) and not np.isfinite(out).all():
        k = tuple(int(i) for i in np.argwhere(~np.isfinite(out))[0])
        what = "NaN" if np.isnan(out[k]) else "∞"
        blanks = {"call": call, "what": what, "at": index_label(_name(node), k), "operation": _operation(node)}
        elementwise = [(o, v) for o, v in zip(operands, values, strict=False) if v.shape == out.shape]
        if elementwise:
            operand, value = elementwise[0]
            blanks.update(element=index_label(_name(operand), k), value=number_text(value[k]))
        found.append(blanks)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow) and not isinstance(node.right, ast.Constant):
        base = values[0]
        if (base <= 0).any():
            k = tuple(int(i) for i in np.argwhere(base <= 0)[0])
            found.append({"call": call, "element": index_label(_name(node.left), k), "value": number_text(base[k]),
                          "exponent": ast.unparse(node.right), "operation": "pow_base"})  # fmt: skip


def _operation(node: ast.AST) -> str:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id
    return {ast.Div: "/", ast.Pow: "**"}.get(type(getattr(node, "op", None)), "")


def _name(node: ast.AST) -> str:
    """A term as an index label writes it: x, log(x), or (x - 2) for an operation."""
    text = ast.unparse(node)
    return text if isinstance(node, ast.Name | ast.Call) else f"({text})"


def undefined_in(evaluate: Callable[[], object], expected: tuple[type[BaseException], ...]) -> list[dict]:
    """Run `evaluate` (eagerly, at the values on screen) noting where it leaves the real numbers."""
    _state.undefined = []
    try:
        evaluate()
    except expected:
        pass
    finally:
        found, _state.undefined = _state.undefined, None
    return found
