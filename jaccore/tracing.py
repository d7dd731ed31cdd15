"""What a formula's evaluation notices, when asked: notes the page shows beside its pictures (a softmax
along an axis of one element, a constant where an input was perhaps meant) and the ranks each operation
met, which decide how the script writes it (a product with a vector is no `@` in TensorFlow).

The evaluation runs once on zeros of the inputs' shapes (jaccore/expression.py); every other
evaluation notices nothing and pays nothing.
"""

import threading
from collections.abc import Callable

_state = threading.local()  # what the evaluation under way on this thread notices, while asked


def note(**blanks: object) -> None:
    found = getattr(_state, "found", None)
    if found is not None and blanks not in found:
        found.append(blanks)


def seen(place: int, ranks: tuple[int, ...]) -> None:
    """The ranks of an operation's operands, by its place in the formula's tree."""
    ranks_seen = getattr(_state, "ranks", None)
    if ranks_seen is not None:
        ranks_seen[place] = ranks


def traced(evaluate: Callable[[], object], expected: tuple[type[BaseException], ...]) -> tuple[list[dict], dict]:
    """Run `evaluate` noticing notes and ranks; an `expected` failure ends it early (what it noticed
    until then is kept: the page says why nothing is drawn)."""
    _state.found, _state.ranks = [], {}
    try:
        evaluate()
    except expected:
        pass
    finally:
        found, ranks, _state.found, _state.ranks = _state.found, _state.ranks, None, None
    return found, ranks
