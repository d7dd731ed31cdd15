"""The Streamlit interface: the only package that imports streamlit, besides pages/ and the router.

    streamlit_app.py      → startup (before TensorFlow), widgets.choose_language, navigation
    pages/<slug>.py       → show_page(slug) → kinds: one function per kind of page
    kinds                 → worked, playground, batch, chain, home → sections, quiz
    sections              → panel (what a slider move redraws), state (language, URL-bound widgets)
    all of them           → engine, catalog, figures, markup, codegen, downloads (no Streamlit there)

Importing it loads no TensorFlow (see startup.py).
"""

from jaccore.ui.startup import hand_over_to_router


def show_page(slug: str) -> None:
    """A page file's one call: the page in the table of pages under `slug`."""
    hand_over_to_router()
    from jaccore.ui.kinds import show  # loads TensorFlow: after the hand-over, under the router's message

    show(slug)
