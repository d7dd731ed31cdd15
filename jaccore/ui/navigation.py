"""The navigation, built from the table of pages, and the run of the page the reader asked for.

Importing this module loads TensorFlow, with the renderer of every kind of page.
"""

import streamlit as st

from jaccore.sitemap import Page, in_section
from jaccore.translations import SENTENCES
from jaccore.ui import kinds  # noqa: F401  (the renderers: what the loading message waits for)
from jaccore.ui.startup import navigate, routed

SECTIONS = {"home": "app.title", "examples": "nav.examples", "beyond": "nav.beyond"}


def sections(lang: str) -> dict[str, list[st.Page]]:
    """st.navigation's sections, titled in the reader's language."""
    return {
        SENTENCES[heading](lang): [entry(page, lang) for page in in_section(section)]
        for section, heading in SECTIONS.items()
    }


def entry(page: Page, lang: str) -> st.Page:
    if page.section == "home":  # the root URL
        return st.Page(f"pages/{page.slug}.py", title=page.title(lang), icon=":material/home:", default=True)
    return st.Page(f"pages/{page.slug}.py", title=page.title(lang), url_path=page.slug)


def run(lang: str) -> None:
    with routed():
        navigate(sections(lang), expanded=True).run()  # every page listed: none behind "View more"
