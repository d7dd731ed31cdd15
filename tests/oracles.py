"""Independent oracles, and the catalog cases to hold the engine against them."""

import numpy as np
import pytest
import tensorflow as tf

import jaccore
from jaccore.catalog import BATCH_EXAMPLES

# Every catalog function that has a closed-form Jacobian: the worked examples and the batch layers.
ORACLE_EXAMPLES = {**jaccore.EXAMPLES, **BATCH_EXAMPLES}


def example_wrt_pairs() -> list:
    """(slug, wrt) for every input each catalog example differentiates, with readable ids."""
    return [
        pytest.param(slug, wrt, id=f"{slug}-{wrt}") for slug, example in ORACLE_EXAMPLES.items() for wrt in example.wrt
    ]


def random_inputs(example: jaccore.Example, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Values like the example's defaults in shape, drawn at random (float32)."""
    return {name: rng.uniform(-3, 3, size=value.shape).astype(np.float32) for name, value in example.inputs.items()}


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
