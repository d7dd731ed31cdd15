"""The pages of the notebook's worked examples: one per example, and the column-sum lesson."""

import streamlit as st

from jaccore.catalog import EXAMPLES, Example
from jaccore.sitemap import Page
from jaccore.ui import sections
from jaccore.ui.boundary import live
from jaccore.ui.panel import Panel
from jaccore.ui.quiz import render_self_check
from jaccore.ui.sections import OnScreen
from jaccore.ui.state import language, say
from jaccore.ui.widgets import url_choice


def render_example(page: Page) -> None:
    """A worked example of the catalog, every section in teaching order."""
    example = EXAMPLES[page.slug]
    sections.render_question(example)
    render_explorer(example)


def render_explorer(example: Example) -> None:
    """The choice of x, the live sections the sliders feed, the downloads, then the self-check.

    What does not follow the sliders stays outside the fragment, the view switches too: each
    element a fragment draws costs the browser time on every slider move, changed or not.
    """
    wrt = sections.choose_wrt(example)
    sections.render_inputs_header(example)
    views = sections.choose_views(example, wrt, "flat", "weights", "check")
    on_screen = OnScreen(page=example.title(language()))
    live_example(example, wrt, views, on_screen)
    if on_screen.view is not None:
        sections.render_downloads(example, wrt, on_screen)
    render_self_check(example, wrt)


@live
def live_example(example: Example, wrt: str, views: dict[str, bool], on_screen: OnScreen) -> None:
    """Everything the sliders feed; a slider move reruns this fragment, not the whole page.

    A fragment rerun is called with the arguments of the page's last full run: `on_screen` is
    the one the downloads read, so they take what the sliders last made.
    """
    values = sections.render_sliders(example)
    view = sections.analyzed(example, values, wrt, views["weights"], views["check"])
    if view is None:
        return
    panel = Panel()
    sections.render_output(panel, view)
    sections.render_jacobian(panel, view, views["flat"])
    sections.render_gradient(panel, view)
    if views["check"]:  # the float64 finite differences cost most of a move: only while asked for
        sections.render_check(panel, view)
    on_screen.code = sections.render_code(panel, view)
    panel.show()
    on_screen.view = view


def render_lesson(page: Page) -> None:
    """Ví dụ 3 of the notebook: the flat Jacobian's column sums are the gradient, for any example."""
    st.title(page.title(language()))
    st.markdown(say("lesson.intro"))
    titles = {slug: example.title(language()) for slug, example in EXAMPLES.items()}
    example = EXAMPLES[url_choice(st.selectbox, say("lesson.pick"), titles, "example", "scale")]
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
