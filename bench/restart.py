"""Benchmark: a page left open across a server restart. Prints markdown.

The server is stopped (SIGTERM, as a redeploy; SIGKILL, as the memory cap) and started again on the
same port under an open page; the first slider is moved as soon as it can move (the new server's first
run still loading TensorFlow), and the time from the move to a finished page whose answer is that of
the moved slider is taken, with whether any finished moment showed another answer. Beside it, in the
same run, the cold start it waits for: `import tensorflow` alone in a fresh interpreter.

Target: the first move's answer within 5 s; no stale finished moment.

    python bench/restart.py [--rounds 3] [--pages matmul,playground,digits]
"""

import argparse
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from dev.harness import launch, missing_browser  # noqa: E402
from dev.restart import RIGHT, restarted_and_moved  # noqa: E402

SIGNALS = {"SIGTERM": signal.SIGTERM, "SIGKILL": signal.SIGKILL}


def import_seconds() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import tensorflow"], check=True, capture_output=True)
    return time.perf_counter() - start


def measured(browser, slug: str, stop: int) -> tuple[float, int]:
    """Seconds from the move to its answer, finished; finished moments that showed another answer."""
    samples, moved_at = restarted_and_moved(browser, slug, stop)
    right = RIGHT[slug]
    finished = [s for s in samples if s["state"] == "notRunning" and not s["stale"] and s["sliders"]]
    moved = [s for s in finished if s["t"] > moved_at and s["sliders"] != finished[0]["sliders"] and right(s)]
    return (moved[0]["t"] - moved_at) / 1000 if moved else float("inf"), sum(right(s) is False for s in finished)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", default=",".join(RIGHT))
    args = parser.parse_args()
    if missing_browser():
        sys.exit(missing_browser())
    times: dict[tuple[str, str], list[float]] = {}
    stale: dict[tuple[str, str], int] = {}
    imports = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for _ in range(args.rounds):
            imports.append(import_seconds())
            for slug in args.pages.split(","):
                for name, stop in SIGNALS.items():
                    seconds, wrong = measured(browser, slug, stop)
                    times.setdefault((slug, name), []).append(seconds)
                    stale[slug, name] = stale.get((slug, name), 0) + wrong
        browser.close()
    print("| page | signal | move → its answer, median (s) | slowest (s) | stale finished moments |")
    print("|---|---|---|---|---|")
    for (slug, name), values in times.items():
        print(f"| {slug} | {name} | {statistics.median(values):.2f} | {max(values):.2f} | {stale[slug, name]} |")
    print(f"\n`import tensorflow` alone, fresh interpreter: median {statistics.median(imports):.2f} s.")


if __name__ == "__main__":
    main()
