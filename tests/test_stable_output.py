"""Byte-identical output: across runs, hash seeds, the order files were created in, and
the number of worker processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate, write_project


def _build(project: Path, **env: str) -> dict[str, bytes]:
    shutil.rmtree(project / "build", ignore_errors=True)
    run = subprocess.run(
        [sys.executable, "-m", "encore", "build", "--no-cache", "--quiet"],
        cwd=project,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    out = project / "build"
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def _copy(source: Path, target: Path, *, reverse: bool) -> Path:
    """A copy whose files are created in sorted or reverse order (so a directory listing
    in creation order differs)."""
    files = sorted(p for p in source.rglob("*") if p.is_file() and "build" not in p.parts)
    for path in reversed(files) if reverse else files:
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    return target


def test_the_foundation_is_the_same_across_seeds_and_file_order(tmp_path: Path) -> None:
    project = tmp_path / "a"
    for name in ("encore.yaml", "tokens", "platforms", "local_systems"):
        source = REPO / name
        if source.is_dir():
            _copy(source, project / name, reverse=False)
        else:
            project.mkdir(exist_ok=True)
            shutil.copyfile(source, project / name)
    reversed_copy = _copy(project, tmp_path / "b", reverse=True)
    first = _build(project, PYTHONHASHSEED="0")
    assert len(first) > 40
    assert _build(project, PYTHONHASHSEED="12345") == first
    assert _build(reversed_copy, PYTHONHASHSEED="777") == first


def test_a_large_set_is_the_same_with_any_number_of_workers(tmp_path: Path) -> None:
    write_project(tmp_path, generate(3000, seed=11), "json")
    one = _build(tmp_path, ENCORE_JOBS="1", PYTHONHASHSEED="1")
    assert _build(tmp_path, ENCORE_JOBS="2", PYTHONHASHSEED="2") == one
    assert _build(tmp_path, ENCORE_JOBS="3", PYTHONHASHSEED="3") == one


def test_the_benchmark_generator_is_deterministic() -> None:
    assert generate(1000) == generate(1000)
    files = generate(1000)
    assert sum(1 for stem in files if stem.startswith("primitive/")) >= 1
    assert generate(1000, seed=1) != files
