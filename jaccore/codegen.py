"""Code a learner can take away: the TensorFlow script that prints what the page shows.

Generated from the catalog's own code strings and the values on screen; the tests run it
and compare its numbers with the engine's.
"""

from collections.abc import Mapping

import numpy as np

from jaccore.catalog import Example
from jaccore.notation import number, shape_text
from jaccore.translations import SENTENCES


def python_literal(array: np.ndarray) -> str:
    """An array as the nested list a learner would type, each number as the slider shows it:
    [[0.9, 2.0]], not [[0.8999999761581421, 2.0]] (the float32 value's shortest text). A matrix
    too long for one line has a line per row."""
    array = np.asarray(array, np.float32)
    flat = _nested(array)
    if array.ndim < 2 or len(flat) <= MAX_LINE:
        return flat
    return "[\n" + "".join(f"    {_nested(row)},\n" for row in array) + "]"


MAX_LINE = 60  # characters of a literal on one line, after "name = tf.constant("


def _nested(array: np.ndarray) -> str:
    return number(array) if array.ndim == 0 else "[" + ", ".join(_nested(part) for part in array) + "]"


def tensorflow_code(
    example: Example, values: Mapping[str, np.ndarray], wrt: str, upstream: np.ndarray, lang: str
) -> str:
    """A self-contained TensorFlow script that prints exactly the Jacobian and gradient on screen."""
    y = example.output_name

    def comment(key: str) -> str:
        return SENTENCES[key](lang)

    lines = ["import tensorflow as tf", ""]
    lines += [f"{name} = tf.constant({python_literal(value)})" for name, value in values.items()]
    lines += ["", comment("code.record"), "with tf.GradientTape(persistent=True) as g:"]
    lines.append(f"    {comment('code.watch')}")
    lines += [f"    g.watch({name})" for name in values] + [f"    {y} = {example.code}", ""]
    lines.append(comment("code.outside"))
    shape = shape_text(upstream.shape + values[wrt].shape)
    lines.append(f"jacobian_{wrt} = g.jacobian({y}, {wrt})  # {comment('code.shape')} {shape}")
    if np.all(upstream == 1):
        lines.append(f"gradient_{wrt} = g.gradient({y}, {wrt})")
    else:
        lines += [comment("code.upstream"), f"v = tf.constant({python_literal(upstream)})"]
        lines.append(f"gradient_{wrt} = g.gradient({y}, {wrt}, output_gradients=v)")
    lines += ["", f"print({y})", f"print(jacobian_{wrt})", f"print(gradient_{wrt})"]
    return "\n".join(lines)
