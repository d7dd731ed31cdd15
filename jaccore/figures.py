"""Plotly figures of a Jacobian: pure functions from numpy arrays (and labels) to figure specs.

Every figure of matrices is one heatmap whose panels are tiled by jaccore/tiles.py, which also
writes the layout rule the app's panel component follows (a grid that never re-flows, an equation
that wraps only between terms). Panels are drawn as matrices (row 0 on top) in one diverging
colour scale centred at zero: the same colour means the same number everywhere in a figure.
`layout.meta["panels"]` records where each panel sits, so that tests and readers of the JSON can
take the panels back out.

A figure is Plotly's JSON schema as a dict ({"data": [...], "layout": {...}}), not a go.Figure:
go.Figure validates every property as it is built, ~3 ms a figure on every slider move. The tests
validate what every builder returns, once, with go.Figure.

What the app's panel component (ui/panel.js) draws itself, by this contract:
- every annotation is a label (a "title" above a panel, a "sign" after one, a "note" under one),
  its text in Plotly's markup (<br>, <b>, <sub>). Where both axes have fixed ranges and no
  automargin, the component draws the labels in HTML where its layout puts the panels and
  removes them from the figure (Plotly redraws every annotation on every update); so it does the
  names of the cells' rows and columns (`meta["cell_names"]`);
- a trace with a texttemplate has its numbers written in its cells; the component writes them
  in HTML over the cells instead (Plotly measures its SVG text on every update);
- the colour axis's colour bar is drawn as an HTML colour key beside the chart.
Drawn by st.plotly_chart instead (the fallback), the same figure reads the same, at a fixed size.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import plotly.io.json

from jaccore.notation import as_matrix, element_indices, index_label, partial_label, round_off
from jaccore.tiles import MAX_LABELLED_CELLS, extent, heatmap, name_cells

# Past this, each cell's hover names only its value: the names ("∂y[0,1,2]/∂x[3,4,5] = …") were
# ~80% of the 2 MB a slider move sent for a 512 × 64 Jacobian.
MAX_DESCRIBED_CELLS = 4096
MAX_SUM_TERMS = 12  # slices drawn in the sum; the rest are summed but summarised as "…"


@dataclass(frozen=True)
class Rounding:
    """Values under `noise` are rounding: drawn as 0, their hover saying `word` (in the reader's language)."""

    noise: float = 0.0
    word: str = "round-off"

    def shown(self, v: float) -> str:
        return f"0 ({self.word}: {v:.3g})" if math.isfinite(v) and 0 < abs(v) < self.noise else f"{v:.4g}"


def rounding(values: list[np.ndarray], word: str) -> Rounding:
    return Rounding(round_off(values), word)


def hover(values: np.ndarray, label: Callable[[tuple[int, ...]], str], rounded: Rounding = Rounding()) -> np.ndarray:
    """'label = value' for every entry, in the array's drawn (matrix) layout."""
    entries = zip(element_indices(values.shape), np.ravel(values).tolist(), strict=True)  # floats: fast to format
    texts = [f"{label(k)} = {rounded.shown(v)}" for k, v in entries]
    return as_matrix(np.array(texts, dtype=object).reshape(values.shape))


def plotly_json(value: object) -> str:
    """Figures, or anything holding them, as JSON that Plotly.js reads (numpy arrays as lists, NaN as
    null: a gap), without validation."""
    return plotly.io.json.to_json_plotly(value)


def plain(markup: str) -> str:
    """A label's text without Plotly's markup: 'J<sub>g</sub>' → 'J g', '<br>' → ' '."""
    return re.sub(r"</?b>", "", markup.replace("<br>", " ").replace("<sub>", " ").replace("</sub>", ""))


def panel_titles(figure: dict) -> list[str]:
    """The titles above a figure's panels (not the signs between them), as plain text."""
    labels = figure["layout"]["annotations"]
    return [plain(label["text"]) for label in labels if label["name"] == "title"]


def slice_grid(
    jacobian: np.ndarray,
    y_shape: tuple[int, ...],
    y_name: str,
    x_name: str,
    word: str = "round-off",
    grid: tuple[int, int] | None = None,
) -> dict:
    """One panel per output element, in a grid shaped like y (see output_grid; or `grid`, rows and
    columns, for a long vector y that the page's caption says it folds): panel i is the slice ∂y[i]/∂x,
    shaped like x, its rows and columns named after the input's."""
    x_shape = jacobian.shape[len(y_shape) :]
    outputs = element_indices(y_shape)
    titles = [partial_label(y_name, i, x_name) for i in outputs]
    rounded, hovers = rounding([jacobian], word), None
    if jacobian.size <= MAX_DESCRIBED_CELLS:
        hovers = [hover(jacobian[i], lambda k, i=i: partial_label(y_name, i, x_name, k), rounded) for i in outputs]
    labelled = jacobian.size <= MAX_LABELLED_CELLS
    spec = heatmap(
        [jacobian[i] for i in outputs], hovers, titles, grid or output_grid(y_shape), labelled, rounded.noise
    )
    name_cells(spec["layout"], *cell_names(x_name, x_shape))
    return spec


def output_grid(y_shape: tuple[int, ...]) -> tuple[int, int]:
    """The grid of slices: y's rows and columns as y is drawn (as_matrix), except a column vector,
    whose slices stand side by side in one row, in the order of the sum they add up in."""
    rows, cols = as_matrix(np.empty(y_shape)).shape
    return (1, rows) if slices_in_a_row(y_shape) else (rows, cols)


def slices_in_a_row(y_shape: tuple[int, ...]) -> bool:
    """y is a column vector (n, 1), n > 1: its slices are drawn in one row (the caption says so)."""
    return len(y_shape) == 2 and y_shape[1] == 1 and y_shape[0] > 1


def cell_names(x: str, x_shape: tuple[int, ...]) -> tuple[list[str], list[str]]:
    """The names of a panel's columns and rows, for a panel shaped like x (rank 2 at most): an
    element's full name where a row or a column has one element, x[:,j] and x[i,:] otherwise."""
    if len(x_shape) == 1:
        return [index_label(x, k) for k in element_indices(x_shape)], []
    if len(x_shape) != 2:
        return [], []
    rows, cols = x_shape
    if rows == 1:
        return [index_label(x, (0, j)) for j in range(cols)], []
    if cols == 1:
        return [], [index_label(x, (i, 0)) for i in range(rows)]
    return [f"{x}[:,{j}]" for j in range(cols)], [f"{x}[{i},:]" for i in range(rows)]


def flat_matrix(
    jacobian: np.ndarray,
    y_shape: tuple[int, ...],
    y_name: str,
    x_name: str,
    sums: np.ndarray | None = None,
    word: str = "round-off",
) -> dict:
    """J.reshape(y.size, x.size): row r = output element r, column c = input element c (row-major).

    With `sums` (the column sums, shaped like x), a row Σ under a gap: each sum under its column,
    in the same colour scale as the entries it adds up.
    """
    x_shape = jacobian.shape[len(y_shape) :]
    y_labels = [index_label(y_name, i) for i in element_indices(y_shape)]
    x_labels = [index_label(x_name, k) for k in element_indices(x_shape)]
    flat = jacobian.reshape(len(y_labels), len(x_labels))
    rounded = rounding([flat] + ([] if sums is None else [np.asarray(sums)]), word)
    hovers = None
    if flat.size <= MAX_DESCRIBED_CELLS:
        hovers = [flat_hover(flat, y_labels, x_labels, rounded)]
    title = f"∂{y_name}/∂{x_name}  ({len(y_labels)} × {len(x_labels)})"
    spec = heatmap([flat], hovers, [title], (1, 1), flat.size <= MAX_LABELLED_CELLS, rounded.noise)
    if sums is not None:
        _add_sum_row(spec, np.asarray(sums, np.float64).reshape(-1), y_name, x_labels, rounded)
        y_labels = [*y_labels, "", "Σ"]
    layout = spec["layout"]
    layout.update(height=min(1600, 120 + 32 * len(y_labels)), margin=dict(layout["margin"], t=90))
    # automargin: room for the index labels (template "none" does not turn it on, Plotly's default did)
    labelled = dict(showticklabels=True, automargin=True)
    layout["xaxis"] = dict(layout["xaxis"], **labelled, side="top",
                           tickvals=list(range(len(x_labels))), ticktext=x_labels)  # fmt: skip
    layout["yaxis"] = dict(layout["yaxis"], **labelled, tickvals=list(range(len(y_labels))), ticktext=y_labels)
    layout["annotations"][0].update(y=-0.5, yshift=40)
    return spec


def flat_hover(flat: np.ndarray, y_labels: list[str], x_labels: list[str], rounded: Rounding) -> np.ndarray:
    """'∂C[0,1]/∂A[1,0] = 0' for every entry of a flat Jacobian."""
    hover = np.array([[f"∂{r}/∂{c}" for c in x_labels] for r in y_labels], dtype=object)
    return hover + np.vectorize(lambda v: f" = {rounded.shown(v)}", otypes=[object])(flat)


def _add_sum_row(spec: dict, sums: np.ndarray, y_name: str, x_labels: list[str], rounded: Rounding) -> None:
    """The column sums as a last row of the flat matrix's heatmap, a gap row above (see flat_matrix)."""
    heatmap, layout = spec["data"][0], spec["layout"]
    gap = np.full((1, sums.size), np.nan)
    heatmap["z"] = np.vstack([heatmap["z"], gap, np.where(np.abs(sums) < rounded.noise, 0.0, sums)[None, :]])
    if "text" in heatmap:
        row = [f"Σᵢ ∂{y_name}[i]/∂{c} = {rounded.shown(v)}" for c, v in zip(x_labels, sums, strict=True)]
        heatmap["text"] = np.vstack([heatmap["text"], np.full((1, sums.size), "", object), np.array([row], object)])
    height = heatmap["z"].shape[0]
    layout["yaxis"]["range"] = [height - 0.5, -0.5]
    layout["coloraxis"].update(cmin=-extent(heatmap["z"]), cmax=extent(heatmap["z"]))
    layout["meta"]["sums_row"] = height - 1


def outline(spec: dict, masks: list[np.ndarray | None]) -> dict:
    """Each panel's cells where its mask (shaped like the panel's array, or None) is true, outlined by a
    dotted line in the text's colour: the cells that disagree. Changes the figure in place, returns it."""
    for (r, c, _, _), mask in zip(spec["layout"]["meta"]["panels"], masks, strict=False):
        if mask is None:
            continue
        for a, b in np.argwhere(as_matrix(np.asarray(mask, bool))):
            rect = dict(type="rect", x0=c + b - 0.5, x1=c + b + 0.5, y0=r + a - 0.5, y1=r + a + 0.5,
                        line=dict(width=3, dash="dot"))  # fmt: skip
            spec["layout"].setdefault("shapes", []).append(rect)
    return spec


def batch_sums(per_sample: np.ndarray, y_name: str, x_name: str, word: str = "round-off") -> dict:
    """What tape.batch_jacobian returns, (B, n_out, n_in): panel b is Σ_c ∂y[c]/∂x[b], one per sample b.

    Each panel adds up a column of the full Jacobian's blocks, which is the diagonal block
    ∂y[b]/∂x[b] only when the samples do not interact: the titles say what the panels are.
    """
    values, hovers, titles, rounded = [], [], [], rounding([per_sample], word)
    for b in range(per_sample.shape[0]):
        values.append(per_sample[b])
        entry = lambda k, b=b: f"Σ<sub>c</sub> ∂{y_name}[c,{k[0]}]/∂{index_label(x_name, (b, k[1]))}"  # noqa: E731
        hovers.append(hover(per_sample[b], entry, rounded))
        titles.append(f"Σ<sub>c</sub> ∂{y_name}[c]/∂{index_label(x_name, (b,))}")
    grid = (1, per_sample.shape[0])
    return heatmap(values, hovers, titles, grid, per_sample.size <= MAX_LABELLED_CELLS, rounded.noise)


def panels_in_a_row(values: list[np.ndarray], titles: list[str], x_names: list[str], word: str = "round-off") -> dict:
    """Arrays side by side under their titles, in one colour scale (a gradient beside its fixes, a
    batch's saliency maps): panel p is shaped like the tensor x_names[p], each cell's hover naming the
    panel and its element; the rows and columns are named when every panel is shaped like one x."""
    rounded = rounding(values, word)
    hovers = [
        hover(np.asarray(v), lambda k, name=name, x=x: f"{name} — {index_label(x, k)}", rounded)
        for v, name, x in zip(values, map(plain, titles), x_names, strict=True)
    ]
    labelled = sum(np.size(v) for v in values) <= MAX_LABELLED_CELLS
    spec = heatmap(values, hovers, titles, (1, len(values)), labelled, rounded.noise)
    if len(set(x_names)) == 1:
        name_cells(spec["layout"], *cell_names(x_names[0], np.shape(values[0])))
    return spec


def as_pixels(figure: dict) -> dict:
    """The figure's panels drawn as pictures, each cell a pixel of an image: square, down to 10 px
    (jaccore/ui/layout.js), no numbers written in them and no names of rows and columns (the hover and
    the screen reader's tables still have both). Changes the figure in place and returns it."""
    figure["data"][0].pop("texttemplate", None)
    layout = figure["layout"]
    layout["meta"].pop("cell_names", None)
    layout["meta"]["pixels"] = True
    for axis in ("xaxis", "yaxis"):
        layout[axis].update(showticklabels=False)
    return figure


def block_grid(jacobian: np.ndarray, y_name: str, x_name: str, word: str = "round-off") -> dict:
    """A batch's full Jacobian (B, n_out, B, n_in) as a B×B grid of blocks ∂y[b]/∂x[c], diagonal outlined.

    The outlined diagonal blocks are the per-sample Jacobians; the others couple samples. (The outline's
    colour is the theme's text colour, set by the panel component; Plotly's default where it is not.)
    """
    batch = jacobian.shape[0]
    pairs = [(b, c) for b in range(batch) for c in range(batch)]
    values, rounded = [jacobian[b, :, c, :] for b, c in pairs], rounding([jacobian], word)
    hovers = [
        hover(values[n], lambda k, b=b, c=c: partial_label(y_name, (b, k[0]), x_name, (c, k[1])), rounded)
        for n, (b, c) in enumerate(pairs)
    ]
    titles = [partial_label(y_name, (b,), index_label(x_name, (c,))) for b, c in pairs]
    spec = heatmap(values, hovers, titles, (batch, batch), jacobian.size <= MAX_LABELLED_CELLS, rounded.noise)
    for r, c, h, w in spec["layout"]["meta"]["panels"][:: batch + 1]:
        rect = dict(type="rect", x0=c - 0.5, x1=c + w - 0.5, y0=r - 0.5, y1=r + h - 0.5, line=dict(width=3))
        spec["layout"].setdefault("shapes", []).append(rect)
    return spec
