"""Benchmark: the cost of a slider move (one rerun) on every page, against a bare one-slider app.

Streamlit's AppTest runs both in this one process; page and baseline reruns are interleaved
round by round so that machine noise falls on both alike. Prints a markdown table of medians
and of each page's ratio to the bare app (target: at most 15× at the defaults).

    python bench/rerun_cost.py [--rounds 15]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

import jaccore.engine  # noqa: E402, F401  (TensorFlow loaded before timing, as in a warm server)
from jaccore.sitemap import PAGES, live  # noqa: E402


def nudge(app: AppTest) -> float:
    """Move the first slider one step (back and forth) and return the rerun's seconds."""
    slider = app.slider[0]
    step = 0.5 if slider.value < slider.max else -0.5
    slider.set_value(slider.value + step)
    start = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - start
    assert not app.exception, app.exception[0].value
    return elapsed


def page_app(slug: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.query_params["predict"] = "off"  # the explorer, not the questions asked before it (sliders held)
    app.switch_page(f"pages/{slug}.py")
    app.run()
    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    bare = AppTest.from_file(str(ROOT / "bench" / "bare_app.py"), default_timeout=60)
    bare.run()
    pages = {slug: page_app(slug) for slug in PAGES if live(PAGES[slug])}
    times: dict[str, list[float]] = {"bare": [], **{slug: [] for slug in pages}}
    for app in [bare, *pages.values()]:
        nudge(app)  # warm-up
    for _ in range(args.rounds):
        for slug, app in pages.items():
            times["bare"].append(nudge(bare))
            times[slug].append(nudge(app))
    base = statistics.median(times["bare"]) * 1e3
    print("| page | rerun median (ms) | ratio to bare app |")
    print("|---|---|---|")
    print(f"| bare one-slider app | {base:.1f} | 1.0× |")
    for slug in pages:
        median = statistics.median(times[slug]) * 1e3
        print(f"| {slug} | {median:.1f} | {median / base:.1f}× |")


if __name__ == "__main__":
    main()
