"""Expected colours read from the build output: a custom property's value in the
generated ``encore.css`` for a theme, followed through ``var()`` to its literal and
written as the browser reports computed colours."""

from __future__ import annotations

import re
from pathlib import Path

DECLARATION = re.compile(r"(--encore-[\w-]+)\s*:\s*([^;]+);")
REFERENCE = re.compile(r"^var\((--encore-[\w-]+)\)$")


def _block(css: str, selector: str) -> dict[str, str]:
    """The declarations of the top-level rule ``selector { ... }``."""
    start = css.index(f"\n{selector} {{") + len(selector) + 3
    return dict(DECLARATION.findall(css[start : css.index("\n}", start)]))


def token_colour(design: Path, name: str, theme: str) -> str:
    """``name``'s colour under ``theme`` ("dark" is the default, "light" the
    ``data-encore-theme`` attribute), as ``rgb(r, g, b)``."""
    css = (design / "encore.css").read_text(encoding="utf-8")
    scopes = [_block(css, ":root")]
    if theme != "dark":
        scopes.insert(0, _block(css, f'[data-encore-theme="{theme}"]'))
    value = f"var({name})"
    while match := REFERENCE.match(value.strip()):
        value = next(s[match.group(1)] for s in scopes if match.group(1) in s)
    return _rgb(value.strip())


def _rgb(hex_colour: str) -> str:
    digits = hex_colour.lstrip("#")
    assert re.fullmatch(r"[0-9a-fA-F]{6}", digits), f"not an opaque hex colour: {hex_colour}"
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r}, {g}, {b})"
