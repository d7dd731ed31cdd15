"""The questions a worked example asks before it shows its answers, and the graded exercise.

Every wrong option is one of the mistakes learners make (../shared/LEARNERS.md, in the app's own
words): the output's shape alone, the input's alone, the input's axes first, the flat matrix, the
whole Jacobian for the gradient, the column sum for one partial derivative, the entry with its
indices swapped. An option is only a shape or a number, nothing that gives the answer away; what
each one means is said after it is picked, and a wrong one is told which mistake it is.
Pure: shapes and numpy arrays in, sentences in the reader's language out.
"""

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from jaccore.notation import array_text, element_indices, generic_blanks, index_label, shape_text
from jaccore.translations import SENTENCES

MAX_OPTIONS = 4  # the right answer and three mistakes


@dataclass(frozen=True)
class Question:
    key: str  # the widget's key; also what the session remembers the answer by
    prompt: str
    options: tuple[str, ...]  # as shown: shuffled, but the same order on every run
    right: str
    explanations: Mapping[str, str]  # per option: why it is right, or which mistake it is

    def explain(self, picked: str) -> str:
        return self.explanations[picked]


def question(key: str, prompt: str, candidates: list[tuple[str, str]], lang: str, **blanks: object) -> Question:
    """From (label, mistake) candidates, the right one first: one option per distinct label (a
    mistake that gives the right label here is no mistake), in a stable shuffled order. Two mistakes
    that give the same label are one option, its explanation naming both."""
    meanings, right = merged(candidates), candidates[0][0]
    explanations = {label: explained(label, meanings[label], label == right, lang, blanks)
                    for label in list(meanings)[:MAX_OPTIONS]}  # fmt: skip
    order = tuple(sorted(explanations, key=lambda label: zlib.crc32(f"{key}{label}".encode())))
    return Question(key, prompt, order, right, explanations)


def explained(label: str, meanings: list[str], right: bool, lang: str, blanks: Mapping[str, object]) -> str:
    """What a label means: the right answer's reason, or every mistake that gives it."""
    sentences = [SENTENCES[meaning](lang, s=label, **blanks) for meaning in meanings[: 1 if right else None]]
    return f" {SENTENCES['predict.also'](lang)} ".join(sentences)


def merged(candidates: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each label with every meaning it has, in the order given."""
    meanings: dict[str, list[str]] = {}
    for label, meaning in candidates:
        if meaning not in meanings.setdefault(label, []):
            meanings[label].append(meaning)
    return meanings


def jacobian_shape(slug: str, y: str, x: str, ys: tuple, xs: tuple, lang: str) -> Question:
    ny, nx = int(np.prod(ys, dtype=np.int64)), int(np.prod(xs, dtype=np.int64))
    candidates = [
        (shape_text(ys + xs), "predict.jacobian_right"),
        (shape_text(xs + ys), "predict.input_axes_first"),
        (shape_text(ys), "predict.output_shape_only"),
        (shape_text(xs), "predict.input_shape_only"),
        (shape_text((ny, nx)), "predict.flattened"),
    ]
    blanks = dict(y=y, x=x, ys=shape_text(ys), xs=shape_text(xs), js=shape_text(ys + xs), ny=ny, nx=nx,
                  **generic_blanks(y, len(ys), x, len(xs)))  # fmt: skip
    prompt = SENTENCES["predict.q_jacobian"](lang, y=y, x=x, ys=shape_text(ys), xs=shape_text(xs))
    return question(f"predict.jacobian.{slug}.{x}", prompt, candidates, lang, **blanks)


def gradient_shape(slug: str, y: str, x: str, ys: tuple, xs: tuple, lang: str) -> Question:
    flat = (int(np.prod(ys, dtype=np.int64)), int(np.prod(xs, dtype=np.int64)))
    candidates = [
        (shape_text(xs), "predict.gradient_right"),
        (shape_text(ys + xs), "predict.whole_jacobian"),
        (shape_text(ys), "predict.upstream_shape"),
        (shape_text(()), "predict.one_number"),
        (shape_text(tuple(reversed(xs))), "predict.transposed_layout"),
        (shape_text(flat), "predict.gradient_flattened"),
    ]
    blanks = dict(y=y, x=x, ys=shape_text(ys), xs=shape_text(xs), js=shape_text(ys + xs),
                  **generic_blanks(y, len(ys), x, len(xs)))  # fmt: skip
    prompt = SENTENCES["predict.q_gradient"](lang, y=y, x=x)
    return question(f"predict.gradient.{slug}.{x}", prompt, candidates, lang, **blanks)


def partial_value(
    slug: str,
    y: str,
    x: str,
    jacobian: np.ndarray,
    output: np.ndarray,
    lang: str,
    inputs: str,
    others: Mapping[str, np.ndarray] | None = None,
) -> Question:
    """The value of one partial derivative ∂y[i]/∂x[k] at the inputs on screen (`inputs` names them),
    picked where the mistakes give the most distinct numbers. `others`: the Jacobians with respect to
    the example's other inputs (the derivative taken with respect to the wrong one is a mistake too)."""
    ys = output.shape
    flat = jacobian.reshape(output.size, -1)
    flats = {name: j.reshape(output.size, -1) for name, j in (others or {}).items()}
    i, k = max(_entries(flat), key=lambda entry: _distinct(candidates(flat, output, *entry, flats)))
    blanks = entry_blanks(y, x, ys, jacobian.shape[len(ys) :], i, k, others or {})
    prompt = SENTENCES["predict.q_partial"](lang, yi=blanks["yi"], xk=blanks["xk"], inputs=inputs)
    return question(f"predict.partial.{slug}.{x}", prompt, candidates(flat, output, i, k, flats), lang, **blanks)


def entry_blanks(y: str, x: str, ys: tuple, xs: tuple, i: int, k: int, others: Mapping[str, np.ndarray]) -> dict:
    """The names an entry's sentences use: ∂y[i]/∂x[k] (flat row i, column k), and the other input's
    element at the same place, when there is another input."""
    blanks = dict(y=y, x=x, yi=index_label(y, element_indices(ys)[i]), xk=index_label(x, element_indices(xs)[k]),
                  k=k, i=i, other="", ok="", **generic_blanks(y, len(ys), x, len(xs)))  # fmt: skip
    for name, jacobian in others.items():
        shape = tuple(jacobian.shape[len(ys) :])
        at = min(k, int(np.prod(shape, dtype=np.int64)) - 1)
        blanks.update(other=name, ok=index_label(name, element_indices(shape)[at]))
        break
    return blanks


def _entries(flat: np.ndarray) -> list[tuple[int, int]]:
    """Every (row, column) of the flat Jacobian whose value is not 0, or every one if all are."""
    nonzero = [tuple(map(int, e)) for e in np.argwhere(flat != 0)]
    return nonzero or [(0, 0)]


def candidates(
    flat: np.ndarray, output: np.ndarray, i: int, k: int, flats: Mapping[str, np.ndarray] | None = None
) -> list[tuple[str, str]]:
    """The right value of the flat Jacobian's entry (i, k), then each mistake's value: the column sum
    (the gradient's entry), the entry with its indices swapped, the output's value, the derivative
    with respect to another input, 0, and the right value's sign flipped."""
    found = [(array_text(flat[i, k]), "predict.partial_right"), (array_text(flat[:, k].sum()), "predict.column_sum")]
    if k < flat.shape[0] and i < flat.shape[1]:
        found.append((array_text(flat[k, i]), "predict.swapped"))
    for other in (flats or {}).values():  # first: the likelier mistake where both give one number (a·x)
        found.append((array_text(other[i, min(k, other.shape[1] - 1)]), "predict.other_input"))
    found.append((array_text(output.ravel()[i]), "predict.output_value"))
    return [*found, (array_text(0.0), "predict.zero"), (array_text(-flat[i, k]), "predict.sign")]


STALE = {"start": "predict.stale_start", "before": "predict.stale_before"}  # a value right at other inputs


def mistakes_in(
    typed: float,
    flat: np.ndarray,
    output: np.ndarray,
    i: int,
    k: int,
    flats: Mapping,
    earlier: Mapping[str, np.ndarray] | None = None,
) -> list[str]:
    """The mistakes whose number is the one typed for the entry (i, k), when it is not the right one;
    `earlier`: the flat Jacobians at the starting values and before the last slider move ("start",
    "before"), for a number that was right there."""
    right = float(flat[i, k])
    found = [
        meaning
        for label, meaning in candidates(flat, output, i, k, flats)[1:]
        if close(typed, float(label)) and not close(typed, right)
    ]
    for when, jacobian in (earlier or {}).items():
        if close(typed, float(jacobian[i, k])) and not close(typed, right):
            found.append(STALE[when])
    return list(dict.fromkeys(found))


NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")


def parse_number(text: str) -> float | None:
    """A number as a learner types it: '6', '-0.5', '0,5' (a decimal comma), '−2' (a minus sign); None
    for anything else (ASCII digits only: int() would take '٣')."""
    text = text.strip().replace("−", "-")
    return float(text.replace(",", ".")) if NUMBER.fullmatch(text) else None


def close(a: float, b: float) -> bool:
    """Equal to three decimals, as a learner types a partial derivative worked out by hand."""
    return abs(a - b) <= 5e-3 * max(1.0, abs(b))


def _distinct(candidates: list[tuple[str, str]]) -> int:
    return len({label for label, _ in candidates})


def exercise_entries(jacobian: np.ndarray, ys: tuple, count: int = 3) -> list[tuple[tuple, tuple]]:
    """Entries (i, k) of the Jacobian for the graded exercise: the first and last that are not 0,
    and the first that is (a slice's zeros are half the lesson), as many as there are."""
    flat = jacobian.reshape(int(np.prod(ys, dtype=np.int64)), -1)
    nonzero, zero = np.argwhere(flat != 0), np.argwhere(flat == 0)
    picks = [tuple(e) for e in (*nonzero[:1], *zero[:1], *nonzero[-1:])]
    picks = list(dict.fromkeys(picks))
    for entry in map(tuple, np.argwhere(np.ones_like(flat, bool))):
        if len(picks) >= min(count, flat.size):
            break
        if entry not in picks:
            picks.append(entry)
    y_index, x_index = element_indices(ys), element_indices(jacobian.shape[len(ys) :])
    return [(y_index[int(r)], x_index[int(c)]) for r, c in picks[:count]]
