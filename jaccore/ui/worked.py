"""The pages of the notebook's worked examples: one per example, and the column-sum lesson.

Each says what it is for, then asks (predictions), shows the Jacobian, asks the learner to build
`tape.gradient` from its slices (jaccore/ui/assembly.py), shows the answer, and ends with what to
remember. The playground draws the same sections without asking (`render_explorer(teach=False)`).
"""

import streamlit as st

from jaccore.catalog import EXAMPLES, Example
from jaccore.sitemap import Page
from jaccore.ui import assembly, files, sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.predict import asking, render_exercise, render_predictions, render_self_check
from jaccore.ui.sections import OnScreen
from jaccore.ui.state import language, say
from jaccore.ui.widgets import url_choice


def render_example(page: Page) -> None:
    """A worked example of the catalog, every section in teaching order: on a first visit, the
    learner's predictions before the answers, and the gradient built before it is shown."""
    example = EXAMPLES[page.slug]
    sections.render_question(example)
    render_explorer(example, teach=True)
    sections.render_remember(example.remember)


def render_explorer(example: Example, teach: bool = False) -> None:
    """The choice of x, the live sections the sliders feed, the downloads, then the questions: asked
    before the answers show when `teach` (until answered), the gradient to build, the graded exercise.

    What does not follow the sliders stays outside the fragment, the view switches too: each
    element a fragment draws costs the browser time on every slider move, changed or not.
    """
    wrt = sections.choose_wrt(example)
    held = teach and asking(example, wrt)
    sections.render_inputs_header(example.inputs, held)
    views = sections.choose_views(example, wrt, "flat", "weights", "check")
    on_screen = OnScreen(page=example.title(language()))
    live_example(example, wrt, views, on_screen, held, teach=teach)
    if on_screen.view is None:
        return
    if held:
        render_predictions(example, wrt, on_screen.view.values, still_asking=True)
        return
    files.render_downloads(example, wrt, on_screen)
    if not teach:
        render_self_check(example, wrt)
        return
    render_predictions(example, wrt, on_screen.view.values, still_asking=False)


@live
def live_example(
    example: Example, wrt: str, views: dict[str, bool], on_screen: OnScreen, held: bool, teach: bool = False
) -> None:
    """Everything the sliders feed; a slider move reruns this fragment, not the whole page. While
    the page waits for predictions (`held`), the sliders hold still and nothing below them shows.
    When it `teach`es, the learner builds the gradient (the sum shows once it is built, or asked for)
    and the graded exercise follows, both grading at the values the sliders hold.

    A fragment rerun is called with the arguments of the page's last full run: `on_screen` is
    the one the downloads read, so they take what the sliders last made.
    """
    values = sections.render_sliders(example, held)
    view = sections.analyzed(example, values, wrt, views["weights"], views["check"])
    if view is None:
        return
    on_screen.view = view
    if held:
        st.info(say("predict.hidden"), icon=":material/visibility_off:")
        return
    earlier = sections.earlier_values(example, wrt, values)
    built = assembly.attempt(view, example.slug, earlier) if teach else None
    panel = Panel()
    sections.render_notes(panel, view)
    sections.render_output(panel, view)
    sections.render_jacobian(panel, view, views["flat"], explained=built is None or built.revealed)
    sections.render_sum(panel, view, built)
    if built is not None:
        assembly.render_heading(panel, built)
    panel.show()
    render_answer(view, built, views["check"], on_screen)
    if teach:
        render_exercise(example, wrt, view.values, earlier)


def render_answer(view: sections.View, built: "assembly.Attempt | None", check: bool, on_screen: OnScreen) -> None:
    """The learner's boxes and their marks (where the page teaches), then, once the answer is revealed,
    what the tape returned, the script and (when asked for) the check."""
    answer = Panel("answer")
    if built is not None:
        assembly.render_boxes(built)
        assembly.render_marks(answer, built)
    if built is None or built.revealed:
        sections.render_tape_returns(answer, view)
        on_screen.code = sections.render_code(answer, view)
        if check:  # last, and only while asked for: the float64 finite differences cost most of a move
            sections.render_check(answer, view)
    answer.show()


def render_lesson(page: Page) -> None:
    """Ví dụ 3 of the notebook: the flat Jacobian's column sums are the gradient, for any example; the
    learner adds the columns up before the page does."""
    st.title(page.title(language()))
    sections.prose(say("lesson.goal"), caption=True)
    st.markdown(say("lesson.intro"))
    titles = {slug: example.title(language()) for slug, example in EXAMPLES.items()}
    # W·x first: its column sums are the notebook's [2, 8, 6], each column adding up three numbers.
    example = EXAMPLES[url_choice(st.selectbox, say("lesson.pick"), titles, "example", "matvec")]
    sections.render_formula(example.formula)
    wrt = sections.choose_wrt(example)
    sections.render_inputs_header(example.inputs)
    views = sections.choose_views(example, wrt, "weights")
    live_lesson(example, wrt, views, page.slug)
    render_self_check(example, wrt)
    sections.render_remember(say("lesson.remember"))


@live
def live_lesson(example: Example, wrt: str, views: dict[str, bool], slug: str) -> None:
    values = sections.render_sliders(example)
    view = sections.analyzed(example, values, wrt, views["weights"])
    if view is None:
        return
    built = assembly.attempt(view, slug, sections.earlier_values(example, wrt, values, page=slug))
    panel = Panel()
    sections.render_column_sums(panel, view, built.revealed)
    sections.render_sum(panel, view, built, heading="lesson.slices_heading")
    assembly.render_heading(panel, built)
    panel.show()
    assembly.render_boxes(built)
    answer = Panel("answer")
    assembly.render_marks(answer, built)
    if built.revealed:
        sections.render_tape_returns(answer, view)
    answer.show()
