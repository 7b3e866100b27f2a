"""Conversions every output format shares: names, numbers, units, comments, strings."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from encore.formats.naming import path_words
from encore.model import Token, TokenSet
from encore.values.types import Dimension, Duration

if TYPE_CHECKING:
    import jinja2


def kebab(segments: Iterable[str]) -> str:
    """``("color", "greenVivid", "500")`` → ``color-green-vivid-500``.

    Words as `encore.formats.naming.words` splits them; CSS identifiers allow non-ASCII.
    """
    return "-".join(path_words(segments))


def number(value: float, places: int = 4) -> str:
    """A number as short as possible: ``1``, ``0.5``, ``-0.25``; never an exponent."""
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ufffe\uffff]")


def printable(text: str) -> str:
    """Control characters (which compilers reject even in comments) shown as ``U+0007``."""
    return _UNPRINTABLE.sub(lambda m: f"U+{ord(m.group()):04X}", text)


def comment_lines(text: str) -> list[str]:
    """The lines of a text for line comments: split at line breaks, controls made visible."""
    return [printable(line).rstrip() for line in text.replace("\r\n", "\n").split("\n")]


def comment_text(text: str) -> str:
    """Text safe inside a block comment, on one line."""
    return " ".join(printable(text).replace("*/", "* /").split())


def px(dimension: Dimension, rem_base: float) -> float:
    """A dimension in px (= iOS points = Android dp/sp); ``rem`` scaled by ``rem_base``."""
    return dimension.value * rem_base if dimension.unit == "rem" else dimension.value


def seconds(duration: Duration) -> float:
    """A duration in seconds."""
    return duration.milliseconds / 1000


_CURLY = re.compile(r"\{([^{}]+)\}")


def replacement(token: Token, tokens: TokenSet) -> Token | None:
    """The token a deprecation message names (``Use {color.green.500}``), if it exists."""
    if not isinstance(token.deprecated, str):
        return None
    for name in _CURLY.findall(token.deprecated):
        other = tokens.get(name)
        if other is not None and other.name != token.name:
            return other
    return None


def deprecation_message(token: Token) -> str:
    """The deprecation message, or a plain one when ``$deprecated`` is ``true``."""
    if isinstance(token.deprecated, str) and token.deprecated.strip():
        return token.deprecated
    return f"{token.name} is deprecated"


def c_style_escape(text: str, extra: dict[str, str], unicode: str) -> str:
    """Backslash escapes for a double-quoted string: quote, backslash, controls, ``extra``.

    ``unicode`` formats other control characters, e.g. ``"\\\\u{{{:x}}}"`` for Swift.
    """
    out = []
    for ch in text:
        if ch in extra:
            out.append(extra[ch])
        elif ch in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[ch])
        elif ch < " " or ch == "\x7f" or ch in "\u2028\u2029":
            out.append(unicode.format(ord(ch)))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


_SIMPLE_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def decimal(value: float) -> str:
    """The shortest text that reads back as exactly ``value``: ``16``, ``0.1176470588235294``.

    Integers print without a fraction; very large or small numbers keep an exponent
    (``1e+300``), which Swift, Kotlin, JavaScript and Sass all read.
    """
    if not math.isfinite(value):
        raise ValueError(f"{value} is not a finite number")
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


@cache
def _templates() -> jinja2.Environment:
    import jinja2  # on first use: only the Swift and Kotlin value types are templates

    return jinja2.Environment(
        loader=jinja2.PackageLoader("encore.formats", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render_template(name: str, **variables: Any) -> str:
    """A template of ``encore/formats/templates``, without its trailing newline."""
    return _templates().get_template(name).render(**variables).rstrip("\n")
