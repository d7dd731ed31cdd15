"""A digit classifier's Jacobian: ten slices ∂logits[c]/∂image, their sum, the saliency map of one
class (output_gradients = one-hot), the probabilities' gradient that is zero and its fix, and
batch_jacobian over a batch of images."""

import numpy as np
import streamlit as st

from jaccore import equations, figures
from jaccore.classifier import HELD_OUT, TRAINED_ON, WEIGHTS, Reading, digits, mistakes, read_batch, read_digit, reads
from jaccore.engine import max_abs_difference
from jaccore.markup import class_table, image_html, prose_html
from jaccore.sitemap import Page
from jaccore.takeaway import digits_cells, notebook_bytes
from jaccore.translations import grouped
from jaccore.ui import files, sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.predict import predictions_off
from jaccore.ui.quiz import quiz
from jaccore.ui.state import language, say
from jaccore.ui.widgets import url_choice, whole_number_input

FIRST = TRAINED_ON  # the first held-out image: the page opens on a digit the network never saw
BATCH = 6  # images in the batch of batch_jacobian


def render_digits(page: Page) -> None:
    st.title(page.title(language()))
    labels = digits()[1]
    held_out = len(labels[HELD_OUT])
    right = held_out - int(np.sum(mistakes() >= TRAINED_ON))
    trained = grouped(TRAINED_ON, language())
    sections.prose(say("digits.intro", trained=trained, right=right, held_out=held_out))
    if not predictions_off():
        render_questions("digits.predict")
    on_screen = sections.OnScreen(page=page.title(language()))
    live_digits(on_screen)
    st.header(say("digits.batch", b=BATCH))
    live_batch()
    files.render_notebook_download(f"notebook_{page.slug}.ipynb", on_screen)
    if predictions_off():  # a teacher's ?predict=off: the same questions, after the pictures
        render_questions("quiz.title")


def render_questions(heading: str) -> None:
    st.header(say(heading))
    shapes = [
        ((10, 8, 8), "(10, 8, 8)", say("digits.why_shape")),
        ((8, 8, 10), "(8, 8, 10)", say("digits.why_reversed")),
        ((8, 8), "(8, 8)", say("digits.why_gradient")),
        ((10, 64), "(10, 64)", say("digits.why_flat")),
    ]
    quiz("quiz.digits.shape", say("digits.q_shape"), shapes)
    returns = [
        ("zeros", say("digits.zeros"), say("digits.why_zeros")),
        ("saliency", say("digits.saliency_option"), say("digits.why_saliency")),
        ("jacobian", say("digits.jacobian_option"), say("digits.why_jacobian")),
        ("none", say("digits.none_option"), say("digits.why_none")),
    ]
    quiz("quiz.digits.zero", say("digits.q_zero"), returns)


def next_mistake() -> None:
    """The button: the next image after the one shown that the network reads wrong (round the set)."""
    wrong = mistakes()
    after = wrong[wrong > int(st.session_state.get("image", FIRST))]
    st.session_state["image"] = int(after[0] if after.size else wrong[0])


def choose_image(last: int) -> int:
    """The image's slider (kept in the URL as ?image=n), and the button to the next mistake beside it."""
    help_text = say("digits.image_help", trained_last=TRAINED_ON - 1, held_first=TRAINED_ON, last=last)
    with st.container(horizontal=True, vertical_alignment="bottom"):
        n = whole_number_input(say("digits.image", last=last), "image", 0, last, FIRST, st.slider, help=help_text)
        st.button(say("digits.mistake"), on_click=next_mistake, key="mistake", icon=":material/skip_next:")
    return n


@live
def live_digits(on_screen: sections.OnScreen) -> None:
    images, labels = digits()
    n = choose_image(len(labels) - 1)
    image = images[n]
    predicted = reads(image)
    classes = {"read": say("digits.class_read", c=predicted), **{str(c): str(c) for c in range(10)}}
    chosen = url_choice(st.radio, say("digits.class"), classes, "class", "read", horizontal=True)
    c = predicted if chosen == "read" else int(chosen)
    outputs = {"logits": "logits", "probabilities": "probabilities = softmax(logits)"}
    output = url_choice(st.radio, say("digits.output"), outputs, "output", "logits", horizontal=True)
    weights = {"ones": say("digits.upstream_ones"), "one_hot": say("digits.upstream_one_hot", c=c)}
    upstream = url_choice(st.radio, say("digits.upstream"), weights, "upstream", "ones", horizontal=True)
    reading = read_digit(image, c)
    lang = language()  # read here: the notebook is made at the click, outside this run
    on_screen.notebook = lambda: notebook_bytes(digits_cells(n, image, c, WEIGHTS.read_bytes(), on_screen.page, lang))
    panel = Panel()
    render_reading(panel, n, int(labels[n]), reading)
    render_slices(panel, reading, output, upstream)
    if output == "probabilities":  # the trap on screen: its fix beside it
        render_fix(panel, reading)
    else:  # one chart fewer to redraw on every move (~25 ms in Chromium)
        panel.html(prose_html(f"## {say('digits.fix')}\n\n{say('digits.fix_hint')}"))
    panel.show()


def render_reading(panel: Panel, n: int, label: int, reading: Reading) -> None:
    """The picture, the sentence of what the network reads, and the ten classes' logits and probabilities."""
    held_out = len(digits()[1][HELD_OUT])
    seen = say("digits.trained" if n < TRAINED_ON else "digits.held_out", n=n, label=label, held_out=held_out)
    p = reading.p[reading.predicted]
    verdict = say("digits.right" if reading.predicted == label else "digits.wrong", predicted=reading.predicted,
                  p=f"{p:.3g}")  # fmt: skip
    picture = image_html(digits()[0][n], say("digits.picture", n=n, label=label))
    columns = {"logits": reading.logits.output, "probabilities": reading.p}
    table = class_table(columns, say("digits.class_column"), reading.predicted, "probabilities")
    heading = prose_html(f"## {say('digits.reads')}\n\n{seen} {verdict}")
    panel.html(f'{heading}<div class="jx-row">{picture}{table}</div>')


# The sum's heading and explanation, for each output and upstream weights v.
SUMS = {
    ("logits", "ones"): ("digits.sum", "digits.sum_text"),
    ("logits", "one_hot"): ("digits.saliency", "digits.saliency_text"),
    ("probabilities", "ones"): ("digits.trap", "digits.trap_text"),
    ("probabilities", "one_hot"): ("digits.one_probability", "digits.one_probability_text"),
}


def render_slices(panel: Panel, reading: Reading, output: str, upstream: str) -> None:
    """The ten slices of the output (logits or probabilities), then their sum weighted by the upstream
    v: ones (what tape.gradient returns without output_gradients) or one-hot c (class c's slice alone)."""
    analysis, c, word = reading.weighted(output, upstream), reading.c, say("panel.round_off")
    shape = sections.shape_sentence(output, "image", analysis.jacobian, 1)
    text = f"## {say('digits.slices', y=output)}\n\n{shape}"
    panel.html(prose_html(text) + prose_html(say("digits.slices_caption", y=output), caption=True))
    grid = figures.slice_grid(analysis.jacobian, (10,), output, "image", word, (2, 5))
    panel.figure(figures.as_pixels(grid), "slices")
    zero, largest = np.abs(analysis.gradient).max(), np.abs(analysis.jacobian).max()
    heading, explanation = SUMS[output, upstream]
    text = say(explanation, c=c, zero=f"{zero:.2g}", largest=f"{largest:.3g}")
    panel.html(prose_html(f"## {say(heading, c=c)}\n\n{text}"))
    labels = (say("example.tape_gradient"), say("example.versus"))
    total = equations.sum_equation(
        analysis.jacobian, analysis.upstream, analysis.gradient, output, "image", labels, word, say("example.own_scale")
    )
    panel.figure(figures.as_pixels(total), "sum")
    if note := sections.own_scale_note(total):
        panel.html(prose_html(note, caption=True))


def render_fix(panel: Panel, reading: Reading) -> None:
    """The zero gradient of the probabilities beside the gradients of one class's probability and log."""
    c, word = reading.c, say("panel.round_off")
    weights = np.eye(10)[c] - reading.p  # (one-hot c − p)·J_logits: the log-probability's gradient
    err = max_abs_difference(np.tensordot(weights, reading.logits.jacobian, axes=1), reading.of_log_probability)
    fix = say("digits.fix_text", c=c, err=f"{err:.2g}", pc=f"{reading.p[c]:.3g}")
    panel.html(prose_html(f"## {say('digits.fix')}\n\n{fix}"))
    gradients = [reading.probabilities.gradient, reading.of_probability.gradient, reading.of_log_probability]
    titles = ["tape.gradient(<br>probabilities)", f"tape.gradient(<br>probabilities[{c}])",
              f"tape.gradient(<br>log_softmax(logits)[{c}])"]  # fmt: skip
    panel.figure(figures.as_pixels(figures.panels_in_a_row(gradients, titles, ["image"] * 3, word)), "fix")


@live
def live_batch() -> None:
    """Each image's saliency map from tape.batch_jacobian, and what the full Jacobian holds off its
    diagonal: a batch of its own, in its own fragment, which a move of the image's slider need not redraw."""
    count = len(digits()[1])
    n = whole_number_input(say("digits.batch_first", last=count - 1), "batch", 0, count - 1, FIRST, st.slider)
    indices = (n + np.arange(BATCH)) % count
    batch = read_batch(indices)
    panel = Panel("batch.panel")
    b, predicted = len(indices), batch.predicted
    maps = [batch.per_sample[k, predicted[k]] for k in range(b)]
    titles = [f"∂logits[{k},{predicted[k]}]/<br>∂images[{k}]" for k in range(b)]
    panel.html(prose_html(say("digits.batch_text", first=indices[0], last=indices[-1], b=b)))
    names = [f"images[{k}]" for k in range(b)]  # each map is shaped like one image of the batch
    panel.figure(figures.as_pixels(figures.panels_in_a_row(maps, titles, names, say("panel.round_off"))), "batch")
    full = batch.full.jacobian
    kept = batch.per_sample.size
    why = say("digits.batch_why", full_shape=tuple(full.shape), across=f"{batch.across_samples:.2g}",
              kept=grouped(kept, language()), skipped=grouped(full.size - kept, language()))  # fmt: skip
    panel.html(prose_html(why))
    panel.show()
