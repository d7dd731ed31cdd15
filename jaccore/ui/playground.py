"""The playground: a formula typed by the reader, parsed safely, with every view of an example page."""

import re

import numpy as np
import streamlit as st

from jaccore.catalog import formula_example
from jaccore.expression import FUNCTIONS, ExpressionError, parse_expression
from jaccore.markup import literal
from jaccore.sitemap import Page
from jaccore.ui.sections import MAX_SLIDERS, seed
from jaccore.ui.state import language, say
from jaccore.ui.widgets import slider_defaults, text_input, whole_number_input
from jaccore.ui.worked import render_explorer

DEFAULT_FORMULA = "tanh(W @ x + b)"
DEFAULT_SHAPES = {"W": "2,3", "x": "3,1", "b": "2,1"}
MAX_AXES, MAX_LENGTH, MAX_ELEMENTS = 3, 8, 64  # per input of the playground
MAX_SEED = 10_000
LENGTH = re.compile(r"[0-9]{1,2}")


def render_playground(page: Page) -> None:
    st.title(page.title(language()))
    along = ", ".join(f"`{name}`" for name, function in FUNCTIONS.items() if function.takes == "x, axis")
    st.markdown(say("playground.intro", functions=", ".join(f"`{name}`" for name in FUNCTIONS), along=along))
    text = text_input(say("playground.expression"), DEFAULT_FORMULA, "expr")  # the parser says what is wrong
    try:
        expression = parse_expression(text)
    except ExpressionError as error:
        st.error(error.message(language()), icon="✋")
        return
    inputs = playground_inputs(expression.names)
    if inputs is not None:
        render_explorer(formula_example(expression, inputs, page.title))


def playground_inputs(names: tuple[str, ...]) -> dict[str, np.ndarray] | None:
    """A shape box per input and a seed; values drawn from the seed (sliders refine them)."""
    columns = st.columns(len(names) + 1)
    shapes = {}
    for column, name in zip(columns, names, strict=False):
        with column:
            label, default = say("playground.shape", name=name), DEFAULT_SHAPES.get(name, "2,1")
            text = text_input(label, default, f"shape.{name}", help=say("playground.shape_help"))
        shapes[name] = parse_shape(text)
        if shapes[name] is None:
            blanks = dict(name=name, text=literal(text), axes=MAX_AXES, most=MAX_LENGTH, elements=MAX_ELEMENTS)
            st.error(say("playground.bad_shape", **blanks), icon="✋")
            return None
    with columns[-1]:  # the seed starts at 0, and "Random fill" may then set it
        whole_number_input(say("playground.seed"), "seed", 0, MAX_SEED)
    icon = ":material/casino:"
    columns[-1].button(say("playground.random"), on_click=reseed, args=(shapes,), key="random", icon=icon)
    return random_values(seed(), shapes)


def random_values(seed: int, shapes: dict[str, tuple[int, ...]]) -> dict[str, np.ndarray]:
    """The inputs a seed draws: uniform in [-2, 2], to one decimal (a slider's step is 0.1)."""
    rng = np.random.default_rng(seed)
    return {name: np.round(rng.uniform(-2, 2, size=shape), 1).astype(np.float32) for name, shape in shapes.items()}


def parse_shape(text: str) -> tuple[int, ...] | None:
    """'3,2' → (3, 2), '' → (); None when it is not a small shape. ASCII digits only: str.isdigit()
    takes ² and ①, which int() then refuses, and str.isdecimal() takes ٣."""
    parts = [part.strip() for part in text.replace("(", "").replace(")", "").split(",") if part.strip()]
    if len(parts) > MAX_AXES or not all(LENGTH.fullmatch(part) for part in parts):
        return None
    shape = tuple(int(part) for part in parts)
    if not all(1 <= n <= MAX_LENGTH for n in shape) or int(np.prod(shape)) > MAX_ELEMENTS:
        return None
    return shape


def reseed(shapes: dict[str, tuple[int, ...]]) -> None:
    """ "Random fill": a new seed, and every slider set to the value the seed draws for it.

    The widgets themselves take the new values (a button that changes inputs changes the widgets):
    a slider whose state were merely forgotten would keep showing its old value in the browser,
    and a value moved by hand would come back from the URL.
    """
    st.session_state["seed"] = (seed() + 1) % (MAX_SEED + 1)
    drawn = random_values(seed(), shapes)
    with_sliders = {name: value for name, value in drawn.items() if value.size <= MAX_SLIDERS}
    st.session_state.update(slider_defaults(with_sliders))
