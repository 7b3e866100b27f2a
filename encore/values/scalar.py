"""Parsers of the simple DTCG types: dimension, duration, number, fontFamily, fontWeight,
cubicBezier and strokeStyle (a keyword or a dash pattern).
"""

from __future__ import annotations

from typing import Any

from encore.diagnostics import Origin
from encore.values.context import FAILED, ParseContext, describe, is_number
from encore.values.types import (
    CubicBezier,
    Dimension,
    Duration,
    FontFamily,
    FontWeight,
    Number,
    StrokeStyle,
)

DIMENSION_UNITS = ("px", "rem")
DURATION_UNITS = ("ms", "s")
FONT_WEIGHT_KEYWORDS = {
    "thin": 100,
    "hairline": 100,
    "extra-light": 200,
    "ultra-light": 200,
    "light": 300,
    "normal": 400,
    "regular": 400,
    "book": 400,
    "medium": 500,
    "semi-bold": 600,
    "demi-bold": 600,
    "bold": 700,
    "extra-bold": 800,
    "ultra-bold": 800,
    "black": 900,
    "heavy": 900,
    "extra-black": 950,
    "ultra-black": 950,
}
STROKE_KEYWORDS = ("solid", "dashed", "dotted", "double", "groove", "ridge", "outset", "inset")
LINE_CAPS = ("round", "butt", "square")


def _measure(
    raw: Any, ctx: ParseContext, origin: Origin, kind: str, units: tuple[str, ...]
) -> tuple[float, str] | None:
    example = (
        f"{{value: 16, unit: {units[0]}}}" if kind == "dimension" else "{value: 200, unit: ms}"
    )
    if not isinstance(raw, dict):
        hint = f"write {example}"
        if isinstance(raw, str):
            number = raw.rstrip("abcdefghijklmnopqrstuvwxyz% ")
            unit = raw[len(number) :].strip()
            if number and unit in units:
                hint = f"write {{value: {number}, unit: {unit}}}"
        ctx.error(origin, f"type/{kind}", f"{describe(raw)} is not a {kind}", hint)
        return None
    ok = True
    for key in raw:
        if key not in ("value", "unit"):
            ctx.error(origin.child(key), f"type/{kind}", f'unknown {kind} property "{key}"')
            ok = False
    if "value" not in raw or "unit" not in raw:
        missing = "value" if "value" not in raw else "unit"
        ctx.error(origin, f"type/{kind}", f"{kind} is missing {missing}", f"write {example}")
        return None
    value = ctx.leaf(raw["value"], origin.child("value"))
    unit = ctx.leaf(raw["unit"], origin.child("unit"))
    if value is FAILED or unit is FAILED:
        return None
    if not is_number(value):
        ctx.error(
            origin.child("value"),
            f"type/{kind}",
            f"{kind} value must be a number, not {describe(value)}",
            f"write {example}",
        )
        ok = False
    if unit not in units:
        ctx.error(
            origin.child("unit"),
            f"type/{kind}",
            f"{describe(unit)} is not a {kind} unit: use " + " or ".join(units),
        )
        ok = False
    return (float(value), str(unit)) if ok else None


def parse_dimension(raw: Any, ctx: ParseContext, origin: Origin) -> Dimension | None:
    """``{value, unit}`` with ``px`` or ``rem``."""
    parsed = _measure(raw, ctx, origin, "dimension", DIMENSION_UNITS)
    return Dimension(*parsed) if parsed else None


def parse_duration(raw: Any, ctx: ParseContext, origin: Origin) -> Duration | None:
    """``{value, unit}`` with ``ms`` or ``s``."""
    parsed = _measure(raw, ctx, origin, "duration", DURATION_UNITS)
    if parsed and parsed[0] < 0:
        ctx.error(origin.child("value"), "type/duration", "a duration cannot be negative")
        return None
    return Duration(*parsed) if parsed else None


def parse_number(raw: Any, ctx: ParseContext, origin: Origin) -> Number | None:
    """A plain JSON number."""
    if not is_number(raw):
        ctx.error(origin, "type/number", f"{describe(raw)} is not a number")
        return None
    return Number(float(raw))


def parse_font_family(raw: Any, ctx: ParseContext, origin: Origin) -> FontFamily | None:
    """A font name or a non-empty list of names."""
    if isinstance(raw, str) and raw.strip():
        return FontFamily((raw,), single=True)
    if isinstance(raw, list) and raw:
        names: list[str] = []
        for i, item in enumerate(raw):
            value = ctx.leaf(item, origin.child(i))
            if value is FAILED:
                return None
            if not isinstance(value, str) or not value.strip():
                ctx.error(
                    origin.child(i),
                    "type/fontFamily",
                    f"font names must be non-empty strings, not {describe(value)}",
                )
                return None
            names.append(value)
        return FontFamily(tuple(names))
    ctx.error(
        origin,
        "type/fontFamily",
        f"{describe(raw)} is not a font family",
        'write a name ("Inter") or a fallback list (["Inter", "sans-serif"])',
    )
    return None


def parse_font_weight(raw: Any, ctx: ParseContext, origin: Origin) -> FontWeight | None:
    """A number from 1 to 1000 or one of the spec's keywords."""
    if is_number(raw):
        if 1 <= raw <= 1000:
            return FontWeight(float(raw))
        ctx.error(origin, "type/fontWeight", f"font weight {raw} is out of range: 1 to 1000")
        return None
    if isinstance(raw, str) and raw in FONT_WEIGHT_KEYWORDS:
        return FontWeight(float(FONT_WEIGHT_KEYWORDS[raw]), raw)
    from encore.suggest import did_you_mean

    hint = None
    if isinstance(raw, str):
        hint = did_you_mean(raw.lower(), FONT_WEIGHT_KEYWORDS)
        if raw.lower() in FONT_WEIGHT_KEYWORDS:
            hint = f'keywords are lower case: write "{raw.lower()}"'
    ctx.error(
        origin,
        "type/fontWeight",
        f"{describe(raw)} is not a font weight",
        hint or "use a number from 1 to 1000 or a keyword such as regular, bold, black",
    )
    return None


def parse_cubic_bezier(raw: Any, ctx: ParseContext, origin: Origin) -> CubicBezier | None:
    """``[x1, y1, x2, y2]`` with both x values in [0, 1]."""
    if not isinstance(raw, list) or len(raw) != 4:
        ctx.error(
            origin,
            "type/cubicBezier",
            f"{describe(raw)} is not a cubic Bézier: it needs 4 numbers [x1, y1, x2, y2]",
            "for example [0.3, 0, 0, 1]",
        )
        return None
    values: list[float] = []
    ok = True
    for i, item in enumerate(raw):
        value = ctx.leaf(item, origin.child(i))
        if value is FAILED:
            return None
        if not is_number(value):
            ctx.error(origin.child(i), "type/cubicBezier", f"{describe(value)} is not a number")
            ok = False
        elif i in (0, 2) and not 0 <= value <= 1:
            ctx.error(
                origin.child(i),
                "type/cubicBezier",
                f"x{i // 2 + 1} is {value}: x values must lie from 0 to 1",
            )
            ok = False
        else:
            values.append(float(value))
    return CubicBezier(*values) if ok else None


def parse_stroke_style(raw: Any, ctx: ParseContext, origin: Origin) -> StrokeStyle | None:
    """A keyword or ``{dashArray: [dimension, ...], lineCap}``."""
    if isinstance(raw, str):
        if raw in STROKE_KEYWORDS:
            return StrokeStyle(keyword=raw)
        from encore.suggest import did_you_mean

        ctx.error(
            origin,
            "type/strokeStyle",
            f"{describe(raw)} is not a stroke style",
            did_you_mean(raw, STROKE_KEYWORDS) or "use one of: " + ", ".join(STROKE_KEYWORDS),
        )
        return None
    if not isinstance(raw, dict):
        ctx.error(origin, "type/strokeStyle", f"{describe(raw)} is not a stroke style")
        return None
    ok = True
    for key in raw:
        if key not in ("dashArray", "lineCap"):
            ctx.error(
                origin.child(key), "type/strokeStyle", f'unknown stroke style property "{key}"'
            )
            ok = False
    for key in ("dashArray", "lineCap"):
        if key not in raw:
            ctx.error(
                origin,
                "type/strokeStyle",
                f"stroke style is missing {key}",
                "write {dashArray: [{value: 4, unit: px}], lineCap: round}",
            )
            return None
    dashes_raw = ctx.leaf(raw["dashArray"], origin.child("dashArray"))
    if dashes_raw is FAILED:
        return None
    dashes: list[Any] = []
    if not isinstance(dashes_raw, list) or not dashes_raw:
        ctx.error(
            origin.child("dashArray"),
            "type/strokeStyle",
            f"dashArray must be a non-empty list of dimensions, not {describe(dashes_raw)}",
        )
        ok = False
    else:
        for i, item in enumerate(dashes_raw):
            dash = ctx.slot(item, "dimension", origin.child("dashArray", i))
            ok = ok and dash is not None
            dashes.append(dash)
    cap = ctx.leaf(raw["lineCap"], origin.child("lineCap"))
    if cap is FAILED:
        return None
    if cap not in LINE_CAPS:
        ctx.error(
            origin.child("lineCap"),
            "type/strokeStyle",
            f"{describe(cap)} is not a line cap: use round, butt or square",
        )
        ok = False
    return StrokeStyle(dash_array=tuple(dashes), line_cap=str(cap)) if ok else None
