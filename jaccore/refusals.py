"""What a refused formula is told: the mistakes learners make when they type one, each with how to
write it instead, and the error that carries the sentence in both languages.

A refusal names what was written, where (its column), and how to write it: `x ^ 2` → `x ** 2`,
`2x` → `2*x`, `W x` → `W @ x` or `W * x`, `sine(x)` → `sin`. Python's own names for the parts of
a formula (BinOp, Call, …) never reach the page. Text from the formula is shown as a Markdown
literal, and no sentence starts with what Markdown would read as markup (a list's `+`, a heading).
"""

import ast
import difflib
import re

from jaccore.engine import InputError
from jaccore.markup import literal
from jaccore.translations import SENTENCES, Text

T = Text
QUOTED = {
    "name",
    "char",
    "instead",
    "written",
    "left",
    "right",
    "number",
    "arg",
    "reason",
}  # blanks from the formula's text

REFUSED = {  # a node of Python's grammar → what a reader would call it
    ast.Attribute: T("attributes (a.b)", "thuộc tính (a.b)"),
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
# Operators a formula does not have, each with the sentence that says what to write instead.
OTHER_OPERATORS = {
    ast.BitXor: ("^", "expression.xor"),
    ast.FloorDiv: ("//", "expression.floor_division"),
    ast.Mod: ("%", "expression.remainder"),
    ast.BitAnd: ("&", "expression.operator"),
    ast.BitOr: ("|", "expression.operator"),
    ast.LShift: ("<<", "expression.operator"),
    ast.RShift: (">>", "expression.operator"),
    ast.Invert: ("~", "expression.operator"),
    ast.Not: ("not", "expression.operator"),
}


NOUNS = {"column": ("column", "columns", "cột"), "row": ("row", "rows", "hàng"),
         "element": ("element", "elements", "phần tử")}  # one, many, Vietnamese  # fmt: skip


class Counted:
    """'3 columns', '1 column', '3 cột': a count with its noun, in the reader's language."""

    def __init__(self, n: int, noun: str) -> None:
        self.n, self.noun = n, noun

    def __call__(self, lang: str) -> str:
        one, many, vi = NOUNS[self.noun]
        return f"{self.n} {vi if lang == 'vi' else one if self.n == 1 else many}"


class ExpressionError(InputError):
    """An expression that is refused: `message(lang)` says what and where; str() is English."""

    def __init__(self, key: str, column: int | None = None, **blanks: object) -> None:
        self.key, self.column, self.blanks = key, column, blanks
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        """The sentence in the reader's language; blanks that are Texts (or counts) are translated too.

        Text taken from the formula (a name, a callee) is shown as a literal: never read as Markdown.
        """
        blanks = {k: v(lang) if callable(v) else v for k, v in self.blanks.items()}
        blanks = {k: literal(str(v)) if k in QUOTED else v for k, v in blanks.items()}
        where = "" if self.column is None else SENTENCES["expression.where"](lang, column=self.column)
        return SENTENCES[self.key](lang, **blanks) + where


def refuse(node: ast.AST, key: str, **blanks: object) -> ExpressionError:
    """An ExpressionError that points at the node's column (1-based)."""
    return ExpressionError(key, column=getattr(node, "col_offset", 0) + 1, **blanks)


def refuse_operator(node: ast.BinOp | ast.UnaryOp) -> ExpressionError:
    symbol, key = OTHER_OPERATORS.get(type(node.op), ("?", "expression.operator"))
    return refuse(node, key, symbol=symbol)


METHODS = ("sum", "mean", "max", "norm", "trace", "transpose", "reshape", "exp", "log", "sqrt", "abs", "square")


def refuse_construct(node: ast.AST) -> ExpressionError:
    """A part of Python a formula does not have; an attribute said the way a formula writes it (x.T is
    transpose(x), x.sum() is sum(x))."""
    if isinstance(node, ast.Attribute) and node.attr in ("T", *METHODS):
        written, arg = ast.unparse(node), ast.unparse(node.value)
        if node.attr == "T":
            return refuse(node, "expression.attribute_T", written=written, instead=f"transpose({arg})")
        instead = f"{node.attr}({arg})"
        return refuse(
            node, "expression.attribute_function", written=f"{written}()", function=node.attr, instead=instead
        )
    if type(node) in REFUSED:
        return refuse(node, "expression.refused", what=REFUSED[type(node)])
    return refuse(node, "expression.construct")


# Side by side with nothing between: a number and a name (2x), two names (W x), a name and "(".
NUMBER_THEN_NAME = re.compile(r"(?<![\w.])(\d+(?:\.\d*)?)[ \t]*([A-Za-df-z_]\w*|e(?![+-]?\d)\w*)")
KEYWORDS = ("not", "and", "or", "if", "else", "for", "in", "lambda", "is")
NAME_THEN_NAME = re.compile(r"([A-Za-z_]\w*)[ \t]+([A-Za-z_(]\w*)")


STATEMENTS = ("import", "from", "def", "class", "for", "while", "with", "return", "del", "global", "try", "raise",
              "assert", "pass")  # fmt: skip


def refuse_syntax(text: str, offset: int | None) -> ExpressionError:
    """A text Python cannot read: said with the most likely reason, a statement where a formula was
    expected, a multiplication written as in a textbook (2x, W x), or Python's own position when there
    is none."""
    first = re.match(r"[A-Za-z_]+", text)
    if first and first.group() in STATEMENTS and not re.match(rf"{first.group()}\s*\(", text):
        return ExpressionError("expression.statement", column=1, keyword=first.group())
    for juxtaposed in NUMBER_THEN_NAME.finditer(text):
        number, name = juxtaposed.groups()
        if name not in KEYWORDS:
            return ExpressionError("expression.juxtaposed_number", column=juxtaposed.start() + 1, number=number,
                                   name=name, instead=f"{number}*{name}")  # fmt: skip
    for pair in NAME_THEN_NAME.finditer(text):
        left, right = pair.groups()
        if left not in KEYWORDS and right.rstrip("(") not in KEYWORDS:
            right = right.rstrip("(") or "(…)"
            return ExpressionError("expression.juxtaposed_names", column=pair.start() + 1, left=left, right=right)
    return ExpressionError("expression.syntax", column=offset or 1)


def refuse_call(node: ast.Call, name: str | None, functions: tuple[str, ...]) -> ExpressionError:
    """A call to something that is not one of the functions: the nearest names, or, for what reads as
    an input written before a parenthesis (x(y)), the multiplication it probably meant."""
    if name is None:
        return refuse(node, "expression.unknown_call", name=ast.unparse(node.func)[:20], allowed=", ".join(functions))
    nearest = difflib.get_close_matches(name, functions, n=3, cutoff=0.6)
    if nearest:
        return refuse(node, "expression.unknown_function", name=name, nearest=" / ".join(f"`{n}`" for n in nearest),
                      allowed=", ".join(functions))  # fmt: skip
    if len(name) <= 2:
        return refuse(node, "expression.call_of_input", name=name, instead=f"{name} * (…)")
    return refuse(node, "expression.unknown_call", name=name, allowed=", ".join(functions))
