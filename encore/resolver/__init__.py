"""The DTCG Resolver Module 2025.10: sets, modifiers and a resolution order.

A resolver document (``*.resolver.json`` or ``*.resolver.yaml``) names token sources
(files, parts of files, inline token documents), groups them into sets and into the
contexts of modifiers, and orders them. Inputs choose one context per modifier; the
chosen sources merge in order, later definitions replacing earlier ones.

    resolver, problems = load_resolver(path)       # schema + runtime rules, located
    for inputs in permutations(resolver):          # defaults first
        files, problems = sources_for(resolver, inputs)
        tree = collect([(f, tier) for f in files], override=True)

Modules: `model` (the frozen data), `schema` (JSON Schema errors with fixes),
`refs` (``$ref`` parsing), `document` (references, sets, modifiers, runtime rules),
`inputs` (validation, permutations), `sources` (loading, cached per resolver).
"""

from __future__ import annotations

from pathlib import Path

from encore import warm
from encore.diagnostics import Diagnostic, Origin, Severity, has_errors
from encore.load import load_file
from encore.paths import real
from encore.resolver.document import Builder
from encore.resolver.inputs import check_inputs, permutations
from encore.resolver.model import Modifier, Resolver, ResolverSet, Source
from encore.resolver.schema import schema_problems
from encore.resolver.sources import load_source, referenced_files, sources_for

__all__ = [
    "Modifier",
    "Resolver",
    "ResolverSet",
    "Source",
    "check_inputs",
    "load_resolver",
    "load_source",
    "permutations",
    "referenced_files",
    "sources_for",
]


# A warm process's last resolver document per path, by its text (a build reads it twice)
_LOADED: dict[str, tuple[str, Resolver | None, tuple[Diagnostic, ...]]] = warm.cache({})


def load_resolver(path: Path) -> tuple[Resolver | None, list[Diagnostic]]:
    """Parse and validate (JSON Schema with located errors + the runtime rules); ``None``
    on errors. Duplicate keys are warnings here: the DTCG suite accepts them."""
    if not warm.ENABLED:
        return _load_resolver(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return _load_resolver(path)
    held = _LOADED.get(str(real(path)))
    # kept only while what building it checked on disk still holds: every file it names
    if (
        held is not None
        and held[0] == text
        and held[1] is not None
        and all(ref.is_file() for ref in referenced_files(held[1]))
    ):
        held[1].cache.clear()  # the sources it loaded are the last build's
        return held[1], list(held[2])
    resolver, problems = _load_resolver(path)
    if resolver is not None and not has_errors(problems):  # a broken one is built again
        _LOADED[str(real(path))] = (text, resolver, tuple(problems))
    else:
        _LOADED.pop(str(real(path)), None)
    return resolver, problems


def _load_resolver(path: Path) -> tuple[Resolver | None, list[Diagnostic]]:
    loaded, problems = load_file(path)
    diagnostics = [
        d.with_severity(Severity.WARNING) if d.rule == "syntax/duplicate-key" else d
        for d in problems
    ]
    if loaded is None:
        return None, diagnostics
    origin = Origin(loaded.source, ())
    if loaded.data is None:
        diagnostics.append(
            Diagnostic(
                "resolver/schema",
                "the resolver document is empty",
                origin,
                help='start from {"version": "2025.10", "resolutionOrder": [...]}',
            )
        )
        return None, diagnostics
    diagnostics += schema_problems(loaded.data, origin)
    if not isinstance(loaded.data, dict):
        return None, diagnostics
    builder = Builder(path, loaded.source, loaded.data)
    resolver = builder.build()
    diagnostics += builder.diagnostics
    diagnostics.sort(key=_position)
    return (None if has_errors(diagnostics) else resolver), diagnostics


def _position(diagnostic: Diagnostic) -> tuple[int, int]:
    """Line and column, to report a document's problems top to bottom."""
    location = diagnostic.location
    return (location.line, location.column) if location is not None else (0, 0)
