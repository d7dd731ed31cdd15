"""Benchmark: grading one answer of "Write the Jacobian yourself" on a warm server. Prints markdown.

For each puzzle, side by side in one run (medians of --rounds calls each):

- grading its formula as a learner types it anew (a text the parser has not seen: parse, evaluate at
  the five points, compare, diagnose), with `jaccore.grading.grade`;
- the bare compiled tape: `tape.jacobian` (or the gradient, or the Hessian) of the puzzle's function
  in one tf.function, traced once, called at five new points, the floor any grading pays.

Target: grading ≤ 150 ms.

    python bench/puzzle_grading.py [--rounds 30]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from jaccore._tensorflow import tf
from jaccore.catalog.puzzles import PUZZLES, Puzzle
from jaccore.expression import parse_expression
from jaccore.grading import grade, points


def bare_tape(puzzle: Puzzle):
    """tape.jacobian (the gradient, the Hessian) of the puzzle's function, compiled once."""
    fn, wrt = parse_expression(puzzle.function), puzzle.wrt

    @tf.function(reduce_retracing=True)
    def tape(inputs: dict) -> tf.Tensor:
        x = inputs[wrt]
        with tf.GradientTape() as outer:
            outer.watch(x)
            with tf.GradientTape() as inner:
                inner.watch(x)
                y = fn(**inputs)
            if puzzle.target == "hessian":
                return outer.jacobian(inner.gradient(y, x), x)
        return inner.jacobian(y, x) if puzzle.target == "jacobian" else inner.gradient(y, x)

    return tape


def median_ms(call, rounds: int) -> float:
    times = []
    for n in range(rounds):
        start = time.perf_counter()
        call(n)
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    rows = ["| puzzle | grading a new answer (ms) | bare compiled tape, 5 points (ms) | ratio |", "|---|---|---|---|"]
    gradings = []
    for slug, puzzle in PUZZLES.items():
        tape = bare_tape(puzzle)

        def fresh(n: int, shapes=puzzle.shapes) -> list:
            return [{k: tf.constant(rng.uniform(0.5, 1.5, s).astype(np.float32)) for k, s in shapes.items()}
                    for _ in range(5)]  # fmt: skip

        def taped(n: int, tape=tape, fresh=fresh) -> None:
            for values in fresh(n):
                tape(values)

        grade(puzzle, puzzle.answer)  # warm: the function's graphs traced, its points computed once
        taped(0)
        graded = median_ms(lambda n, puzzle=puzzle: grade(puzzle, f"{puzzle.answer} + {n + 1} * 0"), args.rounds)
        bare = median_ms(taped, args.rounds)
        gradings.append(graded)
        rows.append(f"| {slug} | {graded:.1f} | {bare:.1f} | {graded / bare:.1f}× |")
    assert len(points(PUZZLES["square"])) == 5
    print("\n".join(rows))
    middle, slowest = statistics.median(gradings), max(gradings)
    print(f"\nGrading: median over the puzzles {middle:.1f} ms, the slowest {slowest:.1f} ms (target ≤ 150 ms).")


if __name__ == "__main__":
    main()
