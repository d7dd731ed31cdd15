"""Write the Jacobian yourself, through AppTest: each puzzle's formula solves it and is progress; typical
wrong answers are told their mistake, in both languages, with the picture of where they differ; a link
carries an attempt, and what it carries is text; the answer box empties for another puzzle."""

import pytest

from jaccore.catalog.puzzles import PUZZLES
from jaccore.grading import grade
from jaccore.translations import SENTENCES
from tests.pages.apptest import charts, errors, open_page
from tests.pages.test_fuzz import assert_no_markup_from_input
from tests.pages.test_progress import marks_on_home


def answer(app, text: str):
    app.text_input(key="answer").input(text).run()
    return app


def verdict(puzzle, text: str, lang: str) -> str:
    graded = grade(puzzle, text)
    call = {"jacobian": "tape.jacobian", "gradient": "tape.gradient"}.get(puzzle.target, "hessian")
    call += f"(y, {puzzle.wrt})"
    rule = SENTENCES[f"puzzle.rule_{puzzle.target}"](lang, **graded.blanks)
    return SENTENCES[graded.key](lang, call=call, rule=rule, **graded.blanks)


@pytest.mark.parametrize("slug", list(PUZZLES))
def test_each_puzzle_is_solved_by_its_formula(slug):
    puzzle = PUZZLES[slug]
    app = answer(open_page("puzzles", puzzle=slug), puzzle.answer)
    assert errors(app) == [] and app.success[0].value == verdict(puzzle, puzzle.answer, "en")
    assert len(charts(app)) in (1, 3)  # the gradient's three panels, or three grids of slices


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("slug", ["square", "matvec_W", "softmax", "bias_batch", "hessian"])
def test_typical_wrong_answers_are_told_their_mistake(slug, lang):
    puzzle = PUZZLES[slug]
    app = open_page("puzzles", puzzle=slug, lang=lang)
    for text in puzzle.wrong:
        answer(app, text)
        assert errors(app) == [] and not app.success
        assert app.warning[0].value == verdict(puzzle, text, lang)


def test_where_the_shape_fits_the_cells_that_differ_are_outlined():
    """x ⊙ x answered diag(x): every diagonal cell is half the right one, outlined; none off it."""
    app = answer(open_page("puzzles", puzzle="square"), "diag(x)")
    figures = charts(app)
    yours, _, difference = (figures[f"puzzle.{n}"] for n in range(3))
    assert len(yours["layout"]["shapes"]) == 3 == len(difference["layout"]["shapes"])


def test_a_link_carries_an_attempt_and_what_it_carries_is_text():
    app = open_page("puzzles", puzzle="softmax", answer="diag(softmax(x)) - outer(softmax(x), softmax(x))")
    assert app.success and app.query_params["answer"].startswith("diag(")
    hostile = open_page("puzzles", puzzle="square", answer="[x](//e.co) <img src=x onerror=alert(1)>")
    assert errors(hostile) == [] and hostile.error
    assert_no_markup_from_input(hostile)


def test_another_puzzle_empties_the_answer_box():
    app = answer(open_page("puzzles", puzzle="square"), "diag(2 * x)")
    app.selectbox(key="puzzle").set_value("scale").run()
    assert app.text_input(key="answer").value == "" and not app.success and not app.warning


def test_solved_and_seen_puzzles_are_progress_on_the_home_page():
    app = answer(open_page("puzzles", puzzle="square"), "diag(2 * x)")
    app.selectbox(key="puzzle").set_value("softmax").run()
    app.button(key="puzzle.show").click().run()
    assert any("diag(softmax(x))" in h.value for h in app.html)  # the formula, shown
    assert "✓" in app.selectbox(key="puzzle").options[0] and "✓" in app.selectbox(key="puzzle").options[10]
    app.switch_page("pages/home.py").run()
    said = SENTENCES["puzzle.progress"]("en", page="Write the Jacobian yourself", solved=1, n=len(PUZZLES), seen=1)
    assert said in [c.value for c in app.caption]
    assert marks_on_home(app)  # the worked examples are listed as before


def test_a_hint_shows_one_slice_more_each_time_never_all():
    app = open_page("puzzles", puzzle="softmax")
    for _ in range(5):
        app.button(key="puzzle.hint").click().run()
    slices = [h.value for h in app.html if "J[" in h.value]
    assert len(slices) == 2  # three slices in all: two at most
