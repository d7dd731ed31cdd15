"""Jacobian Explorer's core: the autodiff engine, the catalog of worked examples, safe expressions.

`import jaccore` is light: each name below loads its module on first use, and with it TensorFlow
(seconds), so that the app can say it is loading before it does (jaccore/ui/startup.py).
"""

import importlib

_MODULE_OF = {
    "EXAMPLES": "catalog",
    "Example": "catalog",
    "Analysis": "engine",
    "InputError": "engine",
    "ShapeError": "engine",
    "analyze": "engine",
    "batch_jacobian": "engine",
    "jacobian_by_rows": "modes",
    "jacobian_by_columns": "modes",
    # Each name's module is named otherwise: importing a module named like the function would make
    # the module the package's attribute, and jaccore.hessian(...) would then fail (docs/workarounds.md).
    "hessian": "curvature",
    "hessian_vector_product": "curvature",
    "linearization": "linear_map",
    "digits": "classifier",
    "digit_classifier": "classifier",
    "classifier_jacobian": "classifier",
    "ExpressionError": "expression",
    "parse_expression": "expression",
}

__all__ = list(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'jaccore' has no attribute {name!r}")
    return getattr(importlib.import_module(f"jaccore.{_MODULE_OF[name]}"), name)
