"""``contrast/insufficient``: declared foreground/background pairs meet WCAG 2.x in every
theme permutation.

Pairs come from ``encore.yaml`` (``contrast.pairs``) or from a token's ``$extensions``
(``com.encore.contrast: [{background: ..., kind: ...}]``). A translucent foreground is
composited over its background; a translucent background over the pair's ``over`` token
(the surface underneath), or, when none is named, over both black and white, and the
worse result counts (name ``over`` for a translucent background: black and white are not
the worst case for every colour). Thresholds per kind are configurable (WCAG: 4.5 for text,
3 for large text and non-text contrast).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from encore.config import ContrastConfig, ContrastPair
from encore.diagnostics import Diagnostic, Origin
from encore.memo import chunked
from encore.model import Token
from encore.suggest import did_you_mean
from encore.themes import Themes
from encore.values.color import srgb_components, srgb_hex
from encore.values.types import Color, TokenType

RULE_ID = "contrast/insufficient"
SUMMARY = "declared colour pairs meet WCAG 2.x contrast in every theme permutation"
EXTENSION = "com.encore.contrast"


@dataclass(frozen=True, slots=True)
class Pair:
    """A pair to check, wherever it was declared."""

    foreground: str
    background: str
    kind: str
    origin: Origin
    over: str | None = None


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _over(
    top: tuple[float, float, float, float], under: tuple[float, float, float]
) -> tuple[float, float, float]:
    r, g, b, a = top
    return (r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a))


def ratio(foreground: Color, background: Color, over: Color | None = None) -> float:
    """The WCAG 2.x contrast ratio, alpha composited: a translucent background over
    ``over``, or the worse of black and white underneath."""
    fg, bg = srgb_components(foreground), srgb_components(background)
    worst = 21.0
    canvases: tuple[tuple[float, float, float], ...] = ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0))
    if over is not None:
        r, g, b, a = srgb_components(over)
        canvases = (_over((r, g, b, a), (0.0, 0.0, 0.0)), _over((r, g, b, a), (1.0, 1.0, 1.0)))
    for canvas in canvases if bg[3] < 1 else ((0.0, 0.0, 0.0),):
        under = _over(bg, canvas)
        top = _over(fg, under)
        high, low = sorted((_luminance(top), _luminance(under)), reverse=True)
        worst = min(worst, (high + 0.05) / (low + 0.05))
    return worst


def declared_pairs(config: ContrastConfig, themes: Themes) -> Iterator[Pair]:
    """Pairs from the project file, then from tokens' ``$extensions``."""
    for pair in config.pairs:
        yield Pair(pair.foreground, pair.background, pair.kind, pair.origin, pair.over)
    # kept by runs of tokens in a warm process: only an edited token's pairs are read again
    for run in chunked("contrast-pairs", themes.default, _token_pairs):
        yield from run


def _token_pairs(tokens: Sequence[Token]) -> list[Pair]:
    """The pairs declared in these tokens' ``$extensions``."""
    found = []
    for token in tokens:
        declared = token.extensions.get(EXTENSION)
        for i, entry in enumerate(declared if isinstance(declared, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get("background"), str):
                where = token.origin.child("$extensions", EXTENSION, i)
                over = entry.get("over")
                found.append(
                    Pair(
                        token.name,
                        entry["background"],
                        str(entry.get("kind", "text")),
                        where,
                        over if isinstance(over, str) else None,
                    )
                )
    return found


def _lookup(name: str, themes: Themes, pair: Pair, role: str) -> Diagnostic | None:
    token = themes.default.get(name)
    if token is None:
        return Diagnostic(
            "contrast/unknown-token",
            f'the {role} "{name}" of a contrast pair is not a token',
            pair.origin,
            help=did_you_mean(name, themes.default.tokens) or "name a colour token",
        )
    if token.type is not TokenType.COLOR:
        return Diagnostic(
            "contrast/unknown-token",
            f'the {role} "{name}" is a {token.type.value} token, not a colour',
            pair.origin,
            help="contrast pairs name colour tokens",
        )
    return None


def check(themes: Themes, config: ContrastConfig) -> list[Diagnostic]:
    """Every failing pair in every permutation."""
    found: list[Diagnostic] = []
    for pair in declared_pairs(config, themes):
        problems = [
            d
            for d in (
                _lookup(pair.foreground, themes, pair, "foreground"),
                _lookup(pair.background, themes, pair, "background"),
                _lookup(pair.over, themes, pair, "surface") if pair.over else None,
            )
            if d is not None
        ]
        if pair.kind not in config.thresholds:
            problems.append(
                Diagnostic(
                    "contrast/kind",
                    f'unknown contrast kind "{pair.kind}"',
                    pair.origin,
                    help="kinds: " + ", ".join(config.thresholds),
                )
            )
        if problems:
            found += problems
            continue
        needed = config.thresholds[pair.kind]
        for key in themes.permutations():
            tokens = themes.sets[key]
            fg, bg = tokens.get(pair.foreground), tokens.get(pair.background)
            if fg is None or bg is None:
                continue
            assert isinstance(fg.value, Color) and isinstance(bg.value, Color)
            under = tokens.get(pair.over) if pair.over else None
            surface = under.value if under is not None else None
            value = ratio(fg.value, bg.value, surface if isinstance(surface, Color) else None)
            if value + 1e-9 >= needed:
                continue
            found.append(_failure(pair, fg, bg, value, needed, themes.label(key) or "the build"))
    return found


def _failure(
    pair: Pair, fg: Token, bg: Token, value: float, needed: float, where: str
) -> Diagnostic:
    assert isinstance(fg.value, Color) and isinstance(bg.value, Color)
    return Diagnostic(
        RULE_ID,
        f'"{fg.name}" ({srgb_hex(fg.value)}) on "{bg.name}" ({srgb_hex(bg.value)}) has a '
        f"contrast of {math.floor(value * 100) / 100:.2f}:1 in {where}; "
        f"{pair.kind} needs {needed:g}:1",
        fg.origin,
        part="key",
        related=(bg.origin, pair.origin),
        help="choose colours further apart in lightness for this theme, "
        "or declare the pair with another kind if it is large text or decoration",
    )


__all__ = ["RULE_ID", "SUMMARY", "ContrastPair", "check", "ratio"]
