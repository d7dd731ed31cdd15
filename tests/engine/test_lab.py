"""The pitfall lab: every trap still reproduces on the installed TensorFlow, with the numbers its
explanation gives, and the page would say so if one stopped reproducing."""

import dataclasses

import numpy as np
import pytest

from jaccore import lab
from jaccore.catalog import pitfalls
from jaccore.catalog.pitfalls import TRAPS


@pytest.mark.parametrize("slug", list(TRAPS))
def test_every_trap_reproduces_on_this_tensorflow(slug):
    assert lab.run(slug).reproduces


def test_the_outputs_are_the_ones_the_explanations_give():
    assert lab.run("non_scalar_target").broken == "[2. 4. 6.]"  # the Jacobian's column sums
    assert lab.run("unwatched_constant").broken == "None"
    assert lab.run("unwatched_constant").fixed == "6."
    assert lab.run("none_for_unconnected").broken == "[4., None]"
    assert lab.run("none_for_unconnected").fixed == "[4., [0. 0.]]"
    assert lab.run("asked_twice").broken.startswith("RuntimeError: ")
    assert lab.run("asked_twice").fixed == "(6., 108.)"  # 2x, then 4x³ at x = 3
    assert lab.run("batch_jacobian_coupled").broken == "[0. 0. 0.]"
    assert lab.run("batch_jacobian_coupled").fixed == "[0.6667 0.6667 0.6667]"
    assert lab.run("jacobian_list").broken.startswith("AttributeError: ")
    assert lab.run("jacobian_list").fixed == "((2, 2), (2,))"
    assert lab.run("gradient_of_gradient").broken == "[6. 2.]"
    np.testing.assert_allclose(pitfalls.jacobian_of_the_gradient().numpy(), [[4, 2], [2, 0]])
    assert lab.run("loop_needs_persistent").broken.startswith("RuntimeError: ")
    slopes = np.diag(pitfalls.jacobian_in_a_loop_persistent().numpy())
    np.testing.assert_allclose(slopes, 1 - np.tanh([1.0, 2.0, 3.0]) ** 2, rtol=1e-4)  # float32


def test_a_trap_that_stops_reproducing_says_so(monkeypatch):
    fixed_already = dataclasses.replace(TRAPS["unwatched_constant"], broken=pitfalls.variable_watched)
    monkeypatch.setitem(TRAPS, "unwatched_constant", fixed_already)
    lab.run.cache_clear()
    try:
        assert not lab.run("unwatched_constant").reproduces
    finally:
        lab.run.cache_clear()


def test_the_code_shown_is_the_code_that_ran_without_comments():
    shown = lab.run("non_scalar_target").broken_source
    assert shown.splitlines()[0] == "x = tf.constant([1.0, 2.0, 3.0])"
    assert "#" not in shown and shown.splitlines()[-1] == "return tape.gradient(y, x)"
