"""A page left open while its server restarts (a redeploy, Community Cloud waking an app, a crash):
it reconnects, runs again from the widgets the browser holds, and goes on computing and downloading.

Streamlit's browser side reruns the whole page on a reconnect only when the last run was a fragment's
or a fragment reruns on a timer; the app keeps one of the latter on every page
(jaccore/ui/boundary.py). A slider move that reaches the new session before its first run has
registered the live fragment is dropped by Streamlit; the panel then sees that its answer is not that
of its sliders, marks itself stale and asks for a run (jaccore/ui/panel.js). Skipped, with the reason
in pytest's summary, where Chromium is not installed.
"""

import signal

import numpy as np
import pandas as pd
import pytest

import jaccore
from dev.harness import free_port, missing_browser, streamlit_server, wait_until_done
from dev.restart import RIGHT, restarted_and_moved
from jaccore.catalog import EXAMPLES

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

C_TABLE = """() => Array.from(document.querySelectorAll('table[aria-label="C"] td'))
  .map(cell => Number(cell.textContent))"""


Y_TABLE = C_TABLE.replace('"C"', '"y"')


def press(page, key: str, times: int) -> None:
    """Arrow keys on the page's first slider (A[0,0]), as a learner moves it."""
    page.locator('[data-testid="stSlider"] input[type="range"]').first.focus()
    for _ in range(times):
        page.keyboard.press(key)
        page.wait_for_timeout(200)


def test_a_page_open_across_a_restart_computes_and_downloads(browser):
    """A·B open, the server restarted under it: A[0,0] moved to 2 gives C[0,0] = 24, and the Jacobian
    downloaded after it is the one for A[0,0] = 2. (Before the fix: C stayed [[19, 22], [43, 50]],
    the server logging 'The fragment … does not exist anymore', and downloads did nothing.)"""
    port = free_port()
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        with streamlit_server(port=port) as (url, _):
            page.goto(f"{url}/matmul?predict=off")
            wait_until_done(page)
            page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
            assert page.evaluate(C_TABLE) == [19, 22, 43, 50]
        with streamlit_server(port=port) as (url, _):
            page.wait_for_timeout(3000)  # the browser's reconnect, and the page's run on the new server
            wait_until_done(page)
            press(page, "ArrowRight", 2)  # A[0,0]: 1 → 2, in steps of 0.5
            page.wait_for_function(f"() => ({C_TABLE})()[0] === 24", timeout=30_000)
            assert page.evaluate(C_TABLE) == [24, 28, 43, 50]
            with page.expect_download(timeout=30_000) as download:
                page.get_by_role("button", name="jacobian_matmul_A.csv").click()
            table = pd.read_csv(download.value.path(), index_col=0)
    finally:
        context.close()
    inputs = {"A": [[2.0, 2.0], [3.0, 4.0]], "B": [[5.0, 6.0], [7.0, 8.0]]}
    expected = jaccore.analyze(EXAMPLES["matmul"].fn, inputs, "A").jacobian
    np.testing.assert_array_equal(table.to_numpy(), expected.reshape(4, 4))


def test_predictions_come_back_after_a_restart(browser):
    """x ⊙ x predicted, then the server restarted under the page: the new session knows nothing, the
    browser remembers (jaccore/ui/memory.py), and the page shows its charts without asking again."""
    from tests.browser.test_predict import answer_the_questions, shows_at_once

    port = free_port()
    context = browser.new_context()
    page = context.new_page()
    try:
        with streamlit_server(port=port) as (url, _):
            page.goto(f"{url}/square")
            wait_until_done(page)
            answer_the_questions(page)
        with streamlit_server(port=port) as (url, _):
            page.wait_for_timeout(3000)  # the reconnect, and the page's run on the new server
            wait_until_done(page)
            assert shows_at_once(page)
            press(page, "ArrowRight", 1)  # x[0,0]: 1 → 1.5, on a page that computes (not one held to ask)
            page.wait_for_function(f"() => ({Y_TABLE})()[0] === 2.25", timeout=30_000)
            page.reload()
            assert shows_at_once(page)
    finally:
        context.close()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("slug", list(RIGHT))
def test_after_a_restart_the_first_move_is_computed_and_no_finished_page_is_stale(browser, slug, stop):
    """The server stopped (a redeploy: SIGTERM; the memory cap: SIGKILL) and started again on the same
    port under an open page; as soon as the slider can move, it is moved, while the new server's first
    run is still loading TensorFlow. The page then computes the moved slider's answer, and at no moment
    is a finished page's answer that of other slider values (before the fix: 3 of 6 runs never showed a
    right answer within 60 s, and the others showed a wrong one as if finished). How fast: measured,
    not asserted, by bench/restart.py (target: within 5 s of the move)."""
    samples, moved_at = restarted_and_moved(browser, slug, stop)
    right = RIGHT[slug]
    # Finished: the run over, and no panel marked as waiting for the answer of the sliders on screen.
    finished = [s for s in samples if s["state"] == "notRunning" and not s["stale"] and s["sliders"]]
    stale = [s for s in finished if right(s) is False]
    assert not stale, [(round(s["t"] - moved_at), s["sliders"], s["C"] or s["y"] or s["image"]) for s in stale[:3]]
    moved = [s for s in finished if s["t"] > moved_at and s["sliders"] != finished[0]["sliders"]]
    assert moved and right(moved[0]) is True  # the move was not lost: its answer came
