"""The catalog: well-formed entries, and TensorFlow code on screen that reproduces the screen."""

import contextlib
import io

import numpy as np
import pytest

import jaccore
from jaccore.catalog import EXAMPLES
from jaccore.codegen import tensorflow_code
from tests.oracles import ORACLE_EXAMPLES, example_wrt_pairs, random_inputs


@pytest.mark.parametrize("slug", list(ORACLE_EXAMPLES))
def test_examples_are_well_formed(slug):
    example = ORACLE_EXAMPLES[slug]
    assert example.slug == slug
    assert set(example.wrt) <= set(example.inputs)
    assert all(v.dtype == np.float32 for v in example.inputs.values())
    lo, hi = example.value_range
    assert all(lo <= v.min() and v.max() <= hi for v in example.inputs.values())
    for text in (example.title, example.question, example.insight):
        assert text.en and text.vi and text.en != text.vi


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
