"""One worked example: a TensorFlow function, the inputs it starts from, and a closed-form oracle."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from jaccore._tensorflow import tf
from jaccore.translations import SENTENCES, Text


def constant(rows: object) -> np.ndarray:
    return np.asarray(rows, dtype=np.float32)


def eye(n: int) -> np.ndarray:
    return np.eye(n)


@dataclass(frozen=True)
class Example:
    """y = fn(**inputs); J = ∂y/∂inputs[w] for each w in wrt, shape y.shape + inputs[w].shape."""

    slug: str
    output_name: str  # the notebook's name for y: z, y, f, C, Y
    fn: Callable[..., tf.Tensor]
    inputs: Mapping[str, np.ndarray]
    wrt: tuple[str, ...]
    formula: str  # LaTeX
    code: str  # the TensorFlow expression the notebook writes
    title: Text
    question: Text
    # What the slices look like, and why, for each input in wrt; {gradient} is filled with the plain
    # gradient on screen (the Jacobian summed over the output axes), so its numbers follow the sliders.
    insights: Mapping[str, Text]
    closed_form: Callable[[Mapping[str, np.ndarray], str], np.ndarray] | None = None  # None: no oracle known
    value_range: tuple[float, float] = (-10.0, 10.0)
    step: float = 0.5
    notebook: Mapping[str, object] = field(default_factory=dict)  # printed results, for the tests
    constants: Mapping[str, np.ndarray] = field(default_factory=dict)  # tensors `code` names that no slider sets
    # What the pictures alone would mislead about at these inputs, in a language (a typed formula's
    # softmax along an axis of one element): sentences shown above the pictures.
    notes: Callable[[Mapping[str, np.ndarray], str], list[str]] | None = None
    goal: Text | None = None  # what the page is for, in one line at its top
    remember: Text | None = None  # what to keep, at its end ('- ' lines)


OUTPUT_NAMES = ("y", "z", "f", "out")  # a typed formula's output: the first that no input of it uses


def formula_example(expression: Callable[..., tf.Tensor], inputs: Mapping[str, np.ndarray], title: Text) -> Example:
    """A formula typed in the playground (a parsed Expression: its `names`, `text` and `code`) as an
    example of the catalog's kind, so that every section, the script and the notebook can show it.
    Its output is named y, unless an input is: tanh(y) gives z = tanh(y)."""
    names = expression.names
    output = next((name for name in OUTPUT_NAMES if name not in names), "_".join(names) + "_out")
    return Example(
        slug="playground",
        output_name=output,
        fn=expression,
        inputs=inputs,
        wrt=names,
        formula=output + r" = \texttt{" + expression.text.replace("_", r"\_") + "}",  # no braces, no backslashes
        code=expression.code_for(shapes_of(inputs)),
        title=title,
        question=SENTENCES["playground.question"],
        insights={name: SENTENCES["playground.insight"] for name in names},
        value_range=(-5.0, 5.0),
        step=0.1,
        notes=lambda values, lang: [
            note.message(lang) for note in [*expression.notes(shapes_of(values)), *expression.undefined(values)]
        ],
    )


def shapes_of(values: Mapping[str, np.ndarray]) -> dict[str, tuple[int, ...]]:
    return {name: value.shape for name, value in values.items()}
