"""Jacobian Explorer's core: the autodiff engine, the catalog of worked examples, safe expressions.

`import jaccore` is light: each name below loads its module on first use, and with it TensorFlow
(seconds), so that the app can say it is loading before it does (jaccore/ui/startup.py).
"""

import importlib
import sys
import types

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
    "hessian": "hessian",
    "hessian_vector_product": "hessian",
    "linearization": "linearization",
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


# hessian and linearization are functions of modules of the same names. Importing such a module sets
# it as the package's attribute, which would then hide the function: jaccore.hessian(...) would raise
# "'module' object is not callable" once any code had imported jaccore.hessian. Those names are read
# from their modules on every access instead.
_SHADOWED = frozenset(name for name, module in _MODULE_OF.items() if name == module)


class _Package(types.ModuleType):
    def __getattribute__(self, name: str):
        if name in _SHADOWED:
            return getattr(importlib.import_module(f"jaccore.{name}"), name)
        return super().__getattribute__(name)


sys.modules[__name__].__class__ = _Package
