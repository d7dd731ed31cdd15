"""The live panel: what a slider move redraws below the sliders, sent as one element.

Each element a fragment draws costs the browser time on every slider move, changed or not (~1 ms
an HTML element here, a chart more). The sections collect their text and charts as blocks of one
Panel; the panel component (panel.js) keeps a node per block, rewrites an HTML block only when it
changed, and restyles a chart in place with Plotly.react (st.plotly_chart remounts its chart
whenever the figure changes). Plotly.js comes from the app's static files; run without the
project's config (no static serving), the same blocks go out as st.html and st.plotly_chart.
"""

import json
import re
from pathlib import Path

import streamlit as st

from jaccore import figures
from jaccore.readout import tables_html
from jaccore.ui.state import say, sliders_drawn

PLOTLY_JS = "plotly-cartesian.min.js"  # in static/: plotly.js's partial bundle with heatmaps

# layout.js (the layout rule every chart of matrices follows) is read first: panel.js calls it.
_JS = "\n".join(Path(__file__).with_name(name).read_text() for name in ("layout.js", "panel.js"))
panel_component = st.components.v2.component("jacobian_explorer.panel", js=_JS, isolate_styles=False)


# Where Streamlit's static file serving puts static/plotly-cartesian.min.js, relative to the page, as
# Streamlit's docs write it: under a path prefix (Community Cloud serves the app under /~/+/, inside
# an iframe, and strips the prefix before it reaches Streamlit; a proxy or server.baseUrlPath may
# add one) an absolute /app/static/… points at the site's root, which is not the app. The partial
# bundle (1.5 MB, from npm's plotly.js-cartesian-dist-min, the plotly.js version that the plotly
# package is built for) starts in ~0.8 s here; the full plotly.js in ~2 s.
PLOTLY_URL = f"app/static/{PLOTLY_JS}"
UNAVAILABLE = "panel.plotly_unavailable"  # session state: this browser could not load Plotly.js


def served() -> bool:
    """Whether Plotly.js reaches this session's component: served (the project's config) and loaded."""
    return bool(st.get_option("server.enableStaticServing")) and not st.session_state.get(UNAVAILABLE)


def unavailable() -> None:
    """The component could not load Plotly.js: draw with st.plotly_chart from now on, in this session."""
    st.session_state[UNAVAILABLE] = True


def resync() -> None:
    """The panel saw sliders that its answer is not of, and no run coming: this run is that run."""


def slider_class(key: str) -> str:
    """The class Streamlit gives a widget's container on the page: 'A.0.1' → 'st-key-A-0-1'."""
    return "st-key-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


def preload_plotly() -> None:
    """Let the browser start Plotly.js (~0.8 s) while the server is busy: the component, given no
    blocks, only loads it."""
    if served():
        data = {"plotly": PLOTLY_URL}
        panel_component(data=data, key="plotly.preload", height=0, on_unavailable_change=unavailable)


class Panel:
    """What a fragment shows below its sliders, collected as blocks and sent as one element (`key`
    tells a page's panels apart where it has more than one)."""

    def __init__(self, key: str = "panel") -> None:
        self.key = key
        self.blocks: list[dict] = []

    def html(self, markup: str) -> None:
        self.blocks.append({"html": markup})

    def figure(self, figure: dict, name: str, label: str = "") -> None:
        """A chart, restyled in place on a slider move; `name` tells it apart from the others, and
        `label` names it for a screen reader (by default: a heatmap of its panels), which then reads
        its numbers in the tables that follow it (jaccore/readout.py)."""
        label = label or say("panel.heatmap", panels=", ".join(figures.panel_titles(figure)[:6]))
        table = tables_html(figure, say("panel.size"), say("panel.too_many"))
        block = {"figure": figure, "name": name, "label": label, "hint": say("panel.scroll"), "table": table}
        self.blocks.append(block)

    def show(self) -> None:
        if served():
            # As one string: Streamlit looks for dataframes in a component's data, and a list there
            # makes it import pandas and pyarrow on a server's first page (~0.5 s). The sliders this
            # run drew, by the class Streamlit gives each on the page: what the panel's answer is of.
            inputs = {slider_class(key): value for key, value in sliders_drawn().items()}
            data = {"blocks": figures.plotly_json(self.blocks), "plotly": PLOTLY_URL, "inputs": json.dumps(inputs)}
            panel_component(data=data, key=self.key, on_unavailable_change=unavailable, on_resync_change=resync)
            return
        for block in self.blocks:
            if "figure" in block:
                st.plotly_chart(block["figure"], width="content", key=block["name"], alt=block["label"])
                st.html(block["table"])
            else:
                st.html(block["html"])
