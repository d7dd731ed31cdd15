"""Line charts: a function along a line beside its best linear map, and the map's error on log axes.

Pure functions from numpy arrays (and labels) to Plotly figure specs, as jaccore/figures.py's; their
lines read on the light and the dark theme (the panel component gives the text the theme's colour).
"""

import numpy as np

# Line charts: grid lines that read on the light and the dark theme (the text takes the theme's colour).
GRID = dict(gridcolor="rgba(128, 128, 128, 0.3)", zerolinecolor="rgba(128, 128, 128, 0.5)")
LEGEND = dict(orientation="h", yanchor="top", y=-0.3)  # below the axis title, clear of it on a phone
# Okabe and Ito's blue and vermillion: told apart with any colour vision, and 3 : 1 or more against
# the light theme's white and the dark theme's #0e1117 (Plotly's default orange is 2.9 : 1 on white).
LINES = ("#0072B2", "#D55E00")


def along_a_line(t: np.ndarray, exact: np.ndarray, linear: np.ndarray, names: tuple[str, str], title: str) -> dict:
    """One output element along x + tδ, and the best linear map's straight line, against t."""
    return {
        "data": [
            dict(type="scatter", x=t, y=exact, name=names[0], mode="lines", line=dict(color=LINES[0], width=3)),
            dict(type="scatter", x=t, y=linear, name=names[1], mode="lines",
                 line=dict(color=LINES[1], dash="dash", width=2)),
        ],
        "layout": dict(title=dict(text=title), xaxis=dict(GRID, title=dict(text="t")), yaxis=GRID, height=400,
                       legend=LEGEND, margin=dict(t=50, b=110, l=50, r=20)),
    }  # fmt: skip


def error_log_log(t: np.ndarray, errors: np.ndarray, names: tuple[str, str], title: str) -> dict:
    """The linear map's error against t on log axes, beside a line of slope 2 through its middle point."""
    middle = len(t) // 2
    reference = errors[middle] * (t / t[middle]) ** 2
    return {
        "data": [
            dict(type="scatter", x=t, y=errors, name=names[0], mode="lines+markers",
                 line=dict(color=LINES[0]), marker=dict(color=LINES[0])),
            dict(type="scatter", x=t, y=reference, name=names[1], mode="lines", line=dict(color=LINES[1], dash="dot")),
        ],
        "layout": dict(title=dict(text=title), xaxis=dict(GRID, type="log", title=dict(text="t")),
                       yaxis=dict(GRID, type="log"),
                       height=400, legend=LEGEND, margin=dict(t=70, b=110, l=60, r=20)),
    }  # fmt: skip
