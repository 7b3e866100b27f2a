"""Value transforms: a platform's own changes to resolved values, before its formats run.

A ``platform.yaml`` lists transforms by name, in the order they apply::

    transforms:
      - acme/round-dimensions            # a name alone
      - transform: acme/clamp-opacity    # or a name with options
        options: {max: 0.9}

A `Transform` sees every resolved token of every theme permutation (only those of its
``types``, when given) and returns a new value of the same kind, or ``None`` to leave it.
References stay references: a transformed primitive changes what its aliases print on
every platform that prints the value, and nothing else. Encore has no built-in transforms
yet; they come from plugins (`encore.plugins`, entry-point group ``encore.transforms``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from encore.config import TransformConfig, schema_diagnostics
from encore.diagnostics import Diagnostic
from encore.model import Token, TokenSet
from encore.plugins import Registry
from encore.suggest import did_you_mean
from encore.themes import Themes
from encore.values.types import TokenType, Value

Apply = Callable[[Token, Mapping[str, Any]], Value | None]


@dataclass(frozen=True, slots=True)
class Transform:
    """A named change to token values; ``options`` is the JSON Schema of its options."""

    name: str
    summary: str
    apply: Apply
    types: frozenset[TokenType] | None = None
    options: dict[str, Any] = field(default_factory=lambda: {"type": "object"})


TRANSFORMS: Registry[Transform] = Registry("encore.transforms", Transform, lambda: {})


def check_transforms(configs: tuple[TransformConfig, ...]) -> list[Diagnostic]:
    """Unknown or broken transform names, and options their schema refuses."""
    found: list[Diagnostic] = []
    for config in configs:
        transform = TRANSFORMS.get(config.name)
        if transform is None:
            problem = TRANSFORMS.problem(config.name)
            names = TRANSFORMS.names()
            found.append(
                Diagnostic(
                    "config/unknown-transform",
                    problem or f'unknown transform "{config.name}"',
                    config.origin,
                    help=did_you_mean(config.name, names)
                    or (
                        "installed transforms: " + ", ".join(names)
                        if names
                        else "transforms come from plugin packages (entry-point group "
                        '"encore.transforms"); none is installed'
                    ),
                )
            )
            continue
        found += schema_diagnostics(
            config.options, transform.options, config.origin.child("options"), "config/transform"
        )
    return found


def _apply_one(
    tokens: TokenSet, transform: Transform, config: TransformConfig, report: list[Diagnostic]
) -> TokenSet:
    changed: dict[str, Token] = {}
    for token in tokens:
        if transform.types is not None and token.type not in transform.types:
            continue
        try:
            value = transform.apply(token, config.options)
        except Exception as exc:  # a plugin's bug, reported at the token it failed on
            report.append(
                Diagnostic(
                    "transform/failed",
                    f'the transform "{transform.name}" failed on "{token.name}": '
                    f"{type(exc).__name__}: {exc}",
                    token.origin,
                    part="value",
                    related=(config.origin,),
                    help="fix the transform, or remove it from the platform's transforms",
                )
            )
            continue
        if value is None or value == token.value:
            continue
        if type(value) is not type(token.value):
            report.append(
                Diagnostic(
                    "transform/changed-type",
                    f'the transform "{transform.name}" turned the {token.type.value} '
                    f'"{token.name}" into a {type(value).__name__}',
                    token.origin,
                    part="value",
                    related=(config.origin,),
                    help="a transform must return a value of the token's own type",
                )
            )
            continue
        changed[token.name] = replace(token, value=value)
    if not changed:
        return tokens
    return TokenSet({name: changed.get(name, token) for name, token in tokens.tokens.items()})


def apply_transforms(
    themes: Themes, configs: tuple[TransformConfig, ...]
) -> tuple[Themes, list[Diagnostic]]:
    """Every permutation with the platform's transforms applied in order."""
    if not configs:
        return themes, []
    report: list[Diagnostic] = []
    sets = dict(themes.sets)
    for config in configs:
        transform = TRANSFORMS.get(config.name)
        if transform is None:
            continue  # reported by check_transforms
        sets = {key: _apply_one(tokens, transform, config, report) for key, tokens in sets.items()}
    return Themes(themes.axes, sets, themes.chosen), report


__all__ = [
    "TRANSFORMS",
    "Transform",
    "TransformConfig",
    "apply_transforms",
    "check_transforms",
]
