"""The pages of the notebook's worked examples: one per example, and the column-sum lesson."""

import streamlit as st

from jaccore.catalog import EXAMPLES, Example
from jaccore.sitemap import Page
from jaccore.ui import sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.predict import asking, render_exercise, render_predictions, render_self_check
from jaccore.ui.sections import OnScreen
from jaccore.ui.state import language, say
from jaccore.ui.widgets import url_choice


def render_example(page: Page) -> None:
    """A worked example of the catalog, every section in teaching order: on a first visit, the
    learner's predictions before the answers."""
    example = EXAMPLES[page.slug]
    sections.render_question(example)
    render_explorer(example, predict=True)


def render_explorer(example: Example, predict: bool = False) -> None:
    """The choice of x, the live sections the sliders feed, the downloads, then the questions:
    asked before the answers show when `predict` (until answered), and the graded exercise.

    What does not follow the sliders stays outside the fragment, the view switches too: each
    element a fragment draws costs the browser time on every slider move, changed or not.
    """
    wrt = sections.choose_wrt(example)
    held = predict and asking(example, wrt)
    sections.render_inputs_header(example, held)
    views = sections.choose_views(example, wrt, "flat", "weights", "check")
    on_screen = OnScreen(page=example.title(language()))
    live_example(example, wrt, views, on_screen, held, exercise=predict)
    if on_screen.view is None:
        return
    if held:
        render_predictions(example, wrt, on_screen.view.values, still_asking=True)
        return
    sections.render_downloads(example, wrt, on_screen)
    if not predict:
        render_self_check(example, wrt)
        return
    render_predictions(example, wrt, on_screen.view.values, still_asking=False)


@live
def live_example(
    example: Example, wrt: str, views: dict[str, bool], on_screen: OnScreen, held: bool, exercise: bool = False
) -> None:
    """Everything the sliders feed; a slider move reruns this fragment, not the whole page. While
    the page waits for predictions (`held`), the sliders hold still and nothing below them shows.
    The graded `exercise` is here too: it asks, and grades, at the values the sliders hold.

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
    panel = Panel()
    sections.render_notes(panel, view)
    sections.render_output(panel, view)
    sections.render_jacobian(panel, view, views["flat"])
    sections.render_gradient(panel, view)
    on_screen.code = sections.render_code(panel, view)
    if views["check"]:  # last, and only while asked for: the float64 finite differences cost most of a move
        sections.render_check(panel, view)
    panel.show()
    if exercise:
        render_exercise(example, wrt, view.values)


def render_lesson(page: Page) -> None:
    """Ví dụ 3 of the notebook: the flat Jacobian's column sums are the gradient, for any example."""
    st.title(page.title(language()))
    st.markdown(say("lesson.intro"))
    titles = {slug: example.title(language()) for slug, example in EXAMPLES.items()}
    # W·x first: its column sums are the notebook's [2, 8, 6], each column adding up three numbers.
    example = EXAMPLES[url_choice(st.selectbox, say("lesson.pick"), titles, "example", "matvec")]
    st.latex(example.formula)
    wrt = sections.choose_wrt(example)
    sections.render_inputs_header(example)
    views = sections.choose_views(example, wrt, "weights")
    live_lesson(example, wrt, views)
    render_self_check(example, wrt)


@live
def live_lesson(example: Example, wrt: str, views: dict[str, bool]) -> None:
    view = sections.analyzed(example, sections.render_sliders(example), wrt, views["weights"])
    if view is None:
        return
    panel = Panel()
    sections.render_column_sums(panel, view)
    sections.render_gradient(panel, view)
    panel.show()
