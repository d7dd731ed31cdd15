"""batch_jacobian vs jacobian: the full Jacobian of a batch, and what tape.batch_jacobian returns."""

import numpy as np
import streamlit as st

from jaccore import figures
from jaccore.catalog import BATCH_EXAMPLES, Example
from jaccore.engine import analyze, batch_jacobian, max_abs_difference, off_diagonal_blocks
from jaccore.markup import prose_html
from jaccore.sitemap import Page
from jaccore.translations import grouped
from jaccore.ui import sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.state import language, say
from jaccore.ui.widgets import toggles


def render_batch(page: Page) -> None:
    """The full Jacobian of a batch against tape.batch_jacobian, with and without coupling."""
    st.title(page.title(language()))
    sections.prose(say("batch.intro"))
    coupled = toggles({"coupled": say("batch.couple")})["coupled"]
    example = BATCH_EXAMPLES["coupled" if coupled else "independent"]
    sections.render_formula(example.formula)
    st.markdown(f"**{example.question(language())}** {example.insights['x'](language())}")
    sections.render_inputs_header(example.inputs)
    live_batch(example)
    render_jacobian_sizes()


@live
def live_batch(example: Example) -> None:
    values = sections.render_sliders(example)
    full = analyze(example.fn, values, "x")
    per_sample = batch_jacobian(example.fn, values, "x")
    shape = sections.shape_sentence("y", "x", full.jacobian, full.output.ndim)
    panel = Panel()
    panel.html(prose_html(f"## {say('batch.full')}") + prose_html(shape, caption=True))
    panel.figure(figures.block_grid(full.jacobian, "y", "x", say("panel.round_off")), "blocks")
    panel.html(prose_html(f"## {say('batch.diagonal')}"))
    panel.figure(figures.batch_sums(per_sample, "y", "x", say("panel.round_off")), "diagonal")
    panel.html(coupling_facts(full.jacobian, per_sample))
    panel.show()


def coupling_facts(jacobian: np.ndarray, per_sample: np.ndarray) -> str:
    """How much of the full Jacobian lies off the diagonal blocks, and what batch_jacobian added in.

    A list, not three metrics in columns: each element costs the browser time on every move.
    """
    dropped = off_diagonal_blocks(jacobian, 2)  # what independence assumes away
    share = np.linalg.norm(dropped) / max(np.linalg.norm(jacobian), 1e-30)
    gap = max_abs_difference(per_sample, np.einsum("bibk->bik", jacobian))
    facts = [
        (say("batch.lost"), f"{share:.0%}"),
        (say("batch.lost_max"), f"{np.abs(dropped).max():.3g}"),
        (say("batch.gradient_gap"), f"{gap:.3g}"),
    ]
    listed = "\n".join(f"- {label}: **{value}**" for label, value in facts)
    return prose_html(listed) + prose_html(say("batch.gap_help"), caption=True)


def render_jacobian_sizes() -> None:
    st.header(say("batch.sizes"))
    columns = st.columns(3)
    batch = columns[0].number_input(say("batch.batch"), 1, 100_000, 128, key="size.N")
    n_in = columns[1].number_input("n_in", 1, 1_000_000, 1024, key="size.in")
    n_out = columns[2].number_input("n_out", 1, 1_000_000, 2048, key="size.out")
    full, gradient = batch * n_out * batch * n_in, batch * n_in
    lang = language()
    sections.prose(say("batch.size_table", full=grouped(full, lang), full_bytes=human_bytes(4 * full),
                    grad=grouped(gradient, lang), grad_bytes=human_bytes(4 * gradient)))  # fmt: skip
    sections.prose(say("batch.why_vjp"))


def human_bytes(n: int) -> str:
    """4294967296 → '4.0 GiB'."""
    if n < 1024:
        return f"{n} B"
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        n /= 1024
        if n < 1024 or unit == "TiB":
            return f"{n:,.1f} {unit}"
    raise AssertionError("unreachable")
