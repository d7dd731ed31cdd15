"""Benchmark: the server's memory through a term, measured as an administrator would. Prints markdown,
and writes the curve (bench/soak.csv, bench/soak.png: RSS against time, the phases marked).

Side by side in one run, the app and the bare one-slider app (Streamlit alone), each in its own server:

1. every page opened once (one websocket learner per page);
2. 300 distinct links: 150 playground links with new shapes of W @ x and the checks on, 150 with new
   formulas (what any visitor can send);
3. a class: `--learners` websocket learners at about one slider move a second each, on mixed pages
   (the worked examples, the playground, the digit classifier), for `--minutes`.

Targets: ≤ 700 MiB after every page and the 300 links; during 20 minutes of 20 learners, the RSS of
the last 10 minutes grows by less than 10 MiB.

    python bench/soak.py [--minutes 20] [--learners 20] [--links 300]
"""

import argparse
import asyncio
import csv
import itertools
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dev.harness import rss_mib, streamlit_server  # noqa: E402
from dev.learner import Learner  # noqa: E402
from jaccore.sitemap import PAGES  # noqa: E402

CLASS_PAGES = ["vector_scalar", "square", "scale", "matvec", "shape_rule", "matmul", "playground", "digits"]


class Curve:
    """RSS samples of a server: (seconds since start, MiB, phase)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.start, self.points = pid, time.monotonic(), []

    def sample(self, phase: str) -> float:
        mib = rss_mib(self.pid)
        self.points.append((time.monotonic() - self.start, mib, phase))
        return mib


async def every_page(url: str) -> None:
    for slug in PAGES:
        learner = Learner(url, "" if slug == "home" else slug)
        await learner.open()
        await learner.close()


def links(count: int) -> list[dict]:
    """Half new shapes of W @ x (checks on), half new formulas: each a link the server has not seen."""
    shapes = [(m, k, n) for m in range(1, 9) for k in range(1, 9) for n in range(1, 9)]
    found = []
    for n in range(count):
        if n % 2 == 0:
            m, k, j = shapes[n // 2]
            found.append({"expr": "W @ x", "shape.W": f"{m},{k}", "shape.x": f"{k},{j}", "check": "true"})
        else:
            found.append({"expr": f"tanh(W @ x + b) * {n + 2} - sin(b) / {n + 3}"})
    return found


async def open_links(url: str, count: int, curve: Curve) -> None:
    for n, query in enumerate(links(count), 1):
        learner = Learner(url, "playground", query={"predict": "off", **query})
        await learner.open()
        await learner.close()
        if n % 25 == 0:
            curve.sample(f"{n} links")


async def a_class(url: str, learners: int, seconds: float, curve: Curve, pages: list[str]) -> list[float]:
    """Learners moving sliders about once a second each, until `seconds` have passed; move times."""
    deadline = time.monotonic() + seconds
    times: list[float] = []

    async def learner(n: int) -> None:
        rng = random.Random(n)
        for page in itertools.cycle(pages[n % len(pages) :] + pages[: n % len(pages)]):
            person = Learner(url, page)
            await person.open()
            for _ in range(rng.randint(20, 60)):
                if time.monotonic() > deadline:
                    await person.close()
                    return
                times.append(await person.move(rng.randrange(len(person.sliders))))
                await asyncio.sleep(max(0.0, rng.uniform(0.7, 1.3) - times[-1]))
            await person.close()

    async def sampler() -> None:
        while time.monotonic() < deadline:
            await asyncio.sleep(10)
            curve.sample("class")

    await asyncio.gather(sampler(), *(learner(n) for n in range(learners)))
    return times


def soak(script: str, cwd: Path, args, pages: list[str]) -> Curve:
    with streamlit_server(script, cwd=cwd) as (url, process):
        curve = Curve(process.pid)
        curve.sample("started")
        if script == "streamlit_app.py":  # the bare app has one page and reads no link
            asyncio.run(every_page(url))
            curve.sample("every page")
            asyncio.run(open_links(url, args.links, curve))
        asyncio.run(a_class(url, args.learners, 60 * args.minutes, curve, pages))
        curve.sample("end")
    return curve


def growth(curve: Curve, minutes: float) -> float:
    """The RSS's rise over the last `minutes` of the class (the last sample minus the first in that span)."""
    class_points = [(t, mib) for t, mib, phase in curve.points if phase in ("class", "end")]
    last = class_points[-1][0]
    span = [mib for t, mib in class_points if t >= last - 60 * minutes]
    return span[-1] - span[0]


def plot(curves: dict[str, Curve], path: Path) -> None:
    """RSS against time, one line per server, in Okabe and Ito's colours, with the phases' starts marked."""
    from PIL import Image, ImageDraw

    width, height, margin = 1000, 480, 60
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    t_max = max(t for c in curves.values() for t, _, _ in c.points) or 1
    top = max(m for c in curves.values() for _, m, _ in c.points) * 1.1

    def xy(t: float, mib: float) -> tuple[float, float]:
        return margin + (width - 2 * margin) * t / t_max, height - margin - (height - 2 * margin) * mib / top

    draw.line([xy(0, 0), xy(t_max, 0)], fill="black")
    draw.line([xy(0, 0), xy(0, top)], fill="black")
    for mib in range(0, int(top), 100):
        draw.text((5, xy(0, mib)[1] - 6), f"{mib} MiB", fill="black")
    for minute in range(0, int(t_max / 60) + 1, 5):
        draw.text((xy(60 * minute, 0)[0] - 10, height - margin + 8), f"{minute} min", fill="black")
    for (name, curve), colour in zip(curves.items(), ("#0072B2", "#D55E00"), strict=False):
        draw.line([xy(t, m) for t, m, _ in curve.points], fill=colour, width=3)
        draw.text((width - margin - 260, 20 + 16 * list(curves).index(name)), name, fill=colour)
        for t, m, phase in curve.points:
            if phase == "every page" or phase.endswith(" links"):  # a dot per 25 links, after every page
                x, y = xy(t, m)
                draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=colour)
    image.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--links", type=int, default=300)
    args = parser.parse_args()
    curves = {
        "Jacobian Explorer": soak("streamlit_app.py", ROOT, args, CLASS_PAGES),
        "bare one-slider app": soak("bench/bare_app.py", ROOT, args, [""]),
    }
    with (ROOT / "bench" / "soak.csv").open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["server", "seconds", "rss_mib", "phase"])
        for name, curve in curves.items():
            writer.writerows((name, f"{t:.1f}", f"{m:.1f}", phase) for t, m, phase in curve.points)
    plot(curves, ROOT / "bench" / "soak.png")
    app = curves["Jacobian Explorer"].points
    after_links = next(m for _, m, phase in app if phase == f"{args.links} links")
    half = args.minutes / 2
    print("| server RSS | MiB |", "|---|---|", sep="\n")
    print(f"| the app, after every page | {next(m for _, m, p in app if p == 'every page'):.0f} |")
    print(f"| the app, after every page and {args.links} distinct links | {after_links:.0f} |")
    print(f"| the app, end of {args.minutes:g} min of {args.learners} learners | {app[-1][1]:.0f} |")
    print(
        f"| the app, growth over the last {half:g} min of the class "
        f"| {growth(curves['Jacobian Explorer'], half):+.1f} |"
    )
    bare = curves["bare one-slider app"].points
    print(f"| bare app: started → end of the same class | {bare[0][1]:.0f} → {bare[-1][1]:.0f} |")
    print(f"| bare app, growth over the last {half:g} min | {growth(curves['bare one-slider app'], half):+.1f} |")


if __name__ == "__main__":
    main()
