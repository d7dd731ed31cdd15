"""Panels tiled into one heatmap, and the layout description that the panel component follows.

Plotly's cost grows with the number of axes, not of cells: every figure of matrices is one heatmap
on one pair of axes, its panels tiled into a single matrix with an empty cell between neighbours.
Drawn as Plotly would draw it (the fallback, st.plotly_chart), every cell is 72 × 44 px.

The layout rule, for every picture, written here once as `layout.meta` and followed by the panel
component (jaccore/ui/panel.js), which knows the width of the screen:

- a **grid** keeps every panel where it is: a Jacobian is a grid shaped like y of slices shaped
  like x. Where it does not fit, the whole grid is drawn smaller; past the narrowest legible cells
  it scrolls sideways as one unit. It never re-flows into another grid;
- an **equation** is one row of terms with a sign after each (+, =, ·, vs). On one line while its
  cells stay legible; otherwise it wraps between whole terms only, a sign staying at the end of
  its line, and its last `together` terms always share a line (Σ beside tape.gradient).

    meta = {"panels": [[row, col, height, width], …],   # each panel's top-left cell in z, reading order
            "arrange": "grid" | "equation", "together": k,
            "cell_names": {"columns": […], "rows": […]}}  # optional: one panel's columns and rows

Every annotation is a label, in Plotly's markup (<br>, <b>, <sub>): a "title" above each panel, in
the panels' order; "sign" k after panel k; optionally a "note" under each panel.
"""

import numpy as np
import plotly.colors

from jaccore.notation import as_matrix

# Diverging: red below zero, white at zero, blue above. Spelled out as colour stops so that the
# app's panel component can draw the same scale as its own colour key (see ui/panel.js).
COLORSCALE = plotly.colors.get_colorscale("RdBu")
MAX_LABELLED_CELLS = 1000  # past this, numbers written in cells slow the browser: hover only
CELL_PX = 44  # the fallback's height of one matrix row
CELL_WIDTH_PX = 72  # the fallback's width of one matrix column
MAX_WIDTH_PX = 1100
TITLE_PX = 40  # room above the top row of panels for their titles


def tile(blocks: list[np.ndarray], grid: tuple[int, int], fill: object) -> tuple[np.ndarray, list[list[int]]]:
    """Matrices at the places of a rows × columns grid (row-major), one `fill` cell between
    neighbours; each grid row as tall as its tallest block, each grid column as wide as its widest.
    Returns the tiled matrix and each block's [row, col, height, width] in it."""
    rows, cols = grid
    heights = [max(b.shape[0] for b in blocks[r * cols : (r + 1) * cols]) for r in range(rows)]
    widths = [max(b.shape[1] for b in blocks[c::cols]) for c in range(cols)]
    top = np.cumsum([0, *[h + 1 for h in heights]])
    left = np.cumsum([0, *[w + 1 for w in widths]])
    out = np.full((top[-1] - 1, left[-1] - 1), fill, dtype=blocks[0].dtype)
    places = []
    for n, block in enumerate(blocks):
        r, c = divmod(n, cols)
        (h, w), y, x = block.shape, int(top[r]), int(left[c])
        out[y : y + h, x : x + w] = block
        places.append([y, x, h, w])
    return out, places


def extent(values: np.ndarray) -> float:
    """The colour scale's half-width: the largest finite |value|, so that zero stays white."""
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


def label(text: str, x: float, y: float, name: str, **style: object) -> dict:
    """An annotation that is a label of the figure: 'title', 'sign' or 'note' (see above)."""
    return dict(text=text, x=x, y=y, name=name, showarrow=False, **style)


def heatmap(
    values: list[np.ndarray],
    hovers: list[np.ndarray] | None,
    titles: list[str],
    grid: tuple[int, int],
    labelled: bool,
    noise: float = 0.0,
    arrange: str = "grid",
    together: int = 0,
) -> dict:
    """One heatmap of the panels at the places of `grid`, each with its title above it (and each
    cell's hover text, unless `hovers` is None: then the hover shows the value alone). A value under
    `noise` is drawn as 0: it is the computation's rounding (figures.round_off)."""
    blocks = [as_matrix(np.asarray(v, np.float64)) for v in values]
    blocks = [np.where(np.abs(b) < noise, 0.0, b) for b in blocks]
    z, places = tile(blocks, grid, np.nan)
    heatmap = dict(type="heatmap", z=z, hoverongaps=False, coloraxis="coloraxis", xgap=1, ygap=1)
    if hovers is None:
        heatmap["hovertemplate"] = "%{z:.4g}<extra></extra>"
    else:
        heatmap["text"] = tile([as_matrix(np.asarray(t, dtype=object)) for t in hovers], grid, "")[0]
        heatmap["hovertemplate"] = "%{text}<extra></extra>"
    if labelled:
        heatmap["texttemplate"] = "%{z:.3~g}"
    layout = _layout(z)
    layout["annotations"] = [
        label(t, c + (w - 1) / 2, r - 0.5, "title", yanchor="bottom", font=dict(size=12))
        for t, (r, c, h, w) in zip(titles, places, strict=True)
    ]
    layout["meta"] = dict(panels=places, arrange=arrange, together=together)
    return dict(data=[heatmap], layout=layout)


def own_scale(spec: dict, count: int, title: str) -> dict:
    """The last `count` panels on a colour scale of their own (`title` names it beside its key), the
    others keeping theirs: a sum ten times smaller than its slices would look blank on theirs.

    One heatmap still holds every number (its hover, its cells' numbers, the screen reader's tables);
    a second one over it, with no hover, paints the own-scale panels in the second colour axis.
    Changes `spec` in place and returns it."""
    layout, trace = spec["layout"], spec["data"][0]
    z = np.asarray(trace["z"], np.float64)
    own, shared = np.full(z.shape, np.nan), z.copy()
    for r, c, h, w in layout["meta"]["panels"][-count:]:
        own[r : r + h, c : c + w] = z[r : r + h, c : c + w]
        shared[r : r + h, c : c + w] = np.nan
    layout["coloraxis"].update(cmin=-extent(shared), cmax=extent(shared))
    scale = dict(cmin=-extent(own), cmax=extent(own), colorbar=dict(title=dict(text=title)))
    layout["coloraxis2"] = dict(layout["coloraxis"], **scale)
    overlay = dict(type="heatmap", z=own, coloraxis="coloraxis2", hoverinfo="skip", hoverongaps=False, xgap=1, ygap=1)
    spec["data"].append(overlay)
    layout["meta"]["own_scale"] = count
    return spec


def _layout(z: np.ndarray) -> dict:
    """Axes hidden with fixed ranges, one colour axis centred at zero, a size that follows the cells."""
    hidden = dict(showticklabels=False, ticks="", showgrid=False, zeroline=False)
    # Fixed ranges (what autorange would find for a heatmap): Plotly need not search for them on every update.
    x_range, y_range = [-0.5, z.shape[1] - 0.5], [z.shape[0] - 0.5, -0.5]  # y reversed: row 0 on top
    return dict(
        # "none": Plotly's default template is ~10 kB of JSON to validate and send on every move.
        template="none",
        font=dict(family="sans-serif"),  # its colour is the theme's (ui/panel.js, or Streamlit's)
        height=min(1600, TITLE_PX + 10 + z.shape[0] * CELL_PX),
        width=min(MAX_WIDTH_PX, 120 + z.shape[1] * CELL_WIDTH_PX),
        margin=dict(l=10, r=10, t=TITLE_PX, b=10),
        coloraxis=dict(colorscale=COLORSCALE, cmid=0, cmin=-extent(z), cmax=extent(z), colorbar=dict(thickness=12)),
        xaxis=dict(range=x_range, **hidden),
        yaxis=dict(range=y_range, **hidden),
        plot_bgcolor="rgba(0,0,0,0)",  # the page shows through: light or dark
        paper_bgcolor="rgba(0,0,0,0)",
    )


def add_signs(layout: dict, texts: list[str]) -> None:
    """Sign k (in bold) in the gap after panel k, at the middle of its height."""
    for text, (r, c, h, w) in zip(texts, layout["meta"]["panels"], strict=False):
        layout["annotations"].append(label(f"<b>{text}</b>", c + w, r + (h - 1) / 2, "sign", font=dict(size=16)))


def add_notes(layout: dict, texts: list[str]) -> None:
    """A note under each panel (its shape, say)."""
    for text, (r, c, h, w) in zip(texts, layout["meta"]["panels"], strict=True):
        note = label(text, c + (w - 1) / 2, r + h - 0.5, "note", yanchor="top", font=dict(size=11))
        layout["annotations"].append(note)
    layout["margin"]["b"] += 24
    layout["height"] += 24


def name_cells(layout: dict, columns: list[str], rows: list[str]) -> None:
    """Tick labels under every panel's columns and beside every panel's rows, where the axes are: under
    the panels of the bottom row, beside those of the first column (margins set, not automargin: the
    panel component draws them in HTML, as the titles, wherever it places the panels)."""
    meta = layout["meta"]
    meta["cell_names"] = dict(columns=columns, rows=rows)
    font = dict(size=11)
    bottom = max(r + h for r, _, h, _ in meta["panels"])
    if columns:
        ticks = [c + j for r, c, h, w in meta["panels"] if r + h == bottom for j in range(w)]
        layout["xaxis"].update(showticklabels=True, tickfont=font, tickvals=ticks,
                               ticktext=columns * (len(ticks) // len(columns)))  # fmt: skip
        layout["margin"]["b"] += 24
        layout["height"] += 24
    if rows:
        ticks = [r + i for r, c, h, w in meta["panels"] if c == 0 for i in range(h)]
        layout["yaxis"].update(showticklabels=True, tickfont=font, tickvals=ticks,
                               ticktext=rows * (len(ticks) // len(rows)))  # fmt: skip
        room = 8 + 7 * max(map(len, rows))
        layout["margin"]["l"] += room
        layout["width"] += room
