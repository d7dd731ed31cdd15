"""The puzzles of "Write the Jacobian yourself": a function in the playground's language, the input to
differentiate, what to write (tape.jacobian, tape.gradient or the Hessian), one answer that is right,
and the typical wrong answers with the mistake each is (the tests hold the grading to them).

In the order a learner meets them: the notebook's element-wise examples, then W·x with respect to x
and to W, a reshape, the chain rule, softmax and log-softmax, a normalisation, the gradients of
matrix products, the bias of a batch, and a Hessian. ../shared/PUZZLES.md: the mistakes worth naming.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from jaccore.translations import Text

T = Text


@dataclass(frozen=True)
class Puzzle:
    """y = function(inputs); write `target` of y with respect to `wrt`: "jacobian" (tape.jacobian(y, x),
    y.shape + x.shape), "gradient" (tape.gradient(y, x), x.shape) or "hessian" (the Jacobian of the
    gradient of a y with one element, x.shape + x.shape)."""

    slug: str
    title: Text
    function: str
    shapes: Mapping[str, tuple[int, ...]]
    wrt: str
    target: str
    answer: str
    wrong: Mapping[str, str]  # a typical wrong answer → the key of the mistake it is (puzzle.*)
    positive: tuple[str, ...] = ()  # inputs drawn positive (a norm, a log)
    # Inputs drawn symmetric at the point shown, and only there: an answer right by coincidence
    # (2·A for the Hessian of xᵀAx) is right at that point and wrong at the others.
    symmetric: tuple[str, ...] = ()
    about: Text | None = None
    points: int = field(default=5, compare=False)  # the point shown and four random ones


PUZZLES: dict[str, Puzzle] = {
    puzzle.slug: puzzle
    for puzzle in (
        Puzzle("square", T("x ⊙ x", "x ⊙ x"), "x * x", {"x": (3,)}, "x", "jacobian", "diag(2 * x)",
               {"2 * x": "puzzle.missing_diag", "diag(x)": "puzzle.scaled", "-diag(2 * x)": "puzzle.sign"},
               about=T("The notebook's first example, x a vector.", "Ví dụ đầu tiên của notebook, x là vector.")),
        Puzzle("scale", T("a · x, with respect to x", "a · x, theo x"), "a * x", {"a": (), "x": (3,)}, "x",
               "jacobian", "a * eye(3)", {"a * ones(3)": "puzzle.missing_diag", "a * ones(3, 3)": "puzzle.values"}),
        Puzzle("scale_a", T("a · x, with respect to the scalar a", "a · x, theo số a"), "a * x",
               {"a": (), "x": (3,)}, "a", "jacobian", "x", {"sum(x)": "puzzle.summed", "-x": "puzzle.sign"}),
        Puzzle("sum_squares", T("∇ of Σ x²", "∇ của Σ x²"), "sum(x * x)", {"x": (3,)}, "x", "gradient", "2 * x",
               {"diag(2 * x)": "puzzle.not_summed", "x": "puzzle.scaled", "-2 * x": "puzzle.sign"}),
        Puzzle("matvec_x", T("W @ x, with respect to x", "W @ x, theo x"), "W @ x", {"W": (2, 3), "x": (3,)},
               "x", "jacobian", "W", {"transpose(W)": "puzzle.input_axes_first", "sum(W, 0)": "puzzle.summed"}),
        Puzzle("matvec_W", T("W @ x, with respect to W", "W @ x, theo W"), "W @ x", {"W": (2, 3), "x": (3,)},
               "W", "jacobian", "outer(eye(2), x)",
               {"outer(ones(2), x)": "puzzle.summed", "reshape(outer(eye(2), x), (2, 6))": "puzzle.flat",
                "outer(x, eye(2))": "puzzle.shape"}),
        Puzzle("reshape", T("A reshape", "Một phép reshape"), "reshape(x, (2, 3))", {"x": (6,)}, "x", "jacobian",
               "reshape(eye(6), (2, 3, 6))",
               {"eye(6)": "puzzle.flat", "reshape(eye(6), (6, 2, 3))": "puzzle.input_axes_first"}),
        Puzzle("tanh_b", T("tanh(W @ x + b), with respect to b", "tanh(W @ x + b), theo b"), "tanh(W @ x + b)",
               {"W": (2, 3), "x": (3,), "b": (2,)}, "b", "jacobian", "diag(1 - tanh(W @ x + b) ** 2)",
               {"1 - tanh(W @ x + b) ** 2": "puzzle.missing_diag", "diag(tanh(W @ x + b) ** 2 - 1)": "puzzle.sign"}),
        Puzzle("tanh_x", T("tanh(W @ x + b), with respect to x", "tanh(W @ x + b), theo x"), "tanh(W @ x + b)",
               {"W": (2, 3), "x": (3,), "b": (2,)}, "x", "jacobian", "diag(1 - tanh(W @ x + b) ** 2) @ W",
               {"transpose(W) @ diag(1 - tanh(W @ x + b) ** 2)": "puzzle.input_axes_first",
                "(1 - tanh(W @ x + b) ** 2) @ W": "puzzle.summed", "W": "puzzle.values"}),
        Puzzle("chain", T("exp(W @ x): the chain rule", "exp(W @ x): quy tắc dây chuyền"), "exp(W @ x)",
               {"W": (3, 3), "x": (3,)}, "x", "jacobian", "diag(exp(W @ x)) @ W",
               {"diag(exp(x)) @ W": "puzzle.values", "exp(W @ x) @ W": "puzzle.summed"},
               about=T("J = J~exp~ · J~W@x~: the outer function's Jacobian, at the inner one's value, first.",
                       "J = J~exp~ · J~W@x~: Jacobian của hàm bên ngoài, tại giá trị của hàm bên trong, đứng trước.")),
        Puzzle("softmax", T("softmax(x)", "softmax(x)"), "softmax(x)", {"x": (3,)}, "x", "jacobian",
               "diag(softmax(x)) - outer(softmax(x), softmax(x))",
               {"diag(softmax(x) * (1 - softmax(x)))": "puzzle.diagonal_only",
                "softmax(x) * (1 - softmax(x))": "puzzle.diagonal_as_vector"}),
        Puzzle("log_softmax", T("log_softmax(x)", "log_softmax(x)"), "log_softmax(x)", {"x": (3,)}, "x", "jacobian",
               "eye(3) - outer(ones(3), softmax(x))",
               {"eye(3) - outer(softmax(x), ones(3))": "puzzle.transposed",
                "1 - softmax(x)": "puzzle.diagonal_as_vector"}),
        Puzzle("normalize", T("x / ‖x‖", "x / ‖x‖"), "x / norm(x)", {"x": (3,)}, "x", "jacobian",
               "(eye(3) - outer(x, x) / norm(x) ** 2) / norm(x)",
               {"eye(3) / norm(x)": "puzzle.values", "(outer(x, x) / norm(x) ** 2 - eye(3)) / norm(x)": "puzzle.sign"},
               positive=("x",)),
        Puzzle("sum_AB", T("∇ₐ of Σ (A @ B)", "∇ₐ của Σ (A @ B)"), "sum(A @ B)", {"A": (2, 3), "B": (3, 2)}, "A",
               "gradient", "ones(2, 2) @ transpose(B)",
               {"B": "puzzle.transposed_shape", "transpose(B)": "puzzle.values"}),
        Puzzle("trace_AB", T("∇ₐ of trace(A @ B)", "∇ₐ của trace(A @ B)"), "trace(A @ B)",
               {"A": (2, 3), "B": (3, 2)}, "A", "gradient", "transpose(B)",
               {"B": "puzzle.transposed_shape", "-transpose(B)": "puzzle.sign"}),
        Puzzle("bias_batch", T("The bias of a batch", "Bias của một lô"), "sum((X @ W + b) ** 2)",
               {"X": (3, 2), "W": (2, 2), "b": (2,)}, "b", "gradient", "sum(2 * (X @ W + b), 0)",
               {"2 * (X @ W + b)": "puzzle.not_summed", "sum(2 * (X @ W + b), 1)": "puzzle.shape"},
               about=T("b is added to every row of the batch.", "b được cộng vào mọi hàng của lô dữ liệu.")),
        Puzzle("hessian", T("The Hessian of xᵀAx", "Hessian của xᵀAx"), "x @ A @ x", {"x": (3,), "A": (3, 3)}, "x",
               "hessian", "A + transpose(A)",
               {"2 * A": "puzzle.coincidence", "2 * A @ x": "puzzle.gradient_not_hessian"}, symmetric=("A",)),
    )
}  # fmt: skip
