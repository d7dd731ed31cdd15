"""A figure's numbers as HTML tables: what a screen reader reads where a sighted learner sees a chart.

Pure functions of a figure spec (jaccore/figures.py), so that the tables say exactly what the chart
draws. A chart of matrices gives one table per panel, in reading order, captioned by the panel's
title and size ("∂C[0,0]/∂A, 2 by 2"), its rows and columns headed as the cells are named (A[0,:],
A[:,1]); the sign after a panel (+, =, ·, vs) and the note under it follow its table, so that an
equation is read in order: term, plus, term, equals, Σ, vs, tape.gradient. A line chart gives one
table, a row per point. The tables are visually hidden (the stylesheet's .jx-sr-only).
"""

import html
import math

import numpy as np

from jaccore.figures import panel_titles, plain
from jaccore.tiles import MAX_LABELLED_CELLS

# Past this many numbers the chart writes none in its cells (hover only), and a table would be a
# long read on every slider move: the caption says how many there are instead.
MAX_READ_CELLS = MAX_LABELLED_CELLS


def tables_html(figure: dict, size: str, too_many: str) -> str:
    """The figure's numbers as tables, visually hidden. `size` is the reader's words for a panel's size
    ('{rows} by {cols}'), `too_many` what a caption adds where the numbers are not listed ('{n} numbers')."""
    trace = figure["data"][0]
    meta = figure["layout"].get("meta") or {}
    if trace.get("type") == "heatmap" and "panels" in meta:
        body = panel_tables(figure, size, too_many)
    else:
        body = line_table(figure)
    return f'<div class="jx-sr-only">{body}</div>'


def panel_tables(figure: dict, size: str, too_many: str) -> str:
    layout = figure["layout"]
    meta = layout["meta"]
    z = np.asarray(figure["data"][0]["z"], np.float64)
    labels = layout.get("annotations", [])
    titles = panel_titles(figure)
    signs = [plain(a["text"]) for a in labels if a["name"] == "sign"]
    notes = [plain(a["text"]) for a in labels if a["name"] == "note"]
    names = meta.get("cell_names", {})
    extra = [meta["sums_row"]] if "sums_row" in meta else []  # the flat matrix's row of column sums
    listed = sum(h * w for _, _, h, w in meta["panels"]) <= MAX_READ_CELLS
    parts = []
    for k, (r, c, h, w) in enumerate(meta["panels"]):
        rows = [*range(r, r + h), *extra]
        columns = list(range(c, c + w))
        caption = f"{titles[k] if k < len(titles) else ''}, {size.format(rows=h, cols=w)}"
        if listed:
            row_names = cell_names(layout["yaxis"], rows, names.get("rows"), h)
            column_names = cell_names(layout["xaxis"], columns, names.get("columns"), w)
            parts.append(table(caption, z[np.ix_(rows, columns)], row_names, column_names))
        else:
            parts.append(f"<p>{html.escape(caption)}: {html.escape(too_many.format(n=h * w))}</p>")
        parts += [f"<p>{html.escape(text)}</p>" for text in (notes[k:k + 1] + signs[k:k + 1])]  # fmt: skip
    return "".join(parts)


def cell_names(axis: dict, positions: list[int], given: list[str] | None, count: int) -> list[str] | None:
    """Headers for a panel's rows or columns: the names the figure gives its cells, else the axis's
    tick labels at those places (the flat view), else none where there is one row (or column), else
    its index."""
    if given and len(given) == count == len(positions):
        return given
    ticks = dict(zip(axis.get("tickvals", []), axis.get("ticktext", []), strict=False))
    if all(p in ticks for p in positions):
        return [ticks[p] for p in positions]
    return None if len(positions) == 1 else [f"[{n}]" for n in range(len(positions))]


def table(caption: str, values: np.ndarray, rows: list[str] | None, columns: list[str] | None) -> str:
    corner = "<td></td>" if rows else ""
    head = f"<tr>{corner}{''.join(header(name, 'col') for name in columns)}</tr>" if columns else ""
    body = "".join(
        f"<tr>{header(rows[i], 'row') if rows else ''}{''.join(f'<td>{number(v)}</td>' for v in line)}</tr>"
        for i, line in enumerate(values.tolist())  # floats: fast to format
    )
    return f"<table><caption>{html.escape(caption)}</caption>{head}{body}</table>"


def header(name: str, scope: str) -> str:
    return f'<th scope="{scope}">{html.escape(name)}</th>'


def number(v: float) -> str:
    """As a cell's hover says it (a gap: nothing)."""
    return f"{v:.4g}" if math.isfinite(v) else ""


def line_table(figure: dict) -> str:
    """A line chart's points: a row per x, a column per line, headed by the lines' names."""
    layout = figure["layout"]
    title = plain(((layout.get("title") or {}).get("text")) or "")
    x_name = plain(((layout.get("xaxis") or {}).get("title") or {}).get("text") or "x")
    traces = figure["data"]
    x = np.asarray(traces[0]["x"], np.float64)
    values = np.column_stack([x] + [np.asarray(t["y"], np.float64) for t in traces])
    columns = [x_name] + [plain(t.get("name", "")) for t in traces]
    head = f"<tr>{''.join(header(name, 'col') for name in columns)}</tr>"
    body = "".join(f"<tr>{''.join(f'<td>{number(v)}</td>' for v in line)}</tr>" for line in values)
    return f"<table><caption>{html.escape(title)}</caption>{head}{body}</table>"
