"""Row by row or column by column: a small layer's Jacobian built one pass at a time, stepped by the
learner; then a tall or wide layer timed in both modes, where each one wins."""

import numpy as np
import streamlit as st

from jaccore import figures
from jaccore.catalog import LAYER
from jaccore.engine import analyze, max_abs_difference, output_shape
from jaccore.markup import prose_html
from jaccore.modes import (
    MAX_LOOPED_PASSES,
    MAX_TIMED_ELEMENTS,
    Built,
    jacobian_by_columns,
    jacobian_by_rows,
    time_modes,
)
from jaccore.notation import element_indices, index_label
from jaccore.sitemap import Page
from jaccore.takeaway import modes_cells, notebook_bytes
from jaccore.translations import grouped
from jaccore.ui import files, sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.quiz import quiz
from jaccore.ui.state import language, note_slider, say
from jaccore.ui.widgets import from_link, note_link, url_choice

SIZES = ("10", "30", "100", "300", "1000", "3000")  # n_out and n_in of the timed layer
TIMED = "modes.timed"  # session state: measurements by (n_out, n_in)


def render_modes(page: Page) -> None:
    st.title(page.title(language()))
    sections.prose(say("modes.intro"))
    sections.render_formula(LAYER.formula)
    wrt = sections.choose_wrt(LAYER)
    options = {"rows": say("modes.rows"), "columns": say("modes.columns")}
    mode = url_choice(st.radio, say("modes.pick"), options, "mode", "rows", horizontal=True)
    sections.render_inputs_header(LAYER.inputs)
    on_screen = sections.OnScreen(page=page.title(language()))
    live_modes(mode, wrt, on_screen)
    files.render_notebook_download(f"notebook_{page.slug}_{mode}_{wrt}.ipynb", on_screen)
    render_timing()
    render_self_check(wrt)


@live
def live_modes(mode: str, wrt: str, on_screen: sections.OnScreen) -> None:
    values = sections.render_sliders(LAYER)
    build = jacobian_by_rows if mode == "rows" else jacobian_by_columns
    built = build(LAYER.fn, values, wrt)
    done = passes_run(mode, wrt, built.passes)
    lang = language()  # read here: the notebook is made at the click, outside this run
    on_screen.notebook = lambda: notebook_bytes(modes_cells(values, wrt, mode, done, on_screen.page, lang))
    panel = Panel()
    panel.html(prose_html(f"## {say('modes.matrix')}") + prose_html(pass_sentence(built, mode, wrt, done)))
    built_so_far = partly_built(built, mode, done)
    panel.figure(figures.flat_matrix(built_so_far, built.output_shape, "y", wrt, word=say("panel.round_off")), "built")
    if done == built.passes:
        err = max_abs_difference(built.jacobian, analyze(LAYER.fn, values, wrt).jacobian)
        panel.html(prose_html(say("modes.done", total=built.passes, y="y", x=wrt, err=f"{err:.2g}")))
    rows, columns = int(np.prod(built.output_shape)), values[wrt].size
    panel.html(prose_html(say("modes.count", rows=rows, columns=columns, y="y", x=wrt)))
    panel.show()


def passes_run(mode: str, wrt: str, total: int) -> int:
    """The stepper, kept in the URL; one per mode and input, since each has its own number of passes."""
    key = f"passes.{mode}.{wrt}"
    given = from_link(key)
    done = st.slider(say("modes.passes"), 0, total, 1, key=key, bind="query-params")
    note_slider(key, done)
    note_link(key, given, done, int, "note.bad_url", lo=0, hi=total, step=1)
    return done


def partly_built(built: Built, mode: str, done: int) -> np.ndarray:
    """The flat Jacobian with the rows (or columns) not yet built left empty (NaN: a blank cell)."""
    flat = np.full(built.rows.shape, np.nan, np.float32)
    if mode == "rows":
        flat[:done] = built.rows[:done]
    else:
        flat[:, :done] = built.rows[:, :done]
    return flat.reshape(built.jacobian.shape)


def pass_sentence(built: Built, mode: str, wrt: str, done: int) -> str:
    if done == 0:
        what = say("modes.output_element" if mode == "rows" else "modes.input_element")
        return say("modes.none_yet", total=built.passes, what=what)
    n = done - 1
    if mode == "rows":
        yi = index_label("y", element_indices(built.output_shape)[n])
        return say("modes.pass_row", n=done, total=built.passes, y="y", x=wrt, yi=yi, r=n)
    x_shape = built.jacobian.shape[len(built.output_shape) :]
    xk = index_label(wrt, element_indices(x_shape)[n])
    return say("modes.pass_column", n=done, total=built.passes, y="y", x=wrt, xk=xk, c=n)


def render_timing() -> None:
    """Both modes timed on a layer the learner shapes, at a click (each new shape traces its graphs)."""
    st.header(say("modes.timing"))
    sections.prose(say("modes.timing_intro"))
    sizes = {size: size for size in SIZES}
    left, right = st.columns(2)
    with left:
        n_out = int(url_choice(st.select_slider, r"$n_\text{out}$", sizes, "n_out", "3000"))
    with right:
        n_in = int(url_choice(st.select_slider, r"$n_\text{in}$", sizes, "n_in", "10"))
    if n_out * n_in > MAX_TIMED_ELEMENTS:
        lang = language()
        size, limit = grouped(n_out * n_in, lang), grouped(MAX_TIMED_ELEMENTS, lang)
        st.info(say("modes.too_big", n_out=n_out, n_in=n_in, size=size, limit=limit))
        return
    timed = st.session_state.setdefault(TIMED, {})
    if st.button(say("modes.measure"), key="measure", icon=":material/timer:"):
        with st.spinner(say("modes.measuring")):  # one measurement at a time on the server
            timed[(n_out, n_in)] = time_modes(n_out, n_in)
    if (n_out, n_in) in timed:
        sections.prose(timing_table(timed[(n_out, n_in)], n_out, n_in))
    else:
        sections.prose(say("modes.not_measured", n_out=n_out, n_in=n_in), caption=True)
    sections.prose(say("modes.what_tape_does"))


def timing_table(ms: dict[str, float], n_out: int, n_in: int) -> str:
    looped = f"{ms['rows_looped']:.3g} ms" if "rows_looped" in ms else say("modes.not_looped", n=MAX_LOOPED_PASSES)
    table = say("modes.table", rows_passes=n_out, columns_passes=n_in, rows=f"{ms['rows']:.3g}",
                columns=f"{ms['columns']:.3g}", looped=looped, eager=f"{ms['eager']:.3g}")  # fmt: skip
    names = {"rows": say("modes.rows_short"), "columns": say("modes.columns_short")}
    winner, loser = sorted(names, key=ms.get)
    ratio = ms[loser] / max(ms[winner], 1e-9)
    busy = "\n\n" + say("modes.busy", n=int(ms["others"])) if ms["others"] else ""
    return table + "\n\n" + say("modes.winner", winner=names[winner], loser=names[loser], ratio=ratio) + busy


def render_self_check(wrt: str) -> None:
    st.header(say("quiz.title"))
    y_shape = output_shape(LAYER.fn, LAYER.inputs, wrt)
    x_shape = LAYER.inputs[wrt].shape
    rows, columns = int(np.prod(y_shape)), int(np.prod(x_shape))
    blanks = dict(y="y", x=wrt, n=rows, m=columns)
    options = [
        (rows, str(rows), say("modes.why", **blanks)),
        (columns, str(columns), say("modes.why_columns", **blanks)),
        (1, "1", say("modes.why_one", **blanks)),
        (rows * columns, str(rows * columns), say("modes.why_entries", **blanks)),
    ]
    quiz(f"quiz.passes.{wrt}", say("modes.q", y="y", x=wrt, ys=y_shape, xs=tuple(x_shape)), options)
