"""Hostile links and typed text: every parameter of every page, and every text box, with values meant
to break it. Nothing may raise, nothing may show a traceback, and no text from the input may reach
the page as markup: not a link, an image, emphasis, LaTeX or HTML, in Markdown or in HTML.

The full suite is every (page, parameter, value); CI runs a fixed sample of FUZZ_CASES of them
(250 by default), FUZZ_CASES=all runs every one. Run it with TF_ENABLE_ONEDNN_OPTS=1 too (.ci/run).
"""

import html.parser
import os
import random
import re

import pytest
from markdown_it import MarkdownIt

from jaccore.sitemap import PAGES
from tests.pages.apptest import errors, htmls, open_page

MARK = "ZZQ"  # in every value that carries markup, so that its text can be found on the page
HOSTILE = [
    "", " ", "nan", "inf", "-inf", "1e999", "-0", "9" * 40, "x" * 10_000, "٣", "²", "2,①", "х", "ｘ", "\u202e1",
    f"[{MARK}](//e.co)", f"![{MARK}](//e.co/i.png)", f"<img src=//e.co/i.png onerror=alert(1)>{MARK}",
    f"**{MARK}**", f"${MARK}^2$", f":red[{MARK}]", f"`{MARK}", f"\n\n# {MARK}", f"www.e.co/{MARK}", f"<b>{MARK}</b>",
    f"__import__('os') + {MARK}", f"x.{MARK}",
]  # fmt: skip
NAMES = ["lang", "seed", "wrt", "flat", "weights", "expr", "reset", "random", "check", "shape", "embed"]


def page_parameters(slug: str) -> list[str]:
    """The parameters the page declares it reads (jaccore/sitemap.py: a new page is fuzzed without
    editing this file), and one it does not."""
    return [*PAGES[slug].samples(), "unknown"]


def cases() -> list:
    every = [(slug, key, value) for slug in PAGES for key in page_parameters(slug) for value in HOSTILE]
    every += [("playground", "expr", f"{name} * x") for name in NAMES]  # inputs named as the page's widgets
    every += [("playground", "expr", f"{name} * x&shape.{name}=") for name in NAMES]
    every += [("matmul", "A.0.0", ["1", "2"]), ("playground", "seed", ["1", "2"]), ("matmul", "wrt", ["B", "A"])]
    wanted = os.environ.get("FUZZ_CASES", "250")
    chosen = every if wanted == "all" else random.Random(20261201).sample(every, min(int(wanted), len(every)))
    return [pytest.param(*case, id=f"{case[0]}-{case[1]}-{str(case[2])[:16]!r}") for case in chosen]


def link(key: str, value) -> dict:
    """The query of a link setting key=value ('&' in a value: more parameters, as a link would)."""
    if isinstance(value, str) and "&" in value:
        first, *rest = value.split("&")
        return {key: first, **dict(part.split("=", 1) for part in rest)}
    extra = {"weights": "true"} if key.startswith("@v") else {}
    return {key: value, **extra}


@pytest.mark.parametrize(("slug", "key", "value"), cases())
def test_a_hostile_link_gets_sentences_not_tracebacks_or_markup(slug, key, value):
    app = open_page(slug, **link(key, value))
    assert errors(app) == []
    assert_no_markup_from_input(app)


TYPED = [("expr", value) for value in HOSTILE] + [("shape.x", value) for value in HOSTILE]


@pytest.mark.parametrize(("key", "value"), TYPED, ids=[f"{k}-{v[:16]!r}" for k, v in TYPED])
def test_hostile_text_typed_into_the_playground(key, value):
    app = open_page("playground", expr="W @ x")
    app.text_input(key=key).input(value).run()
    assert errors(app) == []
    assert_no_markup_from_input(app)


MARKDOWN = MarkdownIt("gfm-like")  # CommonMark with GitHub's tables, strikethrough and bare links


def markdown_sources(app) -> list[str]:
    """Everything Streamlit draws from Markdown: text elements, notes and the labels of widgets."""
    kinds = ("markdown", "caption", "title", "subheader", "warning", "error", "info", "success")
    sources = [element.value for kind in kinds for element in app.get(kind)]
    widgets = ("slider", "radio", "selectbox", "toggle", "button", "text_input", "number_input")
    sources += [w.label for kind in widgets for w in app.get(kind)]
    sources += [str(option) for radio in app.radio for option in radio.options]
    return sources


def assert_no_markup_from_input(app) -> None:
    for source in markdown_sources(app):
        rendered = MARKDOWN.render(source)
        assert "e.co" not in re.sub(r"<code>.*?</code>", "", rendered, flags=re.S), source
        assert MARK not in re.sub(r"<code>.*?</code>", "", rendered, flags=re.S), source
    for markup in htmls(app):
        checker = Tags()
        checker.feed(markup)
        assert not checker.found, checker.found


class Tags(html.parser.HTMLParser):
    """Tags or attributes in HTML that come from input (the mark, an outside address, an event handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        for name, value in attrs:
            if name.startswith("on") or "e.co" in (value or "") or MARK in (value or ""):
                self.found.append((tag, name, value))
        if tag in ("img", "script", "a", "iframe"):
            self.found.append((tag, attrs))
