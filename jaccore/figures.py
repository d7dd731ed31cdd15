"""Plotly figures of a Jacobian: pure functions from numpy arrays (and labels) to figure specs.

Every figure is one heatmap on one pair of axes: the panels (one slice of the Jacobian each)
are tiled into a single matrix with empty cells between them. Plotly's cost grows with the
number of axes, not of cells, so a slider move repaints one trace per figure instead of one
per panel. Panels are drawn as matrices (row 0 on top) in one diverging colour scale centred at
zero: the same colour means the same number everywhere in a figure. `layout.meta` records where
each panel sits ({"panels": [[row, col], …], "panel_shape": [h, w]}), so that tests and readers
of the JSON can take the panels back out.

A figure is Plotly's JSON schema as a dict ({"data": [...], "layout": {...}}), not a go.Figure:
go.Figure validates every property as it is built, ~3 ms a figure on every slider move. The tests
validate what every builder returns, once, with go.Figure.

What the app's panel component (ui/panel.js) draws itself, by this contract:
- every annotation is a label, named "title" (above a panel) or "sign" (+, = between panels),
  its text in Plotly's markup (<br> and <b> only). Where both axes have fixed ranges and no
  automargin, the component draws the labels in HTML at the same places and removes them from
  the figure (Plotly redraws every annotation on every update);
- a trace with a texttemplate has its numbers written in its cells; the component writes them
  in HTML over the cells instead (Plotly measures its SVG text on every update);
- the colour axis's colour bar is drawn as an HTML colour key beside the chart.
Drawn by st.plotly_chart instead (the fallback), the same figure looks the same.
"""

from collections.abc import Callable

import numpy as np
import plotly.colors
import plotly.io.json

from jaccore.notation import as_matrix, element_indices, index_label, partial_label

# Diverging: red below zero, white at zero, blue above. Spelled out as colour stops so that the
# app's panel component can draw the same scale as its own colour key (see ui/panel.js).
COLORSCALE = plotly.colors.get_colorscale("RdBu")
MAX_LABELLED_CELLS = 1000  # past this, numbers written in cells slow the browser: hover only
# Past this, each cell's hover names only its value: the names ("∂y[0,1,2]/∂x[3,4,5] = …") were
# ~80% of the 2 MB a slider move sent for a 512 × 64 Jacobian.
MAX_DESCRIBED_CELLS = 4096
MAX_SUM_TERMS = 12  # slices drawn in the sum; the rest are summed but summarised as "…"
CELL_PX = 44  # height of one matrix row
CELL_WIDTH_PX = 72  # width of one matrix column: narrow panels stay narrow instead of stretching
MAX_WIDTH_PX = 1100
TITLE_PX = 40  # room above the top row of panels for their titles


def _hover(values: np.ndarray, label: Callable[[tuple[int, ...]], str]) -> np.ndarray:
    """'label = value' for every entry, in the array's drawn (matrix) layout."""
    texts = [f"{label(k)} = {v:.4g}" for k, v in zip(element_indices(values.shape), values.ravel(), strict=True)]
    return as_matrix(np.array(texts, dtype=object).reshape(values.shape))


def _tile(blocks: list[np.ndarray], cols: int, fill: object) -> np.ndarray:
    """Equal-shaped matrices in a grid, `cols` per row, one `fill` cell between neighbours."""
    h, w = blocks[0].shape
    rows = -(-len(blocks) // cols)
    out = np.full((rows * (h + 1) - 1, cols * (w + 1) - 1), fill, dtype=blocks[0].dtype)
    for n, block in enumerate(blocks):
        r, c = divmod(n, cols)
        out[r * (h + 1) : r * (h + 1) + h, c * (w + 1) : c * (w + 1) + w] = block
    return out


def _extent(values: np.ndarray) -> float:
    """The colour scale's half-width: the largest finite |value|, so that zero stays white."""
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


def _label(text: str, x: float, y: float, name: str, **style: object) -> dict:
    """An annotation that is a label of the figure (see the contract above): 'title' or 'sign'."""
    return dict(text=text, x=x, y=y, name=name, showarrow=False, **style)


def _panels(
    values: list[np.ndarray], hovers: list[np.ndarray] | None, titles: list[str], cols: int, labelled: bool
) -> dict:
    """One heatmap of the panels tiled `cols` per row, each with its title above it (and each cell's
    hover text, unless `hovers` is None: then the hover shows the value alone)."""
    blocks = [as_matrix(np.asarray(v, np.float64)) for v in values]
    h, w = blocks[0].shape
    z = _tile(blocks, cols, np.nan)
    heatmap = dict(type="heatmap", z=z, hoverongaps=False, coloraxis="coloraxis", xgap=1, ygap=1)
    if hovers is None:
        heatmap["hovertemplate"] = "%{z:.4g}<extra></extra>"
    else:
        heatmap["text"] = _tile([np.asarray(t, dtype=object) for t in hovers], cols, "")
        heatmap["hovertemplate"] = "%{text}<extra></extra>"
    if labelled:
        heatmap["texttemplate"] = "%{z:.3~g}"
    corners = [((n // cols) * (h + 1), (n % cols) * (w + 1)) for n in range(len(blocks))]
    layout = _layout(z, rows=-(-len(blocks) // cols), cols=cols, panel_shape=(h, w))
    layout["annotations"] = [
        _label(t, c + (w - 1) / 2, r - 0.5, "title", yanchor="bottom", font=dict(size=12))
        for t, (r, c) in zip(titles, corners, strict=True)
    ]
    layout["meta"] = dict(panels=[list(corner) for corner in corners], panel_shape=[h, w])
    return dict(data=[heatmap], layout=layout)


def _layout(z: np.ndarray, rows: int, cols: int, panel_shape: tuple[int, int]) -> dict:
    """Axes hidden with fixed ranges, one colour axis centred at zero, a size that follows the panels."""
    h, w = panel_shape
    hidden = dict(showticklabels=False, ticks="", showgrid=False, zeroline=False)
    # Fixed ranges (what autorange would find for a heatmap): Plotly need not search for them on every update.
    x_range, y_range = [-0.5, z.shape[1] - 0.5], [z.shape[0] - 0.5, -0.5]  # y reversed: row 0 on top
    return dict(
        # "none": Plotly's default template is ~10 kB of JSON to validate and send on every move.
        template="none",
        font=dict(family="sans-serif"),  # its colour is the theme's (ui/panel.js, or Streamlit's)
        height=min(1600, TITLE_PX + rows * (h + 1) * CELL_PX),
        width=min(MAX_WIDTH_PX, 120 + cols * (w + 1) * CELL_WIDTH_PX),
        margin=dict(l=10, r=10, t=TITLE_PX, b=10),
        coloraxis=dict(colorscale=COLORSCALE, cmid=0, cmin=-_extent(z), cmax=_extent(z), colorbar=dict(thickness=12)),
        xaxis=dict(range=x_range, **hidden),
        yaxis=dict(range=y_range, **hidden),
        plot_bgcolor="rgba(0,0,0,0)",  # the page shows through: light or dark
        paper_bgcolor="rgba(0,0,0,0)",
    )


def plotly_json(value: object) -> str:
    """Figures, or anything holding them, as JSON that Plotly.js reads (numpy arrays as lists, NaN as
    null: a gap), without validation."""
    return plotly.io.json.to_json_plotly(value)


def panel_titles(figure: dict) -> list[str]:
    """The titles above a figure's panels (not the signs between them), as plain text."""
    notes = figure["layout"]["annotations"]
    return [note["text"].replace("<br>", " ") for note in notes if note["name"] == "title"]


def slice_grid(jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str) -> dict:
    """One panel per output element, laid out like y: panel i is the slice ∂y[i]/∂x, shaped like x,
    its rows and columns named after the input's. When y and x are both column vectors (W·x), each
    slice is drawn as a row, one under the other: the picture then reads as the matrix J, rows as rows,
    instead of a tower of thin strips."""
    x_shape = jacobian.shape[len(y_shape) :]
    outputs = element_indices(y_shape)
    as_rows = slices_as_rows(y_shape, x_shape)
    cols = 1 if as_rows else as_matrix(np.empty(y_shape)).shape[1]
    values = [jacobian[i].reshape(1, -1) if as_rows else jacobian[i] for i in outputs]
    titles = [partial_label(y_name, i, x_name) for i in outputs]
    hovers = None
    if jacobian.size <= MAX_DESCRIBED_CELLS:
        hovers = [_hover(jacobian[i], lambda k, i=i: partial_label(y_name, i, x_name, k)) for i in outputs]
        hovers = [h.reshape(1, -1) for h in hovers] if as_rows else hovers
    spec = _panels(values, hovers, titles, cols, jacobian.size <= MAX_LABELLED_CELLS)
    _name_cells(spec["layout"], *cell_names(x_name, x_shape, as_rows))
    return spec


def slices_as_rows(y_shape: tuple[int, ...], x_shape: tuple[int, ...]) -> bool:
    """y and x both column vectors (n, 1): the slices are drawn as rows (see slice_grid)."""
    column = lambda shape: len(shape) == 2 and shape[1] == 1 and shape[0] > 1  # noqa: E731
    return column(tuple(y_shape)) and column(tuple(x_shape))


def cell_names(x: str, x_shape: tuple[int, ...], as_rows: bool = False) -> tuple[list[str], list[str]]:
    """The names of a panel's columns and rows, for a panel shaped like x (rank 2 at most): an
    element's full name where a row or a column has one element, x[:,j] and x[i,:] otherwise."""
    if as_rows or len(x_shape) == 1:
        return [index_label(x, k) for k in element_indices(x_shape)], []
    if len(x_shape) != 2:
        return [], []
    rows, cols = x_shape
    if rows == 1:
        return [index_label(x, (0, j)) for j in range(cols)], []
    if cols == 1:
        return [], [index_label(x, (i, 0)) for i in range(rows)]
    return [f"{x}[:,{j}]" for j in range(cols)], [f"{x}[{i},:]" for i in range(rows)]


def _name_cells(layout: dict, columns: list[str], rows: list[str]) -> None:
    """Tick labels under every panel's columns and beside every panel's rows (margins set, not
    automargin: the panel component keeps drawing the titles in HTML; it moves these when it re-tiles)."""
    meta, (h, w) = layout["meta"], layout["meta"]["panel_shape"]
    meta["cell_names"] = dict(columns=columns, rows=rows)
    font = dict(size=11)
    bottom = max(r for r, _ in meta["panels"])
    if columns:  # under the panels of the bottom row, beside those of the first column: where the axes are
        offsets = [c for r, c in meta["panels"] if r == bottom]
        ticks = dict(tickvals=[c + j for c in offsets for j in range(w)], ticktext=columns * len(offsets))
        layout["xaxis"].update(showticklabels=True, tickfont=font, **ticks)
        layout["margin"]["b"] += 24
        layout["height"] += 24
    if rows:
        offsets = [r for r, c in meta["panels"] if c == 0]
        ticks = dict(tickvals=[r + i for r in offsets for i in range(h)], ticktext=rows * len(offsets))
        layout["yaxis"].update(showticklabels=True, tickfont=font, **ticks)
        room = 8 + 7 * max(map(len, rows))
        layout["margin"]["l"] += room
        layout["width"] += room


def flat_matrix(
    jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str, sums: np.ndarray | None = None
) -> dict:
    """J.reshape(y.size, x.size): row r = output element r, column c = input element c (row-major).

    With `sums` (the column sums, shaped like x), a row Σ under a gap: each sum under its column,
    in the same colour scale as the entries it adds up.
    """
    x_shape = jacobian.shape[len(y_shape) :]
    y_labels = [index_label(y_name, i) for i in element_indices(y_shape)]
    x_labels = [index_label(x_name, k) for k in element_indices(x_shape)]
    flat = jacobian.reshape(len(y_labels), len(x_labels))
    hovers = None
    if flat.size <= MAX_DESCRIBED_CELLS:
        hover = np.array([[f"∂{r}/∂{c}" for c in x_labels] for r in y_labels], dtype=object)
        hovers = [hover + np.vectorize(lambda v: f" = {v:.4g}", otypes=[object])(flat)]
    title = f"∂{y_name}/∂{x_name}  ({len(y_labels)} × {len(x_labels)})"
    spec = _panels([flat], hovers, [title], 1, flat.size <= MAX_LABELLED_CELLS)
    if sums is not None:
        _add_sum_row(spec, np.asarray(sums, np.float64).reshape(-1), y_name, x_labels)
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


def _add_sum_row(spec: dict, sums: np.ndarray, y_name: str, x_labels: list[str]) -> None:
    """The column sums as a last row of the flat matrix's heatmap, a gap row above (see flat_matrix)."""
    heatmap, layout = spec["data"][0], spec["layout"]
    gap = np.full((1, sums.size), np.nan)
    heatmap["z"] = np.vstack([heatmap["z"], gap, sums[None, :]])
    if "text" in heatmap:
        row = [f"Σᵢ ∂{y_name}[i]/∂{c} = {v:.4g}" for c, v in zip(x_labels, sums, strict=True)]
        heatmap["text"] = np.vstack([heatmap["text"], np.full((1, sums.size), "", object), np.array([row], object)])
    height = heatmap["z"].shape[0]
    layout["yaxis"]["range"] = [height - 0.5, -0.5]
    layout["coloraxis"].update(cmin=-_extent(heatmap["z"]), cmax=_extent(heatmap["z"]))
    layout["meta"]["sums_row"] = height - 1


def sum_equation(
    jacobian: np.ndarray, upstream: np.ndarray, gradient: np.ndarray, y_name: str, x_name: str, labels: tuple[str, str]
) -> dict:
    """v₀·∂y[0]/∂x + v₁·∂y[1]/∂x + … = Σ, in a row, then what the tape returned (`labels`: its title,
    and the word between Σ and it, in the reader's language).

    Σ is computed here from the slices, independently of the tape's gradient beside it.
    """
    outputs = element_indices(upstream.shape)
    total = sum((upstream[i] * jacobian[i] for i in outputs), np.zeros(jacobian.shape[upstream.ndim :]))
    shown = outputs[:MAX_SUM_TERMS]
    values = [upstream[i] * jacobian[i] for i in shown] + [total, gradient]
    tape_label, versus = labels
    titles = [f"{upstream[i]:.3g} ×<br>{partial_label(y_name, i, x_name)}" for i in shown] + ["Σ", tape_label]
    names = [title.replace("<br>", " ") for title in titles]
    hovers = [
        _hover(np.asarray(v), lambda k, name=name: f"{name} — {index_label(x_name, k)}")
        for v, name in zip(values, names, strict=True)
    ]
    labelled = sum(np.size(v) for v in values) <= MAX_LABELLED_CELLS
    spec = _panels(values, hovers, titles, len(values), labelled)
    layout = spec["layout"]
    layout.update(margin=dict(layout["margin"], t=TITLE_PX + 16), height=layout["height"] + 16)
    _name_cells(layout, *cell_names(x_name, jacobian.shape[upstream.ndim :]))
    signs = ["+"] * (len(shown) - 1) + ["+ … =" if len(outputs) > len(shown) else "=", versus]
    h, w = as_matrix(np.asarray(gradient)).shape
    for n, sign in enumerate(signs):
        layout["annotations"].append(_label(f"<b>{sign}</b>", n * (w + 1) + w, (h - 1) / 2, "sign", font=dict(size=16)))
    return spec


def batch_sums(per_sample: np.ndarray, y_name: str, x_name: str) -> dict:
    """What tape.batch_jacobian returns, (B, n_out, n_in): panel b is Σ_c ∂y[c]/∂x[b], one per sample b.

    Each panel adds up a column of the full Jacobian's blocks, which is the diagonal block
    ∂y[b]/∂x[b] only when the samples do not interact: the titles say what the panels are.
    """
    values, hovers, titles = [], [], []
    for b in range(per_sample.shape[0]):
        values.append(per_sample[b])
        entry = lambda k, b=b: f"Σ_c ∂{y_name}[c,{k[0]}]/∂{index_label(x_name, (b, k[1]))}"  # noqa: E731
        hovers.append(_hover(per_sample[b], entry))
        titles.append(f"Σ_c ∂{y_name}[c]/∂{index_label(x_name, (b,))}")
    return _panels(values, hovers, titles, per_sample.shape[0], per_sample.size <= MAX_LABELLED_CELLS)


def block_grid(jacobian: np.ndarray, y_name: str, x_name: str) -> dict:
    """A batch's full Jacobian (B, n_out, B, n_in) as a B×B grid of blocks ∂y[b]/∂x[c], diagonal outlined.

    The outlined diagonal blocks are the per-sample Jacobians; the others couple samples.
    """
    batch = jacobian.shape[0]
    pairs = [(b, c) for b in range(batch) for c in range(batch)]
    values = [jacobian[b, :, c, :] for b, c in pairs]
    hovers = [
        _hover(jacobian[b, :, c, :], lambda k, b=b, c=c: partial_label(y_name, (b, k[0]), x_name, (c, k[1])))
        for b, c in pairs
    ]
    titles = [partial_label(y_name, (b,), index_label(x_name, (c,))) for b, c in pairs]
    spec = _panels(values, hovers, titles, batch, jacobian.size <= MAX_LABELLED_CELLS)
    h, w = values[0].shape
    for b in range(batch):
        r, c = b * (h + 1), b * (w + 1)
        rect = dict(type="rect", x0=c - 0.5, x1=c + w - 0.5, y0=r - 0.5, y1=r + h - 0.5, line=dict(width=3))
        spec["layout"].setdefault("shapes", []).append(rect)
    return spec


# Line charts: grid lines that read on the light and the dark theme (the text takes the theme's colour).
GRID = dict(gridcolor="rgba(128, 128, 128, 0.3)", zerolinecolor="rgba(128, 128, 128, 0.5)")
LEGEND = dict(orientation="h", yanchor="top", y=-0.3)  # below the axis title, clear of it on a phone


def along_a_line(t: np.ndarray, exact: np.ndarray, linear: np.ndarray, names: tuple[str, str], title: str) -> dict:
    """One output element along x + tδ, and the best linear map's straight line, against t."""
    return {
        "data": [
            dict(type="scatter", x=t, y=exact, name=names[0], mode="lines", line=dict(width=3)),
            dict(type="scatter", x=t, y=linear, name=names[1], mode="lines", line=dict(dash="dash", width=2)),
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
            dict(type="scatter", x=t, y=errors, name=names[0], mode="lines+markers"),
            dict(type="scatter", x=t, y=reference, name=names[1], mode="lines", line=dict(dash="dot")),
        ],
        "layout": dict(title=dict(text=title), xaxis=dict(GRID, type="log", title=dict(text="t")),
                       yaxis=dict(GRID, type="log"),
                       height=400, legend=LEGEND, margin=dict(t=50, b=110, l=60, r=20)),
    }  # fmt: skip
