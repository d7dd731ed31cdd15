"""The code stays as the linter and formatter configured in pyproject.toml want it."""

import subprocess
import sys

from tests.apptest import ROOT


def test_ruff_finds_nothing():
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout
    formatting = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert formatting.returncode == 0, formatting.stdout
