"""The format stage: every platform's formats rendered into files, on every core.

Formats are independent of each other, so on a machine with several cores and a large
enough token set they render in forked worker processes (the resolved themes are shared
copy-on-write, only the output bytes travel back). The result is assembled in the order
of the configuration, so it is byte for byte the same however many workers ran.
``ENCORE_JOBS=1`` renders in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from encore import warm
from encore.config import FormatConfig, PlatformConfig, schema_diagnostics
from encore.diagnostics import Diagnostic, has_errors
from encore.formats import FORMAT_REGISTRY
from encore.suggest import did_you_mean
from encore.themes import Themes
from encore.transforms import apply_transforms, check_transforms

PARALLEL_FROM = 2000  # tokens; below this a worker costs more than it saves
# Rough relative cost per format, to hand out the slow ones first.
_COST = {"swift": 5, "android-xml": 4, "scss": 2, "es-module": 2, "typescript-declarations": 2}
# Formats that share work (export names) render in the same worker.
_TOGETHER = {"es-module": "js", "typescript-declarations": "js"}


@dataclass(frozen=True, slots=True)
class Job:
    """One format of one platform."""

    platform: int
    format: FormatConfig


_JOBS: tuple[Sequence[Themes], Sequence[Job]] | None = None  # read by forked workers


def _render(unit: Sequence[int]) -> list[tuple[dict[str, bytes], list[Diagnostic]]]:
    assert _JOBS is not None
    themes, jobs = _JOBS
    return [_render_one(themes[jobs[index].platform], jobs[index].format) for index in unit]


def _units(jobs: Sequence[Job]) -> list[list[int]]:
    """Jobs grouped so formats sharing work stay together, costliest group first."""
    groups: dict[tuple[int, str], list[int]] = {}
    for index, job in enumerate(jobs):
        name = job.format.format
        groups.setdefault((job.platform, _TOGETHER.get(name, f"{name}#{index}")), []).append(index)
    cost = {id(g): sum(_COST.get(jobs[i].format.format, 1) for i in g) for g in groups.values()}
    return sorted(groups.values(), key=lambda g: -cost[id(g)])


def _render_one(themes: Themes, fmt: FormatConfig) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """One format's files, already encoded (so the text is never held twice)."""
    diagnostics: list[Diagnostic] = []
    spec = FORMAT_REGISTRY.get(fmt.format)
    assert spec is not None, "check_formats lets only known formats through"
    files = spec.render_all(themes, fmt.options, diagnostics, fmt.file)
    return {path: text.encode("utf-8") for path, text in files.items()}, diagnostics


def workers(jobs: int, tokens: int) -> int:
    """How many processes to render with: ``ENCORE_JOBS``, else one per core when the
    token set is large and ``fork`` is available."""
    wanted = os.environ.get("ENCORE_JOBS", "")
    if warm.ENABLED:
        return 1  # formats keep work between builds in this process (encore.memo)
    if wanted.isdigit() and int(wanted) > 0:
        count = int(wanted)
    elif tokens < PARALLEL_FROM:
        return 1
    else:
        count = os.cpu_count() or 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(count, jobs))


_VALID_OPTIONS: dict[tuple[str, str, int], bool] = warm.cache({})  # validated clean before


def _option_problems(fmt: FormatConfig, schema: dict[str, Any]) -> list[Diagnostic]:
    """The format's options checked against its schema (in a warm process, options that
    passed the same schema before are not checked again)."""
    key = (fmt.format, repr(fmt.options), id(schema)) if warm.ENABLED else None
    if key is not None and key in _VALID_OPTIONS:
        return []
    problems = schema_diagnostics(
        fmt.options, schema, fmt.origin.child("options"), "config/format-options"
    )
    if key is not None and not problems:
        _VALID_OPTIONS[key] = True
    return problems


def check_formats(platform: PlatformConfig) -> tuple[list[FormatConfig], list[Diagnostic]]:
    """The platform's formats that can render: known, with valid options, own file."""
    diagnostics: list[Diagnostic] = []
    ready: list[FormatConfig] = []
    files: set[str] = set()
    for fmt in platform.formats:
        spec = FORMAT_REGISTRY.get(fmt.format)
        if spec is None:
            known = FORMAT_REGISTRY.names()
            diagnostics.append(
                Diagnostic(
                    "config/unknown-format",
                    FORMAT_REGISTRY.problem(fmt.format) or f'unknown format "{fmt.format}"',
                    fmt.origin.child("format"),
                    help=did_you_mean(fmt.format, known) or "formats: " + ", ".join(known),
                )
            )
            continue
        problems = _option_problems(fmt, spec.options)
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
        files.add(fmt.file)
        ready.append(fmt)
    return ready, diagnostics


def render_platforms(
    platforms: Sequence[PlatformConfig], themes: Themes
) -> list[tuple[dict[str, bytes], list[Diagnostic]]]:
    """Per platform: its files as bytes (relative to its output folder) and problems.
    Each platform's transforms apply to its own copy of the themes first."""
    global _JOBS
    results: list[tuple[dict[str, bytes], list[Diagnostic]]] = []
    jobs: list[Job] = []
    chosen: list[Themes] = []
    for index, platform in enumerate(platforms):
        ready, problems = check_formats(platform)
        problems += check_transforms(platform.transforms)
        transformed, more = apply_transforms(themes, platform.transforms)
        problems += more
        chosen.append(transformed)
        results.append(({}, problems))
        if not has_errors(problems):
            jobs += [Job(index, fmt) for fmt in ready]
    count = workers(len(jobs), len(themes.default))
    if count > 1:
        units = _units(jobs)
        _JOBS = (chosen, jobs)
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
                done = {
                    index: result
                    for unit, results in zip(units, pool.map(_render, units), strict=True)
                    for index, result in zip(unit, results, strict=True)
                }
        finally:
            _JOBS = None
        rendered = [done[i] for i in range(len(jobs))]
    else:
        rendered = [_render_one(chosen[job.platform], job.format) for job in jobs]
    for job, (encoded, problems) in zip(jobs, rendered, strict=True):
        files, diagnostics = results[job.platform]
        diagnostics += problems
        for path, data in encoded.items():
            if path in files:
                diagnostics.append(
                    Diagnostic(
                        "config/platform",
                        f'two formats write "{path}"',
                        job.format.origin.child("file"),
                    )
                )
            files[path] = data
    return results


__all__ = ["PARALLEL_FROM", "check_formats", "render_platforms", "workers"]
