"""Shared fixtures. TensorFlow is imported here, once, with the catalog (jaccore/_tensorflow.py silences its log)."""

import numpy as np
import pytest

import jaccore
from jaccore.catalog import BATCH_EXAMPLES

# Every catalog function that has a closed-form Jacobian: the worked examples and the batch layers.
ORACLE_EXAMPLES = {**jaccore.EXAMPLES, **BATCH_EXAMPLES}


def example_wrt_pairs() -> list:
    """(slug, wrt) for every input each catalog example differentiates, with readable ids."""
    return [
        pytest.param(slug, wrt, id=f"{slug}-{wrt}") for slug, example in ORACLE_EXAMPLES.items() for wrt in example.wrt
    ]


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261126)


def random_inputs(example: jaccore.Example, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Values like the example's defaults in shape, drawn at random (float32)."""
    return {name: rng.uniform(-3, 3, size=value.shape).astype(np.float32) for name, value in example.inputs.items()}


def pytest_terminal_summary(terminalreporter) -> None:
    """Say plainly, at the end, when the browser tests did not run and how to run them."""
    from tests.browser import missing_browser

    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "test_browser.py" in r.nodeid]
    if skipped:
        terminalreporter.write_line(
            f"Browser tests skipped ({len(skipped)}): {missing_browser()}.", yellow=True, bold=True
        )
