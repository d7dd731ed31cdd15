"""How arrays are named and laid out on screen: A[1,0], row-major order, a matrix for any rank.

The same index notation as TensorFlow's: y[i] and ∂y[i]/∂x[k], counted from 0, the output's
axes first. Figures, HTML, downloads and the interface all take their labels from here.
"""

import functools
from collections.abc import Sequence

import numpy as np


def index_label(name: str, index: Sequence[int]) -> str:
    """'A[1,0]' for a matrix element, 'a' for a scalar."""
    return _index_label(name, index if isinstance(index, tuple) else tuple(index))


# The letters an element of any output or input is written with: C[i,j], ∂C[i,j]/∂A[k,l].
OUTPUT_LETTERS, INPUT_LETTERS = "ijh", "klm"
SUBSCRIPTS = {"i": "ᵢ", "j": "ⱼ", "h": "ₕ"}


def generic_blanks(y: str, y_ndim: int, x: str, x_ndim: int) -> dict[str, str]:
    """Any element of y, of v (shaped like y) and of x, at their ranks, and the sum over y's elements:
    {y_i}: 'C[i,j]', {v_i}: 'v[i,j]', {x_k}: 'A[k,l]', {sum_i}: 'Σᵢ,ⱼ ' (none for a scalar y: one slice)."""
    rows, cols = OUTPUT_LETTERS[:y_ndim], INPUT_LETTERS[:x_ndim]
    element = lambda name, letters: f"{name}[{','.join(letters)}]" if letters else name  # noqa: E731
    total = f"Σ{','.join(SUBSCRIPTS[c] for c in rows)} " if rows else ""
    return {"y_i": element(y, rows), "v_i": element("v", rows), "x_k": element(x, cols), "sum_i": total}


@functools.lru_cache(maxsize=1 << 16)
def _index_label(name: str, index: tuple[int, ...]) -> str:
    # Remembered: a hover names every cell of every chart on each slider move (2.5 µs a name).
    return f"{name}[{','.join(map(str, index))}]" if index else name


def partial_label(y: str, i: Sequence[int], x: str, k: Sequence[int] | None = None) -> str:
    """'∂C[0,1]/∂A[1,0]' for one entry of a Jacobian; '∂C[0,1]/∂A' for a whole slice (k None)."""
    return f"∂{index_label(y, i)}/∂{x if k is None else index_label(x, k)}"


def element_indices(shape: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Every index of an array of this shape, in row-major order (the order of reshape)."""
    return list(np.ndindex(*shape)) if shape else [()]


def as_matrix(array: np.ndarray) -> np.ndarray:
    """How an array of any rank is drawn: scalars as 1×1, vectors as one row, rank > 2 stacked."""
    if array.ndim == 0:
        return array.reshape(1, 1)
    if array.ndim == 1:
        return array.reshape(1, -1)
    return array.reshape(-1, array.shape[-1])


def shortest(value: float) -> float:
    """The float a reader would type for a float32 value: -0.9 for float32(-0.9), whose exact value
    is -0.8999999761581421. A slider holding the latter shows and links it with that noise."""
    return float(number(value))


def number(value: float) -> str:
    """A float32 value as its shortest round-trip text: 0.9, not 0.8999999761581421; -0.0 as 0.

    The inputs are float32, so the float64 repr of a slider's 0.9 carries float32's rounding
    noise. numpy's float32 repr is the shortest text that reads back as the same float32.
    """
    single = np.float32(value)
    if single == 0:
        return "0.0"
    return repr(float(np.format_float_positional(single, unique=True, trim="0")))


# A value under 32 float32 epsilons of the largest in its figure is the computation's rounding: the
# sum of softmax's slices is −7.45e-9 where the tape returns 0. Such a value is drawn and written as 0
# everywhere it appears (picture, prose, tables, downloads), a note saying so.
ROUND_OFF = 32 * float(np.finfo(np.float32).eps)


def round_off(values: Sequence[np.ndarray]) -> float:
    """The size under which a value of these arrays is rounding, not a number to read."""
    finite = [np.abs(v[np.isfinite(v)]) for v in map(np.asarray, values)]
    return ROUND_OFF * max((float(f.max()) for f in finite if f.size), default=0.0)


def number_text(value: float, noise: float = 0.0) -> str:
    """A number to 4 significant digits, as every place of the app writes it: under `noise` (round-off,
    see round_off) it is 0, and -0.0 reads as 0."""
    value = float(value)
    return "0" if abs(value) < noise else f"{value + 0.0:.4g}"


def settled(array: np.ndarray, noise: float) -> np.ndarray:
    """The array with its round-off (under `noise`) set to 0, as it is drawn and written."""
    array = np.asarray(array)
    return np.where(np.abs(array) < noise, np.zeros_like(array), array)


def array_text(array: np.ndarray, noise: float = 0.0) -> str:
    """An array's numbers in nested brackets, to 4 significant digits: '[[11, 15], [11, 15]]'."""
    array = np.asarray(array)
    if array.ndim == 0:
        return number_text(array, noise)
    return "[" + ", ".join(array_text(part, noise) for part in array) + "]"


def shape_text(shape: Sequence[int]) -> str:
    """(2, 2), (3,), (): Python's tuple notation, as TensorFlow prints a shape."""
    return repr(tuple(int(n) for n in shape))
