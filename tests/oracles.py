"""Independent oracles for the tests: float64 central differences computed eagerly."""

import numpy as np
import tensorflow as tf


def central_differences(fn, inputs: dict, wrt: str, step: float = 1e-6) -> np.ndarray:
    """J[i..., k...] ≈ (y(x + h e_k) − y(x − h e_k))[i...] / 2h, one eager float64 call per side."""
    doubles = {name: np.asarray(value, np.float64) for name, value in inputs.items()}
    x = doubles[wrt]

    def y_at(shifted: np.ndarray) -> np.ndarray:
        feed = {name: tf.constant(value) for name, value in {**doubles, wrt: shifted}.items()}
        return np.asarray(fn(**feed), np.float64)

    columns = []
    for k in range(x.size):
        e = np.zeros(x.size)
        e[k] = step
        e = e.reshape(x.shape)
        columns.append((y_at(x + e) - y_at(x - e)) / (2 * step))
    y_shape = columns[0].shape
    return np.stack(columns, axis=-1).reshape(y_shape + x.shape)
