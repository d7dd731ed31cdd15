"""The figure builders on small arrays: pure functions, numpy in, a Plotly figure spec out.

Each spec is read through go.Figure (`drawn`), which validates it as Plotly does; the app does not.
"""

import html
import re

import numpy as np
import plotly.graph_objects as go
import plotly.offline
import pytest

from jaccore import figures
from jaccore.explorer import PLOTLY_JS
from tests.apptest import ROOT


def drawn(spec: dict) -> go.Figure:
    """The spec as Plotly reads it: go.Figure raises on any property Plotly does not know."""
    return go.Figure(spec)


def jacobian_of_matmul_wrt_a() -> np.ndarray:
    # The notebook's jacobian_A for C = A·B with B = [[5, 6], [7, 8]].
    return np.array([[[[5, 7], [0, 0]], [[6, 8], [0, 0]]], [[[0, 0], [5, 7]], [[0, 0], [6, 8]]]], dtype=np.float32)


@pytest.mark.parametrize(("shape", "drawn"), [((), (1, 1)), ((3,), (1, 3)), ((2, 4), (2, 4)), ((2, 3, 4), (6, 4))])
def test_as_matrix_draws_every_rank(shape, drawn):
    assert figures.as_matrix(np.zeros(shape)).shape == drawn


def test_index_labels():
    assert figures.index_label("A", (1, 0)) == "A[1,0]"
    assert figures.index_label("a", ()) == "a"
    assert figures.element_indices((2, 1)) == [(0, 0), (1, 0)]
    assert figures.element_indices(()) == [()]


def test_slice_grid_has_one_panel_per_output_element():
    figure = drawn(figures.slice_grid(jacobian_of_matmul_wrt_a(), (2, 2), "C", "A"))
    assert len(figure.data) == 1  # one trace on one pair of axes, however many panels
    slices = figures.panels_of(figure)
    assert len(slices) == 4
    np.testing.assert_array_equal(slices[1], [[6, 8], [0, 0]])  # ∂C[0,1]/∂A
    assert figure.layout.meta["panels"] == [[0, 0], [0, 3], [3, 0], [3, 3]]  # 2×2 grid, one empty cell between
    text = np.asarray(figure.data[0].text)
    assert text[1, 3] == "∂C[0,1]/∂A[1,0] = 0"
    assert text[4, 1] == "∂C[1,0]/∂A[1,1] = 7"
    assert text[2, 2] == ""  # the gap between panels
    assert np.isnan(np.asarray(figure.data[0].z, float)[2, 2])
    assert [a.text for a in figure.layout.annotations] == ["∂C[0,0]/∂A", "∂C[0,1]/∂A", "∂C[1,0]/∂A", "∂C[1,1]/∂A"]
    assert figure.layout.coloraxis.cmid == 0 and figure.layout.coloraxis.cmax == 8 == -figure.layout.coloraxis.cmin
    assert figure.data[0].texttemplate  # values written in the cells
    assert figure.data[0].hoverongaps is False


def test_slice_grid_of_a_scalar_input_and_scalar_output():
    figure = drawn(figures.slice_grid(np.array([1.0, 3.0]).reshape(1, 2), (1, 2), "y", "a"))
    assert [p.tolist() for p in figures.panels_of(figure)] == [[[1.0]], [[3.0]]]
    assert np.asarray(figure.data[0].text)[0, 2] == "∂y[0,1]/∂a = 3"
    single = drawn(figures.slice_grid(np.array([[[[3.0, 4.0]]]]), (1, 1), "z", "x"))
    assert [p.tolist() for p in figures.panels_of(single)] == [[[3.0, 4.0]]]


def test_large_jacobians_are_not_labelled_cell_by_cell():
    big = np.zeros((4, 8, 4, 8))
    assert drawn(figures.slice_grid(big, (4, 8), "y", "x")).data[0].texttemplate is None
    assert drawn(figures.slice_grid(np.zeros((2, 2, 2, 2)), (2, 2), "y", "x")).data[0].texttemplate is not None


def test_all_zero_and_nan_jacobians_still_draw():
    figure = drawn(figures.slice_grid(np.zeros((1, 2, 1, 2)), (1, 2), "y", "x"))
    assert figure.layout.coloraxis.cmax == 1.0
    nan = drawn(figures.slice_grid(np.array([[[[np.nan, 1.0]]]]), (1, 1), "z", "x"))
    assert np.asarray(nan.data[0].text)[0, 0] == "∂z[0,0]/∂x[0,0] = nan"
    assert nan.layout.coloraxis.cmax == 1.0


def test_flat_matrix_is_outputs_by_inputs_in_row_major_order():
    figure = drawn(figures.flat_matrix(jacobian_of_matmul_wrt_a(), (2, 2), "C", "A"))
    (z,) = figures.panels_of(figure)
    assert z.shape == (4, 4)
    np.testing.assert_array_equal(z, jacobian_of_matmul_wrt_a().reshape(4, 4))
    assert list(figure.layout.yaxis.ticktext) == ["C[0,0]", "C[0,1]", "C[1,0]", "C[1,1]"]
    assert list(figure.layout.xaxis.ticktext) == ["A[0,0]", "A[0,1]", "A[1,0]", "A[1,1]"]
    assert figure.layout.xaxis.automargin and figure.layout.yaxis.automargin  # the labels are not clipped
    assert np.asarray(figure.data[0].text)[1, 2] == "∂C[0,1]/∂A[1,0] = 0"


def test_sum_equation_adds_weighted_slices_beside_the_tape():
    jacobian = jacobian_of_matmul_wrt_a()
    v = np.array([[1.0, 2.0], [0.0, -1.0]], np.float32)
    tape = np.tensordot(v, jacobian, axes=2)
    figure = drawn(figures.sum_equation(jacobian, v, tape, "C", "A", "tape.gradient"))
    shown = figures.panels_of(figure)
    assert len(shown) == 4 + 2
    np.testing.assert_array_equal(shown[1], 2 * jacobian[0, 1])
    np.testing.assert_array_equal(shown[-2], tape)  # Σ, computed from the slices
    np.testing.assert_array_equal(shown[-1], tape)
    signs = [a.text for a in figure.layout.annotations if a.text.startswith("<b>")]
    assert signs == ["<b>+</b>", "<b>+</b>", "<b>+</b>", "<b>=</b>", "<b>vs</b>"]
    assert [a.x for a in figure.layout.annotations if a.text.startswith("<b>")] == [2, 5, 8, 11, 14]  # the gaps


def test_sum_equation_summarises_many_slices():
    jacobian = np.ones((5, 4, 3))
    figure = drawn(figures.sum_equation(jacobian, np.ones((5, 4)), np.full(3, 20.0), "y", "x", "tape"))
    shown = figures.panels_of(figure)
    assert len(shown) == figures.MAX_SUM_TERMS + 2
    np.testing.assert_array_equal(shown[-2].ravel(), [20, 20, 20])  # all 20 slices summed
    assert "<b>+ … =</b>" in [a.text for a in figure.layout.annotations]


def test_tables_and_matrices():
    table = figures.jacobian_table(jacobian_of_matmul_wrt_a(), (2, 2), "C", "A")
    assert table.loc["C[0,1]", "A[0,0]"] == 6 and table.shape == (4, 4)
    rows = figures.html_rows({"sums": np.array([[11.0, 15.0]]), "<tape>": np.array([[11.0, 15.5]])}, "A")
    assert re.findall(r"<th>([^<]*)</th>", rows) == ["", "A[0,0]", "A[0,1]", "sums", "&lt;tape&gt;"]
    assert re.findall(r"<td>([^<]*)</td>", rows) == ["11", "15", "11", "15.5"]
    assert figures.array_table(np.array(4.0), "a").loc["a", "value"] == 4
    shown = figures.html_matrix("∇", np.array([[19, 22], [43, 50.5]]), subscript="A")
    assert shown.startswith("<div") and "<span>∇<sub>A</sub> =</span>" in shown and 'aria-label="∇_A"' in shown
    cells = re.findall(r"<tr>(.*?)</tr>", shown)
    assert [re.findall(r">([^<]*)</td>", row) for row in cells] == [["19", "22"], ["43", "50.5"]]
    assert "Y ∈ ℝ<sup>9 × 9</sup>" in figures.html_matrix("Y", np.zeros((9, 9)))
    assert "&lt;b&gt;" in figures.html_matrix("<b>", np.ones(1))  # names are escaped


def test_prose_html_reads_the_marks_the_sentences_use_and_escapes_the_rest():
    shown = figures.prose_html("### Check\n\n- closed form: **1e-07**\n- `x < y`\n\nLargest |difference|.")
    assert shown == (
        '<div class="jx-prose"><h3>Check</h3><ul><li>closed form: <strong>1e-07</strong></li>'
        "<li><code>x &lt; y</code></li></ul><p>Largest |difference|.</p></div>"
    )
    caption = figures.prose_html("y_i and x_i, [2x₁, 2x₂]\non two lines", caption=True)
    assert caption == '<div class="jx-prose jx-caption"><p>y_i and x_i, [2x₁, 2x₂] on two lines</p></div>'
    hostile = figures.prose_html("**<script>alert(1)</script>** `<img onerror=x>`")
    assert "<script>" not in hostile and "<img" not in hostile and "&lt;script&gt;" in hostile


def test_code_html_marks_python_tokens_and_keeps_the_source():
    source = 'import tensorflow as tf\n\nA = tf.constant([[1.0, 2.0]])  # đầu vào\nprint("x<y", 3e-2)'
    shown = figures.code_html(source)
    assert shown.startswith('<pre class="jx-code"><code><span class="kw">import</span> tensorflow')
    assert '<span class="nu">2.0</span>' in shown and '<span class="co"># đầu vào</span>' in shown
    assert '<span class="st">&quot;x&lt;y&quot;</span>' in shown
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == source  # nothing lost, nothing added
    unreadable = figures.code_html("x = (\n<b>")
    assert html.unescape(re.sub(r"<[^>]+>", "", unreadable)) == "x = (\n<b>" and "<b>" not in unreadable


def test_the_served_plotly_js_matches_the_plotly_package():
    """The figures are built by the plotly package for its plotly.js; the browser runs the partial
    bundle in static/ (see jaccore/explorer.py). Their major versions (the figure schema) agree."""
    header = (ROOT / "static" / PLOTLY_JS).read_text()[:200]
    served = re.search(r"plotly\.js \(cartesian - minified\) v(\d+)\.", header).group(1)
    assert served == plotly.offline.get_plotlyjs_version().split(".")[0]
    assert (ROOT / "static" / "plotly.js-LICENSE.txt").read_text().startswith("MIT License")
