"""Resolved paths, worked out once per build.

A build resolves the same token files many times (tiers, every theme permutation, the
cache fingerprint, the resolver), and each `Path.resolve` is a system call per path
component. Within one build the answer cannot meaningfully change, so it is kept while
the build runs (`one_build`); the next build resolves again, so a changed symlink is seen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_RESOLVED: dict[str, Path] = {}
_DEPTH = [0]


def real(path: Path | str) -> Path:
    """``Path(path).resolve()``, remembered while a build runs."""
    key = str(path)
    found = _RESOLVED.get(key)
    if found is None:
        found = Path(path).resolve()
        if _DEPTH[0]:
            _RESOLVED[key] = found
    return found


@contextmanager
def one_build() -> Iterator[None]:
    """A build (the outermost of nested ones) with its own resolved paths."""
    if not _DEPTH[0]:
        _RESOLVED.clear()
    _DEPTH[0] += 1
    try:
        yield
    finally:
        _DEPTH[0] -= 1
        if not _DEPTH[0]:
            _RESOLVED.clear()
