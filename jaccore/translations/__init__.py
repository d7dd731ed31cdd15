"""Every sentence a reader sees, in English and Vietnamese, looked up by key: `SENTENCES["app.title"]`.

One module per part of the app. The tests hold the table to three rules: every key is used,
every key that the code looks up exists, and each sentence has the same blanks in both languages.
"""

from jaccore.translations import (
    app,
    batch,
    chain,
    code,
    example,
    expression,
    lesson,
    modes,
    pitfalls,
    playground,
    predict,
    takeaway,
)
from jaccore.translations.text import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, Text, counted, grouped, language_from

_PARTS = (app, example, lesson, playground, batch, chain, modes, pitfalls, expression, code, takeaway, predict)
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
