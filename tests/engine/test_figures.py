"""The figure builders on small arrays: pure functions, numpy in, a Plotly figure spec out.

Each spec is read through go.Figure (`drawn`), which validates it as Plotly does; the app does not.
"""

import re

import numpy as np
import plotly.graph_objects as go
import plotly.offline
import pytest

from jaccore import equations, figures
from jaccore.notation import as_matrix, element_indices, generic_blanks, index_label, number_text, round_off, settled
from jaccore.ui.panel import PLOTLY_JS
from tests import ROOT
from tests.reading import panels_of


def drawn(spec: dict) -> go.Figure:
    """The spec as Plotly reads it: go.Figure raises on any property Plotly does not know."""
    return go.Figure(spec)


def jacobian_of_matmul_wrt_a() -> np.ndarray:
    # The notebook's jacobian_A for C = A·B with B = [[5, 6], [7, 8]].
    return np.array([[[[5, 7], [0, 0]], [[6, 8], [0, 0]]], [[[0, 0], [5, 7]], [[0, 0], [6, 8]]]], dtype=np.float32)


@pytest.mark.parametrize(("shape", "drawn"), [((), (1, 1)), ((3,), (1, 3)), ((2, 4), (2, 4)), ((2, 3, 4), (6, 4))])
def test_as_matrix_draws_every_rank(shape, drawn):
    assert as_matrix(np.zeros(shape)).shape == drawn


def test_index_labels():
    assert index_label("A", (1, 0)) == "A[1,0]"
    assert index_label("a", ()) == "a"
    assert element_indices((2, 1)) == [(0, 0), (1, 0)]
    assert element_indices(()) == [()]


def test_slice_grid_has_one_panel_per_output_element():
    figure = drawn(figures.slice_grid(jacobian_of_matmul_wrt_a(), (2, 2), "C", "A"))
    assert len(figure.data) == 1  # one trace on one pair of axes, however many panels
    slices = panels_of(figure)
    assert len(slices) == 4
    np.testing.assert_array_equal(slices[1], [[6, 8], [0, 0]])  # ∂C[0,1]/∂A
    # A 2×2 grid, as C is, of 2×2 slices, as A is, one empty cell between: a grid the panel never re-flows.
    assert figure.layout.meta["panels"] == [[0, 0, 2, 2], [0, 3, 2, 2], [3, 0, 2, 2], [3, 3, 2, 2]]
    assert figure.layout.meta["arrange"] == "grid"
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
    assert [p.tolist() for p in panels_of(figure)] == [[[1.0]], [[3.0]]]
    assert np.asarray(figure.data[0].text)[0, 2] == "∂y[0,1]/∂a = 3"
    single = drawn(figures.slice_grid(np.array([[[[3.0, 4.0]]]]), (1, 1), "z", "x"))
    assert [p.tolist() for p in panels_of(single)] == [[[3.0, 4.0]]]


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
    (z,) = panels_of(figure)
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
    figure = drawn(equations.sum_equation(jacobian, v, tape, "C", "A", ("tape.gradient", "vs")))
    shown = panels_of(figure)
    assert len(shown) == 4 + 2
    np.testing.assert_array_equal(shown[1], 2 * jacobian[0, 1])
    np.testing.assert_array_equal(shown[-2], tape)  # Σ, computed from the slices
    np.testing.assert_array_equal(shown[-1], tape)
    signs = [a for a in figure.layout.annotations if a.name == "sign"]
    assert [a.text for a in signs] == ["<b>+</b>", "<b>+</b>", "<b>+</b>", "<b>=</b>", "<b>vs</b>"]
    assert [a.x for a in signs] == [2, 5, 8, 11, 14]  # the gaps
    slices = ["1 × ∂C[0,0]/∂A", "2 × ∂C[0,1]/∂A", "0 × ∂C[1,0]/∂A", "-1 × ∂C[1,1]/∂A"]
    assert figures.panel_titles(figure) == [*slices, "Σ", "tape.gradient"]  # the signs are not titles
    # One equation: it may wrap between terms only, Σ and the tape's gradient on one line.
    assert (figure.layout.meta["arrange"], figure.layout.meta["together"]) == ("equation", 2)


def test_sum_equation_summarises_many_slices():
    jacobian = np.ones((5, 4, 3))
    figure = drawn(equations.sum_equation(jacobian, np.ones((5, 4)), np.full(3, 20.0), "y", "x", ("tape", "vs")))
    shown = panels_of(figure)
    assert len(shown) == figures.MAX_SUM_TERMS + 2
    np.testing.assert_array_equal(shown[-2].ravel(), [20, 20, 20])  # all 20 slices summed
    assert "<b>+ … =</b>" in [a.text for a in figure.layout.annotations]


def test_the_served_plotly_js_matches_the_plotly_package():
    """The figures are built by the plotly package for its plotly.js; the browser runs the partial
    bundle in static/ (see jaccore/ui/panel.py). Their major versions (the figure schema) agree."""
    header = (ROOT / "static" / PLOTLY_JS).read_text()[:200]
    served = re.search(r"plotly\.js \(cartesian - minified\) v(\d+)\.", header).group(1)
    assert served == plotly.offline.get_plotlyjs_version().split(".")[0]
    assert (ROOT / "static" / "plotly.js-LICENSE.txt").read_text().startswith("MIT License")


def test_slice_cells_are_named_after_the_input_elements():
    """C = A·B with respect to A: under each panel's columns A[:,0], A[:,1]; beside its rows A[0,:], A[1,:]."""
    figure = drawn(figures.slice_grid(jacobian_of_matmul_wrt_a(), (2, 2), "C", "A"))
    assert list(figure.layout.xaxis.tickvals) == [0, 1, 3, 4]
    assert list(figure.layout.xaxis.ticktext) == ["A[:,0]", "A[:,1]"] * 2
    assert list(figure.layout.yaxis.ticktext) == ["A[0,:]", "A[1,:]"] * 2
    assert not figure.layout.xaxis.automargin  # the panel component keeps drawing the titles in HTML
    assert figures.cell_names("x", (1, 2)) == (["x[0,0]", "x[0,1]"], [])
    assert figures.cell_names("x", (3, 1)) == ([], ["x[0,0]", "x[1,0]", "x[2,0]"])
    assert figures.cell_names("a", ()) == ([], [])


def test_a_column_vectors_slices_stand_in_one_row_each_shaped_like_x():
    """f = W·x, f and x column vectors: slice i, ∂f[i,0]/∂x, is a column (x's shape, row i of W stood
    up), and the three stand side by side, as in the sum they add up in: one orientation per page."""
    w = np.array([[1, 2, 3], [-1, 3, 2], [2, 3, 1]], np.float32)
    jacobian = w[:, None, :, None]  # (3, 1, 3, 1)
    figure = drawn(figures.slice_grid(jacobian, (3, 1), "f", "x"))
    assert [p.tolist() for p in panels_of(figure)] == [[[v] for v in row] for row in w.tolist()]
    assert figure.layout.meta["panels"] == [[0, 0, 3, 1], [0, 2, 3, 1], [0, 4, 3, 1]]
    assert list(figure.layout.yaxis.ticktext) == ["x[0,0]", "x[1,0]", "x[2,0]"]
    assert np.asarray(figure.data[0].text)[1, 2] == "∂f[1,0]/∂x[1,0] = 3"
    total = equations.sum_equation(jacobian, np.ones((3, 1)), w.sum(0)[:, None], "f", "x", ("tape", "vs"))
    assert all(p.shape == (3, 1) for p in panels_of(total))  # the same slices, the same way up
    assert figures.slices_in_a_row((3, 1)) and not figures.slices_in_a_row((1, 3))
    assert figures.output_grid((2, 4)) == (2, 4) and figures.output_grid((3, 1)) == (1, 3)
    assert figures.output_grid(()) == (1, 1) and figures.output_grid((2, 3, 4)) == (6, 4)


def test_the_chain_rule_is_drawn_as_a_matrix_product():
    """J_g · J_f = J, each flat (out.size × in.size) with its tensor shape under it, in one equation."""
    j_f = np.arange(6, dtype=float).reshape(2, 1, 3, 1)  # f (2, 1) of x (3, 1)
    j_g = np.arange(8, dtype=float).reshape(4, 2, 1)  # y (4,) of f (2, 1)
    j = np.tensordot(j_g, j_f, axes=2)
    figure = drawn(equations.chain_product(j_g, j_f, j, (1, 2), "x", "{shape} → {rows} × {cols}"))
    g, f, both = panels_of(figure)
    np.testing.assert_array_equal(g @ f, both)  # the picture's product is the tensordot
    assert [p.shape for p in (g, f, both)] == [(4, 2), (2, 3), (4, 3)]
    notes = [a.text for a in figure.layout.annotations if a.name == "note"]
    assert notes == ["(4, 2, 1) → 4 × 2", "(2, 1, 3, 1) → 2 × 3", "(4, 3, 1) → 4 × 3"]
    assert figures.panel_titles(figure) == ["J g = ∂y/∂f", "J f = ∂f/∂x", "J = ∂y/∂x"]  # <sub>, not _
    assert [a.text for a in figure.layout.annotations if a.name == "sign"] == ["<b>·</b>", "<b>=</b>"]
    assert figure.layout.meta["arrange"] == "equation"


def test_flat_matrix_with_its_column_sums_under_their_columns():
    """W·x's flat Jacobian is W; the Σ row under it is the notebook's [2, 8, 6], in one colour scale."""
    w = np.array([[1, 2, 3], [-1, 3, 2], [2, 3, 1]], np.float32)
    figure = drawn(figures.flat_matrix(w[:, None, :, None], (3, 1), "f", "x", sums=w.sum(axis=0)))
    z = np.asarray(figure.data[0].z, float)
    assert z.shape == (5, 3) and np.isnan(z[3]).all() and z[4].tolist() == [2, 8, 6]
    assert list(figure.layout.yaxis.ticktext)[-1] == "Σ" and figure.layout.meta["sums_row"] == 4
    assert figure.layout.coloraxis.cmax == 8 == -figure.layout.coloraxis.cmin
    assert np.asarray(figure.data[0].text)[4, 1] == "Σᵢ ∂f[i]/∂x[1,0] = 8"


def test_round_off_is_drawn_as_zero_and_said_so():
    """softmax(transpose(x)): its slices sum to 0 in exact arithmetic; in float32 the Σ cells come out
    at −7.45e-9 and the like beside the tape's 0. Drawn as 0, the hover keeping the raw value."""
    import jaccore
    from jaccore.expression import parse_expression

    x = np.array([[0.3], [-1.2], [0.8]], np.float32)
    analysis = jaccore.analyze(parse_expression("softmax(transpose(x))"), {"x": x}, "x")
    spec = equations.sum_equation(analysis.jacobian, analysis.upstream, analysis.gradient, "y", "x",
                                ("tape.gradient", "vs"), "làm tròn")  # fmt: skip
    z = np.asarray(spec["data"][0]["z"], float)
    tiny = z[np.isfinite(z) & (z != 0)]
    assert np.abs(tiny).min() > 1e-6  # no e-08 on the picture
    sigma = panels_of(drawn(spec))[-2]
    assert not sigma.any()
    raw = sum(np.float64(1) * analysis.jacobian[0, i] for i in range(3))  # Σ as the figure adds it
    assert np.abs(raw).max() > 0  # float32's rounding, which the picture does not show as a number
    assert any("(làm tròn: " in str(t) for t in np.asarray(spec["data"][0]["text"]).ravel())
    assert round_off([np.array([1.0, -2.0])]) == pytest.approx(64 * np.finfo(np.float32).eps)


def test_a_sum_far_smaller_than_its_slices_is_drawn_on_a_scale_of_its_own():
    """The digit classifier's ten slices span ±3.27 and add up to ±0.33: on the slices' scale Σ would look
    blank. Σ and the tape's get a second colour axis, painted by a heatmap over them that has no hover
    of its own; the numbers (hover, cells, the screen reader's tables) stay those of the first."""
    rng = np.random.default_rng(0)
    jacobian = rng.normal(size=(10, 4, 4))
    jacobian -= 0.95 * jacobian.mean(axis=0)  # the slices nearly cancel
    sums = jacobian.sum(axis=0)
    spec = equations.sum_equation(jacobian, np.ones(10), sums, "logits", "image", ("tape", "vs"), own="Σ's own scale")
    numbers, paint = spec["data"]
    layout = spec["layout"]
    assert layout["coloraxis"]["cmax"] == pytest.approx(np.abs(jacobian).max())
    assert layout["coloraxis2"]["cmax"] == pytest.approx(np.abs(sums).max())
    assert layout["coloraxis2"]["cmax"] < layout["coloraxis"]["cmax"] / 4
    assert layout["coloraxis2"]["colorbar"]["title"]["text"] == "Σ's own scale"
    assert paint["coloraxis"] == "coloraxis2" and paint["hoverinfo"] == "skip"
    own = np.isfinite(np.asarray(paint["z"], float))
    assert own.sum() == 2 * sums.size  # Σ and the tape's panels only
    assert np.array_equal(np.asarray(paint["z"], float)[own], np.asarray(numbers["z"], float)[own])
    go.Figure(spec)  # Plotly reads it
    # Sums of the slices' size share their scale: the picture shows that they are made of them.
    shared = equations.sum_equation(jacobian, np.ones(10), jacobian[0] * 3, "y", "x", ("tape", "vs"))
    assert len(shared["data"]) == 1 and "coloraxis2" not in shared["layout"]
    # Round-off is drawn as 0, not blown up on a scale of its own.
    zero = jacobian - jacobian.mean(axis=0)
    flat = equations.sum_equation(zero, np.ones(10), zero.sum(axis=0), "y", "x", ("tape", "vs"))
    assert len(flat["data"]) == 1


def test_any_element_is_written_at_its_rank_and_round_off_as_0():
    assert generic_blanks("C", 2, "A", 2) == {"y_i": "C[i,j]", "v_i": "v[i,j]", "x_k": "A[k,l]", "sum_i": "Σᵢ,ⱼ "}
    assert generic_blanks("f", 1, "x", 0) == {"y_i": "f[i]", "v_i": "v[i]", "x_k": "x", "sum_i": "Σᵢ "}
    assert generic_blanks("z", 0, "x", 2)["sum_i"] == ""  # a scalar has one slice: nothing to add up
    assert [number_text(v, 1e-6) for v in (-8.851e-08, -0.0, 2.7731, 1e-6, -3e-7)] == ["0", "0", "2.773", "1e-06", "0"]
    assert settled(np.array([1.0, -5e-8, 2e-6]), 1e-6).tolist() == [1.0, 0.0, 2e-6]


def test_positive_is_blue_negative_red_and_zero_white():
    """The colour a cell is painted, read from the figure as Plotly maps it: ∂y/∂x > 0 blue, < 0 red, 0 white."""
    from plotly.colors import sample_colorscale, unlabel_rgb

    figure = figures.panels_in_a_row([np.array([[2.0, -2.0, 0.0]])], ["g"], ["x"])
    axis = figure["layout"]["coloraxis"]
    span = axis["cmax"] - axis["cmin"]

    def colour(z: float) -> tuple:
        return unlabel_rgb(sample_colorscale(axis["colorscale"], (z - axis["cmin"]) / span)[0])

    (r, _, b), (r_neg, _, b_neg), white = colour(2.0), colour(-2.0), colour(0.0)
    assert b > r + 60 and r_neg > b_neg + 60 and min(white) >= 230


def test_how_the_app_writes_a_number():
    """Every place writes a number the same way: float32's shortest text, 4 significant digits, round-off
    (under the noise) and -0.0 as 0; a matrix's element named the same whether its index is a list or a tuple."""
    from jaccore.notation import array_text, number, shortest

    assert number(np.float32(0.9)) == "0.9" and number(-0.0) == "0.0" and number(np.float32(-2.5)) == "-2.5"
    assert number(np.float32(1e-8)) == "1e-08" and number(3) == "3.0"
    assert shortest(np.float32(-0.9)) == -0.9 and float(np.float32(-0.9)) != -0.9
    assert number_text(0.5) == "0.5" and number_text(-0.0) == "0" and number_text(-1e-9, 1e-6) == "0"
    assert number_text(123456.0) == "1.235e+05" and number_text(2.0, 2.0) == "2"
    assert array_text(np.array([[-0.0, 1e-9], [2, 3]]), 1e-6) == "[[0, 0], [2, 3]]" and array_text(np.float32(5)) == "5"
    assert round_off([np.array([])]) == 0.0 and round_off([np.array([np.nan, -np.inf])]) == 0.0
    assert round_off([np.array([-2.0, 1.0]), np.array([0.5])]) == pytest.approx(2 * 32 * np.finfo(np.float32).eps)
    noise = 1e-3
    out = settled(np.array([noise, -noise / 2, 2.0], np.float32), noise)
    assert out.dtype == np.float32 and out.tolist() == [np.float32(noise), 0.0, 2.0]
    assert index_label("A", [1, 0]) == index_label("A", (1, 0)) == "A[1,0]" and index_label("a", ()) == "a"
    np.testing.assert_array_equal(as_matrix(np.arange(3)), [[0, 1, 2]])
    np.testing.assert_array_equal(as_matrix(np.arange(8).reshape(2, 2, 2)), np.arange(8).reshape(4, 2))
