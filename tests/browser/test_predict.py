"""Predict, then see, in Chromium: a worked example's first visit holds its sliders and shows no
chart until the three questions are answered; then the charts are drawn. What was predicted is kept
in the browser (localStorage): a reload shows the charts at once and the home page marks it, until
the learner asks to forget."""

import pytest

from dev.harness import missing_browser, wait_until_done
from jaccore.translations import SENTENCES
from tests.browser.test_browser import assert_healthy, visit

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

CHARTS = ".js-plotly-plot .main-svg"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_answers_show_only_after_the_predictions(page, server, lang):
    visit(page, server, "square", lang=lang, predict=True)
    wait_until_done(page)
    questions = page.locator('[data-testid="stRadio"]').filter(has_text="?")
    questions.nth(2).wait_for(timeout=30_000)
    assert questions.count() == 3
    assert page.locator(CHARTS).count() == 0
    thumbs = page.locator('[data-testid="stSlider"] input[type="range"]')
    assert thumbs.count() == 2 and all(thumb.is_disabled() for thumb in thumbs.all())
    for n in range(3):
        questions.nth(n).locator('[data-testid="stRadioOption"], label').last.click()
        wait_until_done(page)
    page.locator(CHARTS).first.wait_for(timeout=60_000)
    wait_until_done(page)
    assert_healthy(page)
    assert page.locator('[data-testid="stAlert"]').count() >= 3  # the feedback to each answer stays
    assert not thumbs.first.is_disabled()


def answer_the_questions(page) -> None:
    questions = page.locator('[data-testid="stRadio"]').filter(has_text="?")
    questions.nth(2).wait_for(timeout=30_000)
    for n in range(3):
        questions.nth(n).locator('[data-testid="stRadioOption"], label').last.click()
        wait_until_done(page)
    page.locator(CHARTS).first.wait_for(timeout=60_000)


def shows_at_once(page) -> bool:
    """The worked example draws its charts without asking (its sliders free): predicted before."""
    page.locator(CHARTS).first.wait_for(timeout=60_000)
    wait_until_done(page)
    return not page.locator('[data-testid="stSlider"] input[type="range"]').first.is_disabled()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_what_was_predicted_is_remembered_by_the_browser_until_forgotten(page, server, lang):
    visit(page, server, "square", lang=lang, predict=True)
    answer_the_questions(page)
    page.reload()
    assert shows_at_once(page)
    visit(page, server, "home", lang=lang, predict=True)
    predicted = SENTENCES["progress.predicted"](lang)
    # The home page's first run knows nothing of it; the browser then tells (a rerun): the mark appears.
    page.locator('[data-testid="stPageLink"]', has_text="x ⊙ x").filter(has_text=f"✓ {predicted}").wait_for()
    page.get_by_role("button", name=SENTENCES["progress.forget"](lang)).click()
    wait_until_done(page)
    page.wait_for_timeout(500)
    visit(page, server, "square", lang=lang, predict=True)
    page.locator('[data-testid="stRadio"]').filter(has_text="?").nth(2).wait_for(timeout=30_000)
    assert page.locator(CHARTS).count() == 0  # asked again
