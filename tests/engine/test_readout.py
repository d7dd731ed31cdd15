"""A chart's numbers as tables (jaccore/readout.py): what a screen reader reads is what the chart draws."""

import html
import re

import numpy as np

from dev.contrast import contrast
from jaccore import equations, figures, lines
from jaccore.readout import MAX_READ_CELLS, tables_html

SIZE, TOO_MANY = "{rows} by {cols}", "{n} numbers"


def tables(markup: str) -> list[dict]:
    """Each table's caption, column headers, row headers and cells, as text."""
    return [read_table(table.replace("<tr><td></td>", "<tr>")) for table in re.findall(r"<table>(.*?)</table>", markup)]


def read_table(table: str) -> dict:
    """(The corner above the rows' headers removed.)"""

    def texts(tag: str, scope: str = "") -> list[str]:
        return [html.unescape(t) for t in re.findall(rf"<{tag}{scope}>(.*?)</{tag}>", table)]

    return {"caption": texts("caption")[0], "columns": texts("th", ' scope="col"'),
            "rows": texts("th", ' scope="row"'), "cells": texts("td")}  # fmt: skip


def test_each_slice_is_a_table_named_as_its_cells():
    jacobian = np.arange(16, dtype=np.float64).reshape(2, 2, 2, 2) - 3
    markup = tables_html(figures.slice_grid(jacobian, (2, 2), "C", "A"), SIZE, TOO_MANY)
    assert markup.startswith('<div class="jx-sr-only">')
    read = tables(markup)
    assert [t["caption"] for t in read] == [f"∂C[{i},{j}]/∂A, 2 by 2" for i in range(2) for j in range(2)]
    assert all(t["columns"] == ["A[:,0]", "A[:,1]"] and t["rows"] == ["A[0,:]", "A[1,:]"] for t in read)
    assert [float(v) for t in read for v in t["cells"] if v] == list(jacobian.ravel())


def test_the_sum_is_read_in_order_with_its_signs():
    jacobian = np.array([[1.0, 2.0], [3.0, 4.0]])  # y (2,), x (2,)
    upstream, gradient = np.ones(2), np.array([4.0, 6.0])
    spec = equations.sum_equation(jacobian, upstream, gradient, "y", "x", ("tape.gradient", "vs"))
    markup = tables_html(spec, SIZE, TOO_MANY)
    flow = re.findall(r"<caption>(.*?)</caption>|<p>(.*?)</p>", markup)
    said = [caption or sign for caption, sign in flow]
    assert said == ["1 × ∂y[0]/∂x, 1 by 2", "+", "1 × ∂y[1]/∂x, 1 by 2", "=", "Σ, 1 by 2", "vs",
                    "tape.gradient, 1 by 2"]  # fmt: skip
    read = tables(markup)
    assert read[2]["cells"] == ["4", "6"] and read[2]["columns"] == ["x[0]", "x[1]"] and read[2]["rows"] == []


def test_the_flat_view_names_rows_and_columns_and_its_sums():
    jacobian = np.array([[1.0, 0.0], [0.5, 2.0]])
    spec = figures.flat_matrix(jacobian, (2,), "y", "x", sums=jacobian.sum(axis=0))
    (read,) = tables(tables_html(spec, SIZE, TOO_MANY))
    assert read["columns"] == ["x[0]", "x[1]"] and read["rows"] == ["y[0]", "y[1]", "Σ"]
    assert read["cells"] == ["1", "0", "0.5", "2", "1.5", "2"]


def test_past_the_limit_the_caption_counts_the_numbers():
    jacobian = np.zeros((MAX_READ_CELLS + 1,))
    spec = figures.slice_grid(jacobian.reshape(1, -1), (), "y", "x")
    markup = tables_html(spec, SIZE, TOO_MANY)
    assert "<table>" not in markup and f"{MAX_READ_CELLS + 1} numbers" in markup


def test_names_are_text_not_markup():
    spec = figures.slice_grid(np.ones((1, 2)), (1,), "<i>y</i>", "x")
    markup = tables_html(spec, SIZE, TOO_MANY)
    assert "<i>" not in markup and "∂&lt;i&gt;y&lt;/i&gt;[0]/∂x" in markup


def test_a_line_chart_is_a_row_per_point_and_its_lines_contrast_on_both_themes():
    t = np.array([0.0, 0.5, 1.0])
    spec = lines.along_a_line(t, t**2, t, ("f(x + tδ)", "f(x) + J·tδ"), "y[0] along x + tδ")
    (read,) = tables(tables_html(spec, SIZE, TOO_MANY))
    assert read["caption"] == "y[0] along x + tδ" and read["columns"] == ["t", "f(x + tδ)", "f(x) + J·tδ"]
    assert read["cells"] == ["0", "0", "0", "0.5", "0.25", "0.5", "1", "1", "1"]
    for trace in spec["data"] + lines.error_log_log(t + 1, t + 1, ("e", "2"), "error")["data"]:
        rgb = [int(trace["line"]["color"][k : k + 2], 16) for k in (1, 3, 5)]
        for background in ((255, 255, 255), (14, 17, 23)):  # Streamlit's light and dark backgrounds
            assert contrast([*rgb, 1.0], background) >= 3
