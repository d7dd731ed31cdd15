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


def array_text(array: np.ndarray) -> str:
    """An array's numbers in nested brackets, to 4 significant digits: '[[11, 15], [11, 15]]'."""
    array = np.asarray(array)
    if array.ndim == 0:
        return f"{float(array) + 0.0:.4g}"  # + 0.0: -0.0 reads as 0
    return "[" + ", ".join(array_text(part) for part in array) + "]"


def shape_text(shape: Sequence[int]) -> str:
    """(2, 2), (3,), (): Python's tuple notation, as TensorFlow prints a shape."""
    return repr(tuple(int(n) for n in shape))
