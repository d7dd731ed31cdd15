"""The learner assembles `tape.gradient` from the slices: each box of ∇x graded on its own, a wrong number
told which mistake it is, and hints that reveal one slice's term at a time, never the total.

For y with upstream weights v (ones unless set) and x, the box for the element x[k] holds

    ∇x[k] = Σ_i v[i] · ∂y[i]/∂x[k]        (the slices added across the output elements, cell by cell)

Every mistake below is computed from the values on screen (../shared/LEARNERS.md, 14): a sum within a
slice instead of across the slices (the row sums of the flat Jacobian for its column sums), a partial sum
(some slices left out), v forgotten or applied twice, the output's or the input's value, another input's
gradient, the transposed place, the sign, and a value that was right before the sliders moved. Two
mistakes that give the same number are named together. Pure: numpy arrays in, sentence keys and their
blanks out (jaccore/translations/build.py says them).
"""

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from jaccore.notation import array_text, element_indices, generic_blanks, index_label, partial_label
from jaccore.questions import close

MAX_SUBSETS = 1 << 12  # contributing slices searched for a partial sum: 12 slices, 4,096 subsets


@dataclass(frozen=True)
class Sum:
    """What the learner is asked to assemble: y's slices with respect to x, weighted by v."""

    y: str
    x: str
    jacobian: np.ndarray  # y.shape + x.shape
    upstream: np.ndarray  # v, y.shape
    output: np.ndarray  # y, for the mistake of typing it
    value: np.ndarray  # x, for the mistake of typing it
    others: Mapping[str, np.ndarray]  # the gradients of the example's other inputs, each its own shape
    earlier: Mapping[str, np.ndarray]  # "start", "before": ∇x at the starting values, before the last move

    @property
    def y_shape(self) -> tuple[int, ...]:
        return self.upstream.shape

    @property
    def generic(self) -> dict[str, str]:
        """Any element of y, v and x, written at their ranks (notation.generic_blanks)."""
        return generic_blanks(self.y, len(self.y_shape), self.x, self.value.ndim)

    @property
    def slices(self) -> np.ndarray:
        """v[i] · ∂y[i]/∂x, one row per output element i (row-major), one column per element of x."""
        flat = np.asarray(self.jacobian, np.float64).reshape(self.upstream.size, -1)
        return flat * np.asarray(self.upstream, np.float64).reshape(-1, 1)

    @property
    def gradient(self) -> np.ndarray:
        """Σ_i v[i] ∂y[i]/∂x: the column sums of the weighted flat Jacobian, shaped like x."""
        return self.slices.sum(axis=0).reshape(self.value.shape)

    def slice_name(self, i: int) -> str:
        return partial_label(self.y, element_indices(self.y_shape)[i], self.x)


@dataclass(frozen=True)
class Mark:
    """One box: whether it is right, and the mistakes its number is (sentence keys, in order)."""

    index: tuple[int, ...]
    typed: str
    value: float | None  # None: blank, or not a number
    right: bool
    mistakes: tuple[str, ...] = ()
    blanks: tuple[tuple[str, object], ...] = ()  # for the mistakes' sentences

    @property
    def blank(self) -> bool:
        return not self.typed.strip()


def mark(total: Sum, k: int, typed: str, value: float | None) -> Mark:
    """The box of x's k-th element (row-major): right to three decimals, or which mistakes its number is."""
    index = element_indices(total.value.shape)[k]
    if value is None:
        return Mark(index, typed, None, False)
    right = float(total.gradient.ravel()[k])
    if close(value, right):
        return Mark(index, typed, value, True)
    found, blanks = [], {}
    for key, candidate, extra in candidates(total, k):
        if candidate is not None and close(value, candidate) and not close(candidate, right) and key not in found:
            found.append(key)
            blanks.update(extra)
    missing = partial_sum(total, k, value)
    if missing:
        found.insert(0, "build.partial")
        blanks["missing"] = ", ".join(f"`{total.slice_name(i)}`" for i in missing)
    return Mark(index, typed, value, False, tuple(found), tuple(blanks.items()))


def candidates(total: Sum, k: int) -> list[tuple[str, float | None, dict]]:
    """Each mistake's number for the box of x's k-th element (None where it has none), with its blanks."""
    slices, v, flat_v = total.slices, total.upstream, np.asarray(total.upstream, np.float64).ravel()
    unweighted = np.asarray(total.jacobian, np.float64).reshape(v.size, -1)
    weighted = not np.all(v == 1)

    def at(array: np.ndarray, n: int) -> float | None:
        flat = np.asarray(array, np.float64).ravel()
        return float(flat[n]) if n < flat.size else None

    row = {"yk": name_of(total.y, total.y_shape, k)}
    found = [
        ("build.row_sums", at(slices.sum(axis=1), k), row),
        ("build.row_sums", at(unweighted.sum(axis=1), k) if weighted else None, row),
        ("build.unweighted", float(unweighted[:, k].sum()) if weighted else None, {}),
        ("build.weighted_twice", float((flat_v * slices[:, k]).sum()) if weighted else None, {}),
        ("build.transposed", transposed(total.gradient, k), {"xt": transposed_name(total.x, total.value.shape, k)}),
        ("build.output_value", at(total.output, k), row),
        ("build.input_value", at(total.value, k), {}),
    ]
    for name, gradient in total.others.items():
        found.append(("build.other_input", at(gradient, k), {"other": name, "ok": name_of(name, gradient.shape, k)}))
    found += [
        ("build.stale_start", at(total.earlier["start"], k) if "start" in total.earlier else None, {}),
        ("build.stale_before", at(total.earlier["before"], k) if "before" in total.earlier else None, {}),
        ("build.sign", -float(total.gradient.ravel()[k]), {}),
    ]
    return found


def name_of(name: str, shape: tuple[int, ...], k: int) -> str:
    """The k-th element's name (row-major), or '' where the array has no k-th element."""
    indices = element_indices(tuple(shape))
    return index_label(name, indices[k]) if k < len(indices) else ""


def transposed(gradient: np.ndarray, k: int) -> float | None:
    """∇x[b,a] for the box ∇x[a,b] of a matrix x, where that place exists and is another one."""
    if gradient.ndim != 2:
        return None
    a, b = element_indices(gradient.shape)[k]
    if a == b or b >= gradient.shape[0] or a >= gradient.shape[1]:
        return None
    return float(gradient[b, a])


def transposed_name(x: str, shape: tuple[int, ...], k: int) -> str:
    if len(shape) != 2:
        return ""
    a, b = element_indices(shape)[k]
    return index_label(x, (b, a))


def partial_sum(total: Sum, k: int, value: float) -> tuple[int, ...]:
    """The slices left out of a sum that gives `value` for the box (most of the terms kept), or ()."""
    terms = total.slices[:, k]
    contributing = [i for i in range(terms.size) if terms[i] != 0]
    if len(contributing) < 2 or 1 << len(contributing) > MAX_SUBSETS:
        return ()
    for size in range(len(contributing) - 1, 0, -1):
        for kept in itertools.combinations(contributing, size):
            if close(value, float(terms[list(kept)].sum())):
                return tuple(i for i in contributing if i not in kept)
    return ()


@dataclass(frozen=True)
class Hint:
    """What a box's hints have revealed: the slices that add to it (named, no numbers), then their
    terms one by one, at most all but one: the hints never give the total."""

    index: tuple[int, ...]
    contributing: tuple[int, ...]  # the output elements whose slice is not 0 at this cell
    terms: tuple[tuple[int, float, float], ...]  # revealed: (i, v[i], ∂y[i]/∂x[k]) in slice order


def hint(total: Sum, k: int, level: int) -> Hint | None:
    """The hint for the box of x's k-th element after `level` presses (None before the first)."""
    if level <= 0:
        return None
    terms = total.slices[:, k]
    contributing = tuple(i for i in range(terms.size) if terms[i] != 0)
    flat = np.asarray(total.jacobian, np.float64).reshape(total.upstream.size, -1)
    v = np.asarray(total.upstream, np.float64).ravel()
    shown = contributing[: min(level - 1, max(0, len(contributing) - 1))]
    index = element_indices(total.value.shape)[k]
    return Hint(index, contributing, tuple((i, float(v[i]), float(flat[i, k])) for i in shown))


def most_hints(total: Sum, k: int) -> int:
    """How many presses a box's hint can take: one to name the slices, one per term but the last."""
    contributing = int(np.count_nonzero(total.slices[:, k]))
    return 1 + max(0, contributing - 1)


def term_text(total: Sum, term: tuple[int, float, float], k: int) -> str:
    """'v[0,1] × ∂C[0,1]/∂A[0,0] = 1 × 6 = 6' (without v where v is ones)."""
    i, v_i, entry = term
    y_index, x_index = element_indices(total.y_shape)[i], element_indices(total.value.shape)[k]
    partial = partial_label(total.y, y_index, total.x, x_index)
    if np.all(total.upstream == 1):
        return f"{partial} = {array_text(entry)}"
    weight = index_label("v", y_index)
    return f"{weight} × {partial} = {array_text(v_i)} × {array_text(entry)} = {array_text(v_i * entry)}"
