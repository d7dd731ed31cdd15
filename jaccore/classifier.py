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
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from jaccore._tensorflow import tf
from jaccore.engine import Analysis, analyze, batch_jacobian, off_diagonal_blocks

__all__ = [
    "HELD_OUT",
    "OUTPUTS",
    "TRAINED_ON",
    "Batch",
    "Reading",
    "accuracy",
    "classifier_jacobian",
    "digit_classifier",
    "digits",
    "mistakes",
    "read_batch",
    "read_digit",
    "reads",
]

DATA = Path(__file__).with_name("data")
WEIGHTS = DATA / "digit_classifier.npz"
TRAINED_ON = 1437  # the first images train the network; the last 360 are held out
HELD_OUT = slice(TRAINED_ON, None)
OUTPUTS = ("logits", "probabilities", "log_probabilities")
CLASSES = 10
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
        self.outputs = {
            "logits": self.image_logits,
            "probabilities": self.image_probabilities,
            "log_probabilities": self.image_log_probabilities,
        }
        self.batch = self.__call__  # images (b, 8, 8) → logits (b, 10), one object for the graph cache

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

    def image_log_probabilities(self, image: tf.Tensor) -> tf.Tensor:
        return tf.nn.log_softmax(self.image_logits(image))


@functools.cache
def digit_classifier() -> DigitClassifier:
    """The trained network, its weights read from the package."""
    with np.load(WEIGHTS) as stored:
        return DigitClassifier({name: stored[name] for name in stored.files})


def classifier_jacobian(image: object, output: str = "logits") -> np.ndarray:
    """∂output[c]/∂image[i,j] for the ten classes c: shape (10, 8, 8), where `output` is the network's
    "logits", their softmax, the "probabilities", or its log, the "log_probabilities"."""
    if output not in OUTPUTS:
        raise ValueError(f"output must be one of {OUTPUTS}, not {output!r}")
    model = digit_classifier()
    return analyze(model.outputs[output], {"image": image}, "image").jacobian


def accuracy(model: DigitClassifier, images: np.ndarray, labels: np.ndarray) -> float:
    """The fraction of images whose largest logit is their label."""
    return float(np.mean(np.argmax(model(images).numpy(), axis=1) == labels))


@functools.cache
def mistakes() -> np.ndarray:
    """The indices of the images whose largest logit is not their label (read-only)."""
    images, labels = digits()
    wrong = np.flatnonzero(np.argmax(digit_classifier()(images).numpy(), axis=1) != labels)
    wrong.flags.writeable = False
    return wrong


def reads(image: np.ndarray) -> int:
    """The digit the network reads in `image`: its largest logit (the analysis read_digit reuses)."""
    return int(np.argmax(analyze(digit_classifier().outputs["logits"], {"image": image}, "image").output))


@dataclass(frozen=True)
class Reading:
    """What the tape says about one image and one class c, every gradient from its own tape:

    logits            tape.jacobian(logits, image) (10, 8, 8); its gradient is the ten slices' sum
    saliency          the same with output_gradients = one-hot c: class c's slice alone
    probabilities     softmax's Jacobian, whose ten slices cancel: its gradient is zero
    of_probability    the same with output_gradients = one-hot c: tape.gradient(probabilities[c], image)
    of_log_probability  tape.gradient(log_softmax(logits)[c], image) = (one-hot c − p)·J_logits
    """

    c: int
    logits: Analysis
    saliency: Analysis
    probabilities: Analysis
    of_probability: Analysis
    of_log_probability: np.ndarray

    @property
    def p(self) -> np.ndarray:
        return self.probabilities.output

    @property
    def predicted(self) -> int:
        return int(np.argmax(self.logits.output))

    def weighted(self, output: str, upstream: str) -> Analysis:
        """The analysis of "logits" or "probabilities" with upstream weights "ones" or "one_hot" (c)."""
        ones = upstream == "ones"
        if output == "logits":
            return self.logits if ones else self.saliency
        return self.probabilities if ones else self.of_probability


def one_hot(c: int) -> np.ndarray:
    return np.eye(CLASSES, dtype=np.float32)[c]


def read_digit(image: np.ndarray, c: int) -> Reading:
    """The Jacobians and gradients of the network at `image`, the gradients of one class c."""
    # The bound methods kept in `outputs`: a new one per attribute access would be a new graph per call.
    output, at, e_c = digit_classifier().outputs, {"image": image}, one_hot(c)
    return Reading(
        c,
        logits=analyze(output["logits"], at, "image"),
        saliency=analyze(output["logits"], at, "image", upstream=e_c),
        probabilities=analyze(output["probabilities"], at, "image"),
        of_probability=analyze(output["probabilities"], at, "image", upstream=e_c),
        of_log_probability=analyze(output["log_probabilities"], at, "image", upstream=e_c).gradient,
    )


@dataclass(frozen=True)
class Batch:
    """A batch of images, what tape.batch_jacobian returns for them, and the full tape.jacobian."""

    indices: np.ndarray
    per_sample: np.ndarray  # (b, 10, 8, 8)
    full: Analysis  # its jacobian (b, 10, b, 8, 8)

    @property
    def predicted(self) -> np.ndarray:
        return np.argmax(self.full.output, axis=1)

    @property
    def across_samples(self) -> float:
        """The largest |∂logits[a, c]/∂images[b, i, j]| for a ≠ b: what batch_jacobian leaves out."""
        return float(np.abs(off_diagonal_blocks(self.full.jacobian, 2)).max())


def read_batch(indices: np.ndarray) -> Batch:
    model, at = digit_classifier(), {"images": digits()[0][indices]}
    return Batch(np.asarray(indices), batch_jacobian(model.batch, at, "images"), analyze(model.batch, at, "images"))
