"""Every page through Streamlit's AppTest: defaults, slider moves, languages, bad URLs, self-checks."""

import numpy as np
import pytest

import jaccore
from jaccore import engine
from jaccore.catalog import EXAMPLES
from jaccore.engine import trace_count
from jaccore.sitemap import PAGES, live
from tests import ROOT, heading
from tests.pages.apptest import (
    charts,
    errors,
    open_page,
    panel_blocks,
    shown_code,
    shown_matrix,
    shown_rows,
    texts,
)
from tests.pages.screen import slider_keys
from tests.reading import panels_of as panels

SLUGS = list(PAGES)
LIVE = [slug for slug, page in PAGES.items() if live(page)]  # the pages with sliders


def test_page_files_and_catalog_are_in_step():
    files = {path.stem for path in (ROOT / "pages").glob("*.py")}
    assert files == set(PAGES)
    assert set(EXAMPLES) == {slug for slug, page in PAGES.items() if page.kind == "example"}


@pytest.mark.parametrize("slug", SLUGS)
def test_pages_are_declarations(slug):
    """A page is a docstring and one call that names its slug: no logic, no TensorFlow."""
    source = (ROOT / "pages" / f"{slug}.py").read_text()
    code = [line for line in source.splitlines() if line.strip() and not line.startswith(('"""', "from "))]
    assert source.startswith('"""')
    assert code == [f'show_page("{slug}")'], code
    assert "tensorflow" not in source and "GradientTape" not in source


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_runs_at_its_defaults(slug):
    app = open_page(slug)
    assert errors(app) == []
    assert app.title[0].value == heading(slug, "en")


@pytest.mark.parametrize("slug", [s for s, e in EXAMPLES.items() if "gradient" in e.notebook])
def test_gradient_shown_at_defaults_is_the_notebooks(slug):
    example = EXAMPLES[slug]
    for wrt, expected in example.notebook["gradient"].items():
        app = open_page(slug, wrt=wrt) if len(example.wrt) > 1 else open_page(slug)
        shown = panels(charts(app)["sum"])[-1]  # the last panel: what tape.gradient returned
        np.testing.assert_array_equal(shown.reshape(np.shape(expected)), np.asarray(expected, np.float32))
        np.testing.assert_array_equal(shown_matrix(app, f"∇ {wrt}").ravel(), np.ravel(expected))


def slider_values(app, example):
    """The input values the page's sliders hold, as arrays of the example's shapes."""
    return {
        name: np.array([app.slider(key=k).value for k in keys(name, default)], np.float32).reshape(default.shape)
        for name, default in example.inputs.items()
    }


def keys(name, default):
    return slider_keys(name, default.shape)


def move(app, key):
    slider = app.slider(key=key)
    slider.set_value(slider.value + (slider.step if slider.value + slider.step <= slider.max else -slider.step))
    app.run()


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_first_and_last_slider_moves_change_what_the_maths_changes(slug):
    example = EXAMPLES[slug]
    app = open_page(slug)
    first, last = keys(*next(iter(example.inputs.items())))[0], keys(*list(example.inputs.items())[-1])[-1]
    for key in (first, last):
        before_values, before_charts = slider_values(app, example), charts(app)
        before_output = shown_matrix(app, example.output_name)
        move(app, key)
        assert errors(app) == []
        after_values, after_charts = slider_values(app, example), charts(app)
        assert not np.array_equal(shown_matrix(app, example.output_name), before_output)  # y always changes here
        wrt = example.wrt[0]
        old = jaccore.analyze(example.fn, before_values, wrt)
        new = jaccore.analyze(example.fn, after_values, wrt)
        jacobian_moved = not np.array_equal(old.jacobian, new.jacobian)
        assert (after_charts["slices"] != before_charts["slices"]) == jacobian_moved, key
        np.testing.assert_allclose(panels(after_charts["sum"])[-1].ravel(), new.gradient.ravel(), rtol=1e-6)


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_upstream_weights_make_a_vector_jacobian_product(slug):
    example = EXAMPLES[slug]
    app = open_page(slug)
    assert not [s for s in app.slider if s.key.startswith("@v")]  # weights appear when asked for
    app.toggle(key="weights").set_value(True).run()
    upstream_keys = [s.key for s in app.slider if s.key.startswith("@v")]
    assert {app.slider(key=k).label.split("[")[0] for k in upstream_keys} == {"v"}  # named as in the text
    app.slider(key=upstream_keys[-1]).set_value(2.0).run()
    assert errors(app) == []
    v = np.array([app.slider(key=k).value for k in upstream_keys], np.float32)
    result = jaccore.analyze(example.fn, slider_values(app, example), example.wrt[0])
    expected = np.tensordot(v.reshape(result.output.shape), result.jacobian, axes=result.output.ndim)
    shown = panels(charts(app)["sum"])
    np.testing.assert_allclose(shown[-1].ravel(), expected.ravel(), rtol=1e-5)  # tape.gradient(…, v)
    np.testing.assert_allclose(shown[-2].ravel(), expected.ravel(), rtol=1e-5)  # Σ of weighted slices
    assert "output_gradients=v" in shown_code(app)


@pytest.mark.parametrize("slug", SLUGS)
def test_languages_render_different_text(slug):
    english, vietnamese = open_page(slug, lang="en"), open_page(slug, lang="vi")
    assert errors(english) == errors(vietnamese) == []
    en, vi = set(texts(english)), set(texts(vietnamese))
    assert en != vi
    # The home page and the puzzles' (whose options are formulas) have less prose than the others.
    assert len(en - vi) >= {"home": 4, "puzzles": 6}.get(slug, 10), "most of the page should be translated"
    assert vietnamese.title[0].value == heading(slug, "vi")
    assert english.query_params["lang"] == "en" and vietnamese.query_params["lang"] == "vi"


def test_language_follows_the_choice_and_survives_slider_moves():
    app = open_page("matmul")
    app.sidebar.radio(key="lang").set_value("vi").run()
    assert app.title[0].value == EXAMPLES["matmul"].title("vi")
    move(app, "A.0.0")
    assert app.title[0].value == EXAMPLES["matmul"].title("vi")
    assert app.query_params["lang"] == "vi"


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "1e308", "11", "-10.5", "", "1;import os", "1" * 400])
def test_malformed_url_values_fall_back_with_a_note(value):
    app = open_page("matmul", **{"A.0.0": value})
    assert errors(app) == []
    assert app.slider(key="A.0.0").value == 1.0
    if value:
        assert any("`A.0.0`" in w.value and "shows `1.0`" in w.value for w in app.warning), [
            w.value for w in app.warning
        ]


def test_a_good_url_value_is_used_without_a_note():
    app = open_page("matmul", **{"A.0.0": "2.5", "wrt": "B"})
    assert errors(app) == [] and not app.warning
    assert app.slider(key="A.0.0").value == 2.5
    assert app.radio(key="wrt").value == "B"
    np.testing.assert_array_equal(shown_matrix(app, "C")[0], [26.5, 31])  # 2.5·5 + 2·7, 2.5·6 + 2·8


def test_bad_url_note_is_in_the_readers_language():
    app = open_page("square", lang="vi", **{"x.0.1": "zzz"})
    assert any("Đường dẫn" in w.value for w in app.warning)


@pytest.mark.parametrize(("key", "value"), [("wrt", "Z"), ("lang", "fr"), ("example", "__import__")])
def test_odd_choice_parameters_fall_back_with_a_note(key, value):
    app = open_page("jacobian_to_gradient" if key == "example" else "matmul", **{key: value})
    assert errors(app) == []
    assert any(value in w.value for w in app.warning)


def test_reset_returns_to_the_notebooks_values():
    app = open_page("matvec")
    move(app, "W.1.2")
    assert app.slider(key="W.1.2").value != 2.0
    app.button(key="reset").click().run()
    assert app.slider(key="W.1.2").value == 2.0
    np.testing.assert_array_equal(shown_matrix(app, "f"), [[32], [23], [29]])


def test_self_check_stays_put_while_sliders_move():
    """Its questions are about shapes and the inputs they name, drawn outside the fragment a slider reruns."""
    app = open_page("square")
    quizzes = {r.key: (r.label, r.options) for r in app.radio if r.key.startswith("predict.")}
    move(app, "x.0.0")
    assert len(quizzes) == 3
    assert {r.key: (r.label, r.options) for r in app.radio if r.key.startswith("predict.")} == quizzes


def test_self_check_of_a_scalar_output_keeps_three_options():
    """With one output element the whole Jacobian has the gradient's shape: that option goes, and the
    flat Jacobian's shape takes its place."""
    app = open_page("playground", expr="sum(x * x)", **{"shape.x": "2,2"})
    question = app.radio(key="predict.gradient.playground.x")
    assert sorted(question.options) == ["()", "(1, 4)", "(2, 2)"]
    question.set_value("()").run()
    assert "upstream" in app.error[0].value and "(2, 2)" in app.error[0].value


def test_lesson_column_sums_are_the_gradient():
    app = open_page("jacobian_to_gradient", example="matvec")
    assert errors(app) == []
    rows = shown_rows(app)
    np.testing.assert_array_equal(rows["column sums"], [2.0, 8.0, 6.0])  # of W
    np.testing.assert_array_equal(rows["tape.gradient"], [2.0, 8.0, 6.0])
    app.selectbox(key="example").set_value("matmul").run()
    assert errors(app) == []
    np.testing.assert_array_equal(shown_rows(app)["tape.gradient"], [11.0, 15.0, 11.0, 15.0])


def test_flat_view_shows_the_index_map():
    app = open_page("matmul")
    app.toggle(key="flat").set_value(True).run()
    figure = charts(app)["flat_chart"]
    assert figure["layout"]["yaxis"]["ticktext"] == ["C[0,0]", "C[0,1]", "C[1,0]", "C[1,1]"]
    assert figure["layout"]["xaxis"]["ticktext"] == ["A[0,0]", "A[0,1]", "A[1,0]", "A[1,1]"]
    np.testing.assert_array_equal(panels(figure)[0][0], [5, 7, 0, 0])  # ∂C[0,0]/∂A, flattened


@pytest.mark.parametrize("slug", LIVE)
def test_slider_moves_never_retrace_a_graph(slug, monkeypatch):
    """A slider move must be served by graphs compiled once, not by new traces (50–90 ms each).

    With an empty cache of analyses: a state that earlier tests analysed would be served without its
    graph, so that the page's first move (which may compile) could leave a graph evicted from the
    full graph cache (64) for a later move to trace again."""
    monkeypatch.setattr(engine, "_analyses", engine._Cache(budget=32 << 20))
    app = open_page(slug)
    key = app.slider[0].key
    move(app, key)  # the first move may meet a new upstream or shape once
    before = trace_count()
    for _ in range(3):
        move(app, key)
    assert errors(app) == []
    assert trace_count() == before


def test_without_static_serving_the_charts_fall_back_to_st_plotly_chart():
    """Run without the project's config, nothing serves Plotly.js to the panel component."""
    from streamlit import config

    served = config.get_option("server.enableStaticServing")
    config.set_option("server.enableStaticServing", False)
    try:
        app = open_page("matmul")
    finally:
        config.set_option("server.enableStaticServing", served)
    assert errors(app) == [] and not panel_blocks(app) and len(app.get("plotly_chart")) == 2
    np.testing.assert_array_equal(shown_matrix(app, "C"), [[19, 22], [43, 50]])  # the panel's text, as st.html
    shown = charts(app)
    assert set(shown) == {"slices", "sum"}
    np.testing.assert_array_equal(panels(shown["sum"])[-1], [[11, 15], [11, 15]])  # tape.gradient


@pytest.mark.parametrize("slug", LIVE)
def test_every_slider_starts_on_its_grid(slug):
    """A slider's starting value is min + k·step: its arrow keys reach it again, and one press moves
    it by one step (a start of 0.25 with step 0.5 jumps to 1.0 and is never reached again)."""
    app = open_page(slug, weights="true" if PAGES[slug].kind in ("example", "lesson") else None)
    assert app.slider, "no sliders"
    for slider in app.slider:
        steps = (slider.value - slider.min) / slider.step
        assert steps == pytest.approx(round(steps), abs=1e-9), (slider.label, slider.value, slider.min, slider.step)


def test_reset_restores_the_upstream_weights_too():
    """x·yᵀ with weights on: v moved, then "Reset to the starting values": the inputs and v as they began."""
    app = open_page("vector_scalar", weights="true")
    upstream = next(s for s in app.slider if s.key.startswith("@v"))
    upstream.set_value(2.5).run()
    app.slider(key="x.0.0").set_value(4.0).run()
    app.button(key="reset").click().run()
    assert app.slider(key=upstream.key).value == 1.0 and app.slider(key="x.0.0").value == 1.0


def test_a_crash_the_boundary_catches_fails_the_generic_tests(monkeypatch):
    """A safety net proved with a planted fault: a `raise` where the worked examples draw the sum that
    becomes the gradient. The error boundary shows its apology; the every-page test, the screen audit
    and the fuzz must fail all the same (they once passed on all 15 pages)."""
    from jaccore.ui import sections
    from tests.pages import test_audit, test_fuzz

    def planted(*args, **kwargs):
        raise RuntimeError("planted")

    monkeypatch.setattr(sections, "render_sum", planted)
    with pytest.raises(AssertionError):
        test_every_page_runs_at_its_defaults("matmul")
    with pytest.raises(AssertionError):
        test_audit.audit(open_page("matmul"), "matmul")
    with pytest.raises(AssertionError):
        test_fuzz.test_a_hostile_link_gets_sentences_not_tracebacks_or_markup("matmul", "wrt", "A")
