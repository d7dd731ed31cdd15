"""The home page: what the explorer teaches and where to start, its links from the table of pages,
each worked example marked with what the learner has predicted and solved (kept in the learner's
browser, jaccore/ui/memory.py), and a way to forget it."""

import streamlit as st

from jaccore.sitemap import Page, in_section
from jaccore.ui.memory import forget, progress
from jaccore.ui.predict import PREDICTED, SOLVED, predictions_off
from jaccore.ui.state import language, say


def render_home(page: Page) -> None:
    lang = language()
    worked = in_section("examples")
    st.title(say("app.title"))
    st.markdown(say("home.intro"))
    st.markdown(say("home.start", first=worked[0].title(lang)))
    for n, entry in enumerate(worked, start=1):
        st.page_link(f"pages/{entry.slug}.py", label=f"{n}. {entry.title(lang)}{marks(entry.slug)}")
    render_progress(worked)
    st.markdown(f"**{say('nav.beyond')}**")
    for entry in in_section("beyond"):
        st.page_link(f"pages/{entry.slug}.py", label=entry.title(lang))
    st.info(say("home.layout"))
    with st.expander(say("home.glossary")):
        st.markdown(say("home.glossary_rows"))


def marks(slug: str) -> str:
    """' · ✓ predicted · ✓ exercise solved', for what this visit has done on the example."""
    done = [say(kind) for kind in (PREDICTED, SOLVED) if slug in progress(kind)]
    return "".join(f" · ✓ {word}" for word in done)


def render_progress(worked: list[Page]) -> None:
    examples = [page for page in worked if page.kind == "example"]  # the lesson asks nothing first
    predicted = sum(page.slug in progress(PREDICTED) for page in examples)
    solved = sum(page.slug in progress(SOLVED) for page in examples)
    if predictions_off():
        st.caption(say("progress.skipped"))
    elif not predicted and not solved:
        st.caption(say("progress.none"))
    else:
        st.caption(say("progress.title", predicted=predicted, solved=solved, n=len(examples)))
        st.button(say("progress.forget"), on_click=forget, key="forget", icon=":material/delete_history:")
