"""The picture is the shape: measured in Chromium, not only "a chart exists".

A Jacobian of shape y.shape + x.shape is a grid shaped like y of slices shaped like x, at every
width; the sum that becomes the gradient is one equation, Σ always beside tape.gradient; every
slider's thumb is in reach; outlines and grid lines read on the dark theme. (The layout rule:
jaccore/tiles.py and jaccore/ui/layout.js.)

Skipped, with the reason in pytest's summary, where Chromium is not installed.
"""

import json

import numpy as np
import pytest

from dev.harness import missing_browser, wait_until_done, wait_until_still
from jaccore import equations, figures
from jaccore.sitemap import PAGES
from tests.browser.test_reading import contrast

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

WIDTHS = [1366, 390]
# The pages that draw the sum of slices beside tape.gradient.
SUMS = [slug for slug, page in PAGES.items() if page.kind in ("example", "lesson", "playground")]
# Pages with wide slider grids: a matrix of 4 columns, several inputs side by side, a formula's inputs.
SLIDERS = ["linear_map", "rows_or_columns", "playground", "shape_rule", "matmul"]

# The labels the panel draws over a chart (titles, signs, notes, names of rows and columns), with
# their boxes on the page.
LABELS = """(chart) => [...document.querySelectorAll(`[data-kind="chart:${chart}"] .jacobian-labels [data-kind]`)]
  .map((label) => {
    const box = label.getBoundingClientRect();
    return {kind: label.dataset.kind, text: label.textContent, left: box.left, right: box.right,
            top: box.top, bottom: box.bottom, middle: (box.top + box.bottom) / 2};
  })"""

# Every slider's thumb and the value written over it, against every box that clips them and the screen.
THUMBS = """() => {
  const out = [];
  const inputs = document.querySelectorAll('[data-testid="stSlider"] input[type="range"]');
  for (const input of inputs) {
    const thumb = input.parentElement.parentElement;  // react-aria's thumb holds the hidden range input
    const parts = [thumb, thumb.querySelector('[data-testid="stSliderThumbValue"]')];
    for (const part of parts) {
      const box = part.getBoundingClientRect();
      for (let e = thumb.parentElement; e; e = e.parentElement) {
        if (!/(auto|scroll|hidden|clip)/.test(getComputedStyle(e).overflowX)) continue;
        const clip = e.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) out.push([input.ariaLabel, e.className]);
      }
      if (box.left < 0 || box.right > document.documentElement.clientWidth) out.push([input.ariaLabel, 'screen']);
    }
  }
  return {count: inputs.length, clipped: out};
}"""


def opened(browser, url: str, slug: str, width: int, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": 1000}, color_scheme=scheme)
    page = context.new_page()
    visit(page, url, slug)
    return context, page


def visit(page, url: str, slug: str) -> None:
    """The page as a teacher's link opens it, once it has drawn its charts and stopped changing."""
    page.goto(f"{url}/{slug}?predict=off&lang=en")
    wait_until_done(page)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(state="attached", timeout=60_000)
    wait_until_still(page)


def labels(page, chart: str) -> list[dict]:
    titles = page.locator(f'[data-kind="chart:{chart}"] .jacobian-labels [data-kind="title"]')
    titles.first.wait_for(state="attached", timeout=60_000)
    return page.evaluate(LABELS, chart)


def lines_of(titles: list[dict]) -> list[list[str]]:
    """The titles' texts line by line, top to bottom, each line left to right."""
    rows: list[list[dict]] = []
    for title in sorted(titles, key=lambda t: (round(t["bottom"]), t["left"])):
        if rows and abs(rows[-1][0]["bottom"] - title["bottom"]) < 3:
            rows[-1].append(title)
        else:
            rows.append([title])
    return [[t["text"] for t in sorted(row, key=lambda t: t["left"])] for row in rows]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_shape_rule_draws_its_slices_as_y_two_rows_of_four(browser, server, width):
    """Y (2, 4), W (3, 2): a 2×4 grid of 3×2 slices at every width, in index order: the (2, 4) of
    (2, 4, 3, 2) is on screen."""
    context, page = opened(browser, server, "shape_rule", width)
    try:
        titles = [t for t in labels(page, "slices") if t["kind"] == "title"]
    finally:
        context.close()
    assert lines_of(titles) == [[f"∂Y[{i},{j}]/∂W" for j in range(4)] for i in range(2)]


@pytest.mark.parametrize("slug", ["jacobian_to_gradient", "matmul"])
def test_the_sum_is_one_equation_on_one_line(browser, server, slug):
    """At 1366 px every term, Σ and tape.gradient share one line, each sign between its neighbours."""
    context, page = opened(browser, server, slug, 1366)
    try:
        drawn = labels(page, "sum")
    finally:
        context.close()
    titles = [t for t in drawn if t["kind"] == "title"]
    (line,) = lines_of(titles)
    assert line[-2:] == ["Σ", "tape.gradient"] and len(line) >= 5
    ordered = sorted(titles, key=lambda t: t["left"])
    signs = sorted((s for s in drawn if s["kind"] == "sign"), key=lambda s: s["left"])
    assert len(signs) == len(ordered) - 1
    for before, sign, after in zip(ordered[:-1], signs, ordered[1:], strict=True):
        assert before["left"] < sign["left"] < after["right"]
    assert [s["text"] for s in signs][-2:] == ["=", "vs"]


@pytest.mark.parametrize("width", WIDTHS)
def test_sigma_and_tape_gradient_are_always_side_by_side(browser, server, width):
    """On every page with the sum, at every width: Σ and tape.gradient on one line, 'vs' between them."""
    context, page = opened(browser, server, SUMS[0], width)
    apart = {}
    try:
        for slug in SUMS:
            visit(page, server, slug)
            drawn = labels(page, "sum")
            sigma, tape = (next(t for t in drawn if t["text"] == name) for name in ("Σ", "tape.gradient"))
            versus = next(s for s in drawn if s["text"] == "vs")
            beside = abs(sigma["bottom"] - tape["bottom"]) < 3 and sigma["right"] < versus["left"] < tape["left"]
            if not beside:
                apart[slug] = (sigma, versus, tape)
    finally:
        context.close()
    assert not apart


@pytest.mark.parametrize("width", WIDTHS)
def test_every_slider_thumb_is_in_reach(browser, server, width):
    """No thumb (or its value) outside a box that clips it or off the screen: W (3, 4) on the linear
    map and rows-or-columns, the playground's formula, M (3, 4) of the shape rule, A·B."""
    context, page = opened(browser, server, SLIDERS[0], width)
    clipped, counted = {}, {}
    try:
        for slug in SLIDERS:
            visit(page, server, slug)
            seen = page.evaluate(THUMBS)
            counted[slug] = seen["count"]
            if seen["clipped"]:
                clipped[slug] = seen["clipped"]
    finally:
        context.close()
    assert min(counted.values()) >= 8, counted
    assert not clipped, clipped


# The stroke of every outline and grid line of the page's charts, with its opacity, and the page's background.
STROKES = """(selector) => {
  const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
  const page = rgb(getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor);
  const lines = [...document.querySelectorAll(selector)].map((path) => {
    const style = getComputedStyle(path);
    const [r, g, b, a = 1] = rgb(style.stroke);
    return [r, g, b, a * Number(style.strokeOpacity)];
  });
  return {page, lines};
}"""


@pytest.mark.parametrize(
    ("slug", "selector"),
    [("batch_jacobian", ".shapelayer path"), ("linear_map", ".gridlayer path, .zerolinelayer path")],
)
def test_outlines_and_grid_lines_read_on_the_dark_theme(browser, server, slug, selector):
    """batch_jacobian's outline of the diagonal blocks, the linear map's grid: 3 : 1 or more on the
    dark background (WCAG's non-text contrast)."""
    context, page = opened(browser, server, slug, 1366, "dark")
    try:
        page.locator(selector).first.wait_for(state="attached", timeout=60_000)
        page.wait_for_timeout(500)
        seen = page.evaluate(STROKES, selector)
    finally:
        context.close()
    assert seen["lines"]
    poor = [line for line in seen["lines"] if contrast(line, seen["page"]) < 3]
    assert not poor, (poor, seen["page"])


# The layout rule alone, in a blank page: jaccore/ui/layout.js on figures the Python builders made.
MEASURE = """window.measure = (text, px) => {
  const pen = (window.pen ??= document.createElement('canvas').getContext('2d'));
  pen.font = `${px}px sans-serif`;
  return pen.measureText(text).width;
};"""
ARRANGE = """([figure, room]) => {
  const g = arrange(figure, room, window.measure);
  return {width: g.width, cw: g.cw, ch: g.ch, panels: g.placed.panels, numbers: g.fonts.cell};
}"""


@pytest.fixture
def rule(browser):
    from jaccore.figures import plotly_json
    from tests import ROOT

    page = browser.new_page()
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=(ROOT / "jaccore" / "ui" / "layout.js").read_text() + MEASURE)
    yield lambda figure, room: page.evaluate(ARRANGE, [json.loads(plotly_json(figure)), room])
    page.close()


def test_a_grid_too_wide_for_the_screen_shrinks_then_scrolls_as_one_unit(rule):
    """y (3, 8) of x (4, 6): a 3×8 grid of 4×6 slices. Narrower cells as the screen narrows, numbers
    left out once they no longer fit, and at the narrowest legible cells wider than the screen (it
    scrolls): the panels stay where y puts them at every width."""
    figure = figures.slice_grid(np.arange(576.0).reshape(3, 8, 4, 6) / 10, (3, 8), "y", "x")
    places = figure["layout"]["meta"]["panels"]
    seen = {room: rule(figure, room) for room in (4000, 1300, 300)}
    for room, g in seen.items():
        assert [[p["r"], p["c"], p["h"], p["w"]] for p in g["panels"]] == places, room
    assert seen[4000]["cw"] > seen[1300]["cw"] > seen[300]["cw"] == 14
    assert seen[1300]["width"] <= 1300 and seen[300]["width"] > 300  # the last scrolls
    assert seen[4000]["numbers"] >= 11 and seen[300]["numbers"] == 0


def test_an_equation_wraps_between_terms_sigma_beside_the_tape(rule):
    """Ten terms + Σ + tape.gradient: one line where it fits; on a phone, whole terms per line, the
    last line holding Σ and the tape's gradient together."""
    jacobian = np.ones((10, 3, 2))
    figure = equations.sum_equation(jacobian, np.ones(10), np.full((3, 2), 10.0), "y", "x", ("tape.gradient", "vs"))
    wide, narrow = rule(figure, 4000), rule(figure, 300)
    assert {p["r"] for p in wide["panels"]} == {0}
    rows = [p["r"] for p in narrow["panels"]]
    assert len(set(rows)) > 1 and rows == sorted(rows) and rows[-1] == rows[-2]  # in order, Σ with the tape
    assert narrow["width"] <= 300 and all(p["h"] == 3 and p["w"] == 2 for p in narrow["panels"])


def test_a_picture_of_pixels_has_square_cells_from_28_down_to_10_px(rule):
    """The digit classifier's ten 8×8 slices in two rows of five (figures.as_pixels): square cells, no
    numbers, at most 28 px where there is room; on the page's width (~700 px) all five across, the
    grid kept; on a phone, 10 px cells and a sideways scroll, never a re-flow."""
    slices = np.arange(640.0).reshape(10, 8, 8) / 100
    figure = figures.as_pixels(figures.slice_grid(slices, (10,), "logits", "image", grid=(2, 5)))
    places = figure["layout"]["meta"]["panels"]
    seen = {room: rule(figure, room) for room in (4000, 700, 300)}
    for room, g in seen.items():
        assert g["cw"] == g["ch"] and g["numbers"] == 0, room
        assert [[p["r"], p["c"], p["h"], p["w"]] for p in g["panels"]] == places, room
    assert seen[4000]["cw"] == 28 and 10 < seen[700]["cw"] < 28 and seen[700]["width"] <= 700
    assert seen[300]["cw"] == 10 and seen[300]["width"] > 300


# Reflow (WCAG 1.4.10): at 320 px nothing in the page is cut off or runs past the screen, except inside
# a box that scrolls and takes the keyboard's focus (a chart too wide at its narrowest legible cells, a
# code block). Each finding: what, by how many pixels, and which element.
REFLOW = """() => {
  const out = [];
  const width = document.documentElement.clientWidth;
  const main = document.querySelector('[data-testid="stMain"]');
  const clips = (e) => /(auto|scroll|hidden|clip)/.test(getComputedStyle(e).overflowX);
  const tiny = (e) => { const b = e.getBoundingClientRect(); return b.width <= 1 || b.height <= 1; };
  const describe = (e) => `${e.tagName.toLowerCase()}.${String(e.className?.baseVal ?? e.className).split(' ')[0]}`
    + ` «${(e.textContent || '').trim().slice(0, 40)}»`;
  for (const e of main.querySelectorAll('*')) {
    if (tiny(e) || e.closest('svg, .jx-sr-only') || e.matches('input[type="range"]')) continue;
    if (clips(e) && e.scrollWidth > e.clientWidth + 1 && e.tabIndex < 0) {
      out.push(['cut', e.scrollWidth - e.clientWidth, describe(e)]);
    }
    let clipped = false;
    for (let a = e.parentElement; a && a !== main; a = a.parentElement) if (clips(a)) { clipped = true; break; }
    const box = e.getBoundingClientRect();
    if (!clipped && box.right > width + 1) out.push(['beyond', Math.round(box.right - width), describe(e)]);
  }
  return {page: document.documentElement.scrollWidth - width, out: out.slice(0, 8), n: out.length};
}"""


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_page_reflows_at_320_px(browser, server, slug):
    """Before: 9 of 15 pages cut their formula by 24–279 px, the glossary's table ran off the screen,
    and a long code span in the pitfalls' prose did not break."""
    context = browser.new_context(viewport={"width": 320, "height": 2000})
    page = context.new_page()
    try:
        page.goto(f"{server}/{'' if slug == 'home' else slug}?predict=off")
        wait_until_done(page)
        wait_until_still(page)
        for summary in page.locator('[data-testid="stMain"] [data-testid="stExpander"] summary').all():
            summary.click()
        wait_until_still(page)
        found = page.evaluate(REFLOW)
    finally:
        context.close()
    assert found["page"] <= 0 and found["out"] == [], found


def test_a_chart_that_scrolls_has_the_width_and_its_keys_go_under_it(browser, server):
    """The digits' ten slices at 390 px scroll sideways: the colour key moves under them instead of
    covering their fourth column, and the sum too small for the slices' scale gets a key of its own."""
    context, page = opened(browser, server, "digits", 390)
    try:
        boxes = page.evaluate("""() => {
          const chart = document.querySelector('[data-kind="chart:slices"]');
          const box = (e) => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
          const sum = document.querySelector('[data-kind="chart:sum"]');
          return {scroller: box(chart.querySelector('.jacobian-scroller')),
                  key: box(chart.querySelector('.jacobian-colour-key')),
                  own: sum.querySelector('.jacobian-colour-key-own b')?.textContent ?? null};
        }""")
    finally:
        context.close()
    (left, _, right, bottom), (key_left, key_top, _, _) = boxes["scroller"], boxes["key"]
    assert key_top >= bottom - 1 or key_left >= right  # under the chart, or beside it: never over it
    assert right - left >= 390 - 2 * 16 - 2  # the chart has the page's width
    assert boxes["own"] == "Σ's own scale"
