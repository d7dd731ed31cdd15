"""A real network's input Jacobian: a small digit classifier, 8 × 8 pixels in, ten logits out.

The data are the 8 × 8 handwritten digits (UCI's "Optical Recognition of Handwritten Digits", the
copy scikit-learn ships: 1,797 images, 16 grey levels), kept in jaccore/data/ with their source and
licence. The network is a 64 → 128 (tanh) → 10 perceptron, trained by dev/train_digits.py from a
fixed seed on the first 1,437 images (and their one-pixel shifts); its weights are
jaccore/data/digit_classifier.npz (37 kB), 95.8 % right on the last 360. A smooth
activation keeps the Jacobian's slices smooth to read; plain TensorFlow ops, no Keras (kept out of
the process: jaccore/_tensorflow.py).

The Jacobians go through `engine.analyze`: compiled once per output kind, cached like every other.
"""

import functools
from pathlib import Path

import numpy as np

from jaccore._tensorflow import tf
from jaccore.engine import analyze

__all__ = ["HELD_OUT", "OUTPUTS", "TRAINED_ON", "accuracy", "classifier_jacobian", "digit_classifier", "digits"]

DATA = Path(__file__).with_name("data")
TRAINED_ON = 1437  # the first images train the network; the last 360 are held out
HELD_OUT = slice(TRAINED_ON, None)
OUTPUTS = ("logits", "probabilities")
GREY_LEVELS = 16


@functools.cache
def digits() -> tuple[np.ndarray, np.ndarray]:
    """(images float32 (1797, 8, 8) in [0, 1], labels int (1797,)), read-only."""
    with np.load(DATA / "digits.npz") as stored:
        images = (stored["images"] / GREY_LEVELS).astype(np.float32)
        labels = stored["labels"].astype(np.int64)
    images.flags.writeable = labels.flags.writeable = False
    return images, labels


class DigitClassifier:
    """images float32 (b, 8, 8) → logits (b, 10): tanh(x·W1 + b1)·W2 + b2 on the flattened pixels."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.weights = {name: tf.constant(value, tf.float32) for name, value in weights.items()}
        # One function object per output kind: analyze compiles each once and caches by it.
        self.outputs = {"logits": self.image_logits, "probabilities": self.image_probabilities}

    def __call__(self, images: object) -> tf.Tensor:
        x = tf.convert_to_tensor(images)
        x = tf.reshape(x if x.dtype in (tf.float32, tf.float64) else tf.cast(x, tf.float32), (-1, 64))
        # In the images' precision: the finite-difference oracle runs the network in float64.
        w = {name: tf.cast(value, x.dtype) for name, value in self.weights.items()}
        return tf.tanh(x @ w["W1"] + w["b1"]) @ w["W2"] + w["b2"]

    def image_logits(self, image: tf.Tensor) -> tf.Tensor:
        return self(image[tf.newaxis])[0]

    def image_probabilities(self, image: tf.Tensor) -> tf.Tensor:
        return tf.nn.softmax(self.image_logits(image))


@functools.cache
def digit_classifier() -> DigitClassifier:
    """The trained network, its weights read from the package."""
    with np.load(DATA / "digit_classifier.npz") as stored:
        return DigitClassifier({name: stored[name] for name in stored.files})


def classifier_jacobian(image: object, output: str = "logits") -> np.ndarray:
    """∂output[c]/∂image[i,j] for the ten classes c: shape (10, 8, 8), where `output` is the network's
    "logits" or their softmax, the "probabilities"."""
    if output not in OUTPUTS:
        raise ValueError(f"output must be one of {OUTPUTS}, not {output!r}")
    model = digit_classifier()
    return analyze(model.outputs[output], {"image": image}, "image").jacobian


def accuracy(model: DigitClassifier, images: np.ndarray, labels: np.ndarray) -> float:
    """The fraction of images whose largest logit is their label."""
    return float(np.mean(np.argmax(model(images).numpy(), axis=1) == labels))
