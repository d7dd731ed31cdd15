"""Helpers to drive the app with Streamlit's AppTest, the way the router finds its pages."""

import html
import json
import re
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120  # a page's first run traces TensorFlow graphs; AppTest's default 3 s is too short


def open_page(slug: str, **query: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        app.query_params[key] = value
    app.switch_page(f"pages/{slug}.py")
    app.run()
    return app


def errors(app: AppTest) -> list[str]:
    return [e.value for e in app.exception]


def charts(app: AppTest) -> dict[str, dict]:
    """Every chart on the page, by its key, as the figure's JSON: the app's heatmap component, or
    st.plotly_chart where the app falls back to it. Each is validated as Plotly reads it (go.Figure
    raises on a property it does not know): the app sends its figures unvalidated."""
    data = {e.proto.id: json.loads(e.proto.json) for e in app.get("bidi_component")}
    # A chart component with no figure only loads Plotly.js (the first run of a server).
    found = {element_id: json.loads(d["figure"]) for element_id, d in data.items() if "figure" in d}
    found |= {e.proto.id: json.loads(e.proto.spec) for e in app.get("plotly_chart")}
    for figure in found.values():
        go.Figure(figure)
    return {element_id.rsplit("-", 1)[-1]: figure for element_id, figure in found.items()}


def texts(app: AppTest) -> list[str]:
    """Every sentence a reader sees on the page (titles, text, captions, labels, LaTeX)."""
    found = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption", "latex", "html")
        for e in app.get(kind)
    ]
    found += [w.label for kind in ("slider", "radio", "selectbox", "toggle", "button") for w in app.get(kind)]
    return found


def shown_code(app: AppTest) -> str:
    """The TensorFlow code on the page, as plain text (it is shown as highlighted HTML)."""
    for element in app.html:
        block = re.search(r'<pre class="jx-code"><code>(.*?)</code></pre>', element.value, re.DOTALL)
        if block:
            return html.unescape(re.sub(r"<[^>]+>", "", block.group(1)))
    raise AssertionError("no code on the page")


def shown_matrix(app: AppTest, label: str) -> np.ndarray:
    """The numbers of the matrix shown as `label` (e.g. 'y', or '∇_x' for the gradient), row by row."""
    for element in app.html:
        table = re.search(rf'<table aria-label="{re.escape(label)}".*?</table>', element.value)
        if table:
            rows = re.findall(r"<tr>(.*?)</tr>", table.group())
            return np.array([[float(v) for v in re.findall(r">([^<]*)</td>", row)] for row in rows])
    raise AssertionError(f"no matrix labelled {label!r}")
