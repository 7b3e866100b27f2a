"""Spotify-style identifiers: 22 base-62 characters, and ``encore:<type>:<id>`` URIs.

Ids are derived from a stable key (for the demo catalogue: the kind and the names), so a
re-seeded database keeps its ids and links stay valid.
"""

from __future__ import annotations

import hashlib
import re

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
ID_LENGTH = 22
ID_PATTERN = r"^[0-9A-Za-z]{22}$"
_ID = re.compile(ID_PATTERN)


def make_id(*key: str) -> str:
    """A 22-character base-62 id, a pure function of ``key``."""
    number = int.from_bytes(hashlib.sha256("\x1f".join(key).encode()).digest()[:17], "big")
    chars = []
    for _ in range(ID_LENGTH):
        number, digit = divmod(number, 62)
        chars.append(_ALPHABET[digit])
    return "".join(chars)


def is_id(text: str) -> bool:
    return bool(_ID.match(text))


def uri(kind: str, item_id: str) -> str:
    return f"encore:{kind}:{item_id}"
