"""What the Kotlin and Compose formats share: literals, imports, KDoc, ``@Deprecated`` and
the nested ``object`` tree.

Groups become nested objects in UpperCamelCase and tokens ``val``s in lowerCamelCase. A
type the file imports whose short name a group would hide (a group ``color`` hides
Compose's ``Color``) is imported under an alias instead (``ComposeColor``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from encore.diagnostics import Diagnostic
from encore.formats._common import (
    c_style_escape,
    comment_lines,
    decimal,
    deprecation_message,
    replacement,
)
from encore.formats._writer import ReferenceWriter
from encore.formats.namespaces import (
    BLOCK,
    Member,
    MemberLines,
    Namespace,
    Naming,
    TreeView,
    group_blocks,
    join_spaced,
    member_runs,
    spaced_lines,
)
from encore.formats.naming import camel, kotlin_identifier, pascal, words
from encore.memo import kept
from encore.model import Token, TokenSet

T = TypeVar("T")

NAMING = Naming(
    "Kotlin",
    "kotlin/name-collision",
    lambda segment: kotlin_identifier(pascal(words(segment))),
    lambda segment: kotlin_identifier(camel(words(segment))),
    "groups become UpperCamelCase objects and tokens lowerCamelCase vals",
)
PACKAGE_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"
_DEFAULT_IMPORTS = frozenset({"kotlin", "kotlin.collections"})
IDENTIFIER_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$"


def kotlin_string(text: str) -> str:
    """A Kotlin string literal holding exactly ``text`` (``$`` escaped)."""
    return c_style_escape(text, {"$": "\\$"}, "\\u{:04x}")


def kotlin_double(value: float) -> str:
    """A ``Double`` literal: ``16.0``, ``0.5``, ``1e+300``."""
    text = decimal(value)
    return text if any(c in text for c in ".e") else text + ".0"


def kotlin_float(value: float) -> str:
    """A ``Float`` literal: ``16f``, ``0.5f``."""
    return decimal(float(f"{value:.9g}")) + "f"


def fits_float(value: float) -> bool:
    """True when a ``Float`` can hold ``value`` without overflowing."""
    return abs(value) <= 3.4e38


def kdoc(text: str | None, indent: str) -> list[str]:
    """A KDoc block; ``*/`` and ``/*`` become HTML entities so the comment stays closed."""
    if not text:
        return []
    lines = [line.replace("*/", "*&#47;").replace("/*", "/&#42;") for line in comment_lines(text)]
    if len(lines) == 1:
        return [f"{indent}/** {lines[0]} */"]
    return [f"{indent}/**", *(f"{indent} * {line}".rstrip() for line in lines), f"{indent} */"]


def deprecated(token: Token, tokens: TokenSet, refs: Mapping[str, str], indent: str) -> list[str]:
    """``@Deprecated`` with ``ReplaceWith`` when the message names an existing token."""
    if not token.deprecated:
        return []
    arguments = f"message = {kotlin_string(deprecation_message(token))}"
    other = replacement(token, tokens)
    if other is not None and other.name in refs:
        arguments += f", replaceWith = ReplaceWith({kotlin_string(refs[other.name])})"
    return [f"{indent}@Deprecated({arguments})"]


# What a piece of output caused besides its lines: the diagnostics it reported and the
# names it imported, applied again whenever the piece is used (made or kept).
Effects = tuple[list[str], list[Diagnostic], frozenset[str]]


def with_effects(
    make: Callable[[], list[str]], report: list[Diagnostic], imports: Imports
) -> Effects:
    """``make()``'s lines with what it reported (taken out of ``report``) and imported."""
    start = len(report)
    lines, asked = imports.recording(make)
    problems = report[start:]
    del report[start:]
    return lines, problems, asked


def replay(made: Effects, report: list[Diagnostic], imports: Imports) -> list[str]:
    """The lines of a `with_effects` piece, its diagnostics and imports applied again."""
    lines, problems, asked = made
    report.extend(problems)
    for qualified in asked:
        imports(qualified)
    return lines


@dataclass
class Imports:
    """Imported types by short name; a name a group hides is imported under an alias."""

    hidden: frozenset[str]
    alias_prefix: str
    used: dict[str, str] = field(default_factory=dict)  # qualified name → name in code

    recorders: list[set[str]] = field(default_factory=list)  # see `recording`

    def __call__(self, qualified: str) -> str:
        """The name the code uses for ``qualified`` (recorded for the import list)."""
        for recorder in self.recorders:
            recorder.add(qualified)
        if qualified not in self.used:
            short = qualified.rsplit(".", 1)[-1]
            name = short
            while name in self.hidden:
                name = self.alias_prefix + name
            self.used[qualified] = name
        return self.used[qualified]

    def recording(self, make: Callable[[], T]) -> tuple[T, frozenset[str]]:
        """``make()`` and every name it asked for (to ask again when its result is kept)."""
        asked: set[str] = set()
        self.recorders.append(asked)
        try:
            return make(), frozenset(asked)
        finally:
            popped = self.recorders.pop()  # a stack: nested recordings end first
            assert popped is asked

    def lines(self, extra: Sequence[str] = ()) -> list[str]:
        """The sorted import directives."""
        out = set(extra)
        for qualified, name in self.used.items():
            package, short = qualified.rsplit(".", 1)
            if package in _DEFAULT_IMPORTS and name == short:
                continue
            out.add(f"import {qualified}" + ("" if name == short else f" as {name}"))
        return sorted(out)


def group_names(space: Namespace) -> set[str]:
    """Every group identifier in the tree, backticks removed."""
    names = {space.identifier.strip("`")}
    for inner in space.groups.values():
        names |= group_names(inner)
    return names


@dataclass
class ObjectEmitter:
    """Writes the nested ``object`` tree of one Kotlin file."""

    tokens: TokenSet
    refs: Mapping[str, str]
    writer: ReferenceWriter
    declared_type: Callable[[Token], str]
    is_const: Callable[[Token], bool]
    visibility: str  # "" for public, "internal " otherwise
    descriptions: bool

    slot: Hashable = None  # with a slot, warm builds keep each namespace's members' lines
    context: tuple[Any, ...] = ()  # what else the lines depend on (options, name tables)
    report: list[Diagnostic] | None = None  # where the writer reports, replayed when kept
    imports: Imports | None = None  # what the writer imports, asked again when kept
    view: TreeView | None = None  # the tree being rendered (set at its root)

    def emit(self, space: Namespace, depth: int = 0) -> list[str]:
        """The ``object`` of a namespace and everything in it."""
        if depth == 0:
            self.view = TreeView(space, self.tokens)
        if self.slot is None:
            return self._emit(space, depth)
        tokens = self._view().subtree(space)
        return self._kept(("tree", space.qualified), tokens, lambda: self._emit(space, depth))

    def _kept(
        self, key: Hashable, tokens: tuple[Token, ...], make: Callable[[], list[str]]
    ) -> list[str]:
        """``make()`` kept between warm builds while ``tokens`` stay, with the diagnostics
        and imports it caused replayed when kept."""
        return list(self._kept_any(key, tokens, make))

    def _kept_any(self, key: Hashable, tokens: tuple[Token, ...], make: Callable[[], T]) -> T:
        report = self.report if self.report is not None else []
        imports = self.imports if self.imports is not None else Imports(frozenset(), "")

        def reported() -> tuple[T, list[Diagnostic], frozenset[str]]:
            start = len(report)
            made, asked = imports.recording(make)
            return made, report[start:], asked

        context = (self.refs, self.visibility, self.descriptions, *self.context)
        made = len(report), len(imports.used)
        result, problems, asked = kept((self.slot, key), tokens, context, reported)
        if (len(report), len(imports.used)) == made:  # kept: its effects again
            report.extend(problems)
            for qualified in asked:
                imports(qualified)
        return result

    def _emit(self, space: Namespace, depth: int) -> list[str]:
        indent = "    " * depth
        inner = indent + "    "
        tokens = self._view().members(space)

        def entry(member: Member, token: Token) -> tuple[list[str], str]:
            preamble = kdoc(token.description, inner) if self.descriptions else []
            preamble += deprecated(token, self.tokens, self.refs, inner)
            const = "const " if self.is_const(token) else ""
            return preamble, (
                f"{inner}{self.visibility}{const}val {member.identifier}: "
                f"{self.declared_type(token)} = {self.writer.value(token)}"
            )

        def members(start: int, end: int) -> MemberLines:
            pairs = zip(space.members[start:end], tokens[start:end], strict=True)
            return spaced_lines(entry(member, token) for member, token in pairs)

        if self.slot is None:
            body = join_spaced([members(0, len(tokens))])
        else:
            body = join_spaced(
                self._kept_any(
                    ("own", space.qualified, index), tokens[start:end], partial(members, start, end)
                )
                for index, (start, end) in enumerate(member_runs(space))
            )
        for nested in self._nested(space, depth):
            if body:
                body.append("")
            body += nested
        return [f"{indent}{self.visibility}object {space.identifier} {{", *body, f"{indent}}}"]

    def _nested(self, space: Namespace, depth: int) -> list[list[str]]:
        """The objects of the nested namespaces; a wide namespace keeps them in blocks."""
        if self.slot is None or len(space.groups) <= BLOCK:
            return [self.emit(group, depth + 1) for group in space.groups.values()]
        out: list[list[str]] = []
        for index, groups in enumerate(group_blocks(space)):

            def block(run: tuple[Namespace, ...] = groups) -> list[list[str]]:
                return [self.emit(group, depth + 1) for group in run]

            key = ("block", space.qualified, index)
            out += self._kept_any(key, self._view().run(groups), block)
        return out

    def _view(self) -> TreeView:
        assert self.view is not None, "emit() sets it at depth 0"
        return self.view


HEADER = (
    "// Generated by Encore from design tokens. Do not edit: change the tokens and run "
    "`encore build`."
)
