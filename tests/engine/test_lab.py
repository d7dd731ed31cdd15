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
    assert shown.splitlines()[:3] == ["import tensorflow as tf", "", "x = tf.constant([1.0, 2.0, 3.0])"]
    assert "#" not in shown and shown.splitlines()[-1] == "print(tape.gradient(y, x))"


# Every snippet on the page pasted into a fresh Python: it must start (no SyntaxError, nothing
# undefined) and run to the end, or stop with the very error its trap demonstrates.
PASTED = """
import json, sys
results = {}
for name, code in json.load(sys.stdin).items():
    try:
        exec(compile(code, name, "exec"), {})
        results[name] = None
    except Exception as error:
        results[name] = type(error).__name__
print(json.dumps(results))
"""


def test_every_snippet_runs_as_copied_in_a_fresh_python():
    import json
    import subprocess
    import sys

    snippets, expected = {}, {}
    for slug in TRAPS:
        ran = lab.run(slug)
        for kind, code, result in (("broken", ran.broken_source, ran.broken), ("fixed", ran.fixed_source, ran.fixed)):
            snippets[f"{slug}.{kind}"] = code
            expected[f"{slug}.{kind}"] = result.split(":")[0] if result.split(":")[0].endswith("Error") else None
    done = subprocess.run([sys.executable, "-c", PASTED], input=json.dumps(snippets), capture_output=True,
                          text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.splitlines()[-1]) == expected
