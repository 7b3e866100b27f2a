"""The typed values of every DTCG 2025.10 token type, as frozen dataclasses.

Values here are fully resolved: no references. Each value can turn itself back into
canonical DTCG JSON (`to_json`), which JSON Pointer references navigate.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeAlias


class TokenType(StrEnum):
    """The thirteen DTCG 2025.10 token types."""

    COLOR = "color"
    DIMENSION = "dimension"
    FONT_FAMILY = "fontFamily"
    FONT_WEIGHT = "fontWeight"
    DURATION = "duration"
    CUBIC_BEZIER = "cubicBezier"
    NUMBER = "number"
    STROKE_STYLE = "strokeStyle"
    BORDER = "border"
    TRANSITION = "transition"
    SHADOW = "shadow"
    GRADIENT = "gradient"
    TYPOGRAPHY = "typography"


TOKEN_TYPES = {t.value: t for t in TokenType}
COMPOSITE_TYPES = frozenset(
    {
        TokenType.STROKE_STYLE,
        TokenType.BORDER,
        TokenType.TRANSITION,
        TokenType.SHADOW,
        TokenType.GRADIENT,
        TokenType.TYPOGRAPHY,
    }
)


def number_json(value: float) -> float | int:
    """A number as JSON would naturally hold it (``2`` rather than ``2.0``)."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


@dataclass(frozen=True, slots=True)
class Color:
    """A colour in one of the 14 DTCG colour spaces; ``None`` components mean ``none``."""

    space: str
    components: tuple[float | None, float | None, float | None]
    alpha: float = 1.0
    hex: str | None = None

    def to_json(self) -> Any:
        out: dict[str, Any] = {
            "colorSpace": self.space,
            "components": ["none" if c is None else number_json(c) for c in self.components],
        }
        if self.alpha != 1.0:
            out["alpha"] = number_json(self.alpha)
        if self.hex is not None:
            out["hex"] = self.hex
        return out


@dataclass(frozen=True, slots=True)
class Dimension:
    """A length in ``px`` or ``rem``."""

    value: float
    unit: str

    def to_json(self) -> Any:
        return {"value": number_json(self.value), "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Duration:
    """A time in ``ms`` or ``s``."""

    value: float
    unit: str

    @property
    def milliseconds(self) -> float:
        return self.value * 1000 if self.unit == "s" else self.value

    def to_json(self) -> Any:
        return {"value": number_json(self.value), "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Number:
    """A plain number."""

    value: float

    def to_json(self) -> Any:
        return number_json(self.value)


@dataclass(frozen=True, slots=True)
class FontFamily:
    """One font name or a fallback stack; ``single`` remembers a plain-string value."""

    names: tuple[str, ...]
    single: bool = False

    def to_json(self) -> Any:
        return self.names[0] if self.single else list(self.names)


@dataclass(frozen=True, slots=True)
class FontWeight:
    """A numeric weight in [1, 1000]; ``keyword`` keeps the name the author used."""

    value: float
    keyword: str | None = None

    def to_json(self) -> Any:
        return self.keyword if self.keyword is not None else number_json(self.value)


@dataclass(frozen=True, slots=True)
class CubicBezier:
    """Control points of a cubic Bézier easing curve; x values lie in [0, 1]."""

    x1: float
    y1: float
    x2: float
    y2: float

    def to_json(self) -> Any:
        return [number_json(v) for v in (self.x1, self.y1, self.x2, self.y2)]


@dataclass(frozen=True, slots=True)
class StrokeStyle:
    """A keyword (``solid``, ``dashed``...) or a dash pattern with a line cap."""

    keyword: str | None = None
    dash_array: tuple[Dimension, ...] = ()
    line_cap: str | None = None

    def to_json(self) -> Any:
        if self.keyword is not None:
            return self.keyword
        return {"dashArray": [d.to_json() for d in self.dash_array], "lineCap": self.line_cap}


@dataclass(frozen=True, slots=True)
class Border:
    """Colour, width and stroke style of a border."""

    color: Color
    width: Dimension
    style: StrokeStyle

    def to_json(self) -> Any:
        return {
            "color": self.color.to_json(),
            "width": self.width.to_json(),
            "style": self.style.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Transition:
    """Duration, delay and timing function of an animated transition."""

    duration: Duration
    delay: Duration
    timing_function: CubicBezier

    def to_json(self) -> Any:
        return {
            "duration": self.duration.to_json(),
            "delay": self.delay.to_json(),
            "timingFunction": self.timing_function.to_json(),
        }


@dataclass(frozen=True, slots=True)
class ShadowLayer:
    """One shadow: colour, offsets, blur, spread and whether it is inset."""

    color: Color
    offset_x: Dimension
    offset_y: Dimension
    blur: Dimension
    spread: Dimension
    inset: bool = False

    def to_json(self) -> Any:
        out = {
            "color": self.color.to_json(),
            "offsetX": self.offset_x.to_json(),
            "offsetY": self.offset_y.to_json(),
            "blur": self.blur.to_json(),
            "spread": self.spread.to_json(),
        }
        if self.inset:
            out["inset"] = True
        return out


@dataclass(frozen=True, slots=True)
class Shadow:
    """One shadow or a list of layered shadows; ``is_list`` keeps the authored shape."""

    layers: tuple[ShadowLayer, ...]
    is_list: bool = False

    def to_json(self) -> Any:
        if self.is_list:
            return [layer.to_json() for layer in self.layers]
        return self.layers[0].to_json()


@dataclass(frozen=True, slots=True)
class GradientStop:
    """A colour at a position in [0, 1] along a gradient."""

    color: Color
    position: float

    def to_json(self) -> Any:
        return {"color": self.color.to_json(), "position": number_json(self.position)}


@dataclass(frozen=True, slots=True)
class Gradient:
    """Colour stops of a gradient."""

    stops: tuple[GradientStop, ...]

    def to_json(self) -> Any:
        return [stop.to_json() for stop in self.stops]


@dataclass(frozen=True, slots=True)
class Typography:
    """A text style: family, size, weight, letter spacing and a unitless line height."""

    font_family: FontFamily
    font_size: Dimension
    font_weight: FontWeight
    letter_spacing: Dimension
    line_height: Number

    def to_json(self) -> Any:
        return {
            "fontFamily": self.font_family.to_json(),
            "fontSize": self.font_size.to_json(),
            "fontWeight": self.font_weight.to_json(),
            "letterSpacing": self.letter_spacing.to_json(),
            "lineHeight": self.line_height.to_json(),
        }


Value: TypeAlias = (
    Color
    | Dimension
    | Duration
    | Number
    | FontFamily
    | FontWeight
    | CubicBezier
    | StrokeStyle
    | Border
    | Transition
    | Shadow
    | Gradient
    | Typography
)
