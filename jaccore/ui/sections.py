"""The sections a page is made of, in teaching order: question, inputs, output, Jacobian, from
Jacobian to gradient, check, code, downloads.

What follows the sliders is computed once per slider move as a View (the inputs on screen and
what the tape says about them) and drawn into the live panel; the sections around it (question,
inputs' heading, downloads) are drawn by the page's full run only.
"""

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import streamlit as st

from jaccore import equations, figures
from jaccore.catalog import Example
from jaccore.codegen import tensorflow_code
from jaccore.engine import (
    Analysis,
    InputError,
    JacobianSizeError,
    RunError,
    ShapeError,
    analyze,
    max_abs_difference,
    output_shape,
)
from jaccore.equations import sum_noise
from jaccore.expression import ExpressionError
from jaccore.markup import breakable, code_html, html_matrix, html_rows, literal, prose_html
from jaccore.notation import array_text, as_matrix, generic_blanks, shape_text
from jaccore.translations import Text, counted, grouped
from jaccore.ui.panel import Panel
from jaccore.ui.state import language, say
from jaccore.ui.widgets import reset, slider_defaults, slider_matrix, toggles, url_choice

if TYPE_CHECKING:  # the boxes' module draws with these sections
    from jaccore.ui.assembly import Attempt

UPSTREAM = "@v"  # key prefix of the upstream sliders: '@' cannot start an input's name
MAX_SLIDERS = 12  # per input (and for the upstream v); a larger input is shown, its values drawn at random
MAX_PAGE_SLIDERS = 48  # on one page: each costs the server and the browser on every move


@dataclass(frozen=True)
class View:
    """One state of a page: the inputs as its sliders hold them, and what the tape says about them."""

    example: Example
    values: Mapping[str, np.ndarray]
    analysis: Analysis  # with the upstream weights on screen (ones unless the reader set them)

    @property
    def y(self) -> str:
        return self.example.output_name

    @property
    def x(self) -> str:
        return self.analysis.wrt

    @property
    def noise(self) -> float:
        """Under this, a number of the gradient is round-off, drawn and written as 0 (equations.sum_noise)."""
        a = self.analysis
        return sum_noise(a.jacobian, a.upstream, [a.column_sums, a.gradient])

    def round_off_note(self, *arrays: np.ndarray) -> str:
        """A sentence saying that these arrays' round-off is written 0 ('' where they have none)."""
        zeroed = any(np.any((np.abs(a) < self.noise) & (a != 0)) for a in map(np.asarray, arrays))
        return say("example.round_off_note", noise=f"{self.noise:.1g}") if zeroed else ""


@dataclass
class OnScreen:
    """What the live section last drew, for the downloads, which are made at a click.

    The downloads sit below the fragment a slider move reruns (each element a fragment draws costs
    the browser time on every move), so they read the latest view from here.
    """

    view: View | None = None
    code: str = ""
    page: str = ""  # the page's title, for the notebook's first cell
    notebook: Callable[[], bytes] | None = None  # the take-away notebook of what the live section drew


def prose(markdown: str, caption: bool = False) -> None:
    """The app's sentences as escaped HTML (markup.prose_html), outside the live panel: subscripts
    such as J~g~ and n~in~ read as subscripts, which Streamlit's Markdown would strike through."""
    st.html(prose_html(markdown, caption))


def seed() -> int:
    """The playground's random seed (0 until the reader sets one)."""
    return int(st.session_state.get("seed", 0))


# Around the live section -------------------------------------------------------------------


def render_question(example: Example) -> None:
    """The title, what the page is for, the formula and the question it answers."""
    st.title(example.title(language()))
    if example.goal is not None:
        prose(example.goal(language()), caption=True)
    render_formula(example.formula)
    prose(f"**{example.question(language())}**")


def render_formula(latex: str, key: str = "jx-formula") -> None:
    """A formula centred as st.latex would draw it, but wrapping to the screen's width between its
    parts (markup.breakable): st.latex's one line is cut off on a phone, in a box that scrolls
    sideways with no cue and no focus."""
    with st.container(key=key):
        st.markdown(f"${breakable(latex)}$")


def render_remember(text: Text | str | None) -> None:
    """What to keep from the page, at its end: a few lines, in a box of their own."""
    if text is not None:
        said = text if isinstance(text, str) else text(language())
        box = prose_html(f"## {say('example.remember')}\n\n{said}")
        st.html(f'<div class="jx-remember" role="note">{box}</div>')


def choose_wrt(example: Example) -> str:
    if len(example.wrt) == 1:
        return example.wrt[0]
    options = {w: w for w in example.wrt}
    return url_choice(
        st.radio, say("example.wrt"), options, "wrt", example.wrt[0], horizontal=True, help=say("example.wrt_help")
    )


def render_inputs_header(inputs: Mapping[str, np.ndarray], held: bool = False) -> None:
    """The inputs' heading, notes on URL values that could not be used, and the reset button (not
    while the sliders are `held` for the learner's predictions)."""
    st.header(say("example.inputs"))
    st.caption(say("example.inputs_hint"))
    defaults = slider_defaults(inputs)
    icon = ":material/restart_alt:"
    st.button(say("example.reset"), on_click=reset_inputs, args=(defaults,), key="reset", icon=icon, disabled=held)


def reset_inputs(defaults: dict[str, float]) -> None:
    """The reset button: every input's slider back to its start, and the upstream weights v to ones."""
    reset(defaults)
    for key in [key for key in st.session_state if str(key).startswith(f"{UPSTREAM}.")]:
        st.session_state[key] = 1.0


def choose_views(example: Example, wrt: str, *keys: str) -> dict[str, bool]:
    """The view switches (flat Jacobian, upstream weights, the check) above the sliders, folded away
    under "Going further" until opened (open while one of them is on).

    Outside the fragment: a slider move does not redraw them; flipping one reruns the page.
    """
    labels = {
        "flat": say("example.flatten", y=example.output_name, x=wrt),
        "weights": say("example.upstream"),
        "check": say("example.check_switch"),
    }
    on = any(st.session_state.get(key, st.query_params.get(key, "").lower() == "true") for key in keys)
    with st.expander(say("example.further"), expanded=bool(on), key="further", icon=":material/explore:"):
        return toggles({key: labels[key] for key in keys})


# The live section: what a slider move redraws ----------------------------------------------


def render_sliders(example: Example, held: bool = False) -> dict[str, np.ndarray]:
    """A slider per element of every input, laid out in the input's shape (disabled while `held`);
    returns the values."""
    values = {}
    # Columns side by side for several inputs, each as wide as its sliders across need (a column
    # vector's one slider a row a little more); none for one (each container is sent on every move).
    several = len(example.inputs) > 1
    across = [max(1.5, as_matrix(value).shape[1]) for value in example.inputs.values()]
    columns = st.columns(across, gap="medium") if several else [contextlib.nullcontext()]
    room = MAX_PAGE_SLIDERS
    for column, (name, default) in zip(columns, example.inputs.items(), strict=True):
        with column:
            if default.size > min(MAX_SLIDERS, room):
                why = "playground.too_many_sliders" if default.size > MAX_SLIDERS else "playground.page_full"
                note = say(why, name=name, n=default.size, seed=seed(), most=MAX_PAGE_SLIDERS)
                heading = prose_html(f"**{name}** {tuple(default.shape)}")
                st.html(heading + html_matrix(name, default) + prose_html(note, caption=True))
                values[name] = default
            else:
                values[name] = slider_matrix(name, name, default, example.value_range, example.step, held)
                room -= default.size
    return values


def earlier_values(example: Example, wrt: str, values: Mapping[str, np.ndarray], page: str = "") -> dict[str, dict]:
    """The inputs at the starting values ("start") and just before the last slider move ("before"), where
    they differ from the values now: a number right there, typed now, is a stale one. Kept per page,
    example and x in the session ('@' starts no widget's key)."""
    key = f"@before.{page or example.slug}.{example.slug}.{wrt}"
    now = {name: np.array(value) for name, value in values.items()}
    last, before = st.session_state.get(key, (None, None))
    if last is not None and not same_values(last, now):
        before = last
    st.session_state[key] = (now, before)
    start = dict(example.inputs)
    found = {"start": start, "before": None if before is None or same_values(before, start) else before}
    return {when: v for when, v in found.items() if v is not None and not same_values(v, now)}


def same_values(a: Mapping[str, np.ndarray], b: Mapping[str, np.ndarray]) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[name], b[name]) for name in a)


def analyzed(example: Example, values: dict, wrt: str, weights: bool, check: bool = False) -> View | None:
    """The view of these values (with upstream sliders when `weights`, finite differences when
    `check`), or None after saying why not."""
    try:
        upstream = upstream_sliders(example, output_shape(example.fn, values, wrt)) if weights else None
        return View(example, values, analyze(example.fn, values, wrt, upstream=upstream, finite_differences=check))
    except ExpressionError as error:
        st.error(error.message(language()), icon="✋")
    except JacobianSizeError as error:
        sizes = dict(size=grouped(error.size, language()), limit=grouped(error.limit, language()))
        st.error(say("playground.too_large", **sizes), icon="✋")
    except RunError as error:
        st.error(say("note.run_failed", shapes=error.shapes, reason=literal(error.reason, limit=200)), icon="✋")
    except ShapeError as error:
        st.error(say("note.shapes", shapes=error.shapes, reason=literal(error.reason, limit=200)), icon="✋")
    except InputError as error:
        st.error(say("note.bad_input", reason=literal(str(error), limit=200)), icon="✋")
    return None


def upstream_sliders(example: Example, y_shape: tuple[int, ...]) -> np.ndarray | None:
    """The upstream weights v, one slider per output element, below the inputs' sliders (None, with
    a note, when there are too many: each slider costs the server and the browser on every move)."""
    size = int(np.prod(y_shape, dtype=np.int64))
    if size > MAX_SLIDERS:
        st.info(say("example.too_many_outputs", y=example.output_name, n=size, most=MAX_SLIDERS))
        return None
    return slider_matrix(UPSTREAM, "v", np.ones(y_shape, np.float32), (-3.0, 3.0), 0.5)


def render_notes(panel: Panel, view: View) -> None:
    """What the pictures below would mislead about (a softmax along an axis of one element)."""
    notes = view.example.notes(view.values, language()) if view.example.notes else []
    for note in notes:
        panel.html(f'<div class="jx-note" role="note">{prose_html(note)}</div>')


def render_output(panel: Panel, view: View) -> None:
    analysis = view.analysis
    shape = say("example.shape_of", shape=tuple(analysis.output.shape))
    heading = prose_html(f"## {say('example.output')}")
    panel.html(heading + html_matrix(view.y, analysis.output) + prose_html(shape, caption=True))
    if analysis.nonfinite:
        st.warning(say("example.nonfinite"))  # rare: its own element, above the panel


def shape_sentence(y: str, x: str, jacobian: np.ndarray, y_ndim: int) -> str:
    """'Shape = C.shape + A.shape: (2, 2) + (2, 2) = (2, 2, 2, 2), 16 partial derivatives.'"""
    ys, xs = jacobian.shape[:y_ndim], jacobian.shape[y_ndim:]
    n = counted(jacobian.size, language(), "partial derivative", "partial derivatives", "đạo hàm riêng")
    return say("example.jacobian_shape", y=y, x=x, ys=shape_text(ys), xs=shape_text(xs),
               js=shape_text(jacobian.shape), n=n)  # fmt: skip


def insight(view: View) -> str:
    """What the slices look like, and why, with the numbers of the gradient on screen."""
    text = view.example.insights.get(view.x)
    if text is None:
        return ""
    sums = view.analysis.column_sums
    return text(language(), gradient=array_text(sums, view.noise)) + " " + view.round_off_note(sums)


def render_jacobian(panel: Panel, view: View, flat: bool, explained: bool = True) -> None:
    """The shape sentence, what the slices are (`explained`: with the gradient they add up to, once it is
    no longer the learner's to build), and the slices as a grid shaped like y (or the flat matrix)."""
    analysis, y, x = view.analysis, view.y, view.x
    shape = shape_sentence(y, x, analysis.jacobian, analysis.output.ndim)
    y_shape = analysis.output.shape
    text = prose_html(f"## {say('example.jacobian')}\n\n{shape}\n\n{insight(view) if explained else ''}")
    if flat:
        panel.html(text + prose_html(say("example.flat_caption", y=y, x=x), caption=True))
        panel.figure(figures.flat_matrix(analysis.jacobian, y_shape, y, x, word=say("panel.round_off")), "flat_chart")
    else:
        caption = say("example.slices_caption", x=x, **generic_blanks(y, len(y_shape), x, np.ndim(view.values[x])))
        if figures.slices_in_a_row(y_shape):
            caption += " " + say("example.slices_in_a_row", y=y, x=x, shape=shape_text(y_shape))
        panel.html(text + prose_html(caption, caption=True))
        panel.figure(figures.slice_grid(analysis.jacobian, y_shape, y, x, say("panel.round_off")), "slices")


def render_column_sums(panel: Panel, view: View, revealed: bool = True) -> None:
    """The flat Jacobian; once `revealed`, its column sums Σ under their columns, in one colour scale,
    then the sums beside tape.gradient (the lesson's core)."""
    analysis, y, x = view.analysis, view.y, view.x
    text = say("example.flat_caption", y=y, x=x) + (" " + say("lesson.sum_row", y=y) if revealed else "")
    panel.html(prose_html(f"## {say('lesson.flat_heading')}") + prose_html(text, caption=True))
    sums = analysis.column_sums if revealed else None
    flat = figures.flat_matrix(analysis.jacobian, analysis.output.shape, y, x, sums=sums, word=say("panel.round_off"))
    panel.figure(flat, "flat_chart")
    if revealed:
        rows = {say("lesson.column_sums"): analysis.column_sums, say("example.tape_gradient"): analysis.gradient}
        note = view.round_off_note(*rows.values())
        why = say("lesson.why", x=x, y=y, **generic_blanks(y, analysis.output.ndim, x, np.ndim(view.values[x])))
        panel.html(html_rows(rows, x, view.noise) + prose_html(f"{why} {note}"))


def render_sum(panel: Panel, view: View, built: "Attempt | None" = None, heading: str = "example.to_gradient") -> None:
    """Slices + … = gradient, weighted by the upstream v (ones unless set). Where the learner builds it
    (`built`), the result is the learner's grid, then, once right, beside what the tape returned; the
    sum itself shows once the build is done or no longer asked for."""
    analysis, y, x = view.analysis, view.y, view.x
    text = f"## {say(heading)}\n\n{say('example.to_gradient_intro', y=y, x=x)}"
    if not np.all(analysis.upstream == 1):
        text += "\n\n" + say("example.vjp_note", y=y, x=x, shape=tuple(analysis.output.shape))
    panel.html(prose_html(text))
    tape, word = say("example.tape_gradient"), say("panel.round_off")
    if built is None or (built.revealed and not built.built):
        labels = (tape, say("example.versus"))
        figure = equations.sum_equation(analysis.jacobian, analysis.upstream, analysis.gradient, y, x, labels, word,
                                        say("example.own_scale"))  # fmt: skip
    else:
        labels = (say("build.yours", x=x), tape, say("example.versus"))
        gradient = analysis.gradient if built.built else None
        figure = equations.assembled_equation(analysis.jacobian, analysis.upstream, built.typed, built.wrong, gradient,
                                            y, x, labels, word)  # fmt: skip
    panel.figure(figure, "sum")
    if note := own_scale_note(figure):
        panel.html(prose_html(note, caption=True))


def own_scale_note(figure: dict) -> str:
    """What a sum drawn on a scale of its own says of it ('' where it shares the slices')."""
    layout = figure["layout"]
    if "coloraxis2" not in layout:
        return ""
    shared, own = (f"±{layout[axis]['cmax']:.3g}" for axis in ("coloraxis", "coloraxis2"))
    return say("example.own_scale_note", shared=shared, own=own)


def render_tape_returns(panel: Panel, view: View) -> None:
    """What tape.gradient returned, and how far the sum of the slices is from it."""
    analysis, x = view.analysis, view.x
    returned = prose_html(say("example.tape_returns")) + html_matrix("∇", analysis.gradient, x, noise=view.noise)
    if note := view.round_off_note(analysis.gradient):
        returned += prose_html(note, caption=True)
    agrees = prose_html(say("example.sum_vs_tape", err=f"{analysis.sum_error:.2g}"))
    panel.html(f'<div class="jx-row"><div>{returned}</div>{agrees}</div>')


def render_check(panel: Panel, view: View) -> None:
    """The largest differences from the closed form and from finite differences, as a list."""
    analysis, example = view.analysis, view.example
    errors = [analysis.finite_difference_error]
    fd = f"- {say('example.check_fd')}: **{errors[0]:.2g}**"
    if example.closed_form is None:
        closed = f"- {say('playground.no_closed_form')}"
    else:
        exact = example.closed_form({n: v.astype(np.float64) for n, v in view.values.items()}, view.x)
        errors.append(max_abs_difference(analysis.jacobian, exact))
        closed = f"- {say('example.check_closed')}: **{errors[-1]:.2g}**"
    worst = float(np.nan if np.isnan(errors).any() else max(errors))  # Python's max keeps a NaN only if first
    panel.html(prose_html(f"## {say('example.check')}\n\n{closed}\n{fd}\n\n{check_verdict(worst, view)}"))


def check_verdict(err: float, view: View) -> str:
    """What the larger difference says, measured against the partial derivatives it is a difference of."""
    if err == 0:
        return say("example.check_exact")
    if np.isnan(err):  # a NaN compares as neither agreeing nor differing
        return say("example.check_nan")
    finite = np.abs(view.analysis.jacobian[np.isfinite(view.analysis.jacobian)])
    scale = max(float(finite.max(initial=0.0)), 1.0)
    key = "example.check_agree" if err <= 1e-4 * scale else "example.check_differ"
    return say(key, err=f"{err:.2g}", rel=f"{err / scale:.1g}", scale=f"{scale:.3g}")


def render_code(panel: Panel, view: View) -> str:
    """The TensorFlow script that prints what the page shows; returned for its download."""
    code = tensorflow_code(view.example, view.values, view.x, view.analysis.upstream, language())
    panel.html(prose_html(f"## {say('example.code')}") + code_html(code))
    return code
