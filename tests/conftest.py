"""Shared fixtures. TensorFlow is imported here, once, with the catalog (jaccore/_tensorflow.py silences its log):
a page's first AppTest run would otherwise spend its timeout importing it."""

import numpy as np
import pytest

import jaccore.catalog  # noqa: F401

# The fast tier, for a contributor's inner loop: `pytest -m "not slow"` runs these (every page at its
# defaults in both languages, the engine against its oracles, the package's shape, CI's script) in under
# two minutes; every other test is marked slow. The README's command runs them all.
FAST = (
    "tests/pages/test_pages.py::test_every_page_runs_at_its_defaults",
    "tests/pages/test_pages.py::test_languages_render_different_text",
    "tests/pages/test_pages.py::test_page_files_and_catalog_are_in_step",
    "tests/engine/test_engine.py",
    "tests/engine/test_catalog.py",
    "tests/engine/test_api.py",
    "tests/engine/test_ci.py",
    "tests/engine/test_layers.py",
    "tests/engine/test_translations.py",
)


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if not item.nodeid.startswith(FAST):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261126)


def pytest_terminal_summary(terminalreporter) -> None:
    """Say plainly, at the end, when the browser tests did not run and how to run them."""
    from dev.harness import missing_browser

    skipped = [r for r in terminalreporter.stats.get("skipped", []) if r.nodeid.startswith("tests/browser/")]
    if skipped:
        terminalreporter.write_line(
            f"Browser tests skipped ({len(skipped)}): {missing_browser()}.", yellow=True, bold=True
        )
