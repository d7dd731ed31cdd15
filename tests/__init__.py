"""The tests, grouped as the code is: engine (no Streamlit), pages (AppTest), browser (Chromium).

They find the pages as the app does, in its table of pages (jaccore/sitemap.py).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def heading(slug: str, lang: str) -> str:
    """The title a page shows at its top: the app's name on the home page, else the page's title."""
    from jaccore.sitemap import PAGES
    from jaccore.translations import SENTENCES

    return (SENTENCES["app.title"] if slug == "home" else PAGES[slug].title)(lang)
