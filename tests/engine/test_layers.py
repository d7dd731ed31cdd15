"""Layers point one way: pages → jaccore.ui → (figures, markup, codegen, downloads, engine, modes, catalog).

Only jaccore.ui imports streamlit; the engine imports only TensorFlow and numpy; importing the
package or its interface has no effect and loads no TensorFlow; rooms stay small.
"""

import ast
import subprocess
import sys

import pytest

from tests import ROOT

STDLIB = set(sys.stdlib_module_names)
# Every module of the package, by its dotted name (a package by its own name, not its __init__).
MODULES = {
    path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__"): path
    for path in sorted((ROOT / "jaccore").rglob("*.py"))
}
# The third-party packages each room may import, and the rooms of jaccore it may import from.
LAYERS = {
    "jaccore": (set(), set()),  # the public API: names loaded on first use
    "jaccore._tensorflow": ({"tensorflow"}, set()),
    "jaccore.graphs": ({"numpy"}, {"jaccore._tensorflow"}),
    "jaccore.engine": ({"numpy"}, {"jaccore._tensorflow", "jaccore.graphs"}),
    "jaccore.modes": ({"numpy"}, {"jaccore._tensorflow", "jaccore.graphs", "jaccore.engine"}),
    "jaccore.curvature": ({"numpy"}, {"jaccore._tensorflow", "jaccore.graphs", "jaccore.engine"}),
    "jaccore.linear_map": ({"numpy"}, {"jaccore._tensorflow", "jaccore.graphs"}),
    "jaccore.classifier": ({"numpy"}, {"jaccore._tensorflow", "jaccore.engine"}),
    "jaccore.training": (
        {"numpy"},
        {"jaccore._tensorflow", "jaccore.catalog", "jaccore.classifier", "jaccore.engine", "jaccore.graphs"},
    ),
    "jaccore.lab": ({"numpy"}, {"jaccore._tensorflow", "jaccore.catalog"}),
    "jaccore.refusals": (set(), {"jaccore.engine", "jaccore.markup", "jaccore.translations"}),
    "jaccore.tracing": ({"numpy"}, {"jaccore.notation"}),
    "jaccore.functions": (
        set(),
        {"jaccore._tensorflow", "jaccore.refusals", "jaccore.tracing", "jaccore.translations"},
    ),
    "jaccore.indexing": (set(), {"jaccore._tensorflow", "jaccore.functions", "jaccore.refusals"}),
    "jaccore.expression": (
        set(),
        {
            "jaccore._tensorflow",
            "jaccore.functions",
            "jaccore.indexing",
            "jaccore.markup",
            "jaccore.refusals",
            "jaccore.tracing",
            "jaccore.translations",
        },
    ),
    "jaccore.grading": (
        {"numpy"},
        {
            "jaccore._tensorflow",
            "jaccore.catalog",
            "jaccore.engine",
            "jaccore.expression",
            "jaccore.curvature",
            "jaccore.notation",
        },
    ),
    "jaccore.translations": (set(), {"jaccore.translations"}),
    "jaccore.catalog": ({"numpy"}, {"jaccore._tensorflow", "jaccore.catalog", "jaccore.translations"}),
    "jaccore.notation": ({"numpy"}, set()),
    "jaccore.tiles": ({"numpy", "plotly"}, {"jaccore.notation"}),
    "jaccore.figures": ({"numpy", "plotly"}, {"jaccore.notation", "jaccore.tiles"}),
    "jaccore.lines": ({"numpy"}, set()),
    "jaccore.equations": ({"numpy"}, {"jaccore.figures", "jaccore.notation", "jaccore.tiles"}),
    "jaccore.readout": ({"numpy"}, {"jaccore.figures", "jaccore.tiles"}),
    "jaccore.markup": ({"numpy"}, {"jaccore.notation"}),
    "jaccore.downloads": ({"numpy", "pandas"}, {"jaccore.notation"}),
    "jaccore.codegen": ({"numpy"}, {"jaccore.catalog", "jaccore.notation", "jaccore.translations"}),
    "jaccore.takeaway": (
        {"numpy", "nbformat"},
        {"jaccore.catalog", "jaccore.codegen", "jaccore.notation", "jaccore.translations"},
    ),
    "jaccore.questions": ({"numpy"}, {"jaccore.notation", "jaccore.translations"}),
    "jaccore.assembly": ({"numpy"}, {"jaccore.notation", "jaccore.questions"}),
    "jaccore.progress": (set(), set()),
    "jaccore.sitemap": (set(), {"jaccore.catalog", "jaccore.translations"}),
    "jaccore.ui": ({"numpy", "streamlit"}, {"jaccore"}),  # anything below it
}


def layer(module: str) -> str:
    """The room a module belongs to: its package below jaccore, or the module itself."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def imports(module: str) -> set[str]:
    """The modules `module` imports, by their dotted names."""
    names = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_only_its_layer(module):
    packages, rooms = LAYERS[layer(module)]
    found = imports(module)
    third_party = {name.split(".")[0] for name in found} - STDLIB - {"jaccore"}
    assert third_party <= packages, f"{module} imports {third_party - packages}"
    ours = {layer(name) for name in found if name.startswith("jaccore")}
    assert all(room in rooms or "jaccore" in rooms for room in ours), f"{module} imports {ours - rooms}"


def test_only_the_interface_imports_streamlit():
    users = {m for m in MODULES if any(n.split(".")[0] == "streamlit" for n in imports(m))}
    assert users and all(m.startswith("jaccore.ui") for m in users)


def test_nothing_reaches_into_streamlits_private_modules():
    """The deep-link hand-over uses st.navigation and st.rerun only (jaccore/ui/startup.py)."""
    public = ("streamlit", "streamlit.testing.v1")
    private = {(m, n) for m in MODULES for n in imports(m) if n.startswith("streamlit.")}
    assert not {(m, n) for m, n in private if n not in public}


def test_rooms_stay_small():
    """No module over 400 lines, no function over 35: a newcomer can hold each in mind."""
    for path in (ROOT / "jaccore").rglob("*.py"):
        source = path.read_text()
        assert source.count("\n") <= 400, path
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno - node.lineno < 35, f"{path.name}: {node.name}"


def probe(code: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split()


def test_importing_the_package_and_its_interface_has_no_effect():
    """`import jaccore` and `import jaccore.ui` load no TensorFlow (the app says it is loading first)
    and start nothing: the start-up effects are the entry point's (streamlit_app.py)."""
    code = (
        "import sys, gc, jaccore, jaccore.ui, jaccore.ui.startup, jaccore.ui.state, jaccore.ui.widgets; "
        "print('tensorflow' in sys.modules, gc.get_freeze_count() == 0, jaccore.analyze.__name__, "
        "'tensorflow' in sys.modules)"
    )
    assert probe(code) == ["False", "True", "analyze", "True"]


def test_keras_stays_unloaded():
    """Streamlit calls keras.backend.clear_session() after each rerun if Keras is loaded, which
    empties TensorFlow's kernel cache and makes every slider move ~30 ms slower (jaccore/_tensorflow.py)."""
    code = "import sys, jaccore.ui.navigation, jaccore.engine as e; print('keras' in sys.modules, e.tf.__name__)"
    assert probe(code) == ["False", "tensorflow"]


def test_pandas_loads_for_a_download_only():
    """pandas takes ~0.3 s to import: on a server's first page, that would be 0.3 s more of waiting."""
    code = (
        "import sys, numpy as np, jaccore.ui.navigation, jaccore.downloads as d; print('pandas' in sys.modules); "
        "d.array_csv(np.ones(2), 'x'); print('pandas' in sys.modules)"
    )
    assert probe(code) == ["False", "True"]


def test_nbformat_loads_for_a_notebook_download_only():
    code = (
        "import sys, numpy as np, jaccore.ui.navigation, jaccore.takeaway as t; print('nbformat' in sys.modules); "
        "t.notebook_bytes([t.Cell('# x')]); print('nbformat' in sys.modules)"
    )
    assert probe(code) == ["False", "True"]


def test_the_engine_does_not_load_the_interface():
    code = (
        "import sys, jaccore.engine, jaccore.catalog, jaccore.expression; "
        "print(sorted(m for m in ('streamlit', 'plotly', 'tensorflow') if m in sys.modules))"
    )
    assert probe(code) == ["['tensorflow']"]
