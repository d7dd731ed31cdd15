"""Layers point one way: pages → explorer → (figures, engine); only the explorer imports streamlit."""

import ast
import subprocess
import sys

import pytest

from tests.apptest import ROOT

STDLIB = set(sys.stdlib_module_names)
ALLOWED = {  # third-party and project imports each module may make
    "_tensorflow": {"tensorflow"},  # the one import of TensorFlow, without Keras
    "engine": {"numpy", "jaccore"},
    "catalog": {"numpy", "jaccore"},
    "translations": set(),
    "expression": {"jaccore"},
    "figures": {"numpy", "pandas", "plotly"},
    "explorer": {"numpy", "streamlit", "jaccore"},
    "__init__": set(),  # light: its names load their modules on first use
}


def imported_packages(path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names - STDLIB


@pytest.mark.parametrize("module", sorted(p.stem for p in (ROOT / "jaccore").glob("*.py")))
def test_each_module_imports_only_its_layer(module):
    assert module in ALLOWED, f"new module {module}: declare its layer here"
    assert imported_packages(ROOT / "jaccore" / f"{module}.py") <= ALLOWED[module]


def test_only_the_explorer_imports_streamlit():
    users = {p.name for p in (ROOT / "jaccore").glob("*.py") if "streamlit" in imported_packages(p)}
    assert users == {"explorer.py"}


def test_keras_stays_unloaded():
    """Streamlit calls keras.backend.clear_session() after each rerun if Keras is loaded, which
    empties TensorFlow's kernel cache and makes every slider move ~30 ms slower (jaccore/_tensorflow.py)."""
    probe = "import sys, jaccore.explorer, jaccore.engine as e; print('keras' in sys.modules, e.tf.__name__)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.stdout.split() == ["False", "tensorflow"], result.stderr[-2000:]


def test_pandas_loads_for_a_download_only():
    """pandas takes ~0.3 s to import: on a server's first page, that would be 0.3 s more of waiting."""
    probe = (
        "import sys, numpy as np, jaccore.explorer, jaccore.figures as f; print('pandas' in sys.modules); "
        "f.array_table(np.ones(2), 'x'); print('pandas' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.stdout.split() == ["False", "True"], result.stderr[-2000:]


def test_importing_the_package_does_not_load_tensorflow():
    """The explorer must be able to show its loading state before TensorFlow loads (seconds)."""
    loaded = "'tensorflow' in sys.modules"
    probe = f"import sys, jaccore; print({loaded}, jaccore.analyze.__name__, {loaded})"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.stdout.split() == ["False", "analyze", "True"], result.stderr[-2000:]
