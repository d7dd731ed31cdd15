"""The tests' side of the figures' JSON: the panels taken back out of a tiled figure (see jaccore/figures.py)."""

import base64

import numpy as np


def panels_of(figure) -> list[np.ndarray]:
    """The panels of a tiled figure (a spec, its JSON read back, or a go.Figure of it), by layout.meta."""
    spec = figure if isinstance(figure, dict) else figure.to_plotly_json()
    z, meta = plotly_array(spec["data"][0]["z"]), spec["layout"]["meta"]
    return [z[r : r + h, c : c + w] for r, c, h, w in meta["panels"]]


def plotly_array(z: object) -> np.ndarray:
    """A Plotly array from JSON: a list, or a base64 typed array {dtype, bdata, shape}."""
    if not isinstance(z, dict):
        return np.asarray(z, dtype=float)
    values = np.frombuffer(base64.b64decode(z["bdata"]), dtype=np.dtype(z["dtype"]))
    return values.reshape([int(n) for n in str(z.get("shape", values.size)).split(",")])
