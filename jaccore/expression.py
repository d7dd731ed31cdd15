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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from jaccore._tensorflow import tf
from jaccore.engine import InputError
from jaccore.markup import literal
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
    "softmax": (tf.nn.softmax, "tf.nn.softmax"),
}
REDUCTIONS: dict[str, tuple[Callable, str]] = {
    "sum": (tf.reduce_sum, "tf.reduce_sum"),
    "mean": (tf.reduce_mean, "tf.reduce_mean"),
}
FUNCTIONS = (*UNARY, *REDUCTIONS)
OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.MatMult: "@"}

REFUSED = {  # AST node type → what a reader would call it
    ast.Attribute: T("attributes (a.b)", "thuộc tính (a.b)"),
    ast.Subscript: T("subscripts (a[i])", "chỉ số (a[i])"),
    ast.Compare: T("comparisons", "phép so sánh"),
    ast.BoolOp: T("boolean operators (and, or)", "toán tử logic (and, or)"),
    ast.Lambda: T("lambdas", "lambda"),
    ast.ListComp: T("comprehensions", "biểu thức bao hàm (comprehension)"),
    ast.SetComp: T("comprehensions", "biểu thức bao hàm (comprehension)"),
    ast.DictComp: T("comprehensions", "biểu thức bao hàm (comprehension)"),
    ast.GeneratorExp: T("comprehensions", "biểu thức bao hàm (comprehension)"),
    ast.Tuple: T("tuples", "bộ (tuple)"),
    ast.List: T("lists", "danh sách (list)"),
    ast.Set: T("sets", "tập hợp (set)"),
    ast.Dict: T("dictionaries", "từ điển (dict)"),
    ast.IfExp: T("conditional expressions", "biểu thức điều kiện"),
    ast.NamedExpr: T("assignments", "phép gán"),
    ast.JoinedStr: T("strings", "chuỗi ký tự"),
    ast.Starred: T("starred arguments", "đối số có dấu *"),
    ast.Await: T("await expressions", "biểu thức await"),
}
OPERATIONS = (ast.BinOp, ast.UnaryOp, ast.Call)
# Names an input may not take: Python's own and `tf`, which the script a page writes needs as themselves.
RESERVED = frozenset(name for name in dir(builtins) if not name.startswith("_")) | {"tf"}
QUOTED = {"name", "char", "instead"}  # blanks that come from the formula's own text


class ExpressionError(InputError):
    """An expression that is refused: `message(lang)` says what and where; str() is English."""

    def __init__(self, key: str, column: int | None = None, **blanks: object) -> None:
        self.key, self.column, self.blanks = key, column, blanks
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        """The sentence in the reader's language; blanks that are Texts are translated too.

        Text taken from the formula (a name, a callee) is shown as a literal: never read as Markdown.
        """
        blanks = {k: v(lang) if isinstance(v, Text) else v for k, v in self.blanks.items()}
        blanks = {k: literal(v) if k in QUOTED else v for k, v in blanks.items()}
        where = "" if self.column is None else SENTENCES["expression.where"](lang, column=self.column)
        return SENTENCES[self.key](lang, **blanks) + where


def refuse(node: ast.AST, key: str, **blanks: object) -> ExpressionError:
    """An ExpressionError that points at the node's column (1-based)."""
    return ExpressionError(key, column=getattr(node, "col_offset", 0) + 1, **blanks)


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
        tf_name = (UNARY.get(name) or REDUCTIONS[name])[1]
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
        raise ExpressionError("expression.syntax", column=error.offset or 1) from None
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
    if type(node) in REFUSED:
        raise refuse(node, "expression.refused", what=REFUSED[type(node)])
    raise refuse(node, "expression.construct", construct=type(node).__name__)


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
        raise refuse(node, "expression.matmul_shapes", a=_shape(a), b=_shape(b), k=a.shape[1], m=b.shape[0])
    return tf.matmul(a, b)


def _call(node: ast.Call, names: list[str]) -> Built:
    if type(node.func) in REFUSED:  # x.sum(), x[0](): say what the callee is
        raise refuse(node.func, "expression.refused", what=REFUSED[type(node.func)])
    name = node.func.id if isinstance(node.func, ast.Name) else None
    if name not in FUNCTIONS:
        shown = name or ast.unparse(node.func)[:20]
        raise refuse(node, "expression.unknown_call", name=shown, allowed=", ".join(FUNCTIONS))
    if name in UNARY:
        if node.keywords:
            raise refuse(node, "expression.keyword", function=name)
        if len(node.args) != 1:
            raise _arity(node, name, T("one argument", "một đối số"))
        op, inner = UNARY[name][0], _build(node.args[0], names)
        return lambda env: op(inner(env))
    return _reduction(node, name, names)


def _arity(node: ast.Call, name: str, expected: Text) -> ExpressionError:
    return refuse(node, "expression.arity", function=name, expected=expected, given=len(node.args) + len(node.keywords))


def _reduction(node: ast.Call, name: str, names: list[str]) -> Built:
    """sum(x), sum(x, 1), sum(x, axis=-1): the axis must be a whole number written in the text."""
    keywords = {k.arg: k.value for k in node.keywords}
    if len(keywords) < len(node.keywords):
        raise refuse(node, "expression.repeated_keyword", function=name)
    if len(node.args) not in (1, 2) or set(keywords) - {"axis"} or len(node.args) + len(keywords) > 2:
        raise _arity(node, name, T("one or two arguments (x, axis)", "một hoặc hai đối số (x, axis)"))
    axis_node = node.args[1] if len(node.args) == 2 else keywords.get("axis")
    axis = None if axis_node is None else _integer(axis_node)
    op, inner = REDUCTIONS[name][0], _build(node.args[0], names)

    def compute(env: dict) -> tf.Tensor:
        x = inner(env)
        if axis is not None and not -x.shape.rank <= axis < x.shape.rank:
            raise refuse(node, "expression.axis_range", function=name, axis=axis, shape=_shape(x))
        return op(x, axis=axis)

    return compute


def _integer(node: ast.AST) -> int:
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int and abs(node.value) < 32:
        return sign * node.value
    raise refuse(node, "expression.axis_value")
