"""Safe expressions: a formula over named tensors, typed by a learner, as a TensorFlow function.

The text is parsed with Python's `ast` (never evaluated, compiled or constant-folded) and only
a whitelist is mapped to TensorFlow: numbers, input names, + - * / ** @, unary minus,
parentheses, and the functions in FUNCTIONS. Everything else is refused with an
ExpressionError that says what and where (the column), in English or Vietnamese.

    >>> f = parse_expression("tanh(W @ x + b)")
    >>> f.names
    ('W', 'x', 'b')
"""

import ast
import builtins
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from jaccore._tensorflow import tf
from jaccore.markup import literal
from jaccore.refusals import (
    OTHER_OPERATORS,
    Counted,
    ExpressionError,
    refuse,
    refuse_call,
    refuse_construct,
    refuse_operator,
    refuse_syntax,
)
from jaccore.translations import SENTENCES, Text

MAX_LENGTH = 300  # characters
MAX_DEPTH = 24  # nesting of operations
MAX_NODES = 120  # numbers, names and operations in all
MAX_INPUTS = 8  # named inputs: each has a shape box and up to a dozen sliders

T = Text
UNARY: dict[str, tuple[Callable, str]] = {
    "sin": (tf.sin, "tf.sin"),
    "cos": (tf.cos, "tf.cos"),
    "tan": (tf.tan, "tf.tan"),
    "exp": (tf.exp, "tf.exp"),
    "log": (tf.math.log, "tf.math.log"),
    "sqrt": (tf.sqrt, "tf.sqrt"),
    "tanh": (tf.tanh, "tf.tanh"),
    "sigmoid": (tf.sigmoid, "tf.sigmoid"),
    "relu": (tf.nn.relu, "tf.nn.relu"),
    "softplus": (tf.nn.softplus, "tf.nn.softplus"),
    "abs": (tf.abs, "tf.abs"),
    "square": (tf.square, "tf.square"),
    "transpose": (tf.transpose, "tf.transpose"),
}
# Functions along an axis, as TensorFlow and numpy have them: f(x), f(x, axis), f(x, axis=…). The
# axis each takes when none is written: softmax the last, as tf.nn.softmax; the others every one.
ALONG_AXIS: dict[str, tuple[Callable, str, int | None]] = {
    "softmax": (tf.nn.softmax, "tf.nn.softmax", -1),
    "sum": (tf.reduce_sum, "tf.reduce_sum", None),
    "mean": (tf.reduce_mean, "tf.reduce_mean", None),
    "max": (tf.reduce_max, "tf.reduce_max", None),
    "logsumexp": (tf.reduce_logsumexp, "tf.reduce_logsumexp", None),
}
FUNCTIONS = (*UNARY, *ALONG_AXIS)
OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.MatMult: "@"}
OPERATIONS = (ast.BinOp, ast.UnaryOp, ast.Call)
# Names an input may not take: Python's own and `tf`, which the script a page writes needs as themselves.
RESERVED = frozenset(name for name in dir(builtins) if not name.startswith("_")) | {"tf"}


@dataclass(frozen=True)
class Note:
    """Something true of a formula at given shapes that its pictures alone would mislead about: a
    softmax or a sum along an axis of one element. `message(lang)` says it."""

    key: str
    blanks: tuple[tuple[str, object], ...]

    def message(self, lang: str) -> str:
        blanks = {k: v(lang) if callable(v) else v for k, v in self.blanks}
        return SENTENCES[self.key](lang, **{**blanks, "arg": literal(blanks["arg"])})


_noting = threading.local()  # the notes of the evaluation under way on this thread, when asked for


def _note(**blanks: object) -> None:
    found = getattr(_noting, "found", None)
    if found is not None and blanks not in found:
        found.append(blanks)


@dataclass(frozen=True)
class Expression:
    """A parsed expression: call it with keyword tensors; `names` lists its inputs in order."""

    text: str  # the formula as parsed, normalised (spacing, no line continuations)
    names: tuple[str, ...]
    code: str  # the same expression written with TensorFlow calls
    evaluate: Callable[[dict], tf.Tensor]

    def __call__(self, **inputs: tf.Tensor) -> tf.Tensor:
        missing = [name for name in self.names if name not in inputs]
        if missing:
            raise ExpressionError("expression.missing", names=", ".join(missing))
        return self.evaluate({name: inputs[name] for name in self.names})

    def notes(self, shapes: Mapping[str, tuple[int, ...]]) -> list[Note]:
        """What the pictures alone would mislead about at these input shapes (see Note)."""
        return list(_notes(self, tuple((name, tuple(shapes[name])) for name in self.names)))


@lru_cache(maxsize=32)
def _notes(expression: Expression, shapes: tuple) -> tuple[Note, ...]:
    """Found by running the formula once on zeros of these shapes (a few milliseconds, eager)."""
    _noting.found = []
    try:
        expression.evaluate({name: tf.zeros(shape, tf.float32) for name, shape in shapes})
    except (ExpressionError, ValueError, tf.errors.OpError):
        pass  # the pictures will not be drawn: the page says why
    finally:
        found, _noting.found = _noting.found, None
    return tuple(Note("expression.axis_of_one", tuple(blanks.items())) for blanks in found)


# The same text gives the same function, so its compiled graphs are reused; the graphs of the
# formulas dropped here go with them (jaccore/graphs.py), which bounds a server's memory.
@lru_cache(maxsize=8)
def parse_expression(text: str) -> Expression:
    """Parse `text` into an Expression, or raise ExpressionError saying what is wrong and where."""
    if not isinstance(text, str):
        raise ExpressionError("expression.not_text")
    if len(text) > MAX_LENGTH:
        raise ExpressionError("expression.too_long", n=len(text), limit=MAX_LENGTH)
    if "\x00" in text:
        raise ExpressionError("expression.nul")
    if not text.strip():
        raise ExpressionError("expression.empty")
    tree = _parse(text)
    _check_size(tree)
    names: list[str] = []
    evaluate = _build(tree.body, names)
    if not names:
        raise ExpressionError("expression.no_input")
    return Expression(ast.unparse(tree), tuple(names), tensorflow_code(tree), evaluate)


def tensorflow_code(tree: ast.Expression) -> str:
    """The formula as TensorFlow code, parenthesised only where Python needs it (the standard
    library's unparser): tanh(W @ x + b) → tf.tanh(W @ x + b). Numbers are written as floats, an
    infinite one as float("inf"); unary plus is dropped, as the formula's function drops it."""
    return ast.unparse(_ToTensorFlow().visit(_copy(tree)))


def _copy(tree: ast.Expression) -> ast.Expression:
    return ast.parse(ast.unparse(tree), mode="eval")


class _ToTensorFlow(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        number = float(node.value)
        if number == float("inf"):
            return ast.Call(ast.Name("float"), [ast.Constant("inf")], [])
        return ast.Constant(number)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        operand = self.visit(node.operand)
        return operand if isinstance(node.op, ast.UAdd) else ast.UnaryOp(node.op, operand)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        name = node.func.id
        tf_name = (UNARY.get(name) or ALONG_AXIS[name])[1]
        # Only the tensor is rewritten: an axis stays the whole number it was written as.
        return ast.Call(ast.parse(tf_name, mode="eval").body, [self.visit(node.args[0]), *node.args[1:]], node.keywords)


def _parse(text: str) -> ast.Expression:
    """Python's parser, on ASCII text only: a formula needs no other character, and a look-alike
    letter (Cyrillic х beside Latin x) or a full-width digit would name or mean something else."""
    for column, char in enumerate(text, start=1):
        if not (char.isascii() and (char.isprintable() or char in " \t")):
            raise ExpressionError("expression.not_ascii", column=column, char=f"U+{ord(char):04X}")
    try:
        return ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        raise refuse_syntax(text.strip(), error.offset) from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("expression.too_deep", limit=MAX_DEPTH) from None


def _check_size(tree: ast.Expression) -> None:
    """Depth and size, walked without recursion so that the walk itself cannot overflow.

    The depth counts nested operations; a chain of one operator (a + b + c + …, which Python
    nests to the left) is one level, as a reader sees it. The size counts numbers, names and
    operations.
    """
    stack, count = [(tree.body, 0)], 0
    while stack:
        node, depth = stack.pop()
        if isinstance(node, OPERATIONS):
            depth += 1
            if depth > MAX_DEPTH:
                raise refuse(node, "expression.too_deep", limit=MAX_DEPTH)
        if isinstance(node, (*OPERATIONS, ast.Name, ast.Constant)):
            count += 1
            if count > MAX_NODES:
                raise refuse(node, "expression.too_big", limit=MAX_NODES)
        for child in ast.iter_child_nodes(node):
            chained = isinstance(node, ast.BinOp) and child is node.left and _same_operator(child, node)
            stack.append((child, depth - 1 if chained else depth))


def _same_operator(child: ast.AST, parent: ast.BinOp) -> bool:
    return isinstance(child, ast.BinOp) and type(child.op) is type(parent.op)


Built = Callable[[dict], tf.Tensor]


def _build(node: ast.AST, names: list[str]) -> Built:
    """A closure computing the node from the inputs."""
    if isinstance(node, ast.Constant):
        return _number(node)
    if isinstance(node, ast.Name):
        return _name(node, names)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _build(node.operand, names)
        return inner if isinstance(node.op, ast.UAdd) else (lambda env: -inner(env))
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        return _binary(node, names)
    if isinstance(node, ast.Call):
        return _call(node, names)
    if isinstance(node, ast.BinOp | ast.UnaryOp) and type(node.op) in OTHER_OPERATORS:
        raise refuse_operator(node)
    raise refuse_construct(node)


def _number(node: ast.Constant) -> Built:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        what = T("strings", "chuỗi ký tự") if isinstance(value, str | bytes) else T("such constants", "hằng số này")
        raise refuse(node, "expression.refused", what=what)
    try:
        number = float(value)
    except OverflowError:
        raise refuse(node, "expression.too_large_number") from None
    return lambda env: tf.constant(number, env_dtype(env))


def _name(node: ast.Name, names: list[str]) -> Built:
    name = node.id
    if name.startswith("_"):
        raise refuse(node, "expression.underscore", name=name)
    if name in FUNCTIONS:
        raise refuse(node, "expression.bare_function", function=name)
    if name in RESERVED:
        raise refuse(node, "expression.reserved", name=name, instead=f"{name}_")
    if name not in names:
        if len(names) == MAX_INPUTS:
            raise refuse(node, "expression.too_many_inputs", limit=MAX_INPUTS)
        names.append(name)
    return lambda env: env[name]


def env_dtype(env: dict) -> tf.DType:
    """The inputs' dtype: numbers follow it (float32 for the tape, float64 for finite differences)."""
    return next(iter(env.values())).dtype


ELEMENTWISE = {"+": tf.add, "-": tf.subtract, "*": tf.multiply, "/": tf.divide, "**": tf.pow}


def _binary(node: ast.BinOp, names: list[str]) -> Built:
    left, right = _build(node.left, names), _build(node.right, names)
    symbol = OPERATORS[type(node.op)]

    def compute(env: dict) -> tf.Tensor:
        a, b = left(env), right(env)
        if symbol == "@":
            return _matmul(node, a, b)
        try:
            tf.broadcast_static_shape(a.shape, b.shape)
        except ValueError:
            raise refuse(node, "expression.broadcast", symbol=symbol, a=_shape(a), b=_shape(b)) from None
        return ELEMENTWISE[symbol](a, b)

    return compute


def _shape(t: tf.Tensor) -> tuple[int, ...]:
    return tuple(t.shape.as_list())


def _matmul(node: ast.BinOp, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    if a.shape.rank != 2 or b.shape.rank != 2:
        raise refuse(node, "expression.matmul_rank", a=_shape(a), b=_shape(b))
    if a.shape[1] != b.shape[0]:
        k, m = Counted(a.shape[1], "column"), Counted(b.shape[0], "row")
        raise refuse(node, "expression.matmul_shapes", a=_shape(a), b=_shape(b), k=k, m=m)
    return tf.matmul(a, b)


def _call(node: ast.Call, names: list[str]) -> Built:
    if isinstance(node.func, ast.Attribute | ast.Subscript):  # x.sum(), x[0](): say what the callee is
        raise refuse_construct(node.func)
    if not isinstance(node.func, ast.Name):  # sin(x)(y)
        raise refuse_call(node, None, FUNCTIONS)
    name = node.func.id
    if name not in FUNCTIONS:
        raise refuse_call(node, name, FUNCTIONS)
    if name in UNARY:
        if node.keywords:
            raise refuse(node, "expression.keyword", function=name)
        if len(node.args) != 1:
            raise _arity(node, name, T("one argument", "một đối số"))
        op, inner = UNARY[name][0], _build(node.args[0], names)
        return lambda env: op(inner(env))
    return _along_axis(node, name, names)


def _arity(node: ast.Call, name: str, expected: Text) -> ExpressionError:
    return refuse(node, "expression.arity", function=name, expected=expected, given=len(node.args) + len(node.keywords))


def _along_axis(node: ast.Call, name: str, names: list[str]) -> Built:
    """softmax(x), sum(x, 1), mean(x, axis=-1): the axis must be a whole number written in the text,
    of an axis the tensor has. Along an axis of one element the result says little: noted (Note)."""
    keywords = {k.arg: k.value for k in node.keywords}
    if len(keywords) < len(node.keywords):
        raise refuse(node, "expression.repeated_keyword", function=name)
    if len(node.args) not in (1, 2) or set(keywords) - {"axis"} or len(node.args) + len(keywords) > 2:
        raise _arity(node, name, T("one or two arguments (x, axis)", "một hoặc hai đối số (x, axis)"))
    axis_node = node.args[1] if len(node.args) == 2 else keywords.get("axis")
    op, _, default = ALONG_AXIS[name]
    axis = default if axis_node is None else _integer(axis_node)
    inner, arg = _build(node.args[0], names), ast.unparse(node.args[0])

    def compute(env: dict) -> tf.Tensor:
        x = inner(env)
        if axis is not None and not -x.shape.rank <= axis < x.shape.rank:
            raise refuse(node, "expression.axis_range", function=name, axis=axis, shape=_shape(x))
        if axis is not None and x.shape[axis] == 1:
            _note_axis_of_one(name, arg, axis, _shape(x))
        return op(x, axis=axis)

    return compute


def _note_axis_of_one(name: str, arg: str, axis: int, shape: tuple[int, ...]) -> None:
    """softmax of a column (3, 1) along its last axis, of one element: all ones, a Jacobian of zeros."""
    longer = next((k for k, n in enumerate(shape) if n > 1), None)
    if longer is None:
        return  # every axis has one element: there is no other axis to suggest
    key = "expression.softmax_of_one" if name == "softmax" else "expression.reduce_of_one"
    _note(function=name, axis=axis, arg=arg, shape=shape, what=SENTENCES[key], n=shape[longer],
          suggestion=f"{name}({arg}, axis={longer})")  # fmt: skip


def _integer(node: ast.AST) -> int:
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int and abs(node.value) < 32:
        return sign * node.value
    raise refuse(node, "expression.axis_value")
