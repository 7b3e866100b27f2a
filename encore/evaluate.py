"""Evaluate raw tokens into typed, resolved `Token`s: parse every value, follow references.

Curly aliases (``{color.green.500}``) name whole tokens; JSON Pointer references
(``{"$ref": "#/color/green/500/$value/components/0"}``) reach into values. Both are
followed lazily with memoisation, so each token is evaluated once and the work stays
linear in the number of tokens. Cycles are reported once, naming every token in them.
Each token keeps which token its value, or each sub-value, was an alias of.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from encore.diagnostics import Diagnostic, Origin
from encore.model import Token, TokenSet
from encore.sourcemap import JsonPath
from encore.suggest import did_you_mean
from encore.tree import RawGroup, RawToken, TokenTree
from encore.values import ELEMENT_OF, PARSERS, TOKEN_TYPES
from encore.values.context import CURLY_REFERENCE, FAILED, describe, is_reference

_INDEX = re.compile(r"^(?:0|[1-9][0-9]*)$")
_BAD_ESCAPE = re.compile(r"~(?![01])")


class _Pointer:
    """Outcome of following a JSON Pointer: a whole token, or a JSON fragment."""

    __slots__ = ("fragment", "token")

    def __init__(self, token: str | None = None, fragment: Any = None) -> None:
        self.token = token
        self.fragment = fragment


@dataclass(slots=True)
class _Scope:
    """Evaluation of one token: implements `ParseContext` and records its aliases."""

    evaluator: Evaluator
    token: RawToken
    base: int
    aliases: dict[JsonPath, str] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)

    def error(self, origin: Origin, rule: str, message: str, help: str | None = None) -> None:
        self.evaluator.diagnostics.append(Diagnostic(rule, message, origin, help=help))

    def leaf(self, raw: Any, origin: Origin) -> Any:
        if isinstance(raw, dict) and "$ref" in raw:
            outcome = self.evaluator.follow(raw["$ref"], origin.child("$ref"), self)
            if outcome is None:
                return FAILED
            if outcome.token is not None:
                if outcome.token not in self.evaluator.raw:
                    self.error(
                        origin, "ref/unresolved", f"{{{outcome.token}}} does not name a token"
                    )
                    return FAILED
                target = self.evaluator.resolve(outcome.token)
                return FAILED if target is None else target.value.to_json()
            return outcome.fragment
        return raw

    def slot(self, raw: Any, kind: str, origin: Origin) -> Any:
        if isinstance(raw, str):
            match = CURLY_REFERENCE.match(raw)
            if match:
                return self.alias(match.group(1), kind, origin)
        elif isinstance(raw, dict) and "$ref" in raw:
            extra = [k for k in raw if k != "$ref"]
            if extra:
                self.error(
                    origin.child(extra[0]),
                    "ref/pointer",
                    f'a reference object holds only $ref; "{extra[0]}" cannot stand beside it',
                )
                return None
            outcome = self.evaluator.follow(raw["$ref"], origin.child("$ref"), self)
            if outcome is None:
                return None
            if outcome.token is not None:
                return self.alias(outcome.token, kind, origin.child("$ref"), origin.path)
            return PARSERS[kind](outcome.fragment, self, origin)
        return PARSERS[kind](raw, self, origin)

    def alias(self, name: str, kind: str, origin: Origin, at: JsonPath | None = None) -> Any:
        evaluator = self.evaluator
        if name not in evaluator.raw:
            self.error(
                origin,
                "ref/unresolved",
                f"{{{name}}} does not name a token",
                evaluator.unresolved_help(name),
            )
            return None
        target = evaluator.resolve(name)
        self.touched.add(name)
        if target is None:
            return None
        expected = ELEMENT_OF.get(kind, kind)
        if target.type.value != expected:
            self.error(
                origin,
                "ref/type-mismatch",
                f"{{{name}}} is a {target.type.value} token, but a {expected} is needed here",
                f"reference a {expected} token instead",
            )
            return None
        self.aliases[(origin.path if at is None else at)[self.base :]] = name
        return target.value


@dataclass(frozen=True, slots=True)
class Earlier:
    """An earlier evaluation whose tokens a later one may reuse (another theme
    permutation over mostly the same files)."""

    raw: Mapping[str, RawToken]
    done: Mapping[str, Token | None]
    noisy: frozenset[str]  # tokens whose evaluation reported something
    tokens: TokenSet | None = None  # the result, in source order
    clean: bool = False  # nothing reported and every token evaluated
    dependents: Mapping[str, tuple[str, ...]] | None = None  # name → who references it


class Evaluator:
    """Turns a `TokenTree` into a `TokenSet`, collecting every error on the way.

    With ``earlier``, a token written by the very same source object, with the same tier,
    type and deprecation, whose references all resolve to the very tokens they resolved to
    before, is taken over instead of evaluated again: a theme permutation then costs only
    what its overrides change.
    """

    def __init__(
        self,
        tree: TokenTree,
        earlier: Earlier | None = None,
        raw: dict[str, RawToken] | None = None,
        done: dict[str, Token | None] | None = None,
    ) -> None:
        """``raw`` (the tree's tokens by name) and ``done`` (tokens already evaluated)
        may be given when the caller has them."""
        self.tree = tree
        self.raw: dict[str, RawToken] = {t.name: t for t in tree.tokens} if raw is None else raw
        self.done: dict[str, Token | None] = {} if done is None else done
        self.active: dict[str, int] = {}
        self.chain: list[str] = []
        self.pointers: list[str] = []
        self.diagnostics: list[Diagnostic] = []
        self.earlier = earlier
        self.noisy: set[str] = set()
        self.result: TokenSet | None = None

    def snapshot(self) -> Earlier:
        """This evaluation, for a later one to reuse."""
        clean = not self.diagnostics and None not in self.done.values()
        return Earlier(self.raw, self.done, frozenset(self.noisy), self.result, clean)

    def reuse(self, name: str, raw: RawToken) -> Token | None:
        """The earlier token of that name, when nothing it depends on changed."""
        earlier = self.earlier
        if earlier is None or name in earlier.noisy:
            return None
        before = earlier.raw.get(name)
        token = earlier.done.get(name)
        if before is None or token is None or before.node is not raw.node:
            return None
        if (before.tier, before.type, before.deprecated, before.origin) != (
            raw.tier,
            raw.type,
            raw.deprecated,
            raw.origin,
        ):
            return None
        for reference in token.references:
            if reference not in self.raw or self.resolve(reference) is not earlier.done.get(
                reference
            ):
                return None
        return token

    def run(self) -> TokenSet:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 20000))
        try:
            for name in self.raw:
                try:
                    self.resolve(name)
                except RecursionError:
                    self.too_deep(name)
        finally:
            sys.setrecursionlimit(limit)
        tokens = {name: tok for name, tok in self.done.items() if tok is not None}
        ordered = {name: tokens[name] for name in self.raw if name in tokens}
        self.result = TokenSet(ordered)
        return self.result

    def resolve(self, name: str) -> Token | None:
        """The evaluated token of that name; ``None`` when it (or what it needs) failed."""
        if name in self.done:
            return self.done[name]
        if name in self.active:
            self.report_cycle(self.chain[self.active[name] :])
            return None
        raw = self.raw[name]
        self.active[name] = len(self.chain)
        self.chain.append(name)
        try:
            token = self.reuse(name, raw)
            if token is None:
                reported = len(self.diagnostics)
                token = self.evaluate(raw)
                if len(self.diagnostics) != reported:
                    self.noisy.add(name)
                elif self.earlier is not None and token is not None:
                    before = self.earlier.done.get(name)
                    if before is not None and before == token:
                        token = before  # the same token again: its dependents stay reusable
        finally:
            self.chain.pop()
            del self.active[name]
        if name not in self.done:
            self.done[name] = token
        return self.done[name]

    def too_deep(self, name: str) -> None:
        for member in self.chain:
            self.done.setdefault(member, None)
        self.active.clear()
        self.chain.clear()
        self.done[name] = None
        self.diagnostics.append(
            Diagnostic(
                "ref/too-deep",
                f"the reference chain starting at {{{name}}} is too deep to follow",
                _value_origin(self.raw[name]),
                help="shorten the chain of aliases",
            )
        )

    def report_cycle(self, members: list[str]) -> None:
        for member in members:
            self.done[member] = None
        first = self.raw[members[0]]
        loop = " → ".join(f"{{{m}}}" for m in [*members, members[0]])
        self.diagnostics.append(
            Diagnostic(
                "ref/cycle",
                f"reference cycle: {loop}",
                _value_origin(first),
                help="one of these tokens must hold a value instead of a reference",
                related=tuple(self.raw[m].origin for m in members[1:]),
            )
        )

    def evaluate(self, raw: RawToken) -> Token | None:
        node = raw.node
        type_name = raw.type
        if "$value" in node:
            origin = raw.origin.child("$value")
            scope = _Scope(self, raw, len(origin.path))
            if type_name is None:
                type_name = self.infer_type(raw, node["$value"], origin)
            value = None if type_name is None else scope.slot(node["$value"], type_name, origin)
        else:
            value, type_name, scope = self.evaluate_token_ref(raw)
        if value is None or type_name is None:
            return None
        description = node.get("$description")
        return Token(
            path=raw.path,
            type=TOKEN_TYPES[type_name],
            value=value,
            origin=raw.origin,
            tier=raw.tier,
            aliases=scope.aliases,
            references=frozenset(scope.touched),
            description=description if isinstance(description, str) else None,
            deprecated=raw.deprecated,
            extensions=node.get("$extensions") or {},
        )

    def evaluate_token_ref(self, raw: RawToken) -> tuple[Any, str | None, _Scope]:
        """A token written as ``{"$ref": ...}``: alone it stands for the whole token it
        points at; beside ``$type`` it must point at a value."""
        scope = _Scope(self, raw, len(raw.origin.path))
        where = raw.origin.child("$ref")
        alone = set(raw.node) == {"$ref"}
        outcome = self.follow(raw.node["$ref"], where, scope, whole_token=alone)
        if outcome is None:
            return None, None, scope
        type_name = raw.type
        if outcome.token is not None:
            if type_name is None:
                type_name = self.target_type(outcome.token, where)
                if type_name is None:
                    return None, None, scope
            return scope.alias(outcome.token, type_name, where, raw.origin.path), type_name, scope
        if type_name is None:
            self.missing_type(raw)
            return None, None, scope
        return PARSERS[type_name](outcome.fragment, scope, where), type_name, scope

    def infer_type(self, raw: RawToken, value_raw: Any, origin: Origin) -> str | None:
        """A token without ``$type`` takes its referenced token's type (the spec's rule)."""
        target: str | None = None
        if isinstance(value_raw, str) and CURLY_REFERENCE.match(value_raw):
            target = value_raw[1:-1]
        elif isinstance(value_raw, dict) and isinstance(value_raw.get("$ref"), str):
            outcome = self.follow(value_raw["$ref"], origin.child("$ref"), None)
            if outcome is None:
                return None
            target = outcome.token
        if target is not None:
            return self.target_type(target, origin)
        self.missing_type(raw)
        return None

    def target_type(self, name: str, origin: Origin) -> str | None:
        """The type of a referenced token; an error when the name resolves to nothing."""
        if name not in self.raw:
            self.diagnostics.append(
                Diagnostic(
                    "ref/unresolved",
                    f"{{{name}}} does not name a token",
                    origin,
                    help=self.unresolved_help(name),
                )
            )
            return None
        resolved = self.resolve(name)
        return None if resolved is None else resolved.type.value

    def missing_type(self, raw: RawToken) -> None:
        self.diagnostics.append(
            Diagnostic(
                "token/missing-type",
                f'"{raw.name}" has no $type, and no group above it gives one',
                raw.origin,
                part="key",
                help="add $type to the token or to its group, e.g. $type: color",
            )
        )

    def unresolved_help(self, name: str) -> str:
        """Why a name resolves to nothing, and what was probably meant."""
        path = tuple(name.split("."))
        if name != name.strip() or " " in name:
            return "remove the spaces: references are written {group.token}"
        node = self.tree.find(path)
        if isinstance(node, RawGroup):
            if "$root" in node.children:
                return f"{{{name}}} is a group; its root token is {{{name}.$root}}"
            return f"{{{name}}} is a group, not a token: name one of its tokens"
        for cut in range(len(path) - 1, 0, -1):
            if isinstance(self.tree.find(path[:cut]), RawToken):
                pointer = "#/" + "/".join((*path[:cut], "$value", *path[cut:]))
                return (
                    "curly references name whole tokens; to reach into a value use "
                    f'{{"$ref": "{pointer}"}}'
                )
        parent = ".".join(path[:-1])
        siblings = [n for n in self.raw if n.rpartition(".")[0] == parent] or list(self.raw)
        return did_you_mean(name, siblings[:5000]) or "check the spelling and the group path"

    def follow(
        self, pointer: Any, origin: Origin, scope: _Scope | None, whole_token: bool = False
    ) -> _Pointer | None:
        """Follow a JSON Pointer through the token tree; ``None`` after reporting an error."""

        def fail(message: str, help: str | None = None) -> None:
            self.diagnostics.append(Diagnostic("ref/pointer", message, origin, help=help))

        if not isinstance(pointer, str):
            fail(f"$ref must be a JSON Pointer string, not {describe(pointer)}")
            return None
        if not pointer.startswith("#/"):
            fail(
                f'"{pointer}" is not a document JSON Pointer: it must start with "#/"',
                'for example "#/color/green/500/$value"',
            )
            return None
        if pointer in self.pointers:
            loop = " → ".join([*self.pointers[self.pointers.index(pointer) :], pointer])
            fail(f"JSON Pointer cycle: {loop}")
            return None
        segments: list[str] = []
        for segment in pointer[2:].split("/"):
            if segment == "":
                fail(f'"{pointer}" has an empty segment (a doubled or trailing "/")')
                return None
            if _BAD_ESCAPE.search(segment):
                fail(f'"{pointer}" has a "~" that is not "~0" or "~1" (RFC 6901 escapes)')
                return None
            segments.append(segment.replace("~1", "/").replace("~0", "~"))
        self.pointers.append(pointer)
        try:
            return self.walk(pointer, segments, origin, scope, whole_token)
        finally:
            self.pointers.pop()

    def walk(
        self,
        pointer: str,
        segments: list[str],
        origin: Origin,
        scope: _Scope | None,
        whole_token: bool,
    ) -> _Pointer | None:
        def fail(message: str, help: str | None = None) -> None:
            self.diagnostics.append(Diagnostic("ref/pointer", message, origin, help=help))

        node: Any = self.tree.root
        i = 0
        while i < len(segments):
            segment = segments[i]
            here = "#/" + "/".join(segments[:i]) if i else "the document root"
            if isinstance(node, RawGroup):
                if segment.startswith("$") and segment != "$root":
                    fail(f'"{pointer}" points at the group property {segment}, not a token value')
                    return None
                child = node.children.get(segment)
                if child is None:
                    fail(
                        f'"{pointer}" does not exist: {here} has no "{segment}"',
                        did_you_mean(segment, node.children),
                    )
                    return None
                node, i = child, i + 1
                continue
            if isinstance(node, RawToken):
                if segment != "$value":
                    fail(
                        f'"{pointer}" points at {segment} of a token; references point into $value',
                        "write .../$value/...",
                    )
                    return None
                if scope is not None:
                    scope.touched.add(node.name)
                i += 1
                inner = node.node.get("$value", {"$ref": node.node.get("$ref")})
                if i == len(segments):
                    return _Pointer(token=node.name)
                if is_reference(inner):
                    resolved = self.resolve(node.name)
                    if resolved is None:
                        return None
                    node = resolved.value.to_json()
                else:
                    node = inner
                continue
            node = self.dereference(node, origin, scope)
            if node is FAILED:
                return None
            if isinstance(node, dict) and segment in node:
                node = node[segment]
            elif isinstance(node, list) and _INDEX.match(segment) and int(segment) < len(node):
                node = node[int(segment)]
            else:
                fail(
                    f'"{pointer}" does not exist: {here} has no "{segment}"',
                    "array items are numbered from 0" if isinstance(node, list) else None,
                )
                return None
            i += 1
        if isinstance(node, RawGroup):
            fail(f'"{pointer}" points at a group; references point at token values')
            return None
        if isinstance(node, RawToken) and whole_token:
            return _Pointer(token=node.name)
        if isinstance(node, RawToken):
            fail(
                f'"{pointer}" points at a token object, not its value', f'write "{pointer}/$value"'
            )
            return None
        if isinstance(node, str) and CURLY_REFERENCE.match(node):
            return _Pointer(token=node[1:-1])
        if isinstance(node, dict) and "$ref" in node:
            return self.follow(node["$ref"], origin, scope)
        return _Pointer(fragment=node)

    def dereference(self, node: Any, origin: Origin, scope: _Scope | None) -> Any:
        """A reference met while walking a value, replaced by the JSON it stands for."""
        if isinstance(node, str) and CURLY_REFERENCE.match(node):
            name = node[1:-1]
            if name not in self.raw:
                self.diagnostics.append(
                    Diagnostic(
                        "ref/unresolved",
                        f"{{{name}}}, on the way of this pointer, does not name a token",
                        origin,
                    )
                )
                return FAILED
            resolved = self.resolve(name)
            return FAILED if resolved is None else resolved.value.to_json()
        if isinstance(node, dict) and "$ref" in node:
            outcome = self.follow(node["$ref"], origin, scope)
            if outcome is None:
                return FAILED
            if outcome.token is not None:
                resolved = self.resolve(outcome.token)
                return FAILED if resolved is None else resolved.value.to_json()
            return outcome.fragment
        return node


def _value_origin(raw: RawToken) -> Origin:
    """Where a token's value is written: its $value, or its token-level $ref."""
    return raw.origin.child("$value" if "$value" in raw.node else "$ref")


def evaluate(tree: TokenTree) -> tuple[TokenSet, list[Diagnostic]]:
    """Parse and resolve every token of a tree."""
    tokens, diagnostics, _ = evaluate_reusing(tree, None)
    return tokens, diagnostics


def evaluate_reusing(
    tree: TokenTree, earlier: Earlier | None
) -> tuple[TokenSet, list[Diagnostic], Earlier]:
    """`evaluate`, taking over unchanged tokens of ``earlier``; also returns this
    evaluation for the next one."""
    evaluator = Evaluator(tree, earlier)
    tokens = evaluator.run()
    return tokens, evaluator.diagnostics, evaluator.snapshot()
