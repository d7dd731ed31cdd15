"""Plotly figures of a Jacobian: pure functions from numpy arrays (and labels) to go.Figure.

Every heatmap is drawn as a matrix (row 0 on top) in one shared diverging colour scale centred
at zero, so that the same colour means the same number in every panel of a figure.
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

COLORSCALE = "RdBu"  # diverging: red below zero, white at zero, blue above
MAX_LABELLED_CELLS = 1000  # past this, numbers written in cells slow the browser: hover only
MAX_SUM_TERMS = 12  # slices drawn in the sum; the rest are summed but summarised as "…"
PANEL_PX = 150  # height of one row of panels
TITLE_PX = 34  # vertical room for a panel's title
COLUMN_GAP = 0.04  # horizontal gap between panels, as a fraction of the figure's width


def index_label(name: str, index: Sequence[int]) -> str:
    """'A[1,0]' for a matrix element, 'a' for a scalar."""
    return f"{name}[{','.join(map(str, index))}]" if len(index) else name


def as_matrix(array: np.ndarray) -> np.ndarray:
    """How an array of any rank is drawn: scalars as 1×1, vectors as one row, rank > 2 stacked."""
    if array.ndim == 0:
        return array.reshape(1, 1)
    if array.ndim == 1:
        return array.reshape(1, -1)
    return array.reshape(-1, array.shape[-1])


def element_indices(shape: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Every index of an array of this shape, in row-major order (the order of reshape)."""
    return list(np.ndindex(*shape)) if shape else [()]


def _hover(values: np.ndarray, label) -> np.ndarray:
    """Hover strings in the array's drawn (matrix) layout; label(index) names one entry."""
    texts = [f"{label(k)} = {v:.4g}" for k, v in zip(element_indices(values.shape), values.ravel(), strict=True)]
    return as_matrix(np.array(texts, dtype=object).reshape(values.shape))


def _heatmap(values: np.ndarray, hover: np.ndarray, axis: int, cells_labelled: bool) -> dict:
    suffix = "" if axis == 1 else str(axis)
    return dict(
        type="heatmap",
        z=as_matrix(values),
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        texttemplate="%{z:.3~g}" if cells_labelled else None,
        coloraxis="coloraxis",
        xaxis=f"x{suffix}",
        yaxis=f"y{suffix}",
        xgap=1,
        ygap=1,
    )


def _panels_layout(rows: int, cols: int, titles: list[str], extent: float, height: int) -> dict:
    """A rows×cols grid of matrix-oriented axes with a title over each panel."""
    layout: dict = dict(
        height=height,
        margin=dict(l=10, r=10, t=30, b=10),
        coloraxis=dict(colorscale=COLORSCALE, cmid=0, cmin=-extent, cmax=extent, colorbar=dict(thickness=12)),
        showlegend=False,
        annotations=[],
        plot_bgcolor="white",
    )
    gap_x, gap_y = COLUMN_GAP, min(0.3, TITLE_PX / height)  # room for each panel's title
    width, tall = (1 - gap_x * (cols - 1)) / cols, (1 - gap_y * (rows - 1)) / rows
    hidden = dict(showticklabels=False, ticks="", showgrid=False, zeroline=False)
    for n, title in enumerate(titles):
        r, c = divmod(n, cols)
        x0, y1 = c * (width + gap_x), 1 - r * (tall + gap_y)
        suffix = "" if n == 0 else str(n + 1)
        layout[f"xaxis{suffix}"] = dict(domain=_domain(x0, x0 + width), anchor=f"y{suffix}", **hidden)
        layout[f"yaxis{suffix}"] = dict(
            domain=_domain(y1 - tall, y1), anchor=f"x{suffix}", autorange="reversed", **hidden
        )
        layout["annotations"].append(
            dict(
                text=title,
                x=x0 + width / 2,
                y=y1,
                xref="paper",
                yref="paper",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=12 if cols <= 6 else 10),
            )
        )
    return layout


def _domain(start: float, end: float) -> list[float]:
    """An axis domain clipped to [0, 1]: rounding can push an edge to -5e-17."""
    return [min(max(round(start, 6), 0.0), 1.0), min(max(round(end, 6), 0.0), 1.0)]


def _extent(*arrays: np.ndarray) -> float:
    """The colour scale's half-width: the largest finite |value|, so that zero stays white."""
    finite = [np.abs(a[np.isfinite(a)]).max() for a in arrays if np.isfinite(a).any()]
    return float(max(finite, default=1.0)) or 1.0


def slice_grid(jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str) -> go.Figure:
    """One heatmap per output element: slice i is ∂y[i]/∂x, shaped like x, laid out like y."""
    x_shape = jacobian.shape[len(y_shape) :]
    rows, cols = as_matrix(np.empty(y_shape)).shape
    outputs = element_indices(y_shape)
    labelled = jacobian.size <= MAX_LABELLED_CELLS
    traces, titles = [], []
    for n, i in enumerate(outputs):
        part = jacobian[i]
        y_label = index_label(y_name, i)
        hover = _hover(part, lambda k, y_label=y_label: f"∂{y_label}/∂{index_label(x_name, k)}")
        traces.append(_heatmap(part, hover, n + 1, labelled))
        titles.append(f"∂{y_label}/∂{x_name}")
    height = max(1, rows) * (PANEL_PX + 40 * max(0, as_matrix(np.empty(x_shape)).shape[0] - 2)) + 40
    return go.Figure(traces, _panels_layout(rows, cols, titles, _extent(jacobian), min(height, 1600)))


def flat_matrix(jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str) -> go.Figure:
    """J.reshape(y.size, x.size): row r = output element r, column c = input element c (row-major)."""
    x_shape = jacobian.shape[len(y_shape) :]
    y_labels = [index_label(y_name, i) for i in element_indices(y_shape)]
    x_labels = [index_label(x_name, k) for k in element_indices(x_shape)]
    flat = jacobian.reshape(len(y_labels), len(x_labels))
    hover = np.array(
        [
            [f"∂{r}/∂{c} = {v:.4g}" for c, v in zip(x_labels, row, strict=True)]
            for r, row in zip(y_labels, flat, strict=True)
        ],
        dtype=object,
    )
    trace = _heatmap(flat, hover, 1, flat.size <= MAX_LABELLED_CELLS)
    layout = _panels_layout(
        1,
        1,
        [f"∂{y_name}/∂{x_name}  ({len(y_labels)} × {len(x_labels)})"],
        _extent(flat),
        min(1600, 80 + 28 * len(y_labels)),
    )
    layout["xaxis"].update(showticklabels=True, tickvals=list(range(len(x_labels))), ticktext=x_labels, side="top")
    layout["yaxis"].update(showticklabels=True, tickvals=list(range(len(y_labels))), ticktext=y_labels)
    layout["margin"]["t"] = 60
    return go.Figure([trace], layout)


def sum_equation(
    jacobian: np.ndarray, upstream: np.ndarray, gradient: np.ndarray, y_name: str, x_name: str, tape_label: str
) -> go.Figure:
    """v₀·∂y[0]/∂x + v₁·∂y[1]/∂x + … = Σ, drawn as heatmaps in a row, then what the tape returned.

    The sum is computed here from the slices (an independent check of the tape's gradient).
    """
    outputs = element_indices(upstream.shape)
    terms = [upstream[i] * jacobian[i] for i in outputs]
    total = np.sum(terms, axis=0) if terms else np.zeros(jacobian.shape[upstream.ndim :])
    shown = outputs[:MAX_SUM_TERMS]
    panels = [(upstream[i] * jacobian[i], f"{upstream[i]:.3g} ×<br>∂{index_label(y_name, i)}/∂{x_name}") for i in shown]
    panels += [(total, "Σ"), (gradient, tape_label)]
    labelled = sum(p.size for p, _ in panels) <= MAX_LABELLED_CELLS
    traces = []
    for n, (values, title) in enumerate(panels):
        name = title.replace("<br>", " ")
        hover = _hover(values, lambda k, name=name: f"{name} — {index_label(x_name, k)}")
        traces.append(_heatmap(values, hover, n + 1, labelled))
    layout = _panels_layout(1, len(panels), [t for _, t in panels], _extent(*[p for p, _ in panels]), 240)
    layout["margin"]["t"] = 50
    signs = ["+"] * (len(shown) - 1) + ["+ … =" if len(outputs) > len(shown) else "=", "vs"]
    width = (1 - COLUMN_GAP * (len(panels) - 1)) / len(panels)
    for n, sign in enumerate(signs):
        gap_centre = (n + 1) * (width + COLUMN_GAP) - COLUMN_GAP / 2
        layout["annotations"].append(
            dict(
                text=f"<b>{sign}</b>",
                x=gap_centre,
                y=0.5,
                xref="paper",
                yref="paper",
                showarrow=False,
                font=dict(size=16),
            )
        )
    return go.Figure(traces, layout)


def jacobian_table(jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str) -> pd.DataFrame:
    """The flat Jacobian with its index map: one row per output element, one column per input element."""
    x_shape = jacobian.shape[len(y_shape) :]
    rows = [index_label(y_name, i) for i in element_indices(y_shape)]
    cols = [index_label(x_name, k) for k in element_indices(x_shape)]
    return pd.DataFrame(jacobian.reshape(len(rows), len(cols)), index=rows, columns=cols)


def array_table(array: np.ndarray, name: str) -> pd.DataFrame:
    """An array as a table of its elements: index label → value (any rank)."""
    labels = [index_label(name, k) for k in element_indices(array.shape)]
    return pd.DataFrame({"value": array.ravel()}, index=labels)


def rows_table(rows: dict[str, np.ndarray], name: str) -> pd.DataFrame:
    """Arrays of one shape side by side as rows of a table, one column per element."""
    columns = [index_label(name, k) for k in element_indices(next(iter(rows.values())).shape)]
    return pd.DataFrame([np.ravel(v) for v in rows.values()], index=list(rows), columns=columns)


def latex_matrix(name: str, array: np.ndarray, limit: int = 64) -> str:
    """'C = [[19, 22], [43, 50]]' as a LaTeX bmatrix (drawn as a matrix; large arrays summarised)."""
    if array.size > limit:
        dims = r" \times ".join(map(str, array.shape))
        return rf"{name} \in \mathbb{{R}}^{{{dims}}}"
    rows = as_matrix(array)
    body = r" \\ ".join(" & ".join(f"{v:.4g}" for v in row) for row in rows)
    return rf"{name} = \begin{{bmatrix}} {body} \end{{bmatrix}}"
