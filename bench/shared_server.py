"""Benchmark: one server shared with a careless or hostile visitor. Prints markdown.

1. A link of 998 parameters no page reads (short keys, as a script would make): the server's time
   to answer it and the bytes it sends back, from a websocket client; with --versus DIR, another
   checkout of the app beside this one, round by round.
2. Three learners pressing "Measure" on the rows-or-columns page at once while a fourth moves a
   slider on A·B: how long the three waited, and the fourth's move times (median, max) against the
   same moves alone.

    python bench/shared_server.py [--rounds 3] [--moves 40] [--versus ../other-checkout]
"""

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dev.harness import streamlit_server  # noqa: E402
from dev.learner import Learner  # noqa: E402

STRAY = {f"k{n}": str(n) for n in range(998)}


async def stray_link(url: str) -> tuple[float, int, int]:
    """Seconds to answer the link, bytes sent back, and the warnings drawn (each a note)."""
    learner = Learner(url, "matmul", query={"predict": "off", **STRAY})
    seconds = await learner.open()
    await learner.close()
    return seconds, sum(learner.received), len(learner.received)


async def moves(url: str, count: int) -> list[float]:
    learner = Learner(url, "matmul")
    await learner.open()
    times = [await learner.move() for _ in range(count)]
    await learner.close()
    return times


async def measured_beside(url: str) -> tuple[list[float], list[float]]:
    """Three learners press Measure at once (3000 × 10, the page's default sizes); a fourth moves a
    slider every 0.2 s until the three have their answers."""
    measurers = [Learner(url, "rows_or_columns") for _ in range(3)]
    for learner in measurers:
        await learner.open()
    mover = Learner(url, "matmul")
    await mover.open()
    pressed = [asyncio.create_task(learner.press("measure")) for learner in measurers]
    moved = []
    while not all(task.done() for task in pressed):
        moved.append(await mover.move())
        await asyncio.sleep(0.2)
    for learner in (*measurers, mover):
        await learner.close()
    return [task.result() for task in pressed], moved


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--moves", type=int, default=40)
    parser.add_argument("--versus", type=Path, help="another checkout of the app, measured beside this one")
    args = parser.parse_args()
    apps = {"this app": ROOT, **({f"versus {args.versus.name}": args.versus.resolve()} if args.versus else {})}
    print("| 998-parameter link | server time (s), median | bytes sent back | messages |")
    print("|---|---|---|---|")
    for name, app in apps.items():
        with streamlit_server(cwd=app, script=str(app / "streamlit_app.py")) as (url, _):
            asyncio.run(moves(url, 2))  # warm: TensorFlow and A·B's graphs
            runs = [asyncio.run(stray_link(url)) for _ in range(args.rounds)]
        seconds = statistics.median(r[0] for r in runs)
        print(f"| {name} | {seconds:.2f} | {runs[-1][1]:,} | {runs[-1][2]} |")
    print()
    with streamlit_server() as (url, _):
        alone = asyncio.run(moves(url, args.moves))
        waited, beside = asyncio.run(measured_beside(url))
    print("| another learner's slider move (ms) | median | max |")
    print("|---|---|---|")
    print(f"| alone | {1000 * statistics.median(alone):.0f} | {1000 * max(alone):.0f} |")
    print(f"| while three learners measure | {1000 * statistics.median(beside):.0f} | {1000 * max(beside):.0f} |")
    print(f"\nThe three measurements answered after {', '.join(f'{s:.1f} s' for s in sorted(waited))}.")


if __name__ == "__main__":
    main()
