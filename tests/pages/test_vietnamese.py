"""No English on a Vietnamese page: every sentence, label, option, note, chart title and label the
page shows in Vietnamese is read, code and formulas set aside, and no English word may be left.

What counts as English: every word of the app's English sentences that its Vietnamese sentences do
not use too (the notebook's own words, "Jacobian", "vector", "gradient", "tape", are in both), and
the words Python's and TensorFlow's own messages are made of.
"""

import html
import re

import pytest

from jaccore.catalog import EXAMPLES
from jaccore.markup import prose_html
from jaccore.sitemap import PAGES
from jaccore.translations import SENTENCES
from tests.pages.apptest import charts, open_page, texts

WORD = re.compile(r"[A-Za-zÀ-ỹ]+")
# Words of messages that do not come from the app's table of sentences (parsers, TensorFlow, Plotly).
FOREIGN = {"invalid", "syntax", "unexpected", "expected", "error", "vs", "shape", "batch", "sum", "of", "the"}
# The language switch names each language in its own tongue; a technique is named as learners will
# meet it in English after its Vietnamese name (chuẩn hoá theo lô, batch normalization).
NAMES = {"English"}
GLOSSES = ("batch normalization",)


def vocabulary(lang: str) -> set[str]:
    return {word.lower() for text in SENTENCES.values() for word in WORD.findall(prose(getattr(text, lang)))}


def prose(text: str) -> str:
    """What is read as words: no code spans or blocks, formulas, tags, links, indices or identifiers."""
    text = re.sub(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$", " ", text, flags=re.S)
    text = re.sub(r"<(pre|code|script|style)\b.*?</\1>", " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"https?://\S+|\S+#\d+|\{[^}]*\}", " ", text)  # addresses, issue numbers, blanks
    return re.sub(r"\b\w*[._\[\]]\w*[\w.\[\],]*", " ", text)  # tape.gradient, batch_jacobian, y[0,1]


ENGLISH = (vocabulary("en") - vocabulary("vi")) | FOREIGN


def shown_text(app) -> list[str]:
    found = texts(app) + [e.value for kind in ("info", "warning", "error", "success") for e in app.get(kind)]
    found += [str(option) for widget in (*app.radio, *app.selectbox) for option in widget.options]
    for figure in charts(app).values():
        layout = figure.get("layout", {})
        found += [a.get("text", "") for a in layout.get("annotations", [])]
        found += [str(layout.get(axis, {}).get("title", {}).get("text", "")) for axis in layout if "axis" in axis]
        found += [str(trace.get("name", "")) + " " + str(trace.get("hovertemplate", "")) for trace in figure["data"]]
    return found


def english_words(app) -> dict[str, str]:
    """The English words on the page, each with the text it was found in. The glossary's column of
    English terms is the one place they belong."""
    glossary = SENTENCES["home.glossary_rows"]("vi")
    found = {}
    for text in shown_text(app):
        if text == prose_html(glossary):  # its first column only: the Vietnamese terms
            text = prose_html("\n".join("|".join(row.split("|")[:2]) for row in glossary.splitlines()))
        for gloss in GLOSSES:
            text = text.replace(gloss, " ")
        for word in WORD.findall(prose(text)):
            if len(word) > 1 and word.lower() in ENGLISH and word not in NAMES:  # one letter: a tensor's name
                found.setdefault(word, text[:160])
    return found


@pytest.mark.parametrize("slug", list(PAGES))
def test_no_english_on_a_vietnamese_page(slug):
    views = {"flat": "true", "weights": "true", "check": "true"} if PAGES[slug].kind == "example" else {}
    app = open_page(slug, lang="vi", **views)
    assert english_words(app) == {}


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_no_english_while_a_vietnamese_page_asks_first(slug):
    assert english_words(open_page(slug, lang="vi", predict=None)) == {}


@pytest.mark.parametrize("formula", ["W @ x +", "W @ x + y[", "W @@ x", "sin(W)", "W @ x + 1e999"])
def test_no_english_in_the_playgrounds_messages(formula):
    assert english_words(open_page("playground", lang="vi", expr=formula)) == {}


def test_the_detector_finds_english():
    """It would see the leaks the Vietnamese pages had: a chart's "vs", a parser's "invalid syntax"."""
    app = open_page("matmul", lang="vi")
    assert english_words(app) == {}
    app = open_page("matmul", lang="en")
    assert {"vs", "shape"} <= {word.lower() for word in english_words(app)}


def test_no_english_in_the_exercises_marks_and_the_predictions_feedback():
    app = open_page("matvec", lang="vi", predict=None)
    for radio in app.radio:
        if radio.key.startswith("predict."):
            radio.set_value(radio.options[-1]).run()
    boxes = [box for box in app.text_input if box.key.startswith("exercise.")]
    for box, text in zip(boxes, ["1", "abc", "5"], strict=True):
        box.input(text)
    app.button(key=f"FormSubmitter:{boxes[0].key.rsplit('.', 1)[0]}-Kiểm tra").click().run()
    app.toggle(key=f"{boxes[0].key.rsplit('.', 1)[0]}.reveal").set_value(True).run()
    assert "đáp án đúng là" in app.warning[-1].value
    assert english_words(app) == {}
