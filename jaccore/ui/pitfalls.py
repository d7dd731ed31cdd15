"""The pitfall lab: one card per trap, its broken snippet and fixed twin as they ran on this server."""

import streamlit as st

from jaccore.catalog.pitfalls import TRAPS
from jaccore.lab import Run, run
from jaccore.markup import code_html, output_html, prose_html
from jaccore.sitemap import PAGES, Page
from jaccore.ui.state import language, say


def render_pitfalls(page: Page) -> None:
    runs = [run(slug) for slug in TRAPS]  # once per process: the snippets are fixed
    st.title(page.title(language()))
    st.markdown(say("pitfalls.intro", version=runs[0].version))
    for number, ran in enumerate(runs, 1):
        render_card(number, ran)


def render_card(number: int, ran: Run) -> None:
    trap = ran.trap
    st.header(f"{number}. {trap.title(language())}")
    left, right = st.columns(2, gap="large")
    for column, title, code, result, key in (
        (left, say("pitfalls.broken"), ran.broken_source, ran.broken, "broken"),
        (right, say("pitfalls.fixed"), ran.fixed_source, ran.fixed, "fixed"),
    ):
        with column:
            st.html(prose_html(f"**{title}**") + code_html(code))
            returned = say("pitfalls.returned")
            output = output_html(result, f"{title}: {returned}", f"{key}.{trap.slug}")
            st.html(prose_html(returned, caption=True) + output)
    st.html(prose_html(trap.why(language())))
    status = say("pitfalls.reproduces" if ran.reproduces else "pitfalls.gone", version=ran.version)
    st.markdown(f"{status} {say('pitfalls.thread')}: [{trap.thread}]({trap.thread})")  # a caption's fading: 4.1 : 1
    if trap.see:
        title = PAGES[trap.see].title(language())
        link = dict(label=say("pitfalls.see", page=title), icon=":material/arrow_forward:", query_params=trap.see_with)
        st.page_link(f"pages/{trap.see}.py", **link)
