"""The chain rule: y = g(f(x)), J = J_g · J_f drawn as the matrix product it is, and reverse mode's
(vᵀJ_g)·J_f that never forms J."""

import numpy as np
import streamlit as st

from jaccore import equations
from jaccore.catalog import CHAIN_EXAMPLES, CHAINS, EXAMPLES, OUTER_FORMULAS, chain_slug
from jaccore.engine import (
    InputError,
    analyze,
    chain_multiply_adds,
    compose_jacobians,
    max_abs_difference,
    output_shape,
    reverse_mode,
)
from jaccore.markup import html_matrix, prose_html
from jaccore.sitemap import Page
from jaccore.translations import grouped
from jaccore.ui import sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.state import language, say
from jaccore.ui.widgets import url_choice

PAIRS = {chain_slug(inner, outer): (inner, outer, via) for inner, outer, via in CHAINS}


def render_chain(page: Page) -> None:
    st.title(page.title(language()))
    st.html(prose_html(say("chain.intro")))
    titles = {key: CHAIN_EXAMPLES[key].title(language()) for key in PAIRS}
    chosen = url_choice(st.selectbox, say("chain.pick"), titles, "chain", next(iter(PAIRS)))
    inner = PAIRS[chosen][0]
    left, right = st.columns(2)
    left.markdown(f"**{say('chain.inner')}**")
    with left:
        sections.render_formula(EXAMPLES[inner].formula, key="jx-formula-inner")
    right.markdown(f"**{say('chain.outer', name=EXAMPLES[inner].output_name)}**")
    with right:
        sections.render_formula(OUTER_FORMULAS[chosen], key="jx-formula-outer")
    chain = CHAIN_EXAMPLES[chosen]
    wrt = sections.choose_wrt(chain)
    sections.render_inputs_header(chain.inputs)
    live_chain(chosen, wrt)
    render_costs(chosen, wrt)


@live
def live_chain(chosen: str, wrt: str) -> None:
    (inner, outer, via), chain = PAIRS[chosen], CHAIN_EXAMPLES[chosen]
    inner, outer = EXAMPLES[inner], EXAMPLES[outer]
    values = sections.render_sliders(chain)
    f = analyze(inner.fn, {name: values[name] for name in inner.inputs}, wrt)
    g = analyze(outer.fn, {**{name: values[name] for name in outer.inputs if name != via}, via: f.output}, via)
    whole = analyze(chain.fn, values, wrt)
    composed = compose_jacobians(g.jacobian, f.jacobian, f.output.ndim)
    panel = Panel()
    sizes = dict(yn=whole.output.size, fn=f.output.size, xn=values[wrt].size)
    panel.html(prose_html(f"{say('chain.product')}\n\n{say('chain.product_caption', **sizes)}"))
    ndims = (whole.output.ndim, f.output.ndim)
    note, word = say("chain.shape_note"), say("panel.round_off")
    product = equations.chain_product(g.jacobian, f.jacobian, composed, ndims, wrt, note, word)
    panel.figure(product, "product")
    reverse = reverse_mode(np.ones_like(g.output), g.jacobian, f.jacobian)
    agree = say("chain.agree", err=f"{max_abs_difference(composed, whole.jacobian):.2g}")
    reverse_agrees = say("chain.reverse", err=f"{max_abs_difference(reverse, whole.gradient):.2g}")
    panel.html(prose_html(f"{agree}\n\n{reverse_agrees}") + html_matrix("∇", whole.gradient, subscript=wrt))
    panel.show()


def render_costs(chosen: str, wrt: str) -> None:
    """The multiply-adds of both orders: shapes only, so outside the fragment a slider move reruns."""
    (inner, _, _), chain = PAIRS[chosen], CHAIN_EXAMPLES[chosen]
    try:
        y_shape = output_shape(chain.fn, chain.inputs, wrt)
        f_shape = output_shape(EXAMPLES[inner].fn, EXAMPLES[inner].inputs, wrt)
    except InputError:
        return
    sizes = (int(np.prod(y_shape)), int(np.prod(f_shape)), chain.inputs[wrt].size)
    costs = chain_multiply_adds(*sizes)
    st.html(prose_html(say("chain.cost", **{order: grouped(n, language()) for order, n in costs.items()})))
