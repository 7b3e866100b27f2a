"""Validating specs against compiled themes.

- ``component/binding``: a binding names a token that exists (with a "did you mean").
- ``component/tier``: only semantic or component tokens; no raw values, no primitives.
- ``component/type``: the token's type fits the property (`properties.PROPERTY_TYPES`).
- ``component/deprecated-token`` (warning): a binding names a deprecated token.
- ``component/target-size``: the minimum target per platform (`encore.components.target`).
- ``component/contrast``, ``component/unbound``: text and icons in every cell and theme
  (`encore.components.contrast`).
- ``component/duplicate``, ``component/deprecation``: across specs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from encore.components import contrast, target
from encore.components.properties import PROPERTY_TYPES
from encore.components.spec import ComponentSpec
from encore.config import DEFAULT_THRESHOLDS
from encore.diagnostics import Diagnostic, Origin, Severity
from encore.model import Token
from encore.suggest import did_you_mean
from encore.themes import Themes
from encore.values.types import TokenType

ALLOWED_TIERS = ("semantic", "component")
LOCAL_TIERS = (*ALLOWED_TIERS, "local")  # a local system's spec may bind its local tokens


def tiers_for(spec: ComponentSpec) -> tuple[str, ...]:
    """The tiers a spec may bind: local tokens only from a local system's spec."""
    return ALLOWED_TIERS if spec.owner == "foundation" else LOCAL_TIERS


_RAW = re.compile(r"^(?:#|[-+]?\.?\d|(?:rgba?|hsla?|oklch|oklab|lab|lch|color|var)\()|\s", re.I)


def _type_names(types: Iterable[TokenType]) -> str:
    return " or ".join(sorted(t.value for t in types))


class TokenChecker:
    """Looks token names up in the default permutation and explains what is wrong."""

    def __init__(self, themes: Themes) -> None:
        self.tokens = themes.default
        self.tiers: tuple[str, ...] = ALLOWED_TIERS  # set per spec (`tiers_for`)
        self.bindable = [t.name for t in self.tokens if t.tier in ALLOWED_TIERS]

    def check(
        self, name: str, types: frozenset[TokenType], where: Origin, literal: bool, what: str
    ) -> tuple[Token | None, list[Diagnostic]]:
        """The token if it may be bound here, else ``None`` and the reasons."""
        token = self.tokens.get(name)
        if token is None:
            if literal or _RAW.search(name):
                return None, [
                    Diagnostic(
                        "component/tier",
                        f'{what} is the raw value "{name}"; components bind tokens',
                        where,
                        help=f"name a semantic or component {_type_names(types)} token",
                    )
                ]
            return None, [
                Diagnostic(
                    "component/binding",
                    f'no token named "{name}"',
                    where,
                    help=did_you_mean(name, self.bindable)
                    or f"name a semantic or component {_type_names(types)} token",
                )
            ]
        out: list[Diagnostic] = []
        if token.tier not in self.tiers:
            aliases = [t.name for t in self.tokens if t.alias_of == name and t.tier in self.tiers]
            hint = (
                "bind a token that names it instead: " + ", ".join(aliases[:4]) if aliases else None
            )
            out.append(
                Diagnostic(
                    "component/tier",
                    f'"{name}" is a {token.tier or "tierless"} token; components bind only '
                    "semantic or component tokens",
                    where,
                    help=hint or "bind the semantic token that says what this value is for",
                )
            )
        if token.type not in types:
            out.append(
                Diagnostic(
                    "component/type",
                    f'"{name}" is a {token.type.value} token; {what} takes {_type_names(types)}',
                    where,
                    related=(token.origin,),
                )
            )
        if out:
            return None, out
        if token.deprecated:
            note = token.deprecated if isinstance(token.deprecated, str) else None
            out.append(
                Diagnostic(
                    "component/deprecated-token",
                    f'"{name}" is deprecated',
                    where,
                    severity=Severity.WARNING,
                    help=note,
                )
            )
        return token, out


def _across(specs: Sequence[ComponentSpec]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: dict[tuple[str, str], ComponentSpec] = {}
    ids = {spec.id for spec in specs}
    for spec in specs:
        names = {
            "id": (spec.id, spec.origin.child("id")),
            "web tag": (spec.platforms.web, spec.origin.child("platforms", "web")),
            "SwiftUI type": (spec.platforms.swiftui, spec.origin.child("platforms", "swiftui")),
            "Compose function": (spec.platforms.compose, spec.origin.child("platforms", "compose")),
        }
        for kind, (name, where) in names.items():
            other = seen.setdefault((kind, name), spec)
            if other is not spec:
                out.append(
                    Diagnostic(
                        "component/duplicate",
                        f'two components have the {kind} "{name}"',
                        where,
                        related=(other.origin.child("id"),),
                    )
                )
        replacement = spec.deprecation.replacement if spec.deprecation else None
        if replacement is not None and (replacement not in ids or replacement == spec.id):
            out.append(
                Diagnostic(
                    "component/deprecation",
                    f'the replacement "{replacement}" is not another component',
                    spec.origin.child("deprecation", "replacement"),
                    help=did_you_mean(replacement, ids - {spec.id}),
                )
            )
    return out


def validate(
    specs: Sequence[ComponentSpec],
    themes: Themes,
    thresholds: Mapping[str, float] | None = None,
) -> list[Diagnostic]:
    """Every problem of every spec against the themes; WCAG thresholds per contrast kind
    (``text``, ``large-text``, ``non-text``) default to 4.5, 3 and 3."""
    limits = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    checker = TokenChecker(themes)
    out = _across(specs)
    for spec in specs:
        checker.tiers = tiers_for(spec)
        broken: set[Origin] = set()
        for binding in spec.bindings:
            _, problems = checker.check(
                binding.token,
                PROPERTY_TYPES[binding.property],
                binding.origin,
                binding.literal,
                f"{binding.part} {binding.property}",
            )
            out += problems
            if any(p.severity is Severity.ERROR for p in problems):
                broken.add(binding.origin)
        out += target.check(spec, themes, checker, broken)
        out += contrast.check(spec, themes, checker, broken, limits)
    return out
