"""Independent oracles, and the catalog cases to hold the engine against them."""

import numpy as np
import pytest
import tensorflow as tf

import jaccore
from jaccore.catalog import BATCH_EXAMPLES
from tests import ROOT

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


# The digit classifier, in float64 from its files alone ---------------------------------------

DATA = ROOT / "jaccore" / "data"  # the files, not the code that reads them


def digit_image(n: int) -> np.ndarray:
    """Image n of the 8 × 8 digits, its 16 grey levels scaled to [0, 1]."""
    with np.load(DATA / "digits.npz") as stored:
        return stored["images"][n] / 16.0


def digit_label(n: int) -> int:
    with np.load(DATA / "digits.npz") as stored:
        return int(stored["labels"][n])


def digit_network(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """logits = tanh(x·W1 + b1)·W2 + b2 and its closed-form Jacobian W2ᵀ·diag(1 − h²)·W1ᵀ, (10, 8, 8)."""
    with np.load(DATA / "digit_classifier.npz") as stored:
        w = {name: stored[name].astype(np.float64) for name in stored.files}
    h = np.tanh(np.asarray(image, np.float64).reshape(64) @ w["W1"] + w["b1"])
    return h @ w["W2"] + w["b2"], ((w["W2"].T * (1 - h**2)) @ w["W1"].T).reshape(10, 8, 8)


def softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max())
    return e / e.sum()


def softmax_jacobian(p: np.ndarray, jacobian: np.ndarray) -> np.ndarray:
    """∂p/∂x = (diag(p) − p·pᵀ)·∂logits/∂x."""
    return np.tensordot(np.diag(p) - np.outer(p, p), jacobian, axes=1)
