"""The functions a formula may call: what each takes, what it computes, how the script writes it.

A function is one row of FUNCTIONS. What it takes decides how its call is read (jaccore/expression.py):

    "x"         one tensor                       sin(x), diag(v), trace(M)
    "x, axis"   a tensor and, optionally, an axis   softmax(x), sum(x, 0), norm(x, axis=1)
    "a, b"      two tensors                      outer(a, b), maximum(a, b)
    "sizes"     whole numbers written in the formula  eye(3), ones(2, 3), zeros(4)
    "x, shape"  a tensor and a shape written in it    reshape(x, (2, 3))

`compute(node, *arguments)` builds the TensorFlow op (inside a graph or eagerly), refusing with a
sentence where the shapes do not fit; `write(code, arguments, keywords, ranks)` is the TensorFlow call
the script shows, given the ranks the formula's own evaluation saw (diag is tf.linalg.diag for a vector
and tf.linalg.diag_part for a matrix, as numpy's diag is both).
"""

import ast
from collections.abc import Callable
from dataclasses import dataclass

from jaccore._tensorflow import tf
from jaccore.refusals import Counted, ExpressionError, refuse
from jaccore.tracing import note, seen
from jaccore.translations import SENTENCES, Text

T = Text

MAX_SIZE = 64  # of eye(n), ones(n, m), zeros(n): the playground's inputs have 64 elements at most


def shape_of(t: tf.Tensor) -> tuple[int, ...]:
    return tuple(t.shape.as_list())


def call(code: str, args: list[ast.expr], keywords: list[ast.keyword]) -> ast.expr:
    return ast.Call(ast.parse(code, mode="eval").body, args, keywords)


def written(code: str, args: list[ast.expr], keywords: list[ast.keyword], ranks: tuple | None) -> ast.expr:
    """The call as the formula writes it, the function renamed: tanh(x) → tf.tanh(x), sum(x, 0) → …"""
    return call(code, args, keywords)


@dataclass(frozen=True)
class Function:
    takes: str
    code: str  # TensorFlow's function, as the script writes it
    compute: Callable
    write: Callable = written
    axis: int | None = None  # "x, axis": the axis when none is written (None: every axis)
    most: int = 1  # "sizes": how many sizes it takes at most

    @property
    def tensors(self) -> int:
        """How many of its arguments are tensors (the others are whole numbers written in the formula)."""
        return {"x": 1, "x, axis": 1, "a, b": 2, "sizes": 0, "x, shape": 1}[self.takes]


def unary(op: Callable, code: str) -> Function:
    return Function("x", code, lambda node, x: op(x))


def along(op: Callable, code: str, axis: int | None) -> Function:
    return Function("x, axis", code, lambda node, x, axis: op(x, axis=axis), axis=axis)


def diag(node: ast.Call, x: tf.Tensor) -> tf.Tensor:
    """numpy's diag: a vector as the diagonal of a matrix, a matrix's diagonal as a vector."""
    if x.shape.rank == 1:
        return tf.linalg.diag(x)
    if x.shape.rank == 2:
        return tf.linalg.diag_part(x)
    raise refuse(node, "expression.diag_rank", shape=shape_of(x))


def write_diag(code: str, args: list, keywords: list, ranks: tuple | None) -> ast.expr:
    return call("tf.linalg.diag_part" if ranks == (2,) else "tf.linalg.diag", args, keywords)


def trace(node: ast.Call, m: tf.Tensor) -> tf.Tensor:
    if m.shape.rank != 2:
        raise refuse(node, "expression.trace_rank", shape=shape_of(m))
    return tf.linalg.trace(m)


def outer(node: ast.Call, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """Every element of a times every element of b: shape a.shape + b.shape (a Jacobian's own order)."""
    return tf.tensordot(a, b, axes=0)


def write_outer(code: str, args: list, keywords: list, ranks: tuple | None) -> ast.expr:
    return call(code, args, [ast.keyword("axes", ast.Constant(0))])


def maximum(node: ast.Call, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    try:
        tf.broadcast_static_shape(a.shape, b.shape)
    except ValueError:
        raise refuse(node, "expression.broadcast_function", function="maximum", a=shape_of(a), b=shape_of(b)) from None
    return tf.maximum(a, b)


def filled(op: Callable) -> Callable:
    """eye(n), ones(n, m), zeros(n): in the dtype of the formula's inputs (float32 for the tape, float64
    for the finite differences)."""
    return lambda node, dtype, *sizes: op(*sizes, dtype=dtype)


def write_sizes(code: str, args: list, keywords: list, ranks: tuple | None) -> ast.expr:
    """ones(2, 3) → tf.ones((2, 3)): TensorFlow takes the shape as one tuple (eye takes its size alone)."""
    return call(code, args if code == "tf.eye" else [ast.Tuple(args, ast.Load())], [])


def reshape(node: ast.Call, x: tf.Tensor, shape: tuple[int, ...]) -> tf.Tensor:
    size, known = x.shape.num_elements(), [n for n in shape if n != -1]
    product = 1
    for n in known:
        product *= n
    fits = size == product if len(known) == len(shape) else product and size % product == 0
    if not fits:
        raise refuse(node, "expression.reshape_size", shape=shape, n=size, given=shape_of(x))
    return tf.reshape(x, shape)


FUNCTIONS: dict[str, Function] = {
    "sin": unary(tf.sin, "tf.sin"),
    "cos": unary(tf.cos, "tf.cos"),
    "tan": unary(tf.tan, "tf.tan"),
    "exp": unary(tf.exp, "tf.exp"),
    "log": unary(tf.math.log, "tf.math.log"),
    "sqrt": unary(tf.sqrt, "tf.sqrt"),
    "tanh": unary(tf.tanh, "tf.tanh"),
    "sigmoid": unary(tf.sigmoid, "tf.sigmoid"),
    "relu": unary(tf.nn.relu, "tf.nn.relu"),
    "softplus": unary(tf.nn.softplus, "tf.nn.softplus"),
    "abs": unary(tf.abs, "tf.abs"),
    "square": unary(tf.square, "tf.square"),
    "transpose": unary(tf.transpose, "tf.transpose"),
    "diag": Function("x", "tf.linalg.diag", diag, write_diag),
    "trace": Function("x", "tf.linalg.trace", trace),
    # Along an axis, as TensorFlow and numpy have them: f(x), f(x, axis), f(x, axis=…). softmax and
    # log_softmax act on the last axis when none is written, as tf.nn has them; the others on every axis.
    "softmax": along(tf.nn.softmax, "tf.nn.softmax", -1),
    "log_softmax": along(tf.nn.log_softmax, "tf.nn.log_softmax", -1),
    "sum": along(tf.reduce_sum, "tf.reduce_sum", None),
    "mean": along(tf.reduce_mean, "tf.reduce_mean", None),
    "max": along(tf.reduce_max, "tf.reduce_max", None),
    "logsumexp": along(tf.reduce_logsumexp, "tf.reduce_logsumexp", None),
    "norm": along(tf.norm, "tf.norm", None),  # the 2-norm, of every element unless an axis is given
    "outer": Function("a, b", "tf.tensordot", outer, write_outer),
    "maximum": Function("a, b", "tf.maximum", maximum),
    "eye": Function("sizes", "tf.eye", filled(lambda n, dtype: tf.eye(n, dtype=dtype)), write_sizes),
    "ones": Function("sizes", "tf.ones", filled(lambda *s, dtype: tf.ones(s, dtype)), write_sizes, most=3),
    "zeros": Function("sizes", "tf.zeros", filled(lambda *s, dtype: tf.zeros(s, dtype)), write_sizes, most=3),
    "reshape": Function("x, shape", "tf.reshape", reshape),
}


def matmul(node: ast.BinOp, place: int, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """`@` as numpy's: matrices, or a vector on either side (a matrix times a vector, a dot product)."""
    if a.shape.rank not in (1, 2) or b.shape.rank not in (1, 2):
        raise refuse(node, "expression.matmul_rank", a=shape_of(a), b=shape_of(b))
    if a.shape[-1] != b.shape[0]:
        k = Counted(a.shape[-1], "column" if a.shape.rank == 2 else "element")
        m = Counted(b.shape[0], "row" if b.shape.rank == 2 else "element")
        raise refuse(node, "expression.matmul_shapes", a=shape_of(a), b=shape_of(b), k=k, m=m)
    seen(place, (a.shape.rank, b.shape.rank))
    if a.shape.rank == 2 and b.shape.rank == 2:
        return tf.matmul(a, b)
    if a.shape.rank == 2:
        return tf.linalg.matvec(a, b)
    if b.shape.rank == 2:
        return tf.linalg.matvec(b, a, transpose_a=True)
    return tf.tensordot(a, b, axes=1)


def along(node: ast.Call, function: Function, x: tf.Tensor, axis: int | None) -> tf.Tensor:
    """A function along an axis the tensor has; along an axis of one element it says little: noted."""
    name = node.func.id
    if axis is not None and not -x.shape.rank <= axis < x.shape.rank:
        raise refuse(node, "expression.axis_range", function=name, axis=axis, shape=shape_of(x))
    if axis is not None and x.shape[axis] == 1:
        note_axis_of_one(name, ast.unparse(node.args[0]), axis, shape_of(x))
    return function.compute(node, x, axis)


def note_axis_of_one(name: str, arg: str, axis: int, shape: tuple[int, ...]) -> None:
    """softmax of a column (3, 1) along its last axis, of one element: all ones, a Jacobian of zeros."""
    longer = next((k for k, n in enumerate(shape) if n > 1), None)
    if longer is None:
        return  # every axis has one element: there is no other axis to suggest
    key = "expression.softmax_of_one" if name in ("softmax", "log_softmax") else "expression.reduce_of_one"
    note(function=name, axis=axis, arg=arg, shape=shape, what=SENTENCES[key], n=shape[longer],
         suggestion=f"{name}({arg}, axis={longer})")  # fmt: skip


# How a call is read ------------------------------------------------------------------------------

ARITY = {
    "x": T("one argument", "một đối số"),
    "x, axis": T("one or two arguments (x, axis)", "một hoặc hai đối số (x, axis)"),
    "a, b": T("two arguments (a, b)", "hai đối số (a, b)"),
    "x, shape": T("two arguments (x, shape)", "hai đối số (x, shape)"),
}


def arguments(node: ast.Call, name: str, function: Function, build: Callable) -> tuple[list, list]:
    """The call's tensors (each built from its node) and its whole numbers (an axis, sizes, a shape), as
    the function takes them; refused with a sentence that says how to write it otherwise."""
    keywords = {k.arg: k.value for k in node.keywords}
    if len(keywords) < len(node.keywords):
        raise refuse(node, "expression.repeated_keyword", function=name)
    if function.takes == "x, axis":
        if len(node.args) not in (1, 2) or set(keywords) - {"axis"} or len(node.args) + len(keywords) > 2:
            raise arity(node, name, ARITY[function.takes])
        written = node.args[1] if len(node.args) == 2 else keywords.get("axis")
        return [build(node.args[0])], [function.axis if written is None else axis_of(written)]
    if keywords:
        raise refuse(node, "expression.keyword", function=name)
    if function.takes == "sizes":
        if not 1 <= len(node.args) <= function.most:
            raise refuse(node, "expression.sizes", function=name, most=function.most, given=len(node.args))
        return [], [size_of(arg, name) for arg in node.args]
    count = 2 if function.takes in ("a, b", "x, shape") else 1
    if len(node.args) != count:
        raise arity(node, name, ARITY[function.takes])
    if function.takes == "x, shape":
        return [build(node.args[0])], [shape_written(node.args[1])]
    return [build(arg) for arg in node.args], []


def arity(node: ast.Call, name: str, expected: Text) -> ExpressionError:
    return refuse(node, "expression.arity", function=name, expected=expected, given=len(node.args) + len(node.keywords))


def whole(node: ast.AST) -> int | None:
    """A whole number written in the formula (a minus sign allowed), or None."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int and abs(node.value) < 1 << 16:
        return sign * node.value
    return None


def axis_of(node: ast.AST) -> int:
    found = whole(node)
    if found is None or abs(found) >= 32:
        raise refuse(node, "expression.axis_value")
    return found


def size_of(node: ast.AST, name: str) -> int:
    found = whole(node)
    if found is None or not 1 <= found <= MAX_SIZE:
        raise refuse(node, "expression.size_value", function=name, most=MAX_SIZE)
    return found


def shape_written(node: ast.AST) -> tuple[int, ...]:
    """reshape's shape: whole numbers from 1 (and at most one -1), alone or as a tuple, as numpy takes it."""
    parts = node.elts if isinstance(node, ast.Tuple) else [node]
    shape = tuple(whole(part) for part in parts)
    if not parts or any(n is None or not (n == -1 or 1 <= n <= 4096) for n in shape) or shape.count(-1) > 1:
        raise refuse(node, "expression.shape_value")
    return shape
