"""The Hessian: the Jacobian of the gradient for a function with one output, and a Hessian-vector
product, which is one column of it when v is one-hot."""

import dataclasses

import numpy as np
import streamlit as st

from jaccore import figures
from jaccore.catalog import HESSIAN_EXAMPLES, Example
from jaccore.curvature import hessian, hessian_vector_product
from jaccore.engine import max_abs_difference
from jaccore.markup import html_matrix, prose_html
from jaccore.sitemap import Page
from jaccore.takeaway import hessian_cells, notebook_bytes
from jaccore.ui import files, sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.quiz import quiz
from jaccore.ui.state import language, say
from jaccore.ui.widgets import url_choice


def render_hessian(page: Page) -> None:
    st.title(page.title(language()))
    st.markdown(say("hessian.intro"))
    titles = {slug: example.title(language()) for slug, example in HESSIAN_EXAMPLES.items()}
    slug = url_choice(st.selectbox, say("hessian.pick"), titles, "function", next(iter(HESSIAN_EXAMPLES)))
    example = HESSIAN_EXAMPLES[slug]
    sections.render_formula(example.formula)
    st.markdown(f"**{example.question(language())}** {example.insights['x'](language())}")
    shown = with_direction(example)
    sections.render_inputs_header(shown.inputs)
    st.caption(say("hessian.v_hint"))
    on_screen = sections.OnScreen(page=page.title(language()))
    live_hessian(slug, on_screen)
    files.render_notebook_download(f"notebook_{page.slug}_{slug}.ipynb", on_screen)
    render_self_check(example)


def with_direction(example: Example) -> Example:
    """The example with v, the vector of the Hessian-vector product, as one more input to slide."""
    v = np.eye(example.inputs["x"].size, dtype=np.float32)[0].reshape(example.inputs["x"].shape)
    return dataclasses.replace(example, inputs={**example.inputs, "v": v})


@live
def live_hessian(slug: str, on_screen: sections.OnScreen) -> None:
    example = HESSIAN_EXAMPLES[slug]
    values = sections.render_sliders(with_direction(example))
    x, v = {"x": values["x"]}, values["v"]
    lang = language()  # read here: the notebook is made at the click, outside this run
    on_screen.notebook = lambda: notebook_bytes(hessian_cells(example, values["x"], v, on_screen.page, lang))
    h = hessian(example.fn, x, "x")
    closed = example.closed_form({"x": values["x"].astype(np.float64)}, "x")
    panel = Panel()
    panel.html(prose_html(f"## {say('hessian.matrix')}"))
    panel.figure(figures.flat_matrix(h, values["x"].shape, "∇f", "x", word=say("panel.round_off")), "hessian")
    facts = say("hessian.facts", sym=f"{max_abs_difference(h, h.T):.2g}", err=f"{max_abs_difference(h, closed):.2g}")
    panel.html(prose_html(facts))
    hv = hessian_vector_product(example.fn, x, "x", v)
    as_list = lambda a: "[" + ", ".join(f"{e:.4g}" for e in a.ravel()) + "]"  # noqa: E731  as html_matrix writes them
    hv_text = say("hessian.hvp_text", hv=as_list(hv), hv_matrix=as_list(h @ v))
    panel.html(prose_html(f"## {say('hessian.hvp')}\n\n{hv_text}") + html_matrix("H·v", hv))
    panel.html(prose_html(say("hessian.nested", sums=as_list(h.sum(axis=0))), caption=True))
    panel.show()


def render_self_check(example: Example) -> None:
    st.header(say("quiz.title"))
    xs = tuple(example.inputs["x"].shape)
    n = example.inputs["x"].size
    blanks = dict(hs=xs + xs, xs=xs, f=example.output_name, nn=(n * n,))
    options = [
        (xs + xs, str(xs + xs), say("hessian.why", **blanks)),
        (xs, str(xs), say("hessian.why_gradient", **blanks)),
        ((), "()", say("hessian.why_scalar", **blanks)),
        ((n * n,), str((n * n,)), say("hessian.why_flat", **blanks)),
    ]
    quiz(f"quiz.hessian.{example.slug}", say("hessian.q", f=example.output_name, xs=xs), options)
