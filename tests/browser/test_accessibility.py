"""Usable without seeing the charts and without a mouse, in Chromium: axe-core (WCAG 2.0–2.2, A and AA)
finds no serious or critical violation in the app's own markup on any page, light or dark; every chart
has a name and its numbers in tables; Tab alone reaches the questions, then the sliders, which the arrow
keys move; the page's language is the one chosen.

Streamlit's sidebar navigation is left out of the app's check: its violations are Streamlit's, listed
in docs/accessibility.md, and checked here to be no more than those.
"""

import numpy as np
import pytest

from dev.harness import missing_browser, wait_until_done, wait_until_still
from jaccore.sitemap import PAGES, live
from jaccore.translations import SENTENCES
from tests.browser.test_reading import ASKING, contrast, opened

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
           "resultTypes": ["violations"]}  # fmt: skip
NAVIGATION = '[data-testid="stSidebarNav"]'
# Streamlit's own (docs/accessibility.md): section headers inside the navigation's <ul>.
STREAMLITS_OWN = {"list", "listitem"}
SEVERE = {"serious", "critical"}


# Rules held at any impact: the outline a screen reader navigates by (h1, then h2), and tables whose
# every header names something.
ALWAYS = {"heading-order", "empty-table-header"}


def violations(page, context: dict) -> list[tuple[str, str, list]]:
    from axe_playwright_python.sync_playwright import Axe

    options = {**WCAG_AA, "runOnly": {"type": "tag", "values": [*WCAG_AA["runOnly"]["values"], "best-practice"]}}
    found = Axe().run(page, context=context, options=options).response["violations"]
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in found
        if (v["impact"] in SEVERE and "best-practice" not in v["tags"]) or v["id"] in ALWAYS
    ]


VIEWS = [(slug, False) for slug in PAGES] + [(ASKING, True)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("slug", "asking"), VIEWS, ids=[f"{s}{'-asking' if a else ''}" for s, a in VIEWS])
def test_no_serious_violation_in_the_apps_markup(browser, server, slug, asking, scheme):
    context, page = opened(browser, server, slug, scheme, 1366, predict=asking)
    try:
        own = violations(page, {"exclude": [[NAVIGATION]]})
        streamlits = violations(page, {"include": [[NAVIGATION]]})
    finally:
        context.close()
    assert own == []
    assert {rule for rule, _, _ in streamlits} <= STREAMLITS_OWN


@pytest.mark.parametrize("slug", list(PAGES))
def test_no_serious_violation_on_a_phone(browser, server, slug):
    """At 390 px the formulas wrap instead of scrolling in a box that cannot take the focus
    (scrollable-region-focusable), and every chart that scrolls takes it."""
    context, page = opened(browser, server, slug, "light", 390)
    try:
        own = violations(page, {"exclude": [[NAVIGATION]]})
    finally:
        context.close()
    assert own == []


CHARTS = """() => Array.from(document.querySelectorAll('div[data-kind^="chart:"]')).map(node => ({
  name: node.querySelector('.jacobian-heatmap').getAttribute('aria-label'),
  heatmap: node.querySelector('.jacobian-colour-key').children.length > 0,
  // The numbers on the cells: the component's (HTML), or Plotly's own where it writes them (the flat view).
  cells: Array.from(node.querySelectorAll('.jacobian-cells span, .heatmap-label text'))
    .map(s => s.textContent.replace('\u2212', '-')).filter(Boolean),
  captions: Array.from(node.querySelectorAll('.jacobian-readout caption')).map(c => c.textContent),
  numbers: Array.from(node.querySelectorAll('.jacobian-readout td')).map(td => td.textContent).filter(Boolean),
  // The cells with a value, as Plotly holds them (a picture, meta.pixels, writes no numbers on them).
  values: Array.from(node.querySelector('.js-plotly-plot')?.data?.[0]?.z ?? []).flatMap(row => Array.from(row))
    .filter(v => v !== null && Number.isFinite(v)).length,
  hidden: Array.from(node.querySelectorAll('.jacobian-readout')).every(r => r.firstElementChild
    && r.firstElementChild.getBoundingClientRect().width <= 1),
}))"""


@pytest.mark.parametrize("slug", [slug for slug, page in PAGES.items() if live(page)])
def test_every_chart_has_a_name_and_its_numbers_in_tables(browser, server, slug):
    context, page = opened(browser, server, slug, "light", 1366)
    try:
        charts = page.evaluate(CHARTS)
    finally:
        context.close()
    assert charts
    for chart in charts:
        assert chart["name"] and chart["captions"] and chart["hidden"]
        assert all(caption.strip(", ") for caption in chart["captions"])
        if chart["heatmap"] and not chart["cells"] and chart["values"] <= 1000:  # a picture: its numbers in tables
            assert len(chart["numbers"]) == chart["values"] > 0, chart["name"]
        elif chart["heatmap"]:  # the numbers on the cells, each in a table (to 3 digits); past 1000, in neither
            drawn = np.sort([float(text) for text in chart["cells"]])
            read = np.sort([float(f"{float(text):.3g}") for text in chart["numbers"]])
            assert drawn.shape == read.shape and np.allclose(drawn, read, rtol=1e-2, atol=1e-12), chart["name"]
        else:  # a line chart: a row of numbers per point
            assert len(chart["numbers"]) >= 20


@pytest.mark.parametrize("slug", ["square", "digits"])
def test_the_tables_follow_a_slider_move(browser, server, slug):
    """After a move the tables hold the new numbers, as the cells draw them: the panel component writes
    only the numbers that changed into the tables it has (ui/panel.js, showTables)."""
    context, page = opened(browser, server, slug, "light", 1366)
    try:
        before = page.evaluate(CHARTS)
        page.locator('[data-testid="stSlider"] input[type="range"]').first.focus()
        page.keyboard.press("ArrowRight")
        wait_until_done(page)
        first = ",".join(before[0]["numbers"])
        page.wait_for_function(f"() => ({CHARTS})()[0].numbers.join() !== {first!r}", timeout=30_000)
        wait_until_still(page)
        after = page.evaluate(CHARTS)
    finally:
        context.close()
    for old, new in zip(before, after, strict=True):
        assert len(new["numbers"]) == len(old["numbers"]) > 0
        if new["cells"]:  # numbers drawn on the cells: the same numbers as the tables
            drawn = np.sort([float(text) for text in new["cells"]])
            read = np.sort([float(f"{float(text):.3g}") for text in new["numbers"]])
            assert np.allclose(drawn, read, rtol=1e-2, atol=1e-12), new["name"]
    assert before[0]["numbers"] != after[0]["numbers"]


FOCUSED = """() => {
  const e = document.activeElement;
  const key = Array.from(e.closest('[class*="st-key-"]')?.classList ?? []).find(c => c.startsWith('st-key-'));
  return {tag: e.tagName, type: e.type ?? null, role: e.getAttribute('role'), key: key ?? null,
          text: (e.getAttribute('aria-label') || e.innerText || '').slice(0, 40)};
}"""


def tab_through(page, presses: int) -> list[dict]:
    page.locator("h1").first.click()  # the focus starts at the page's title, as after a skip link
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
    return seen


def test_tab_reaches_the_questions_then_just_show_me(browser, server):
    context, page = opened(browser, server, ASKING, "light", 1366, predict=True)
    try:
        seen = tab_through(page, 40)
    finally:
        context.close()
    options = [n for n, f in enumerate(seen) if f["type"] == "radio" and f["key"] and "predict" in f["key"]]
    show = [n for n, f in enumerate(seen) if f["tag"] == "BUTTON" and SENTENCES["predict.skip"]("en") in f["text"]]
    assert show  # the focus reaches "Just show me" (40 presses may go round the page once more)
    assert len({seen[n]["key"] for n in options if n < show[0]}) == 3  # after each question's options


def test_tab_reaches_every_slider_in_reading_order_and_the_arrows_move_it(browser, server):
    context, page = opened(browser, server, ASKING, "light", 1366)
    try:
        seen = tab_through(page, 30)
        sliders = [f["key"] for f in seen if f["type"] == "range"]
        assert sliders == [f"st-key-{m}-{i}-{j}" for m in "AB" for i in range(2) for j in range(2)]
        page.locator(".st-key-A-0-0 input[type=range]").focus()
        before = page.locator(".st-key-A-0-0 input[type=range]").input_value()
        page.keyboard.press("ArrowRight")
        wait_until_done(page)
        wait_until_still(page)
        assert float(page.locator(".st-key-A-0-0 input[type=range]").input_value()) > float(before)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_is_marked_in_the_chosen_language(page, server, lang):
    page.goto(f"{server}/matmul?lang={lang}&predict=off")
    wait_until_done(page)
    page.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=30_000)


# The focused switch's label and its ring, measured against the page behind it.
RING = """() => {
  const label = document.activeElement.closest('label');
  const style = getComputedStyle(label);
  const rgba = (text) => { const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
  return {style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: rgba(style.outlineColor),
          behind: rgba(getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor).slice(0, 3)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_switch_shows_where_the_keyboard_is(browser, server, scheme):
    """WCAG 2.4.7 and 1.4.11: a toggle reached by Tab has a ring of 3 : 1 or more against the page (before:
    no pixel changed by more than 23 / 255 on the light theme)."""
    context, page = opened(browser, server, "matmul", scheme, 1366)
    try:
        toggle = page.locator('[data-testid="stCheckbox"] input').first
        toggle.wait_for(state="attached")
        page.locator('[data-testid="stExpander"] summary').first.focus()
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.closest('[data-testid=\"stCheckbox\"]') !== null"):
                break
        ring = page.evaluate(RING)
    finally:
        context.close()
    assert ring["style"] == "solid" and ring["width"] >= 2
    assert contrast(ring["colour"], ring["behind"]) >= 3


@pytest.mark.parametrize(("slug", "lang", "title"), [
    ("matmul", "vi", "A·B: ma trận nhân ma trận · Khám phá Jacobian"),
    ("playground", "en", "Playground: your own formula · Jacobian Explorer"),
    ("home", "vi", "Khám phá Jacobian"),
])  # fmt: skip
def test_the_tab_is_titled_by_its_page_in_the_readers_language(page, server, slug, lang, title):
    """WCAG 2.4.2 (before: every tab "Jacobian Explorer", in Vietnamese too)."""
    page.goto(f"{server}/{'' if slug == 'home' else slug}?lang={lang}&predict=off")
    wait_until_done(page)
    page.wait_for_function(f"document.title === {title!r}", timeout=30_000)
