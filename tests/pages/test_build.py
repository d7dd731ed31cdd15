"""The learner builds `tape.gradient` from the slices, through AppTest: the column sums are right, box by
box; each typical wrong number is told its own mistake, in both languages; the grading follows the
sliders; the sum is held until the build is done (or asked for); the build is progress, kept.

Every expected number is computed here from the catalog's closed-form Jacobian in float64 (not the
engine), and every expected sentence from the table of sentences with the blanks the mistake implies.
"""

import html
import re

import numpy as np
import pytest

from jaccore.catalog import EXAMPLES
from jaccore.notation import array_text, element_indices, generic_blanks, index_label, number, partial_label
from jaccore.translations import SENTENCES
from tests.pages.apptest import charts, errors, htmls, open_page, panel_blocks
from tests.pages.screen import oracle_jacobian
from tests.reading import panels_of

PREDICTIONS = ("predict.jacobian", "predict.gradient", "predict.partial")


def flat_jacobian(slug: str, wrt: str, values: dict | None = None, example: str | None = None) -> np.ndarray:
    """The closed form's Jacobian of the example at `values` (its starting ones by default), flat."""
    chosen = EXAMPLES[example or slug]
    values = {**chosen.inputs, **(values or {})}
    jacobian = oracle_jacobian(chosen, {k: np.asarray(v, np.float32) for k, v in values.items()}, wrt)
    y_size = int(np.prod(jacobian.shape[: jacobian.ndim - values[wrt].ndim]))
    return jacobian.reshape(y_size, -1)


def type_boxes(app, x: str, numbers) -> None:
    """Type a number (or text) in each box of ∇x, in row-major order, each followed by its rerun."""
    keys = [box.key for box in app.text_input if box.key.startswith(f"build.{x}.")]
    for key, value in zip(keys, np.ravel(np.asarray(numbers, dtype=object)), strict=False):
        app.text_input(key=key).input(value if isinstance(value, str) else number(value)).run()


def marks(app, x: str) -> dict[str, str]:
    """What each box of ∇x is told, by the box's name ('∇A[0,0]'), as plain text."""
    for markup in htmls(app):
        found = re.findall(rf"<li><code>(∇{x}\[[^<]*\]|∇{x})</code>: (.*?)</li>", markup)
        if found:
            return {name: plain(text) for name, text in found}
    raise AssertionError(f"no marks for ∇{x}")


def plain(markup: str) -> str:
    """HTML or Markdown as the words it shows: no tags, no backticks."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).replace("`", "")


def verdict(app) -> str:
    status = [re.search(r'<div role="status">(.*?)</div></div>', m, re.S) for m in htmls(app)]
    return next(plain(found.group(1)) for found in status if found)


def said(key: str, lang: str, **blanks) -> str:
    """A sentence as the page shows it: its code spans as plain text."""
    return plain(SENTENCES[key](lang, **blanks))


def answer_predictions(app) -> None:
    for radio in [r for r in app.radio if r.key.startswith(PREDICTIONS)]:
        app.radio(key=radio.key).set_value(radio.options[0]).run()


CASES = [("matmul", "A", {}), ("shape_rule", "W", {}), ("shape_rule", "M", {}), ("matvec", "x", {}),
         ("jacobian_to_gradient", "x", {}), ("jacobian_to_gradient", "A", {"example": "matmul"})]  # fmt: skip


@pytest.mark.parametrize(("slug", "x", "query"), CASES, ids=[f"{s}-{x}-{q}" for s, x, q in CASES])
def test_the_column_sums_are_right_box_by_box_and_complete_the_build(slug, x, query):
    example = query.get("example", slug if slug in EXAMPLES else "matvec")
    app = open_page(slug, wrt=x, **query)
    gradient = flat_jacobian(slug, x, example=example).sum(axis=0)
    type_boxes(app, x, gradient[:-1])
    told = marks(app, x)
    assert errors(app) == [] and list(told.values())[:-1] == ["✓ right"] * (gradient.size - 1)
    assert list(told.values())[-1] == "– no answer yet"
    type_boxes_last(app, x, gradient[-1])
    assert set(marks(app, x).values()) == {"✓ right"}
    y = EXAMPLES[example].output_name
    assert verdict(app) == said("build.done", "en", n=gradient.size, y=y, x=x)
    *_, yours, tape = panels_of(charts(app)["sum"])
    np.testing.assert_allclose(yours.ravel(), gradient, rtol=1e-6)
    np.testing.assert_allclose(tape.ravel(), gradient, rtol=1e-5, atol=1e-5)


def type_boxes_last(app, x: str, value: float) -> None:
    key = [box.key for box in app.text_input if box.key.startswith(f"build.{x}.")][-1]
    app.text_input(key=key).input(number(value)).run()


def box_name(x: str, shape: tuple, k: int) -> str:
    return index_label(f"∇{x}", element_indices(shape)[k])


def test_the_sum_waits_for_the_build_then_shows_beside_the_learner_s_grid():
    """A first visit: after the predictions, the Jacobian and the boxes, but not the sum, the tape's
    answer or the script; the picture's result is the learner's grid. Built: the grid beside
    tape.gradient, the script, and the home page marks the example built."""
    app = open_page("matmul", predict=None)
    answer_predictions(app)
    assert errors(app) == [] and "slices" in charts(app)
    titles = [a["text"] for a in charts(app)["sum"]["layout"]["annotations"] if a["name"] == "title"]
    assert titles[-1] == "your ∇A" and "tape.gradient" not in titles
    assert not any('class="jx-code"' in m for m in htmls(app))  # no script: it prints the answer
    assert SENTENCES["build.held"]("en").split(",")[0] in verdict(app)
    type_boxes(app, "A", [[11, 15], [11, 15]])
    titles = [a["text"] for a in charts(app)["sum"]["layout"]["annotations"] if a["name"] == "title"]
    assert titles[-2:] == ["your ∇A", "tape.gradient"]
    assert any('class="jx-code"' in m for m in htmls(app))
    app.switch_page("pages/home.py").run()
    assert any("✓ gradient built" in link.proto.label for link in app.get("page_link"))
    app.switch_page("pages/matmul.py").run()
    titles = [a["text"] for a in charts(app)["sum"]["layout"]["annotations"] if a["name"] == "title"]
    assert "tape.gradient" in titles  # built once: shown at once, the boxes a self-check


def test_show_me_reveals_the_answer_without_counting_it_as_built():
    app = open_page("matmul", predict=None)
    answer_predictions(app)
    app.button(key="build.show").click().run()
    titles = [a["text"] for a in charts(app)["sum"]["layout"]["annotations"] if a["name"] == "title"]
    assert titles[-2:] == ["Σ", "tape.gradient"] and "build.show" not in [b.key for b in app.button]
    app.switch_page("pages/home.py").run()
    assert not any("✓ gradient built" in link.proto.label for link in app.get("page_link"))


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("slug", "x", "query"), [("matmul", "A", {}), ("shape_rule", "M", {}),
                                                  ("jacobian_to_gradient", "A", {"example": "matmul"})])  # fmt: skip
def test_each_typical_wrong_number_is_told_its_own_mistake(slug, x, query, lang):
    """Into four boxes: a row sum (a sum within a slice), a partial sum (one slice left out), the entry
    at the transposed place, and the output's value; each is told that mistake, and only the right
    boxes are marked right."""
    example = EXAMPLES[query.get("example", slug)]
    app = open_page(slug, wrt=x, lang=lang, **query)
    flat = flat_jacobian(slug, x, example=example.slug)
    x_shape, y = example.inputs[x].shape, example.output_name
    gradient = flat.sum(axis=0).reshape(x_shape)
    y_index = element_indices(_y_shape(example, x))
    typed = gradient.astype(object).copy()
    # box 0: the row sum of slice 0
    typed.flat[0] = flat[0].sum()
    # box 1: one contributing slice left out
    contributing = np.flatnonzero(flat[:, 1])
    left_out = contributing[-1]
    typed.flat[1] = flat[contributing[:-1], 1].sum()
    # the transposed place: a box (a, b) whose mirror (b, a) exists and holds another number
    a, b = next((a, b) for a, b in element_indices(x_shape) if (a, b) not in element_indices(x_shape)[:2]
                and b < x_shape[0] and a < x_shape[1] and gradient[b, a] != gradient[a, b])  # fmt: skip
    typed[a, b] = gradient[b, a]
    type_boxes(app, x, typed)
    told = marks(app, x)
    xk = [index_label(x, index) for index in element_indices(x_shape)]
    s = [array_text(v) for v in typed.flat]
    row_sum = said("build.row_sums", lang, s=s[0], yk=index_label(y, y_index[0]), xk=xk[0])
    missing = f"{partial_label(y, y_index[left_out], x)}"
    partial = said("build.partial", lang, s=s[1], missing=missing, xk=xk[1])
    k = element_indices(x_shape).index((a, b))
    transposed = said("build.transposed", lang, s=s[k], xt=index_label(x, (b, a)), x=x)
    assert row_sum in told[box_name(x, x_shape, 0)]
    assert partial in told[box_name(x, x_shape, 1)]
    assert transposed in told[box_name(x, x_shape, k)]
    right = [name for name, text in told.items() if text == said("exercise.right", lang)]
    assert right == [box_name(x, x_shape, n) for n in range(gradient.size) if n not in (0, 1, k)]


def _y_shape(example, x) -> tuple:
    return tuple(example.closed_form(dict(example.inputs), x).shape[: -example.inputs[x].ndim])


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_plain_sum_with_weights_set_is_told_that_v_was_forgotten(lang):
    """C = A·B with v[0,0] = 2: ∇A[0,0] = 2·5 + 6 = 16; 11, the plain sum, forgets v; 21 (2²·5 + 6)
    applies it twice."""
    app = open_page("matmul", lang=lang, weights="true", **{"@v.0.0": "2"})
    flat = flat_jacobian("matmul", "A")
    v = np.array([2.0, 1, 1, 1])
    weighted = v @ flat
    assert weighted[0] == 16
    type_boxes(app, "A", [flat[:, 0].sum(), (v * v) @ flat[:, 1], *weighted[2:]])
    told = marks(app, "A")
    blanks = generic_blanks("C", 2, "A", 2)
    assert said("build.unweighted", lang, s="11", y="C", xk="A[0,0]", **blanks) in told["∇A[0,0]"]
    twice = said("build.weighted_twice", lang, s=array_text((v * v) @ flat[:, 1]), y="C", xk="A[0,1]", **blanks)
    assert twice in told["∇A[0,1]"] and "v[i,j]·∂C[i,j]/∂A[0,1]" in twice
    assert told["∇A[1,0]"] == told["∇A[1,1]"] == said("exercise.right", lang)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_build_is_graded_at_the_values_on_screen_and_a_stale_number_says_so(lang):
    """B[0,0] moved from 5 to 8, then to 9: ∇A[0,0] = B[0,0] + B[0,1]. 11 was right at the starting values,
    14 before the last move; 15 is right now."""
    app = open_page("matmul", lang=lang)
    type_boxes(app, "A", [11, 15, 11, 15])
    assert set(marks(app, "A").values()) == {said("exercise.right", lang)}
    app.slider(key="B.0.0").set_value(8.0).run()
    told = marks(app, "A")
    assert said("build.stale_start", lang, s="11") in told["∇A[0,0]"]
    assert told["∇A[0,1]"] == said("exercise.right", lang)  # B[0,0] does not reach ∇A[·,1]
    app.slider(key="B.0.0").set_value(9.0).run()
    type_boxes(app, "A", [14, 15, 15, 15])
    told = marks(app, "A")
    assert said("build.stale_before", lang, s="14") in told["∇A[0,0]"]
    assert told["∇A[1,0]"] == said("exercise.right", lang)  # 9 + 6
    expected = flat_jacobian("matmul", "A", {"B": [[9, 6], [7, 8]]}).sum(axis=0)
    type_boxes(app, "A", expected)
    assert set(marks(app, "A").values()) == {said("exercise.right", lang)}


def test_the_exercise_says_a_number_was_right_before_the_slider_moved():
    """The partial-derivative exercise: ∂C[0,0]/∂A[0,0] = B[0,0]; after B[0,0] 5 → 8, typing 5 is told it
    was right at the starting values."""
    from tests.pages.test_predict import answer_exercise

    app = open_page("matmul")
    app.slider(key="B.0.0").set_value(8.0).run()
    answer_exercise(app, ["5", "0", "8"])
    assert said("predict.stale_start", "en", s="5", yi="C[0,0]", xk="A[0,0]") in plain(app.warning[-1].value)


def test_a_hint_names_the_slices_then_one_term_at_a_time_never_the_total():
    app = open_page("matmul", predict=None)
    answer_predictions(app)
    for _ in range(3):  # ∇A[0,0] has two terms: the slices, then one term; the third press moves on
        app.button(key="build.hint").click().run()
    told = marks(app, "A")
    assert "∂C[0,0]/∂A, ∂C[0,1]/∂A" in told["∇A[0,0]"]
    assert said("build.hint_terms", "en", terms="∂C[0,0]/∂A[0,0] = 5") in told["∇A[0,0]"]
    assert "∂C[0,1]/∂A[0,0]" not in told["∇A[0,0]"] and "11" not in told["∇A[0,0]"]  # the other term, the total
    assert "∂C[0,0]/∂A, ∂C[0,1]/∂A" in told["∇A[0,1]"]  # the next box's first hint


def test_text_that_is_not_a_number_is_shown_as_text():
    app = open_page("matmul")
    type_boxes(app, "A", ["[x](//e.co)", "**b**", "<b>c</b>", "11"])
    told = marks(app, "A")
    assert told["∇A[0,0]"] == said("exercise.not_a_number", "en", text="[x](//e.co)")
    assert "<b>" not in " ".join(b.get("html", "") for b in panel_blocks(app) if "∇A" in b.get("html", ""))
    assert told["∇A[1,1]"].startswith("✗")


def test_a_link_carries_an_attempt():
    app = open_page("matmul", **{"build.A.0.0": "11", "build.A.1.1": "12"})
    told = marks(app, "A")
    assert told["∇A[0,0]"] == "✓ right" and told["∇A[1,1]"].startswith("✗") and told["∇A[0,1]"] == "– no answer yet"
    assert app.query_params["build.A.0.0"] == "11"
