"""What the Kotlin and Compose formats share: literals, imports, KDoc, ``@Deprecated`` and
the nested ``object`` tree.

Groups become nested objects in UpperCamelCase and tokens ``val``s in lowerCamelCase. A
type the file imports whose short name a group would hide (a group ``color`` hides
Compose's ``Color``) is imported under an alias instead (``ComposeColor``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from encore.formats._common import (
    c_style_escape,
    comment_lines,
    decimal,
    deprecation_message,
    replacement,
)
from encore.formats._writer import ReferenceWriter
from encore.formats.namespaces import Namespace, Naming
from encore.formats.naming import camel, kotlin_identifier, pascal, words
from encore.model import Token, TokenSet

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


@dataclass
class Imports:
    """Imported types by short name; a name a group hides is imported under an alias."""

    hidden: frozenset[str]
    alias_prefix: str
    used: dict[str, str] = field(default_factory=dict)  # qualified name → name in code

    def __call__(self, qualified: str) -> str:
        """The name the code uses for ``qualified`` (recorded for the import list)."""
        if qualified not in self.used:
            short = qualified.rsplit(".", 1)[-1]
            name = short
            while name in self.hidden:
                name = self.alias_prefix + name
            self.used[qualified] = name
        return self.used[qualified]

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

    def emit(self, space: Namespace, depth: int = 0) -> list[str]:
        indent = "    " * depth
        inner = indent + "    "
        body: list[str] = []
        spaced = False
        for member in space.members:
            token = member.token
            preamble = kdoc(token.description, inner) if self.descriptions else []
            preamble += deprecated(token, self.tokens, self.refs, inner)
            if body and (preamble or spaced):
                body.append("")
            spaced = bool(preamble)
            body += preamble
            const = "const " if self.is_const(token) else ""
            body.append(
                f"{inner}{self.visibility}{const}val {member.identifier}: "
                f"{self.declared_type(token)} = {self.writer.value(token)}"
            )
        for group in space.groups.values():
            if body:
                body.append("")
            body += self.emit(group, depth + 1)
        return [f"{indent}{self.visibility}object {space.identifier} {{", *body, f"{indent}}}"]


HEADER = (
    "// Generated by Encore from design tokens. Do not edit: change the tokens and run "
    "`encore build`."
)
