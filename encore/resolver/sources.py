"""The token documents of one permutation, loaded once per `Resolver` and run.

File sources are parsed with `encore.load.load_file` the first time any permutation
needs them and kept in the resolver's cache, with the part a ``#/pointer`` selects and
the keys that ``$ref`` siblings override removed. Inline sources become `LoadedFile`s
over the resolver document itself, with ``base`` their JSON path there, so token errors
point into the resolver document.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from encore.diagnostics import Diagnostic, has_errors
from encore.load import LoadedFile, load_file
from encore.resolver.inputs import check_inputs
from encore.resolver.model import Modifier, Resolver, Source
from encore.resolver.refs import missing_help, walk
from encore.values.context import describe


def sources_for(
    resolver: Resolver, inputs: Mapping[str, str]
) -> tuple[list[LoadedFile], list[Diagnostic]]:
    """The token documents of one permutation, in merge order (later overrides earlier)."""
    chosen, diagnostics = check_inputs(resolver, inputs)
    if has_errors(diagnostics):
        return [], diagnostics
    files: list[LoadedFile] = []
    for entry in resolver.order:
        sources = (
            entry.sources(chosen[entry.name]) if isinstance(entry, Modifier) else entry.sources
        )
        for source in sources:
            loaded, problems = load_source(resolver, source)
            diagnostics += problems
            if loaded is not None:
                files.append(loaded)
    return files, diagnostics


def referenced_files(resolver: Resolver) -> list[Path]:
    """Every token file the document references (for tier assignment and for watch)."""
    return list(resolver.files)


def load_source(resolver: Resolver, source: Source) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """One source as a `LoadedFile`; files are read once and cached on the resolver."""
    if source.file is None:
        return LoadedFile(resolver.source, _without(source.data, source.exclude), source.base), []
    key = (source.file, source.pointer, source.exclude)
    if key not in resolver.cache:
        whole_key = (source.file, (), frozenset[str]())
        if whole_key not in resolver.cache:
            loaded, problems = load_file(source.file, shared=True)
            resolver.cache[whole_key] = loaded, tuple(problems)
        whole, read = resolver.cache[whole_key]
        if whole is not None and key != whole_key:
            part, more = _part(whole, source)
            resolver.cache[key] = part, (*read, *more)
        else:
            resolver.cache[key] = whole, read
    loaded, found = resolver.cache[key]
    return loaded, list(found)


def _part(whole: LoadedFile, source: Source) -> tuple[LoadedFile | None, list[Diagnostic]]:
    """The part of a file a pointer selects, without the keys siblings override."""
    path, node, missing = walk(whole.data, source.pointer)
    if missing is not None:
        here = "#/" + "/".join(map(str, path)) if path else "its top level"
        what = "" if isinstance(node, dict | list) else f", which is {describe(node)}"
        return None, [
            Diagnostic(
                "resolver/ref",
                f'"{source.ref}" does not exist: {source.file} has no "{missing}" at {here}{what}',
                source.origin.child("$ref"),
                help=missing_help(node, missing)
                or "point at a group of that file, as in tokens.json#/color",
            )
        ]
    return LoadedFile(whole.source, _without(node, source.exclude), (*whole.base, *path)), []


def _without(data: Any, keys: frozenset[str]) -> Any:
    if not keys or not isinstance(data, dict):
        return data
    return {k: v for k, v in data.items() if k not in keys}
