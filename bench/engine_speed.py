"""Benchmark: the notebook's eager tape.jacobian against jaccore.analyze and the numpy closed form.

C = A·B at n = 2, 8, 32, the three methods interleaved round by round so that machine noise
falls on all of them alike. Prints a markdown table of medians and ratios, then the resident
memory before and after thousands of analyze calls with changing values.

    python bench/engine_speed.py [--rounds 30]
"""

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

import jaccore
from jaccore._tensorflow import tf  # TensorFlow as the app loads it: start-up log silenced

MATMUL = jaccore.EXAMPLES["matmul"]


def eager_tape(A: np.ndarray, B: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The notebook's cell: a persistent tape, then g.jacobian and g.gradient, eagerly."""
    a, b = tf.constant(A), tf.constant(B)
    with tf.GradientTape(persistent=True) as g:
        g.watch(a)
        c = tf.matmul(a, b)
    return g.jacobian(c, a).numpy(), g.gradient(c, a).numpy()


def compiled(A: np.ndarray, B: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # n = 32 has a 32⁴-element Jacobian, past the server's default limit: lift it for the benchmark.
    result = jaccore.analyze(MATMUL.fn, {"A": A, "B": B}, "A", max_elements=1 << 22)
    return result.jacobian, result.gradient


def closed_form(A: np.ndarray, B: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    jacobian = MATMUL.closed_form({"A": A, "B": B}, "A")
    return jacobian, jacobian.sum(axis=(0, 1))


METHODS = {"eager tape.jacobian": eager_tape, "jaccore.analyze": compiled, "numpy closed form": closed_form}


def seconds(method, *args) -> float:
    start = time.perf_counter()
    method(*args)
    return time.perf_counter() - start


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--memory-calls", type=int, default=5000)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    print("| n | eager tape.jacobian (ms) | jaccore.analyze (ms) | numpy closed form (ms) | eager ÷ analyze |")
    print("|---|---|---|---|---|")
    for n in (2, 8, 32):
        times: dict[str, list[float]] = {name: [] for name in METHODS}
        A, B = (rng.normal(size=(n, n)).astype(np.float32) for _ in range(2))
        for method in METHODS.values():  # warm-up: the first analyze call traces its graph
            method(A, B)
        for _ in range(args.rounds):
            A, B = (rng.normal(size=(n, n)).astype(np.float32) for _ in range(2))
            for name, method in METHODS.items():
                times[name].append(seconds(method, A, B))
        med = {name: statistics.median(t) * 1e3 for name, t in times.items()}
        eager, fast, numpy_ = med.values()
        print(f"| {n} | {eager:.2f} | {fast:.3f} | {numpy_:.3f} | {eager / fast:.0f}× |")

    before_traces = jaccore.engine.trace_count()
    A = rng.normal(size=(8, 8)).astype(np.float32)
    compiled(A, A)
    start = rss_mib()
    for i in range(args.memory_calls):
        compiled(A + i, A - i)
    end = rss_mib()
    print(
        f"\nMemory: RSS {start:.0f} MiB before and {end:.0f} MiB after {args.memory_calls} analyze calls "
        f"with new values (8×8); graphs traced during them: {jaccore.engine.trace_count() - before_traces}."
    )


if __name__ == "__main__":
    main()
