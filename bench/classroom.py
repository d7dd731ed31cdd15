"""Benchmark: a class of learners at once, against one server and against replicas. Prints markdown.

1. Server time per slider move, from websocket clients (no browser on the machine's cores): one
   session alone, then N sessions moving at once — on one server, and on R replicas behind HAProxy
   (deploy/serve.py); each learner looks at the page for about a second between moves (--think).
   Median and p95, and the p95's ratio to one session alone in the same run (target: ≤ 3× at 20
   sessions). With --versus DIR, another checkout of the app is measured in the
   same run, alone and under load, round by round beside this one.
2. What learners feel: slider-to-repaint in Chromium, one tab alone, then K tabs at once.
3. Server memory: after the load, after F distinct playground formulas and after L links that each
   name new shapes (target ≤ 700 MiB: Community Cloud's smallest allowance is ~690 MB), and over
   R slider moves of one session (target: +≤ 30 MB).

A new learner's first picture on a warm server: bench/first_visit.py.

    python bench/classroom.py [--sessions 20] [--moves 50] [--replicas 2] [--tabs 5] [--formulas 350] [--links 300]
                              [--reruns 2000] [--versus ../other-checkout]
"""

import argparse
import asyncio
import contextlib
import random
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.browser_perf import SETTLED, open_tab, p95  # noqa: E402
from dev.harness import free_port, healthy, launch, missing_browser, rss_mib  # noqa: E402
from dev.learner import Learner  # noqa: E402
from jaccore.sitemap import PAGES, live  # noqa: E402

LIVE = [slug for slug, page in PAGES.items() if live(page)]


@contextlib.contextmanager
def server(app: Path):
    """`streamlit run` of the checkout `app` (its own config), on a free loopback port."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(app / "streamlit_app.py"), "--server.headless=true",
        f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=app, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not healthy(f"http://127.0.0.1:{port}"):
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextlib.contextmanager
def replicas(count: int):
    """deploy/serve.py: `count` replicas behind HAProxy, on a free loopback port."""
    port = free_port()
    command = [sys.executable, str(ROOT / "deploy" / "serve.py"), f"--replicas={count}", f"--port={port}",
               f"--listen=127.0.0.1:{port}"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not healthy(f"http://127.0.0.1:{port}"):
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=60)


def sticky_cookie(url: str) -> str:
    """The load balancer's cookie a browser gets with the page (empty without a balancer)."""
    with urllib.request.urlopen(url) as response:
        return (response.headers.get("Set-Cookie") or "").split(";")[0]


THINK = 1.0  # seconds a learner looks at the page between two moves, on average (--think)


async def class_moves(url: str, sessions: int, moves: int) -> tuple[list[float], int]:
    """`sessions` learners on the live pages in turn, each moving a slider `moves` times, all at once,
    looking at the page for THINK seconds on average (uniform from 0.5 to 1.5 times it) between moves."""
    learners = [Learner(url, LIVE[n % len(LIVE)], cookie=sticky_cookie(url)) for n in range(sessions)]
    await asyncio.gather(*(learner.open() for learner in learners))
    pauses = random.Random(sessions)

    async def work(learner: Learner) -> list[float]:
        times = []
        for _ in range(moves):
            await asyncio.sleep(THINK * pauses.uniform(0.5, 1.5))
            times.append(await learner.move())
        return times

    times = [t for each in await asyncio.gather(*(work(learner) for learner in learners)) for t in each]
    errors = sum(len(learner.exceptions) for learner in learners)
    await asyncio.gather(*(learner.close() for learner in learners))
    return times, errors


async def one_at_a_time(url: str, moves: int) -> tuple[list[float], int]:
    """One learner at a time on each live page: the same pages as the class, with no one else."""
    times, errors = [], 0
    for page in LIVE:
        learner = Learner(url, page, cookie=sticky_cookie(url))
        await learner.open()
        times += [await learner.move() for _ in range(moves)]
        errors += len(learner.exceptions)
        await learner.close()
    return times, errors


def warm(url: str) -> None:
    """TensorFlow loaded and every page's graphs traced, one learner at a time: what a class meets."""
    for page in LIVE:
        asyncio.run(class_moves_on(url, page))


async def class_moves_on(url: str, page: str) -> None:
    learner = Learner(url, page, cookie=sticky_cookie(url))
    await learner.open()
    await learner.move()
    await learner.close()


def row(label: str, times: list[float], alone: list[float] | None, errors: int) -> str:
    ratio = f"{p95(times) / p95(alone):.1f}×" if alone else "1.0×"
    median, worst = statistics.median(times) * 1e3, p95(times) * 1e3
    return f"| {label} | {median:.0f} | {worst:.0f} | {ratio} | {errors} |"


def server_time(args, apps: dict[str, Path]) -> list[str]:
    lines = ["| websocket clients | median (ms) | p95 (ms) | p95 ÷ p95 alone | exceptions |", "|---|---|---|---|---|"]
    results: dict[str, dict] = {name: {} for name in apps}
    with contextlib.ExitStack() as stack:
        urls = {name: stack.enter_context(server(app))[0] for name, app in apps.items()}
        for url in urls.values():
            warm(url)
        for load in (1, args.sessions):
            for name, url in urls.items():
                run = one_at_a_time(url, args.moves) if load == 1 else class_moves(url, load, args.moves)
                results[name][load] = asyncio.run(run)
        for name in apps:
            alone = results[name][1][0]
            lines.append(row(f"{name}: one session alone", alone, None, results[name][1][1]))
            lines.append(row(f"{name}: {args.sessions} sessions, one server", results[name][args.sessions][0], alone,
                             results[name][args.sessions][1]))  # fmt: skip
    if args.replicas and shutil.which("haproxy"):
        with replicas(args.replicas) as url:
            for _ in range(args.replicas):
                warm(url)
            times, errors = asyncio.run(class_moves(url, args.sessions, args.moves))
        lines.append(row(f"this app: {args.sessions} sessions, {args.replicas} replicas (HAProxy)", times,
                         results[next(iter(apps))][1][0], errors))  # fmt: skip
    return lines


def felt(args, url: str, browser) -> list[str]:
    """Slider-to-repaint in Chromium: one tab alone, then `tabs` tabs pressed at once, round by round."""
    tabs = [open_tab(browser, f"{url}/{LIVE[n % len(LIVE)]}?predict=off") for n in range(args.tabs)]
    times: dict[str, list[float]] = {"alone": [], "together": []}
    for n in range(args.moves // 2):
        key = "ArrowRight" if n % 2 == 0 else "ArrowLeft"
        for group, pressed in (("alone", tabs[:1]), ("together", tabs)):
            for tab in pressed:
                tab.locator('[data-testid="stSlider"] input[type="range"]').first.focus()
                tab.keyboard.press(key)
            for tab in pressed:
                tab.wait_for_function(SETTLED, timeout=120_000, polling=50)
                times[group].append(tab.evaluate("() => window.__repaint.last - window.__repaint.key") / 1e3)
    for tab in tabs:
        tab.context.close()
    return [
        "| Chromium tabs | median (ms) | p95 (ms) | p95 ÷ p95 alone | exceptions |",
        "|---|---|---|---|---|",
        row("one tab alone", times["alone"], None, 0),
        row(f"{args.tabs} tabs at once", times["together"], times["alone"], 0),
    ]


def memory(args) -> list[str]:
    lines = ["| server RSS | MiB |", "|---|---|"]
    for typists in (1, 20):  # one learner typing every formula, or a class sharing them
        with server(ROOT) as (url, process):
            warm(url)
            warmed = rss_mib(process.pid)
            asyncio.run(formulas(url, typists, args.formulas))
            lines.append(f"| warm, then {args.formulas} distinct playground formulas typed by {typists} "
                         f"session(s) | {warmed:.0f} → {rss_mib(process.pid):.0f} |")  # fmt: skip
    with server(ROOT) as (url, process):
        warm(url)
        warmed = rss_mib(process.pid)
        asyncio.run(shape_links(url, args.links))
        lines.append(f"| warm, then {args.links} playground links, each new shapes of W @ x with the checks on "
                     f"| {warmed:.0f} → {rss_mib(process.pid):.0f} |")  # fmt: skip
    with server(ROOT) as (url, process):
        warm(url)
        before, after = asyncio.run(reruns(url, process.pid, args.reruns))
    lines.append(f"| {args.reruns} slider moves of one session | {before:.0f} → {after:.0f} ({after - before:+.0f}) |")
    return lines


async def formulas(url: str, typists: int, count: int) -> None:
    """Learners typing formulas into the playground, each formula new."""
    learners = [Learner(url, "playground") for _ in range(typists)]
    for learner in learners:
        await learner.open()
    for n in range(count):
        await learners[n % typists].type("expr", f"tanh(W @ x + b) * {n + 2}")
    for learner in learners:
        await learner.close()


async def shape_links(url: str, count: int) -> None:
    """Visitors opening /playground?expr=W @ x&shape.W=m,k&shape.x=k,n&check=true, each with shapes
    the server has not traced yet (while there are any: 8 × 8 × 8 of them)."""
    shapes = [(m, k, n) for m in range(1, 9) for k in range(1, 9) for n in range(1, 9)]
    for m, k, n in shapes[:count]:
        query = {"predict": "off", "expr": "W @ x", "shape.W": f"{m},{k}", "shape.x": f"{k},{n}", "check": "true"}
        learner = Learner(url, "playground", query=query)
        await learner.open()
        await learner.close()


async def reruns(url: str, pid: int, count: int) -> tuple[float, float]:
    learner = Learner(url, "matvec")
    await learner.open()
    for _ in range(100):
        await learner.move()
    before = rss_mib(pid)
    for _ in range(count):
        await learner.move()
    await learner.close()
    return before, rss_mib(pid)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--moves", type=int, default=50)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--tabs", type=int, default=5)
    parser.add_argument("--formulas", type=int, default=350)
    parser.add_argument("--links", type=int, default=300)
    parser.add_argument("--reruns", type=int, default=2000)
    parser.add_argument("--think", type=float, default=1.0, help="seconds between a learner's moves, on average")
    parser.add_argument("--only", default="server,browser,memory", help="sections to run, comma-separated")
    parser.add_argument("--versus", type=Path, help="another checkout of the app, measured beside this one")
    args = parser.parse_args()
    global THINK, LIVE
    THINK = args.think
    if args.versus:  # the pages both checkouts have, so that both carry the same class
        LIVE = [slug for slug in LIVE if (args.versus / "pages" / f"{slug}.py").exists()]
    apps = {"this app": ROOT, **({f"versus {args.versus.name}": args.versus.resolve()} if args.versus else {})}
    if "server" in args.only:
        print("\n".join(server_time(args, apps)) + "\n")
    if "browser" in args.only and not missing_browser():
        from playwright.sync_api import sync_playwright

        with server(ROOT) as (url, _):
            warm(url)
            with sync_playwright() as playwright:
                browser = launch(playwright)
                print("\n".join(felt(args, url, browser)) + "\n")
                browser.close()
    if "memory" in args.only:
        print("\n".join(memory(args)))


if __name__ == "__main__":
    main()
