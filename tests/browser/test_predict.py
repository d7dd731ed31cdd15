"""Predict, then see, in Chromium: a worked example's first visit holds its sliders and shows no
chart until the three questions are answered; then the charts are drawn."""

import pytest

from tests.browser.harness import missing_browser, wait_until_done
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
