"""What a binding may set: the property → allowed token types table, and which part roles
are checked for contrast.

To add a property, add one line to `PROPERTY_TYPES`; generators map each property to their
platform's attribute (``background`` → CSS ``background-color``, a Compose ``Color``...).
"""

from __future__ import annotations

from typing import Final

from encore.values.types import TokenType

_COLOR = frozenset({TokenType.COLOR})
_DIMENSION = frozenset({TokenType.DIMENSION})
_BORDER = frozenset({TokenType.BORDER})
_NUMBER = frozenset({TokenType.NUMBER})

PROPERTY_TYPES: Final[dict[str, frozenset[TokenType]]] = {
    # colours: the part's fill, its foreground (text or icon), its outline
    "background": _COLOR,
    "color": _COLOR,
    "border-color": _COLOR,
    "outline-color": _COLOR,
    "overlay": frozenset({TokenType.COLOR, TokenType.GRADIENT}),
    "background-image": frozenset({TokenType.GRADIENT}),
    # space and size
    "padding": _DIMENSION,
    "padding-inline": _DIMENSION,
    "padding-block": _DIMENSION,
    "gap": _DIMENSION,
    "radius": _DIMENSION,
    "width": _DIMENSION,
    "height": _DIMENSION,
    "min-width": _DIMENSION,
    "min-height": _DIMENSION,
    "max-width": _DIMENSION,
    "size": _DIMENSION,
    "min-size": _DIMENSION,
    "min-target": _DIMENSION,
    "border-width": _DIMENSION,
    "outline-width": _DIMENSION,
    "outline-offset": _DIMENSION,
    # type
    "text-style": frozenset({TokenType.TYPOGRAPHY}),
    "font-family": frozenset({TokenType.FONT_FAMILY}),
    "font-weight": frozenset({TokenType.FONT_WEIGHT}),
    # effects
    "elevation": frozenset({TokenType.SHADOW}),
    "border": _BORDER,
    "outline": _BORDER,
    "focus-ring": _BORDER,
    "opacity": _NUMBER,
    "scale": _NUMBER,
    # motion
    "transition": frozenset({TokenType.TRANSITION}),
    "motion": frozenset({TokenType.TRANSITION, TokenType.DURATION}),
    "duration": frozenset({TokenType.DURATION}),
    "easing": frozenset({TokenType.CUBIC_BEZIER}),
}

# Role → (the property holding the part's colour, contrast kind). Text is 4.5:1 (3:1 when
# its text style is large); the rest is non-text, 3:1 (WCAG 1.4.3 and 1.4.11).
CONTRAST_ROLES: Final[dict[str, tuple[str, str]]] = {
    "label": ("color", "text"),
    "text": ("color", "text"),
    "input": ("color", "text"),
    "placeholder": ("color", "text"),
    "icon": ("color", "non-text"),
    "indicator": ("color", "non-text"),
    "track": ("background", "non-text"),
    "fill": ("background", "non-text"),
    "thumb": ("background", "non-text"),
}

# Minimum targets per platform, in px (= pt = dp for the check; rem x 16).
TARGET_MINIMUMS: Final[dict[str, tuple[float, str]]] = {
    "ios": (44, "pt"),
    "android": (48, "dp"),
    "web": (44, "px"),
}
PLATFORM_LABELS: Final[dict[str, str]] = {"ios": "iOS", "android": "Android", "web": "the web"}

# WCAG large text: at least 24 px, or 18.66 px (14 pt) and bold.
LARGE_TEXT_PX: Final = 24.0
LARGE_BOLD_TEXT_PX: Final = 18.66
BOLD_WEIGHT: Final = 700.0
