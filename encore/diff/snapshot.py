"""One side of a diff, compiled: a project (every theme permutation of its resolver) or a
folder of bare token files (one permutation), plus its ``diff:`` settings.

Files read from a git revision live in a scratch folder; their diagnostics are relocated
to ``REVISION:path`` so they point where the author can find them.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from encore.build import compile_project, compile_tokens, expand_paths, load_sources
from encore.build import project_sources as tier_sources
from encore.config import PROJECT_FILE, load_project
from encore.diagnostics import Diagnostic, EncoreError, Origin, SourceLocation, has_errors
from encore.load import load_file
from encore.themes import Themes, single


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A compiled side: its label, the folder it was read from, its themes and settings."""

    label: str
    root: Path
    themes: Themes
    settings: dict[str, Any]  # encore.yaml's diff: section ({} without one)
    settings_origin: Origin | None


def relocate(diagnostics: list[Diagnostic], root: Path, revision: str | None) -> list[Diagnostic]:
    """Diagnostics with paths below ``root`` shown as ``REVISION:path``."""
    if revision is None:
        return diagnostics
    out = []
    for d in diagnostics:
        where = d.location
        if where is not None:
            rel = os.path.relpath(where.path, root) if os.path.isabs(where.path) else where.path
            if not rel.startswith(".."):
                shown = SourceLocation(f"{revision}:{rel}", where.line, where.column)
                d = dataclasses.replace(d, fixed_location=shown)
        out.append(d)
    return out


def compile_side(label: str, root: Path, revision: str | None = None) -> Snapshot:
    """Compile the folder ``root``; errors raise `EncoreError` (relocated for revisions)."""
    try:
        if (root / PROJECT_FILE).is_file():
            return _project(label, root, revision)
        return _bare(label, root, revision)
    except EncoreError as exc:
        raise EncoreError(relocate(exc.diagnostics, root, revision)) from None


def _project(label: str, root: Path, revision: str | None) -> Snapshot:
    project = load_project(root)
    sources, problems = tier_sources(project)
    themes, more = compile_project(project, sources, None)
    problems = [*problems, *more]
    if themes is None or has_errors(problems):
        raise EncoreError(_with_side(problems, label))
    loaded, _ = load_file(root / PROJECT_FILE)
    data = loaded.data if loaded is not None and isinstance(loaded.data, dict) else {}
    settings = data.get("diff") or {}
    origin = Origin(loaded.source, ("diff",)) if loaded is not None and settings else None
    return Snapshot(label, root, themes, dict(settings), origin)


def _bare(label: str, root: Path, revision: str | None) -> Snapshot:
    files, problems = expand_paths([root])
    if not files:
        where = f"{revision}:{root.name}" if revision else str(root)
        raise EncoreError(
            [
                Diagnostic(
                    "diff/empty",
                    f"{label} has no {PROJECT_FILE} and no token files",
                    fixed_location=SourceLocation(where),
                    help="name a project folder (or --project) or a folder of token files",
                )
            ]
        )
    loaded, more = load_sources([(f, None) for f in files])
    problems += more
    tokens, more = compile_tokens(loaded)
    problems += more
    if has_errors(problems):
        raise EncoreError(_with_side(problems, label))
    return Snapshot(label, root, single(tokens), {}, None)


def _with_side(problems: list[Diagnostic], label: str) -> list[Diagnostic]:
    """The errors, each saying which side of the diff it is in."""
    return [
        dataclasses.replace(d, help=f"{d.help + '; ' if d.help else ''}in {label}")
        for d in problems
        if has_errors([d])
    ]
