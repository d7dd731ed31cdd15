"""Shared fixtures. TensorFlow is imported here, once, through jaccore (which silences its log)."""

import numpy as np
import pytest

import jaccore


def example_wrt_pairs() -> list:
    """(slug, wrt) for every input each catalog example differentiates, with readable ids."""
    return [
        pytest.param(slug, wrt, id=f"{slug}-{wrt}") for slug, example in jaccore.EXAMPLES.items() for wrt in example.wrt
    ]


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261126)


def random_inputs(example: jaccore.Example, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Values like the example's defaults in shape, drawn at random (float32)."""
    return {name: rng.uniform(-3, 3, size=value.shape).astype(np.float32) for name, value in example.inputs.items()}
