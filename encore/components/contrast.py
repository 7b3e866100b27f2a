"""``component/contrast``: every text, icon and control part meets WCAG 2.x contrast against
what it sits on, in every cell (variant x size x state) and every theme permutation.

The backdrop is built like a renderer would: the surface (``accessibility.surface``,
default ``background.base``), then each part from the container inwards, its
``background`` composited over what is beneath and the whole part faded by its ``opacity``.
A text or icon part is measured by its ``color``; a track, fill or thumb by its
``background`` against the parts beneath it. Text is 4.5:1, or 3:1 when its bound text
style is large (24 px, or 18.66 px bold); the rest 3:1. States listed in
``accessibility.inactive-states`` (default ``disabled``) are exempt, as WCAG allows.

``component/unbound``: a checked part without a colour in some cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from encore.components.properties import (
    BOLD_WEIGHT,
    CONTRAST_ROLES,
    LARGE_BOLD_TEXT_PX,
    LARGE_TEXT_PX,
    PROPERTY_TYPES,
)
from encore.components.resolve import lookup, resolve
from encore.components.spec import Binding, Cell, ComponentSpec, Part
from encore.components.target import to_px
from encore.diagnostics import Diagnostic, Origin
from encore.model import TokenSet
from encore.rules.contrast import ratio
from encore.themes import Themes
from encore.values.color import srgb_components, srgb_hex
from encore.values.types import Color, Number, Typography

if TYPE_CHECKING:
    from encore.components.validate import TokenChecker

RGB = tuple[float, float, float]
_rgba = lru_cache(maxsize=4096)(srgb_components)


@dataclass(frozen=True, slots=True)
class Layer:
    """A part's background and opacity bindings in one cell."""

    background: Binding | None
    opacity: Binding | None


@dataclass(frozen=True, slots=True)
class Failure:
    ratio: float
    needed: float
    kind: str
    theme: str
    cell: Cell
    foreground: str
    backdrop: str


def _over(top: Color | None, under: RGB) -> RGB:
    if top is None:
        return under
    r, g, b, a = _rgba(top)
    return (r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a))


def _mix(under: RGB, top: RGB, opacity: float) -> RGB:
    return tuple(u * (1 - opacity) + t * opacity for u, t in zip(under, top, strict=True))  # type: ignore[return-value]


def _value(binding: Binding | None, tokens: TokenSet) -> object:
    token = tokens.get(binding.token) if binding is not None else None
    return token.value if token is not None else None


def _render(layers: list[Layer], top: Color | None, base: RGB, tokens: TokenSet) -> RGB:
    """The pixel seen through ``layers`` (outermost first), with ``top`` innermost."""
    if not layers:
        return _over(top, base)
    layer, rest = layers[0], layers[1:]
    background = _value(layer.background, tokens)
    inner = _over(background if isinstance(background, Color) else None, base)
    inner = _render(rest, top, inner, tokens)
    opacity = _value(layer.opacity, tokens)
    return _mix(base, inner, opacity.value) if isinstance(opacity, Number) else inner


def _is_large(binding: Binding | None, tokens: TokenSet) -> bool:
    style = _value(binding, tokens)
    if not isinstance(style, Typography):
        return False
    size = to_px(style.font_size)
    return size >= LARGE_TEXT_PX or (
        size >= LARGE_BOLD_TEXT_PX and style.font_weight.value >= BOLD_WEIGHT
    )


def _solid(rgb: RGB) -> Color:
    return Color("srgb", rgb)


def _part_check(
    spec: ComponentSpec,
    part: Part,
    themes: Themes,
    surface: str,
    broken: set[Origin],
    limits: dict[str, float],
) -> list[Diagnostic]:
    prop, kind = CONTRAST_ROLES[part.role]
    inactive = set(spec.accessibility.inactive_states)
    chain = [*spec.ancestors(part), part]
    unbound: list[Cell] = []
    failures: dict[tuple[Origin, tuple[Origin, ...]], list[Failure]] = {}
    for cell in resolve(spec).cells:
        if inactive & set(cell.states):
            continue
        fg = lookup(spec, part.name, prop, cell)
        if fg is None:
            unbound.append(cell)
            continue
        layers = [
            Layer(lookup(spec, p.name, "background", cell), lookup(spec, p.name, "opacity", cell))
            for p in chain
        ]
        style = lookup(spec, part.name, "text-style", cell) if kind == "text" else None
        used = [fg, style, *(b for layer in layers for b in (layer.background, layer.opacity))]
        if any(b is not None and b.origin in broken for b in used):
            continue
        if prop == "background":  # the part's own fill is the foreground
            under, over = layers[:-1], layers
            top: Binding | None = None
        else:
            under = over = layers
            top = fg
        backdrop = [lay.background for lay in under if lay.background is not None]
        key = (fg.origin, tuple(b.origin for b in backdrop))
        for perm in themes.permutations():
            tokens = themes.sets[perm]
            page_token = tokens.get(surface)
            page = page_token.value if page_token is not None else None
            if not isinstance(page, Color):
                continue
            base = _over(page, (0.0, 0.0, 0.0))
            colour = _value(top, tokens)
            seen = _render(over, colour if isinstance(colour, Color) else None, base, tokens)
            behind = _render(under, None, base, tokens)
            needed_kind = "large-text" if kind == "text" and _is_large(style, tokens) else kind
            needed = limits[needed_kind]
            value = ratio(_solid(seen), _solid(behind))
            if value + 1e-9 >= needed:
                continue
            failures.setdefault(key, []).append(
                Failure(
                    value,
                    needed,
                    needed_kind,
                    themes.label(perm) or "the build",
                    cell,
                    f'"{fg.token}" ({srgb_hex(_solid(seen))})',
                    (f'"{backdrop[-1].token}"' if backdrop else f'the surface "{surface}"')
                    + f" ({srgb_hex(_solid(behind))})",
                )
            )
    out: list[Diagnostic] = []
    for (where, related), found in failures.items():
        worst = min(found, key=lambda f: f.ratio)
        others = len(found) - 1
        out.append(
            Diagnostic(
                "component/contrast",
                f"{part.name} {prop} {worst.foreground} on {worst.backdrop} is "
                f"{worst.ratio:.2f}:1 in {worst.theme}, {worst.cell.label()}; "
                f"{worst.kind} needs {worst.needed:g}:1",
                where,
                related=related,
                help=(f"also fails in {others} more theme/cell combinations; " if others else "")
                + "bind colours further apart"
                + (" (large text, 24 px or 18.66 px bold, needs 3:1)" if kind == "text" else ""),
            )
        )
    if unbound and spec.complete:
        more = f" (and {len(unbound) - 1} more cells)" if len(unbound) > 1 else ""
        out.append(
            Diagnostic(
                "component/unbound",
                f"the {part.role} part {part.name} has no {prop} for {unbound[0].label()}{more}",
                part.origin,
                part="key",
                help=f"bind tokens: {part.name}: {prop}: ... so its contrast can be checked",
            )
        )
    return out


def check(
    spec: ComponentSpec,
    themes: Themes,
    checker: TokenChecker,
    broken: set[Origin],
    limits: dict[str, float],
) -> list[Diagnostic]:
    """Contrast failures and unbound colours of every checked part."""
    surface = spec.accessibility.surface
    token, out = checker.check(
        surface.token, PROPERTY_TYPES["background"], surface.origin, surface.literal, "the surface"
    )
    if token is None:
        return out
    for part in spec.parts:
        if part.role in CONTRAST_ROLES:
            out += _part_check(spec, part, themes, surface.token, broken, limits)
    return out
