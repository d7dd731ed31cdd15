"""Jacobian Explorer's core: the autodiff engine, the catalog of worked examples, safe expressions."""

import os

# TensorFlow's start-up log is noise for learners: silence it here, before any submodule
# imports TensorFlow for the first time.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

from jaccore.catalog import EXAMPLES, Example
from jaccore.engine import Analysis, InputError, ShapeError, analyze, batch_jacobian
from jaccore.expression import ExpressionError, parse_expression

__all__ = [
    "EXAMPLES",
    "Analysis",
    "Example",
    "ExpressionError",
    "InputError",
    "ShapeError",
    "analyze",
    "batch_jacobian",
    "parse_expression",
]
