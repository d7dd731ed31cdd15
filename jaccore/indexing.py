"""Indexing a tensor in a formula, as numpy and TensorFlow do it: x[0], x[-1], W[1, 2], W[:, 0], x[1:].

The indices are whole numbers written in the formula (never a tensor's value), and slices of them
without a step; an index outside the axis is refused with the shape, where Python would raise
IndexError.
"""

import ast
from collections.abc import Callable

from jaccore._tensorflow import tf
from jaccore.functions import shape_of, whole
from jaccore.refusals import refuse


def indexed(node: ast.Subscript, value: Callable[[dict], tf.Tensor]) -> Callable[[dict], tf.Tensor]:
    """The closure computing value[index] from the inputs."""
    parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    index = tuple(part_of(part) for part in parts)
    arg = ast.unparse(node.value)

    def compute(env: dict) -> tf.Tensor:
        x = value(env)
        if len(index) > x.shape.rank:
            raise refuse(node, "expression.index_count", arg=arg, shape=shape_of(x), n=len(index))
        for axis, part in enumerate(index):
            if isinstance(part, int) and not -x.shape[axis] <= part < x.shape[axis]:
                raise refuse(node, "expression.index_range", arg=arg, shape=shape_of(x), axis=axis, index=part)
        return x[index]

    return compute


def part_of(node: ast.AST) -> int | slice:
    """One index: a whole number, or a slice a:b of them (either end left out)."""
    if isinstance(node, ast.Slice):
        if node.step is not None:
            raise refuse(node, "expression.index_step")
        return slice(*(bound(end) for end in (node.lower, node.upper)))
    found = whole(node)
    if found is None:
        raise refuse(node, "expression.index_value")
    return found


def bound(node: ast.AST | None) -> int | None:
    if node is None:
        return None
    found = whole(node)
    if found is None:
        raise refuse(node, "expression.index_value")
    return found
