"""Colour: DTCG 2025.10 colour objects in 14 colour spaces, and colour science via coloraide.

Parsing checks the space, the component count and ranges (``"none"`` allowed), ``alpha``
and the ``hex`` fallback. Conversions (sRGB hex, gamut checks, CSS strings, contrast)
are shared by every output format.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from encore.diagnostics import Origin
from encore.values.context import FAILED, ParseContext, describe, is_number
from encore.values.types import Color

INF = math.inf
_UNIT = (0.0, 1.0, True)
_HUE = (0.0, 360.0, False)  # upper bound excluded
_PERCENT = (0.0, 100.0, True)
_FREE = (-INF, INF, True)
_CHROMA = (0.0, INF, True)

# space -> (coloraide id, component names, ranges, scale to coloraide)
SPACES: dict[str, tuple[str, tuple[str, str, str], tuple[Any, Any, Any], tuple[float, ...]]] = {
    "srgb": ("srgb", ("red", "green", "blue"), (_UNIT,) * 3, (1, 1, 1)),
    "srgb-linear": ("srgb-linear", ("red", "green", "blue"), (_UNIT,) * 3, (1, 1, 1)),
    "display-p3": ("display-p3", ("red", "green", "blue"), (_UNIT,) * 3, (1, 1, 1)),
    "a98-rgb": ("a98-rgb", ("red", "green", "blue"), (_UNIT,) * 3, (1, 1, 1)),
    "prophoto-rgb": ("prophoto-rgb", ("red", "green", "blue"), (_UNIT,) * 3, (1, 1, 1)),
    "rec2020": ("rec2020", ("red", "green", "blue"), (_UNIT,) * 3, (1, 1, 1)),
    "xyz-d65": ("xyz-d65", ("x", "y", "z"), (_UNIT,) * 3, (1, 1, 1)),
    "xyz-d50": ("xyz-d50", ("x", "y", "z"), (_UNIT,) * 3, (1, 1, 1)),
    "hsl": ("hsl", ("hue", "saturation", "lightness"), (_HUE, _PERCENT, _PERCENT), (1, 0.01, 0.01)),
    "hwb": ("hwb", ("hue", "whiteness", "blackness"), (_HUE, _PERCENT, _PERCENT), (1, 0.01, 0.01)),
    "lab": ("lab", ("lightness", "a", "b"), (_PERCENT, _FREE, _FREE), (1, 1, 1)),
    "lch": ("lch", ("lightness", "chroma", "hue"), (_PERCENT, _CHROMA, _HUE), (1, 1, 1)),
    "oklab": ("oklab", ("lightness", "a", "b"), (_UNIT, _FREE, _FREE), (1, 1, 1)),
    "oklch": ("oklch", ("lightness", "chroma", "hue"), (_UNIT, _CHROMA, _HUE), (1, 1, 1)),
}

_HEX6 = re.compile(r"^#[0-9a-fA-F]{6}$")
_RGB_LIKE = frozenset({"srgb", "srgb-linear", "display-p3", "a98-rgb", "prophoto-rgb", "rec2020"})
_ANY_HEX = re.compile(r"^#?[0-9a-fA-F]*$")
_COLOR_KEYS = ("colorSpace", "components", "alpha", "hex")


def _range_text(low: float, high: float, inclusive: bool) -> str:
    if high == INF:
        return "at least 0" if low == 0 else "any number"
    return f"from {low:g} to {high:g}" + ("" if inclusive else " (not included)")


def hex_suggestion(raw: str) -> str | None:
    """For a hex string, the DTCG colour object to write instead."""
    digits = raw.lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8}", digits):
        return None
    if len(digits) in (3, 4):
        digits = "".join(ch * 2 for ch in digits)
    rgb = [round(int(digits[i : i + 2], 16) / 255, 4) for i in (0, 2, 4)]
    parts = ", ".join(f"{c:g}" for c in rgb)
    alpha = f", alpha: {int(digits[6:8], 16) / 255:.3g}" if len(digits) == 8 else ""
    return f'{{colorSpace: srgb, components: [{parts}]{alpha}, hex: "#{digits[:6].lower()}"}}'


def parse_color(raw: Any, ctx: ParseContext, origin: Origin) -> Color | None:
    """Parse and validate a DTCG colour object."""
    if isinstance(raw, str):
        suggestion = hex_suggestion(raw) if _ANY_HEX.match(raw) else None
        if raw.startswith("#") and suggestion is None:
            digits = len(raw) - 1
            ctx.error(
                origin,
                "type/color",
                f'"{raw}" is not a colour: hex needs 3, 4, 6 or 8 digits, not {digits}',
                "colours are objects in DTCG 2025.10: "
                '{colorSpace: srgb, components: [r, g, b], hex: "#rrggbb"}',
            )
            return None
        fix = suggestion or '{colorSpace: srgb, components: [r, g, b], hex: "#rrggbb"}'
        ctx.error(
            origin,
            "type/color",
            f"{describe(raw)} is not a colour: DTCG 2025.10 colours are objects",
            f"write {fix}"
            + ("; a reference needs both braces, like {color.green.500}" if "{" in raw else ""),
        )
        return None
    if not isinstance(raw, dict):
        ctx.error(origin, "type/color", f"{describe(raw)} is not a colour", _colour_help())
        return None
    ok = True
    for key in raw:
        if key not in _COLOR_KEYS:
            ctx.error(
                origin.child(key),
                "type/color",
                f'unknown colour property "{key}"',
                "a colour has colorSpace, components, and optionally alpha and hex",
            )
            ok = False
    space = ctx.leaf(raw.get("colorSpace"), origin.child("colorSpace"))
    if "colorSpace" not in raw:
        ctx.error(origin, "type/color", "colour is missing colorSpace", _colour_help())
        return None
    if space is FAILED:
        return None
    if not isinstance(space, str) or space not in SPACES:
        from encore.suggest import did_you_mean

        ctx.error(
            origin.child("colorSpace"),
            "type/color",
            f"{describe(space)} is not a supported colour space",
            did_you_mean(str(space), SPACES) or "use one of: " + ", ".join(SPACES),
        )
        return None
    _, names, ranges, _ = SPACES[space]
    if "components" not in raw:
        ctx.error(origin, "type/color", "colour is missing components", _colour_help())
        return None
    comps_raw = ctx.leaf(raw["components"], origin.child("components"))
    if comps_raw is FAILED:
        return None
    if not isinstance(comps_raw, list):
        ctx.error(
            origin.child("components"),
            "type/color",
            f"components must be a list of 3 numbers, not {describe(comps_raw)}",
        )
        return None
    if len(comps_raw) != 3:
        ctx.error(
            origin.child("components"),
            "type/color",
            f"{space} needs 3 components ({', '.join(names)}), not {len(comps_raw)}",
        )
        return None
    components: list[float | None] = []
    for i, item in enumerate(comps_raw):
        where = origin.child("components", i)
        value = ctx.leaf(item, where)
        if value is FAILED:
            return None
        if value == "none":
            components.append(None)
            continue
        low, high, inclusive = ranges[i]
        if not is_number(value):
            ctx.error(
                where,
                "type/color",
                f'{names[i]} must be a number or "none", not {describe(value)}',
            )
            ok = False
            continue
        if value < low or value > high or (not inclusive and value >= high):
            ctx.error(
                where,
                "type/color",
                f"{names[i]} {value} is out of range for {space}: "
                f"{_range_text(low, high, inclusive)}",
            )
            ok = False
            continue
        components.append(float(value))
    alpha = 1.0
    if "alpha" in raw:
        alpha_raw = ctx.leaf(raw["alpha"], origin.child("alpha"))
        if alpha_raw is FAILED:
            return None
        if not is_number(alpha_raw) or not 0 <= alpha_raw <= 1:
            ctx.error(
                origin.child("alpha"),
                "type/color",
                f"alpha must be a number from 0 to 1, not {describe(alpha_raw)}",
            )
            ok = False
        else:
            alpha = float(alpha_raw)
    hex_value: str | None = None
    if "hex" in raw:
        hex_raw = ctx.leaf(raw["hex"], origin.child("hex"))
        if hex_raw is FAILED:
            return None
        if not isinstance(hex_raw, str) or not _HEX6.match(hex_raw):
            ctx.error(
                origin.child("hex"),
                "type/color",
                f'hex fallback must be a 6-digit string like "#1ed760", not {describe(hex_raw)}',
                "put transparency in alpha, not in the hex fallback",
            )
            ok = False
        else:
            hex_value = hex_raw.lower()
    if not ok:
        return None
    c0, c1, c2 = components
    return Color(space, (c0, c1, c2), alpha, hex_value)


def _colour_help() -> str:
    return 'write {colorSpace: srgb, components: [r, g, b], hex: "#rrggbb"} with r, g, b in 0..1'


@lru_cache(maxsize=65536)
def to_coloraide(color: Color) -> Any:
    """The coloraide colour for a DTCG colour (``none`` becomes NaN)."""
    from coloraide import Color as CColor  # imported on first use: it costs 0.2 s

    cid, _, _, scale = SPACES[color.space]
    coords = [
        math.nan if c is None else c * s for c, s in zip(color.components, scale, strict=False)
    ]
    return CColor(cid, coords, color.alpha)


@lru_cache(maxsize=65536)
def in_srgb_gamut(color: Color) -> bool:
    """True when the colour can be shown exactly in sRGB."""
    if color.space == "srgb":
        return True  # parsing already bounded every component to [0, 1]
    return bool(to_coloraide(color).in_gamut("srgb", tolerance=0.0005))


@lru_cache(maxsize=65536)
def srgb_hex(color: Color, *, with_alpha: bool = True) -> str:
    """``#rrggbb`` (or ``#rrggbbaa`` when translucent), gamut-mapped in OKLCh when needed."""
    if color.space == "srgb":
        base = "#" + "".join(f"{round((c or 0.0) * 255):02x}" for c in color.components)
    elif color.hex is not None and not in_srgb_gamut(color):
        base = color.hex
    else:
        srgb = to_coloraide(color).convert("srgb")
        if not srgb.in_gamut(tolerance=0):
            srgb = srgb.fit(method="oklch-chroma")
        base = str(srgb.to_string(hex=True, alpha=False))
    if with_alpha and color.alpha < 1:
        return base + f"{round(color.alpha * 255):02x}"
    return base


def srgb_components(color: Color) -> tuple[float, float, float, float]:
    """Gamut-mapped sRGB red, green, blue and alpha in [0, 1]."""
    srgb = to_coloraide(color).convert("srgb")
    if not srgb.in_gamut(tolerance=0):
        srgb = srgb.fit(method="oklch-chroma")
    r, g, b = (0.0 if math.isnan(v) else min(max(v, 0.0), 1.0) for v in srgb[:3])
    return r, g, b, color.alpha


def contrast_ratio(foreground: Color, background: Color) -> float:
    """WCAG 2.1 contrast ratio of two colours."""
    return float(to_coloraide(foreground).contrast(to_coloraide(background), method="wcag21"))


@lru_cache(maxsize=65536)
def rgb_in(color: Color, spaces: frozenset[str]) -> tuple[str, float, float, float, float]:
    """``(space, r, g, b, alpha)`` in the first RGB space a platform offers for the colour.

    The colour's own space when the platform has it; else Display P3 when the platform has
    it and the colour lies outside sRGB; else sRGB, gamut-mapped. ``none`` counts as 0.
    Converted components are rounded to 6 decimals, far below an 8-bit step.
    """
    if color.space in spaces and color.space in _RGB_LIKE:
        r, g, b = (c or 0.0 for c in color.components)
        return color.space, r, g, b, color.alpha
    if color.space != "srgb" and "display-p3" in spaces and not in_srgb_gamut(color):
        p3 = to_coloraide(color).convert("display-p3")
        if not p3.in_gamut(tolerance=0):
            p3 = p3.fit(method="oklch-chroma")
        r, g, b = (0.0 if math.isnan(v) else round(v, 6) for v in p3[:3])
        return "display-p3", r, g, b, color.alpha
    if color.space == "srgb":
        r, g, b = (c or 0.0 for c in color.components)
        return "srgb", r, g, b, color.alpha
    r, g, b, alpha = srgb_components(color)
    return "srgb", round(r, 6), round(g, 6), round(b, 6), alpha


def argb_hex(color: Color) -> str:
    """``FF1ED760``: 8-bit alpha, red, green, blue of the (gamut-mapped) sRGB colour."""
    rgb = srgb_hex(color, with_alpha=False)[1:]
    return f"{round(color.alpha * 255):02X}{rgb.upper()}"
