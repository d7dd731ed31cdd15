"""A training step: v = ∂L/∂Y drawn, tape.gradient(L, W) as ∂Y/∂W's slices weighted by it, the bias's
gradient summed over the batch, per-example gradients as the rows of tape.jacobian(ℓ, W), timed four
ways; and the digit classifier's per-example gradients over a batch of 6 images."""

import numpy as np
import streamlit as st

from jaccore import equations, figures
from jaccore.catalog.training import (
    FORMULAS,
    INPUTS,
    LABELS,
    LOSS_NAMES,
    STEP,
    VALUE_RANGE,
    closed_upstream,
    one_hot,
)
from jaccore.classifier import digits
from jaccore.engine import max_abs_difference
from jaccore.markup import html_matrix, prose_html
from jaccore.notation import array_text, number_text, shape_text
from jaccore.sitemap import Page
from jaccore.takeaway import notebook_bytes, training_cells
from jaccore.training import BATCHES, Step, digit_batch, time_per_example, training_step
from jaccore.translations import grouped
from jaccore.ui import files, sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.quiz import quiz
from jaccore.ui.state import language, say
from jaccore.ui.widgets import slider_matrix, url_choice, whole_number_input

BATCH = 6  # images in the classifier's batch
TIMED = "training.timed"  # this session's measurements, by batch size
ASKED = "training.asked"  # Measure pressed, not yet measured


def render_training(page: Page) -> None:
    st.title(page.title(language()))
    sections.prose(say("training.goal"), caption=True)
    sections.prose(say("training.intro"))
    networks = {"layer": say("training.layer"), "digits": say("training.digits")}
    network = url_choice(st.radio, say("training.network"), networks, "network", "layer", horizontal=True)
    on_screen = sections.OnScreen(page=page.title(language()))
    if network == "digits":
        live_digits()
    else:
        losses = {name: text(language()) for name, text in LOSS_NAMES.items()}
        loss = url_choice(st.radio, say("training.loss"), losses, "loss", "mse", horizontal=True)
        sections.render_formula(FORMULAS[loss])
        render_questions()
        sections.render_inputs_header(INPUTS)
        live_layer(loss, on_screen)
        files.render_notebook_download(f"notebook_{page.slug}_{loss}.ipynb", on_screen)
    render_timing()
    sections.render_remember(say("training.remember"))


def render_questions() -> None:
    """Shapes, asked before the answers: they hold whatever the sliders say."""
    st.header(say("quiz.title"))
    (B, n), m = INPUTS["X"].shape, INPUTS["W"].shape[1]
    ys, bs, ms, bsz, ws = shape_text((B, m)), shape_text((m,)), shape_text((m, m)), shape_text((B,)), shape_text((n, m))
    quiz("quiz.training.bias", say("training.q_bias", ys=ys, bs=bs), [
        ((m,), bs, say("training.why_bias")),
        ((B, m), ys, say("training.why_bias_rows", ys=ys)),
        ((m, m), ms, say("training.why_bias_identity", ms=ms)),
        ((1,), "(1,)", say("training.why_bias_scalar", bs=bs)),
        ((B,), bsz, say("training.why_bias_losses", bsz=bsz)),
    ])  # fmt: skip
    js, flat = shape_text((B, n, m)), shape_text((B, n * m))
    quiz("quiz.training.per_example", say("training.q_per_example", bsz=bsz, ws=ws), [
        ((B, n, m), js, say("training.why_per_example")),
        ((n, m), ws, say("training.why_summed", ws=ws)),
        ((B, m, n, m), shape_text((B, m, n, m)), say("training.why_layer", js=shape_text((B, m, n, m)))),
        ((B, n * m), flat, say("training.why_flat", flat=flat)),
    ])  # fmt: skip


@live
def live_layer(loss: str, on_screen: sections.OnScreen) -> None:
    values = {name: slider_matrix(name, name, INPUTS[name], VALUE_RANGE, STEP) for name in ("X", "W", "b")}
    values["T"] = targets(loss)
    step = training_step(values, loss)
    panel = Panel()
    render_outputs(panel, step)
    render_upstream(panel, step, values)
    render_weights(panel, step, values)
    render_bias(panel, step)
    render_per_example(panel, step)
    panel.show()
    lang = language()
    on_screen.notebook = lambda: notebook_bytes(training_cells(values, loss, on_screen.page, lang))


def targets(loss: str) -> np.ndarray:
    """T: the squared error's targets (sliders), or the cross-entropy's labels as one-hot rows."""
    if loss == "mse":
        return slider_matrix("T", "T", INPUTS["T"], VALUE_RANGE, STEP)
    classes = INPUTS["W"].shape[1]
    options = {str(c): str(c) for c in range(classes)}
    st.html(prose_html(f"**{say('training.labels')}**"))
    with st.container(horizontal=True, wrap=True, key="jx-row-labels"):
        labels = [int(url_choice(st.radio, say("training.label", b=b), options, f"label.{b}", str(c), horizontal=True))
                  for b, c in enumerate(LABELS)]  # fmt: skip
    return one_hot(tuple(labels), classes)


def render_outputs(panel: Panel, step: Step) -> None:
    losses = array_text(step.per_example.output)
    text = say("training.losses", losses=f"`{losses}`", value=number_text(step.value))
    panel.html(prose_html(f"## {say('training.outputs')}") + html_matrix("Y", step.outputs) + prose_html(text))


def render_upstream(panel: Panel, step: Step, values: dict) -> None:
    """v = ∂L/∂Y as a picture shaped like Y, and the closed form it is checked against."""
    closed = closed_upstream(step.loss, step.outputs, values["T"])
    key = "training.upstream_mse" if step.loss == "mse" else "training.upstream_cross_entropy"
    text = say(key, ys=shape_text(closed.shape), err=difference(step.upstream, closed))
    panel.html(prose_html(f"## {say('training.upstream')}\n\n{text}"))
    panel.figure(figures.panels_in_a_row([step.upstream], ["v = ∂L/∂Y"], ["Y"], say("panel.round_off")), "upstream")


def render_weights(panel: Panel, step: Step, values: dict) -> None:
    closed = np.asarray(values["X"], np.float64).T @ np.asarray(step.upstream, np.float64)
    text = say("training.weights_text", js=shape_text(step.weights.jacobian.shape),
               err=difference(step.loss_weights, step.weights.gradient),
               closed=difference(step.loss_weights, closed))  # fmt: skip
    render_section(panel, say("training.weights"), text, step.weights, "Y", "W", "weights")


def render_bias(panel: Panel, step: Step) -> None:
    a = step.bias
    text = say("training.bias_text", bs=shape_text(a.gradient.shape), ys=shape_text(step.upstream.shape),
               err=difference(step.loss_bias, a.gradient),
               closed=difference(step.loss_bias, step.upstream.sum(axis=0)))  # fmt: skip
    render_section(panel, say("training.bias"), text, a, "Y", "b", "bias")


def render_per_example(panel: Panel, step: Step) -> None:
    a = step.per_example
    text = say("training.per_example_text", bs=shape_text(a.output.shape), js=shape_text(a.jacobian.shape),
               err=difference(a.jacobian.mean(axis=0), step.loss_weights))  # fmt: skip
    render_section(panel, say("training.per_example", x="W"), text, a, "ℓ", "W", "per_example")


def difference(a: np.ndarray, b: np.ndarray) -> str:
    return f"{max_abs_difference(a, b):.2g}"


def render_section(panel: Panel, heading: str, text: str, a, y: str, x: str, name: str) -> None:
    """A heading, what the picture shows and checks, then the weighted slices adding up to the gradient."""
    panel.html(prose_html(f"## {heading}\n\n{text}"))
    render_sum(panel, a, y, x, name)


def render_sum(panel: Panel, a, y: str, x: str, name: str) -> None:
    labels = (say("example.tape_gradient"), say("example.versus"))
    figure = equations.sum_equation(a.jacobian, a.upstream, a.gradient, y, x, labels, say("panel.round_off"),
                                    say("example.own_scale"))  # fmt: skip
    panel.figure(figure, name)
    if note := sections.own_scale_note(figure):
        panel.html(prose_html(note, caption=True))


@live
def live_digits() -> None:
    """The classifier's cross-entropy over 6 images: per-example gradients of b2, and their sum."""
    count = len(digits()[1])
    first = whole_number_input(say("training.digits_first", last=count - 1), "first", 0, count - 1, 0, st.slider)
    indices = (first + np.arange(BATCH)) % count
    batch = digit_batch(indices)
    a = batch.per_example
    lang = language()
    size = batch.hidden * 10
    text = say("training.digits_text", first=indices[0], last=indices[-1], labels=", ".join(map(str, batch.labels)))
    weights = say("training.digits_weights", hidden=batch.hidden, size=grouped(size, lang),
                  total=grouped(size * BATCH, lang))  # fmt: skip
    panel = Panel("digits.panel")
    render_section(panel, say("training.per_example", x="b2"), text, a, "ℓ", "b2", "digits")
    panel.html(prose_html(weights, caption=True))
    panel.show()


def render_timing() -> None:
    """The four ways timed on this server at a click, for the three batch sizes."""
    st.header(say("training.timing"))
    sections.prose(say("training.timing_intro"))
    timed = st.session_state.setdefault(TIMED, {})
    # A request kept in the session, not the button's value: the page may run again before it gets here.
    st.button(say("training.measure"), key="measure", icon=":material/timer:", on_click=st.session_state.update,
              kwargs={ASKED: True})  # fmt: skip
    if st.session_state.pop(ASKED, False):
        with st.spinner(say("training.measuring")):
            for batch in BATCHES:
                timed[batch] = time_per_example(batch)
    if not timed:
        sections.prose(say("training.not_measured"), caption=True)
        return
    cell = lambda ms, way: f"{ms[way]:.3g} ms" if way in ms else "—"  # noqa: E731
    rows = "\n".join(
        f"| {b} | {cell(ms, 'pfor')} | {cell(ms, 'while_loop')} | {cell(ms, 'python_loop')} | "
        f"{cell(ms, 'batch_jacobian')} |"
        for b, ms in sorted(timed.items())
    )
    sections.prose(say("training.table", rows=rows) + "\n\n" + say("training.table_note"))
