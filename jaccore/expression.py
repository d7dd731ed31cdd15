"""Safe expressions: a formula over named tensors, typed by a learner, as a TensorFlow function.

The text is parsed with Python's `ast` (never evaluated, compiled or constant-folded) and only
a whitelist is mapped to TensorFlow: numbers, the constants pi and e, input names, + - * / ** @,
unary minus, parentheses, indexing with whole numbers and slices (x[0], W[:, 1]), and the functions
of jaccore/functions.py. Everything else is refused with an ExpressionError that says what and
where (the column), in English or Vietnamese.

    >>> f = parse_expression("tanh(W @ x + b)")
    >>> f.names
    ('W', 'x', 'b')
"""

import ast
import builtins
import copy
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from jaccore._tensorflow import tf
from jaccore.functions import FUNCTIONS, MAX_SIZE, Function, along, arguments, call, matmul, shape_of
from jaccore.indexing import indexed
from jaccore.markup import literal
from jaccore.refusals import (
    OTHER_OPERATORS,
    ExpressionError,
    refuse,
    refuse_call,
    refuse_construct,
    refuse_operator,
    refuse_syntax,
)
from jaccore.tracing import note, seen, traced, undefined_in, watch
from jaccore.translations import SENTENCES, Text

MAX_LENGTH = 300  # characters
MAX_DEPTH = 24  # nesting of operations
MAX_NODES = 120  # numbers, names and operations in all
MAX_INPUTS = 8  # named inputs: each has a shape box and up to a dozen sliders

T = Text
OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.MatMult: "@"}
OPERATIONS = (ast.BinOp, ast.UnaryOp, ast.Call, ast.Subscript)
# The constants a formula may name, and how the script writes them: no input may be called so.
CONSTANTS = {"pi": (math.pi, "tf.experimental.numpy.pi"), "e": (math.e, "tf.experimental.numpy.e")}
# The operations whose way of leaving the real numbers a note names (expression.cause.*).
CAUSES = {
    "log": "expression.cause.log",
    "sqrt": "expression.cause.sqrt",
    "/": "expression.cause.division",
    "**": "expression.cause.power",
    "pow_base": "expression.cause.log",  # the exponent's derivative, xᵖ·ln x
}
# Names an input may not take: Python's own and `tf`, which the script a page writes needs as themselves.
RESERVED = frozenset(name for name in dir(builtins) if not name.startswith("_")) | {"tf"}


@dataclass(frozen=True)
class Note:
    """Something true of a formula at given shapes that its pictures alone would mislead about: a
    softmax or a sum along an axis of one element, a constant where an input was perhaps meant.
    `message(lang)` says it."""

    key: str
    blanks: tuple[tuple[str, object], ...]

    def message(self, lang: str) -> str:
        blanks = {k: v(lang) if callable(v) else v for k, v in self.blanks}
        return SENTENCES[self.key](lang, **{**blanks, "arg": literal(str(blanks.get("arg", "")))})


@dataclass(frozen=True)
class Expression:
    """A parsed expression: call it with keyword tensors; `names` lists its inputs in order."""

    text: str  # the formula as parsed, normalised (spacing, no line continuations)
    names: tuple[str, ...]
    code: str  # the same expression written with TensorFlow calls, at any shapes
    evaluate: Callable[[dict], tf.Tensor]
    tree: ast.Expression

    def __call__(self, **inputs: tf.Tensor) -> tf.Tensor:
        missing = [name for name in self.names if name not in inputs]
        if missing:
            raise ExpressionError("expression.missing", names=", ".join(missing))
        return self.evaluate(inputs)

    def notes(self, shapes: Mapping[str, tuple[int, ...]]) -> list[Note]:
        """What the pictures alone would mislead about at these input shapes (see Note)."""
        return list(_traced(self, _key(self, shapes))[0])

    def undefined(self, values: Mapping[str, object]) -> list[Note]:
        """Where the formula leaves the real numbers at these values (the first three places): a NaN
        that TensorFlow's derivative rules would still give a slope, or a power of a number ≤ 0
        whose exponent varies. Found by one eager evaluation in float64."""
        inputs = {name: tf.constant(values[name], tf.float64) for name in self.names if name in values}
        if len(inputs) < len(self.names):
            return []
        found = undefined_in(lambda: self.evaluate(inputs), (ExpressionError, ValueError, tf.errors.OpError))
        notes = []
        for blanks in found[:3]:
            operation = blanks.pop("operation")
            key = "expression.pow_base" if operation == "pow_base" else "expression.undefined"
            cause = SENTENCES[CAUSES.get(operation, "expression.cause.other")]
            notes.append(Note(key, tuple({**blanks, "cause": cause}.items())))
        return notes

    def code_for(self, shapes: Mapping[str, tuple[int, ...]]) -> str:
        """The TensorFlow code at these input shapes: a product with a vector is tf.linalg.matvec, a
        matrix's diagonal tf.linalg.diag_part (Python's @ and tf.linalg.diag take neither)."""
        return tensorflow_code(self.tree, _traced(self, _key(self, shapes))[1])


def _key(expression: Expression, shapes: Mapping[str, tuple[int, ...]]) -> tuple:
    return tuple((name, tuple(shape)) for name, shape in shapes.items() if name in expression.names) or tuple(
        (name, tuple(shape)) for name, shape in list(shapes.items())[:1]
    )


@lru_cache(maxsize=32)
def _traced(expression: Expression, shapes: tuple) -> tuple[tuple[Note, ...], dict[int, tuple]]:
    """Found by running the formula once on zeros of these shapes (a few milliseconds, eager)."""
    zeros = {name: tf.zeros(shape, tf.float32) for name, shape in shapes}
    found, ranks = traced(lambda: expression.evaluate(zeros), (ExpressionError, ValueError, tf.errors.OpError))
    notes = [Note("expression.axis_of_one", tuple(blanks.items())) for blanks in found if "function" in blanks]
    notes += [Note("expression.constant", tuple(blanks.items())) for blanks in found if "constant" in blanks]
    return tuple(notes), ranks


# The same text gives the same function, so its compiled graphs are reused; the graphs of the
# formulas dropped here go with them (jaccore/graphs.py), which bounds a server's memory.
@lru_cache(maxsize=8)
def parse_expression(text: str, inputs: tuple[str, ...] | None = None) -> Expression:
    """Parse `text` into an Expression, or raise ExpressionError saying what is wrong and where.

    With `inputs`, a formula over those inputs only (a puzzle's answer): it may name no other, and may
    name none (eye(3) is an answer)."""
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
    builder = _Builder(tree, inputs)
    evaluate = builder.build(tree.body)
    if not builder.names and inputs is None:
        raise ExpressionError("expression.no_input")
    return Expression(ast.unparse(tree), tuple(builder.names), tensorflow_code(tree, {}), evaluate, tree)


def tensorflow_code(tree: ast.Expression, ranks: Mapping[int, tuple]) -> str:
    """The formula as TensorFlow code, parenthesised only where Python needs it (the standard
    library's unparser): tanh(W @ x + b) → tf.tanh(W @ x + b). Numbers are written as floats, an
    infinite one as float("inf"); unary plus is dropped, as the formula's function drops it. `ranks`:
    what each operation met, by its place in the tree (see Expression.code_for)."""
    written = copy.deepcopy(tree)
    places = {id(node): n for n, node in enumerate(ast.walk(written))}
    return ast.unparse(_ToTensorFlow(places, ranks).visit(written))


class _ToTensorFlow(ast.NodeTransformer):
    def __init__(self, places: dict[int, int], ranks: Mapping[int, tuple]) -> None:
        self.places, self.ranks = places, ranks

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        number = float(node.value)
        if number == float("inf"):
            return ast.Call(ast.Name("float"), [ast.Constant("inf")], [])
        return ast.Constant(number)

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return ast.parse(CONSTANTS[node.id][1], mode="eval").body if node.id in CONSTANTS else node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        operand = self.visit(node.operand)
        return operand if isinstance(node.op, ast.UAdd) else ast.UnaryOp(node.op, operand)

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        return ast.Subscript(self.visit(node.value), node.slice, node.ctx)  # the index stays as written

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        ranks = self.ranks.get(self.places[id(node)])
        left, right = self.visit(node.left), self.visit(node.right)
        if not isinstance(node.op, ast.MatMult) or ranks in (None, (2, 2)):
            return ast.BinOp(left, node.op, right)
        if ranks == (2, 1):
            return call("tf.linalg.matvec", [left, right], [])
        if ranks == (1, 2):
            return call("tf.linalg.matvec", [right, left], [ast.keyword("transpose_a", ast.Constant(True))])
        return call("tf.tensordot", [left, right], [ast.keyword("axes", ast.Constant(1))])

    def visit_Call(self, node: ast.Call) -> ast.AST:
        function = FUNCTIONS[node.func.id]
        # Only the tensors are rewritten: an axis, a size or a shape stays the whole number it was written as.
        args = [self.visit(arg) if n < function.tensors else arg for n, arg in enumerate(node.args)]
        return function.write(function.code, args, node.keywords, self.ranks.get(self.places[id(node)]))


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


def env_dtype(env: dict) -> tf.DType:
    """The inputs' dtype: numbers follow it (float32 for the tape, float64 for finite differences)."""
    return next(iter(env.values())).dtype if env else tf.float32


ELEMENTWISE = {"+": tf.add, "-": tf.subtract, "*": tf.multiply, "/": tf.divide, "**": tf.pow}


class _Builder:
    """Turns the tree into closures computing each node from the inputs, noting the inputs' names in
    order (within `allowed`, when given) and each node's place in the tree (for the ranks it meets)."""

    def __init__(self, tree: ast.Expression, allowed: tuple[str, ...] | None) -> None:
        self.names: list[str] = []
        self.allowed = allowed
        self.places = {id(node): n for n, node in enumerate(ast.walk(tree))}

    def build(self, node: ast.AST) -> Built:
        if isinstance(node, ast.Constant):
            return _number(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            inner = self.build(node.operand)
            return inner if isinstance(node.op, ast.UAdd) else (lambda env: -inner(env))
        if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
            return self.binary(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Subscript):
            return indexed(node, self.build(node.value))
        if isinstance(node, ast.BinOp | ast.UnaryOp) and type(node.op) in OTHER_OPERATORS:
            raise refuse_operator(node)
        raise refuse_construct(node)

    def name(self, node: ast.Name) -> Built:
        name = node.id
        if name in CONSTANTS:
            value = CONSTANTS[name][0]

            def constant(env: dict) -> tf.Tensor:
                note(constant=name, value=f"{value:.6g}")
                return tf.constant(value, env_dtype(env))

            return constant
        if name.startswith("_"):
            raise refuse(node, "expression.underscore", name=name)
        if name in FUNCTIONS:
            raise refuse(node, "expression.bare_function", function=name)
        if name in RESERVED:
            raise refuse(node, "expression.reserved", name=name, instead=f"{name}_")
        if self.allowed is not None and name not in self.allowed:
            raise refuse(node, "expression.not_an_input", name=name, inputs=", ".join(self.allowed))
        if name not in self.names:
            if len(self.names) == MAX_INPUTS:
                raise refuse(node, "expression.too_many_inputs", limit=MAX_INPUTS)
            self.names.append(name)
        return lambda env: env[name]

    def binary(self, node: ast.BinOp) -> Built:
        left, right = self.build(node.left), self.build(node.right)
        symbol, place = OPERATORS[type(node.op)], self.places[id(node)]

        def compute(env: dict) -> tf.Tensor:
            a, b = left(env), right(env)
            if symbol == "@":
                return matmul(node, place, a, b)
            try:
                tf.broadcast_static_shape(a.shape, b.shape)
            except ValueError:
                raise refuse(node, "expression.broadcast", symbol=symbol, a=shape_of(a), b=shape_of(b)) from None
            result = ELEMENTWISE[symbol](a, b)
            watch(node, [node.left, node.right], [a, b], result)
            return result

        return compute

    def call(self, node: ast.Call) -> Built:
        if isinstance(node.func, ast.Attribute):  # x.sum(): say what the callee is
            raise refuse_construct(node.func)
        if not isinstance(node.func, ast.Name):  # sin(x)(y), x[0](y)
            raise refuse_call(node, None, tuple(FUNCTIONS))
        name = node.func.id
        if name not in FUNCTIONS:
            raise refuse_call(node, name, tuple(FUNCTIONS))
        function, place = FUNCTIONS[name], self.places[id(node)]
        tensors, extra = arguments(node, name, function, self.build)
        return lambda env: _applied(function, node, place, [t(env) for t in tensors], extra, env)


def _applied(function: Function, node: ast.Call, place: int, tensors: list, extra: list, env: dict) -> tf.Tensor:
    if function.takes == "sizes":
        return function.compute(node, env_dtype(env), *extra)
    seen(place, tuple(t.shape.rank for t in tensors))
    if function.takes == "x, axis":
        result = along(node, function, tensors[0], extra[0])
    else:
        result = function.compute(node, *tensors, *extra)
    watch(node, node.args[: len(tensors)], tensors, result)
    return result


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


__all__ = ["CONSTANTS", "FUNCTIONS", "MAX_SIZE", "Expression", "ExpressionError", "Note", "parse_expression"]
