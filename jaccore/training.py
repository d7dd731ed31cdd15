"""A training step as the tape computes it: v = ∂L/∂Y, then tape.gradient(L, W) as the slices of ∂Y/∂W
weighted by v, the bias's gradient summed over the batch, and per-example gradients as the rows of
tape.jacobian(ℓ, W). Pure: numpy in, numpy out, every number from the engine's compiled graphs.

Also the ways of computing per-example gradients, timed side by side (bench/per_example.py and the
page's Measure button): tape.jacobian with and without pfor, a Python loop of tape.gradient calls,
and one tape.batch_jacobian of the losses with respect to W copied per example.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from jaccore._tensorflow import tf
from jaccore.catalog.training import OF_INPUTS, OF_OUTPUTS, PER_EXAMPLE, PER_EXAMPLE_OF_INPUTS, layer
from jaccore.classifier import digit_classifier, digits
from jaccore.engine import Analysis, analyze
from jaccore.graphs import median_ms


@dataclass(frozen=True)
class Step:
    """One training step of Y = X @ W + b under a loss, at the values on screen."""

    loss: str  # "mse" or "cross_entropy"
    outputs: np.ndarray  # Y (B, m)
    value: float  # L
    upstream: np.ndarray  # v = ∂L/∂Y (B, m): tape.gradient(L, Y)
    weights: Analysis  # ∂Y/∂W (B, m, n, m), gradient = tape.gradient(Y, W, output_gradients=v)
    bias: Analysis  # ∂Y/∂b (B, m, m), gradient = tape.gradient(Y, b, output_gradients=v)
    loss_weights: np.ndarray  # tape.gradient(L, W)
    loss_bias: np.ndarray  # tape.gradient(L, b)
    per_example: Analysis  # ℓ (B,): tape.jacobian(ℓ, W) (B, n, m); gradient = tape.gradient(Σℓ, W)


def training_step(values: Mapping[str, np.ndarray], loss: str) -> Step:
    """`values`: X (B, n), W (n, m), b (m,), T (B, m) (targets, or one-hot labels)."""
    layer_inputs = {name: values[name] for name in ("X", "W", "b")}
    Y = analyze(layer, layer_inputs, "W").output
    of_Y = analyze(OF_OUTPUTS[loss], {"Y": Y, "T": values["T"]}, "Y")
    v = of_Y.gradient
    full = analyze(OF_INPUTS[loss], values, "W")
    return Step(
        loss=loss,
        outputs=Y,
        value=float(of_Y.output),
        upstream=v,
        weights=analyze(layer, layer_inputs, "W", upstream=v),
        bias=analyze(layer, layer_inputs, "b", upstream=v),
        loss_weights=full.gradient,
        loss_bias=analyze(OF_INPUTS[loss], values, "b").gradient,
        per_example=analyze(PER_EXAMPLE_OF_INPUTS[loss], values, "W"),
    )


# The digit classifier's cross-entropy on a batch: per-example gradients of its last bias b2 -------------


def _classifier_losses(images: tf.Tensor, labels: tf.Tensor, b2: tf.Tensor) -> tf.Tensor:
    """ℓ[k]: the cross-entropy of image k against its label, as a function of the last layer's bias b2."""
    model = digit_classifier()
    w = {name: tf.cast(value, images.dtype) for name, value in model.weights.items()}
    hidden = tf.tanh(tf.reshape(images, (-1, 64)) @ w["W1"] + w["b1"])
    return PER_EXAMPLE["cross_entropy"](hidden @ w["W2"] + b2, labels)


@dataclass(frozen=True)
class DigitBatch:
    indices: np.ndarray  # which images
    labels: np.ndarray  # their digits
    per_example: Analysis  # ℓ (k,) with respect to b2 (10,): jacobian (k, 10), gradient Σ
    hidden: int  # the hidden layer's width: ∂ℓ[k]/∂W2 is (hidden, 10) per example


def digit_batch(indices: np.ndarray) -> DigitBatch:
    images, labels = digits()
    model = digit_classifier()
    inputs = {
        "images": images[indices],
        "labels": np.eye(10, dtype=np.float32)[labels[indices]],
        "b2": model.weights["b2"].numpy(),
    }
    per_example = analyze(_classifier_losses, inputs, "b2")
    return DigitBatch(np.asarray(indices), labels[indices], per_example, int(model.weights["W1"].shape[1]))


# Per-example gradients, four ways, timed ----------------------------------------------------------

FEATURES, CLASSES = 32, 10  # a small dense layer: X (B, 32) @ W (32, 10)
BATCHES = (8, 64, 512)
MAX_LOOPED = 512  # a Python loop of this many tape.gradient calls takes about a second here
_measuring = threading.Lock()  # one measurement at a time on a server (jaccore/modes.py says why)
_measured: OrderedDict[int, dict[str, float]] = OrderedDict()


def _losses(X: tf.Tensor, T: tf.Tensor, W: tf.Tensor) -> tf.Tensor:
    return PER_EXAMPLE["cross_entropy"](X @ W, T)


def _jacobian(X: tf.Tensor, T: tf.Tensor, W: tf.Variable, use_pfor: bool) -> tf.Tensor:
    with tf.GradientTape() as tape:
        ell = _losses(X, T, W)
    return tape.jacobian(ell, W, experimental_use_pfor=use_pfor)


def _python_loop(X: tf.Tensor, T: tf.Tensor, W: tf.Variable) -> tf.Tensor:
    """Eager, as such a loop is usually written: one tape per example."""
    rows = []
    for b in range(X.shape[0]):
        with tf.GradientTape() as tape:
            ell = _losses(X[b : b + 1], T[b : b + 1], W)
        rows.append(tape.gradient(ell, W))
    return tf.stack(rows)


def _batch_jacobian(X: tf.Tensor, T: tf.Tensor, W: tf.Variable) -> tf.Tensor:
    # batch_jacobian needs the batch in the source: W copied per example, each copy seeing one row.
    copies = tf.tile(W[tf.newaxis], [X.shape[0], 1, 1])
    with tf.GradientTape() as tape:
        tape.watch(copies)
        ell = PER_EXAMPLE["cross_entropy"](tf.squeeze(X[:, tf.newaxis] @ copies, 1), T)[:, tf.newaxis]
    return tape.batch_jacobian(ell, copies)[:, 0]  # the target's slice taken on the tape, or it is lost


def _ways(X: tf.Tensor, T: tf.Tensor) -> dict[str, Callable[[tf.Variable], tf.Tensor]]:
    """Each way of getting ∂ℓ[b]/∂W for every example b, shape (B,) + W.shape; all but the loop compiled."""
    return {
        "pfor": tf.function(lambda W: _jacobian(X, T, W, use_pfor=True)),
        "while_loop": tf.function(lambda W: _jacobian(X, T, W, use_pfor=False)),
        "python_loop": lambda W: _python_loop(X, T, W),
        "batch_jacobian": tf.function(lambda W: _batch_jacobian(X, T, W)),
    }


def per_example_gradients(batch: int, seed: int = 0) -> dict[str, np.ndarray]:
    """Every way's per-example gradients for one batch (the tests check that they agree)."""
    X, T, W = _problem(batch, seed)
    return {name: way(W).numpy() for name, way in _ways(X, T).items()}


def _problem(batch: int, seed: int) -> tuple[tf.Tensor, tf.Tensor, tf.Variable]:
    rng = np.random.default_rng(seed)
    X = tf.constant(rng.normal(size=(batch, FEATURES)), tf.float32)
    T = tf.constant(np.eye(CLASSES)[rng.integers(CLASSES, size=batch)], tf.float32)
    return X, T, tf.Variable(rng.normal(0, FEATURES**-0.5, (FEATURES, CLASSES)), dtype=tf.float32)


def time_per_example(batch: int, repeats: int = 5) -> dict[str, float]:
    """Median milliseconds of one call of each way, for a batch of `batch` examples of the small layer,
    each traced (or warmed up) before the clock starts. Waits for another measurement under way; a
    batch measured lately is not measured again."""
    with _measuring:
        if batch not in _measured:
            X, T, W = _problem(batch, 0)
            ways = _ways(X, T)
            _measured[batch] = {
                name: median_ms(lambda way=way: way(W), repeats if name != "python_loop" else max(1, repeats // 2))
                for name, way in ways.items()
                if name != "python_loop" or batch <= MAX_LOOPED
            }
            while len(_measured) > 2 * len(BATCHES):
                _measured.popitem(last=False)
        return dict(_measured[batch])
