"""Predict, then see, through AppTest: hidden before answering, feedback per mistake, revealed after,
"Just show me" and ?predict=off; the graded exercise; the progress on the home page."""

import pytest

from jaccore.catalog import EXAMPLES
from jaccore.translations import SENTENCES
from tests.pages.apptest import charts, errors, open_page

PREDICTIONS = ("predict.jacobian", "predict.gradient", "predict.partial")


def questions(app) -> list:
    return [radio for radio in app.radio if radio.key.startswith(PREDICTIONS)]


def held(app) -> bool:
    """Sliders still, no chart: the page waits for predictions."""
    sliders = [slider for slider in app.slider if not slider.key.startswith("@v")]
    return all(slider.disabled for slider in sliders) and not charts(app)


@pytest.fixture
def first_visit():
    """A worked example opened by a link without ?predict: the first visit of a session."""
    return open_page("matmul", predict=None)


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_a_first_visit_asks_before_it_shows(slug):
    app = open_page(slug, predict=None)
    assert errors(app) == [] and not app.warning
    assert held(app) and len(questions(app)) == 3
    assert app.info[0].value == SENTENCES["predict.hidden"]("en")
    assert not app.get("download_button")  # nothing to take away before answering


def test_a_link_with_another_predict_value_gets_a_note_and_asks():
    app = open_page("square", predict="no")
    assert held(app) and "predict" not in app.query_params
    assert app.warning[0].value.startswith("⚠️") or "predict" in app.warning[0].value


def test_each_wrong_answer_gets_its_own_explanation(first_visit):
    app = first_visit
    question = next(q for q in questions(app) if q.key.startswith("predict.jacobian"))
    said = {}
    for option in question.options:
        app.radio(key=question.key).set_value(option).run()
        feedback = [e.value for e in app.error] + [e.value for e in app.success]
        said[option] = feedback[0]
    assert said["(2, 2, 2, 2)"].startswith("Right.")
    wrong = [text for option, text in said.items() if option != "(2, 2, 2, 2)"]
    assert all(text.startswith("Not quite.") for text in wrong) and len(set(wrong)) == len(wrong)
    assert held(app)  # one answer of three: still asking


def test_answering_reveals_the_jacobian_and_the_gradient_and_counts_on_the_home_page(first_visit):
    app = first_visit
    for question in questions(app):
        app.radio(key=question.key).set_value(question.options[0]).run()
    assert errors(app) == [] and not held(app)
    assert {"slices", "sum"} <= set(charts(app))
    assert [h.value for h in app.header][-2:] == ["Exercise: partial derivatives by hand", "Your predictions"]
    app.switch_page("pages/home.py").run()
    assert any("✓ predicted" in link.proto.label for link in app.get("page_link"))
    counted = f"1 of {len(EXAMPLES)} examples predicted, 0 of {len(EXAMPLES) + 1} gradients built, 0 of {len(EXAMPLES)}"
    assert f"{counted} exercises solved" in app.caption[0].value
    app.switch_page("pages/matmul.py").run()
    assert not held(app)  # predicted once in this visit: not asked again


def test_just_show_me_skips_every_example_for_the_visit(first_visit):
    app = first_visit
    app.button(key="predict.skip").click().run()
    assert not held(app) and {"slices", "sum"} <= set(charts(app))
    app.switch_page("pages/square.py").run()
    assert not held(app) and len(questions(app)) == 3  # after the answers, as a self-check
    assert "Self-check" in [h.value for h in app.header]


def test_predict_off_in_a_link_shows_at_once_and_stays_in_the_url():
    app = open_page("matmul", predict="off")
    assert not held(app) and app.query_params["predict"] == "off"
    assert not app.warning


def test_a_deep_link_still_asks_first_at_the_values_it_gives():
    app = open_page("matmul", predict=None, **{"A.0.0": "2.5", "B.1.0": "-1"})
    assert held(app)
    assert app.slider(key="A.0.0").value == 2.5
    partial = next(q for q in questions(app) if q.key.startswith("predict.partial"))
    assert "`A = [[2.5, 2.0], [3.0, 4.0]]`, `B = [[5.0, 6.0], [-1.0, 8.0]]`" in partial.label


def answer_exercise(app, typed: list[str]):
    boxes = [box for box in app.text_input if box.key.startswith("exercise.")]
    for box, text in zip(boxes, typed, strict=True):
        box.input(text)
    submit = next(b for b in app.button if b.key.startswith("FormSubmitter:exercise.matmul.A-"))
    submit.click().run()
    return boxes


def test_the_exercise_grades_each_entry():
    """C = A·B at the notebook's A and B, with respect to A: ∂C[0,0]/∂A[0,0] = B[0,0] = 5,
    ∂C[0,0]/∂A[1,0] = 0, ∂C[1,1]/∂A[1,1] = B[1,1] = 8."""
    app = open_page("matmul")
    boxes = answer_exercise(app, ["5", "0,0", "7"])
    assert [box.label for box in boxes] == ["∂C[0,0]/∂A[0,0]", "∂C[0,0]/∂A[1,0]", "∂C[1,1]/∂A[1,1]"]
    marks = app.warning[-1].value
    assert "`∂C[0,0]/∂A[0,0]`: ✓ right" in marks and "`∂C[1,1]/∂A[1,1]`: ✗ not right" in marks
    assert "2 of 3 right." in marks and "is 8" not in marks
    app.toggle(key="exercise.matmul.A.reveal").set_value(True).run()
    assert "✗ not right — the right value is 8." in app.warning[-1].value
    answer_exercise(app, ["5", "0", "8"])
    assert "All 3 right: solved." in app.success[-1].value
    app.switch_page("pages/home.py").run()
    assert any("✓ exercise solved" in link.proto.label for link in app.get("page_link"))


def test_the_exercise_shows_typed_text_as_text():
    app = open_page("matmul")
    answer_exercise(app, ["[x](//e.co)", "", "−0"])
    marks = app.warning[-1].value
    assert "✗ `[x](//e.co)` is not a number" in marks and "– no answer yet" in marks
    assert "`∂C[0,0]/∂A[1,0]`: – no answer yet" in marks and "`∂C[1,1]/∂A[1,1]`: ✗ not right" in marks


def test_the_flow_speaks_vietnamese():
    app = open_page("matmul", predict=None, lang="vi")
    assert app.info[0].value == SENTENCES["predict.hidden"]("vi")
    labels = [q.label for q in questions(app)]
    assert labels[0].startswith("`C` có chiều (2, 2) và `A` có chiều (2, 2)")
    app.button(key="predict.skip").click().run()
    assert "Bài tập: tự tính đạo hàm riêng" in [h.value for h in app.header]


def test_the_exercise_asks_and_grades_at_the_values_on_screen():
    """A·B with B[0,0] moved to 2 and B[1,1] to −3: the charts show the new partial derivatives, the
    exercise names the new B, and the values read off them are marked right (it once graded against
    B = [[5, 6], [7, 8]] whatever the sliders said)."""
    app = open_page("matmul")
    app.slider(key="B.0.0").set_value(2.0).run()
    app.slider(key="B.1.1").set_value(-3.0).run()
    intro = next(m.value for m in app.markdown if "work each partial derivative out" in m.value)
    assert "`B = [[2.0, 6.0], [7.0, -3.0]]`" in intro
    answer_exercise(app, ["2", "0", "-3"])
    assert "All 3 right: solved." in app.success[-1].value


def test_a_wrong_number_is_told_which_mistake_it_is():
    """Typing the column sum (the gradient's entry, 11) for ∂C[0,0]/∂A[0,0]: the mark says it is a sum
    over every element of C, and where to look, without giving the right value away."""
    app = open_page("matmul")
    answer_exercise(app, ["11", "0", "-8"])
    marks = app.warning[-1].value
    assert "the gradient's entry for `A[0,0]`" in marks and "Look at the slice `∂C[0,0]/∂A`" in marks
    assert "right size and the wrong sign" in marks  # -8 for 8
    assert "is 5" not in marks
    app = open_page("matmul", lang="vi")
    answer_exercise(app, ["11", "0", "8"])
    assert "phần tử của gradient ứng với `A[0,0]`" in app.warning[-1].value


def test_tensorflow_s_index_is_written_with_every_axis():
    """∂C[i,j]/∂A[k,l] lives at jacobian_A[i, j, k, l], not jacobian_A[i, k] (a whole 2×2 slice)."""
    intro = next(m.value for m in open_page("matmul").markdown if "TensorFlow keeps" in m.value)
    assert "`∂C[i,j]/∂A[k,l]` at `jacobian_A[i, j, k, l]`" in intro
    vector = next(m.value for m in open_page("square").markdown if "TensorFlow keeps" in m.value)
    assert "`∂y[i,j]/∂x[k,l]` at `jacobian_x[i, j, k, l]`" in vector
