"""The pages beyond the notebook, through AppTest: playground, batch_jacobian, chain rule, the digit
classifier, the training step."""

import re

import pytest

from jaccore.catalog import CHAINS, chain_slug
from jaccore.classifier import TRAINED_ON, mistakes
from jaccore.translations import SENTENCES
from tests.pages.apptest import charts, errors, htmls, open_page, shown_code, texts
from tests.reading import panels_of as panels


def test_playground_default_formula_shows_every_section():
    app = open_page("playground")
    assert errors(app) == [] and not app.error
    assert {"slices", "sum"} <= set(charts(app))
    assert "    y = tf.tanh(W @ x + b)\n" in shown_code(app)  # as a person writes it
    assert [r.value for r in app.radio if r.key == "wrt"] == ["W"]


@pytest.mark.parametrize(
    ("expr", "says"),
    [
        ("open('x')", "calls to `open` are not allowed"),
        ("__import__('os').system('id')", "attributes (a.b) are not allowed"),
        ("x.__class__", "attributes (a.b) are not allowed"),
        ("9**9**9**9", "uses no input"),
        ("x +", "Python cannot read this as a formula"),
        ("x" * 400, "the limit is 300"),
    ],
)
def test_playground_refuses_hostile_formulas_with_a_sentence(expr, says):
    app = open_page("playground", expr=expr)
    assert errors(app) == []
    assert any(says in e.value for e in app.error), [e.value for e in app.error]
    assert not charts(app)


def test_playground_speaks_the_readers_language():
    app = open_page("playground", expr="x > 1", lang="vi")
    assert any("không được dùng phép so sánh" in e.value for e in app.error)


def test_playground_names_both_shapes_when_they_do_not_fit():
    app = open_page("playground", **{"expr": "W @ x", "shape.x": "4,1"})
    assert errors(app) == []
    assert any("(2, 3) and (4, 1)" in e.value for e in app.error), [e.value for e in app.error]


@pytest.mark.parametrize("shape", ["100,100", "abc", "1,2,3,4", "0", "9"])
def test_playground_refuses_shapes_it_cannot_draw(shape):
    app = open_page("playground", **{"expr": "x * 2", "shape.x": shape})
    assert errors(app) == []
    assert any("The shape of x" in e.value for e in app.error)


def test_random_fill_draws_new_values():
    app = open_page("playground", expr="x * 2", **{"shape.x": "2,2"})
    before = app.slider(key="x.0.0").value
    app.button(key="random").click().run()
    assert errors(app) == []
    assert app.number_input(key="seed").value == 1
    assert app.slider(key="x.0.0").value != before


def test_playground_input_too_large_for_sliders_is_drawn_at_random():
    app = open_page("playground", expr="sum(x)", **{"shape.x": "8,8"})
    assert errors(app) == []
    assert any("too many for sliders" in text for text in texts(app))


def shown_facts(app) -> dict[str, str]:
    """'label: **value**' list items on the page, as {label: value}."""
    return dict(re.findall(r"<li>([^<:]+): <strong>([^<]+)</strong></li>", " ".join(texts(app))))


def test_batch_page_shows_off_diagonal_blocks_only_when_coupled():
    app = open_page("batch_jacobian")
    assert errors(app) == []
    facts = shown_facts(app)
    assert facts["Off-diagonal share (norm)"] == "0%" and facts["batch_jacobian − diagonal"] == "0"
    assert len(panels(charts(app)["blocks"])) == 9
    app.toggle(key="coupled").set_value(True).run()
    facts = shown_facts(app)
    assert facts["Off-diagonal share (norm)"] != "0%" and float(facts["batch_jacobian − diagonal"]) > 0.01
    assert "128.0 GiB" in " ".join(texts(app))


@pytest.mark.parametrize("chain", [chain_slug(inner, outer) for inner, outer, _ in CHAINS])
def test_chain_rule_page_agrees_with_the_tape(chain):
    app = open_page("chain_rule", chain=chain)
    assert errors(app) == []
    sentences = " ".join(texts(app))
    differences = [float(d) for d in re.findall(r"largest difference <strong>([0-9.e+-]+)</strong>", sentences)]
    assert len(differences) == 2 and max(differences) < 1e-3
    assert "product" in charts(app)  # J_g · J_f = J, one equation of flat matrices
    assert "reverse mode (vᵀJ<sub>g</sub>)·J<sub>f</sub>" in sentences and "J_" not in sentences


@pytest.mark.parametrize("shape", ["²", "2,①", "٣", "３"])
def test_shapes_take_ascii_digits_only(shape):
    """str.isdigit() takes ² and ① (which int() then refuses), str.isdecimal() takes ٣."""
    app = open_page("playground", **{"expr": "x * 2", "shape.x": shape})
    assert errors(app) == []
    assert any("The shape of x" in e.value for e in app.error)


@pytest.mark.parametrize("name", ["lang", "seed", "wrt", "flat", "weights", "expr", "reset", "random", "check"])
def test_an_input_may_be_named_like_a_widget_of_the_page(name):
    """Inputs' sliders are keyed 'name.' + index: no input name reaches the page's own widgets."""
    app = open_page("playground", expr=f"{name} * x", **{f"shape.{name}": "", "lang": "vi"})
    assert errors(app) == [] and not app.error
    assert app.slider(key=f"{name}.").label == name and app.radio(key="lang").value == "vi"


def test_the_heaviest_view_is_bounded():
    """y = x + y broadcast to (8, 8, 8): 512 output elements. The upstream weights get no 512 sliders
    (a note says so), and the panel a slider move sends stays small (hover names only on small charts)."""
    query = {"expr": "x + y", "shape.x": "8,8,1", "shape.y": "1,1,8", "weights": "true", "flat": "true"}
    app = open_page("playground", **query)
    assert errors(app) == []
    assert not [s for s in app.slider if s.key.startswith("@v")]
    assert any("512 elements" in note.value for note in app.info)
    assert sum(len(e.proto.json) for e in app.get("bidi_component")) < 400_000  # bytes; 1.75 MB before


def test_a_formula_of_many_inputs_stops_at_the_pages_sliders():
    """Six inputs of 12 elements: 48 sliders at most on the page, the rest drawn at random with a
    sentence; a ninth input is refused by the parser."""
    names = "abcdfg"  # not e: the constant
    link = {"expr": " + ".join(names), **{f"shape.{n}": "3,4" for n in names}}
    app = open_page("playground", **link)
    assert errors(app) == [] and len(app.slider) <= 48 + 12  # the inputs', and the upstream weights'
    assert sum(1 for s in app.slider if not s.key.startswith("@v")) == 48
    assert any("already has 48 sliders" in markup for markup in htmls(app))
    refused = open_page("playground", expr=" + ".join("abcdfghjk"))
    assert any("more than 8 inputs" in e.value for e in refused.error)


def test_softmax_of_a_column_says_so_above_the_pictures():
    """softmax(x) with x (3, 1): the page says the softmax ran over an axis of one element, in the
    reader's language, and which axis was probably meant; softmax(x, axis=0) needs no such note."""
    for lang, says in (("en", "`softmax(x, axis=0)`"), ("vi", "Dọc theo trục có 3 phần tử")):
        app = open_page("playground", expr="softmax(x)", lang=lang, **{"shape.x": "3,1"})
        notes = [markup for markup in htmls(app) if 'class="jx-note"' in markup]
        assert len(notes) == 1 and says.replace("`", "") in notes[0].replace("<code>", "").replace("</code>", "")
    quiet = open_page("playground", expr="softmax(x, axis=0)", **{"shape.x": "3,1"})
    assert errors(quiet) == [] and not any('class="jx-note"' in markup for markup in htmls(quiet))


@pytest.mark.parametrize(("slug", "key"), [("rows_or_columns", "quiz.passes.x"), ("linear_map", "quiz.linear"),
                                           ("hessian", "quiz.hessian.cubic"), ("digits", "quiz.digits.shape"),
                                           ("digits", "quiz.digits.zero"), ("training_step", "quiz.training.bias"),
                                           ("training_step", "quiz.training.per_example")])  # fmt: skip
def test_the_self_checks_explain_each_mistake_as_its_own(slug, key):
    """Every option of the self-check is explained as what it means: the right one why it is right,
    each wrong one the mistake it is, never one sentence for all."""
    explanations = {}
    for option in open_page(slug).radio(key=key).options:
        app = open_page(slug)
        app.radio(key=key).set_value(option).run()
        explanations[option] = (app.success or app.error)[-1].value
    assert len(set(explanations.values())) == len(explanations) >= 3, explanations


def test_the_digits_page_asks_first_and_keeps_the_questions_for_a_teachers_link():
    """Before the pictures, two predictions (the Jacobian's shape, what the gradient of the
    probabilities returns); under ?predict=off the same questions come after them, as a self-check."""
    asking, off = open_page("digits", predict=None), open_page("digits")
    headings = lambda app: [h.value for h in app.header]  # noqa: E731
    assert headings(asking)[0] == "Predict first" and headings(off)[-1] == "Self-check"
    for app in (asking, off):
        assert {r.key for r in app.radio} >= {"quiz.digits.shape", "quiz.digits.zero"} and errors(app) == []
    app = open_page("digits", predict=None)
    app.radio(key="quiz.digits.zero").set_value(app.radio(key="quiz.digits.zero").options[0]).run()
    right = SENTENCES["digits.zeros"]("en")
    picked = app.radio(key="quiz.digits.zero").value
    assert app.success if picked == right else app.error


def test_the_mistake_button_walks_the_images_the_network_reads_wrong():
    app = open_page("digits")
    seen = []
    for _ in range(3):
        app.button(key="mistake").click().run()
        seen.append(int(app.slider(key="image").value))
        assert app.query_params["image"] == str(seen[-1])  # the link holds the image shown
    assert seen == [int(n) for n in mistakes()[mistakes() > TRAINED_ON][:3]]
    assert errors(app) == []


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_training_step_measures_four_ways_at_three_batch_sizes(lang):
    """Measure fills the table: one row per batch size, a time in ms for each way (the Python loop too:
    512 tape.gradient calls take about a second); no button, no table."""
    from jaccore.training import BATCHES

    app = open_page("training_step", lang=lang)
    assert not re.search(r"\d ms", " ".join(texts(app)))
    app.button(key="measure").click().run()
    table = next(m for m in htmls(app) if "<table" in m and "batch_jacobian" in m)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)[1:]
    assert [re.search(r">(\d+)<", row).group(1) for row in rows] == [str(b) for b in BATCHES]
    for row in rows:
        assert len(re.findall(r"[\d.]+(?:e[-+]?\d+)? ms", row)) == 4, row
    assert errors(app) == []


def test_the_training_steps_labels_are_the_cross_entropys_and_the_links():
    """A label moved: the link holds it, and v = (softmax − onehot)/B changes sign where it moved."""
    app = open_page("training_step", loss="cross_entropy")
    before = panels(charts(app)["upstream"])[0]
    app.radio(key="label.0").set_value("1").run()
    after = panels(charts(app)["upstream"])[0]
    assert app.query_params["label.0"] == "1"
    assert before[0, 0] < 0 < after[0, 0] and after[0, 1] < 0 < before[0, 1]
    assert {r.key for r in open_page("training_step").radio} == {"lang", "network", "loss", *QUIZ}
    assert errors(app) == []


QUIZ = ("quiz.training.bias", "quiz.training.per_example")
