"""The files a reader downloads: the Jacobian and the gradient on screen as CSV and .npy.

pandas takes ~0.3 s to import (with pyarrow, ~0.5 s): it is loaded when a table is made,
never on a server's first page.
"""

import io

import numpy as np

from jaccore.notation import element_indices, index_label


def jacobian_csv(jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str) -> bytes:
    """The flat Jacobian with its index map: one row per output element, one column per input element."""
    import pandas as pd

    x_shape = jacobian.shape[len(y_shape) :]
    rows = [index_label(y_name, i) for i in element_indices(y_shape)]
    cols = [index_label(x_name, k) for k in element_indices(x_shape)]
    return pd.DataFrame(jacobian.reshape(len(rows), len(cols)), index=rows, columns=cols).to_csv().encode()


def array_csv(array: np.ndarray, name: str) -> bytes:
    """An array as a table of its elements: index label → value (any rank)."""
    import pandas as pd

    labels = [index_label(name, k) for k in element_indices(array.shape)]
    return pd.DataFrame({"value": array.ravel()}, index=labels).to_csv().encode()


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()
