"""Every page reads right however it is viewed: in the light and the dark theme (Streamlit follows the
browser's colour scheme), every piece of text meets WCAG AA contrast; on a phone (390 px), no two
pieces of text overlap and nothing runs off the screen.

Skipped, with the reason in pytest's summary, where Chromium is not installed.
"""

import io

import pytest

from dev.contrast import contrast, luminance
from dev.harness import missing_browser, wait_until_done, wait_until_still
from jaccore.sitemap import PAGES, live

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

# The text of the page's main area: each visible text node, its colour (alpha times the opacity of
# its ancestors), what is behind it, and whether WCAG counts it as large
# (24 px, or 18.66 px bold: 3 : 1 is enough). What is behind HTML text is worked out from the
# backgrounds painted where it is; Plotly's SVG text (titles, ticks, numbers in cells) can sit on a
# heatmap's picture, so its background is left to be read from a screenshot.
TEXTS = """() => {
  const rgba = (text) => {
    const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number);
    const scale = text.startsWith('color(srgb') ? 255 : 1;  // what color-mix() computes to
    return [r * scale, g * scale, b * scale, a];
  };
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const page = rgba(getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor);
  // What is painted behind the text where it is, not what its ancestors paint: a slider's value
  // sits above the thumb that holds it. A heatmap cell's colour is drawn in SVG, so the panel
  // writes it on the cell's number as data-background.
  const background = (element, box) => {
    const cell = element.closest('[data-background]');
    if (cell) return over(rgba(cell.dataset.background), page);
    const layers = [];
    for (const e of document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2)) {
      if (element.contains(e) && e !== element) continue;
      const bg = rgba(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] === 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), page.slice(0, 3));
  };
  const opacity = (element) => {
    let o = 1;
    for (let e = element; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const skipped = '[aria-hidden="true"]:not(.jacobian-cells):not(.jacobian-labels):not(.jacobian-colour-key), ' +
    '[disabled], .hoverlayer, .katex-mathml';
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('[data-testid="stMain"]'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent.trim();
    if (!text || element.closest(skipped)) continue;
    if (opacity(element) < 0.05 || getComputedStyle(element).visibility === 'hidden') continue;  // shown on hover only
    element.scrollIntoView({block: 'center'});
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const style = getComputedStyle(element);
    const svg = element instanceof SVGElement;  // coloured by fill
    const [r, g, b, a] = rgba(svg ? style.fill : style.color);
    const size = parseFloat(style.fontSize);
    found.push({
      text: text.slice(0, 40), colour: [r, g, b, a * opacity(element)],
      behind: svg ? null : background(element, box),
      svg: svg ? (element.dataset.contrastSvg = String(found.length)) : null,
      large: size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700),
    });
  }
  return found;
}"""


def painted_behind(page, texts) -> None:
    """Fill in what is behind each SVG text: the median colour of its box in a screenshot taken
    with all SVG text hidden. (The app scrolls inside its own container, so each text is scrolled
    into view for its screenshot.)"""
    from PIL import Image

    unknown = [t for t in texts if t["behind"] is None]
    if unknown:
        page.add_style_tag(content="svg text {visibility: hidden !important}")
    for t in unknown:
        box = page.evaluate(SCROLLED_TO, t["svg"])
        shot = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("RGB")
        pixels = sorted(shot.getdata(), key=luminance)
        t["behind"] = pixels[len(pixels) // 2]


SCROLLED_TO = """(n) => {
  const element = document.querySelector(`[data-contrast-svg="${n}"]`);
  element.scrollIntoView({block: 'center'});
  const box = element.getBoundingClientRect();
  return {x: box.left, y: box.top, width: box.width, height: box.height};
}"""


# Boxes of the visible text of the main area, one per line of each text node (a formula typeset by
# KaTeX counts as one piece: its glyphs' boxes overlap by design), each with the number of the
# piece it belongs to; the nearest container that clips it, and whether it scrolls (a row of sliders
# on a phone) or cuts the text off (an ellipsis); and the page's width.
TEXT_BOXES = """() => {
  const boxes = [];
  const add = (piece, text, element, rects) => {
    let clip = null;
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      // An <svg> clips to its own chart (the browser's default), which a scrolling box may hold:
      // the text is cut off if it leaves the chart, and scrolls with the box that holds the chart.
      if (e instanceof SVGSVGElement) {
        const chart = e.getBoundingClientRect();
        if (Array.from(rects).some(r => r.right > chart.right + 1 || r.left < chart.left - 1)) {
          clip = {box: chart, scrolls: false};
          break;
        }
        continue;
      }
      if (/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) {
        clip = {box: e.getBoundingClientRect(), scrolls: /(auto|scroll)/.test(style.overflowX)};
        break;
      }
    }
    for (const r of rects) {
      if (r.width < 1 || r.height < 1) continue;
      if (clip?.scrolls && (r.right <= clip.box.left + 1 || r.left >= clip.box.right - 1)) continue;  // scrolled away
      const cut = Boolean(clip && !clip.scrolls && (r.right > clip.box.right + 1 || r.left < clip.box.left - 1));
      boxes.push({piece, text: text.slice(0, 30), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                   scrolls: Boolean(clip?.scrolls), cut});
    }
  };
  const main = document.querySelector('[data-testid="stMain"]');
  let piece = 0;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('.katex, .hoverlayer, .jx-sr-only')) continue;
    if (!node.parentElement.checkVisibility()) continue;  // inside a folded expander: not on screen
    const range = document.createRange();
    range.selectNodeContents(node);
    add(piece++, node.textContent.trim(), node.parentElement, range.getClientRects());
  }
  for (const formula of main.querySelectorAll('.katex-html')) {
    add(piece++, formula.textContent, formula, [formula.getBoundingClientRect()]);
  }
  return {boxes, width: document.documentElement.clientWidth};
}"""


def overlap(a, b) -> bool:
    """Two pieces of text drawn over each other. Consecutive lines of a heading may touch: the
    boxes of a font's glyphs are taller than a tight line height, so a sliver of a third of a line
    is not counted."""
    across = min(a["right"], b["right"]) - max(a["left"], b["left"])
    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    lines = min(a["bottom"] - a["top"], b["bottom"] - b["top"])
    return a["piece"] != b["piece"] and across > 1 and down > lines / 3


def opened(browser, url: str, slug: str, scheme: str, width: int, predict: bool = False):
    """The page as it shows its answers (?predict=off), or, with `predict`, as a worked example asks
    for predictions first (no chart yet)."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 4000})
    page = context.new_page()
    page.goto(f"{url}/{'' if slug == 'home' else slug}{'' if predict else '?predict=off'}")
    wait_until_done(page)
    if live(PAGES[slug]) and not predict:
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
    wait_until_still(page)  # the charts' labels and numbers come after Plotly's first frame
    for summary in page.locator('[data-testid="stMain"] [data-testid="stExpander"] summary').all():
        summary.click()  # what is folded away ("Going further", the glossary) is read once opened
    wait_until_still(page)
    return context, page


ASKING = "matmul"  # a worked example on a first visit: its questions before its answers


def poor_contrast(page) -> list:
    texts = page.evaluate(TEXTS)
    painted_behind(page, texts)
    assert len(texts) > 10
    return [
        (t["text"], round(contrast(t["colour"], t["behind"]), 2))
        for t in texts
        if contrast(t["colour"], t["behind"]) < (3 if t["large"] else 4.5)
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("slug", list(PAGES))
def test_all_text_meets_wcag_aa_contrast(browser, server, slug, scheme):
    context, page = opened(browser, server, slug, scheme, 1366)
    try:
        poor = poor_contrast(page)
    finally:
        context.close()
    assert not poor, poor


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_questions_before_the_answers_meet_wcag_aa_contrast(browser, server, scheme):
    context, page = opened(browser, server, ASKING, scheme, 1366, predict=True)
    try:
        page.locator('[data-testid="stRadio"]', has_text="g.jacobian").locator("label").first.click()
        wait_until_done(page)
        poor = poor_contrast(page)  # with the feedback to an answer on screen
    finally:
        context.close()
    assert not poor, poor


def phone_problems(page) -> tuple[list, list, list]:
    seen = page.evaluate(TEXT_BOXES)
    boxes = seen["boxes"]
    outside = [b["text"] for b in boxes if not b["scrolls"] and (b["right"] > seen["width"] + 1 or b["left"] < -1)]
    cut = [b["text"] for b in boxes if b["cut"]]
    overlapping = [(a["text"], b["text"]) for n, a in enumerate(boxes) for b in boxes[n + 1 :] if overlap(a, b)]
    return outside, cut, overlapping[:10]


@pytest.mark.parametrize("slug", list(PAGES))
def test_on_a_phone_no_text_overlaps_or_leaves_the_screen(browser, server, slug):
    context, page = opened(browser, server, slug, "light", 390)
    try:
        problems = phone_problems(page)
    finally:
        context.close()
    assert problems == ([], [], [])


def test_on_a_phone_the_questions_read_right(browser, server):
    context, page = opened(browser, server, ASKING, "light", 390, predict=True)
    try:
        problems = phone_problems(page)
    finally:
        context.close()
    assert problems == ([], [], [])
