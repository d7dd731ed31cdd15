"""Benchmark: a Jacobian built row by row (reverse mode) or column by column (forward mode).

y = tanh(W·x) with W of shape (n_out, n_in), differentiated with respect to x: the Jacobian is
n_out × n_in, built by n_out vector-Jacobian products or n_in Jacobian-vector products. Each way is
compiled once (jaccore.modes), then timed; the notebook's eager tape.jacobian, which traces its
pfor graph on every call, beside them. The shapes run in rounds, interleaved, so that machine noise
falls on all of them alike. Prints a markdown table of medians and the forward/reverse ratio.

    python bench/forward_reverse.py [--rounds 5] [--repeats 7]
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jaccore.modes import time_modes

HEADER = ("n_out × n_in", "rows (reverse, pfor)", "columns (forward, pfor)", "rows in a while loop",
          "eager tape.jacobian", "columns / rows")  # fmt: skip
SHAPES = [(2000, 8), (8, 2000), (300, 300), (3000, 10), (10, 3000)]  # tall, wide, square, taller, wider


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=7, help="timed calls per way, shape and round")
    args = parser.parse_args()
    runs: dict[tuple[int, int], list[dict[str, float]]] = {shape: [] for shape in SHAPES}
    for _ in range(args.rounds):
        for shape in SHAPES:
            runs[shape].append(time_modes(*shape, repeats=args.repeats))
    print("| " + " | ".join(HEADER) + " |")
    print("|---" * len(HEADER) + "|")
    for (n_out, n_in), timed in runs.items():
        median = {way: statistics.median(t[way] for t in timed) for way in timed[0]}
        looped = f"{median['rows_looped']:.2f} ms" if "rows_looped" in median else "—"
        print(f"| {n_out} × {n_in} | {median['rows']:.2f} ms | {median['columns']:.2f} ms | {looped} | "
              f"{median['eager']:.1f} ms | {median['columns'] / median['rows']:.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
