"""The build cache: skip a build whose inputs and outputs are exactly as last time.

A build's fingerprint is a SHA-256 over Encore's own code (every file of the package,
so an upgrade or a local edit counts), the command's choices (platforms, theme inputs,
``--strict``) and every input file by content: ``encore.yaml``, each ``platform.yaml``,
the tier files, the resolver document and every file it references, and every file in
the component folders. After a build that wrote its outputs with no diagnostic at all,
the fingerprint is kept in ``<output>/.encore-cache.json``. The next build with the
same fingerprint whose outputs still hash to what each platform's manifest lists does
no work and writes nothing. Anything else (a changed byte anywhere, a new or deleted
file matching a glob, an edited or missing output, a warning last time) builds again,
so the cache cannot serve a stale result; ``--no-cache`` always builds.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from encore.config import ProjectConfig
from encore.write import MANIFEST, atomic_write

CACHE_FILE = ".encore-cache.json"
_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_digest() -> str:
    """A digest of Encore's own files: code, templates and schemas."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def input_files(project: ProjectConfig, sources: Sequence[Path]) -> list[Path]:
    """Every file a build of the project reads, sorted."""
    files = {Path(project.origin.source.path), *sources}
    files |= {Path(p.origin.source.path) for p in project.platforms}
    if project.themes is not None:
        files.add(project.themes.resolver)
        from encore.resolver import load_resolver, referenced_files

        resolver, _ = load_resolver(project.themes.resolver)
        if resolver is not None:
            files |= set(referenced_files(resolver))
    for pattern in project.components:
        for folder in sorted(project.root.glob(pattern)):
            files |= {p for p in folder.rglob("*") if p.is_file()}
    return sorted({p.resolve() for p in files})


def fingerprint(
    project: ProjectConfig,
    sources: Sequence[Path],
    choices: Mapping[str, object],
) -> str:
    """The SHA-256 of Encore's code, the command's choices and every input's content."""
    digest = hashlib.sha256(code_digest().encode())
    digest.update(json.dumps(choices, sort_keys=True, default=str).encode())
    for path in input_files(project, sources):
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


def _cache_path(project: ProjectConfig) -> Path:
    return project.output / CACHE_FILE


def up_to_date(project: ProjectConfig, key: str, folders: Sequence[str]) -> int | None:
    """The number of output files when the last build had this fingerprint and every
    output still matches its platform's manifest; otherwise ``None``."""
    try:
        cached = json.loads(_cache_path(project).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict) or cached.get("fingerprint") != key:
        return None
    if sorted(cached.get("folders", [])) != sorted(folders):
        return None
    count = 0
    for folder in folders:
        out_dir = project.output / folder
        try:
            manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
            for entry in manifest["files"]:
                data = (out_dir / entry["path"]).read_bytes()
                if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                    return None
                count += 1
        except (OSError, ValueError, KeyError, TypeError):
            return None
    return count


def remember(project: ProjectConfig, key: str, folders: Sequence[str]) -> None:
    """Keep the fingerprint of a clean build that wrote ``folders``."""
    data = {"fingerprint": key, "folders": sorted(folders)}
    atomic_write(_cache_path(project), (json.dumps(data, indent=2) + "\n").encode())


def forget(project: ProjectConfig) -> None:
    """Drop the cache: the next build runs in full."""
    _cache_path(project).unlink(missing_ok=True)


__all__ = ["CACHE_FILE", "code_digest", "fingerprint", "forget", "remember", "up_to_date"]
