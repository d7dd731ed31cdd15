"""Benchmark: what a person feels, in headless Chromium against `streamlit run`. Prints markdown.

1. Slider-to-repaint latency per page, from the key press until the page outside the slider
   stops changing, in the page's own clock (a MutationObserver), beside a bare one-slider app
   measured in the same rounds (median, p95, ratio of medians; target ≤ 2.5×). The baseline runs
   with Streamlit's defaults; the same bare app under this project's .streamlit/config.toml (which
   turns off Streamlit's garbage collection after every rerun) is printed beside it.
2. Server memory (RSS) after visiting every page, and its peak while 5 browser sessions move
   sliders at once (target ≤ 900 MB after all pages).
3. The AppTest rerun ratio of bench/rerun_cost.py (target ≤ 15×).

A cold start and a new learner's first picture: bench/first_visit.py.

    python bench/browser_perf.py [--rounds 15] [--pages digits,matmul] [--versus DIR] [--latency-only]

A worked example opens as a learner who is building its gradient meets it: one box of ∇x typed (its
marks and its grid drawn on every move). With --versus, a checkout of other code is served beside this
one and its pages are timed in the same rounds.
"""

import argparse
import contextlib
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from dev.harness import launch, missing_browser, rss_mib, streamlit_server, wait_until_done  # noqa: E402
from jaccore.sitemap import PAGES, live  # noqa: E402

BARE_APP = "bench/bare_app.py"
LIVE = [slug for slug, page in PAGES.items() if live(page)]  # the pages with sliders
WORKED = [slug for slug, page in PAGES.items() if page.section == "examples"]
QUIET_MS = 500  # the page has settled when nothing outside the slider changed for this long
# Records the key press and the last change outside the focused slider, in page time.
OBSERVER = """
window.__repaint = {key: 0, last: 0};
document.addEventListener('keydown', () => { window.__repaint.key = performance.now(); }, true);
new MutationObserver(records => {
  const slider = document.activeElement && document.activeElement.closest('[data-testid="stSlider"]');
  for (const record of records) {
    const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    if (!node || (slider && slider.contains(node))) continue;
    if (node.closest('[data-testid="stStatusWidget"], [data-testid="stToolbar"]')) continue;
    window.__repaint.last = performance.now();
    return;
  }
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""
SETTLED = (
    f"() => window.__repaint.last > window.__repaint.key && performance.now() - window.__repaint.last > {QUIET_MS}"
)


def open_tab(browser, url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(OBSERVER)
    tab = context.new_page()
    tab.goto(url)
    wait_until_done(tab)
    tab.locator('[data-testid="stSlider"] input[type="range"]').first.wait_for()
    tab.wait_for_timeout(1000)
    return tab


def repaint_ms(tab, key: str) -> float:
    """Press an arrow key on the first slider; milliseconds until the page stopped changing."""
    tab.locator('[data-testid="stSlider"] input[type="range"]').first.focus()
    tab.keyboard.press(key)
    tab.wait_for_function(SETTLED, timeout=60_000, polling=50)
    return tab.evaluate("() => window.__repaint.last - window.__repaint.key")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def link(slug: str) -> str:
    """The page with predictions off, and, where the learner builds the gradient, its first box typed."""
    box = next((key for key in PAGES[slug].samples() if key.startswith("build.")), None)
    return f"{slug}?predict=off" + (f"&{box}=1" if box else "")


def latency_table(
    browser, app_urls: dict[str, str], bare_urls: dict[str, str], rounds: int, pages: list[str]
) -> list[str]:
    """Each page (of each code in `app_urls`, by a suffix for its name) beside the bare apps, round by
    round; ratios to the first bare app."""
    bares = {name: open_tab(browser, url) for name, url in bare_urls.items()}
    tabs = {
        f"{slug}{suffix}": open_tab(browser, f"{url}/{link(slug)}")
        for slug in pages
        for suffix, url in app_urls.items()
    }
    times: dict[str, list[float]] = {name: [] for name in (*bares, *tabs)}
    for n in range(rounds):
        key = "ArrowRight" if n % 2 == 0 else "ArrowLeft"  # back and forth, never out of range
        for slug, tab in tabs.items():
            for name, bare in bares.items():
                times[name].append(repaint_ms(bare, key))
            times[slug].append(repaint_ms(tab, key))
    base = statistics.median(times[next(iter(bares))])
    rows = ["| page | median (ms) | p95 (ms) | ratio of medians to bare app |", "|---|---|---|---|"]
    for name, values in times.items():
        median = statistics.median(values)
        rows.append(f"| {name} | {median:.0f} | {p95(values):.0f} | {median / base:.2f}× |")
    return rows


def memory_rows(browser) -> list[str]:
    with streamlit_server() as (url, process):
        started = rss_mib(process.pid)
        tab = browser.new_page()
        grew = {}  # what opening each page added to the server's memory
        for slug in PAGES:
            before = rss_mib(process.pid)
            tab.goto(f"{url}/{'' if slug == 'home' else slug}?predict=off")
            wait_until_done(tab)
            tab.wait_for_timeout(500)
            grew[slug] = rss_mib(process.pid) - before
        after_pages = rss_mib(process.pid)
        tab.close()
        sessions = [open_tab(browser, f"{url}/{slug}?predict=off") for slug in WORKED[-5:]]
        peak = rss_mib(process.pid)
        for n in range(20):
            for session in sessions:  # five sessions press at once, then all settle
                session.locator('[data-testid="stSlider"] input[type="range"]').first.focus()
                session.keyboard.press("ArrowRight" if n % 2 == 0 else "ArrowLeft")
            for session in sessions:
                session.wait_for_function(SETTLED, timeout=60_000, polling=50)
                peak = max(peak, rss_mib(process.pid))
        for session in sessions:
            session.context.close()
    return [
        "| server RSS | MiB |",
        "|---|---|",
        f"| healthy, before any visit | {started:.0f} |",
        f"| after visiting every page | {after_pages:.0f} |",
        f"| of which opening the digit classifier's page (network, data, graphs) | +{grew['digits']:.0f} |",
        f"| peak, 5 concurrent sessions × 20 slider moves | {peak:.0f} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--pages", default=",".join(LIVE), help="the live pages to time, by slug")
    parser.add_argument("--versus", type=Path, help="a checkout of other code, served and timed alongside")
    parser.add_argument("--latency-only", action="store_true", help="leave out the memory and the AppTest rerun")
    args = parser.parse_args()
    if missing_browser():
        sys.exit(missing_browser())
    with sync_playwright() as playwright, contextlib.ExitStack() as stack:
        browser = launch(playwright)
        # The baseline is Streamlit as shipped (run outside the project: none of its config);
        # the same app under this project's config is shown beside it, for comparison.
        app_urls = {"": stack.enter_context(streamlit_server())[0]}
        if args.versus:
            other = stack.enter_context(streamlit_server(str(args.versus / "streamlit_app.py"), cwd=args.versus))
            app_urls[f" ({args.versus.name})"] = other[0]
        bare_urls = {
            "bare one-slider app, Streamlit's defaults": stack.enter_context(
                streamlit_server(BARE_APP, cwd=ROOT / "bench"))[0],
            "bare one-slider app, this app's config": stack.enter_context(streamlit_server(BARE_APP))[0],
        }  # fmt: skip
        print("\n".join(latency_table(browser, app_urls, bare_urls, args.rounds, args.pages.split(","))) + "\n")
        stack.close()
        if not args.latency_only:
            print("\n".join(memory_rows(browser)) + "\n")
        browser.close()
    if args.latency_only:
        return
    rerun = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "rerun_cost.py"), "--rounds", "10"], capture_output=True, text=True
    )
    print(rerun.stdout)


if __name__ == "__main__":
    main()
