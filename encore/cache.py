"""The build cache: skip a build whose inputs and outputs are exactly as last time.

A build's fingerprint is a SHA-256 over Encore's own code (every file of the package,
so an upgrade or a local edit counts), the command's choices (platforms, theme inputs,
``--strict``) and every input file by content: ``encore.yaml``, each ``platform.yaml``,
the tier files, the resolver document and every file it references, and every file in
the component folders. After a build that wrote its outputs with no diagnostic at all,
the fingerprint is kept in ``<output>/.encore-cache.json``, with that build's warnings.
The next build with the same fingerprint whose outputs still hash to what each
platform's manifest lists does no work and writes nothing, and reports the same warnings
again (their sources are byte-identical, so their locations still hold). Anything else (a
changed byte anywhere, a new or deleted file matching a glob, an edited or missing
output) builds again, so the cache cannot serve a stale result; ``--no-cache`` always
builds.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from encore import file_digest, warm
from encore.config import ProjectConfig
from encore.diagnostics import Diagnostic, Origin, Severity, SourceLocation
from encore.load import YAML_SUFFIXES
from encore.paths import real
from encore.sourcemap import SourceFile
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


def plugins_digest(project: ProjectConfig) -> str:
    """A digest of the plugin packages the project names (empty when it names none), so
    installing, upgrading or editing one rebuilds."""
    from encore.formats import FORMAT_REGISTRY
    from encore.rules import RULE_REGISTRY
    from encore.transforms import TRANSFORMS

    formats = {f.format for p in project.platforms for f in p.formats}
    transforms = {t.name for p in project.platforms for t in p.transforms}
    if (
        all(FORMAT_REGISTRY.is_builtin(n) for n in formats)
        and not transforms
        and all(RULE_REGISTRY.is_builtin(n) for n in project.rules)
    ):
        return ""
    from encore.plugins import digest

    return digest(
        [
            *FORMAT_REGISTRY.used_packages(formats),
            *RULE_REGISTRY.used_packages(project.rules),
            *TRANSFORMS.used_packages(transforms),
        ]
    )


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
    from encore.components import find_specs

    matched = [p for pattern in project.components for p in sorted(project.root.glob(pattern))]
    files |= set(find_specs(matched))
    for folder in matched:
        if folder.is_dir():
            files |= {p for p in folder.rglob("*") if p.is_file()}
    return sorted({real(p) for p in files})


def fingerprint(
    project: ProjectConfig,
    sources: Sequence[Path],
    choices: Mapping[str, object],
) -> str:
    """The SHA-256 of Encore's code, the command's choices and every input's content."""
    digest = hashlib.sha256(code_digest().encode())
    digest.update(plugins_digest(project).encode())
    digest.update(json.dumps(choices, sort_keys=True, default=str).encode())
    for path in input_files(project, sources):
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(file_digest.digest(path))
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


def _cache_path(project: ProjectConfig) -> Path:
    return project.output / CACHE_FILE


def up_to_date(
    project: ProjectConfig, key: str, folders: Sequence[str]
) -> tuple[int, list[Diagnostic]] | None:
    """The number of output files and the warnings of the last build, when it had this
    fingerprint and every output still matches its platform's manifest; else ``None``."""
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
                if file_digest.digest(out_dir / entry["path"]).hex() != entry["sha256"]:
                    return None
                count += 1
        except (OSError, ValueError, KeyError, TypeError):
            return None
    try:
        sources: dict[str, SourceFile] = {}
        warnings = [_diagnostic(d, sources) for d in cached.get("warnings", [])]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return count, warnings


def remember(
    project: ProjectConfig, key: str, folders: Sequence[str], warnings: Sequence[Diagnostic] = ()
) -> None:
    """Keep the fingerprint (and the warnings) of a build that wrote ``folders``."""
    data = {
        "fingerprint": key,
        "folders": sorted(folders),
        "warnings": [_record(d) for d in warnings],
    }
    text = (json.dumps(data, indent=2) + "\n").encode()
    atomic_write(_cache_path(project), text, durable=not warm.ENABLED)


def _origin(origin: Origin | None) -> dict[str, Any] | None:
    return None if origin is None else {"path": origin.source.path, "json": list(origin.path)}


def _record(d: Diagnostic) -> dict[str, Any]:
    fixed = d.fixed_location
    return {
        "rule": d.rule,
        "message": d.message,
        "severity": d.severity.value,
        "help": d.help,
        "part": d.part,
        "origin": _origin(d.origin),
        "related": [_origin(r) for r in d.related],
        "fixed": None if fixed is None else [fixed.path, fixed.line, fixed.column],
    }


def _source(path: str, sources: dict[str, SourceFile]) -> SourceFile:
    if path not in sources:
        syntax = "yaml" if path.lower().endswith(YAML_SUFFIXES) else "json"
        text = Path(path).read_text(encoding="utf-8-sig")
        sources[path] = SourceFile(path, text, syntax)
    return sources[path]


def _diagnostic(data: dict[str, Any], sources: dict[str, SourceFile]) -> Diagnostic:
    def origin(item: dict[str, Any] | None) -> Origin | None:
        if item is None:
            return None
        return Origin(_source(str(item["path"]), sources), tuple(item["json"]))

    fixed = data.get("fixed")
    return Diagnostic(
        str(data["rule"]),
        str(data["message"]),
        origin(data.get("origin")),
        Severity(data["severity"]),
        data.get("help"),
        str(data.get("part", "value")),
        tuple(o for o in (origin(r) for r in data.get("related", [])) if o is not None),
        None if fixed is None else SourceLocation(str(fixed[0]), int(fixed[1]), int(fixed[2])),
    )


def forget(project: ProjectConfig) -> None:
    """Drop the cache: the next build runs in full."""
    _cache_path(project).unlink(missing_ok=True)


__all__ = ["CACHE_FILE", "code_digest", "fingerprint", "forget", "remember", "up_to_date"]
