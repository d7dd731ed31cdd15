"""The best linear map: f(x + tδ) against f(x) + J·tδ along a direction δ, for steps t, in float64 so
that the error can be followed far below float32's rounding; the error ≈ ½ t² δᵀHδ shrinks like t².
J·δ is one Jacobian-vector product: J is never formed. Compiled once per function, input and shapes.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from jaccore._tensorflow import tf
from jaccore.graphs import ZERO, InputError, compiled, output_of, run, shaped_like, validated

__all__ = ["Linearization", "linearization"]


@dataclass(frozen=True)
class Linearization:
    """f(x + tδ) against its best linear map f(x) + J·tδ, for each step t."""

    steps: np.ndarray  # t
    values: np.ndarray  # f(x + tδ) for each t: (steps, *y.shape)
    output: np.ndarray  # f(x)
    directional: np.ndarray  # J·δ, y's shape

    @property
    def linear(self) -> np.ndarray:
        """f(x) + J·tδ for each t: the best linear map's prediction."""
        return self.output + self.steps.reshape(-1, *[1] * self.output.ndim) * self.directional

    @property
    def errors(self) -> np.ndarray:
        """max |f(x + tδ) − f(x) − J·tδ| for each t."""
        return np.abs(self.values - self.linear).reshape(len(self.steps), -1).max(axis=1, initial=0.0)

    @property
    def slope(self) -> float:
        """The slope of log error against log t, fitted over the steps a tenth of the largest or
        less (where the second-order term dominates), and where the error is above float64's
        rounding: 2 for a smooth f with δᵀHδ ≠ 0. NaN when f is linear along δ."""
        scale = max(1.0, float(np.abs(self.output).max(initial=0.0)))
        usable = (self.errors > 1e-12 * scale) & (self.steps <= 0.1 * self.steps.max())
        if usable.sum() < 2:
            return float("nan")
        return float(np.polyfit(np.log(self.steps[usable]), np.log(self.errors[usable]), 1)[0])


def linearization(
    fn: Callable, inputs: Mapping[str, object], wrt: str, direction: object, steps: object
) -> Linearization:
    """For each step t: max |f(x + tδ) − f(x) − J·tδ|, in float64 so that the error can be followed
    far below float32's rounding. J·δ is one Jacobian-vector product; J is never formed."""
    values = validated(inputs, wrt)
    delta = shaped_like("direction", direction, values[wrt]).astype(np.float64)
    t = np.asarray(steps, np.float64).ravel()
    if t.size == 0 or not np.isfinite(t).all():
        raise InputError("steps must be one or more finite numbers.")
    extra = [tf.TensorSpec(delta.shape, tf.float64), tf.TensorSpec([None], tf.float64)]
    graph = compiled(fn, wrt, values, _linearization, extra)
    moved, output, directional = run(graph, values, tf.constant(delta), tf.constant(t))
    return Linearization(t, moved, output, directional)


# The graph's body ---------------------------------------------------------------------------


def _linearization(fn: Callable, wrt: str, inputs: dict, delta: tf.Tensor, steps: tf.Tensor) -> tuple:
    doubles = {name: tf.cast(value, tf.float64) for name, value in inputs.items()}
    x = doubles[wrt]
    with tf.autodiff.ForwardAccumulator(primals=x, tangents=delta) as accumulator:
        y = tf.cast(output_of(fn, doubles), tf.float64)
    directional = accumulator.jvp(y, unconnected_gradients=ZERO)  # J·δ

    def moved(t: tf.Tensor) -> tf.Tensor:
        return tf.cast(output_of(fn, {**doubles, wrt: x + t * delta}), tf.float64)

    return tf.vectorized_map(moved, steps, fallback_to_while_loop=True), y, directional
