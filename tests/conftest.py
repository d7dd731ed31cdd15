"""Shared fixtures. TensorFlow is imported here, once, with the catalog (jaccore/_tensorflow.py silences its log):
a page's first AppTest run would otherwise spend its timeout importing it."""

import numpy as np
import pytest

import jaccore.catalog  # noqa: F401


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
