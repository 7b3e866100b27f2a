"""Conversions every output format shares: names, numbers, comments."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_NAME = re.compile(r"[^a-z0-9_\-\u0080-\U0010ffff]+")  # CSS idents allow non-ASCII
_DASHES = re.compile(r"-{2,}")


def kebab(segments: Iterable[str]) -> str:
    """``("color", "greenVivid", "500")`` → ``color-green-vivid-500``."""
    words = []
    for segment in segments:
        word = _CAMEL.sub("-", segment).lower()
        word = _NOT_NAME.sub("-", word)
        words.append(word.strip("-") or "x")
    return _DASHES.sub("-", "-".join(words))


def number(value: float, places: int = 4) -> str:
    """A number as short as possible: ``1``, ``0.5``, ``-0.25``; never an exponent."""
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def comment_text(text: str) -> str:
    """Text safe inside a block comment, on one line."""
    return " ".join(text.replace("*/", "* /").split())
