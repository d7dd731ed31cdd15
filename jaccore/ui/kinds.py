"""One function per kind of page; the table of pages (jaccore/sitemap.py) gives each page its kind."""

import streamlit as st

from jaccore.markup import STYLESHEET
from jaccore.sitemap import PAGES
from jaccore.ui.batch import render_batch
from jaccore.ui.boundary import boundary, rerun_after_a_reconnect
from jaccore.ui.chain import render_chain
from jaccore.ui.digits import render_digits
from jaccore.ui.hessian import render_hessian
from jaccore.ui.home import render_home
from jaccore.ui.linear import render_linear
from jaccore.ui.memory import remember, take_back
from jaccore.ui.modes import render_modes
from jaccore.ui.pitfalls import render_pitfalls
from jaccore.ui.playground import render_playground
from jaccore.ui.predict import predictions_off
from jaccore.ui.puzzles import render_puzzles
from jaccore.ui.state import bind_page, language, say
from jaccore.ui.training import render_training
from jaccore.ui.widgets import drop_stale_choices, keep_what_the_page_reads
from jaccore.ui.worked import render_example, render_lesson

KINDS = {
    "home": render_home,
    "example": render_example,
    "lesson": render_lesson,
    "playground": render_playground,
    "batch": render_batch,
    "chain": render_chain,
    "modes": render_modes,
    "hessian": render_hessian,
    "linear": render_linear,
    "classifier": render_digits,
    "training": render_training,
    "pitfalls": render_pitfalls,
    "puzzles": render_puzzles,
}


def show(slug: str) -> None:
    """The page `slug`, drawn by the function of its kind, with the stylesheet its HTML needs."""
    page = PAGES[slug]
    bind_page(slug)
    # The browser tab says which page, in the reader's language (WCAG 2.4.2), not the app's name alone.
    title = say("app.title") if page.section == "home" else f"{page.title(language())} · {say('app.title')}"
    st.set_page_config(page_title=title)
    st.html(STYLESHEET)
    notes = st.container()  # at the top: what the link gave that the page cannot use
    keep_what_the_page_reads(page, notes)
    take_back()  # the progress this browser remembers
    with boundary():
        predictions_off()  # a teacher's ?predict=off holds for the whole visit, from any page
        KINDS[page.kind](page)
    drop_stale_choices(page)
    remember()
    rerun_after_a_reconnect()
