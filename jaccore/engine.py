"""Jacobians and gradients with tf.GradientTape, compiled once per function, input and shapes.

For y = fn(**inputs) and x = inputs[wrt]:

    J[i..., k...] = ∂y[i...]/∂x[k...]        shape y.shape + x.shape   (tape.jacobian)
    g[k...]       = Σ_i v[i...] J[i..., k...]  shape x.shape             (tape.gradient)

where v, the upstream weights, has y's shape and defaults to ones: the gradient TensorFlow
returns for a non-scalar y is the Jacobian summed over the output axes.

Nothing it returns is a tf.Tensor.
"""

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from jaccore._tensorflow import tf

DTYPE = tf.float32  # the notebook's dtype: what learners see TensorFlow return
# Central differences in float64: the truncation error is O(h²) and the rounding error
# O(eps/h), balanced near h = eps^(1/3) ≈ 6e-6, scaled by the size of each element.
FD_STEP = float(np.finfo(np.float64).eps ** (1 / 3))
MAX_JACOBIAN_ELEMENTS = 250_000  # per analysis; with its float64 check about 3 MB. Guards the server
COMPILED_CACHE_SIZE = 64  # compiled graphs kept, least recently used dropped first

Inputs = Mapping[str, np.ndarray]


class InputError(ValueError):
    """An input that is not a number, a `wrt` that is not an input, a wrong upstream."""


class ShapeError(InputError):
    """Input shapes that the function cannot combine."""


class JacobianSizeError(InputError):
    """A Jacobian with more elements than the caller allows."""

    def __init__(self, y_shape: tuple, wrt: str, x_shape: tuple, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(
            f"the Jacobian of y {y_shape} with respect to {wrt} {x_shape} would have "
            f"{size:,} elements; the limit is {limit:,}."
        )


@dataclass(frozen=True)
class Analysis:
    """Everything the tape says about y = fn(**inputs) with respect to inputs[wrt], as numpy."""

    wrt: str
    output: np.ndarray  # y
    jacobian: np.ndarray  # tape.jacobian(y, x): y.shape + x.shape
    gradient: np.ndarray  # tape.gradient(y, x, output_gradients=upstream): x.shape
    upstream: np.ndarray  # v, y.shape
    finite_difference: np.ndarray  # central differences in float64, y.shape + x.shape

    @property
    def output_axes(self) -> tuple[int, ...]:
        return tuple(range(self.output.ndim))

    @property
    def column_sums(self) -> np.ndarray:
        """Σ_i J[i..., k...]: the Jacobian summed over the output axes (the notebook's lesson)."""
        return self.jacobian.sum(axis=self.output_axes)

    @property
    def weighted_sum(self) -> np.ndarray:
        """Σ_i v[i...] J[i..., k...]: the vector-Jacobian product, = gradient."""
        return np.tensordot(self.upstream, self.jacobian, axes=self.output.ndim)

    @property
    def sum_error(self) -> float:
        """Largest |Σ_i v[i] J[i, k] − g[k]|: how far the sum of slices is from the gradient."""
        return max_abs_difference(self.weighted_sum, self.gradient)

    @property
    def finite_difference_error(self) -> float:
        return max_abs_difference(self.jacobian, self.finite_difference)

    @property
    def nonfinite(self) -> bool:
        """Whether NaN or ±inf appears anywhere in y, J or the gradient."""
        arrays = (self.output, self.jacobian, self.gradient)
        return not all(np.isfinite(a).all() for a in arrays)


def max_abs_difference(a: np.ndarray, b: np.ndarray) -> float:
    """max |a − b| in float64 (0 for empty arrays; NaN where either side is NaN)."""
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))


def analyze(
    fn: Callable[..., tf.Tensor],
    inputs: Mapping[str, object],
    wrt: str,
    upstream: object | None = None,
    max_elements: int = MAX_JACOBIAN_ELEMENTS,
) -> Analysis:
    """y = fn(**inputs), its Jacobian and gradient with respect to inputs[wrt], and a check.

    The first call for a given (fn, wrt, input shapes) traces one graph; later calls with
    new values reuse it, so a slider move costs a graph execution, not a trace.

    >>> a = analyze(lambda x: x * x, {"x": [[1.0, 2.0]]}, "x")
    >>> a.jacobian.shape, a.gradient.tolist()
    ((1, 2, 1, 2), [[2.0, 4.0]])
    """
    values = _validated(inputs, wrt)
    compiled = _compiled(fn, wrt, values)
    y_shape = tuple(compiled.structured_outputs[0].shape)
    x_shape = values[wrt].shape
    size = int(np.prod(y_shape, dtype=np.int64) * np.prod(x_shape, dtype=np.int64))
    if size > max_elements:
        raise JacobianSizeError(y_shape, wrt, x_shape, size, max_elements)
    v = np.ones(y_shape, np.float32) if upstream is None else as_array("upstream", upstream)
    if v.shape != y_shape:
        raise InputError(f"upstream has shape {v.shape} but y has shape {y_shape}: v must have y's shape.")
    feed = {name: tf.constant(value, DTYPE) for name, value in values.items()}
    y, jacobian, gradient, fd = (t.numpy() for t in compiled(feed, tf.constant(v, DTYPE)))
    return Analysis(wrt, y, jacobian, gradient, v.astype(np.float32), fd)


def output_shape(fn: Callable[..., tf.Tensor], inputs: Mapping[str, object], wrt: str) -> tuple[int, ...]:
    """y.shape for inputs of these shapes, read from the compiled graph: nothing is run.

    The same InputError as analyze when the shapes do not fit the function.
    """
    values = _validated(inputs, wrt)
    return tuple(_compiled(fn, wrt, values).structured_outputs[0].shape)


def batch_jacobian(fn: Callable[..., tf.Tensor], inputs: Mapping[str, object], wrt: str) -> np.ndarray:
    """What tape.batch_jacobian(y, x) returns, shape (batch, *y.shape[1:], *x.shape[1:]).

    TensorFlow differentiates each output column summed over the batch, so entry [b, i…, k…] is
    Σ_c ∂y[c, i…]/∂x[b, k…]: the column of blocks of the full Jacobian (batch, out…, batch, in…)
    added over the output samples c. That is the diagonal block J[b, …, b, …] exactly when the
    samples do not interact; anything that mixes them (batch normalisation) is added in silently.
    """
    values = _validated(inputs, wrt)
    compiled = _compiled(fn, wrt, values, kind="batch")
    return compiled({name: tf.constant(value, DTYPE) for name, value in values.items()})[1].numpy()


def compose_jacobians(outer: np.ndarray, inner: np.ndarray, middle_ndim: int) -> np.ndarray:
    """The chain rule: J[i…, k…] = Σ_m J_g[i…, m…] J_f[m…, k…], a tensordot over the middle axes."""
    return np.tensordot(outer, inner, axes=middle_ndim)


def reverse_mode(upstream: np.ndarray, outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """(vᵀJ_g)·J_f: the gradient of y = g(f(x)) from the left, never forming J = J_g·J_f."""
    through_g = np.tensordot(upstream, outer, axes=upstream.ndim)  # shaped like f
    return np.tensordot(through_g, inner, axes=through_g.ndim)


def chain_multiply_adds(y_size: int, f_size: int, x_size: int) -> dict[str, int]:
    """Multiply-adds of the two orders for y = g(f(x)) with one upstream vector v.

    Forming J = J_g·J_f costs y·f·x (then vᵀJ costs y·x more); reverse mode, (vᵀJ_g)·J_f,
    costs y·f + f·x and never forms J: the reason frameworks compute vector-Jacobian products.
    """
    return {"forward": y_size * f_size * x_size + y_size * x_size, "reverse": y_size * f_size + f_size * x_size}


def _validated(inputs: Mapping[str, object], wrt: str) -> dict[str, np.ndarray]:
    values = {name: as_array(name, value) for name, value in inputs.items()}
    if wrt not in values:
        raise InputError(f"wrt={wrt!r} is not an input; the inputs are: {', '.join(values) or 'none'}.")
    return values


def as_array(name: str, value: object) -> np.ndarray:
    """The input as a float32 array, or an InputError that names it."""
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        raise InputError(f"input {name!r} is not a rectangular array of numbers.") from None
    if array.dtype.kind not in "biuf":
        shown = repr(value)[:40]
        raise InputError(f"input {name!r} must hold numbers, not {shown}.")
    return array.astype(np.float32)


# Compiled graphs, one per (fn, wrt, shapes); a lock makes tracing safe when Streamlit
# sessions (one thread each) ask for the same graph at once. Running a graph needs no lock.
_cache: OrderedDict[tuple, tf.types.experimental.ConcreteFunction] = OrderedDict()
_lock = threading.Lock()
_trace_total = 0


def trace_count() -> int:
    """How many graphs have been traced since start-up (to show that values never retrace)."""
    return _trace_total


def _compiled(fn: Callable, wrt: str, values: Inputs, kind: str = "jacobian") -> tf.types.experimental.ConcreteFunction:
    key = (fn, wrt, kind, tuple((name, value.shape) for name, value in values.items()))
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        concrete = _trace(fn, wrt, values, kind)
        _cache[key] = concrete
        if len(_cache) > COMPILED_CACHE_SIZE:
            _cache.popitem(last=False)
        return concrete


def _trace(fn: Callable, wrt: str, values: Inputs, kind: str) -> tf.types.experimental.ConcreteFunction:
    global _trace_total
    specs = {name: tf.TensorSpec(value.shape, DTYPE) for name, value in values.items()}
    if kind == "batch":
        graph = tf.function(lambda inputs: _batch_tape(fn, wrt, inputs), input_signature=[specs], autograph=False)
    else:
        # The upstream's shape is y's, unknown until traced: leave it open, check it in analyze.
        graph = tf.function(
            lambda inputs, upstream: _tape(fn, wrt, inputs, upstream),
            input_signature=[specs, tf.TensorSpec(None, DTYPE)],
            autograph=False,  # the body has no Python control flow; errors then reach us unwrapped
        )
    try:
        concrete = graph.get_concrete_function()
    except InputError:
        raise  # already says what is wrong in the reader's terms (an ExpressionError, say)
    except (ValueError, TypeError, tf.errors.OpError) as error:
        shapes = ", ".join(f"{name} {value.shape}" for name, value in values.items())
        reason = _last_line(error)
        raise ShapeError(f"these inputs do not fit the function: {shapes}. TensorFlow says: {reason}") from None
    _trace_total += 1
    return concrete


def _tape(fn: Callable, wrt: str, inputs: dict, upstream: tf.Tensor) -> tuple:
    """The graph body: the notebook's persistent tape, then a float64 finite-difference check."""
    x = inputs[wrt]
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = tf.convert_to_tensor(fn(**inputs))
    zero = tf.UnconnectedGradients.ZERO  # y that ignores x has a zero Jacobian, not None
    jacobian = tape.jacobian(y, x, unconnected_gradients=zero)
    gradient = tape.gradient(y, x, output_gradients=upstream, unconnected_gradients=zero)
    return y, jacobian, gradient, _finite_difference(fn, wrt, inputs, y.shape)


def _batch_tape(fn: Callable, wrt: str, inputs: dict) -> tuple:
    x = inputs[wrt]
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.convert_to_tensor(fn(**inputs))
    if y.shape.rank < 1 or x.shape.rank < 1 or y.shape[0] != x.shape[0]:
        raise InputError(
            f"batch_jacobian needs y and {wrt} to share their first axis, the batch: "
            f"y has shape {tuple(y.shape)}, {wrt} has {tuple(x.shape)}."
        )
    return y, tape.batch_jacobian(y, x, unconnected_gradients=tf.UnconnectedGradients.ZERO)


def _finite_difference(fn: Callable, wrt: str, inputs: dict, y_shape: tf.TensorShape) -> tf.Tensor:
    """J_fd[i..., k...] = (y(x + h_k e_k) − y(x − h_k e_k))[i...] / 2h_k, in float64.

    All 2·x.size evaluations run as one vectorised batch (pfor), inside the same graph.
    """
    doubles = {name: tf.cast(value, tf.float64) for name, value in inputs.items()}
    x = doubles[wrt]
    n = int(np.prod(x.shape, dtype=np.int64))
    h = FD_STEP * tf.maximum(tf.abs(tf.reshape(x, [n])), 1.0)
    steps = tf.reshape(tf.linalg.diag(h), [n, *x.shape])

    def y_at(step: tf.Tensor) -> tf.Tensor:
        return tf.cast(fn(**{**doubles, wrt: x + step}), tf.float64)

    shifted = tf.vectorized_map(y_at, tf.concat([steps, -steps], 0), fallback_to_while_loop=True)
    slopes = (shifted[:n] - shifted[n:]) / tf.reshape(2 * h, [n] + [1] * len(y_shape))
    # slopes is (x.size, *y.shape); the Jacobian puts the output axes first.
    return tf.reshape(tf.transpose(tf.reshape(slopes, [n, -1])), [*y_shape, *x.shape])


def _last_line(error: Exception) -> str:
    """TensorFlow's own sentence, without the traceback it embeds in graph-mode errors."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    last = lines[-1] if lines else type(error).__name__
    return re.sub(r" for '\{\{node .*?' with", " with", last)[:300]
