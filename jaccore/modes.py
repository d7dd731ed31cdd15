"""How TensorFlow builds a Jacobian: row by row (reverse mode) or column by column (forward mode),
and which wins where, timed on this server. (The Hessian: jaccore/curvature.py; the best linear map:
jaccore/linear_map.py.)

For y = fn(**inputs) and x = inputs[wrt], with e_i the one-hot tensor of y's shape and e_k of x's:

    row i     = tape.gradient(y, x, output_gradients=e_i)      one vector-Jacobian product per y element
    column k  = ForwardAccumulator(x, e_k).jvp(y)              one Jacobian-vector product per x element

Each is compiled once per function, input and shapes (jaccore/graphs.py) like `analyze`, and
returns numpy. The Jacobians obey the engine's size limit.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from jaccore._tensorflow import tf
from jaccore.engine import MAX_JACOBIAN_ELEMENTS, JacobianSizeError
from jaccore.graphs import DTYPE, ZERO, compiled, counting_others, median_ms, output_of, run, validated

__all__ = ["MAX_TIMED_ELEMENTS", "Built", "jacobian_by_columns", "jacobian_by_rows", "time_modes"]


@dataclass(frozen=True)
class Built:
    """A Jacobian and how many passes built it: y.size vector-Jacobian products (rows) or x.size
    Jacobian-vector products (columns)."""

    jacobian: np.ndarray  # y.shape + x.shape
    passes: int
    output_shape: tuple[int, ...]

    @property
    def rows(self) -> np.ndarray:
        """The Jacobian as a matrix (y.size, x.size): row i is ∂y[i]/∂x flattened, in the order built."""
        size = int(np.prod(self.output_shape, dtype=np.int64))
        return self.jacobian.reshape(size, -1)


def jacobian_by_rows(
    fn: Callable,
    inputs: Mapping[str, object],
    wrt: str,
    vectorized: bool = True,
    max_elements: int = MAX_JACOBIAN_ELEMENTS,
) -> Built:
    """Reverse mode: row i of the Jacobian is the vector-Jacobian product with the one-hot e_i, one
    pass per output element. Vectorised with pfor (what tape.jacobian does) or in a while loop
    (tape.jacobian's experimental_use_pfor=False)."""
    values = validated(inputs, wrt)
    body = _rows_vectorized if vectorized else _rows_looped
    return _built(compiled(fn, wrt, values, body), values, wrt, max_elements, passes="rows")


def jacobian_by_columns(
    fn: Callable,
    inputs: Mapping[str, object],
    wrt: str,
    vectorized: bool = True,
    max_elements: int = MAX_JACOBIAN_ELEMENTS,
) -> Built:
    """Forward mode: column k of the Jacobian is the Jacobian-vector product with the one-hot e_k,
    one pass per input element (tf.autodiff.ForwardAccumulator)."""
    values = validated(inputs, wrt)
    body = _columns_vectorized if vectorized else _columns_looped
    return _built(compiled(fn, wrt, values, body), values, wrt, max_elements, passes="columns")


def _built(graph, values: dict, wrt: str, max_elements: int, passes: str) -> Built:
    y_shape = tuple(graph.structured_outputs.shape[: -values[wrt].ndim or None])
    size = int(np.prod(y_shape, dtype=np.int64)) * values[wrt].size
    if size > max_elements:
        raise JacobianSizeError(y_shape, wrt, values[wrt].shape, size, max_elements)
    (jacobian,) = run(graph, values)
    count = int(np.prod(y_shape, dtype=np.int64)) if passes == "rows" else values[wrt].size
    return Built(jacobian, count, y_shape)


# The graphs' bodies ------------------------------------------------------------------------


def _one_hots(shape: tf.TensorShape, dtype) -> tf.Tensor:
    """e_0, e_1, … of this shape, stacked: (size, *shape)."""
    size = shape.num_elements()
    return tf.reshape(tf.eye(size, dtype=dtype), [size, *shape])


def _rows(fn: Callable, wrt: str, inputs: dict, vectorized: bool) -> tf.Tensor:
    x = inputs[wrt]
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = output_of(fn, inputs)

    def row(e_i: tf.Tensor) -> tf.Tensor:
        return tape.gradient(y, x, output_gradients=e_i, unconnected_gradients=ZERO)

    basis = _one_hots(y.shape, y.dtype)
    rows = tf.vectorized_map(row, basis) if vectorized else tf.map_fn(row, basis, parallel_iterations=1)
    return tf.reshape(rows, [*y.shape, *x.shape])


def _rows_vectorized(fn: Callable, wrt: str, inputs: dict) -> tf.Tensor:
    return _rows(fn, wrt, inputs, vectorized=True)


def _rows_looped(fn: Callable, wrt: str, inputs: dict) -> tf.Tensor:
    return _rows(fn, wrt, inputs, vectorized=False)


def _columns(fn: Callable, wrt: str, inputs: dict, vectorized: bool) -> tf.Tensor:
    x = inputs[wrt]

    def column(e_k: tf.Tensor) -> tf.Tensor:
        with tf.autodiff.ForwardAccumulator(primals=x, tangents=e_k) as accumulator:
            y = output_of(fn, {**inputs, wrt: x})
        return accumulator.jvp(y, unconnected_gradients=ZERO)

    basis = _one_hots(x.shape, x.dtype)
    columns = tf.vectorized_map(column, basis) if vectorized else tf.map_fn(column, basis, parallel_iterations=1)
    y_ndim = columns.shape.rank - 1
    # (x.size, *y.shape) → (*y.shape, x.size) → y.shape + x.shape
    moved = tf.transpose(columns, [*range(1, y_ndim + 1), 0])
    return tf.reshape(moved, [*columns.shape[1:], *x.shape])


def _columns_vectorized(fn: Callable, wrt: str, inputs: dict) -> tf.Tensor:
    return _columns(fn, wrt, inputs, vectorized=True)


def _columns_looped(fn: Callable, wrt: str, inputs: dict) -> tf.Tensor:
    return _columns(fn, wrt, inputs, vectorized=False)


# Timing: where each mode wins ---------------------------------------------------------------

MAX_TIMED_ELEMENTS = 1_000_000  # a timed Jacobian's elements (4 MB in float32, ~25 MB while built)
MAX_LOOPED_PASSES = 300  # a while loop of more passes takes seconds: it is not timed past this


# One measurement at a time on a server: three at once took 14–15 s each and tripled each other's
# times (and another learner's slider move, 17 → 67 ms). The last few results are shared: a learner
# who asks for sizes just measured gets them at once, the time they took and how busy the server was.
_measuring = threading.Lock()
_measured: OrderedDict[tuple[int, int], dict[str, float]] = OrderedDict()
MEASUREMENTS_KEPT = 16


def time_modes(n_out: int, n_in: int, repeats: int = 5, seed: int = 0) -> dict[str, float]:
    """Median milliseconds of one call building the Jacobian of y = tanh(W·x), W (n_out, n_in),
    with respect to x: by rows (reverse, pfor; and in a while loop when n_out is small enough) and
    by columns (forward, pfor), each compiled and traced before the clock starts; and the notebook's
    eager tape.jacobian, which traces its pfor graph on every call. "others": how many graphs other
    sessions ran meanwhile (0: the times were taken alone).

    Waits for another measurement under way; sizes measured lately are not measured again.
    """
    if n_out * n_in > MAX_TIMED_ELEMENTS:
        raise JacobianSizeError((n_out, 1), "x", (n_in, 1), n_out * n_in, MAX_TIMED_ELEMENTS)
    with _measuring:
        if (n_out, n_in) not in _measured:
            with counting_others() as others:
                timed = _time_modes(n_out, n_in, repeats, seed)
            _measured[(n_out, n_in)] = {**timed, "others": others()}
            while len(_measured) > MEASUREMENTS_KEPT:
                _measured.popitem(last=False)
        return dict(_measured[(n_out, n_in)])


def _time_modes(n_out: int, n_in: int, repeats: int, seed: int) -> dict[str, float]:
    """The function is made here: its graphs go from the cache at its next trace after this returns."""
    rng = np.random.default_rng(seed)
    inputs = {"W": rng.normal(0, n_in**-0.5, (n_out, n_in)), "x": rng.normal(size=(n_in, 1))}

    def layer(W: tf.Tensor, x: tf.Tensor) -> tf.Tensor:
        return tf.tanh(tf.matmul(W, x))

    big = MAX_TIMED_ELEMENTS
    timed = {
        "rows": median_ms(lambda: jacobian_by_rows(layer, inputs, "x", max_elements=big), repeats),
        "columns": median_ms(lambda: jacobian_by_columns(layer, inputs, "x", max_elements=big), repeats),
    }
    if n_out <= MAX_LOOPED_PASSES:
        looped = lambda: jacobian_by_rows(layer, inputs, "x", vectorized=False, max_elements=big)  # noqa: E731
        timed["rows_looped"] = median_ms(looped, repeats)
    timed["eager"] = median_ms(lambda: _eager_jacobian(layer, inputs), repeats)
    return timed


def _eager_jacobian(fn: Callable, inputs: Mapping[str, np.ndarray]) -> np.ndarray:
    """What the notebook runs: tape.jacobian outside tf.function (a pfor graph traced per call)."""
    feed = {name: tf.constant(value, DTYPE) for name, value in inputs.items()}
    with tf.GradientTape() as tape:
        tape.watch(feed["x"])
        y = fn(**feed)
    return tape.jacobian(y, feed["x"]).numpy()
