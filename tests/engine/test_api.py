"""The package's public names: each is the same object on every access, whatever was imported before; no
module of the package is named like a name it exports (importing it would replace the name)."""

import subprocess
import sys

import numpy as np
import tensorflow as tf

import jaccore
from tests import ROOT

# In a fresh interpreter: every name read twice, then again after each of its modules was imported.
TWICE = """
import importlib, jaccore
first = {name: getattr(jaccore, name) for name in jaccore.__all__}
for module in sorted(set(jaccore._MODULE_OF.values())):
    importlib.import_module(f"jaccore.{module}")
again = {name: getattr(jaccore, name) for name in jaccore.__all__}
changed = [name for name in jaccore.__all__ if not first[name] is again[name] is getattr(jaccore, name)]
modules = [name for name, value in again.items() if type(value).__name__ == "module"]
print(changed, modules)
"""


def test_every_public_name_is_the_same_object_on_every_access():
    run = subprocess.run([sys.executable, "-c", TWICE], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1] == "[] []"


def test_hessian_and_linearization_stay_callable_after_their_modules_are_imported():
    """The trap: importing jaccore.hessian (the module) set it as the package's attribute, hiding the function."""
    import jaccore.curvature
    import jaccore.linear_map

    x = np.array([1.0, -2.0], np.float32)
    H = jaccore.hessian(lambda x: tf.reduce_sum(x**3), {"x": x}, "x")
    np.testing.assert_allclose(H, np.diag(6 * x.astype(np.float64)), rtol=1e-6)  # ∂²Σx³/∂x∂x = diag(6x)
    line = jaccore.linearization(lambda x: x * x, {"x": x}, "x", np.ones(2, np.float32), [0.5])
    np.testing.assert_allclose(line.errors, [0.25], rtol=1e-6)  # (x + t)² − x² − 2x·t = t², t = 0.5


def test_no_module_is_named_like_an_exported_name():
    modules = {path.stem for path in (ROOT / "jaccore").glob("*.py")} | {
        path.name for path in (ROOT / "jaccore").iterdir() if path.is_dir()
    }
    assert not modules & set(jaccore.__all__)
