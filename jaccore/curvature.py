"""The Hessian of a function with one output: the Jacobian of its gradient, by nested tapes, and the
Hessian-vector product H·v that never forms it (forward mode over reverse mode).

    H         = ∂/∂x (tape.gradient(y, x))                     y with one element; x.shape + x.shape
    H·v       = ForwardAccumulator(x, v).jvp(tape.gradient(y, x))   without forming H

Compiled once per function, input and shapes (jaccore/graphs.py), numpy out; within the engine's size limit.
"""

from collections.abc import Callable, Mapping

import numpy as np

from jaccore._tensorflow import tf
from jaccore.engine import MAX_JACOBIAN_ELEMENTS, JacobianSizeError
from jaccore.graphs import DTYPE, ZERO, InputError, compiled, output_of, run, shaped_like, validated

__all__ = ["hessian", "hessian_vector_product"]


def hessian(
    fn: Callable, inputs: Mapping[str, object], wrt: str, max_elements: int = MAX_JACOBIAN_ELEMENTS
) -> np.ndarray:
    """H[k…, l…] = ∂²y/∂x[k…]∂x[l…] for a y with one element: the Jacobian of the gradient, by
    nested tapes. Shape x.shape + x.shape."""
    values = validated(inputs, wrt)
    x_shape = values[wrt].shape
    size = values[wrt].size ** 2
    if size > max_elements:
        raise JacobianSizeError((), wrt, x_shape, size, max_elements)  # the Hessian of a scalar y
    return run(compiled(fn, wrt, values, _hessian), values)[0]


def hessian_vector_product(fn: Callable, inputs: Mapping[str, object], wrt: str, v: object) -> np.ndarray:
    """H·v, shaped like x, for a y with one element: forward mode over reverse mode, the
    directional derivative of the gradient along v. H itself is never formed."""
    values = validated(inputs, wrt)
    direction = shaped_like("v", v, values[wrt])
    graph = compiled(fn, wrt, values, _hvp, [tf.TensorSpec(direction.shape, DTYPE)])
    return run(graph, values, tf.constant(direction, DTYPE))[0]


# The graphs' bodies ------------------------------------------------------------------------


def _scalar(y: tf.Tensor, what: str) -> tf.Tensor:
    if y.shape.num_elements() != 1:
        raise InputError(
            f"the {what} is defined here for an output with one element, but y has shape {tuple(y.shape)}: "
            f"take tf.reduce_sum(y), or pick one element such as y[0], first."
        )
    return tf.reshape(y, [])


def _gradient(fn: Callable, wrt: str, inputs: dict, x: tf.Tensor, what: str) -> tf.Tensor:
    with tf.GradientTape() as inner:
        inner.watch(x)
        y = _scalar(output_of(fn, {**inputs, wrt: x}), what)
    return inner.gradient(y, x, unconnected_gradients=ZERO)


def _hessian(fn: Callable, wrt: str, inputs: dict) -> tf.Tensor:
    x = inputs[wrt]
    with tf.GradientTape() as outer:
        outer.watch(x)
        g = _gradient(fn, wrt, inputs, x, "Hessian")
    return outer.jacobian(g, x, unconnected_gradients=ZERO)


def _hvp(fn: Callable, wrt: str, inputs: dict, v: tf.Tensor) -> tf.Tensor:
    x = inputs[wrt]
    with tf.autodiff.ForwardAccumulator(primals=x, tangents=v) as accumulator:
        g = _gradient(fn, wrt, inputs, x, "Hessian-vector product")
    return accumulator.jvp(g, unconnected_gradients=ZERO)
