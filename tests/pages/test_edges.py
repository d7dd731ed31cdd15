"""At the edges of the maths and of the notation, in both languages: round-off written as the pictures
draw it, a formula outside its domain named where and why, indices written at the output's rank, the
chain rule's outer function written in what it is fed, and inputs in a sentence on one line."""

import re

import numpy as np
import pytest

from jaccore.translations import SENTENCES
from tests.pages.apptest import charts, errors, htmls, open_page, shown_matrix, shown_rows, texts

ROUND_OFF = {"expr": "softmax(transpose(x))", "shape.x": "3,1"}  # the slices add up to 0
NEGATIVE_BASE = {"expr": "x ** p", "shape.x": "2", "shape.p": "2", "x.0": "-1", "x.1": "2", "p.0": "2",
                 "p.1": "2", "wrt": "p", "check": "true"}  # fmt: skip


def plain(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def notes(app) -> list[str]:
    return [plain(markup) for markup in htmls(app) if 'class="jx-note"' in markup]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_round_off_is_written_0_in_the_prose_and_the_gradient_as_the_picture_draws_it(lang):
    """softmax's slices add up to 0: the sentence, the ∇ matrix and the picture all say 0, and say why
    (before: `[[-5.215e-08], [-1.118e-08], [0]]` in the sentence, −8.851e-08 in the table)."""
    app = open_page("playground", lang=lang, **ROUND_OFF)
    assert errors(app) == []
    (insight,) = [plain(markup) for markup in htmls(app) if "tape.gradient" in markup and "(1, 3, 3, 1)" in markup]
    assert "[[0], [0], [0]]" in insight and not re.search(r"e-0[89]", insight)
    assert np.all(shown_matrix(app, "∇ x") == 0)
    note = SENTENCES["example.round_off_note"](lang, noise="7e-07")
    assert note in insight and sum(note in plain(markup) for markup in htmls(app)) == 2  # and under ∇
    cells = charts(app)["sum"]["data"][0]["z"]
    assert all(v in (0, None) for row in cells[:3] for v in row[-1:])  # the tape's panel: drawn 0


def test_the_lessons_table_writes_round_off_as_0():
    app = open_page("jacobian_to_gradient", example="matvec")
    rows = shown_rows(app)
    assert set(rows) == {"column sums", "tape.gradient"} and np.allclose(rows["column sums"], [2, 8, 6])
    assert "<th></th>" not in " ".join(htmls(app))  # the corner of the table names nothing: a plain cell


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_power_of_a_negative_number_says_what_tensorflow_did_and_the_check_does_not_blame_a_kink(lang):
    app = open_page("playground", lang=lang, **NEGATIVE_BASE)
    assert errors(app) == []
    (note,) = notes(app)
    assert "x[0] = -1" in note and "ln(x[0])" in note and "NaN" in note
    said = " ".join(plain(markup) for markup in htmls(app))
    assert plain(SENTENCES["example.check_nan"](lang)[:40]) in said
    assert SENTENCES["example.check_differ"](lang, err="", rel="", scale="").split(":")[-1][:30] not in said


@pytest.mark.parametrize(("lang", "cause"), [("en", "logarithm of a number ≤ 0"), ("vi", "logarit của một số ≤ 0")])
def test_the_log_of_a_negative_number_names_the_element_and_the_cause(lang, cause):
    app = open_page("playground", lang=lang, expr="log(x)", **{"shape.x": "2", "x.0": "1", "x.1": "-0.9"})
    assert errors(app) == []
    (note,) = notes(app)
    assert "log(x)[1]" in note and "x[1] = -0.9" in note and cause in note
    quiet = open_page("playground", lang=lang, expr="log(x)", **{"shape.x": "2", "x.0": "1", "x.1": "0.9"})
    assert notes(quiet) == []


@pytest.mark.parametrize(("slug", "lang", "says"), [
    ("matmul", "en", "One heatmap per output element C[i,j]: its slice ∂C[i,j]/∂A"),
    ("shape_rule", "vi", "Mỗi phần tử đầu ra Y[i,j] một bản đồ nhiệt: lát cắt ∂Y[i,j]/∂W"),
    ("matvec", "en", "One heatmap per output element f[i,j]: its slice ∂f[i,j]/∂x"),
    ("square", "en", "One heatmap per output element y[i,j]"),
])  # fmt: skip
def test_a_slice_is_named_at_the_outputs_rank(slug, lang, says):
    """∂C[i]/∂A under panels titled ∂C[0,0]/∂A read as a different thing: the index has the output's rank."""
    app = open_page(slug, lang=lang)
    assert any(says in plain(markup) for markup in htmls(app))


@pytest.mark.parametrize(("chain", "inner", "outer"), [
    ("square_of_matvec", "f", r"y[i,0] = f[i,0]^2"),
    ("scale_of_matmul", "C", r"y[i,j] = a\,C[i,j]"),
    ("square_of_shape_rule", "Y", r"y[i,j] = Y[i,j]^2"),
])  # fmt: skip
def test_the_outer_function_is_written_in_what_it_is_fed(chain, inner, outer):
    app = open_page("chain_rule", chain=chain)
    assert errors(app) == []
    assert any(outer in text for text in texts(app))
    assert any(SENTENCES["chain.outer"]("en", name=inner) in text for text in texts(app))
    assert not any("x[0,j]" in text for text in texts(app))  # g's own formula, of a row vector x


def test_inputs_inside_a_sentence_are_written_on_one_line():
    """The shape rule's question quotes M, a 3 × 4 matrix, as inline code: one line (before: a newline
    and four spaces per row, shown as stray indentation)."""
    app = open_page("shape_rule", predict=None)
    (asked,) = [text for text in texts(app) if "`M = [" in text]
    assert "`M = [[1.0, 0.0, 2.0, 1.0], [0.0, 1.0, 1.0, 2.0], [1.0, 1.0, 0.0, 1.0]]`" in asked
    assert "\n" not in asked
