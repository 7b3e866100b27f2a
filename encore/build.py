"""The build pipeline, one function per stage, read top to bottom:

1. sources: the project's tier globs become a sorted list of (file, tier)
2. load: files become data plus a `SourceFile` for locations
3. collect: one merged group tree; names, properties, ``$extends``, type inheritance
4. evaluate: typed values, references resolved, aliases kept
5. check: rules over the resolved set (tiers, deprecated use, ...)
6. format: each platform's formats render files
7. write: atomic, unchanged files untouched, a manifest per platform

Errors are collected per stage; any error stops the build before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from encore.config import PlatformConfig, ProjectConfig, schema_diagnostics
from encore.diagnostics import Diagnostic, Severity, SourceLocation, has_errors
from encore.evaluate import evaluate
from encore.formats import FORMATS
from encore.load import LoadedFile, is_token_file, load_file
from encore.model import TokenSet
from encore.rules import run_rules
from encore.suggest import did_you_mean
from encore.tree import collect
from encore.write import WriteReport, write_outputs


@dataclass(slots=True)
class BuildResult:
    """What a build or check produced."""

    tokens: TokenSet | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: dict[str, dict[str, bytes]] = field(default_factory=dict)  # folder -> files
    reports: dict[str, WriteReport] = field(default_factory=dict)

    def failed(self, strict: bool = False) -> bool:
        """True when an error (or, under ``strict``, a warning) was found."""
        if strict:
            return any(d.severity is not Severity.OFF for d in self.diagnostics)
        return has_errors(self.diagnostics)


def project_sources(project: ProjectConfig) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Every token file of every tier, sorted within a tier; a file in two tiers is an error."""
    sources: list[tuple[Path, str]] = []
    seen: dict[Path, str] = {}
    diagnostics: list[Diagnostic] = []
    for tier, globs in project.tiers.items():
        for i, pattern in enumerate(globs):
            where = project.origin.child("tiers", tier, *((i,) if len(globs) > 1 else ()))
            try:
                matches = sorted(
                    p for p in project.root.glob(pattern) if p.is_file() and is_token_file(p)
                )
            except (ValueError, IndexError, NotImplementedError) as exc:
                diagnostics.append(
                    Diagnostic(
                        "config/project",
                        f'"{pattern}" is not a usable glob: {exc or "empty pattern"}',
                        where,
                        help='write a glob relative to encore.yaml, e.g. "tokens/**/*.yaml"',
                    )
                )
                continue
            if not matches:
                diagnostics.append(
                    Diagnostic(
                        "config/empty-glob",
                        f'"{pattern}" matches no token files',
                        where,
                        severity=Severity.WARNING,
                        help="check the path, relative to encore.yaml",
                    )
                )
            for path in matches:
                if path in seen and seen[path] != tier:
                    diagnostics.append(
                        Diagnostic(
                            "config/tier-overlap",
                            f"{path} is in both the {seen[path]} and the {tier} tier",
                            where,
                            help="a file belongs to exactly one tier",
                        )
                    )
                    continue
                if path not in seen:
                    seen[path] = tier
                    sources.append((path, tier))
    return sources, diagnostics


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Files and folders given on the command line, as sorted token files."""
    files: list[Path] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_token_file(p)))
        elif path.is_file():
            files.append(path)
        else:
            diagnostics.append(
                Diagnostic(
                    "load/missing",
                    f"{path} does not exist",
                    fixed_location=SourceLocation(str(path)),
                )
            )
    return files, diagnostics


def load_sources(
    sources: Sequence[tuple[Path, str | None]],
) -> tuple[list[tuple[LoadedFile, str | None]], list[Diagnostic]]:
    """Read every source; syntax errors of all files are reported together."""
    loaded: list[tuple[LoadedFile, str | None]] = []
    diagnostics: list[Diagnostic] = []
    for path, tier in sources:
        file, problems = load_file(path)
        diagnostics += problems
        if file is not None:
            loaded.append((file, tier))
    return loaded, diagnostics


def compile_tokens(files: list[tuple[LoadedFile, str | None]]) -> tuple[TokenSet, list[Diagnostic]]:
    """Collect and evaluate: the resolved token set and every problem found on the way."""
    tree = collect(files)
    tokens, problems = evaluate(tree)
    return tokens, [*tree.diagnostics, *problems]


def render_platform(
    platform: PlatformConfig, tokens: TokenSet
) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Every file of one platform, as bytes keyed by path relative to its output folder."""
    files: dict[str, bytes] = {}
    diagnostics: list[Diagnostic] = []
    for fmt in platform.formats:
        spec = FORMATS.get(fmt.format)
        if spec is None:
            diagnostics.append(
                Diagnostic(
                    "config/unknown-format",
                    f'unknown format "{fmt.format}"',
                    fmt.origin.child("format"),
                    help=did_you_mean(fmt.format, FORMATS) or "formats: " + ", ".join(FORMATS),
                )
            )
            continue
        problems = schema_diagnostics(
            fmt.options, spec.options, fmt.origin.child("options"), "config/format-options"
        )
        if problems:
            diagnostics += problems
            continue
        if fmt.file in files:
            diagnostics.append(
                Diagnostic(
                    "config/platform", f'two formats write "{fmt.file}"', fmt.origin.child("file")
                )
            )
            continue
        text = spec.render(tokens, fmt.options, diagnostics)
        files[fmt.file] = text.encode("utf-8")
    return files, _unique(diagnostics)


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics without repeats (formats sharing a naming rule report a clash once)."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for diagnostic in diagnostics:
        where = diagnostic.origin
        place = ("", "") if where is None else (where.source.path, repr(where.path))
        key = (diagnostic.rule, diagnostic.message, *place)
        if key not in seen:
            seen.add(key)
            out.append(diagnostic)
    return out


def select_platforms(
    project: ProjectConfig, names: Sequence[str]
) -> tuple[list[PlatformConfig], list[Diagnostic]]:
    """The platforms asked for (all when none are named)."""
    if not names:
        return list(project.platforms), []
    known = {p.name: p for p in project.platforms}
    chosen, diagnostics = [], []
    for name in names:
        if name in known:
            chosen.append(known[name])
        else:
            diagnostics.append(
                Diagnostic(
                    "config/unknown-platform",
                    f'no platform named "{name}"',
                    project.origin,
                    help=did_you_mean(name, known) or "platforms: " + ", ".join(known),
                )
            )
    return chosen, diagnostics


def build(
    project: ProjectConfig,
    platforms: Sequence[str] = (),
    *,
    write: bool = True,
    strict: bool = False,
) -> BuildResult:
    """Run the whole pipeline for a project; writes only when nothing failed."""
    result = BuildResult()
    sources, problems = project_sources(project)
    result.diagnostics += problems
    chosen, problems = select_platforms(project, platforms)
    result.diagnostics += problems
    loaded, problems = load_sources(sources)
    result.diagnostics += problems
    tokens, problems = compile_tokens(loaded)
    result.diagnostics += problems
    result.tokens = tokens
    if result.failed():
        return result
    result.diagnostics += run_rules(tokens, project.rules)
    for platform in chosen:
        files, problems = render_platform(platform, tokens)
        result.diagnostics += problems
        result.outputs[platform.output] = files
    if result.failed(strict) or not write:
        return result
    for folder, files in result.outputs.items():
        result.reports[folder] = write_outputs(project.output / folder, files)
    return result


def check_files(paths: Sequence[Path]) -> BuildResult:
    """Validate bare token files or folders, without a project: no tiers, nothing written."""
    result = BuildResult()
    files, problems = expand_paths(paths)
    result.diagnostics += problems
    if not files and not problems:
        result.diagnostics.append(
            Diagnostic(
                "load/missing", "no token files found", fixed_location=SourceLocation(str(paths[0]))
            )
        )
    loaded, problems = load_sources([(f, None) for f in files])
    result.diagnostics += problems
    tokens, problems = compile_tokens(loaded)
    result.diagnostics += problems
    result.tokens = tokens
    if not result.failed():
        result.diagnostics += run_rules(tokens, {})
    return result


def token_summary(tokens: TokenSet) -> dict[str, int]:
    """Token counts per tier, for the command line's summary."""
    counts: dict[str, int] = {}
    for token in tokens:
        counts[token.tier or "untiered"] = counts.get(token.tier or "untiered", 0) + 1
    return counts
