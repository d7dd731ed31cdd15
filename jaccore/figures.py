"""Plotly figures of a Jacobian: pure functions from numpy arrays (and labels) to figure specs.

Every figure is one heatmap on one pair of axes: the panels (one slice of the Jacobian each)
are tiled into a single matrix with empty cells between them. Plotly's cost grows with the
number of axes, not of cells, so a slider move repaints one trace per figure instead of one
per panel. Panels are drawn as matrices (row 0 on top) in one diverging colour scale centred at
zero: the same colour means the same number everywhere in a figure. `layout.meta` records where
each panel sits, so that tests and readers of the JSON can take the panels back out.

A figure is Plotly's JSON schema as a dict ({"data": [...], "layout": {...}}), not a go.Figure:
go.Figure validates every property as it is built, ~3 ms a figure on every slider move. The tests
validate what every builder returns, once, with go.Figure.
"""

import base64
import html
import io
import keyword
import re
import tokenize
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import plotly.colors
import plotly.io.json

if TYPE_CHECKING:  # pandas takes ~0.3 s to import: loaded by the download tables only, not on a first page
    import pandas as pd

# Diverging: red below zero, white at zero, blue above. Spelled out as colour stops so that the
# app's panel component can draw the same scale as its own colour key (see panel.js).
COLORSCALE = plotly.colors.get_colorscale("RdBu")
MAX_LABELLED_CELLS = 1000  # past this, numbers written in cells slow the browser: hover only
MAX_SUM_TERMS = 12  # slices drawn in the sum; the rest are summed but summarised as "…"
CELL_PX = 44  # height of one matrix row
CELL_WIDTH_PX = 72  # width of one matrix column: narrow panels stay narrow instead of stretching
MAX_WIDTH_PX = 1100
TITLE_PX = 40  # room above the top row of panels for their titles


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


def _panels(values: list[np.ndarray], hovers: list[np.ndarray], titles: list[str], cols: int, labelled: bool) -> dict:
    """One heatmap of the panels tiled `cols` per row, each with its title above it."""
    blocks = [as_matrix(np.asarray(v, np.float64)) for v in values]
    h, w = blocks[0].shape
    z = _tile(blocks, cols, np.nan)
    rows = -(-len(blocks) // cols)
    heatmap = dict(
        type="heatmap",
        z=z,
        text=_tile([np.asarray(t, dtype=object) for t in hovers], cols, ""),
        hovertemplate="%{text}<extra></extra>",
        hoverongaps=False,
        coloraxis="coloraxis",
        xgap=1,
        ygap=1,
    )
    if labelled:
        heatmap["texttemplate"] = "%{z:.3~g}"
    corners = [((n // cols) * (h + 1), (n % cols) * (w + 1)) for n in range(len(blocks))]
    titles_above = [
        dict(text=t, x=c + (w - 1) / 2, y=r - 0.5, yanchor="bottom", showarrow=False, font=dict(size=12))
        for t, (r, c) in zip(titles, corners, strict=True)
    ]
    hidden = dict(showticklabels=False, ticks="", showgrid=False, zeroline=False)
    # Fixed ranges (what autorange would find for a heatmap): Plotly need not search for them on every update.
    x_range, y_range = [-0.5, z.shape[1] - 0.5], [z.shape[0] - 0.5, -0.5]  # y reversed: row 0 on top
    layout = dict(
        # "none": Plotly's default template is ~10 kB of JSON to validate and send on every move.
        template="none",
        font=dict(family="sans-serif", color="#31333f"),
        height=min(1600, TITLE_PX + rows * (h + 1) * CELL_PX),
        width=min(MAX_WIDTH_PX, 120 + cols * (w + 1) * CELL_WIDTH_PX),
        margin=dict(l=10, r=10, t=TITLE_PX, b=10),
        coloraxis=dict(colorscale=COLORSCALE, cmid=0, cmin=-_extent(z), cmax=_extent(z), colorbar=dict(thickness=12)),
        xaxis=dict(range=x_range, **hidden),
        yaxis=dict(range=y_range, **hidden),
        plot_bgcolor="white",
        paper_bgcolor="white",
        annotations=titles_above,
        meta=dict(panels=[list(corner) for corner in corners], panel_shape=[h, w]),
    )
    return dict(data=[heatmap], layout=layout)


def plotly_json(value: object) -> str:
    """Figures, or anything holding them, as JSON that Plotly.js reads (numpy arrays as lists, NaN as
    null: a gap), without validation."""
    return plotly.io.json.to_json_plotly(value)


def panel_titles(figure: dict) -> list[str]:
    """The titles above a figure's panels (not the + and = signs between them), as plain text."""
    texts = [note["text"] for note in figure["layout"]["annotations"]]
    return [text.replace("<br>", " ") for text in texts if not text.startswith("<b>")]


def panels_of(figure) -> list[np.ndarray]:
    """The panels back out of a tiled figure (a spec, its JSON read back, or a go.Figure of it)."""
    spec = figure if isinstance(figure, dict) else figure.to_plotly_json()
    z, meta = _array(spec["data"][0]["z"]), spec["layout"]["meta"]
    h, w = meta["panel_shape"]
    return [z[r : r + h, c : c + w] for r, c in meta["panels"]]


def _array(z: object) -> np.ndarray:
    """A Plotly array from JSON: a list, or a base64 typed array {dtype, bdata, shape}."""
    if not isinstance(z, dict):
        return np.asarray(z, dtype=float)
    values = np.frombuffer(base64.b64decode(z["bdata"]), dtype=np.dtype(z["dtype"]))
    return values.reshape([int(n) for n in str(z.get("shape", values.size)).split(",")])


def slice_grid(jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str) -> dict:
    """One panel per output element, laid out like y: panel i is the slice ∂y[i]/∂x, shaped like x."""
    cols = as_matrix(np.empty(y_shape)).shape[1]
    values, hovers, titles = [], [], []
    for i in element_indices(y_shape):
        y_label = index_label(y_name, i)
        values.append(jacobian[i])
        hovers.append(_hover(jacobian[i], lambda k, y_label=y_label: f"∂{y_label}/∂{index_label(x_name, k)}"))
        titles.append(f"∂{y_label}/∂{x_name}")
    return _panels(values, hovers, titles, cols, jacobian.size <= MAX_LABELLED_CELLS)


def flat_matrix(jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str) -> dict:
    """J.reshape(y.size, x.size): row r = output element r, column c = input element c (row-major)."""
    x_shape = jacobian.shape[len(y_shape) :]
    y_labels = [index_label(y_name, i) for i in element_indices(y_shape)]
    x_labels = [index_label(x_name, k) for k in element_indices(x_shape)]
    flat = jacobian.reshape(len(y_labels), len(x_labels))
    hover = np.array([[f"∂{r}/∂{c}" for c in x_labels] for r in y_labels], dtype=object)
    hover = hover + np.vectorize(lambda v: f" = {v:.4g}", otypes=[object])(flat)
    spec = _panels([flat], [hover], [f"∂{y_name}/∂{x_name}  ({len(y_labels)} × {len(x_labels)})"], 1,
                   flat.size <= MAX_LABELLED_CELLS)  # fmt: skip
    layout = spec["layout"]
    layout.update(height=min(1600, 120 + 32 * len(y_labels)), margin=dict(layout["margin"], t=90))
    # automargin: room for the index labels (template "none" does not turn it on, Plotly's default did)
    labelled = dict(showticklabels=True, automargin=True)
    layout["xaxis"] = dict(layout["xaxis"], **labelled, side="top",
                           tickvals=list(range(len(x_labels))), ticktext=x_labels)  # fmt: skip
    layout["yaxis"] = dict(layout["yaxis"], **labelled, tickvals=list(range(len(y_labels))), ticktext=y_labels)
    layout["annotations"][0].update(y=-0.5, yshift=40)
    return spec


def sum_equation(
    jacobian: np.ndarray, upstream: np.ndarray, gradient: np.ndarray, y_name: str, x_name: str, tape_label: str
) -> dict:
    """v₀·∂y[0]/∂x + v₁·∂y[1]/∂x + … = Σ, in a row, then what the tape returned.

    Σ is computed here from the slices, independently of the tape's gradient beside it.
    """
    outputs = element_indices(upstream.shape)
    total = sum((upstream[i] * jacobian[i] for i in outputs), np.zeros(jacobian.shape[upstream.ndim :]))
    shown = outputs[:MAX_SUM_TERMS]
    values = [upstream[i] * jacobian[i] for i in shown] + [total, gradient]
    titles = [f"{upstream[i]:.3g} ×<br>∂{index_label(y_name, i)}/∂{x_name}" for i in shown] + ["Σ", tape_label]
    names = [title.replace("<br>", " ") for title in titles]
    hovers = [
        _hover(np.asarray(v), lambda k, name=name: f"{name} — {index_label(x_name, k)}")
        for v, name in zip(values, names, strict=True)
    ]
    labelled = sum(np.size(v) for v in values) <= MAX_LABELLED_CELLS
    spec = _panels(values, hovers, titles, len(values), labelled)
    layout = spec["layout"]
    layout.update(margin=dict(layout["margin"], t=TITLE_PX + 16), height=layout["height"] + 16)
    signs = ["+"] * (len(shown) - 1) + ["+ … =" if len(outputs) > len(shown) else "=", "vs"]
    h, w = as_matrix(np.asarray(gradient)).shape
    for n, sign in enumerate(signs):
        layout["annotations"].append(
            dict(text=f"<b>{sign}</b>", x=n * (w + 1) + w, y=(h - 1) / 2, showarrow=False, font=dict(size=16))
        )
    return spec


def jacobian_table(jacobian: np.ndarray, y_shape: tuple[int, ...], y_name: str, x_name: str) -> "pd.DataFrame":
    """The flat Jacobian with its index map: one row per output element, one column per input element."""
    import pandas as pd

    x_shape = jacobian.shape[len(y_shape) :]
    rows = [index_label(y_name, i) for i in element_indices(y_shape)]
    cols = [index_label(x_name, k) for k in element_indices(x_shape)]
    return pd.DataFrame(jacobian.reshape(len(rows), len(cols)), index=rows, columns=cols)


def array_table(array: np.ndarray, name: str) -> "pd.DataFrame":
    """An array as a table of its elements: index label → value (any rank)."""
    import pandas as pd

    labels = [index_label(name, k) for k in element_indices(array.shape)]
    return pd.DataFrame({"value": array.ravel()}, index=labels)


def html_rows(rows: dict[str, np.ndarray], name: str) -> str:
    """Arrays of one shape as the rows of a table, one column per element, headed name[0], name[1], …"""
    first = next(iter(rows.values()))
    head = "".join(f"<th>{html.escape(index_label(name, k))}</th>" for k in element_indices(first.shape))
    body = "".join(
        f"<tr><th>{html.escape(label)}</th>" + "".join(f"<td>{v:.4g}</td>" for v in np.ravel(values)) + "</tr>"
        for label, values in rows.items()
    )
    return f'<table class="jx-table"><thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>'


# The look of Streamlit's headings, text and captions, for prose_html. Colours are inherited or
# translucent, so that the text follows the light or dark theme.
PROSE_CSS = """<style>
.jx-prose h3 {font-size: 1.75rem; font-weight: 600; line-height: 1.2; letter-spacing: -0.005em;
  margin: 0; padding: 0.75rem 0 1rem}
.jx-prose p, .jx-prose ul {margin: 0 0 1rem}
.jx-prose > :last-child {margin-bottom: 0}
.jx-prose ul {padding-left: 1.1rem}
.jx-prose li {margin: 0.2rem 0; padding-left: 0.3rem}
.jx-prose strong {font-weight: 600}
.jx-prose code {font-family: "Source Code Pro", monospace; font-size: 0.75em; padding: 0.2em 0.4em;
  border-radius: 0.25rem; background: rgba(128, 128, 128, 0.12)}
.jx-caption, .jx-caption p {font-size: 0.875rem; line-height: 1.6}
.jx-caption {opacity: 0.6}
.jx-row {display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 3rem}
.jx-table {border-collapse: collapse; margin: 0 0 1rem; font-size: 0.875rem}
.jx-table th, .jx-table td {border: 1px solid rgba(128, 128, 128, 0.25); padding: 0.25rem 0.75rem}
.jx-table td {text-align: right; font-variant-numeric: tabular-nums}
.jx-table th {font-weight: 400; opacity: 0.7; text-align: left}
.jx-code {font-family: "Source Code Pro", monospace; font-size: 0.875rem; line-height: 1.6; margin: 0;
  padding: 1rem; border-radius: 0.5rem; background: rgba(128, 128, 128, 0.08); overflow-x: auto}
.jx-code .kw {color: #a626a4} .jx-code .st {color: #2e8b57} .jx-code .nu {color: #1f77b4}
.jx-code .co {opacity: 0.6; font-style: italic}
</style>"""
_CODE, _BOLD = re.compile(r"`([^`]+)`"), re.compile(r"\*\*(.+?)\*\*")


def prose_html(markdown: str, caption: bool = False) -> str:
    """The app's sentences as HTML, escaped: paragraphs, '### ' headings, '- ' lists, **bold**, `code`.

    For the text a slider move redraws: Streamlit parses every st.markdown element again on each
    move (~2.5 ms each here, a dozen per page); st.html costs a fifth of that. Only the marks
    above are read; anything else (links, emphasis, LaTeX) stays as typed.
    """
    blocks = []
    for block in markdown.strip().split("\n\n"):
        lines = block.splitlines()
        if block.startswith("### "):
            blocks.append(f"<h3>{_inline(block[4:])}</h3>")
        elif all(line.startswith("- ") for line in lines):
            blocks.append("<ul>" + "".join(f"<li>{_inline(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            blocks.append(f"<p>{_inline(' '.join(lines))}</p>")
    return f'<div class="jx-prose{" jx-caption" if caption else ""}">{"".join(blocks)}</div>'


def code_html(source: str) -> str:
    """Python source as a highlighted HTML block: keywords, strings, numbers and comments marked.

    Instead of st.code, whose highlighter (every Prism grammar) takes ~0.5 s of the browser's
    first page load, and whose element is redrawn on every slider move. Read with the standard
    library's tokenizer; source it cannot read is shown plain.
    """
    lines = source.splitlines(keepends=True)
    kinds = {tokenize.STRING: "st", tokenize.NUMBER: "nu", tokenize.COMMENT: "co"}
    parts, row, col = [], 1, 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            (start_row, start_col), (end_row, end_col) = token.start, token.end
            if token.type == tokenize.ENDMARKER or start_row > len(lines):
                break
            parts.append(html.escape(_between(lines, (row, col), (start_row, start_col))))
            kind = "kw" if token.type == tokenize.NAME and keyword.iskeyword(token.string) else kinds.get(token.type)
            text = html.escape(_between(lines, (start_row, start_col), (end_row, end_col)))
            parts.append(f'<span class="{kind}">{text}</span>' if kind else text)
            row, col = end_row, end_col
    except (tokenize.TokenError, SyntaxError):
        parts, row, col = [], 1, 0
    parts.append(html.escape(_between(lines, (row, col), (len(lines) + 1, 0))))
    return f'<pre class="jx-code"><code>{"".join(parts)}</code></pre>'


def _between(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    """The source text from (row, col) to (row, col), rows counted from 1 as tokenize does."""
    (start_row, start_col), (end_row, end_col) = start, end
    if start_row == end_row:
        return lines[start_row - 1][start_col:end_col] if start_row <= len(lines) else ""
    middle = "".join(lines[start_row : end_row - 1])
    last = lines[end_row - 1][:end_col] if end_row <= len(lines) else ""
    return lines[start_row - 1][start_col:] + middle + last


def _inline(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", _CODE.sub(r"<code>\1</code>", html.escape(text, quote=False)))


def html_matrix(name: str, array: np.ndarray, subscript: str = "", limit: int = 64) -> str:
    """'C = [[19, 22], [43, 50]]' as HTML: the name, then a table of the values between square brackets.

    For the values that follow the sliders: the browser redraws an HTML element in a fraction of
    the time it takes to typeset the same matrix with KaTeX (st.latex: ~20 ms each, every move).
    Large arrays are summarised by their shape.
    """
    label = html.escape(name) + (f"<sub>{html.escape(subscript)}</sub>" if subscript else "")
    plain = html.escape(f"{name}{'_' + subscript if subscript else ''}")
    if array.size > limit:
        return f'<p aria-label="{plain}">{label} ∈ ℝ<sup>{" × ".join(map(str, array.shape))}</sup></p>'
    cell = "padding:0.1rem 0.6rem;text-align:right;font-variant-numeric:tabular-nums;border:none"
    rows = "".join(
        "<tr>" + "".join(f'<td style="{cell}">{v:.4g}</td>' for v in row) + "</tr>" for row in as_matrix(array)
    )
    bracket = "width:0.35rem;border:0.1rem solid currentColor"
    return (
        f'<div style="display:flex;align-items:center;gap:0.5rem;font-size:1.1rem;margin:0.5rem 0">'
        f"<span>{label} =</span>"
        f'<span style="display:inline-flex;align-items:stretch">'
        f'<span style="{bracket};border-right:none"></span>'
        f'<table aria-label="{plain}" style="border-collapse:collapse;border:none;margin:0">{rows}</table>'
        f'<span style="{bracket};border-left:none"></span></span></div>'
    )


def block_grid(jacobian: np.ndarray, y_name: str, x_name: str) -> dict:
    """A batch's full Jacobian (B, n_out, B, n_in) as a B×B grid of blocks ∂y[b]/∂x[c], diagonal outlined.

    The outlined diagonal blocks are what tape.batch_jacobian keeps; the others it drops.
    """
    batch = jacobian.shape[0]
    pairs = [(b, c) for b in range(batch) for c in range(batch)]
    values = [jacobian[b, :, c, :] for b, c in pairs]
    hovers = [
        _hover(jacobian[b, :, c, :], lambda k, b=b, c=c: f"∂{y_name}[{b},{k[0]}]/∂{x_name}[{c},{k[1]}]")
        for b, c in pairs
    ]
    titles = [f"∂{y_name}[{b}]/∂{x_name}[{c}]" for b, c in pairs]
    spec = _panels(values, hovers, titles, batch, jacobian.size <= MAX_LABELLED_CELLS)
    h, w = values[0].shape
    for b in range(batch):
        r, c = b * (h + 1), b * (w + 1)
        rect = dict(type="rect", x0=c - 0.5, x1=c + w - 0.5, y0=r - 0.5, y1=r + h - 0.5, line=dict(width=3))
        spec["layout"].setdefault("shapes", []).append(rect)
    return spec
