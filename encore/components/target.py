"""``component/target-size``: an interactive component's minimum target is at least 44 pt on
iOS, 48 dp on Android and 44 px on the web (px = pt = dp here; rem x 16).

The target is ``accessibility.minimum-target`` (one dimension token, or one per platform),
else the container's ``min-target`` bindings, which must then cover every variant and size.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from encore.components.properties import PLATFORM_LABELS, PROPERTY_TYPES, TARGET_MINIMUMS
from encore.components.resolve import lookup
from encore.components.spec import Cell, ComponentSpec
from encore.diagnostics import Diagnostic, Origin
from encore.themes import Themes
from encore.values.types import Dimension

if TYPE_CHECKING:
    from encore.components.validate import TokenChecker

PROPERTY = "min-target"


def to_px(value: Dimension) -> float:
    """A dimension in px (rem x 16)."""
    return value.value * 16 if value.unit == "rem" else value.value


def _measure(
    name: str, platforms: tuple[str, ...], where: Origin, themes: Themes
) -> Diagnostic | None:
    failing: dict[str, str] = {}
    smallest: float | None = None
    for key in themes.permutations():
        token = themes.sets[key].get(name)
        if token is None or not isinstance(token.value, Dimension):
            continue
        px = to_px(token.value)
        for platform in platforms:
            minimum, _ = TARGET_MINIMUMS[platform]
            if px < minimum:
                failing.setdefault(platform, themes.label(key))
                smallest = px if smallest is None else min(smallest, px)
    if not failing or smallest is None:
        return None
    below = [
        f"{TARGET_MINIMUMS[p][0]:g} {TARGET_MINIMUMS[p][1]} on {PLATFORM_LABELS[p]}"
        for p in platforms
        if p in failing
    ]
    return Diagnostic(
        "component/target-size",
        f'the minimum target "{name}" is {smallest:g} px: below ' + ", ".join(below),
        where,
        help="name a larger dimension token (control.min-target is 48 px), or one per "
        "platform under accessibility.minimum-target",
    )


def check(
    spec: ComponentSpec, themes: Themes, checker: TokenChecker, broken: set[Origin]
) -> list[Diagnostic]:
    """Every minimum target that is too small, and interactive components without one."""
    out: list[Diagnostic] = []
    a11y = spec.accessibility
    found = False
    if a11y.minimum_target:
        by_ref: dict[tuple[str, Origin], list[str]] = {}
        for platform, ref in a11y.minimum_target.items():
            by_ref.setdefault((ref.token, ref.origin), []).append(platform)
        for (name, where), platforms in by_ref.items():
            ref = a11y.minimum_target[platforms[0]]
            token, problems = checker.check(
                name, PROPERTY_TYPES[PROPERTY], where, ref.literal, "the minimum target"
            )
            out += problems
            found = True
            if token is not None:
                problem = _measure(name, tuple(platforms), where, themes)
                out += [problem] if problem else []
        return out
    root = spec.root.name
    for binding in spec.bindings:
        if binding.part == root and binding.property == PROPERTY:
            found = True
            if binding.origin not in broken:
                problem = _measure(binding.token, tuple(TARGET_MINIMUMS), binding.origin, themes)
                out += [problem] if problem else []
    if not a11y.interactive or not spec.complete:
        return out
    if not found:
        return [
            *out,
            Diagnostic(
                "component/target-size",
                f"the {'/'.join(a11y.roles())} {spec.id} has no minimum target",
                a11y.origin,
                part="key",
                help="set accessibility.minimum-target, or bind the container's min-target "
                "(control.min-target is 48 px)",
            ),
        ]
    combos = itertools.product(*[[(a.name, v) for v in a.values] for a in spec.variants])
    for combo, size in itertools.product(combos, spec.sizes or (None,)):
        cell = Cell(tuple(combo), size, ())
        if lookup(spec, root, PROPERTY, cell) is None:
            named = [f"{axis}={value}" for axis, value in combo] + [f"size={size}"] * bool(size)
            out.append(
                Diagnostic(
                    "component/target-size",
                    f"no minimum target for {', '.join(named) or 'the default state'}",
                    spec.origin.child("tokens", root),
                    part="key",
                    help=f"bind {root} min-target for it, or under all",
                )
            )
    return out
