"""Indices read as indices: J_g, Σ_c, n_in and e_k are written as subscripts (J<sub>g</sub>), never as
raw underscores, in every sentence, label and chart title of every page, in both languages. Code
(spans, blocks, the names of TensorFlow's functions such as batch_jacobian) is code and is set aside.
"""

import html
import re

import pytest

from jaccore.markup import prose_html
from jaccore.sitemap import PAGES
from tests.pages.apptest import open_page
from tests.pages.test_vietnamese import shown_text

# A one-letter name (or Σ, ∇) and a short index joined by an underscore: J_g, Σ_c, ∇_A, n_out, e_k.
RAW_INDEX = re.compile(r"(?<![\w.])[A-Za-zΣ∇]_\w{1,3}\b")


def outside_code(text: str) -> str:
    text = re.sub(r"```.*?```|`[^`]*`|\$[^$]*\$", " ", text, flags=re.S)
    return html.unescape(re.sub(r"<(pre|code)\b.*?</\1>", " ", text, flags=re.S))


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("slug", list(PAGES))
def test_indices_are_subscripts_not_underscores(slug, lang):
    views = {"flat": "true", "weights": "true", "check": "true"} if PAGES[slug].kind == "example" else {}
    app = open_page(slug, lang=lang, **views)
    raw = {found for text in shown_text(app) for found in RAW_INDEX.findall(outside_code(text))}
    assert not raw, raw


def test_the_detector_finds_a_raw_index_and_subscripts_pass():
    assert RAW_INDEX.findall(outside_code("J = J_g · J_f, `tf.reduce_sum(y)`, batch_jacobian")) == ["J_g", "J_f"]
    assert prose_html("J = J~g~ · J~f~") == '<div class="jx-prose"><p>J = J<sub>g</sub> · J<sub>f</sub></p></div>'
