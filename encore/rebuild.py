"""One build as ``encore build`` and ``encore watch`` run it: the cache check, the build,
and the one-line summary of what happened."""

from __future__ import annotations

import gc
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from encore import cache, paths
from encore.build import BuildResult, Progress, build, project_sources, token_summary
from encore.config import ProjectConfig


@dataclass(frozen=True, slots=True)
class Run:
    """A finished build: its result, whether the cache answered, and the summary line."""

    result: BuildResult
    cached: bool
    summary: str
    seconds: float


def _shown(path: Path) -> str:
    cwd = Path.cwd()
    return str(path.relative_to(cwd) if path.is_relative_to(cwd) else path)


def run_build(
    project: ProjectConfig,
    platforms: Sequence[str] = (),
    *,
    inputs: Mapping[str, str] | None = None,
    strict: bool = False,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> Run:
    """Build (or find the outputs up to date) and describe the outcome.

    The cyclic garbage collector is paused meanwhile: a build makes millions of objects
    and frees them at the end, and the collector's passes over a growing heap made large
    builds slower than linear (a third of the time at 100,000 tokens)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        with paths.one_build():  # paths are resolved once per build
            return _run_build(project, platforms, inputs, strict, use_cache, progress)
    finally:
        if collecting:
            gc.enable()


def _run_build(
    project: ProjectConfig,
    platforms: Sequence[str],
    inputs: Mapping[str, str] | None,
    strict: bool,
    use_cache: bool,
    progress: Progress | None,
) -> Run:
    started = time.perf_counter()
    folders = [p.output for p in project.platforms if not platforms or p.name in platforms]
    key = None
    choices = {"platforms": sorted(platforms), "inputs": dict(inputs or {}), "strict": strict}
    checked = 0.0
    if use_cache:
        if progress is not None:
            progress("check the build cache")
        sources, _ = project_sources(project)
        key = cache.fingerprint(project, [path for path, _ in sources], choices)
        found = cache.up_to_date(project, key, folders)
        checked = time.perf_counter() - started
        if found is not None:
            count, warnings = found
            seconds = time.perf_counter() - started
            summary = (
                f"encore: up to date: nothing changed since the last build "
                f"({count} file{'s' * (count != 1)}) in {seconds:.2f} s"
            )
            timings = [("check the build cache", checked)]
            return Run(BuildResult(diagnostics=warnings, timings=timings), True, summary, seconds)
    cache.forget(project)  # outputs are about to change: no fingerprint vouches for them
    result = build(project, platforms, strict=strict, inputs=inputs, progress=progress)
    if use_cache:
        result.timings.insert(0, ("check the build cache", checked))
    if key is not None and result.reports and not result.failed(strict):
        sources, _ = project_sources(project)
        again = cache.fingerprint(project, [path for path, _ in sources], choices)
        if again == key:  # an input saved during the build is left for the next one
            cache.remember(project, key, list(result.reports), result.diagnostics)
    seconds = time.perf_counter() - started
    return Run(result, False, _summary(project, result, seconds), seconds)


def _summary(project: ProjectConfig, result: BuildResult, seconds: float) -> str:
    written = sum(len(r.written) for r in result.reports.values())
    files = sum(len(f) for f in result.outputs.values())
    tokens = len(result.tokens) if result.tokens is not None else 0
    tiers = (
        ", ".join(f"{n} {t}" for t, n in token_summary(result.tokens).items())
        if result.tokens is not None
        else ""
    )
    themes = result.themes
    if themes is not None and themes.axes:
        tiers += f"; {len(themes.sets)} theme permutations"
    changed = [
        _shown(project.output / folder / name)
        for folder, report in result.reports.items()
        for name in report.written
    ]
    listed = f": {', '.join(changed)}" if changed else ""
    return (
        f"encore: built {tokens} tokens ({tiers}) into {files} file"
        f"{'s' * (files != 1)} ({written} changed) in {seconds:.2f} s{listed}"
    )


__all__ = ["Run", "run_build"]
