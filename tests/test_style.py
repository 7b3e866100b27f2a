"""The code base stays `mypy --strict` and ruff clean (the tools come with the dev extra)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def _tool(name: str) -> None:
    if shutil.which(name) is None and not os.environ.get("CI"):
        pytest.skip(f"{name} is not installed: pip install -e '.[dev]'")


def test_mypy_strict() -> None:
    _tool("mypy")
    run = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff() -> None:
    _tool("ruff")
    for args in (
        ["check", "encore", "tests", "benchmarks", "cli.py"],
        ["format", "--check", "encore", "tests", "benchmarks", "cli.py"],
    ):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stdout + run.stderr
