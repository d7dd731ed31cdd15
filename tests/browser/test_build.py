"""The learner builds `tape.gradient`, in Chromium: typing the column sums completes the build, the
picture's result is the learner's grid beside tape.gradient, and what the learner earned is in the
browser's storage at once: a reload right after the last box turns right (or the exercise's Check)
keeps it, and so does a server restart."""

import json

import pytest

from dev.harness import free_port, missing_browser, streamlit_server, wait_until_done
from jaccore.translations import SENTENCES
from tests.browser.test_browser import assert_healthy, visit
from tests.browser.test_predict import answer_the_questions

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

STORED = "() => JSON.parse(window.localStorage.getItem('jacobian-explorer.progress') ?? '{}')"


def type_box(page, label: str, text: str) -> None:
    """Type into the box labelled `label` and commit it (Enter), as a learner does."""
    box = page.get_by_label(label, exact=True)
    box.fill(text)
    box.press("Enter")
    wait_until_done(page)


def build_matmul(page, lang: str = "en") -> None:
    for label, value in (("∇A[0,0]", "11"), ("∇A[0,1]", "15"), ("∇A[1,0]", "11"), ("∇A[1,1]", "15")):
        type_box(page, label, value)
    done = SENTENCES["build.done"](lang, n=4, y="C", x="A").replace("`", "").split(":")[0]
    page.locator('[role="status"]', has_text=done).wait_for(timeout=30_000)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_built_gradient_is_kept_by_a_reload_right_after_the_last_box(page, server, lang):
    visit(page, server, "matmul", lang=lang)
    build_matmul(page, lang)
    page.wait_for_timeout(500)  # within a second of the grade: the browser already has it
    page.reload()
    assert "matmul" in page.evaluate(STORED).get("progress.built", [])
    visit(page, server, "home", lang=lang)
    built = SENTENCES["progress.built"](lang)
    page.locator('[data-testid="stPageLink"]', has_text="A·B").filter(has_text=f"✓ {built}").wait_for()
    assert_healthy(page)


def test_a_solved_exercise_is_kept_by_a_reload_right_after_the_check(page, server):
    """The exercise of x ⊙ x (∂y[0,0]/∂x[0,0] = 2, ∂y[0,0]/∂x[0,1] = 0, ∂y[0,1]/∂x[0,1] = 4): it was
    written to the browser only when the learner opened another page (issue 34)."""
    visit(page, server, "square")
    form = page.locator('[data-testid="stForm"]')
    for n, value in enumerate(("2", "0", "4")):
        form.locator("input").nth(n).fill(value)
    form.get_by_role("button", name=SENTENCES["exercise.check"]("en")).click()
    page.locator('[data-testid="stAlert"]', has_text="All 3 right").wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    page.reload()
    assert "square" in page.evaluate(STORED).get("progress.solved", [])


def test_the_learner_s_grid_is_drawn_beside_tape_gradient(page, server):
    visit(page, server, "matmul")
    build_matmul(page)
    titles = page.locator(".jacobian-labels [data-kind='title']").all_inner_texts()
    assert "your ∇A" in titles and "tape.gradient" in titles
    assert_healthy(page)


def test_a_built_gradient_survives_a_server_restart(browser):
    port = free_port()
    context = browser.new_context()
    page = context.new_page()
    try:
        with streamlit_server(port=port) as (url, _):
            visit(page, url, "matmul", predict=True)
            answer_the_questions(page)
            build_matmul(page)
        with streamlit_server(port=port) as (url, _):
            page.reload()
            wait_until_done(page)
            visit(page, url, "home", predict=True)
            mark = f"✓ {SENTENCES['progress.built']('en')}"
            page.locator('[data-testid="stPageLink"]', has_text="A·B").filter(has_text=mark).wait_for()
            assert json.dumps(page.evaluate(STORED))  # what came back is still the browser's
    finally:
        context.close()
