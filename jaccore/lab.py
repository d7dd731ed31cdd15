"""The pitfall lab's runs: each trap's two snippets run once per process, their results as text.

The snippets are fixed functions from the catalog (jaccore/catalog/pitfalls.py); what they return
or raise is kept, as this TensorFlow gives it, and written the way Python prints it.
"""

import functools
import inspect
import io
import textwrap
import tokenize
from dataclasses import dataclass

import numpy as np

from jaccore._tensorflow import tf
from jaccore.catalog.pitfalls import TRAPS, Trap


@dataclass(frozen=True)
class Run:
    """One trap, run: the snippets' source, what each returned (or raised), and whether the trap
    still reproduces on this TensorFlow."""

    trap: Trap
    broken_source: str
    fixed_source: str
    broken: str
    fixed: str
    reproduces: bool
    version: str


def source(function) -> str:
    """The function's code as the page shows it, a script that runs as copied: the imports it needs,
    its body without the def line, its last line printing what it returned, and without its comments
    (they are English; the page explains in the reader's language)."""
    lines = inspect.getsource(function).splitlines()
    body = textwrap.dedent("\n".join(lines[1:]))
    tokens = tokenize.generate_tokens(io.StringIO(body).readline)
    for token in reversed([t for t in tokens if t.type == tokenize.COMMENT]):
        row, col = token.start
        code = body.splitlines()
        code[row - 1] = code[row - 1][:col].rstrip()
        body = "\n".join(code)
    # A function's `return` (one line, at the end of its body) is a script's print.
    body = "\n".join(f"print({line[7:]})" if line.startswith("return ") else line for line in body.splitlines())
    imports = ["import tensorflow as tf"] + (["import numpy as np"] if "np." in body else [])
    return "\n".join(imports) + "\n\n" + body


def printed(value: object) -> str:
    """What Python would print for the snippet's result: arrays as numpy prints them, None as None,
    an exception as its type and first line."""
    if isinstance(value, Exception):
        return f"{type(value).__name__}: {str(value).strip().splitlines()[0]}"
    if isinstance(value, tuple | list):
        inner = ", ".join(printed(item) for item in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    if isinstance(value, tf.TensorShape):
        return str(tuple(value.as_list()))
    if isinstance(value, tf.Tensor | tf.Variable | np.ndarray):
        return np.array2string(np.asarray(value), precision=4, suppress_small=True)
    return repr(value)


def outcome(function) -> object:
    try:
        return function()
    except Exception as error:  # the trap is the error: it is what the page shows
        return error


@functools.cache
def run(slug: str) -> Run:
    trap = TRAPS[slug]
    broken, fixed = outcome(trap.broken), outcome(trap.fixed)
    return Run(trap, source(trap.broken), source(trap.fixed), printed(broken), printed(fixed),
               bool(trap.reproduces(broken, fixed)), tf.__version__)  # fmt: skip
