"""Jacobians and gradients with tf.GradientTape, compiled once per function, input and shapes.

For y = fn(**inputs) and x = inputs[wrt]:

    J[i..., k...] = ∂y[i...]/∂x[k...]        shape y.shape + x.shape   (tape.jacobian)
    g[k...]       = Σ_i v[i...] J[i..., k...]  shape x.shape             (tape.gradient)

where v, the upstream weights, has y's shape and defaults to ones: the gradient TensorFlow
returns for a non-scalar y is the Jacobian summed over the output axes.

Nothing it returns is a tf.Tensor.
"""

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from jaccore._tensorflow import tf
from jaccore.graphs import DTYPE, InputError, RunError, ShapeError, as_array, compiled, run, trace_count, validated

__all__ = ["Analysis", "InputError", "JacobianSizeError", "RunError", "ShapeError", "analyze", "trace_count"]

# Central differences in float64: the truncation error is O(h²) and the rounding error
# O(eps/h), balanced near h = eps^(1/3) ≈ 6e-6, scaled by the size of each element.
FD_STEP = float(np.finfo(np.float64).eps ** (1 / 3))
MAX_JACOBIAN_ELEMENTS = 250_000  # per analysis (~1 MB in float32): guards the server
# The finite differences evaluate the function at 2·x.size shifted inputs, vectorised: in chunks
# of at most this many float64 elements of inputs and outputs (16 MB), so that memory stays
# bounded (sum(x) for an x of 8,000 elements took 1.95 GB in one batch).
FD_CHUNK_ELEMENTS = 1 << 21


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
    finite_difference: np.ndarray | None = None  # central differences in float64, when asked for

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
        """Largest |J − J_fd| (NaN when the finite differences were not asked for)."""
        if self.finite_difference is None:
            return float("nan")
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
    finite_differences: bool = False,
) -> Analysis:
    """y = fn(**inputs), its Jacobian and gradient with respect to inputs[wrt] (and, if asked, a
    float64 finite-difference Jacobian to check them against).

    The first call for a given (fn, wrt, input shapes) traces one graph; later calls with
    new values reuse it, so a slider move costs a graph execution, not a trace. The same state
    asked for again (a learner moving a slider back, a class at the same values) is served from a
    cache shared by all sessions; its arrays are read-only.

    >>> a = analyze(lambda x: x * x, {"x": [[1.0, 2.0]]}, "x")
    >>> a.jacobian.shape, a.gradient.tolist()
    ((1, 2, 1, 2), [[2.0, 4.0]])
    """
    values = validated(inputs, wrt)
    v = None if upstream is None else as_array("upstream", upstream)
    # The function held weakly: a typed formula the server has forgotten need not outlive its analyses.
    weights = None if v is None else _fingerprint({"v": v})
    key = (weakref.ref(fn), wrt, _fingerprint(values), weights, max_elements, finite_differences)
    return _analyses.get(key) or _analyses.put(key, _analyze(fn, values, wrt, v, max_elements, finite_differences))


def _analyze(
    fn: Callable, values: dict, wrt: str, upstream: np.ndarray | None, max_elements: int, finite_differences: bool
) -> Analysis:
    graph = _tape_graph(fn, wrt, values)
    y_shape = tuple(graph.structured_outputs[0].shape)
    x_shape = values[wrt].shape
    size = int(np.prod(y_shape, dtype=np.int64) * np.prod(x_shape, dtype=np.int64))
    if size > max_elements:
        raise JacobianSizeError(y_shape, wrt, x_shape, size, max_elements)
    v = np.ones(y_shape, np.float32) if upstream is None else upstream
    if v.shape != y_shape:
        raise InputError(f"upstream has shape {v.shape} but y has shape {y_shape}: v must have y's shape.")
    y, jacobian, gradient = run(graph, values, tf.constant(v, DTYPE))
    fd = finite_difference_jacobian(fn, values, wrt) if finite_differences else None
    return Analysis(wrt, y, jacobian, gradient, v.copy(), fd)


def _fingerprint(values: Mapping[str, np.ndarray]) -> tuple:
    return tuple((name, value.shape, value.tobytes()) for name, value in values.items())


class _Cache:
    """The analyses last asked for, shared by every session, least recently used dropped first once
    their arrays pass `budget` bytes. Thread-safe; what it returns is frozen (read-only arrays)."""

    def __init__(self, budget: int) -> None:
        self.budget, self.used = budget, 0
        self.entries: OrderedDict[tuple, tuple[Analysis, int]] = OrderedDict()  # an analysis, its bytes
        self.lock = threading.Lock()

    def get(self, key: tuple) -> Analysis | None:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
                return found[0]
            return None

    def put(self, key: tuple, analysis: Analysis) -> Analysis:
        arrays = [a for a in vars(analysis).values() if isinstance(a, np.ndarray)]
        for array in arrays:
            array.setflags(write=False)
        # What an entry holds beyond its arrays counts too. Counting the arrays alone, 8 MiB held some
        # 75,000 analyses of A·B, 110 MiB in all, and a class's new states grew the server by ~2.5 MiB
        # a minute on the way there (bench/soak.py).
        size = sum(a.nbytes for a in arrays) + sum(len(part) for part in _bytes_in(key)) + ENTRY_BYTES
        with self.lock:
            if key in self.entries:
                self.used -= self.entries.pop(key)[1]
            self.entries[key] = (analysis, size)
            self.used += size
            while self.used > self.budget and len(self.entries) > 1:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.used -= dropped
        return analysis


# An analysis's objects beyond its arrays and its key's bytes: A·B's take 1,549 bytes in all (tracemalloc,
# 3,000 analyses), of which 112 are arrays and 32 the key's bytes.
ENTRY_BYTES = 1408


def _bytes_in(key: tuple) -> list[bytes]:
    """The values' bytes in an analysis's key (its fingerprints: (name, shape, bytes) per value)."""
    fingerprints = [item for item in key if isinstance(item, tuple)]
    return [part for fingerprint in fingerprints for entry in fingerprint for part in entry if isinstance(part, bytes)]


# 8 MiB: some 5,000 states of the worked examples (a class at the same values, a slider moved back),
# or a few dozen of the largest allowed; what links can add is bounded with it.
_analyses = _Cache(budget=8 << 20)


def output_shape(fn: Callable[..., tf.Tensor], inputs: Mapping[str, object], wrt: str) -> tuple[int, ...]:
    """y.shape for inputs of these shapes, read from the compiled graph: nothing is run.

    The same InputError as analyze when the shapes do not fit the function.
    """
    values = validated(inputs, wrt)
    return tuple(_tape_graph(fn, wrt, values).structured_outputs[0].shape)


def finite_difference_jacobian(fn: Callable[..., tf.Tensor], inputs: Mapping[str, object], wrt: str) -> np.ndarray:
    """J_fd[i..., k...] = (y(x + h_k e_k) − y(x − h_k e_k))[i...] / 2h_k, in float64: an oracle that
    shares nothing with the tape but the function.

    The 2·x.size evaluations run vectorised in one compiled graph, a chunk of columns at a time.
    """
    values = validated(inputs, wrt)
    x = values[wrt].astype(np.float64)
    n = x.size
    graph = compiled(fn, wrt, values, _shifted, [tf.TensorSpec([None, *x.shape], tf.float64)])
    y_shape = tuple(graph.structured_outputs.shape[1:])
    per_column = 2 * (sum(value.size for value in values.values()) + int(np.prod(y_shape, dtype=np.int64)))
    chunk = max(1, FD_CHUNK_ELEMENTS // per_column)
    h = FD_STEP * np.maximum(np.abs(x.ravel()), 1.0)
    slopes = []
    for start in range(0, n, chunk):
        k = np.arange(start, min(start + chunk, n))
        steps = np.zeros((len(k), n))
        steps[np.arange(len(k)), k] = h[k]
        steps = steps.reshape(len(k), *x.shape)
        (shifted,) = run(graph, values, tf.constant(np.concatenate([steps, -steps]), tf.float64))
        slopes.append((shifted[: len(k)] - shifted[len(k) :]) / (2 * h[k]).reshape(-1, *[1] * len(y_shape)))
    # (x.size, *y.shape) → the Jacobian's order: the output axes first.
    return np.concatenate(slopes).reshape(n, -1).T.reshape(*y_shape, *x.shape)


def batch_jacobian(fn: Callable[..., tf.Tensor], inputs: Mapping[str, object], wrt: str) -> np.ndarray:
    """What tape.batch_jacobian(y, x) returns, shape (batch, *y.shape[1:], *x.shape[1:]).

    TensorFlow differentiates each output column summed over the batch, so entry [b, i…, k…] is
    Σ_c ∂y[c, i…]/∂x[b, k…]: the column of blocks of the full Jacobian (batch, out…, batch, in…)
    added over the output samples c. That is the diagonal block J[b, …, b, …] exactly when the
    samples do not interact; anything that mixes them (batch normalisation) is added in silently.
    """
    values = validated(inputs, wrt)
    return run(compiled(fn, wrt, values, _batch_tape), values)[1]


def off_diagonal_blocks(jacobian: np.ndarray, y_ndim: int) -> np.ndarray:
    """A batch's full Jacobian (batch, out…, batch, in…), y of rank `y_ndim`, with its diagonal blocks
    ∂y[b]/∂x[b] set to zero: what tape.batch_jacobian assumes away, the samples' effect on each other."""
    off = np.array(jacobian, copy=True)
    for b in range(off.shape[0]):
        off[(b, *[slice(None)] * (y_ndim - 1), b)] = 0
    return off


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


# The graphs' bodies ------------------------------------------------------------------------


def _tape_graph(fn: Callable, wrt: str, values: dict) -> tf.types.experimental.ConcreteFunction:
    return compiled(fn, wrt, values, _tape, [tf.TensorSpec(None, DTYPE)])  # v has y's shape, open here


def _tape(fn: Callable, wrt: str, inputs: dict, upstream: tf.Tensor) -> tuple:
    """The notebook's persistent tape: y, tape.jacobian(y, x), tape.gradient(y, x, v)."""
    x = inputs[wrt]
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = tf.convert_to_tensor(fn(**inputs))
    zero = tf.UnconnectedGradients.ZERO  # y that ignores x has a zero Jacobian, not None
    jacobian = tape.jacobian(y, x, unconnected_gradients=zero)
    gradient = tape.gradient(y, x, output_gradients=upstream, unconnected_gradients=zero)
    return y, jacobian, gradient


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


def _shifted(fn: Callable, wrt: str, inputs: dict, steps: tf.Tensor) -> tf.Tensor:
    """y(x + step) in float64 for each of the steps, vectorised (pfor)."""
    doubles = {name: tf.cast(value, tf.float64) for name, value in inputs.items()}

    def y_at(step: tf.Tensor) -> tf.Tensor:
        return tf.cast(fn(**{**doubles, wrt: doubles[wrt] + step}), tf.float64)

    return tf.vectorized_map(y_at, steps, fallback_to_while_loop=True)
