"""Paths are resolved once per build, and again by the next build (a changed symlink is
seen)."""

from __future__ import annotations

from pathlib import Path

from encore import paths


def test_a_build_resolves_each_path_once_and_the_next_build_again(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    link = tmp_path / "tokens"
    link.symlink_to(first)
    with paths.one_build():
        assert paths.real(link) == first
        link.unlink()
        link.symlink_to(second)
        assert paths.real(link) == first  # within the build: as first resolved
        with paths.one_build():  # a build inside it shares its paths
            assert paths.real(link) == first
    with paths.one_build():
        assert paths.real(link) == second
    assert paths.real(link) == second  # outside a build: always resolved
