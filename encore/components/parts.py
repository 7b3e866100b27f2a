"""Anatomy: parts, their roles and which part each sits in (the container by default)."""

from __future__ import annotations

from typing import Any

from encore.components.spec import Part
from encore.diagnostics import Diagnostic, Origin
from encore.suggest import did_you_mean


def read_parts(raw: dict[str, Any], where: Origin) -> tuple[tuple[Part, ...], list[Diagnostic]]:
    """Parts in source order; exactly one container, every ``in`` names a part, no cycles."""
    out: list[Diagnostic] = []
    containers = [name for name, part in raw.items() if part["role"] == "container"]
    if len(containers) != 1:
        found = ", ".join(containers) or "none"
        out.append(
            Diagnostic(
                "component/anatomy",
                f"the anatomy needs exactly one part with role container (found: {found})",
                where,
                part="key",
                help="the container is the root every other part sits in",
            )
        )
        return (), out
    root = containers[0]
    parts: list[Part] = []
    for name, part in raw.items():
        at = where.child(name)
        parent = part.get("in")
        if name == root:
            if parent is not None:
                out.append(
                    Diagnostic(
                        "component/anatomy",
                        "the container sits in no other part",
                        at.child("in"),
                        part="key",
                    )
                )
            parent = None
        elif parent is None:
            parent = root
        elif parent not in raw or parent == name:
            out.append(
                Diagnostic(
                    "component/unknown-part",
                    f'"{parent}" is not another part of this component',
                    at.child("in"),
                    help=did_you_mean(parent, [n for n in raw if n != name])
                    or "parts: " + ", ".join(raw),
                )
            )
            parent = root
        parts.append(
            Part(
                name, part["role"], parent, at, part.get("optional", False), part.get("description")
            )
        )
    by_name = {p.name: p for p in parts}
    for part in parts:
        seen = {part.name}
        current = part.parent
        while current is not None:
            if current in seen:
                out.append(
                    Diagnostic(
                        "component/anatomy",
                        f'"{part.name}" sits in itself through "{current}"',
                        part.origin.child("in"),
                    )
                )
                break
            seen.add(current)
            current = by_name[current].parent
    return tuple(parts), out
