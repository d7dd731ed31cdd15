"""Helpers to drive the app with Streamlit's AppTest, the way the router finds its pages."""

import html
import json
import re

import numpy as np
import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from jaccore.translations import LANGUAGES, SENTENCES
from tests import ROOT

TIMEOUT = 120  # a page's first run traces TensorFlow graphs; AppTest's default 3 s is too short


def open_page(slug: str, **query: str) -> AppTest:
    """The page as a link opens it; with ?predict=off unless the link says otherwise, None for no
    such parameter (a worked example then asks for predictions first: tests/pages/test_predict.py)."""
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    query.setdefault("predict", "off")
    for key, value in query.items():
        if value is None:
            continue
        app.query_params[key] = value
    app.switch_page(f"pages/{slug}.py")
    app.run()
    return app


CRASHED = {SENTENCES["app.failed"](lang) for lang in LANGUAGES}  # the error boundary's apology


def errors(app: AppTest) -> list[str]:
    """What went wrong on the page that no sentence of the app expected: exceptions, and the error
    boundary's apology, which turns an unexpected exception into a sentence for the learner but is a
    crash to every test (a planted `raise` in the live section once passed every generic test)."""
    return [e.value for e in app.exception] + [e.value for e in app.error if e.value in CRASHED]


def panel_blocks(app: AppTest) -> list[dict]:
    """The blocks of the live panels (HTML and charts; see jaccore/ui/panel.py), in order."""
    data = [json.loads(e.proto.json) for e in app.get("bidi_component")]
    # A panel with no blocks only loads Plotly.js (the first run of a server).
    return [block for d in data for block in json.loads(d.get("blocks", "[]"))]


def charts(app: AppTest) -> dict[str, dict]:
    """Every chart on the page, by its name, as the figure's JSON: a block of the app's panel, or
    st.plotly_chart where the app falls back to it. Each is validated as Plotly reads it (go.Figure
    raises on a property it does not know): the app sends its figures unvalidated."""
    found = {block["name"]: block["figure"] for block in panel_blocks(app) if "figure" in block}
    found |= {e.proto.id.rsplit("-", 1)[-1]: json.loads(e.proto.spec) for e in app.get("plotly_chart")}
    for figure in found.values():
        go.Figure(figure)
    return found


def htmls(app: AppTest) -> list[str]:
    """The HTML on the page: st.html elements and the panels' HTML blocks."""
    return [e.value for e in app.html] + [block["html"] for block in panel_blocks(app) if "html" in block]


def texts(app: AppTest) -> list[str]:
    """Every sentence a reader sees on the page (titles, text, captions, labels, LaTeX, HTML)."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "latex")
    found = [e.value for kind in kinds for e in app.get(kind)] + htmls(app)
    found += [w.label for kind in ("slider", "radio", "selectbox", "toggle", "button") for w in app.get(kind)]
    return found


def shown_code(app: AppTest) -> str:
    """The TensorFlow code on the page, as plain text (it is shown as highlighted HTML)."""
    for markup in htmls(app):
        block = re.search(r'<pre class="jx-code" tabindex="0"><code>(.*?)</code></pre>', markup, re.DOTALL)
        if block:
            return html.unescape(re.sub(r"<[^>]+>", "", block.group(1)))
    raise AssertionError("no code on the page")


def shown_matrix(app: AppTest, label: str) -> np.ndarray:
    """The numbers of the matrix shown as `label` (e.g. 'y', or '∇ x' for the gradient), row by row."""
    for markup in htmls(app):
        table = re.search(rf'<table aria-label="{re.escape(label)}".*?</table>', markup)
        if table:
            rows = re.findall(r"<tr>(.*?)</tr>", table.group())
            return np.array([[float(v) for v in re.findall(r">([^<]*)</td>", row)] for row in rows])
    raise AssertionError(f"no matrix labelled {label!r}")


def shown_rows(app: AppTest) -> dict[str, np.ndarray]:
    """The rows of the table of numbers on the page (markup.html_rows), by their headings."""
    for markup in htmls(app):
        table = re.search(r'<table class="jx-table">.*?</table>', markup)
        if table:
            rows = re.findall(r"<tr><th scope=\"row\">([^<]+)</th>(.*?)</tr>", table.group())
            numbers = {label: re.findall(r"<td>([^<]*)</td>", cells) for label, cells in rows}
            return {label: np.array(values, dtype=float) for label, values in numbers.items()}
    raise AssertionError("no table on the page")
