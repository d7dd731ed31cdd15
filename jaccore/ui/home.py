"""The home page: what the explorer teaches and where to start, its links from the table of pages."""

import streamlit as st

from jaccore.sitemap import Page, in_section
from jaccore.ui.state import language, say


def render_home(page: Page) -> None:
    lang = language()
    worked = in_section("examples")
    st.title(say("app.title"))
    st.markdown(say("home.intro"))
    st.markdown(say("home.start", first=worked[0].title(lang)))
    for n, entry in enumerate(worked, start=1):
        st.page_link(f"pages/{entry.slug}.py", label=f"{n}. {entry.title(lang)}")
    st.markdown(f"**{say('nav.beyond')}**")
    for entry in in_section("beyond"):
        st.page_link(f"pages/{entry.slug}.py", label=entry.title(lang))
    st.info(say("home.layout"))
    with st.expander(say("home.glossary")):
        st.markdown(say("home.glossary_rows"))
