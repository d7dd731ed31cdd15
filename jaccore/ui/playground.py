"""The playground: a formula typed by the reader, parsed safely, with every view of an example page."""

import numpy as np
import streamlit as st

from jaccore.catalog import Example
from jaccore.expression import FUNCTIONS, Expression, ExpressionError, parse_expression
from jaccore.sitemap import Page
from jaccore.translations import SENTENCES
from jaccore.ui.sections import seed
from jaccore.ui.state import language, say
from jaccore.ui.worked import render_explorer

DEFAULT_FORMULA = "tanh(W @ x + b)"
DEFAULT_SHAPES = {"W": "2,3", "x": "3,1", "b": "2,1"}
MAX_AXES, MAX_LENGTH, MAX_ELEMENTS = 3, 8, 64  # per input of the playground


def render_playground(page: Page) -> None:
    st.title(page.title(language()))
    st.markdown(say("playground.intro", functions=", ".join(FUNCTIONS)))
    text = st.text_input(say("playground.expression"), DEFAULT_FORMULA, key="expr", bind="query-params")
    try:
        expression = parse_expression(text)
    except ExpressionError as error:
        st.error(error.message(language()), icon="✋")
        return
    inputs = playground_inputs(expression.names)
    if inputs is not None:
        render_explorer(playground_example(expression, inputs, page))


def playground_inputs(names: tuple[str, ...]) -> dict[str, np.ndarray] | None:
    """A shape box per input and a seed; values drawn from the seed (sliders refine them)."""
    columns = st.columns(len(names) + 1)
    shapes = {}
    for column, name in zip(columns, names, strict=False):
        text = column.text_input(
            say("playground.shape", name=name),
            DEFAULT_SHAPES.get(name, "2,1"),
            key=f"shape.{name}",
            help=say("playground.shape_help"),
            bind="query-params",
        )
        shapes[name] = parse_shape(text)
        if shapes[name] is None:
            blanks = dict(name=name, text=text[:20], axes=MAX_AXES, most=MAX_LENGTH, elements=MAX_ELEMENTS)
            st.error(say("playground.bad_shape", **blanks), icon="✋")
            return None
    # No explicit value: the seed starts at min_value, and "Random fill" may then set it.
    columns[-1].number_input(say("playground.seed"), 0, 10_000, key="seed", bind="query-params")
    columns[-1].button(say("playground.random"), on_click=reseed, args=(names,), key="random", icon=":material/casino:")
    rng = np.random.default_rng(seed())
    return {name: np.round(rng.uniform(-2, 2, size=shape), 1).astype(np.float32) for name, shape in shapes.items()}


def parse_shape(text: str) -> tuple[int, ...] | None:
    """'3,2' → (3, 2), '' → (); None when it is not a small shape."""
    parts = [part.strip() for part in text.replace("(", "").replace(")", "").split(",") if part.strip()]
    if len(parts) > MAX_AXES or not all(part.isdigit() and len(part) <= 2 for part in parts):
        return None
    shape = tuple(int(part) for part in parts)
    if not all(1 <= n <= MAX_LENGTH for n in shape) or int(np.prod(shape)) > MAX_ELEMENTS:
        return None
    return shape


def reseed(names: tuple[str, ...]) -> None:
    """New random values: a new seed, and sliders forget theirs so they take the new defaults."""
    st.session_state["seed"] = (seed() + 1) % 10_000
    for key in [k for k in st.session_state if isinstance(k, str) and k.split(".")[0] in names]:
        if not key.startswith("shape."):
            del st.session_state[key]


def playground_example(expression: Expression, inputs: dict[str, np.ndarray], page: Page) -> Example:
    """The typed formula as an example of the catalog's kind, so that every section can show it."""
    return Example(
        slug="playground",
        output_name="y",
        fn=expression,
        inputs=inputs,
        wrt=expression.names,
        formula=r"y = \texttt{" + expression.text.replace("_", r"\_") + "}",  # parsed text: no braces, no backslashes
        code=expression.code,
        title=page.title,
        question=SENTENCES["playground.question"],
        insight=SENTENCES["playground.insight"],
        value_range=(-5.0, 5.0),
        step=0.1,
    )
