"""Every sentence a reader sees, in English and Vietnamese, looked up by key: `SENTENCES["app.title"]`.

One module per part of the app, its keys named after it (app.py: the app's own app., nav., note.,
panel.). The tests hold the table to four rules: every key is used, every key that the code looks
up exists, each sentence has the same blanks in both languages, and each key is in its file.
"""

from jaccore.translations import (
    app,
    batch,
    build,
    chain,
    code,
    digits,
    example,
    exercise,
    expression,
    hessian,
    home,
    lesson,
    linear,
    modes,
    notebook,
    pitfalls,
    playground,
    predict,
    progress,
    puzzle,
    quiz,
    training,
)
from jaccore.translations.text import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, Text, counted, grouped, language_from

_PARTS = (app, home, example, lesson, playground, batch, chain, modes, hessian, linear, digits, training, pitfalls,
          expression, code, notebook, predict, exercise, build, progress, puzzle, quiz)  # fmt: skip
SENTENCES: dict[str, Text] = {key: text for part in _PARTS for key, text in part.SENTENCES.items()}
assert len(SENTENCES) == sum(len(part.SENTENCES) for part in _PARTS), "a key is defined twice"

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "SENTENCES",
    "Text",
    "counted",
    "grouped",
    "language_from",
]
