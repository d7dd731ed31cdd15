"""The catalog: well-formed entries, and TensorFlow code on screen that reproduces the screen."""

import ast
import contextlib
import io
import string

import numpy as np
import pytest

import jaccore
from jaccore.catalog import EXAMPLES
from jaccore.codegen import python_literal, tensorflow_code
from tests.oracles import ORACLE_EXAMPLES, example_wrt_pairs, random_inputs


@pytest.mark.parametrize("slug", list(ORACLE_EXAMPLES))
def test_examples_are_well_formed(slug):
    example = ORACLE_EXAMPLES[slug]
    assert example.slug == slug
    assert set(example.wrt) <= set(example.inputs)
    assert all(v.dtype == np.float32 for v in example.inputs.values())
    lo, hi = example.value_range
    assert all(lo <= v.min() and v.max() <= hi for v in example.inputs.values())
    assert set(example.insights) == set(example.wrt)  # an explanation for each input it differentiates
    for text in (example.title, example.question, *example.insights.values()):
        assert text.en and text.vi and text.en != text.vi
    for text in example.insights.values():  # the only blank: the plain gradient's numbers on screen
        assert blanks(text.en) == blanks(text.vi) <= {"gradient"}


def blanks(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize(("slug", "wrt"), example_wrt_pairs())
def test_code_on_screen_reproduces_the_analysis(slug, wrt, rng):
    """Run the generated script (our own text, never a user's) and compare what it computes."""
    example = ORACLE_EXAMPLES[slug]
    inputs = random_inputs(example, rng)
    inputs = {name: np.round(value, 1) for name, value in inputs.items()}  # slider-like values
    upstream = jaccore.analyze(example.fn, inputs, wrt).output * 0 + np.float32(2.0)
    result = jaccore.analyze(example.fn, inputs, wrt, upstream=upstream)
    for v, lang in ((result.upstream, "en"), (np.ones_like(upstream), "vi")):
        namespace: dict = {}
        with contextlib.redirect_stdout(io.StringIO()):
            exec(tensorflow_code(example, inputs, wrt, v, lang), namespace)
        expected = jaccore.analyze(example.fn, inputs, wrt, upstream=v)
        np.testing.assert_allclose(namespace[f"jacobian_{wrt}"].numpy(), expected.jacobian, rtol=1e-6)
        np.testing.assert_allclose(namespace[f"gradient_{wrt}"].numpy(), expected.gradient, rtol=1e-6)


def test_code_is_in_the_readers_language():
    example = EXAMPLES["matmul"]
    ones = np.ones((2, 2), np.float32)
    english = tensorflow_code(example, example.inputs, "A", ones, "en")
    vietnamese = tensorflow_code(example, example.inputs, "A", ones, "vi")
    assert "outside the `with` block" in english and "bên ngoài khối `with`" in vietnamese
    assert "jacobian_A = g.jacobian(C, A)  # shape (2, 2, 2, 2)" in english
    assert "output_gradients" not in english


def test_the_script_writes_numbers_as_the_sliders_show_them():
    """float32(-0.9) is -0.8999999761581421 exactly: the script writes -0.9, a long matrix a row a line."""
    assert python_literal(np.float32(-0.9)) == "-0.9"
    assert python_literal(np.array([[0.9, 2.0, -0.0]], np.float32)) == "[[0.9, 2.0, 0.0]]"
    wide = python_literal(np.full((3, 8), -1.7, np.float32))
    assert wide.splitlines()[1] == "    [-1.7, -1.7, -1.7, -1.7, -1.7, -1.7, -1.7, -1.7],"
    assert np.array_equal(np.asarray(ast.literal_eval(wide), np.float32), np.full((3, 8), -1.7, np.float32))


def test_each_page_samples_a_key_of_every_parameter_it_reads():
    """The fuzz's targets: one key per parameter, each read by its page and by that parameter; a worked
    example's slider and box keys name its own first input and its first x."""
    from jaccore.sitemap import PAGES

    for page in PAGES.values():
        samples = page.samples()
        assert len(samples) == len(page.params)
        for param, key in zip(page.params, samples, strict=True):
            assert page.param(key) is param, (page.slug, key)
        assert page.param("no.such~key") is None and not page.reads("no.such~key")
    assert {"A.0.0", "build.A.0.0", "wrt"} <= set(PAGES["matmul"].samples())
    assert {"a.", "build.x.0.0"} <= set(PAGES["scale"].samples())
    assert {"W.0.0", "build.x.0.0"} <= set(PAGES["jacobian_to_gradient"].samples())
    assert {"X.0.0", "label.0", "network"} <= set(PAGES["training_step"].samples())
    assert [page.slug for page in PAGES.values()][:2] == ["home", "vector_scalar"]
    assert [p.kind for p in PAGES.values()].count("example") == len(EXAMPLES)
