"""Parsers of the DTCG composite types: border, transition, shadow, gradient, typography.

Every sub-value goes through `ParseContext.slot`, so it may be written inline or be a
reference to a token of the sub-value's type.
"""

from __future__ import annotations

from typing import Any

from encore.diagnostics import Origin
from encore.values.context import FAILED, ParseContext, describe, is_reference
from encore.values.types import (
    Border,
    Gradient,
    GradientStop,
    Number,
    Shadow,
    ShadowLayer,
    Transition,
    Typography,
)

BORDER_FIELDS = {"color": "color", "width": "dimension", "style": "strokeStyle"}
TRANSITION_FIELDS = {"duration": "duration", "delay": "duration", "timingFunction": "cubicBezier"}
SHADOW_FIELDS = {
    "color": "color",
    "offsetX": "dimension",
    "offsetY": "dimension",
    "blur": "dimension",
    "spread": "dimension",
}
STOP_FIELDS = {"color": "color", "position": "number"}
TYPOGRAPHY_FIELDS = {
    "fontFamily": "fontFamily",
    "fontSize": "dimension",
    "fontWeight": "fontWeight",
    "letterSpacing": "dimension",
    "lineHeight": "number",
}


def _fields(
    raw: Any,
    ctx: ParseContext,
    origin: Origin,
    kind: str,
    fields: dict[str, str],
    optional: tuple[str, ...] = (),
    label: str | None = None,
) -> dict[str, Any] | None:
    """Parse the required sub-values of a composite object; ``None`` when any is wrong."""
    rule, kind = f"type/{kind}", label or kind
    if not isinstance(raw, dict):
        ctx.error(
            origin,
            rule,
            f"{describe(raw)} is not a {kind}: it needs an object with " + ", ".join(fields),
        )
        return None
    ok = True
    for key in raw:
        if key not in fields and key not in optional:
            ctx.error(
                origin.child(key),
                rule,
                f'unknown {kind} property "{key}"',
                f"a {kind} has " + ", ".join((*fields, *optional)),
            )
            ok = False
    missing = [key for key in fields if key not in raw]
    if missing:
        ctx.error(
            origin,
            rule,
            f"{kind} is missing {', '.join(missing)}",
            f"a {kind} needs all of " + ", ".join(fields),
        )
        return None
    parsed: dict[str, Any] = {}
    for key, sub_kind in fields.items():
        value = ctx.slot(raw[key], sub_kind, origin.child(key))
        ok = ok and value is not None
        parsed[key] = value
    return parsed if ok else None


def _not_negative(
    f: dict[str, Any], keys: tuple[str, ...], ctx: ParseContext, origin: Origin, kind: str
) -> bool:
    """Sizes that cannot be negative on any platform (widths, blurs, font sizes)."""
    ok = True
    for key in keys:
        if f[key].value < 0:
            ctx.error(origin.child(key), f"type/{kind}", f"{kind} {key} cannot be negative")
            ok = False
    return ok


def parse_border(raw: Any, ctx: ParseContext, origin: Origin) -> Border | None:
    """``{color, width, style}``."""
    f = _fields(raw, ctx, origin, "border", BORDER_FIELDS)
    if f is None or not _not_negative(f, ("width",), ctx, origin, "border"):
        return None
    return Border(f["color"], f["width"], f["style"])


def parse_transition(raw: Any, ctx: ParseContext, origin: Origin) -> Transition | None:
    """``{duration, delay, timingFunction}``."""
    f = _fields(raw, ctx, origin, "transition", TRANSITION_FIELDS)
    return Transition(f["duration"], f["delay"], f["timingFunction"]) if f else None


def parse_shadow_layer(raw: Any, ctx: ParseContext, origin: Origin) -> ShadowLayer | None:
    """One shadow object, with an optional boolean ``inset``."""
    f = _fields(raw, ctx, origin, "shadow", SHADOW_FIELDS, optional=("inset",))
    if f is None or not _not_negative(f, ("blur",), ctx, origin, "shadow"):
        return None
    inset = ctx.leaf(raw.get("inset", False), origin.child("inset"))
    if inset is FAILED:
        return None
    if not isinstance(inset, bool):
        ctx.error(
            origin.child("inset"),
            "type/shadow",
            f"inset must be true or false, not {describe(inset)}",
        )
        return None
    return ShadowLayer(f["color"], f["offsetX"], f["offsetY"], f["blur"], f["spread"], inset)


def parse_shadow(raw: Any, ctx: ParseContext, origin: Origin) -> Shadow | None:
    """A shadow object or a non-empty list of them (elements may reference shadow tokens)."""
    if not isinstance(raw, list):
        layer = parse_shadow_layer(raw, ctx, origin)
        return Shadow((layer,)) if layer else None
    if not raw:
        ctx.error(origin, "type/shadow", "a shadow list cannot be empty")
        return None
    layers: list[ShadowLayer] = []
    ok = True
    for i, item in enumerate(raw):
        if not isinstance(item, dict) and not is_reference(item):
            ctx.error(
                origin.child(i),
                "type/shadow",
                f"shadow list items must be shadow objects, not {describe(item)}",
            )
            ok = False
            continue
        value = ctx.slot(item, "shadowLayer", origin.child(i))
        if isinstance(value, Shadow):
            layers.extend(value.layers)
        elif isinstance(value, ShadowLayer):
            layers.append(value)
        else:
            ok = False
    return Shadow(tuple(layers), is_list=True) if ok else None


def parse_gradient_stop(raw: Any, ctx: ParseContext, origin: Origin) -> GradientStop | None:
    """``{color, position}``; positions outside [0, 1] are clamped, as the spec says."""
    f = _fields(raw, ctx, origin, "gradient", STOP_FIELDS, label="gradient stop")
    if f is None:
        return None
    position: Number = f["position"]
    return GradientStop(f["color"], min(max(position.value, 0.0), 1.0))


def parse_gradient(raw: Any, ctx: ParseContext, origin: Origin) -> Gradient | None:
    """A non-empty list of stops (elements may reference gradient tokens)."""
    if not isinstance(raw, list) or not raw:
        ctx.error(
            origin,
            "type/gradient",
            f"{describe(raw)} is not a gradient: it needs a non-empty list of "
            "{color, position} stops",
        )
        return None
    stops: list[GradientStop] = []
    ok = True
    for i, item in enumerate(raw):
        value = ctx.slot(item, "gradientStop", origin.child(i))
        if isinstance(value, Gradient):
            stops.extend(value.stops)
        elif isinstance(value, GradientStop):
            stops.append(value)
        else:
            ok = False
    return Gradient(tuple(stops)) if ok else None


def parse_typography(raw: Any, ctx: ParseContext, origin: Origin) -> Typography | None:
    """``{fontFamily, fontSize, fontWeight, letterSpacing, lineHeight}``."""
    f = _fields(raw, ctx, origin, "typography", TYPOGRAPHY_FIELDS)
    if f is None or not _not_negative(f, ("fontSize", "lineHeight"), ctx, origin, "typography"):
        return None
    return Typography(
        f["fontFamily"], f["fontSize"], f["fontWeight"], f["letterSpacing"], f["lineHeight"]
    )
