"""Graphs compiled once per function, input to differentiate, input shapes and kind; run many times.

A slider move costs a graph's run (~1 ms), not a trace (50–90 ms, and the retracing warnings of the
notebook): the key holds shapes, never values. A lock makes tracing safe when Streamlit sessions
(one thread each) ask for the same graph at once; running one needs no lock. What goes wrong while
tracing or while running (a graph can fail on values, or with oneDNN's kernels) becomes the same
ShapeError, with the shapes and TensorFlow's own sentence.
"""

import contextlib
import ctypes
import gc
import re
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence

import numpy as np

from jaccore._tensorflow import tf

DTYPE = tf.float32  # the notebook's dtype: what learners see TensorFlow return

Graph = tf.types.experimental.ConcreteFunction
Body = Callable[..., tuple]  # (fn, wrt, inputs, *extra tensors) → tensors


class InputError(ValueError):
    """An input that is not a number, a `wrt` that is not an input, a wrong upstream."""


class ShapeError(InputError):
    """Input shapes that the function cannot combine; `shapes` and TensorFlow's `reason` for readers."""

    def __init__(self, shapes: str, reason: str) -> None:
        self.shapes, self.reason = shapes, reason
        super().__init__(f"these inputs do not fit the function: {shapes}. TensorFlow says: {reason}")


class RunError(ShapeError):
    """A graph that traced but failed while it ran, on these values or with these kernels (oneDNN's)."""


ZERO = tf.UnconnectedGradients.ZERO  # an output that ignores x has zero derivatives, not None


def output_of(fn: Callable, inputs: dict) -> tf.Tensor:
    """fn(**inputs) as a tensor, in a graph's body."""
    return tf.convert_to_tensor(fn(**inputs))


def shaped_like(name: str, value: object, x: np.ndarray) -> np.ndarray:
    """A direction or a vector that must have x's shape, as float32, or an InputError that says so."""
    array = as_array(name, value)
    if array.shape != x.shape:
        raise InputError(f"{name} has shape {array.shape} but x has shape {x.shape}: {name} must have x's shape.")
    return array


def validated(inputs: Mapping[str, object], wrt: str) -> dict[str, np.ndarray]:
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


# The compiled graphs, least recently used first, by (function, wrt, body, input shapes, extra specs).
# A graph costs the server ~0.8–1 MiB (measured: 640 graphs of one formula over 320 shapes took RSS
# from 488 to 985 MiB; 2026-12-07, 60 graphs of tanh(W @ x + b): 1.0 MiB each), whatever its shapes,
# so a bound on their number bounds their memory: 48 graphs, ~40–50 MiB. Every page of the app at its
# defaults uses 27, with the checks and weights on 33, with every puzzle graded 38. Links can name
# endless shapes and formulas: past MAX_GRAPHS the least recently used graph goes, the catalog's as any
# other (a page in use keeps its graphs fresh; one that comes back traces again, once). The key holds
# its function weakly: a formula that nobody holds any more leaves its graphs to be dropped first.
MAX_GRAPHS = 48
_graphs: OrderedDict[tuple, Graph] = OrderedDict()
_lock = threading.Lock()
_trace_total = 0
_dropped = 0  # graphs dropped since the allocator last gave memory back


def trace_count() -> int:
    """How many graphs have been traced since start-up (to show that values never retrace)."""
    return _trace_total


def cached_graphs() -> int:
    return len(_graphs)


def compiled(fn: Callable, wrt: str, values: Mapping[str, np.ndarray], body: Body, extra: Sequence = ()) -> Graph:
    """The graph of `body` for fn, wrt and these input shapes; `extra` are the specs of its other arguments."""
    shapes = tuple((name, value.shape) for name, value in values.items())
    key = (weakref.ref(fn), wrt, body, shapes, tuple(map(str, extra)))
    with _lock:
        if key in _graphs:
            _graphs.move_to_end(key)
            return _graphs[key]
        graph = _graphs[key] = _trace(fn, wrt, values, body, extra)
        _forget_beyond(MAX_GRAPHS)
        return graph


def _forget_beyond(limit: int) -> None:
    """Drop the graphs of functions nobody holds, then the least recently used past `limit`."""
    global _dropped
    dead = [key for key in _graphs if key[0]() is None]
    for key in dead:
        del _graphs[key]
    while len(_graphs) > limit:
        _graphs.popitem(last=False)
        _dropped += 1
    _dropped += len(dead)
    if _dropped >= 8:
        give_back_memory()
        _dropped = 0


def give_back_memory() -> None:
    """Return freed memory to the system (glibc keeps it otherwise: RSS 772 MiB after 640 graphs were
    dropped, 583 MiB after malloc_trim). A no-op where there is no glibc."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


_watched = {"thread": None, "others": 0}  # a measurement under way: the graphs other threads ran meanwhile


@contextlib.contextmanager
def counting_others() -> Iterator[Callable[[], int]]:
    """While a measurement runs on this thread, count the graphs other sessions' threads run: a time
    taken on a shared server says whether it was alone. One measurement at a time (the caller's lock)."""
    _watched.update(thread=threading.get_ident(), others=0)
    try:
        yield lambda: _watched["others"]
    finally:
        _watched["thread"] = None


def run(graph: Graph, values: Mapping[str, np.ndarray], *extra: object) -> list[np.ndarray]:
    """The graph's outputs as numpy, for these input values (float32) and its other arguments."""
    if _watched["thread"] not in (None, threading.get_ident()):
        _watched["others"] += 1
    feed = {name: tf.constant(value, DTYPE) for name, value in values.items()}
    try:
        return [t.numpy() for t in tf.nest.flatten(graph(feed, *extra))]
    except tf.errors.OpError as error:
        raise _shape_error(values, error, RunError) from None


def _trace(fn: Callable, wrt: str, values: Mapping[str, np.ndarray], body: Body, extra: Sequence) -> Graph:
    global _trace_total
    specs = {name: tf.TensorSpec(value.shape, DTYPE) for name, value in values.items()}
    function = weakref.ref(fn)  # the graph must not hold its function: the cache's key holds it weakly
    graph = tf.function(
        lambda inputs, *more: body(function(), wrt, inputs, *more),
        input_signature=[specs, *extra],
        autograph=False,  # the bodies have no Python control flow; errors then reach us unwrapped
    )
    try:
        concrete = graph.get_concrete_function()
    except InputError:
        raise  # already says what is wrong in the reader's terms (an ExpressionError, say)
    except (ValueError, TypeError, tf.errors.OpError) as error:
        raise _shape_error(values, error) from None
    _trace_total += 1
    return concrete


def _shape_error(values: Mapping[str, np.ndarray], error: Exception, kind: type = ShapeError) -> ShapeError:
    shapes = ", ".join(f"{name} {value.shape}" for name, value in values.items())
    return kind(shapes, _sentence(error))


def _sentence(error: Exception) -> str:
    """TensorFlow's own sentence, without the traceback, node names and op names it embeds."""
    for line in reversed(str(error).splitlines()):
        line = re.sub(r"\{\{function_node [^}]*\}\}|\[\[\{\{node [^}]*\}\}\]\]|\[Op:[^\]]*\]", "", line)
        line = re.sub(r" for '\{\{node .*?' with", " with", line).strip()
        if line and not line.startswith(("File ", "Traceback")):
            return line[:300]
    return type(error).__name__


def median_ms(call: Callable[[], object], repeats: int) -> float:
    """The median of `repeats` timed calls, after one untimed call (which traces, or warms up)."""
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))
