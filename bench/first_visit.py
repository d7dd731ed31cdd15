"""The first picture, side by side in one run: a new learner on a warm server against the bare app, and a
cold start against TensorFlow's import alone.

- warm: a new browser context (nothing cached) navigates to A·B (?predict=off) on a server that has
  served it before; seconds from the navigation's start to the first picture (the cells painted
  in HTML, before Plotly.js is ready) and to Plotly's chart. The bare app (bench/bare_app.py):
  seconds to its slider. Also the deep link against the home page's first chart-free paint (its page links).
- cold: from starting `streamlit run` to the first chart on A·B, against `python -c "import
  tensorflow"` alone, alternated so that both see the same machine.
- the breakdown of one warm visit: when the title, the sliders and the chart appear, and when the
  request for Plotly.js starts and ends (the browser's resource timing), from navigation.

    python bench/first_visit.py [--starts 5] [--colds 3] [--versus <checkout of other code>]
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dev.harness import ROOT, launch, streamlit_server

CHART = ".js-plotly-plot .main-svg"
# The first picture: the cells painted in HTML before Plotly.js is ready, or Plotly's chart.
PICTURE = '.jacobian-cells > span[style*="background: rgb"], .js-plotly-plot .main-svg'
# When each part first appears, from the navigation's start (performance.now() is 0 there).
MARKS = """
window.__seen = {};
const parts = {title: 'h1', sliders: '[data-testid="stSlider"]', panel: '.jx-panel',
               picture: '.jacobian-cells > span[style*="background: rgb"]', chart: '.js-plotly-plot .main-svg',
               links: '[data-testid="stPageLink"]'};
new MutationObserver(() => {
  for (const [name, selector] of Object.entries(parts)) {
    if (!(name in window.__seen) && document.querySelector(selector)) window.__seen[name] = performance.now();
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["style"]});
"""
PLOTLY = """() => performance.getEntriesByType('resource').filter(e => e.name.includes('plotly'))
  .map(e => [e.startTime, e.responseEnd])[0] ?? null"""


def visit(browser, url: str, selector: str) -> dict:
    """A new context (nothing cached) opens `url` until `selector` shows: when each part appeared,
    in ms from the start of the navigation (the browser's clock: the same for every app)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(MARKS)
    tab = context.new_page()
    tab.goto(url, wait_until="commit")
    tab.locator(selector).first.wait_for(timeout=120_000)
    tab.wait_for_timeout(300)
    marks = tab.evaluate("() => window.__seen")
    plotly = tab.evaluate(PLOTLY)
    if plotly:
        marks["plotly requested"], marks["plotly received"] = plotly
    context.close()
    return marks


def warm(browser, starts: int) -> list[str]:
    times = {"A·B, first picture": [], "A·B, Plotly's chart": [], "home, its page links": [],
             "bare app, its slider": []}  # fmt: skip
    breakdowns = []
    with streamlit_server() as (url, _), streamlit_server("bench/bare_app.py") as (bare, _):
        visit(browser, f"{url}/matmul?predict=off", CHART)  # the server warm: this page served once
        visit(browser, url, '[data-testid="stPageLink"]')
        visit(browser, bare, '[data-testid="stSlider"]')
        for _ in range(starts):  # alternated, so that both see the same machine
            marks = visit(browser, f"{url}/matmul?predict=off", CHART)
            times["A·B, first picture"].append(min(marks.get("picture", marks["chart"]), marks["chart"]) / 1000)
            times["A·B, Plotly's chart"].append(marks["chart"] / 1000)
            breakdowns.append(marks)
            times["home, its page links"].append(visit(browser, url, '[data-testid="stPageLink"]')["links"] / 1000)
            times["bare app, its slider"].append(visit(browser, bare, '[data-testid="stSlider"]')["sliders"] / 1000)
    rows = ["| a new learner, warm server | median (s) | min–max (s) |", "|---|---|---|"]
    rows += [row(name, values) for name, values in times.items()]
    gap = statistics.median(times["A·B, first picture"]) - statistics.median(times["bare app, its slider"])
    rows += ["", f"A·B's first picture − the bare app's slider: **{gap:+.2f} s** (target ≤ +0.6 s)", ""]
    rows += ["| part of A·B's first visit | median from navigation (ms) |", "|---|---|"]
    for part in ("title", "sliders", "panel", "picture", "plotly requested", "plotly received", "chart"):
        values = [marks[part] for marks in breakdowns if part in marks]
        rows.append(f"| {part} | {statistics.median(values):.0f} |" if values else f"| {part} | — |")
    return rows


def cold_start(browser, root: Path = ROOT) -> float:
    """Seconds from `streamlit run` (of the app in `root`) to A·B's first picture in a new tab."""
    start = time.monotonic()
    with streamlit_server(str(root / "streamlit_app.py"), timeout=180, cwd=root) as (url, _):
        tab = browser.new_page()
        tab.goto(f"{url}/matmul?predict=off")
        tab.locator(PICTURE).first.wait_for(timeout=180_000)
        seconds = time.monotonic() - start
        tab.close()
    return seconds


def import_tensorflow() -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", "import tensorflow"], check=True, capture_output=True)
    return time.monotonic() - start


def cold(browser, colds: int, versus: Path | None) -> list[str]:
    starts, imports, before = [], [], []
    for _ in range(colds):  # alternated, so that each sees the same machine
        imports.append(import_tensorflow())
        starts.append(cold_start(browser))
        if versus:
            before.append(cold_start(browser, versus))
    gap = statistics.median(starts) - statistics.median(imports)
    rows = [
        "| cold | median (s) | min–max (s) |",
        "|---|---|---|",
        row("server start → A·B's first picture", starts),
        row("`python -c 'import tensorflow'`", imports),
    ]
    if versus:
        rows.append(row(f"server start → A·B's first chart, {versus.name}", before))
    return [*rows, "", f"The cold start − TensorFlow's import: **{gap:+.2f} s** (target ≤ +1.5 s)"]


def row(name: str, values: list[float]) -> str:
    return f"| {name} | {statistics.median(values):.2f} | {min(values):.2f}–{max(values):.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=5, help="new learners on the warm server (and bare app)")
    parser.add_argument("--colds", type=int, default=3, help="cold starts (and TensorFlow imports)")
    parser.add_argument("--versus", type=Path, help="a checkout of other code, cold-started alongside")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        print("\n".join(warm(browser, args.starts)), end="\n\n", flush=True)
        print("\n".join(cold(browser, args.colds, args.versus)))
        browser.close()
    print(f"\n(run from {ROOT})")


if __name__ == "__main__":
    main()
