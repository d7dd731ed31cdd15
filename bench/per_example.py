"""Benchmark: per-example gradients in TensorFlow, four ways, side by side in one run.

The losses ℓ (B,) of a small dense layer (X (B, 32) @ W (32, 10), softmax cross-entropy), and
∂ℓ[b]/∂W for every example b, shape (B, 32, 10), by: tape.jacobian (pfor, compiled), tape.jacobian
with experimental_use_pfor=False (a while loop, compiled), a Python loop of B tape.gradient calls
(eager, as a loop is usually written) and one tape.batch_jacobian of ℓ with respect to W copied per
example (compiled). The batches run in rounds, interleaved, so that machine noise falls on all of
them alike. Prints a markdown table of medians and each way's ratio to pfor.

    python bench/per_example.py [--rounds 5] [--repeats 7]
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jaccore import training

WAYS = ("pfor", "while_loop", "python_loop", "batch_jacobian")
HEADER = ("B", "tape.jacobian (pfor)", "jacobian, while loop", "Python loop of gradient", "batch_jacobian",
          "loop ÷ pfor", "batch_jacobian ÷ pfor")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=7, help="timed calls per way, batch and round")
    args = parser.parse_args()
    runs: dict[int, list[dict[str, float]]] = {b: [] for b in training.BATCHES}
    for _ in range(args.rounds):
        for batch in training.BATCHES:
            training._measured.pop(batch, None)  # measured afresh in every round
            runs[batch].append(training.time_per_example(batch, args.repeats))
    print("| " + " | ".join(HEADER) + " |")
    print("|---" * len(HEADER) + "|")
    for batch, timed in runs.items():
        ms = {way: statistics.median(t[way] for t in timed) for way in WAYS if way in timed[0]}
        cells = [f"{ms[way]:.3g} ms" if way in ms else "—" for way in WAYS]
        loop = f"{ms['python_loop'] / ms['pfor']:.0f}×" if "python_loop" in ms else "—"
        print(f"| {batch} | " + " | ".join(cells) + f" | {loop} | {ms['batch_jacobian'] / ms['pfor']:.2f}× |")


if __name__ == "__main__":
    main()
