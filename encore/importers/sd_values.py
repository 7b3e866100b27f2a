"""Style Dictionary values as DTCG 2025.10 values, one converter per DTCG type.

Each converter takes the raw value (references already rewritten to ``{a.b}``) and
returns DTCG JSON, or raises `Unconvertible` saying what is wrong and how to fix it.
A whole-value reference is kept as it is; references inside composites are kept too.
CSS strings are read where Style Dictionary users write them: colours (hex, ``rgb()``,
``hsl()``, names), ``16px``, ``200ms``, ``cubic-bezier()``, ``1px solid #000`` and
box shadows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from coloraide import Color

from encore.values.scalar import FONT_WEIGHT_KEYWORDS

REFERENCE = re.compile(r"^\{[^{}]+\}$")
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
MEASURE = re.compile(rf"^({NUMBER})\s*([a-zA-Z%]*)$")
EASINGS = {
    "linear": [0, 0, 1, 1],
    "ease": [0.25, 0.1, 0.25, 1],
    "ease-in": [0.42, 0, 1, 1],
    "ease-out": [0, 0, 0.58, 1],
    "ease-in-out": [0.42, 0, 0.58, 1],
}


class Unconvertible(Exception):
    """Why a value cannot become DTCG, with a hint."""

    def __init__(self, message: str, hint: str, rule: str = "import/value") -> None:
        super().__init__(message)
        self.message, self.hint, self.rule = message, hint, rule


def show(raw: Any) -> str:
    """A value as JSON, for messages."""
    try:
        return json.dumps(raw, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(raw)


def is_reference(raw: Any) -> bool:
    return isinstance(raw, str) and REFERENCE.match(raw.strip()) is not None


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return raw
    if isinstance(raw, str) and re.fullmatch(NUMBER, raw.strip()):
        return float(raw)
    return None


def _tidy(n: float) -> float | int:
    return int(n) if float(n).is_integer() else round(n, 4)


def color(raw: Any, _: str = "px") -> Any:
    if is_reference(raw) or (isinstance(raw, dict) and "colorSpace" in raw):
        return raw
    if not isinstance(raw, str):
        raise Unconvertible(f"{show(raw)} is not a colour", "write a hex colour such as #1ed760")
    text = raw.strip()
    if re.fullmatch(r"[0-9a-fA-F]{3,8}", text) and len(text) in (3, 4, 6, 8):
        text = "#" + text
    try:
        parsed = Color(text).convert("srgb")
    except (ValueError, TypeError):
        raise Unconvertible(
            f'"{raw}" is not a colour',
            "write a hex colour (#rrggbb), rgb(), hsl() or a CSS colour name",
        ) from None
    if not parsed.in_gamut():
        parsed.fit()
    r, g, b = (0.0 if c != c else float(c) for c in parsed.coords())
    out: dict[str, Any] = {"colorSpace": "srgb", "components": [_tidy(r), _tidy(g), _tidy(b)]}
    alpha = parsed.alpha()
    if alpha == alpha and alpha < 1:
        out["alpha"] = _tidy(float(alpha))
    out["hex"] = parsed.to_string(hex=True, alpha=False)
    return out


def _measure(raw: Any, kind: str, units: tuple[str, ...], bare: str) -> Any:
    if is_reference(raw) or (isinstance(raw, dict) and set(raw) == {"value", "unit"}):
        return raw
    number = _number(raw)
    if number is not None:
        return {"value": _tidy(number), "unit": bare}
    match = MEASURE.match(raw.strip()) if isinstance(raw, str) else None
    if match is None:
        raise Unconvertible(
            f"{show(raw)} is not a {kind}",
            f"write a number with a unit, such as {'16px' if kind == 'dimension' else '200ms'}",
            "import/expression" if isinstance(raw, str) and "{" in raw else "import/value",
        )
    value, unit = float(match.group(1)), match.group(2) or bare
    if unit not in units:
        raise Unconvertible(
            f'"{raw}": {unit} is not a DTCG {kind} unit',
            f"DTCG {kind}s use {' or '.join(units)}; convert it by hand",
            "import/unit",
        )
    return {"value": _tidy(value), "unit": unit}


def dimension(raw: Any, number_unit: str = "px") -> Any:
    return _measure(raw, "dimension", ("px", "rem"), number_unit)


def duration(raw: Any, _: str = "px") -> Any:
    return _measure(raw, "duration", ("ms", "s"), "ms")


def number(raw: Any, _: str = "px") -> Any:
    if is_reference(raw):
        return raw
    if isinstance(raw, str) and raw.strip().endswith("%"):
        found = _number(raw.strip()[:-1])
        if found is not None:
            return _tidy(found / 100)
    found = _number(raw)
    if found is None:
        raise Unconvertible(f"{show(raw)} is not a number", "write a plain number such as 0.5")
    return _tidy(found)


def font_weight(raw: Any, _: str = "px") -> Any:
    if is_reference(raw):
        return raw
    found = _number(raw)
    if found is not None:
        return _tidy(found)
    if isinstance(raw, str):
        key = re.sub(r"[\s_]+", "-", raw.strip().lower())
        key = re.sub(r"^(semi|demi|extra|ultra)-?", r"\1-", key)
        if key in FONT_WEIGHT_KEYWORDS:
            return key
    raise Unconvertible(
        f"{show(raw)} is not a font weight", "use 100 to 900 or a keyword such as regular or bold"
    )


def font_family(raw: Any, _: str = "px") -> Any:
    if is_reference(raw):
        return raw
    if isinstance(raw, list) and all(isinstance(n, str) for n in raw):
        return raw
    if not isinstance(raw, str) or not raw.strip():
        raise Unconvertible(f"{show(raw)} is not a font family", "write a name or a list of names")
    names = [n.strip().strip("'\"") for n in raw.split(",") if n.strip()]
    return names[0] if len(names) == 1 else names


def cubic_bezier(raw: Any, _: str = "px") -> Any:
    if is_reference(raw):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if text in EASINGS:
            return EASINGS[text]
        match = re.fullmatch(r"cubic-bezier\(([^)]*)\)", text)
        if match:
            raw = [p.strip() for p in match.group(1).split(",")]
    if isinstance(raw, list) and len(raw) == 4:
        parts = [_number(p) for p in raw]
        if all(p is not None for p in parts):
            return [_tidy(p) for p in parts if p is not None]
    raise Unconvertible(
        f"{show(raw)} is not a cubic Bézier curve", "write [x1, y1, x2, y2] or cubic-bezier(...)"
    )


def _split_top(text: str, sep: str = ",") -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == sep and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zA-Z-]+\([^)]*\)|\{[^{}]+\}|\S+", text)


def _css_shadow(text: str, number_unit: str) -> dict[str, Any]:
    words = _words(text)
    inset = "inset" in words
    words = [w for w in words if w != "inset"]
    lengths = [w for w in words if MEASURE.match(w)]
    colors = [w for w in words if w not in lengths]
    if not 2 <= len(lengths) <= 4 or len(colors) != 1:
        raise Unconvertible(f'"{text}" is not a shadow', "write offsetX offsetY blur spread color")
    x, y, blur, spread = [*lengths, "0", "0"][:4]
    out = {
        "color": color(colors[0]),
        "offsetX": dimension(x, number_unit),
        "offsetY": dimension(y, number_unit),
        "blur": dimension(blur, number_unit),
        "spread": dimension(spread, number_unit),
    }
    return {**out, "inset": True} if inset else out


def _shadow_object(raw: dict[str, Any], number_unit: str) -> dict[str, Any]:
    pick = {"offsetX": ("offsetX", "x"), "offsetY": ("offsetY", "y")}
    out: dict[str, Any] = {"color": color(raw.get("color", "#000000"))}
    for key, names in {**pick, "blur": ("blur",), "spread": ("spread",)}.items():
        found = next((raw[n] for n in names if n in raw), 0)
        out[key] = dimension(found, number_unit)
    if raw.get("inset") is True or raw.get("type") == "innerShadow":
        out["inset"] = True
    return out


def shadow(raw: Any, number_unit: str = "px") -> Any:
    if is_reference(raw):
        return raw
    if isinstance(raw, str):
        layers = [_css_shadow(p.strip(), number_unit) for p in _split_top(raw)]
        return layers[0] if len(layers) == 1 else layers
    if isinstance(raw, dict):
        return _shadow_object(raw, number_unit)
    if isinstance(raw, list) and raw and all(isinstance(s, dict | str) for s in raw):
        return [shadow(s, number_unit) for s in raw]
    raise Unconvertible(
        f"{show(raw)} is not a shadow", "write {offsetX, offsetY, blur, spread, color}"
    )


def border(raw: Any, number_unit: str = "px") -> Any:
    if is_reference(raw):
        return raw
    if isinstance(raw, str):
        words = _words(raw)
        width = next((w for w in words if MEASURE.match(w)), "1px")
        style = next((w for w in words if w in ("solid", "dashed", "dotted", "double")), "solid")
        rest = [w for w in words if w not in (width, style)]
        raw = {"width": width, "style": style, "color": rest[0] if rest else "#000000"}
    if isinstance(raw, dict) and {"color", "width"} <= set(raw):
        return {
            "color": color(raw["color"]),
            "width": dimension(raw["width"], number_unit),
            "style": raw.get("style", "solid"),
        }
    raise Unconvertible(f"{show(raw)} is not a border", "write {color, width, style}")


def _line_height(raw: Any, size: Any) -> Any:
    if is_reference(raw):
        return raw
    if isinstance(raw, str) and raw.strip().endswith("px"):
        value = _number(raw.strip()[:-2])
        if value is not None and isinstance(size, dict) and size.get("unit") == "px":
            return _tidy(value / float(size["value"]))
        raise Unconvertible(
            f'line height "{raw}" is a length', "write it as a ratio of the font size, like 1.5"
        )
    return number(raw)


def typography(raw: Any, number_unit: str = "px") -> Any:
    if is_reference(raw):
        return raw
    if not isinstance(raw, dict):
        raise Unconvertible(
            f"{show(raw)} is not a typography value", "write an object of font parts"
        )
    missing = [k for k in ("fontFamily", "fontSize", "fontWeight", "lineHeight") if k not in raw]
    if missing:
        raise Unconvertible(
            f"the typography value lacks {', '.join(missing)}",
            "DTCG typography needs fontFamily, fontSize, fontWeight, letterSpacing and lineHeight",
        )
    size = dimension(raw["fontSize"], number_unit)
    spacing = raw.get("letterSpacing", 0)
    if isinstance(spacing, str) and spacing.strip().endswith("%") and isinstance(size, dict):
        found = _number(spacing.strip()[:-1])
        if found is not None and size.get("unit") == "px":
            spacing = f"{_tidy(found / 100 * float(size['value']))}px"
    return {
        "fontFamily": font_family(raw["fontFamily"]),
        "fontSize": size,
        "fontWeight": font_weight(raw["fontWeight"]),
        "letterSpacing": dimension(spacing, number_unit),
        "lineHeight": _line_height(raw["lineHeight"], size),
    }


def transition(raw: Any, _: str = "px") -> Any:
    if is_reference(raw):
        return raw
    if isinstance(raw, dict) and "duration" in raw:
        return {
            "duration": duration(raw["duration"]),
            "delay": duration(raw.get("delay", 0)),
            "timingFunction": cubic_bezier(raw.get("timingFunction", "ease")),
        }
    raise Unconvertible(
        f"{show(raw)} is not a transition", "write {duration, delay, timingFunction}"
    )


def passthrough(raw: Any, _: str = "px") -> Any:
    return raw


CONVERTERS: dict[str, Callable[[Any, str], Any]] = {
    "color": color,
    "dimension": dimension,
    "duration": duration,
    "number": number,
    "fontWeight": font_weight,
    "fontFamily": font_family,
    "cubicBezier": cubic_bezier,
    "shadow": shadow,
    "border": border,
    "typography": typography,
    "transition": transition,
    "strokeStyle": passthrough,
    "gradient": passthrough,
}
