"""The pitfall lab's page shows, for every trap, the outputs TensorFlow returns for its snippets,
in both languages, and whether the trap reproduces."""

import html

import pytest

from jaccore.catalog.pitfalls import TRAPS
from jaccore.lab import outcome, printed
from tests.pages.apptest import errors, htmls, open_page


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_card_shows_what_its_snippets_return(lang):
    app = open_page("pitfalls", lang=lang)
    assert errors(app) == []
    shown = "\n".join(htmls(app))
    for slug, trap in TRAPS.items():
        for key, function in (("broken", trap.broken), ("fixed", trap.fixed)):
            expected = html.escape(printed(outcome(function)))  # run again here, not read from the app
            assert f'data-output="{key}.{slug}">{expected}</pre>' in shown
    sentences = [m.value for m in app.markdown]
    reproduced = "Reproduced on TensorFlow" if lang == "en" else "Đã tái hiện trên TensorFlow"
    assert sum(reproduced in m for m in sentences) == len(TRAPS)


def test_the_gradient_of_a_vector_links_to_the_same_trap_on_a_real_network():
    """The first card's link opens the digit classifier's page on its probabilities, where the same
    sum of slices returns zeros, and that link opens without a note."""
    (link,) = open_page("pitfalls").get("page_link")
    assert (link.proto.page, link.proto.query_string) == ("digits", "output=probabilities")
    app = open_page("digits", output="probabilities")
    assert errors(app) == [] and not app.warning and app.radio(key="output").value == "probabilities"
