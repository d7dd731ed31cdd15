"""A learner's formula for a Jacobian, a gradient or a Hessian, graded against TensorFlow's tape at
several points: right, refused (the parser's sentence), or wrong with what kind of wrong it is.

The answer is parsed by the playground's parser over the puzzle's inputs only (never run as
Python) and evaluated eagerly in float32 at the point shown and at four random points, against
`tape.jacobian` (or `tape.gradient`, or the Jacobian of the gradient) computed by the engine's
compiled graphs at the same points. A formula right at the point shown and wrong elsewhere is right
by coincidence; a shape that does not fit is said in the layout's own terms (y.shape + x.shape).
Pure: numpy out, sentence keys and blanks (jaccore/translations/puzzle.py).
"""

import zlib
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

import jaccore.engine as engine
from jaccore._tensorflow import tf
from jaccore.catalog.puzzles import Puzzle
from jaccore.curvature import hessian
from jaccore.expression import ExpressionError, parse_expression
from jaccore.notation import shape_text

HALVES = np.array([-1.5, -1.0, -0.5, 0.5, 1.0, 1.5])  # the point shown: numbers a learner reads at a glance
RTOL = 1e-4  # float32 against float32, relative to the largest entry of the right answer (at least 1)


def points(puzzle: Puzzle) -> list[dict[str, np.ndarray]]:
    """The point shown (halves, no zero; `symmetric` inputs symmetric) and four random points, the same
    for every learner (seeded by the puzzle), float32."""
    rng = np.random.default_rng(zlib.crc32(puzzle.slug.encode()))
    shown = {name: rng.choice(HALVES, size=shape) for name, shape in puzzle.shapes.items()}
    for name in puzzle.symmetric:
        upper = np.triu(shown[name])
        shown[name] = upper + np.triu(upper, 1).T
    drawn = [{name: rng.uniform(-2, 2, size=shape) for name, shape in puzzle.shapes.items()} for _ in range(4)]
    found = []
    for values in (shown, *drawn):
        for name in puzzle.positive:
            values[name] = np.abs(values[name]) + 0.5
        found.append({name: np.asarray(value, np.float32) for name, value in values.items()})
    return found


def expected(puzzle: Puzzle, values: Mapping[str, np.ndarray]) -> np.ndarray:
    """What the tape returns at these values: the Jacobian, the gradient or the Hessian."""
    fn = parse_expression(puzzle.function)
    if puzzle.target == "hessian":
        return hessian(fn, values, puzzle.wrt)
    analysis = engine.analyze(fn, values, puzzle.wrt)
    return analysis.gradient if puzzle.target == "gradient" else analysis.jacobian


def y_shape(puzzle: Puzzle) -> tuple[int, ...]:
    return engine.output_shape(parse_expression(puzzle.function), points(puzzle)[0], puzzle.wrt)


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer: a sentence key (puzzle.*) and its blanks, or the parser's refusal;
    at the point shown, the learner's array (where its shape fits), the right one, and where they differ."""

    key: str
    blanks: Mapping[str, object]
    right: np.ndarray
    yours: np.ndarray | None = None
    wrong: np.ndarray | None = None
    refusal: ExpressionError | None = None

    @property
    def solved(self) -> bool:
        return self.key == "puzzle.right"


def grade(puzzle: Puzzle, text: str) -> Grade:
    at = points(puzzle)
    rights = [expected(puzzle, values) for values in at]
    xs, ys = puzzle.shapes[puzzle.wrt], y_shape(puzzle)
    blanks = dict(x=puzzle.wrt, xs=shape_text(xs), ys=shape_text(ys), js=shape_text(rights[0].shape),
                  others=len(at) - 1)  # fmt: skip
    try:
        formula = parse_expression(text, tuple(puzzle.shapes))
        yours = [evaluated(formula, values) for values in at]
    except ExpressionError as refusal:
        return Grade("puzzle.refused", blanks, rights[0], refusal=refusal)
    blanks["s"] = shape_text(yours[0].shape)
    if yours[0].shape != rights[0].shape:
        return Grade(mismatch(puzzle, yours[0], rights[0], xs, ys), blanks, rights[0])
    if not np.isfinite(yours[0]).all():
        return Grade("puzzle.nonfinite", blanks, rights[0], yours[0], ~np.isfinite(yours[0]))
    differ = [~close(y, r) for y, r in zip(yours, rights, strict=True)]
    key, extra = wrong_values(puzzle, yours, rights, differ, ys)
    return Grade(key, {**blanks, **extra}, rights[0], yours[0], differ[0])


def evaluated(formula, values: Mapping[str, np.ndarray]) -> np.ndarray:
    """The answer at these values, eagerly; a failure TensorFlow raises is said as a refusal."""
    try:
        return np.asarray(formula.evaluate({name: tf.constant(value) for name, value in values.items()}), np.float32)
    except (ValueError, tf.errors.OpError) as error:
        raise ExpressionError("puzzle.failed", reason=str(error).splitlines()[0][:200]) from None


def close(yours: np.ndarray, right: np.ndarray) -> np.ndarray:
    scale = max(1.0, float(np.abs(right).max(initial=0.0)))
    return np.abs(yours.astype(np.float64) - right.astype(np.float64)) <= RTOL * scale


def mismatch(puzzle: Puzzle, yours: np.ndarray, right: np.ndarray, xs: tuple, ys: tuple) -> str:
    """Which layout mistake a shape is, in the order a learner makes them."""
    shape, ny, nx = yours.shape, int(np.prod(ys, dtype=int)), int(np.prod(xs, dtype=int))
    if puzzle.target == "gradient":
        if len(xs) == 2 and shape == xs[::-1]:
            return "puzzle.transposed_shape"
        if shape[1:] == xs and shape[:1] and np.allclose(yours.sum(axis=0), right, rtol=1e-3, atol=1e-3):
            return "puzzle.not_summed"
        return "puzzle.jacobian_for_gradient" if shape == ys + xs and ys else "puzzle.shape"
    if shape == xs and puzzle.target == "hessian":
        return "puzzle.gradient_not_hessian"
    if shape == xs + ys:
        return "puzzle.input_axes_first"
    if shape == (ny, nx) and len(right.shape) != 2:
        return "puzzle.flat"
    if shape == xs and ny == nx and right.size == ny * nx:
        flat = right.reshape(ny, nx)
        if np.allclose(yours.ravel(), np.diag(flat), rtol=1e-3, atol=1e-4):
            diagonal = np.allclose(flat, np.diag(np.diag(flat)), atol=1e-6)
            return "puzzle.missing_diag" if diagonal else "puzzle.diagonal_as_vector"
    return "puzzle.summed" if shape == xs and ys else "puzzle.shape"


def wrong_values(puzzle: Puzzle, yours: list, rights: list, differ: list, ys: tuple) -> tuple[str, dict]:
    """Right everywhere, right by coincidence, or what the numbers are: transposed, of the wrong sign,
    scaled, the diagonal alone; otherwise how many entries differ at the point shown."""
    if not any(d.any() for d in differ):
        return "puzzle.right", {}
    if not differ[0].any():
        return "puzzle.coincidence", {}
    pairs = list(zip(yours, rights, strict=True))
    n = int(np.prod(ys, dtype=int))
    if rights[0].size == n * n and n > 1 and all(close(y, flat_t(r, n)).all() for y, r in pairs):
        return "puzzle.transposed", {}
    if all(close(y, -r).all() for y, r in pairs):
        return "puzzle.sign", {}
    factor = scale_of(pairs)
    if factor is not None:
        return "puzzle.scaled", {"c": f"{factor:.3g}"}
    if rights[0].size == n * n and n > 1 and all(diagonal_alone(y, r, n) for y, r in pairs):
        return "puzzle.diagonal_only", {}
    return "puzzle.values", {"k": int(differ[0].sum()), "n": differ[0].size}


def flat_t(right: np.ndarray, n: int) -> np.ndarray:
    """The right answer with its output and input axes swapped, in its own shape (n outputs, n inputs)."""
    return right.reshape(n, n).T.reshape(right.shape)


def scale_of(pairs: list) -> float | None:
    """The one factor c with yours = c · right at every point, if there is one (and it is not 1 or -1)."""
    y, r = pairs[0]
    at = np.argmax(np.abs(r))
    if r.flat[at] == 0:
        return None
    c = float(y.flat[at] / r.flat[at])
    if abs(abs(c) - 1) < 1e-3 or not all(close(y, c * r).all() for y, r in pairs):
        return None
    return c


def diagonal_alone(yours: np.ndarray, right: np.ndarray, n: int) -> bool:
    """The diagonal right, the rest wrong, where the right answer is not diagonal."""
    y, r = yours.reshape(n, n), right.reshape(n, n)
    off = ~np.eye(n, dtype=bool)
    return close(np.diag(y), np.diag(r)).all() and not close(y[off], r[off]).all() and bool(np.any(r[off]))
