"""Collect token files into one group tree: names, token and group properties, ``$extends``.

Files of every tier merge into one tree (a token may be defined once; groups merge).
With ``override=True`` (a resolver's sources, merged in resolution order) a later
definition replaces an earlier one instead: a token replaces a token or a group, a group
replaces a token, and later group properties win. Groups that ``$extends`` another get
the base's tokens and subgroups, local ones winning, and the result is flattened into
`RawToken`s in source order, each knowing its inherited ``$type`` and ``$deprecated``.
Values stay raw JSON here; the evaluator parses and resolves them.

A `LoadedFile` may be part of a file (``base`` is its JSON path there): a resolver's
inline sources all live in the resolver document, and top-level properties such as a
document's ``$type`` apply to the document they are written in, keyed by (file, base).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from encore.diagnostics import Diagnostic, Origin, Severity
from encore.load import LoadedFile
from encore.sourcemap import JsonPath
from encore.suggest import did_you_mean
from encore.values import TOKEN_TYPES
from encore.values.context import CURLY_REFERENCE, describe

TOKEN_PROPERTIES = ("$value", "$ref", "$type", "$description", "$deprecated", "$extensions")
GROUP_PROPERTIES = ("$type", "$description", "$deprecated", "$extensions", "$extends")
ROOT_ONLY_PROPERTIES = ("$schema",)


@dataclass(eq=False, slots=True)
class RawToken:
    """A token as written: its path, its JSON object, where it lives and its tier."""

    path: tuple[str, ...]
    node: dict[str, Any]
    origin: Origin
    tier: str | None
    type: str | None = None
    deprecated: bool | str = False

    @property
    def name(self) -> str:
        return ".".join(self.path)


@dataclass(eq=False, slots=True)
class RawGroup:
    """A group: its properties and children, merged over every file that writes it."""

    path: tuple[str, ...]
    origin: Origin | None
    tier: str | None
    props: dict[str, Any] = field(default_factory=dict)
    children: dict[str, RawGroup | RawToken] = field(default_factory=dict)
    prop_origins: dict[str, Origin] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return ".".join(self.path)


@dataclass(slots=True)
class TokenTree:
    """The merged tree, its tokens in source order, and what went wrong collecting it."""

    root: RawGroup
    tokens: list[RawToken]
    diagnostics: list[Diagnostic]

    def find(self, path: tuple[str, ...]) -> RawGroup | RawToken | None:
        """The group or token at a path."""
        node: RawGroup | RawToken = self.root
        for segment in path:
            if not isinstance(node, RawGroup) or segment not in node.children:
                return None
            node = node.children[segment]
        return node


def name_problem(name: str) -> str | None:
    """Why a token or group name breaks the DTCG rules, or ``None``."""
    if not name:
        return "a name cannot be empty"
    if name.startswith("$"):
        return "names starting with '$' are reserved for DTCG properties"
    for char, why in (("{", "braces"), ("}", "braces"), (".", "periods")):
        if char in name:
            return f"names cannot contain {why} ('{char}'): they are reference syntax"
    return None


_DocumentKey = tuple[int, JsonPath]  # id(SourceFile), base of the document inside it


class _Collector:
    def __init__(self, override: bool = False) -> None:
        self.root = RawGroup((), None, None)
        self.override = override
        self.diagnostics: list[Diagnostic] = []
        self.file_props: dict[_DocumentKey, dict[str, Any]] = {}  # top-level props
        self.bases: dict[int, list[JsonPath]] = {}  # id(SourceFile) -> documents' bases
        self.document: _DocumentKey = (0, ())

    def error(
        self,
        origin: Origin,
        rule: str,
        message: str,
        help: str | None = None,
        part: str = "value",
        related: tuple[Origin, ...] = (),
    ) -> None:
        self.diagnostics.append(
            Diagnostic(rule, message, origin, help=help, part=part, related=related)
        )

    # -- files ---------------------------------------------------------------------------
    def add_file(self, loaded: LoadedFile, tier: str | None) -> None:
        origin = Origin(loaded.source, loaded.base)
        self.document = (id(loaded.source), loaded.base)
        bases = self.bases.setdefault(id(loaded.source), [])
        if loaded.base not in bases:
            bases.append(loaded.base)
        if loaded.data is None:
            self.diagnostics.append(
                Diagnostic(
                    "token/file", "this token file is empty", origin, severity=Severity.WARNING
                )
            )
            return
        if not isinstance(loaded.data, dict):
            what = describe(loaded.data)
            self.error(
                origin,
                "token/file",
                f"a token file must hold an object of groups and tokens; this one is {what}",
            )
            return
        if "$value" in loaded.data or "$ref" in loaded.data:
            self.error(
                origin,
                "token/file",
                "the top level of a token file is a group, not a token",
                "put the token under a name",
            )
            return
        self.add_group(self.root, loaded.data, origin, tier)

    def add_group(
        self, group: RawGroup, data: dict[str, Any], origin: Origin, tier: str | None
    ) -> None:
        if group.origin is None:
            group.origin, group.tier = origin, tier
        for key, value in data.items():
            where = origin.child(key)
            if key.startswith("$") and key != "$root":
                self.group_property(group, key, value, where)
                continue
            problem = name_problem(key) if key != "$root" else None
            if problem:
                self.error(
                    where,
                    "name/invalid",
                    f'invalid name "{key}": {problem}',
                    "rename it, for example with '-' instead",
                    part="key",
                )
                continue
            if not isinstance(value, dict):
                self.error(
                    where,
                    "token/not-an-object",
                    f'"{key}" is {describe(value)}: a token is an object with $value, '
                    "a group an object of tokens",
                    f"write {key}: {{$value: ...}}"
                    if value is not None
                    else "in YAML, '#' starts a comment: quote values such as \"#1ed760\"",
                )
                continue
            is_token = "$value" in value or "$ref" in value
            existing = group.children.get(key)
            if key == "$root" and not is_token:
                self.error(where, "group/root", "$root must be a token (an object with $value)")
                continue
            if is_token:
                if existing is not None and not self.override:
                    self.error(
                        where,
                        "token/duplicate",
                        f'"{".".join((*group.path, key))}" is defined more than once',
                        "keep one definition",
                        part="key",
                        related=(self._origin_of(existing),),
                    )
                    continue
                token = RawToken((*group.path, key), value, where, tier)
                if self.check_token(token):
                    group.children[key] = token  # under override: replaced where it stood
                elif existing is not None:
                    del group.children[key]
            elif isinstance(existing, RawToken) and self.override:
                child = RawGroup((*group.path, key), None, tier)
                group.children[key] = child  # a group replaces the token
                self.add_group(child, value, where, tier)
            elif isinstance(existing, RawToken):
                self.error(
                    where,
                    "token/duplicate",
                    f'"{".".join((*group.path, key))}" is a token elsewhere and a group here',
                    part="key",
                    related=(existing.origin,),
                )
            else:
                child = existing or RawGroup((*group.path, key), None, tier)
                group.children[key] = child
                self.add_group(child, value, where, tier)

    @staticmethod
    def _origin_of(node: RawGroup | RawToken) -> Origin:
        assert node.origin is not None
        return node.origin

    def group_property(self, group: RawGroup, key: str, value: Any, where: Origin) -> None:
        if key in ROOT_ONLY_PROPERTIES and not group.path:
            return
        if not group.path and key == "$extends":
            self.error(
                where,
                "group/extends",
                "the top level of a file cannot $extends",
                "put the tokens in a group and extend that",
            )
            return
        if key not in GROUP_PROPERTIES:
            known = (*GROUP_PROPERTIES, "$root")
            hint = did_you_mean(key, known) or (
                "names cannot start with '$'"
                if key not in TOKEN_PROPERTIES
                else "tokens need $value; groups have " + ", ".join(known)
            )
            self.error(
                where, "group/unknown-property", f'unknown group property "{key}"', hint, part="key"
            )
            return
        if not self.check_common_property(key, value, where):
            return
        if key == "$extends" and not _is_group_reference(value):
            self.error(
                where,
                "group/extends",
                f'$extends must name a group like "{{base.group}}", not {describe(value)}',
            )
            return
        if not group.path:  # a file's top-level properties apply to that file only
            self.file_props.setdefault(self.document, {})[key] = value
            return
        if self.override:  # later sources win
            group.props[key] = value
            group.prop_origins[key] = where
            return
        previous = group.props.get(key)
        if previous is not None and previous != value:
            self.error(
                where,
                "group/conflict",
                f'{key} of group "{group.name}" is {describe(previous)} in another '
                f"file and {describe(value)} here",
                "write it in one place",
            )
            return
        group.props[key] = value
        group.prop_origins.setdefault(key, where)

    def check_common_property(self, key: str, value: Any, where: Origin) -> bool:
        if key == "$type":
            if not isinstance(value, str):
                self.error(where, "token/type", f"$type must be a string, not {describe(value)}")
                return False
            if value not in TOKEN_TYPES:
                self.error(
                    where,
                    "token/unknown-type",
                    f'unknown $type "{value}"',
                    did_you_mean(value, TOKEN_TYPES) or "use one of: " + ", ".join(TOKEN_TYPES),
                )
                return False
        elif key == "$description" and not isinstance(value, str):
            self.error(
                where,
                "metadata/description",
                f"$description must be a string, not {describe(value)}",
            )
            return False
        elif key == "$deprecated" and not isinstance(value, bool | str):
            self.error(
                where,
                "metadata/deprecated",
                f"$deprecated must be true, false or a message, not {describe(value)}",
            )
            return False
        elif key == "$extensions" and not isinstance(value, dict):
            self.error(
                where,
                "metadata/extensions",
                f"$extensions must be an object keyed by vendor, not {describe(value)}",
                'for example $extensions: {"com.example": {...}}',
            )
            return False
        return True

    def check_token(self, token: RawToken) -> bool:
        ok = True
        node = token.node
        for key, value in node.items():
            if key in ("$value", "$ref"):
                continue
            where = token.origin.child(key)
            if key.startswith("$"):
                if key not in TOKEN_PROPERTIES:
                    self.error(
                        where,
                        "token/unknown-property",
                        f'unknown token property "{key}"',
                        did_you_mean(key, TOKEN_PROPERTIES)
                        or "a token has " + ", ".join(TOKEN_PROPERTIES),
                        part="key",
                    )
                    ok = False
                elif not self.check_common_property(key, value, where):
                    ok = False
            elif isinstance(value, dict):
                self.error(
                    where,
                    "token/value-and-children",
                    f'"{token.name}" has both $value and a child "{key}": an object is '
                    "either a token or a group",
                    "move the child into a group of its own",
                    part="key",
                )
                ok = False
            else:
                self.error(
                    where,
                    "token/unknown-property",
                    f'unknown token property "{key}"',
                    "token properties start with '$'; put custom data in $extensions",
                    part="key",
                )
                ok = False
        if "$value" in node and "$ref" in node:
            self.error(
                token.origin.child("$ref"),
                "ref/value-and-ref",
                "a token has either $value or $ref, not both",
                part="key",
            )
            ok = False
        if "$value" in node and node["$value"] is None:
            self.error(
                token.origin.child("$value"),
                "token/null-value",
                "$value is empty (null)",
                "in YAML, '#' starts a comment: quote values such as \"#1ed760\"",
            )
            ok = False
        return ok

    # -- $extends ------------------------------------------------------------------------
    def apply_extends(self) -> None:
        state: dict[int, str] = {}
        for group in list(_groups(self.root)):
            self.expand(group, state, [])

    def expand(self, group: RawGroup, state: dict[int, str], chain: list[RawGroup]) -> None:
        if state.get(id(group)) == "done":
            return
        if state.get(id(group)) == "active":
            cycle = [*chain[chain.index(group) :], group]
            names = " → ".join(g.name for g in cycle)
            self.error(
                group.prop_origins.get("$extends", self._origin_of(group)),
                "group/extends-cycle",
                f"$extends forms a cycle: {names}",
                "break the cycle in one of them",
            )
            for member in cycle:
                state[id(member)] = "done"
                member.props.pop("$extends", None)
            return
        state[id(group)] = "active"
        ref = group.props.get("$extends")
        if ref is not None:
            base = self.extends_target(group, ref, state, chain)
            if base is not None:
                self.expand(base, state, [*chain, group])
                if state.get(id(group)) == "active":
                    inherited = self.inherited_type(base)
                    if inherited is not None:
                        group.props.setdefault("$type", inherited)
                    _merge_into(group, base)
        for child in group.children.values():
            if isinstance(child, RawGroup):
                self.expand(child, state, [*chain, group])
        state[id(group)] = "done"

    def extends_target(
        self, group: RawGroup, ref: Any, state: dict[int, str], chain: list[RawGroup]
    ) -> RawGroup | None:
        where = group.prop_origins.get("$extends", self._origin_of(group))
        path = _group_reference_path(ref)
        node: RawGroup | RawToken | None = self.root
        for segment in path:
            if isinstance(node, RawGroup) and node is not self.root and not state.get(id(node)):
                self.expand(node, state, [*chain, group])  # its children may come from $extends
            node = node.children.get(segment) if isinstance(node, RawGroup) else None
        if isinstance(node, RawToken):
            self.error(
                where,
                "group/extends",
                f'$extends names "{".".join(path)}", which is a token: only groups can be extended',
            )
            return None
        if node is None:
            self.error(
                where,
                "group/extends",
                f'$extends names "{".".join(path)}", which does not exist',
                'name an existing group, like "{base.group}"',
            )
            return None
        if node is group or group.path[: len(node.path)] == node.path:
            self.error(
                where,
                "group/extends-cycle",
                "a group cannot extend itself or a group that contains it",
            )
            return None
        return node

    def inherited_type(self, group: RawGroup) -> str | None:
        """The ``$type`` a group has or inherits from its ancestors."""
        for cut in range(len(group.path), 0, -1):
            node = self.root
            for segment in group.path[:cut]:
                child = node.children.get(segment)
                if not isinstance(child, RawGroup):
                    return None
                node = child
            if "$type" in node.props:
                return str(node.props["$type"])
        return None

    # -- flattening ----------------------------------------------------------------------
    def flatten(self) -> list[RawToken]:
        tokens: list[RawToken] = []

        def walk(group: RawGroup, inherited_type: str | None, deprecated: bool | str) -> None:
            group_type = group.props.get("$type", inherited_type)
            group_deprecated = group.props.get("$deprecated", deprecated)
            for child in group.children.values():
                if isinstance(child, RawGroup):
                    walk(child, group_type, group_deprecated)
                    continue
                file_level = self.file_props.get(self.document_of(child.origin), {})
                child.type = child.node.get("$type", group_type or file_level.get("$type"))
                child.deprecated = child.node.get(
                    "$deprecated", group_deprecated or file_level.get("$deprecated", False)
                )
                tokens.append(child)

        walk(self.root, None, False)
        return tokens

    def document_of(self, origin: Origin) -> _DocumentKey:
        """The document a token was written in: the longest base of its file it lies below."""
        source = id(origin.source)
        bases = self.bases.get(source, [()])
        if len(bases) == 1:
            return source, bases[0]
        inside = [b for b in bases if origin.path[: len(b)] == b]
        return source, max(inside, key=len, default=())


def _is_group_reference(value: Any) -> bool:
    if isinstance(value, str):
        return CURLY_REFERENCE.match(value) is not None or value.startswith("#/")
    return (
        isinstance(value, dict)
        and isinstance(value.get("$ref"), str)
        and value["$ref"].startswith("#/")
    )


def _group_reference_path(ref: Any) -> tuple[str, ...]:
    text = ref["$ref"] if isinstance(ref, dict) else ref
    if text.startswith("#/"):
        return tuple(s.replace("~1", "/").replace("~0", "~") for s in text[2:].split("/"))
    return tuple(text[1:-1].split("."))


def _groups(group: RawGroup) -> Iterator[RawGroup]:
    yield group
    for child in group.children.values():
        if isinstance(child, RawGroup):
            yield from _groups(child)


def _rebase(
    node: RawGroup | RawToken, path: tuple[str, ...], tier: str | None
) -> RawGroup | RawToken:
    if isinstance(node, RawToken):
        return RawToken(path, node.node, node.origin, tier)
    copy = RawGroup(path, node.origin, tier, dict(node.props))
    copy.props.pop("$extends", None)
    for name, child in node.children.items():
        copy.children[name] = _rebase(child, (*path, name), tier)
    return copy


def _merge_into(group: RawGroup, base: RawGroup) -> None:
    """Give ``group`` the base's properties and children it does not define itself."""
    for key, value in base.props.items():
        if key != "$extends":
            group.props.setdefault(key, value)
    merged: dict[str, RawGroup | RawToken] = {}
    for name, child in base.children.items():
        local = group.children.get(name)
        if local is None:
            merged[name] = _rebase(child, (*group.path, name), group.tier)
        elif isinstance(local, RawGroup) and isinstance(child, RawGroup):
            _merge_into(local, child)
            merged[name] = local
        else:
            merged[name] = local
    for name, child in group.children.items():
        merged.setdefault(name, child)
    group.children = merged


def token_problems(token: RawToken) -> list[Diagnostic]:
    """What collecting would report about one token's own properties."""
    collector = _Collector()
    collector.check_token(token)
    return collector.diagnostics


def collect(files: list[tuple[LoadedFile, str | None]], *, override: bool = False) -> TokenTree:
    """Merge token files (each with its tier) into one tree and flatten it into tokens.

    With ``override``, files merge in order and a later definition replaces an earlier one
    (the resolver module's rule); without it, defining a token twice is an error.
    """
    collector = _Collector(override)
    for loaded, tier in files:
        collector.add_file(loaded, tier)
    collector.apply_extends()
    tokens = collector.flatten()
    return TokenTree(collector.root, tokens, collector.diagnostics)
