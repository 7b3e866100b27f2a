"""Token paths to identifiers in each output language, and name-collision reports.

A path segment is split into words at separators and camel-case humps (``space-md``,
``space_md`` and ``spaceMd`` all give ``space``, ``md``), then the words are joined in the
language's case. Identifiers that start with a digit get a leading ``_``; reserved words
are escaped the way the language allows. Two tokens that end up with the same name in the
same scope are an error on every platform (`report_collisions`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from encore.diagnostics import Diagnostic
from encore.model import Token

_PLAIN = re.compile(r"[a-z][a-z0-9]*|[0-9]+")  # one lower-case word already
_HUMP = re.compile(r"(?<=[^\W_])(?=[A-Z][a-z])|(?<=[a-z0-9])(?=[A-Z])")

SWIFT_KEYWORDS = frozenset(
    """associatedtype borrowing class consuming deinit enum extension fileprivate func import init
    inout internal let nonisolated open operator package precedencegroup private protocol public
    rethrows static struct subscript typealias var break case catch continue default defer do
    else fallthrough for guard if in repeat return switch where while Any as await false is nil
    self Self super throw throws true try _ Protocol Type""".split()  # noqa: SIM905
)
KOTLIN_KEYWORDS = frozenset(
    """as break class continue do else false for fun if in interface is null object package
    return super this throw true try typealias typeof val var when while""".split()  # noqa: SIM905
)


def words(segment: str, *, ascii_only: bool = False) -> list[str]:
    """The words of one path segment, lower-cased; non-letters separate words."""
    if _PLAIN.fullmatch(segment):
        return [segment]
    return list(_words(segment, ascii_only))


@functools.lru_cache(maxsize=65536)
def _words(segment: str, ascii_only: bool) -> tuple[str, ...]:
    out: list[str] = []
    for chunk in _HUMP.sub(" ", segment).split():
        word = ""
        for ch in chunk:
            if (ch.isascii() and ch.isalnum()) or (ch.isalpha() and not ascii_only):
                word += ch
            else:
                if word:
                    out.append(word.lower())
                word = ""
                if not ch.isspace() and ch not in "-_.":
                    out.append(f"u{ord(ch):x}")  # keep symbols distinct: "a+b" vs "a-b"
        if word:
            out.append(word.lower())
    return tuple(out) or (f"u{ord(segment[0]):x}" if segment else "x",)


def path_words(segments: Iterable[str], *, ascii_only: bool = False) -> list[str]:
    """The words of every segment, in order."""
    return [w for segment in segments for w in words(segment, ascii_only=ascii_only)]


def camel(parts: Sequence[str]) -> str:
    """``["space", "md"]`` → ``spaceMd``."""
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def pascal(parts: Sequence[str]) -> str:
    """``["space", "md"]`` → ``SpaceMd``."""
    return "".join(p[:1].upper() + p[1:] for p in parts)


def snake(parts: Sequence[str]) -> str:
    """``["space", "md"]`` → ``space_md``."""
    return "_".join(parts)


def swift_identifier(name: str) -> str:
    """A Swift identifier: a leading digit gets ``_``, keywords get backticks."""
    if name[:1].isdigit():
        return "_" + name
    return f"`{name}`" if name in SWIFT_KEYWORDS else name


def kotlin_identifier(name: str) -> str:
    """A Kotlin identifier: a leading digit gets ``_``; hard keywords, and names with a
    character Kotlin's lexer may not take in a plain identifier (anything but letters,
    digits and ``_`` of the Basic Multilingual Plane: no combining marks such as the dot
    that lower-casing ``İ`` leaves, no supplementary characters), get backticks."""
    if name[:1].isdigit():
        name = "_" + name
    plain = all(
        ch == "_" or (ord(ch) <= 0xFFFF and unicodedata.category(ch) in _KOTLIN_IDENTIFIER)
        for ch in name
    )
    return f"`{name}`" if name in KOTLIN_KEYWORDS or not plain else name


_KOTLIN_IDENTIFIER = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Nd"})


@dataclass(frozen=True, slots=True)
class Claim:
    """One name a token takes in an output, within a scope (a namespace, or the file)."""

    scope: str
    name: str
    token: Token
    what: str  # how the name shows in the output, e.g. "the Swift constant Encore.Space.md"


def report_collisions(
    claims: Iterable[Claim], rule: str, report: list[Diagnostic], how: str
) -> set[str]:
    """Report every pair of different tokens claiming one name in one scope.

    Returns the names of tokens that lost a collision. ``how`` explains the naming rule
    in the help text.
    """
    owners: dict[tuple[str, str], Claim] = {}
    losers: set[str] = set()
    pairs: set[frozenset[str]] = set()
    for claim in claims:
        key = (claim.scope, claim.name)
        other = owners.get(key)
        if other is None:
            owners[key] = claim
            continue
        pair = frozenset({other.token.name, claim.token.name})
        if len(pair) == 1 or pair in pairs:
            continue  # one token, or a pair already reported (a group and its member)
        pairs.add(pair)
        losers.add(claim.token.name)
        report.append(
            Diagnostic(
                rule,
                f'"{claim.token.name}" and "{other.token.name}" both become {claim.what}',
                claim.token.origin,
                part="key",
                related=(other.token.origin,),
                help=f"rename one of them; {how}",
            )
        )
    return losers
