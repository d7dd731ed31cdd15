"""`.ci/run` stops at the first step that fails: run as it is, with python, pip and apt-get replaced by
stand-ins that log each call and fail where a fault is planted."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests import ROOT

# Stands in for python3 (the venv), the venv's python (pip, the Chromium check, pytest, ruff) and apt-get.
FAKE_PYTHON = """#!/usr/bin/env bash
echo "python $*" >> "$CI_LOG"
case "$*" in
  "-m venv .venv") mkdir -p .venv/bin && echo 'export PATH="$FAKE_BIN:$PATH"' > .venv/bin/activate ;;
  "-m pip install -r requirements-dev.txt") [ "$FAULT" != install ] ;;
  -c*missing_browser*) [ "$FAULT" = chromium ] && echo "Chromium not found at /nowhere" || echo "" ;;
  "-m ruff check .") [ "$FAULT" != ruff ] ;;
  "-m pytest") [ "$FAULT" != tests ] ;;
esac
"""
STEPS = ["-m pip install -r requirements-dev.txt", "-m pytest", "-m ruff check .", "-m ruff format --check .",
         "-m pytest -q -p no:cacheprovider tests/pages/test_fuzz.py"]  # fmt: skip


def run_ci(tmp_path: Path, fault: str, **env: str) -> tuple[int, list[str]]:
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("python3", "python"):
        (bin_dir / name).write_text(FAKE_PYTHON)
        (bin_dir / name).chmod(0o755)
    (bin_dir / "apt-get").write_text('#!/usr/bin/env bash\necho "apt-get $*" >> "$CI_LOG"\n')
    (bin_dir / "apt-get").chmod(0o755)
    log = tmp_path / "calls.log"
    log.touch()
    environ = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FAKE_BIN": str(bin_dir), "CI_LOG": str(log),
               "FAULT": fault, **env}  # fmt: skip
    done = subprocess.run(["bash", str(tmp_path / ".ci" / "run")], env=environ, capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    calls = [line.removeprefix("python ") for line in log.read_text().splitlines() if line.startswith("python ")]
    return done.returncode, calls


def test_a_clean_run_takes_every_step_in_a_fresh_environment(tmp_path):
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "stale").write_text("from an earlier run")
    code, calls = run_ci(tmp_path, "")
    assert code == 0
    assert [c for c in calls if c in STEPS] == STEPS
    assert not (tmp_path / ".venv" / "stale").exists()  # the venv is made afresh, not reused


@pytest.mark.parametrize(("fault", "last"), [("install", 0), ("tests", 1), ("ruff", 2)])
def test_a_failing_step_stops_the_run(tmp_path, fault, last):
    code, calls = run_ci(tmp_path, fault)
    assert code != 0
    assert [c for c in calls if c in STEPS] == STEPS[: last + 1]


@pytest.mark.parametrize(("told", "expected"), [("0", 1), ("1", 0)])
def test_without_chromium_the_run_stops_unless_told(tmp_path, told, expected):
    code, calls = run_ci(tmp_path, "chromium", CI_WITHOUT_BROWSER=told)
    assert (code != 0, "-m pytest" in calls) == (bool(expected), not expected)
