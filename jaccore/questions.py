"""The questions a worked example asks before it shows its answers, and the graded exercise.

Every wrong option is one of the mistakes learners make (../shared/LEARNERS.md, in the app's own
words): the output's shape alone, the input's alone, the input's axes first, the flat matrix, the
whole Jacobian for the gradient, the column sum for one partial derivative, the entry with its
indices swapped. An option is only a shape or a number, nothing that gives the answer away; what
each one means is said after it is picked, and a wrong one is told which mistake it is.
Pure: shapes and numpy arrays in, sentences in the reader's language out.
"""

import zlib
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from jaccore.notation import element_indices, index_label, number, shape_text
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
    mistake that gives the right label here is no mistake), in a stable shuffled order."""
    explanations: dict[str, str] = {}
    for label, mistake in candidates:
        if label not in explanations and len(explanations) < MAX_OPTIONS:
            explanations[label] = SENTENCES[mistake](lang, s=label, **blanks)
    right = candidates[0][0]
    order = tuple(sorted(explanations, key=lambda label: zlib.crc32(f"{key}{label}".encode())))
    return Question(key, prompt, order, right, explanations)


def jacobian_shape(slug: str, y: str, x: str, ys: tuple, xs: tuple, lang: str) -> Question:
    ny, nx = int(np.prod(ys, dtype=np.int64)), int(np.prod(xs, dtype=np.int64))
    candidates = [
        (shape_text(ys + xs), "predict.jacobian_right"),
        (shape_text(xs + ys), "predict.input_axes_first"),
        (shape_text(ys), "predict.output_shape_only"),
        (shape_text(xs), "predict.input_shape_only"),
        (shape_text((ny, nx)), "predict.flattened"),
    ]
    blanks = dict(y=y, x=x, ys=shape_text(ys), xs=shape_text(xs), js=shape_text(ys + xs), ny=ny, nx=nx)
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
    blanks = dict(y=y, x=x, ys=shape_text(ys), xs=shape_text(xs), js=shape_text(ys + xs))
    prompt = SENTENCES["predict.q_gradient"](lang, y=y, x=x)
    return question(f"predict.gradient.{slug}.{x}", prompt, candidates, lang, **blanks)


def partial_value(
    slug: str, y: str, x: str, jacobian: np.ndarray, output: np.ndarray, lang: str, inputs: str
) -> Question:
    """The value of one partial derivative ∂y[i]/∂x[k] at the inputs on screen (`inputs` names them),
    picked where the mistakes give the most distinct numbers."""
    ys = output.shape
    flat = jacobian.reshape(output.size, -1)
    i, k = max(_entries(flat), key=lambda entry: _distinct(_candidates(flat, output, *entry)))
    yi, xk = index_label(y, element_indices(ys)[i]), index_label(x, element_indices(jacobian.shape[len(ys) :])[k])
    prompt = SENTENCES["predict.q_partial"](lang, yi=yi, xk=xk, inputs=inputs)
    blanks = dict(y=y, x=x, yi=yi, xk=xk, k=k, i=i)
    return question(f"predict.partial.{slug}.{x}", prompt, _candidates(flat, output, i, k), lang, **blanks)


def _entries(flat: np.ndarray) -> list[tuple[int, int]]:
    """Every (row, column) of the flat Jacobian whose value is not 0, or every one if all are."""
    nonzero = [tuple(map(int, e)) for e in np.argwhere(flat != 0)]
    return nonzero or [(0, 0)]


def _candidates(flat: np.ndarray, output: np.ndarray, i: int, k: int) -> list[tuple[str, str]]:
    found = [(number(flat[i, k]), "predict.partial_right"), (number(flat[:, k].sum()), "predict.column_sum")]
    if k < flat.shape[0] and i < flat.shape[1]:
        found.append((number(flat[k, i]), "predict.swapped"))
    return [*found, (number(output.ravel()[i]), "predict.output_value"), (number(np.float32(0)), "predict.zero")]


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
