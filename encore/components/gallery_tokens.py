"""The token half of the gallery: every token, grouped by its top-level group, as a
specimen that reads the token's CSS variable (so the theme switcher restyles it) beside
its name and resolved value in each theme permutation where that value differs."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from encore.listing import short_value
from encore.model import Token
from encore.themes import Themes
from encore.values.types import TokenType

SAMPLE_TEXT = "The quick brown fox jumps over the lazy dog 0123456789"
_RADIUS_WORDS = ("radius", "corner")


def attr(text: str) -> str:
    """Text escaped for HTML content and double-quoted attributes."""
    return escape(text, quote=True)


def group_of(token: Token) -> str:
    """The top-level group a token sits in."""
    return token.name.split(".", 1)[0]


def _is_radius(token: Token) -> bool:
    return any(word in part for part in token.name.split(".") for word in _RADIUS_WORDS)


def specimen(token: Token, var: str) -> str:
    """The visual part of a token's entry, drawn from its variable."""
    ref = attr(f"var({var})")
    kind = token.type
    if kind == TokenType.COLOR:
        return f'<span class="g-swatch" style="background: {ref}"></span>'
    if kind == TokenType.GRADIENT:
        return f'<span class="g-swatch g-wide" style="background: {ref}"></span>'
    if kind == TokenType.TYPOGRAPHY:
        spacing = attr(f"var({var}-letter-spacing)")
        return f'<p class="g-type" style="font: {ref}; letter-spacing: {spacing}">{SAMPLE_TEXT}</p>'
    if kind == TokenType.FONT_FAMILY:
        return f'<p class="g-type" style="font-family: {ref}">{SAMPLE_TEXT}</p>'
    if kind == TokenType.FONT_WEIGHT:
        return f'<p class="g-type" style="font-weight: {ref}">{SAMPLE_TEXT}</p>'
    if kind == TokenType.SHADOW:
        return f'<span class="g-box" style="box-shadow: {ref}"></span>'
    if kind == TokenType.BORDER:
        return f'<span class="g-box" style="border: {ref}"></span>'
    if kind == TokenType.DIMENSION and _is_radius(token):
        return f'<span class="g-box g-radius" style="border-radius: {ref}"></span>'
    if kind == TokenType.DIMENSION:
        return f'<span class="g-bar" style="inline-size: {ref}"></span>'
    return ""  # numbers, durations, easings, transitions, stroke styles: the value says it


def _values(token: Token, themes: Themes) -> str:
    if token.name not in themes.varying:
        return f'<code class="g-value">{attr(short_value(token))}</code>'
    rows = []
    for key in themes.permutations():
        other = themes.sets[key].get(token.name)
        text = short_value(other) if other is not None else "(absent)"
        rows.append(f"<dt>{attr(themes.label(key))}</dt><dd><code>{attr(text)}</code></dd>")
    return '<dl class="g-value g-themed">' + "".join(rows) + "</dl>"


def token_entry(token: Token, var: str, themes: Themes) -> str:
    """One token: specimen, name, type, value(s), alias and description."""
    bits = [
        f'<li class="g-token" data-token="{attr(token.name)}" '
        f'data-type="{attr(token.type.value)}">',
        specimen(token, var),
        '<div class="g-meta">',
        f'<span class="g-name">{attr(token.name)}</span>',
        f'<code class="g-var">{attr(var)}</code>',
        f'<span class="g-kind">{attr(token.type.value)}</span>',
        _values(token, themes),
    ]
    if token.alias_of is not None:
        bits.append(f'<span class="g-alias">→ {attr(token.alias_of)}</span>')
    if token.description:
        bits.append(f'<span class="g-description">{attr(token.description)}</span>')
    bits += ["</div>", "</li>"]
    return "".join(bits)


def token_sections(themes: Themes, names: Mapping[str, str]) -> list[str]:
    """One ``<section>`` per top-level group, groups and tokens in source order."""
    groups: dict[str, list[Token]] = {}
    for token in themes.default:
        groups.setdefault(group_of(token), []).append(token)
    out = []
    for index, (group, tokens) in enumerate(groups.items()):
        entries = "\n".join(token_entry(t, names.get(t.name, ""), themes) for t in tokens)
        out.append(
            f'<section class="g-group" id="tokens-{index}" data-group="{attr(group)}">\n'
            f"<h3>{attr(group)} <small>({len(tokens)})</small></h3>\n"
            f'<ul class="g-tokens">\n{entries}\n</ul>\n</section>'
        )
    return out


__all__ = ["attr", "group_of", "specimen", "token_entry", "token_sections"]
