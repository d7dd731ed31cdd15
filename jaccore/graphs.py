"""Graphs compiled once per function, input to differentiate, input shapes and kind; run many times.

A slider move costs a graph's run (~1 ms), not a trace (50–90 ms, and the retracing warnings of the
notebook): the key holds shapes, never values. A lock makes tracing safe when Streamlit sessions
(one thread each) ask for the same graph at once; running one needs no lock. What goes wrong while
tracing or while running (a graph can fail on values, or with oneDNN's kernels) becomes the same
ShapeError, with the shapes and TensorFlow's own sentence.
"""

import re
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence

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


# Graphs by function, held weakly: a function's graphs (~2 MB each) go when the function goes. The
# catalog's functions live as long as the server, so their graphs are traced once; a typed formula's
# live while the parser's cache or a session's page holds the formula.
_cache: weakref.WeakKeyDictionary[Callable, dict[tuple, Graph]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_trace_total = 0


def trace_count() -> int:
    """How many graphs have been traced since start-up (to show that values never retrace)."""
    return _trace_total


def compiled(fn: Callable, wrt: str, values: Mapping[str, np.ndarray], body: Body, extra: Sequence = ()) -> Graph:
    """The graph of `body` for fn, wrt and these input shapes; `extra` are the specs of its other arguments."""
    key = (wrt, body, tuple((name, value.shape) for name, value in values.items()), tuple(map(str, extra)))
    with _lock:
        graphs = _cache.setdefault(fn, {})
        if key not in graphs:
            graphs[key] = _trace(fn, wrt, values, body, extra)
        return graphs[key]


def run(graph: Graph, values: Mapping[str, np.ndarray], *extra: object) -> list[np.ndarray]:
    """The graph's outputs as numpy, for these input values (float32) and its other arguments."""
    feed = {name: tf.constant(value, DTYPE) for name, value in values.items()}
    try:
        return [t.numpy() for t in tf.nest.flatten(graph(feed, *extra))]
    except tf.errors.OpError as error:
        raise _shape_error(values, error, RunError) from None


def _trace(fn: Callable, wrt: str, values: Mapping[str, np.ndarray], body: Body, extra: Sequence) -> Graph:
    global _trace_total
    specs = {name: tf.TensorSpec(value.shape, DTYPE) for name, value in values.items()}
    function = weakref.ref(fn)  # the graph must not hold its function: the cache holds it weakly
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
