"""End to end: `streamlit run` on a free port and Debian's headless Chromium, driven by Playwright.

Skipped, with the reason in pytest's summary, where Chromium is not installed.
"""

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import jaccore
from dev.harness import missing_browser, streamlit_server, wait_until_done
from jaccore.catalog import EXAMPLES
from jaccore.codegen import tensorflow_code
from jaccore.notation import index_label
from jaccore.sitemap import PAGES, live
from jaccore.translations import SENTENCES
from tests import heading

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

SLUGS = list(PAGES)
LIVE = [slug for slug, page in PAGES.items() if live(page)]  # the pages with sliders
# What a reader sees change: the matrices of numbers and the text Plotly draws in the charts.
SHOWN = """() => Array.from(document.querySelectorAll(
  '[data-testid="stMain"] td, [data-testid="stMain"] .js-plotly-plot text, [data-testid="stMain"] .jacobian-cells, ' +
  '[data-testid="stMain"] .jx-prose'
)).map(e => e.textContent).join('|')"""


def title(slug: str, lang: str) -> str:
    return heading(slug, lang)


def visit(page, url: str, slug: str, lang: str = "en", predict: bool = False) -> None:
    """The page, its charts drawn; a worked example's predictions off unless `predict`."""
    page.goto(f"{url}/{'' if slug == 'home' else slug}?lang={lang}{'' if predict else '&predict=off'}")
    wait_until_done(page)
    page.locator("h1", has_text=title(slug, lang)).wait_for(timeout=60_000)
    if live(PAGES[slug]) and not predict:
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)


def assert_healthy(page) -> None:
    """No exception, no dialog, and no apology of the error boundary (a crash it caught is a crash)."""
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[role="dialog"]').count() == 0
    alerts = page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert not [text for text in alerts if any(SENTENCES["app.failed"](lang) in text for lang in ("en", "vi"))]


@pytest.mark.parametrize("slug", SLUGS)
def test_page_draws_without_errors(page, server, slug):
    visit(page, server, slug)
    assert_healthy(page)
    charts = page.locator(".js-plotly-plot")
    assert (charts.count() == 0) == (not live(PAGES[slug]))
    if live(PAGES[slug]):  # heatmaps, or the linear map's lines
        drawn = (
            ".js-plotly-plot .heatmaplayer image, .js-plotly-plot .heatmaplayer, .js-plotly-plot .scatterlayer .trace"
        )
        assert page.locator(drawn).count() > 0


@pytest.mark.parametrize("slug", LIVE)
def test_keyboard_slider_move_changes_the_page(page, server, slug):
    visit(page, server, slug)
    page.wait_for_timeout(300)  # let the first render settle before the key press
    before = page.evaluate(SHOWN)
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    value, step = float(thumb.get_attribute("aria-valuetext")), float(thumb.get_attribute("step"))
    thumb.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"before => ({SHOWN})() !== before", arg=before, timeout=30_000)
    wait_until_done(page)
    assert_healthy(page)
    assert float(thumb.get_attribute("aria-valuetext")) == pytest.approx(value + step)


# The numbers written over the first chart's cells, row by row ("" for the gaps between panels).
CELLS = "() => Array.from(document.querySelector('.jacobian-cells').children).map(cell => cell.textContent)"


def test_a_slider_move_redraws_charts_in_place(page, server):
    """The panel component restyles its chart (Plotly.react): the same element, and new numbers
    over its cells. y = x ⊙ x with x = [[1, 2]]: the slices of 2·diag(x) side by side, a gap between."""
    visit(page, server, "square")
    page.wait_for_timeout(300)
    chart = page.locator(".js-plotly-plot").first
    chart.evaluate("element => { element.dataset.mark = 'before'; }")
    assert chart.get_attribute("aria-label") == "Heatmap: ∂y[0,0]/∂x, ∂y[0,1]/∂x"
    assert page.evaluate(CELLS) == ["2", "0", "", "0", "4"]
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    value, step = float(thumb.get_attribute("aria-valuetext")), float(thumb.get_attribute("step"))
    thumb.focus()
    page.keyboard.press("ArrowRight")
    expected = [f"{2 * (value + step):.3g}", "0", "", "0", "4"]
    page.wait_for_function(f"expected => JSON.stringify(({CELLS})()) === JSON.stringify(expected)", arg=expected)
    assert page.locator('.js-plotly-plot[data-mark="before"]').count() == 1


def rgb(css: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", css)[:3]]


def test_the_first_picture_does_not_wait_for_plotly(browser, server):
    """Until Plotly.js is ready (here: never), the panel paints the cells in HTML, in the colours of
    the chart's scale, with their numbers: A·B's slices ∂C[i,j]/∂A in a 2 × 2 grid of 2 × 2."""
    context = browser.new_context(viewport={"width": 1366, "height": 1000})
    context.add_init_script("window.Plotly = {react: () => new Promise(() => {})};")  # loaded, never drawing
    try:
        page = context.new_page()
        page.goto(f"{server}/matmul?predict=off")
        painted = page.locator('.jacobian-cells > span[style*="background: rgb"]')
        painted.first.wait_for(timeout=60_000)
        first = page.locator(".jacobian-cells").first.locator('span[style*="background: rgb"]')
        cells = first.evaluate_all("cells => cells.map(c => [c.textContent, c.style.background])")
        assert [text for text, _ in cells] == ["5", "7", "6", "8"] + ["0"] * 8 + ["5", "7", "6", "8"]
        red, _, blue = rgb(dict(cells)["8"])
        assert blue > red + 60  # the largest value, positive: blue
        assert min(rgb(dict(cells)["0"])) >= 230  # zero: white, or nearly
        assert page.locator(".js-plotly-plot").count() == 0
    finally:
        context.close()


def test_a_view_switch_swaps_a_chart_of_the_panel(page, server):
    """The flat view's chart takes the place of the slices' chart in the live panel (panel.js keeps a
    chart's node only while the chart keeps its name); the text above it changes with it."""
    visit(page, server, "matmul")
    charts = page.locator(".jacobian-heatmap")
    assert charts.count() == 2
    flatten = page.get_by_text(SENTENCES["example.flatten"]("en", y="C", x="A"))
    assert not flatten.is_visible()  # folded away under "Going further" until opened
    page.get_by_text(SENTENCES["example.further"]("en")).click()
    flatten.click()
    page.locator('.jacobian-heatmap[aria-label="Heatmap: ∂C/∂A  (4 × 4)"]').wait_for(timeout=30_000)
    wait_until_done(page)
    assert_healthy(page)
    assert charts.count() == 2 and "flat=true" in page.url
    assert page.get_by_text("jacobian.reshape(C.size, A.size)").count() == 1


@pytest.mark.parametrize("slug", SLUGS)
def test_language_switch_changes_the_text(page, server, slug):
    visit(page, server, slug)
    english = page.inner_text('[data-testid="stMain"]')
    page.locator('[data-testid="stSidebar"] [data-testid="stRadioOption"]', has_text="Tiếng Việt").click()
    page.locator("h1", has_text=title(slug, "vi")).wait_for(timeout=30_000)
    wait_until_done(page)
    assert_healthy(page)
    assert page.inner_text('[data-testid="stMain"]') != english
    assert "lang=vi" in page.url


def move_first_slider(page) -> float:
    """One step right on the page's first slider (the first input's first element), then wait until
    the page has redrawn; returns the step."""
    page.wait_for_timeout(300)  # let the first render settle before the key press
    before = page.evaluate(SHOWN)
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    step = float(thumb.get_attribute("step"))
    thumb.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"before => ({SHOWN})() !== before", arg=before, timeout=30_000)
    wait_until_done(page)
    assert_healthy(page)
    return step


def moved(inputs: dict, step: float) -> dict[str, np.ndarray]:
    """The inputs after move_first_slider: the first input's first element one step up."""
    values = {name: np.array(value, np.float32) for name, value in inputs.items()}
    first = next(iter(values))
    values[first][(0,) * values[first].ndim] += np.float32(step)
    return values


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_downloads_hold_the_numbers_on_screen(page, server, slug):
    """After a slider move: the files are made from what the page shows at the click."""
    example = EXAMPLES[slug]
    wrt = example.wrt[0]
    visit(page, server, slug)
    values = moved(example.inputs, move_first_slider(page))
    expected = jaccore.analyze(example.fn, values, wrt)
    with page.expect_download() as csv_download:
        page.get_by_role("button", name=f"jacobian_{slug}_{wrt}.csv").click()
    table = pd.read_csv(csv_download.value.path(), index_col=0)
    np.testing.assert_array_equal(table.to_numpy(), expected.jacobian.reshape(table.shape))
    assert table.index[0] == index_label(example.output_name, (0,) * expected.output.ndim)
    with page.expect_download() as npy_download:
        page.get_by_role("button", name=f"gradient_{slug}_{wrt}.npy").click()
    gradient = np.load(npy_download.value.path())
    np.testing.assert_array_equal(gradient, expected.gradient)
    with page.expect_download() as py_download:
        page.get_by_role("button", name=f"tensorflow_{slug}_{wrt}.py").click()
    script = Path(py_download.value.path()).read_text()
    assert script == tensorflow_code(example, values, wrt, np.ones_like(expected.output), "en")


# What a first visit shows, in order: the loading spinner, the page's title, and whether the sidebar
# listed the page files by name while loading (the old multipage API's navigation, "streamlit app").
FIRST_SEEN = """
window.__seen = [];
new MutationObserver(() => {
  const see = (what, found) => { if (found && !window.__seen.includes(what)) window.__seen.push(what); };
  const spinner = document.querySelector('[data-testid="stSpinner"]');
  const nav = document.querySelector('[data-testid="stSidebarNav"]');
  see('spinner', spinner);
  see('title', document.querySelector('h1'));
  see('file names while loading', spinner && nav?.textContent.includes('streamlit app'));
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


@pytest.mark.parametrize("slug", SLUGS)
def test_deep_link_as_first_visit_to_a_fresh_server(browser, slug):
    """Streamlit runs a `pages/` folder the old way until st.navigation has run once; the reader
    sees the loading spinner while TensorFlow loads, then the page, and never the file names."""
    with streamlit_server() as (url, _):
        page = browser.new_page()
        page.add_init_script(FIRST_SEEN)
        try:
            visit(page, url, slug)
            assert_healthy(page)
            assert page.evaluate("() => window.__seen") == ["spinner", "title"]
            assert page.locator('[data-testid="stSidebarNav"]').inner_text().count("\n") >= len(LIVE)
        finally:
            page.close()


# Each slider's label and the value it shows, in page order.
SLIDERS = """() => Array.from(document.querySelectorAll('[data-testid="stSlider"]')).map(slider => [
  slider.querySelector('[data-testid="stWidgetLabel"]').textContent,
  Number(slider.querySelector('input[type="range"]').getAttribute('aria-valuetext')),
])"""
OUTPUT = """() => Array.from(document.querySelectorAll('table[aria-label="y"] td'))
  .map(cell => Number(cell.textContent))"""


def test_random_fill_shows_the_values_the_page_computes_from(page, server):
    """The playground's "Random fill" sets the sliders themselves: after each fill, and after a value
    moved by hand before it, y = tanh(W @ x + b) below is computed from the values the sliders show."""
    visit(page, server, "playground")
    page.wait_for_timeout(300)
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').nth(3)  # W[1,0], moved by hand
    before = page.evaluate(OUTPUT)
    thumb.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"before => JSON.stringify(({OUTPUT})()) !== JSON.stringify(before)", arg=before)
    for _ in range(3):
        before = page.evaluate(OUTPUT)
        page.get_by_role("button", name=SENTENCES["playground.random"]("en")).click()
        page.wait_for_function(f"before => JSON.stringify(({OUTPUT})()) !== JSON.stringify(before)", arg=before)
        wait_until_done(page)
        shown = dict(page.evaluate(SLIDERS))
        W = np.array([[shown[f"W[{i},{k}]"] for k in range(3)] for i in range(2)])
        x = np.array([[shown[f"x[{k},0]"]] for k in range(3)])
        b = np.array([[shown[f"b[{i},0]"]] for i in range(2)])
        np.testing.assert_allclose(page.evaluate(OUTPUT), np.tanh(W @ x + b).ravel(), rtol=1e-3, atol=1e-4)
    assert "W.1.0" not in page.url  # the value moved by hand was replaced, in the link too


HOSTILE_LINKS = [
    "matmul?A.0.0=[x](//e.co)&wrt=![i](//e.co/i.png)&lang=vi",
    "playground?expr=__import__%20%2B%20x",
    "playground?seed=inf&expr=weights*x&shape.weights=",
    "playground?expr=x&shape.x=%C2%B2",
    "matvec?flat=yes&%3Cimg%20src%3D%2F%2Fe.co%2Fi.png%3E=1&A.0.0=1&A.0.0=2",
]


@pytest.mark.parametrize("link", HOSTILE_LINKS)
def test_a_hostile_link_draws_sentences_in_the_browser(page, server, link):
    """What the fuzz suite checks through AppTest, in Chromium: no traceback, no link or image from
    the URL anywhere on the page, the app still answering."""
    page.goto(f"{server}/{link}")
    wait_until_done(page)
    page.locator('[data-testid="stAlert"]').first.wait_for(timeout=30_000)  # a note or an error says what
    assert_healthy(page)
    assert page.locator('a[href*="e.co"], img[src*="e.co"]').count() == 0
    assert page.locator('[data-testid="stAlert"] code').count() >= 1  # the link's text, shown as typed
