"""Generated values read back, and compared with the source token (tests/test_same_value.py).

A platform's reader turns each token's generated code into a *raw* value; the platform's
`Decoder` reads a raw value as a given token type (a colour, a length, a composite's
parts). `compare` walks the source token's typed value and asks the decoder for each
part, so expectations come only from the source value and the documented conversions of
the `Policy`: px = rem * 16, seconds = ms / 1000, integer milliseconds and weights where
the platform holds integers. Colours are exact in the colour's own space, exact after
conversion into another space the platform holds, or within half a unit of 8-bit sRGB.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from coloraide import Color as CColor

from encore.values.types import (
    Border,
    Color,
    CubicBezier,
    Dimension,
    Duration,
    FontFamily,
    FontWeight,
    Gradient,
    Number,
    Shadow,
    StrokeStyle,
    TokenType,
    Transition,
    Typography,
    Value,
)

HALF_UNIT = 0.5 / 255 + 1e-9  # half a unit of 8-bit sRGB, plus float noise
EXACT = 1e-6  # "exact" for colour components, as the issue defines it
DOUBLE = 1e-9  # a double printed as text and read back (Sass prints 10 decimals)
FLOAT = 1e-6  # a 32-bit Float (Compose, Android resources)
REM_BASE = 16.0
ALL_SPACES = frozenset(
    """srgb srgb-linear display-p3 a98-rgb prophoto-rgb rec2020 xyz-d65 xyz-d50 hsl hwb lab
    lch oklab oklch""".split()  # noqa: SIM905
)
_PERCENT_SPACES = frozenset({"hsl", "hwb"})  # DTCG writes their 2nd and 3rd components in %


class ReadError(Exception):
    """Generated code that cannot be read as the value the token needs."""


@dataclass(frozen=True, slots=True)
class Col:
    """A colour as a platform holds it: coloraide space id and coordinates (NaN: none)."""

    space: str
    coords: tuple[float, float, float]
    alpha: float
    eight_bit: bool  # 8-bit channels (hex, 0xAARRGGBB): half a unit is exact
    text: str

    @staticmethod
    def parse(text: str, eight_bit: bool | None = None) -> Col:
        """A CSS colour, parsed by coloraide; hex and integer ``rgb()`` are 8-bit."""
        try:
            color = CColor(text.strip())
        except ValueError as error:
            raise ReadError(f"{text!r} is not a CSS colour") from error
        if eight_bit is None:
            eight_bit = text.strip().startswith(("#", "rgb(", "rgba("))
        c0, c1, c2 = (float(v) for v in color[:3])
        return Col(color.space(), (c0, c1, c2), float(color.alpha()), eight_bit, text.strip())

    @staticmethod
    def argb(value: int, text: str) -> Col:
        """An 0xAARRGGBB integer."""
        if not 0 <= value <= 0xFFFFFFFF:
            raise ReadError(f"{text} is not an 0xAARRGGBB colour")
        a, r, g, b = ((value >> shift) & 0xFF for shift in (24, 16, 8, 0))
        return Col("srgb", (r / 255, g / 255, b / 255), a / 255, True, text)


@dataclass(frozen=True, slots=True)
class Qty:
    """A number with a unit: px, rem, dp, sp, pt, em, ms, s."""

    value: float
    unit: str

    def __str__(self) -> str:
        return f"{self.value:.12g}{self.unit}"


class Decoder(Protocol):
    """Reads one platform's raw values as token types."""

    def color(self, raw: Any) -> Col: ...
    def dimension(self, raw: Any) -> Qty: ...
    def duration(self, raw: Any) -> Qty: ...
    def number(self, raw: Any) -> float: ...
    def font_weight(self, raw: Any) -> float: ...
    def font_family(self, raw: Any) -> Any: ...
    def cubic_bezier(self, raw: Any) -> tuple[float, ...]: ...
    def stroke_style(self, raw: Any) -> str | tuple[list[Any], str]: ...
    def border(self, raw: Any) -> Mapping[str, Any]: ...
    def transition(self, raw: Any) -> Mapping[str, Any]: ...
    def shadow(self, raw: Any) -> list[Mapping[str, Any]]: ...
    def gradient(self, raw: Any) -> list[tuple[Any, Any]]: ...
    def typography(self, raw: Any) -> Mapping[str, Any]: ...
    def line_height(self, raw: Any) -> float | Qty: ...


def _names(names: tuple[str, ...]) -> Any:
    return names


@dataclass(frozen=True, slots=True)
class Policy:
    """What a platform holds: its colour spaces, units and precision."""

    name: str
    spaces: frozenset[str]  # colour spaces it may print
    wide: bool  # holds colours beyond sRGB: such colours must not become sRGB
    dimension: str  # "keep": the source unit; "px": px (rem * 16) in one of px_units
    duration: str  # "keep", "s", "ms" or "ms-int" (integer milliseconds)
    precision: float = DOUBLE
    px_units: frozenset[str] = frozenset()
    integer_weights: bool = False
    keyword_strokes: bool = False  # dash patterns are written as the keyword "dashed"
    style_family: Callable[[tuple[str, ...]], Any] = _names  # a text style's family
    types: frozenset[TokenType] | None = None  # None: every token type


def close(found: float, expected: float, tolerance: float) -> bool:
    """Equal within ``tolerance`` relative (a thousandth of it absolute, near zero)."""
    return math.isclose(found, expected, rel_tol=tolerance, abs_tol=tolerance / 1000)


def near(found: float, expected: float, tolerance: float) -> bool:
    """Equal within ``tolerance`` absolute: colour components and alpha."""
    return abs(found - expected) <= tolerance


def source_color(color: Color) -> Any:
    """The DTCG colour as a coloraide colour (``none`` is NaN; hsl/hwb % become 0..1)."""
    coords = [
        math.nan if c is None else c / 100 if color.space in _PERCENT_SPACES and i else c
        for i, c in enumerate(color.components)
    ]
    return CColor(color.space, coords, color.alpha)


def _in(color: Any, space: str) -> Any:
    converted = color.convert(space)
    if not converted.in_gamut(tolerance=0):
        converted = converted.fit(method="oklch-chroma")
    return converted


def fits_srgb(color: Color) -> bool:
    """Within half a unit of 8-bit sRGB without gamut mapping."""
    srgb = source_color(color).convert("srgb")
    return all(-HALF_UNIT <= v <= 1 + HALF_UNIT for v in srgb[:3] if not math.isnan(v))


def _show(coords: Any) -> str:
    return "(" + ", ".join("none" if math.isnan(v) else f"{v:.12g}" for v in coords) + ")"


def check_color(src: Color, found: Col, policy: Policy) -> str | None:
    """Why ``found`` does not hold ``src``, or None."""
    if found.space not in policy.spaces:
        return f"{found.text} is in {found.space}, which {policy.name} should not print"
    tolerance = HALF_UNIT if found.eight_bit else max(EXACT, policy.precision)
    if not near(found.alpha, src.alpha, tolerance):
        return f"{found.text} has alpha {found.alpha:.12g}, expected {src.alpha:.12g}"
    source = source_color(src)
    if found.space == src.space and not found.eight_bit:
        expected = [float(v) for v in source[:3]]
        for want, got in zip(expected, found.coords, strict=True):
            if math.isnan(want) and (math.isnan(got) or got == 0):
                continue
            if math.isnan(got) or not near(got, want, tolerance):
                return f"{found.text} is {_show(found.coords)}, expected {_show(expected)}"
        return None
    if found.space == "srgb":
        if policy.wide and not fits_srgb(src):
            return f"{found.text} is sRGB, but the colour lies outside sRGB"
        fitted = _in(source, "srgb")
        candidates = [[float(v) for v in fitted[:3]]]
        if src.hex is not None and not source.convert("srgb").in_gamut(tolerance=0):
            candidates.append([float(v) for v in CColor(src.hex)[:3]])  # the declared fallback
        for candidate in candidates:
            if all(near(g, w, HALF_UNIT) for g, w in zip(found.coords, candidate, strict=True)):
                return None
        return f"{found.text} is sRGB {_show(found.coords)}, expected {_show(candidates[0])}"
    expected = [float(v) for v in _in(source, found.space)[:3]]
    if all(near(g, w, tolerance) for g, w in zip(found.coords, expected, strict=True)):
        return None
    return f"{found.text} is {found.space} {_show(found.coords)}, expected {_show(expected)}"


def px(dimension: Dimension) -> float:
    """The documented conversion: 1rem = 16px (= 16pt = 16dp = 16sp)."""
    return dimension.value * REM_BASE if dimension.unit == "rem" else dimension.value


def check_dimension(src: Dimension, found: Qty, policy: Policy) -> str | None:
    """Why ``found`` is not the length ``src`` after the platform's unit conversion."""
    if policy.dimension == "keep":
        if found.unit == src.unit and close(found.value, src.value, policy.precision):
            return None
        return f"{found}, expected {src.value:.12g}{src.unit}"
    want = px(src)
    if found.unit in policy.px_units and close(found.value, want, policy.precision):
        return None
    return f"{found}, expected {want:.12g} ({'/'.join(sorted(policy.px_units))})"


def check_duration(src: Duration, found: Qty, policy: Policy) -> str | None:
    """Why ``found`` is not the time ``src`` in the platform's unit."""
    ms = src.value * 1000 if src.unit == "s" else src.value
    want = {
        "keep": Qty(src.value, src.unit),
        "s": Qty(ms / 1000, "s"),
        "ms": Qty(ms, "ms"),
        "ms-int": Qty(float(round(ms)), "ms"),
    }[policy.duration]
    if found.unit == want.unit and close(found.value, want.value, policy.precision):
        return None
    return f"{found}, expected {want}"


def _number(found: float, want: float, policy: Policy) -> str | None:
    return None if close(found, want, policy.precision) else f"{found:.12g}, expected {want:.12g}"


def _weight(found: float, src: FontWeight, policy: Policy) -> str | None:
    want = float(round(src.value)) if policy.integer_weights else src.value
    return _number(found, want, policy)


def _family(found: Any, src: FontFamily) -> str | None:
    if tuple(found) == src.names:
        return None
    return f"{list(found)}, expected {list(src.names)}"


def _stroke(src: StrokeStyle, found: Any, d: Decoder, policy: Policy, at: str) -> str | None:
    if src.keyword is not None or policy.keyword_strokes:
        want = src.keyword or "dashed"
        return None if found == want else f"{found!r}, expected {want!r}"
    if not isinstance(found, tuple):
        return f"{found!r}, expected a dash pattern"
    dashes, cap = found
    if len(dashes) != len(src.dash_array):
        return f"{len(dashes)} dashes, expected {len(src.dash_array)}"
    for i, (dash, raw) in enumerate(zip(src.dash_array, dashes, strict=True)):
        problem = check_dimension(dash, d.dimension(raw), policy)
        if problem:
            return f"{at}.dashArray[{i}]: {problem}"
    want_cap = src.line_cap or "butt"
    return None if cap == want_cap else f"{at}.lineCap: {cap!r}, expected {want_cap!r}"


def compare(src: Value, raw: Any, d: Decoder, policy: Policy, at: str = "") -> str | None:
    """The first difference between the source value and the platform's, or None."""
    try:
        return _compare(src, raw, d, policy, at)
    except ReadError as error:
        return f"{at or 'value'}: {error}"


def _part(src: Value, raw: Any, d: Decoder, p: Policy, at: str) -> str | None:
    problem = compare(src, raw, d, p, at)
    if problem is None or problem.startswith(at):
        return problem
    return f"{at}: {problem}"


def _compare(src: Value, raw: Any, d: Decoder, p: Policy, at: str) -> str | None:
    if isinstance(src, Color):
        return check_color(src, d.color(raw), p)
    if isinstance(src, Dimension):
        return check_dimension(src, d.dimension(raw), p)
    if isinstance(src, Duration):
        return check_duration(src, d.duration(raw), p)
    if isinstance(src, Number):
        return _number(d.number(raw), src.value, p)
    if isinstance(src, FontWeight):
        return _weight(d.font_weight(raw), src, p)
    if isinstance(src, FontFamily):
        return _family(d.font_family(raw), src)
    if isinstance(src, CubicBezier):
        found = d.cubic_bezier(raw)
        want = (src.x1, src.y1, src.x2, src.y2)
        if len(found) == 4 and all(
            close(f, w, p.precision) for f, w in zip(found, want, strict=True)
        ):
            return None
        return f"cubic-bezier{tuple(found)}, expected {want}"
    if isinstance(src, StrokeStyle):
        return _stroke(src, d.stroke_style(raw), d, p, at or "strokeStyle")
    if isinstance(src, Border):
        parts = d.border(raw)
        fields: tuple[tuple[str, Value], ...] = (
            ("color", src.color),
            ("width", src.width),
            ("style", src.style),
        )
        return _fields(fields, parts, d, p, at)
    if isinstance(src, Transition):
        parts = d.transition(raw)
        fields = (
            ("duration", src.duration),
            ("delay", src.delay),
            ("timingFunction", src.timing_function),
        )
        return _fields(fields, parts, d, p, at)
    if isinstance(src, Shadow):
        return _shadow(src, d.shadow(raw), d, p, at)
    if isinstance(src, Gradient):
        return _gradient(src, d.gradient(raw), d, p, at)
    assert isinstance(src, Typography)
    return _typography(src, d.typography(raw), d, p, at)


def _fields(
    fields: tuple[tuple[str, Value], ...], parts: Mapping[str, Any], d: Decoder, p: Policy, at: str
) -> str | None:
    for key, value in fields:
        where = f"{at}.{key}" if at else key
        if key not in parts:
            return f"{where}: missing"
        problem = _part(value, parts[key], d, p, where)
        if problem:
            return problem
    return None


def _shadow(
    src: Shadow, layers: list[Mapping[str, Any]], d: Decoder, p: Policy, at: str
) -> str | None:
    if len(layers) != len(src.layers):
        return f"{at or 'shadow'}: {len(layers)} layers, expected {len(src.layers)}"
    for i, (want, found) in enumerate(zip(src.layers, layers, strict=True)):
        where = f"{at}[{i}]"
        fields: tuple[tuple[str, Value], ...] = (
            ("color", want.color),
            ("offsetX", want.offset_x),
            ("offsetY", want.offset_y),
            ("blur", want.blur),
            ("spread", want.spread),
        )
        problem = _fields(fields, found, d, p, where)
        if problem:
            return problem
        if bool(found.get("inset", False)) != want.inset:
            return f"{where}.inset: {found.get('inset', False)}, expected {want.inset}"
    return None


def _gradient(
    src: Gradient, stops: list[tuple[Any, Any]], d: Decoder, p: Policy, at: str
) -> str | None:
    if len(stops) != len(src.stops):
        return f"{at or 'gradient'}: {len(stops)} stops, expected {len(src.stops)}"
    for i, (want, (color, position)) in enumerate(zip(src.stops, stops, strict=True)):
        problem = _part(want.color, color, d, p, f"{at}[{i}].color")
        if problem:
            return problem
        problem = _number(d.number(position), want.position, p)
        if problem:
            return f"{at}[{i}].position: {problem}"
    return None


def _typography(
    src: Typography, parts: Mapping[str, Any], d: Decoder, p: Policy, at: str
) -> str | None:
    size = px(src.font_size)
    for key in ("fontFamily", "fontSize", "fontWeight", "letterSpacing", "lineHeight"):
        where = f"{at}.{key}" if at else key
        if key not in parts:
            if key == "letterSpacing" and parts.get("shorthand"):
                continue  # the CSS font shorthand cannot hold letter spacing
            return f"{where}: missing"
        raw = parts[key]
        try:
            problem = _typography_part(src, key, raw, size, d, p)
        except ReadError as error:
            problem = str(error)
        if problem:
            return f"{where}: {problem}"
    font = parts.get("font")  # CSS: the font shorthand, read back on its own
    if isinstance(font, Mapping):
        return _typography(src, font, d, p, f"{at}.font" if at else "font")
    return None


def _typography_part(
    src: Typography, key: str, raw: Any, size: float, d: Decoder, p: Policy
) -> str | None:
    if key == "fontFamily":
        found, want = d.font_family(raw), p.style_family(src.font_family.names)
        return None if found == want else f"{found!r}, expected {want!r}"
    if key == "fontSize":
        return check_dimension(src.font_size, d.dimension(raw), p)
    if key == "fontWeight":
        return _weight(d.font_weight(raw), src.font_weight, p)
    if key == "letterSpacing":
        found = d.dimension(raw)
        if found.unit == "em":  # Android: a multiple of the font size
            want = px(src.letter_spacing) / size if size else 0.0
            if close(found.value, want, p.precision):
                return None
            ratio = f"{px(src.letter_spacing):.12g}px / {size:.12g}px"
            return f"{found}, expected {want!r}em ({ratio})"
        return check_dimension(src.letter_spacing, found, p)
    height = d.line_height(raw)
    multiple = src.line_height.value
    if isinstance(height, Qty) and height.unit != "em":  # Android: an absolute height
        if height.unit in p.px_units and close(height.value, size * multiple, p.precision):
            return None
        return f"{height}, expected {size * multiple:.12g} (font size * {multiple:.12g})"
    value = height.value if isinstance(height, Qty) else height
    return None if close(value, multiple, p.precision) else f"{height}, expected {multiple:.12g}"
