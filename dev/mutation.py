"""Mutation testing of the pure core with mutmut 3: how many planted bugs the fast tests catch, per module.

Each module is mutated in a copy of the working tree (mutmut writes its mutants/ there), against the
engine and AppTest tests that exercise it (MODULES). Prints a markdown
table (mutants, killed, survived, not reached by any test, timed out, the score: killed over all of
them) and writes each module's survivors, as diffs, to bench/results/mutation/<module>.txt.

    pip install "mutmut>=3.8,<4"
    python dev/mutation.py                      # every module of MODULES
    python dev/mutation.py jaccore/notation.py  # one
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "mutation"
# Each module and the tests that exercise it (mutmut runs, per mutant, those of them that reach the
# mutated function). Not the fuzz, the audit or the browser tests: too slow for a run per mutant.
E, P = "tests/engine/", "tests/pages/"
PICTURES = [E + "test_figures.py", E + "test_readout.py", E + "test_markup.py", E + "test_downloads.py"]
MODULES = {
    "jaccore/engine.py": [E + "test_engine.py", E + "test_catalog.py"],
    "jaccore/figures.py": PICTURES,
    "jaccore/tiles.py": PICTURES,
    "jaccore/readout.py": PICTURES,
    "jaccore/questions.py": [E + "test_questions.py", P + "test_predict.py"],
    "jaccore/expression.py": [E + "test_expression.py", E + "test_functions.py"],
    "jaccore/refusals.py": [E + "test_expression.py", E + "test_functions.py"],
    "jaccore/notation.py": PICTURES,
    "jaccore/markup.py": PICTURES,
    "jaccore/classifier.py": [E + "test_classifier.py"],
    "jaccore/curvature.py": [E + "test_modes.py"],
    "jaccore/linear_map.py": [E + "test_modes.py"],
    "jaccore/sitemap.py": [P + "test_pages.py", E + "test_translations.py"],
    "jaccore/ui/memory.py": [P + "test_progress.py", E + "test_progress.py"],
}
CONFIG = """
[tool.mutmut]
source_paths = ["jaccore/"]
only_mutate = [{module}]
pytest_add_cli_args_test_selection = {tests}
pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x", "-m", "not browser"]
process_isolation = "forkserver"
also_copy = {also_copy}
"""


def copy_of_tree(into: Path) -> list[str]:
    """The working tree as git sees it (tracked and new files, not ignored ones); returns its top-level
    names, for mutmut to copy beside its mutants (the tests read the README, the pages, the data)."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return sorted({name.split("/")[0] for name in files if name} - {"jaccore"})


def mutate(module: str, children: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="mutation-") as tmp:
        tree = Path(tmp)
        top = copy_of_tree(tree)
        tests = json.dumps(MODULES.get(module, ["tests/engine", "tests/pages"]))
        with (tree / "pyproject.toml").open("a") as config:
            config.write(CONFIG.format(module=json.dumps(module), tests=tests, also_copy=json.dumps(top)))
        mutmut = [sys.executable, "-m", "mutmut"]
        env = {**os.environ, "AUDIT_SEQUENCES": "2", "FUZZ_CASES": "4"}
        run = subprocess.run([*mutmut, "run", "--max-children", str(children)], cwd=tree, env=env,
                             capture_output=True, text=True, check=False)  # fmt: skip
        subprocess.run([*mutmut, "export-cicd-stats"], cwd=tree, capture_output=True, check=True)
        stats = json.loads((tree / "mutants" / "mutmut-cicd-stats.json").read_text())
        results = subprocess.run([*mutmut, "results"], cwd=tree, capture_output=True, text=True).stdout
        not_killed = [line.split(":")[0].strip() for line in results.splitlines() if ":" in line]
        diffs = [subprocess.run([*mutmut, "show", name], cwd=tree, capture_output=True, text=True).stdout
                 for name in not_killed]  # fmt: skip
    OUT.mkdir(parents=True, exist_ok=True)
    name = module.replace("/", ".").removesuffix(".py")
    (OUT / f"{name}.txt").write_text("\n".join(diffs))
    lines = (run.stdout + run.stderr).replace("\r", "\n").splitlines()
    (OUT / f"{name}.log").write_text("\n".join(line for line in lines if "Running " not in line))
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", default=list(MODULES))
    parser.add_argument("--children", type=int, default=os.cpu_count() or 1, help="mutants run at once")
    args = parser.parse_args()
    print("| module | mutants | killed | survived | no test reaches it | timeout | score |")
    print("|---|---|---|---|---|---|---|")
    for module in args.modules:
        s = mutate(module, args.children)
        counted = s["killed"] + s["survived"] + s["no_tests"] + s["timeout"] + s["suspicious"] + s["segfault"]
        score = s["killed"] / counted if counted else float("nan")
        print(f"| `{module}` | {s['total']} | {s['killed']} | {s['survived']} | {s['no_tests']} | {s['timeout']} "
              f"| {score:.0%} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
