"""A training step of a linear layer on a batch: Y = X @ W + b, a loss L of Y, and where the upstream
weights v of tape.gradient come from in training: v = ∂L/∂Y.

Each function is one object for the life of the server (the engine compiles a graph per function,
wrt and shapes): the layer, each loss of Y, each loss of the inputs, each loss per example.
"""

import numpy as np

from jaccore._tensorflow import tf
from jaccore.catalog.example import constant
from jaccore.translations import Text

T = Text

# B = 3 examples of n = 2 features, m = 2 outputs (or classes): small enough for a slider per number.
INPUTS = {
    "X": constant([[1.0, 2.0], [0.5, -1.0], [-1.5, 0.5]]),
    "W": constant([[0.5, -1.0], [1.0, 0.5]]),
    "b": constant([0.5, -0.5]),
    "T": constant([[2.0, 0.0], [0.0, 1.0], [-1.0, 1.0]]),  # the targets of the squared error
}
LABELS = (0, 1, 1)  # the classes of the cross-entropy, one per example
VALUE_RANGE, STEP = (-3.0, 3.0), 0.1


def layer(X: tf.Tensor, W: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """Y = X @ W + b: b, of shape (m,), is added to every row of X @ W (broadcast over the batch)."""
    return X @ W + b


def squared_error(Y: tf.Tensor, T: tf.Tensor) -> tf.Tensor:
    """ℓ[b] = mean over the outputs of (Y[b] − T[b])²: one loss per example, shape (B,)."""
    return tf.reduce_mean(tf.square(Y - T), axis=-1)


def cross_entropy(Y: tf.Tensor, T: tf.Tensor) -> tf.Tensor:
    """ℓ[b] = −Σ_j T[b,j] · log softmax(Y[b])[j], T one-hot: one loss per example, shape (B,)."""
    return -tf.reduce_sum(T * tf.nn.log_softmax(Y, axis=-1), axis=-1)


def _mean_of(per_example):
    """L as a function of Y: the mean of the examples' losses (what Keras's losses return)."""
    return lambda Y, T: tf.reduce_mean(per_example(Y, T))


def _per_example_of(per_example):
    return lambda X, W, b, T: per_example(layer(X, W, b), T)


def _loss_of(per_example):
    return lambda X, W, b, T: tf.reduce_mean(per_example(layer(X, W, b), T))


PER_EXAMPLE = {"mse": squared_error, "cross_entropy": cross_entropy}
OF_OUTPUTS = {name: _mean_of(f) for name, f in PER_EXAMPLE.items()}  # L(Y, T)
OF_INPUTS = {name: _loss_of(f) for name, f in PER_EXAMPLE.items()}  # L(X, W, b, T)
PER_EXAMPLE_OF_INPUTS = {name: _per_example_of(f) for name, f in PER_EXAMPLE.items()}  # ℓ(X, W, b, T), (B,)

LOSS_NAMES = {"mse": T("mean squared error", "sai số bình phương trung bình"),
              "cross_entropy": T("softmax cross-entropy", "cross-entropy của softmax")}  # fmt: skip
FORMULAS = {
    "mse": r"Y = XW + b,\quad \ell[b] = \tfrac{1}{m}\textstyle\sum_j (Y[b,j] - T[b,j])^2,\quad "
    r"L = \tfrac{1}{B}\textstyle\sum_b \ell[b]",
    "cross_entropy": r"Y = XW + b,\quad \ell[b] = -\log \mathrm{softmax}(Y[b])[c_b],\quad "
    r"L = \tfrac{1}{B}\textstyle\sum_b \ell[b]",
}
# The loss as the take-away script writes it, given Y and T.
CODE = {
    "mse": "tf.reduce_mean(tf.square(Y - T), axis=-1)",
    "cross_entropy": "tf.nn.softmax_cross_entropy_with_logits(labels=T, logits=Y)",
}


def one_hot(labels: tuple[int, ...], classes: int) -> np.ndarray:
    return np.eye(classes, dtype=np.float32)[list(labels)]


def closed_upstream(loss: str, Y: np.ndarray, T: np.ndarray) -> np.ndarray:
    """v = ∂L/∂Y in float64, the page's check: 2(Y − T)/(B·m) for the mean squared error, (softmax(Y) − T)/B
    for the cross-entropy of one-hot T."""
    Y, T = np.asarray(Y, np.float64), np.asarray(T, np.float64)
    B, m = Y.shape
    if loss == "mse":
        return 2 * (Y - T) / (B * m)
    p = np.exp(Y - Y.max(axis=1, keepdims=True))
    return (p / p.sum(axis=1, keepdims=True) - T) / B
