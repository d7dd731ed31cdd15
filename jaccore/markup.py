"""The HTML of the text and numbers a slider move redraws — prose, matrices, tables and code, escaped —
and outside text as a Markdown literal for the notes Streamlit draws.

Streamlit parses every st.markdown element again on each slider move (~2.5 ms each here) and
typesets st.latex with KaTeX (~20 ms a matrix); an st.html element or a block of the app's panel
costs a fraction of that. Every piece of text goes through html.escape: nothing a reader types
or links to is ever read as markup. The look (markup.css) follows Streamlit's light or dark theme.
"""

import html
import io
import keyword
import re
import tokenize
import unicodedata
from pathlib import Path

import numpy as np

from jaccore.notation import as_matrix, element_indices, index_label, number_text

STYLESHEET = f"<style>{Path(__file__).with_name('markup.css').read_text()}</style>"
# A code span as Markdown writes it: a run of backticks, the code, the same run (literal() writes
# ``a`b`` for text with a backtick in it).
_CODE, _BOLD = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)"), re.compile(r"\*\*(.+?)\*\*")
_NUMBER = re.compile(r"^[−-]?[0-9][0-9.,  ]*(?: ?[a-zA-Zµ]{1,3})?$")  # 1,234 · 0.52 ms · 1.2 kB
_SUB = re.compile(r"~([^~`\s]+)~")  # J~g~ (Pandoc's subscript): an index as a subscript, never a raw underscore


def prose_html(markdown: str, caption: bool = False) -> str:
    """The app's sentences as HTML, escaped: paragraphs, '## ' and '### ' headings, '- ' lists, '| a | b |'
    tables (a header row, then '|---|'), **bold**, `code`, and subscripts J~g~.

    Only the marks above are read; anything else (links, emphasis, LaTeX, HTML) stays as typed.
    """
    blocks = []
    for block in markdown.strip().split("\n\n"):
        lines = block.splitlines()
        if block.startswith(("## ", "### ")):  # a section of the page (h2, under its title), or part of one
            level = block.index(" ")
            blocks.append(f"<h{level}>{_inline(block[level + 1 :])}</h{level}>")
        elif all(line.startswith("- ") for line in lines):
            blocks.append("<ul>" + "".join(f"<li>{_inline(line[2:])}</li>" for line in lines) + "</ul>")
        elif len(lines) > 2 and all(line.startswith("|") for line in lines):
            blocks.append(_table(lines))
        else:
            blocks.append(f"<p>{_inline(' '.join(lines))}</p>")
    return f'<div class="jx-prose{" jx-caption" if caption else ""}">{"".join(blocks)}</div>'


def _table(lines: list[str]) -> str:
    """A Markdown pipe table: its first line the header (an empty corner stays a plain cell: a header
    names something), its second the rule under it; each row named by its first cell; a number
    aligned right, text left."""
    cells = [[_inline(cell.strip()) for cell in line.strip().strip("|").split("|")] for line in lines]
    head = "".join(f"<th>{cell}</th>" if cell else "<td></td>" for cell in cells[0])
    body = "".join(
        f'<tr><th scope="row">{row[0]}</th>'
        + "".join(f'<td class="jx-number">{c}</td>' if _NUMBER.match(c) else f"<td>{c}</td>" for c in row[1:])
        + "</tr>"
        for row in cells[2:]
    )
    return f'<table class="jx-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _inline(text: str) -> str:
    """Bold and subscripts in the prose (bold may hold code: **`(2, 2)`**), never inside code: code is
    shown as written. Code spans are set aside as numbered marks while the prose is read."""
    codes: list[str] = []

    def aside(found: re.Match) -> str:
        code = found.group(2)
        codes.append(code[1:-1] if code.startswith(" ") and code.endswith(" ") and code.strip() else code)
        return f"\ue000{len(codes) - 1}\ue001"

    prose = _CODE.sub(aside, html.escape(text.replace("\ue000", "\ufffd"), quote=False))
    prose = _SUB.sub(r"<sub>\1</sub>", _BOLD.sub(r"<strong>\1</strong>", prose))
    return re.sub("\ue000([0-9]+)\ue001", lambda found: f"<code>{codes[int(found.group(1))]}</code>", prose)


def literal(text: str, limit: int = 40) -> str:
    """Text from outside (a link's value, a typed formula or name) as a Markdown code span, for the
    notes and errors Streamlit draws from Markdown: shown as typed, never read as a link, an image,
    emphasis, LaTeX, an icon or HTML. Control and format characters (line breaks, bidirectional
    overrides) become spaces; longer text is cut, with an ellipsis.
    """
    cut = text[:limit]
    shown = "".join(" " if unicodedata.category(char)[0] in "CZ" and char != " " else char for char in cut)
    shown += "…" if len(text) > limit else ""
    if not shown.strip():
        return "“”" if not text else "“ ”"
    fence = "`" * (max(map(len, re.findall(r"`+", shown)), default=0) + 1)
    pad = " " if shown[0] == "`" or shown[-1] == "`" else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


_MATRIX_ROW = "display:flex;align-items:center;gap:0.5rem;font-size:1.1rem;margin:0.5rem 0"


def breakable(latex: str) -> str:
    r"""A display formula as inline LaTeX that wraps to the screen's width (KaTeX breaks inline maths
    after a top-level relation or operator, and at \allowbreak): after each part's comma, or inside a
    part at its = and +; never inside "W ∈ ℝ³ˣ²" (a part with ∈ is kept whole) nor inside a typed
    formula's \texttt{…}, which breaks after its commas, brackets and spaces instead."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|,(\\(?:quad|\s)\s*)", latex):
        depth += {"{": 1, "}": -1}.get(match.group(), 0)
        if depth == 0 and match.group(1):
            pieces.append(_unbroken(latex[start : match.start()]) + r",\allowbreak" + match.group(1))
            start = match.end()
    return "".join(pieces) + _unbroken(latex[start:])


def _unbroken(part: str) -> str:
    if re.search(r"\\in(?![a-zA-Z])", part):
        return "{" + part + "}"
    return re.sub(r"\\texttt\{([^{}]*)\}", lambda m: _typed(m.group(1)), part)


def _typed(text: str) -> str:
    pieces = [piece for piece in re.split(r"(?<=[,( ])(?! )", text) if piece]
    return r"\allowbreak ".join(rf"\texttt{{{piece}}}" for piece in pieces)


def html_matrix(name: str, array: np.ndarray, subscript: str = "", limit: int = 64, noise: float = 0.0) -> str:
    """'C = [[19, 22], [43, 50]]' as HTML: the name, then a table of the values between square brackets
    (under `noise`, round-off written 0). Large arrays are summarised by their shape."""
    label = html.escape(name) + (f"<sub>{html.escape(subscript)}</sub>" if subscript else "")
    plain = html.escape(f"{name} {subscript}" if subscript else name)  # read as 'nabla A', not 'nabla underscore A'
    if array.size > limit:
        return f'<p aria-label="{plain}">{label} ∈ ℝ<sup>{" × ".join(map(str, array.shape))}</sup></p>'
    cell = "padding:0.1rem 0.6rem;text-align:right;font-variant-numeric:tabular-nums;border:none"
    rows = "".join(
        "<tr>" + "".join(f'<td style="{cell}">{number_text(v, noise)}</td>' for v in row) + "</tr>"
        for row in as_matrix(array)
    )
    table = f'<table aria-label="{plain}" style="border-collapse:collapse;border:none;margin:0">{rows}</table>'
    if array.ndim == 0:  # a scalar is a number, not a 1 × 1 matrix: no brackets
        return f'<div style="{_MATRIX_ROW}"><span>{label} =</span>{table}</div>'
    bracket = "width:0.35rem;border:0.1rem solid currentColor"
    return (
        f'<div style="{_MATRIX_ROW}"><span>{label} =</span>'
        f'<span style="display:inline-flex;align-items:stretch">'
        f'<span style="{bracket};border-right:none"></span>{table}'
        f'<span style="{bracket};border-left:none"></span></span></div>'
    )


def html_rows(rows: dict[str, np.ndarray], name: str, noise: float = 0.0) -> str:
    """Arrays of one shape as the rows of a table, one column per element, headed name[0], name[1], …;
    a value under `noise` is round-off, written 0 (notation.number_text)."""
    first = next(iter(rows.values()))
    head = "".join(f"<th>{html.escape(index_label(name, k))}</th>" for k in element_indices(first.shape))
    body = "".join(
        f'<tr><th scope="row">{html.escape(label)}</th>'
        + "".join(f"<td>{number_text(v, noise)}</td>" for v in np.ravel(values).tolist())
        + "</tr>"
        for label, values in rows.items()
    )
    return f'<table class="jx-table"><thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table>'


def image_html(image: np.ndarray, label: str) -> str:
    """A greyscale picture of an image with values in [0, 1] (1 is ink), one square per pixel,
    named by `label` for a screen reader: dark ink on light paper in either theme, as on paper."""
    rows, cols = image.shape
    shade = lambda v: round(255 * (1 - float(np.clip(v, 0, 1))))  # noqa: E731
    cells = "".join(f'<span style="background:rgb({g},{g},{g})"></span>' for g in map(shade, image.ravel()))
    grid = f"grid-template-columns:repeat({cols},1fr);aspect-ratio:{cols}/{rows}"
    return f'<div class="jx-image" role="img" aria-label="{html.escape(label)}" style="{grid}">{cells}</div>'


def class_table(columns: dict[str, np.ndarray], heading: str, marked: int, bars: str) -> str:
    """A table with one row per class (`heading` 0, 1, …) and a column per array of `columns`; the
    cells of the column named `bars` (values in [0, 1]) are filled from the left as a bar chart, and
    the row of class `marked` is bold."""
    head = "".join(f"<th>{html.escape(name)}</th>" for name in [heading, *columns])
    body = ""
    for c, values in enumerate(zip(*columns.values(), strict=True)):
        cells = [f"<th>{c}</th>"]
        for name, v in zip(columns, values, strict=True):
            bar = f"{100 * v:.1f}%" if name == bars else ""
            style = f' style="background:linear-gradient(to right,{BAR} {bar},transparent {bar})"' if bar else ""
            cells.append(f"<td{style}>{v:.3g}</td>")
        row = "".join(cells)
        body += f'<tr class="jx-marked">{row}</tr>' if c == marked else f"<tr>{row}</tr>"
    return f'<table class="jx-table jx-classes"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


BAR = "rgba(33,102,172,0.35)"  # the colour scale's blue, faint: the theme's text stays readable on it


def code_html(source: str) -> str:
    """Python source as a highlighted HTML block: keywords, strings, numbers and comments marked.

    Instead of st.code, whose highlighter (every Prism grammar) takes ~0.5 s of the browser's
    first page load. Read with the standard library's tokenizer; source it cannot read is shown plain.
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
    return f'<pre class="jx-code" tabindex="0"><code>{"".join(parts)}</code></pre>'


def output_html(text: str, label: str, name: str) -> str:
    """What a program printed, as a plain block (escaped, not highlighted): `label` names it for a
    reader, `name` for tests."""
    return (f'<pre class="jx-code" tabindex="0" aria-label="{html.escape(label)}" data-output="{html.escape(name)}">'
            f"{html.escape(text)}</pre>")  # fmt: skip


def _between(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    """The source text from (row, col) to (row, col), rows counted from 1 as tokenize does."""
    (start_row, start_col), (end_row, end_col) = start, end
    if start_row == end_row:
        return lines[start_row - 1][start_col:end_col] if start_row <= len(lines) else ""
    middle = "".join(lines[start_row : end_row - 1])
    last = lines[end_row - 1][:end_col] if end_row <= len(lines) else ""
    return lines[start_row - 1][start_col:] + middle + last
