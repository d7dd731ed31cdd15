"""Code a learner can take away: the TensorFlow script that prints what the page shows.

Generated from the catalog's own code strings and the values on screen; the tests run it
and compare its numbers with the engine's.
"""

from collections.abc import Mapping
from dataclasses import dataclass

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


def inline_literal(array: np.ndarray) -> str:
    """python_literal on one line, whatever its length: for code inside a sentence, which wraps as prose."""
    return _nested(np.asarray(array, np.float32))


def _nested(array: np.ndarray) -> str:
    return number(array) if array.ndim == 0 else "[" + ", ".join(_nested(part) for part in array) + "]"


def constant_lines(values: Mapping[str, np.ndarray], dtype: str = "") -> list[str]:
    """`name = tf.constant([...])` per input, as the sliders hold them (`dtype`: e.g. ", tf.float64")."""
    return [f"{name} = tf.constant({python_literal(value)}{dtype})" for name, value in values.items()]


@dataclass(frozen=True)
class ScriptNames:
    """The script's own variables, none of them the name of an input (a formula's inputs may be
    named anything but Python's own names and tf, which the parser refuses): the tape g, the
    Jacobian and gradient, the upstream weights v and the column sums."""

    tape: str
    jacobian: str
    gradient: str
    upstream: str
    sums: str


def script_names(example: Example, wrt: str) -> ScriptNames:
    taken = {*example.inputs, *example.constants, example.output_name}

    def fresh(name: str) -> str:
        while name in taken:
            name += "_"
        taken.add(name)
        return name

    return ScriptNames(fresh("g"), fresh(f"jacobian_{wrt}"), fresh(f"gradient_{wrt}"), fresh("v"), fresh("column_sums"))


def tape_lines(example: Example, values: Mapping[str, np.ndarray], lang: str, names: ScriptNames) -> list[str]:
    """The persistent tape that watches every input and records y."""
    g = names.tape
    lines = [SENTENCES["code.record"](lang), f"with tf.GradientTape(persistent=True) as {g}:"]
    lines.append(f"    {SENTENCES['code.watch'](lang)}")
    return lines + [f"    {g}.watch({name})" for name in values] + [f"    {example.output_name} = {example.code}"]


def jacobian_line(
    example: Example, values: Mapping[str, np.ndarray], wrt: str, y_shape: tuple, lang: str, names: ScriptNames
) -> str:
    shape = shape_text(tuple(y_shape) + values[wrt].shape)
    call = f"{names.tape}.jacobian({example.output_name}, {wrt})"
    return f"{names.jacobian} = {call}  # {SENTENCES['code.shape'](lang)} {shape}"


def gradient_lines(example: Example, wrt: str, upstream: np.ndarray, lang: str, names: ScriptNames) -> list[str]:
    """tape.gradient, with the upstream weights v as output_gradients unless they are all ones."""
    y, g, v = example.output_name, names.tape, names.upstream
    if np.all(upstream == 1):
        return [f"{names.gradient} = {g}.gradient({y}, {wrt})"]
    return [
        SENTENCES["code.upstream"](lang),
        f"{v} = tf.constant({python_literal(upstream)})",
        f"{names.gradient} = {g}.gradient({y}, {wrt}, output_gradients={v})",
    ]


def tensorflow_code(
    example: Example, values: Mapping[str, np.ndarray], wrt: str, upstream: np.ndarray, lang: str
) -> str:
    """A self-contained TensorFlow script that prints exactly the output, Jacobian and gradient on screen."""
    y, names = example.output_name, script_names(example, wrt)
    lines = ["import tensorflow as tf", "", *constant_lines({**example.constants, **values}), ""]
    lines += [*tape_lines(example, values, lang, names), "", SENTENCES["code.outside"](lang)]
    lines += [jacobian_line(example, values, wrt, upstream.shape, lang, names)]
    lines += gradient_lines(example, wrt, upstream, lang, names)
    lines += ["", f"print({y})", f"print({names.jacobian})", f"print({names.gradient})"]
    return "\n".join(lines)
