"""What a page says follows the state it shows: names, explanations, titles, numbers and the link.

Each test is one place where the screen once contradicted itself; the screen audit
(test_audit.py) checks the same over generated sequences of interactions.
"""

import re

from jaccore.figures import panel_titles
from jaccore.translations import SENTENCES
from tests.pages.apptest import charts, errors, htmls, open_page, shown_code, texts


def page_text(app) -> str:
    return " ".join(texts(app))


def test_shape_sentences_name_the_tensors_as_the_page_does():
    app = open_page("vector_scalar", wrt="y")
    assert "z.shape + y.shape: <code>(1, 1)</code> + <code>(1, 2)</code>" in page_text(app)
    assert "jacobian.reshape" not in page_text(app)
    matmul = open_page("matmul", flat="true")
    assert "Show as a flat (C.size × A.size) matrix" in page_text(matmul)
    assert "jacobian.reshape(C.size, A.size)" in page_text(matmul)
    playground = open_page("playground", wrt="W")
    assert "y.shape + W.shape: <code>(2, 1)</code> + <code>(2, 3)</code>" in page_text(playground)


def explanation(app) -> str:
    """The Jacobian section's text, where the explanation of the slices is."""
    return next(markup for markup in htmls(app) if ".shape + " in markup)


def test_explanations_follow_the_sliders():
    app = open_page("matmul")
    assert "every row of it is B's row sums, <code>[[11, 15], [11, 15]]</code>" in explanation(app)
    app.slider(key="B.0.0").set_value(6.0).run()
    assert "<code>[[12, 15], [12, 15]]</code>" in explanation(app)
    matvec = open_page("matvec", **{"W.0.0": "2"})
    assert "W's column sums, <code>[[3], [8], [6]]</code>" in explanation(matvec)


def test_what_batch_jacobian_returns_is_titled_as_what_it_is():
    app = open_page("batch_jacobian", coupled="true")
    assert panel_titles(charts(app)["diagonal"]) == ["Σ c ∂y[c]/∂x[0]", "Σ c ∂y[c]/∂x[1]", "Σ c ∂y[c]/∂x[2]"]


def test_the_script_writes_the_values_as_the_sliders_hold_them():
    app = open_page("playground", seed="3")
    constants = re.findall(r"= tf\.constant\((.*?)\)\n", shown_code(app), re.DOTALL)
    numbers = re.findall(r"-?\d+\.\d+(?:e-?\d+)?", " ".join(constants))
    assert numbers and all(len(number.lstrip("-")) <= 4 for number in numbers), numbers  # 0.9, not 0.89999…


def test_a_link_keeps_only_what_applies():
    app = open_page("playground", wrt="W", unknown="1")
    assert app.query_params.get("wrt") == "W" and "unknown" not in app.query_params
    app.text_input(key="expr").input("x * x").run()
    assert "wrt" not in app.query_params


def test_a_link_of_a_thousand_stray_parameters_costs_one_note_and_one_rewrite(monkeypatch):
    """998 parameters no page reads: one note naming five and counting the rest, and the URL sent
    back once (each change of st.query_params sends the whole URL: one per parameter was 3.7 MB)."""
    from streamlit.runtime.state.query_params import QueryParams

    sent = []
    original = QueryParams._send_query_param_msg
    monkeypatch.setattr(QueryParams, "_send_query_param_msg", lambda self: sent.append(1) or original(self))
    stray = {f"k{n}": str(n) for n in range(998)}
    app = open_page("matmul", wrt="B", **stray)
    assert errors(app) == []
    (note,) = [w.value for w in app.warning]
    assert note.startswith("The link's parameters `k0`, `k1`, `k2`, `k3`, `k4` and 993 more are not used")
    assert set(app.query_params) <= {"wrt", "predict", "lang"} and app.query_params.get("wrt") == "B"
    assert len(sent) <= 3, len(sent)


def test_the_same_link_gets_the_same_notes_whatever_the_server_has_drawn():
    """What a link keeps depends on its page's declaration (jaccore/sitemap.py), not on which pages
    any session has drawn since the server started."""
    first = [w.value for w in open_page("matmul", seed="5").warning]
    open_page("playground", seed="5")  # a page that does read ?seed=
    assert [w.value for w in open_page("matmul", seed="5").warning] == first
    assert first == ["The link's parameter `seed` is not used on this page; it was removed from the link."]


def test_an_unexpected_failure_is_a_sentence_and_a_way_back(monkeypatch, caplog):
    """The error boundary: the page stops with a sentence in the reader's language and a link to
    its starting values; the traceback goes to the server's log."""
    from jaccore.ui import sections

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(sections, "render_output", broken)  # inside the fragment a slider move reruns
    app = open_page("matmul", lang="vi")
    assert not app.exception
    assert [e.value for e in app.error] == [SENTENCES["app.failed"]("vi")]
    assert '<a href="matmul" target="_self">' in " ".join(htmls(app))
    assert "a bug" in caplog.text and "Traceback" in caplog.text
    monkeypatch.setattr(sections, "render_question", broken)  # outside it
    app = open_page("square")
    assert not app.exception and [e.value for e in app.error] == [SENTENCES["app.failed"]("en")]
