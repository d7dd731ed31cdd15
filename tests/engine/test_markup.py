"""The HTML of what a slider move redraws: sentences, matrices, tables and code, escaped."""

import html
import re

import numpy as np

from jaccore import markup
from jaccore.catalog import EXAMPLES


def test_tables_and_matrices():
    rows = markup.html_rows({"sums": np.array([[11.0, 15.0]]), "<tape>": np.array([[11.0, 15.5]])}, "A")
    assert re.findall(r"<th>([^<]*)</th>", rows) == ["A[0,0]", "A[0,1]"]
    assert re.findall(r'<th scope="row">([^<]*)</th>', rows) == ["sums", "&lt;tape&gt;"]
    assert re.findall(r"<td>([^<]*)</td>", rows) == ["", "11", "15", "11", "15.5"]  # the corner names nothing
    shown = markup.html_matrix("∇", np.array([[19, 22], [43, 50.5]]), subscript="A")
    assert shown.startswith("<div") and "<span>∇<sub>A</sub> =</span>" in shown and 'aria-label="∇ A"' in shown
    cells = re.findall(r"<tr>(.*?)</tr>", shown)
    assert [re.findall(r">([^<]*)</td>", row) for row in cells] == [["19", "22"], ["43", "50.5"]]
    assert "Y ∈ ℝ<sup>9 × 9</sup>" in markup.html_matrix("Y", np.zeros((9, 9)))
    assert "&lt;b&gt;" in markup.html_matrix("<b>", np.ones(1))  # names are escaped


def test_round_off_is_written_0_in_tables_and_matrices_as_in_the_pictures():
    gradient = np.array([[-5.215e-08], [-1.118e-08], [0.0]])
    rows = markup.html_rows({"Σ": gradient, "tape": np.array([[-8.851e-08], [2.0], [-0.0]])}, "x", noise=1e-6)
    assert re.findall(r"<td>([^<]*)</td>", rows) == ["", "0", "0", "0", "0", "2", "0"]
    shown = markup.html_matrix("∇", gradient, "x", noise=1e-6)
    assert re.findall(r">([^<]*)</td>", shown) == ["0", "0", "0"]
    assert "e-08" in markup.html_matrix("∇", gradient, "x")  # no noise given: every digit


def test_a_table_in_the_prose_names_its_rows_and_aligns_numbers_only():
    table = markup.prose_html(
        "| | entries | float32 |\n|---|---|---|\n| full Jacobian | 1,024 | 4 kB |\n| gradient | `x * x` | n/a |"
    )
    assert "<thead><tr><td></td><th>entries</th><th>float32</th></tr></thead>" in table  # no empty header
    assert re.findall(r'<th scope="row">([^<]*)</th>', table) == ["full Jacobian", "gradient"]
    assert re.findall(r'<td class="jx-number">([^<]*)</td>', table) == ["1,024", "4 kB"]
    assert re.findall(r"<td>(.*?)</td>", table) == ["", "<code>x * x</code>", "n/a"]


def test_a_formula_breaks_between_its_parts_and_never_inside_a_set_or_typed_code():
    assert markup.breakable(EXAMPLES["shape_rule"].formula) == (
        r"Y = W^\top M,\allowbreak\quad Y[i,j] = \sum_m W[m,i]\,M[m,j],\allowbreak\quad "
        r"{W \in \mathbb{R}^{3\times 2}},\allowbreak\ {Y \in \mathbb{R}^{2\times 4}}"
    )
    # A comma inside braces or a bracket is not a place to break; \int and \infty are not ∈.
    assert (
        markup.breakable(r"f = \frac{a,\ b}{c},\quad \int_0^\infty g")
        == r"f = \frac{a,\ b}{c},\allowbreak\quad \int_0^\infty g"
    )
    typed = markup.breakable(r"y = \texttt{softmax(transpose(x)) @ W, 2}")
    assert typed == (r"y = \texttt{softmax(}\allowbreak \texttt{transpose(}\allowbreak \texttt{x)) }\allowbreak "
                     r"\texttt{@ }\allowbreak \texttt{W, }\allowbreak \texttt{2}")  # fmt: skip


def test_prose_html_reads_the_marks_the_sentences_use_and_escapes_the_rest():
    shown = markup.prose_html("### Check\n\n- closed form: **1e-07**\n- `x < y`\n\nLargest |difference|.")
    assert shown == (
        '<div class="jx-prose"><h3>Check</h3><ul><li>closed form: <strong>1e-07</strong></li>'
        "<li><code>x &lt; y</code></li></ul><p>Largest |difference|.</p></div>"
    )
    caption = markup.prose_html("y_i and x_i, [2x₁, 2x₂]\non two lines", caption=True)
    assert caption == '<div class="jx-prose jx-caption"><p>y_i and x_i, [2x₁, 2x₂] on two lines</p></div>'
    hostile = markup.prose_html("**<script>alert(1)</script>** `<img onerror=x>`")
    assert "<script>" not in hostile and "<img" not in hostile and "&lt;script&gt;" in hostile


def test_code_html_marks_python_tokens_and_keeps_the_source():
    source = 'import tensorflow as tf\n\nA = tf.constant([[1.0, 2.0]])  # đầu vào\nprint("x<y", 3e-2)'
    shown = markup.code_html(source)
    assert shown.startswith('<pre class="jx-code" tabindex="0"><code><span class="kw">import</span> tensorflow')
    assert '<span class="nu">2.0</span>' in shown and '<span class="co"># đầu vào</span>' in shown
    assert '<span class="st">&quot;x&lt;y&quot;</span>' in shown
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == source  # nothing lost, nothing added
    unreadable = markup.code_html("x = (\n<b>")
    assert html.unescape(re.sub(r"<[^>]+>", "", unreadable)) == "x = (\n<b>" and "<b>" not in unreadable


def test_output_is_shown_as_text_with_its_label():
    shown = markup.output_html("AttributeError: 'list' <b>x</b>", 'The "trap": returned', "broken.trap")
    assert shown == (
        '<pre class="jx-code" tabindex="0" aria-label="The &quot;trap&quot;: returned" data-output="broken.trap">'
        "AttributeError: &#x27;list&#x27; &lt;b&gt;x&lt;/b&gt;</pre>"
    )
