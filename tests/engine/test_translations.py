"""The table of sentences: every key used, every key looked up defined, both languages alike."""

import ast
import string

import pytest

from jaccore.translations import SENTENCES, Text
from tests import ROOT

# Calls whose first string argument (after a node, for refuse) is a sentence key (markdown: a notebook cell).
LOOKUPS = {"say": 0, "ExpressionError": 0, "refuse": 1, "markdown": 0}


def code_files() -> list:
    return [p for p in (ROOT / "jaccore").rglob("*.py") if "translations" not in p.parts]


def string_constants(tree: ast.AST) -> set[str]:
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def looked_up(tree: ast.AST) -> set[str]:
    """Keys named in say("…"), ExpressionError("…"), refuse(node, "…") and SENTENCES["…"]."""
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            at = LOOKUPS.get(name)
            if at is not None and len(node.args) > at and isinstance(node.args[at], ast.Constant):
                keys.add(node.args[at].value)
        elif isinstance(node, ast.Subscript) and getattr(node.value, "id", None) == "SENTENCES":
            keys.add(node.slice.value if isinstance(node.slice, ast.Constant) else "")
    keys.discard("")  # a key held in a variable: the keys it can take appear as strings elsewhere
    return keys


def trees() -> list[ast.AST]:
    return [ast.parse(path.read_text()) for path in code_files()]


def test_every_key_looked_up_is_defined():
    missing = set().union(*(looked_up(tree) for tree in trees())) - set(SENTENCES)
    assert not missing


def test_every_key_is_used():
    """A key appears as a string in the code that shows it (lookups through a table of keys included)."""
    used = set().union(*(string_constants(tree) for tree in trees()))
    assert not set(SENTENCES) - used


def blanks(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("key", sorted(SENTENCES))
def test_both_languages_have_the_same_blanks(key):
    text: Text = SENTENCES[key]
    assert text.en.strip() and text.vi.strip()
    assert blanks(text.en) == blanks(text.vi)


def test_each_sentence_is_in_the_file_its_key_names():
    """`modes.timing` in translations/modes.py, `hessian.q` in translations/hessian.py; the app-wide
    app., nav., note. and panel. in translations/app.py: a sentence is found where its key says."""
    import importlib
    import pkgutil

    import jaccore.translations as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name == "text":
            continue
        keys = importlib.import_module(f"jaccore.translations.{module.name}").SENTENCES
        allowed = {"app", "nav", "note", "panel"} if module.name == "app" else {module.name}
        assert {key.split(".")[0] for key in keys} <= allowed, module.name
