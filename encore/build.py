"""The build pipeline, one function per stage, read top to bottom:

1. sources: the project's tier globs become a sorted list of (file, tier)
2. load: files become data plus a `SourceFile` for locations
3. collect: one merged group tree; names, properties, ``$extends``, type inheritance
4. evaluate: typed values, references resolved, aliases kept
   (with a resolver: every permutation of its modifiers, `encore.theme_build`)
5. check: rules over each resolved set (tiers, deprecated use, ...), contrast over all
6. format: each platform's formats render files
7. write: atomic, unchanged files untouched, a manifest per platform

Errors are collected per stage; any error stops the build before anything is written.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from encore import paths, warm
from encore.config import TIER_ORDER, PlatformConfig, ProjectConfig
from encore.diagnostics import Diagnostic, Severity, SourceLocation, has_errors
from encore.evaluate import evaluate
from encore.load import LoadedFile, is_component_file, is_resolver_file, is_token_file, load_file
from encore.model import TokenSet
from encore.paths import real
from encore.render import render_platforms
from encore.resolver import Resolver, load_resolver, referenced_files
from encore.rules import contrast, run_rules, severity_of
from encore.rules.incremental import run_rules_warm
from encore.suggest import did_you_mean
from encore.theme_build import project_tiers, themes_of, unique
from encore.themes import Themes, single
from encore.tree import collect
from encore.write import WriteReport, write_folders

if TYPE_CHECKING:  # the component modules load only for projects that have specs
    from encore.components import ComponentSpec


@dataclass(slots=True)
class BuildResult:
    """What a build or check produced."""

    tokens: TokenSet | None = None
    themes: Themes | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: dict[str, dict[str, bytes]] = field(default_factory=dict)  # folder -> files
    reports: dict[str, WriteReport] = field(default_factory=dict)
    timings: list[tuple[str, float]] = field(default_factory=list)  # (stage, seconds)

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
        file, problems = load_file(path, shared=True)
        diagnostics += problems
        if file is not None:
            loaded.append((file, tier))
    return loaded, diagnostics


def compile_tokens(
    files: list[tuple[LoadedFile, str | None]], *, override: bool = False
) -> tuple[TokenSet, list[Diagnostic]]:
    """Collect and evaluate: the resolved token set and every problem found on the way.

    With ``override`` a token defined again replaces the earlier one (resolver merging).
    """
    tree = collect(files, override=override)
    tokens, problems = evaluate(tree)
    return tokens, [*tree.diagnostics, *problems]


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
    inputs: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Run the whole pipeline for a project; writes only when nothing failed.

    With a resolver (``themes:`` in encore.yaml) every permutation is compiled and each
    format writes its themes natively; ``inputs`` (modifier → context) builds one.
    ``progress`` hears each stage's name as it starts; ``timings`` records how long each took.
    """
    with paths.one_build():
        return _build(project, platforms, strict, inputs, progress, write)


def _build(
    project: ProjectConfig,
    platforms: Sequence[str],
    strict: bool,
    inputs: Mapping[str, str] | None,
    progress: Progress | None,
    write: bool,
) -> BuildResult:
    result = BuildResult()
    with _stage(result, "read and resolve tokens", progress):
        sources, problems = project_sources(project)
        result.diagnostics += problems
        chosen, problems = select_platforms(project, platforms)
        result.diagnostics += problems
        themes, problems = compile_project(project, sources, inputs)
        result.diagnostics += problems
    if themes is None or result.failed():
        return result
    result.tokens = themes.default
    result.themes = themes
    with _stage(result, "check rules and contrast", progress):
        result.diagnostics += unique(
            [d for tokens in themes.sets.values() for d in run_rules_warm(tokens, project.rules)]
        )
        contrast_severity = severity_of(contrast.RULE_ID, project.rules)
        if contrast_severity is not Severity.OFF:
            result.diagnostics += [
                d.with_severity(contrast_severity) if d.rule == contrast.RULE_ID else d
                for d in contrast.check(themes, project.contrast)
            ]
    with _stage(result, "check components", progress):
        specs, problems = check_components(project, themes)
        result.diagnostics += problems
    with _stage(result, "render formats", progress):
        rendered = render_platforms(chosen, themes)
    for platform, (files, problems) in zip(chosen, rendered, strict=True):
        result.diagnostics += unique(problems)
        if platform.components is not None and not has_errors(result.diagnostics):
            with _stage(result, f"generate {platform.name} components", progress):
                more, problems = generate_components(platform, specs, themes)
            result.diagnostics += problems
            files.update(more)
        result.outputs[platform.output] = files
    if result.failed(strict) or not write:
        return result
    with _stage(result, "write files", progress):
        folders = list(result.outputs.items())
        reports = write_folders([(project.output / folder, files) for folder, files in folders])
        result.reports.update(zip((folder for folder, _ in folders), reports, strict=True))
    return result


Progress = Callable[[str], None]


@contextmanager
def _stage(result: BuildResult, name: str, progress: Progress | None) -> Iterator[None]:
    """Time one stage of a build into ``result.timings``, announcing it first."""
    if progress is not None:
        progress(name)
    started = time.perf_counter()
    try:
        yield
    finally:
        result.timings.append((name, time.perf_counter() - started))


def unused_sources(
    project: ProjectConfig, resolver: Resolver, sources: list[tuple[Path, str]]
) -> list[Diagnostic]:
    """Warnings for tier files the resolver never uses, and resolver files in no tier."""
    assert project.themes is not None
    used = {real(path) for path in referenced_files(resolver)}
    tiered = {real(path): path for path, _ in sources}
    found = []
    for path in sorted(set(tiered) - used):
        found.append(
            Diagnostic(
                "config/themes",
                f"{tiered[path]} matches a tier glob but {resolver.path.name} never uses it, "
                "so its tokens are not built",
                project.themes.origin.child("resolver"),
                severity=Severity.WARNING,
                help=f"add it to a set or context in {resolver.path.name}, or move it",
            )
        )
    for path in sorted(used - set(tiered)):
        found.append(
            Diagnostic(
                "config/themes",
                f"{path} is used by {resolver.path.name} but matches no tier glob, "
                "so the tier rules do not check it",
                project.themes.origin.child("resolver"),
                severity=Severity.WARNING,
                help="add it to a tier in encore.yaml",
            )
        )
    return found


def check_components(
    project: ProjectConfig, themes: Themes
) -> tuple[list[ComponentSpec], list[Diagnostic]]:
    """Load and validate the project's component specs against every theme permutation.

    A local system's spec (under ``local_systems/``) cannot fail the foundation's build:
    its errors are reported as warnings and it is left out of the generated code, and
    ``encore promote check`` shows them as failed gates."""
    folders = [p for pattern in project.components for p in sorted(project.root.glob(pattern))]
    if not folders:
        return [], []
    from encore.components import find_specs, load_specs, validate

    local = (project.root / LOCAL_SYSTEMS).resolve()
    files = find_specs(folders)
    specs, problems = load_specs(files)
    problems = _demote_local(problems, local)
    if has_errors(problems):
        return [], problems
    problems += _demote_local(validate(specs, themes, project.contrast.thresholds), local)
    failing = {  # the local specs a demoted finding involves (never a foundation one)
        str(Path(where.path).resolve())
        for d in problems
        if d.rule.startswith("component/") and d.help and d.help.endswith(LOCAL_NOTE)
        for where in (d.location, *(r.location("key") for r in d.related))
        if where is not None and Path(where.path).resolve().is_relative_to(local)
    }
    kept = [s for s in specs if str(Path(s.origin.source.path).resolve()) not in failing]
    return kept, problems


LOCAL_SYSTEMS = "local_systems"
LOCAL_NOTE = "(a local system's spec: left out of the build until fixed)"


def _demote_local(problems: list[Diagnostic], local: Path) -> list[Diagnostic]:
    """Errors located in a local system's spec, as warnings saying so."""
    out = []
    for d in problems:
        places = [d.location, *(r.location("key") for r in d.related)]
        if d.severity is Severity.ERROR and any(
            where is not None and Path(where.path).resolve().is_relative_to(local)
            for where in places
        ):
            d = dataclasses.replace(
                d, severity=Severity.WARNING, help=f"{d.help or 'fix the spec'} {LOCAL_NOTE}"
            )
        out.append(d)
    return out


def generate_components(
    platform: PlatformConfig, specs: list[ComponentSpec], themes: Themes
) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """The platform's component code, under its components folder."""
    from encore.components.generators import GENERATORS  # only builds that generate need it

    config = platform.components
    assert config is not None
    generator = GENERATORS.get(config.generator)
    if generator is None:
        return {}, [
            Diagnostic(
                "config/unknown-generator",
                f'unknown component generator "{config.generator}"',
                config.origin.child("generator"),
                help=did_you_mean(config.generator, GENERATORS)
                or "generators: " + ", ".join(GENERATORS),
            )
        ]
    files = {
        f"{config.folder}/{name}": text
        for name, text in generator(specs, themes, config.options).items()
    }
    if config.gallery is not None:
        from encore.components.gallery import generate_gallery

        pages = generate_gallery(specs, themes, config.options)
        files.update((f"{config.gallery}/{name}", text) for name, text in pages.items())
    return {name: text.encode("utf-8") for name, text in files.items()}, []


def compile_project(
    project: ProjectConfig,
    sources: list[tuple[Path, str]],
    inputs: Mapping[str, str] | None,
) -> tuple[Themes | None, list[Diagnostic]]:
    """The project's themes: every resolver permutation, or the tier files as one set."""
    if project.themes is not None:
        resolver, found = load_resolver(project.themes.resolver)
        if resolver is None:
            return None, found
        themes, more = themes_of(resolver, project.themes, project_tiers(sources), inputs)
        return themes, found + more + unused_sources(project, resolver, sources)
    problems: list[Diagnostic] = []
    if inputs:
        problems.append(
            Diagnostic(
                "config/themes",
                "theme inputs were given, but encore.yaml names no resolver",
                project.origin,
                help="add themes: {resolver: tokens/NAME.resolver.yaml} to encore.yaml",
            )
        )
    loaded, more = load_sources(sources)
    if has_errors(more):  # syntax errors alone, not the unresolved references they cause
        return None, [*problems, *more]
    tokens, most = compile_tokens(loaded)
    return single(tokens), [*problems, *more, *most]


def check_files(paths: Sequence[Path]) -> BuildResult:
    """Validate bare token files or folders, or resolver documents and every permutation
    they define, without a project: no tiers, nothing written. A folder's resolver
    documents are checked with it, and the files they use are checked through them."""
    result = BuildResult()
    resolvers = [p for p in paths if p.is_file() and is_resolver_file(p)]
    for folder in (p for p in paths if p.is_dir()):  # a folder's resolver documents too
        resolvers += sorted(p for p in folder.rglob("*") if p.is_file() and is_resolver_file(p))
    resolvers = list({real(p): p for p in resolvers}.values())
    covered: set[Path] = set()
    for path in resolvers:
        resolver, problems = load_resolver(path)
        result.diagnostics += problems
        if resolver is None:
            continue
        covered |= {real(f) for f in referenced_files(resolver)}
        themes, problems = themes_of(resolver, None, {})
        result.diagnostics += problems
        if themes is not None:
            result.themes = themes
            result.tokens = themes.default
            result.diagnostics += unique(
                [d for tokens in themes.sets.values() for d in run_rules(tokens, {})]
            )
    component_files = [p for p in paths if p.is_file() and is_component_file(p)]
    if component_files:  # bare specs: their schema and structure; bindings need a project
        from encore.components import load_specs

        _, problems = load_specs(component_files)
        result.diagnostics += problems
    paths = [
        p for p in paths if not (p.is_file() and (is_resolver_file(p) or is_component_file(p)))
    ]
    if not paths:
        return result
    files, problems = expand_paths(paths)
    files = [f for f in files if real(f) not in covered]  # checked through the resolver
    result.diagnostics += problems
    if not files and not problems:
        if resolvers:
            return result
        result.diagnostics.append(
            Diagnostic(
                "load/missing", "no token files found", fixed_location=SourceLocation(str(paths[0]))
            )
        )
    loaded, problems = load_sources([(f, None) for f in files])
    result.diagnostics += problems
    tokens, problems = compile_tokens(loaded)
    result.diagnostics += problems
    result.tokens = tokens if result.tokens is None else result.tokens
    if not result.failed():
        result.diagnostics += run_rules(tokens, {})
    return result


def reset_caches() -> None:
    """Forget what earlier builds in this process left for later ones to reuse (parsed
    files, token trees, evaluations, name tables): the next build starts from nothing."""

    warm.reset()


def token_summary(tokens: TokenSet) -> dict[str, int]:
    """Token counts per tier, for the command line's summary."""
    tiers = Counter(map(attrgetter("tier"), tokens))  # at C speed: it runs on every save
    counts: dict[str, int] = {}
    for tier, count in tiers.items():
        counts[tier or "untiered"] = counts.get(tier or "untiered", 0) + count
    order = {tier: i for i, tier in enumerate(TIER_ORDER)}
    return dict(sorted(counts.items(), key=lambda item: order.get(item[0], len(order))))
