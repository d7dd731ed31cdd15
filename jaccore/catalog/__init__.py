"""The catalog of worked examples: one entry feeds a page, the navigation and the tests.

Each example carries its TensorFlow function, the notebook's inputs (float32), the inputs it
differentiates, its formula, and a closed-form Jacobian in numpy (see example.Example).
"""

from jaccore.catalog.batch import BATCH_EXAMPLES
from jaccore.catalog.chain import CHAIN_EXAMPLES, CHAINS, OUTER_FORMULAS, chain_slug, compose
from jaccore.catalog.example import Example, formula_example
from jaccore.catalog.modes import HESSIAN_EXAMPLES, LAYER
from jaccore.catalog.notebook import EXAMPLES

__all__ = [
    "BATCH_EXAMPLES",
    "CHAINS",
    "CHAIN_EXAMPLES",
    "EXAMPLES",
    "HESSIAN_EXAMPLES",
    "LAYER",
    "OUTER_FORMULAS",
    "Example",
    "chain_slug",
    "compose",
    "formula_example",
]
