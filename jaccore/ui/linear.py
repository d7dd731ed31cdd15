"""The best linear map: f(x + tδ) beside f(x) + J·tδ along a direction the learner sets, and the
error on a log-log plot, falling like t² — for any worked example, or the small layer."""

import dataclasses

import numpy as np
import streamlit as st

from jaccore import lines
from jaccore.catalog import EXAMPLES, LAYER, Example
from jaccore.engine import InputError, output_shape
from jaccore.linear_map import Linearization, linearization
from jaccore.markup import prose_html
from jaccore.notation import element_indices, index_label
from jaccore.sitemap import Page
from jaccore.takeaway import linear_cells, notebook_bytes
from jaccore.translations import counted
from jaccore.ui import files, sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.quiz import quiz
from jaccore.ui.state import language, say
from jaccore.ui.widgets import url_choice

FUNCTIONS: dict[str, Example] = {"layer": LAYER, **EXAMPLES}
CURVE = np.linspace(-1, 1, 41)  # t for f(x + tδ) against its linear map
SMALL = np.logspace(-4, 0, 17)  # t for the error, four decades
ROUNDING = 1e-9  # below this (relative to |f|) the error is float64 rounding: f is linear in x


def render_linear(page: Page) -> None:
    st.title(page.title(language()))
    st.markdown(say("linear.intro"))
    titles = {slug: example.title(language()) for slug, example in FUNCTIONS.items()}
    slug = url_choice(st.selectbox, say("linear.pick"), titles, "example", "layer")
    example = FUNCTIONS[slug]
    sections.render_formula(example.formula)
    wrt = sections.choose_wrt(example)
    try:
        y_shape = output_shape(example.fn, example.inputs, wrt)
    except InputError:
        return
    elements = {".".join(map(str, i)): index_label(example.output_name, i) for i in element_indices(y_shape)}
    element = url_choice(st.selectbox, say("linear.element"), elements, "element", next(iter(elements)))
    sections.render_inputs_header(with_direction(example, wrt).inputs)
    on_screen = sections.OnScreen(page=page.title(language()))
    live_linear(slug, wrt, element, on_screen)
    files.render_notebook_download(f"notebook_{page.slug}_{slug}_{wrt}.ipynb", on_screen)
    st.header(say("quiz.title"))
    options = [
        (100, "100", say("linear.why")),
        (10, "10", say("linear.why_ten")),
        (1, "1", say("linear.why_one")),
        (1000, "1000", say("linear.why_thousand")),
    ]
    quiz("quiz.linear", say("linear.q"), options)


def with_direction(example: Example, wrt: str) -> Example:
    """The example with δ, shaped like the input it moves, as one more input to slide (named 'delta')."""
    delta = np.ones(example.inputs[wrt].shape, np.float32)
    return dataclasses.replace(example, inputs={**example.inputs, "delta": delta})


@live
def live_linear(slug: str, wrt: str, element: str, on_screen: sections.OnScreen) -> None:
    example = FUNCTIONS[slug]
    values = sections.render_sliders(with_direction(example, wrt))
    delta = values.pop("delta")
    index = tuple(int(i) for i in element.split(".") if i)
    lang = language()  # read here: the notebook is made at the click, outside this run
    # With δ = 0 too: its table then shows why.
    on_screen.notebook = lambda: notebook_bytes(linear_cells(example, values, wrt, delta, index, on_screen.page, lang))
    if not delta.any():
        st.info(say("linear.zero_direction"))
        return
    curve = linearization(example.fn, values, wrt, delta, CURVE)
    yi = index_label(example.output_name, index)
    names = (say("linear.exact_name"), say("linear.linear_name"))
    title = say("linear.curve", yi=yi)
    line = lines.along_a_line(CURVE, pick(curve.values, index), pick(curve.linear, index), names, title)
    panel = Panel()
    at_x = say("linear.at_x", yi=yi, value=f"{curve.output[index]:.4g}", jd="J·δ", index=",".join(map(str, index)),
               slope=f"{curve.directional[index]:.4g}")  # fmt: skip
    panel.html(prose_html(at_x))
    panel.figure(line, "curve", label=title)
    small = linearization(example.fn, values, wrt, delta, SMALL)
    panel.html(prose_html(error_sentence(small, example.output_name, wrt)))
    if not is_linear(small):
        names = (say("linear.error_name"), say("linear.slope_name"))
        n = counted(int(np.prod(curve.output.shape)), language(), "element", "elements", "phần tử")
        # Two lines: one line of both is wider than a phone, and a Plotly title does not wrap.
        title = (say("linear.error"), say("linear.error_over", y=example.output_name, n=n))
        figure = lines.error_log_log(SMALL, small.errors, names, "<br>".join(title))
        panel.figure(figure, "error", label=", ".join(title))
    panel.show()


def pick(values: np.ndarray, index: tuple[int, ...]) -> np.ndarray:
    """One output element's value at each t, from (steps, *y.shape)."""
    return values[(slice(None), *index)]


def is_linear(lin: Linearization) -> bool:
    scale = max(1.0, float(np.abs(lin.output).max(initial=0.0)), float(np.abs(lin.directional).max(initial=0.0)))
    return float(lin.errors.max(initial=0.0)) <= ROUNDING * scale


def error_sentence(lin: Linearization, y: str, x: str) -> str:
    if is_linear(lin):
        return say("linear.exact", y=y, x=x, err=f"{lin.errors.max(initial=0.0):.1g}")
    first, last = -1, len(lin.steps) // 2  # from t = 1 down to the middle of the decades
    return say("linear.slope", slope=lin.slope, t0=f"{lin.steps[first]:g}", t1=f"{lin.steps[last]:g}",
               e0=f"{lin.errors[first]:.3g}", e1=f"{lin.errors[last]:.3g}", y=y)  # fmt: skip
