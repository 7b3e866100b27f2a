"""From a schema-checked resolver document to a `Resolver`: references, sets, modifiers.

Here live the rules JSON Schema cannot express: where a ``$ref`` may point (sets and
modifiers never reference a modifier; nothing references ``resolutionOrder``), cycles
between sets or pointers, unique names in ``resolutionOrder``, ``default`` naming one
of the contexts, and referenced files existing. References to sets are flattened into
the referencing list ("equivalent to the sources being inlined"); siblings of a
``$ref`` override the referenced content shallowly (spec: "Extending with $ref"). The
builder tolerates any shape, since the schema already reported those problems, and
collects every error.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from encore.diagnostics import Diagnostic, Origin
from encore.load import is_resolver_file
from encore.resolver.model import Modifier, Resolver, ResolverSet, Source
from encore.resolver.refs import Reference, missing_help, parse_reference, walk
from encore.sourcemap import JsonPath, SourceFile
from encore.suggest import did_you_mean
from encore.values.context import describe

SET_OVERRIDES = ("description", "sources", "$extensions")
MODIFIER_OVERRIDES = ("description", "contexts", "default", "$extensions")
KINDS = ("sets", "modifiers")


def _names(kind: str, names: list[str]) -> str:
    return f"{kind}: " + ", ".join(names) if names else f"this document defines no {kind} yet"


class Builder:
    """Builds one `Resolver`; ``diagnostics`` holds what went wrong."""

    def __init__(self, path: Path, source: SourceFile, data: dict[str, Any]) -> None:
        self.path, self.source, self.data = path, source, data
        self.root = Origin(source, ())
        self.diagnostics: list[Diagnostic] = []
        self.sets: dict[str, tuple[Source, ...]] = {}  # named sets, flattened once
        self.modifiers: dict[str, Modifier | None] = {}
        self.active: list[tuple[str, Origin | None]] = []  # sets being flattened, entered at
        self.pointers: list[JsonPath] = []  # in-document targets being followed
        self.files: list[Path] = []

    def error(
        self,
        rule: str,
        message: str,
        origin: Origin,
        help: str,
        part: str = "value",
        related: tuple[Origin, ...] = (),
    ) -> None:
        self.diagnostics.append(
            Diagnostic(rule, message, origin, help=help, part=part, related=related)
        )

    def definitions(self, kind: str) -> dict[str, Any]:
        found = self.data.get(kind)
        return found if isinstance(found, dict) else {}

    # -- the document ------------------------------------------------------------------
    def build(self) -> Resolver:
        for name in self.definitions("sets"):
            self.named_set(name, None)
        for name, node in self.definitions("modifiers").items():
            self.named_modifier(name, node)
        order = self.order()
        text = {k: v if isinstance(v, str) else None for k, v in self.data.items()}
        return Resolver(
            path=self.path,
            source=self.source,
            modifiers=tuple(e for e in order if isinstance(e, Modifier)),
            order=tuple(order),
            files=tuple(dict.fromkeys(self.files)),
            name=text.get("name"),
            description=text.get("description"),
        )

    def order(self) -> list[ResolverSet | Modifier]:
        items = self.data.get("resolutionOrder")
        entries: list[ResolverSet | Modifier] = []
        seen: dict[str, Origin] = {}
        for i, item in enumerate(items if isinstance(items, list) else []):
            where = self.root.child("resolutionOrder", i)
            if not isinstance(item, dict):
                continue
            if "$ref" in item:
                entry, name_at = self.order_reference(item, where), where.child("$ref")
            else:
                entry, name_at = self.inline(item, where), where.child("name")
            if entry is None:
                continue
            if entry.name in seen:
                self.error(
                    "resolver/duplicate-name",
                    f'"{entry.name}" appears twice in resolutionOrder',
                    name_at,
                    "names in resolutionOrder must be unique: rename one, or drop the repeat",
                    related=(seen[entry.name],),
                )
                continue
            seen[entry.name] = name_at
            entries.append(entry)
        return entries

    def inline(self, item: dict[str, Any], where: Origin) -> ResolverSet | Modifier | None:
        name, kind = item.get("name"), item.get("type")
        if not isinstance(name, str) or not name:
            return None
        if kind == "set":
            sources = self.sources(item.get("sources"), where.child("sources"), "set")
            return ResolverSet(name, sources, _text(item, "description"), where)
        if kind == "modifier":
            return self.modifier(name, item, where)
        return None

    def order_reference(self, item: dict[str, Any], where: Origin) -> ResolverSet | Modifier | None:
        at = where.child("$ref")
        ref = self.reference(item["$ref"], at)
        if ref is None:
            return None
        if ref.file is not None or len(ref.segments) != 2 or ref.segments[0] not in KINDS:
            self.error(
                "resolver/ref",
                f'resolutionOrder references "{ref.text}": it may only reference the sets '
                "and modifiers of this document",
                at,
                'write {"$ref": "#/sets/NAME"} or {"$ref": "#/modifiers/NAME"}; list token '
                'files in a set\'s "sources"',
            )
            return None
        kind, name = ref.segments
        if not self.exists(kind, name, ref, at):
            return None
        siblings = {k: v for k, v in item.items() if k != "$ref"}
        allowed = SET_OVERRIDES if kind == "sets" else MODIFIER_OVERRIDES
        for key in siblings:
            if key not in allowed:
                self.error(
                    "resolver/ref",
                    f'"{key}" does not apply to a {kind[:-1]}, so it cannot override one',
                    where.child(key),
                    "a reference to a set may override "
                    + ", ".join(SET_OVERRIDES)
                    + "; to a modifier "
                    + ", ".join(MODIFIER_OVERRIDES),
                    part="key",
                )
        definition = self.root.child(kind, name)
        if kind == "modifiers":
            return self.overridden_modifier(name, siblings, where)
        if "sources" in siblings:
            sources = self.sources(siblings["sources"], where.child("sources"), "set")
        else:
            sources = self.named_set(name, at)
        own = _text(self.definitions(kind)[name], "description")
        description = _text(siblings, "description") or own
        return ResolverSet(name, sources, description, definition)

    # -- sets and modifiers ------------------------------------------------------------
    def named_set(self, name: str, at: Origin | None) -> tuple[Source, ...]:
        """A set of the ``sets`` object, flattened once; ``at`` is the referencing $ref."""
        if name in self.sets:
            return self.sets[name]
        names = [active for active, _ in self.active]
        if name in names and at is not None:
            loop = self.active[names.index(name) :]
            self.error(
                "resolver/cycle",
                "sets reference each other in a cycle: "
                + " → ".join([*(n for n, _ in loop), name]),
                at,
                "remove one of these references: a set may include other sets, but never itself",
                related=tuple(where for _, where in loop if where is not None),
            )
            return ()
        self.active.append((name, at))
        node = self.definitions("sets")[name]
        where = self.root.child("sets", name, "sources")
        sources = self.sources(node.get("sources"), where, "set") if isinstance(node, dict) else ()
        self.active.pop()
        self.sets[name] = sources
        return sources

    def named_modifier(self, name: str, node: Any) -> Modifier | None:
        if name not in self.modifiers:
            where = self.root.child("modifiers", name)
            self.modifiers[name] = (
                self.modifier(name, node, where) if isinstance(node, dict) else None
            )
        return self.modifiers[name]

    def overridden_modifier(
        self, name: str, siblings: dict[str, Any], where: Origin
    ) -> Modifier | None:
        base = self.named_modifier(name, self.definitions("modifiers")[name])
        if base is None or not siblings:
            return base
        if "contexts" in siblings:
            fresh = self.modifier(name, {**self.definitions("modifiers")[name], **siblings}, where)
            return None if fresh is None else replace(fresh, origin=base.origin)
        default = siblings.get("default", base.default)
        if "default" in siblings and not self.check_default(default, base.contexts, name, where):
            return None
        description = _text(siblings, "description") or base.description
        return replace(base, default=default, description=description)

    def modifier(self, name: str, node: dict[str, Any], where: Origin) -> Modifier | None:
        contexts = node.get("contexts")
        if not isinstance(contexts, dict):
            return None
        names = tuple(contexts)
        sources = tuple(
            self.sources(value, where.child("contexts", context), "modifier")
            for context, value in contexts.items()
        )
        default = node.get("default")
        if default is not None and not self.check_default(default, names, name, where):
            default = None
        if len(names) < 2:
            return None  # the schema reported it
        return Modifier(
            name,
            names,
            default if isinstance(default, str) else None,
            _text(node, "description"),
            where,
            sources,
        )

    def check_default(
        self, default: Any, contexts: tuple[str, ...], name: str, where: Origin
    ) -> bool:
        if not isinstance(default, str) or default in contexts:
            return isinstance(default, str)
        self.error(
            "resolver/default",
            f'default "{default}" is not a context of modifier "{name}"',
            where.child("default"),
            did_you_mean(default, contexts) or "name one of its contexts: " + ", ".join(contexts),
        )
        return False

    # -- sources -----------------------------------------------------------------------
    def sources(self, items: Any, where: Origin, owner: str) -> tuple[Source, ...]:
        """A list of sources, references followed and sets flattened."""
        out: list[Source] = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            at = where.child(i)
            if not isinstance(item, dict):
                continue
            if "$ref" in item:
                out += self.source_reference(item, at, owner)
            else:
                out.append(Source(at, data=item, base=at.path))
        return tuple(out)

    def source_reference(self, item: dict[str, Any], where: Origin, owner: str) -> list[Source]:
        at = where.child("$ref")
        ref = self.reference(item["$ref"], at)
        if ref is None:
            return []
        siblings = {k: v for k, v in item.items() if k != "$ref"}
        if ref.file is not None:
            found = self.file_source(ref, where, frozenset(siblings))
            return [*found, *self.sibling_source(siblings, where)] if found else []
        head = ref.segments[:1]
        if head == ("modifiers",):
            self.error(
                "resolver/ref",
                f'a {owner} cannot reference a modifier ("{ref.text}")',
                at,
                "only resolutionOrder references modifiers; reference a set "
                '("#/sets/NAME") or a token file here',
            )
            return []
        if head == ("sets",) and len(ref.segments) == 2:
            name = ref.segments[1]
            if not self.exists("sets", name, ref, at):
                return []
            return self.set_reference(name, siblings, where, owner)
        return self.pointer_source(ref, siblings, where, owner)

    def set_reference(
        self, name: str, siblings: dict[str, Any], where: Origin, owner: str
    ) -> list[Source]:
        for key in siblings:
            if key not in SET_OVERRIDES:
                self.error(
                    "resolver/ref",
                    f'a reference to a set cannot add "{key}": a set holds sources, not tokens',
                    where.child(key),
                    "put these tokens in a source of their own, after this reference",
                    part="key",
                )
        if "sources" in siblings:
            return list(self.sources(siblings["sources"], where.child("sources"), owner))
        return list(self.named_set(name, where.child("$ref")))

    def pointer_source(
        self, ref: Reference, siblings: dict[str, Any], where: Origin, owner: str
    ) -> list[Source]:
        """A pointer into this document (``#/$defs/...``): a token document, or another $ref."""
        at = where.child("$ref")
        target = self.walk(ref, at)
        if target is None:
            return []
        path, node = target
        if where.path[: len(path)] == path or path in self.pointers:
            self.error(
                "resolver/cycle",
                f'"{ref.text}" points at itself or at a definition that contains this reference',
                at,
                "point at a token document defined elsewhere, for example under $defs",
            )
            return []
        if not isinstance(node, dict):
            self.error(
                "resolver/ref",
                f'"{ref.text}" points at {describe(node)}, not at a token document',
                at,
                'point at a set ("#/sets/NAME") or at an object of tokens, e.g. in $defs',
            )
            return []
        self.pointers.append(path)
        try:
            origin = Origin(self.source, path)
            if "$ref" in node:
                found = self.source_reference(node, origin, owner)
                found = [replace(s, exclude=s.exclude | frozenset(siblings)) for s in found]
            else:
                kept = {k: v for k, v in node.items() if k not in siblings}
                found = [Source(origin, data=kept, base=path)]
        finally:
            self.pointers.pop()
        return [*found, *self.sibling_source(siblings, where)]

    def walk(self, ref: Reference, at: Origin) -> tuple[JsonPath, Any] | None:
        path, node, missing = walk(self.data, ref.segments)
        if missing is None:
            return path, node
        here = "#/" + "/".join(map(str, path)) if path else "the document"
        self.error(
            "resolver/ref",
            f'"{ref.text}" does not exist: {here} has no "{missing}"',
            at,
            missing_help(node, missing) or "point at an existing definition, for example in $defs",
        )
        return None

    def file_source(self, ref: Reference, where: Origin, exclude: frozenset[str]) -> list[Source]:
        path, at = ref.file, where.child("$ref")
        assert path is not None
        problem = None
        if is_resolver_file(path) or (path.is_file() and os.path.samefile(path, self.path)):
            problem = "is a resolver document, not a token file", "reference token files only"
        elif path.is_dir():
            problem = "is a folder", "reference one token file; a set may list several"
        elif not path.is_file():
            relative = f"the path is relative to the resolver document's folder, {self.path.parent}"
            problem = "does not exist", did_you_mean(path.name, _nearby(path)) or relative
        if problem is not None:
            self.error("resolver/ref", f'"{ref.text}": {path} {problem[0]}', at, problem[1])
            return []
        self.files.append(path)
        return [Source(where, file=path, pointer=ref.segments, ref=ref.text, exclude=exclude)]

    def sibling_source(self, siblings: dict[str, Any], where: Origin) -> list[Source]:
        """The keys beside a $ref, as a token document that overrides what it references."""
        return [Source(where, data=siblings, base=where.path)] if siblings else []

    # -- references --------------------------------------------------------------------
    def reference(self, text: Any, at: Origin) -> Reference | None:
        if not isinstance(text, str) or not text:
            return None  # the schema reported it
        ref, problem, fix = parse_reference(text, self.path)
        if ref is None:
            self.error("resolver/ref", problem or "invalid reference", at, fix)
            return None
        if ref.file is None and ref.segments[:1] == ("resolutionOrder",):
            self.error(
                "resolver/ref",
                f'"{text}" points into resolutionOrder, which nothing may reference',
                at,
                "reference the definition itself: move an inline set or modifier into "
                '"sets" or "modifiers" and write {"$ref": "#/sets/NAME"}',
            )
            return None
        if ref.file is None and not ref.segments:
            self.error(
                "resolver/cycle",
                f'"{text}" points at the whole resolver document, which contains this reference',
                at,
                'point at a definition, such as "#/sets/NAME"',
            )
            return None
        return ref

    def exists(self, kind: str, name: str, ref: Reference, at: Origin) -> bool:
        known = self.definitions(kind)
        if name in known:
            return True
        self.error(
            "resolver/ref",
            f'"{ref.text}" names no {kind[:-1]}: there is no {kind[:-1]} "{name}"',
            at,
            did_you_mean(name, known) or _names(kind, list(known)),
        )
        return False


def _nearby(path: Path) -> list[str]:
    """Names in the folder a missing file was looked for in, for "did you mean"."""
    try:
        return [p.name for p in path.parent.iterdir()]
    except OSError:
        return []


def _text(node: Any, key: str) -> str | None:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) else None
