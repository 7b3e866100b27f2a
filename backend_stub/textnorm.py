"""Names folded for search: NFKC, case folding, diacritics stripped.

``normalise("Motörhead")`` and ``normalise("MOTORHEAD")`` are both ``"motorhead"``;
``"Þór"`` becomes ``"thor"``, ``"Ｂｅｙｏｎｃé"`` (full-width) ``"beyonce"``. The same
function folds stored names and queries, so both databases compare like with like.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that carry no combining mark in NFKD, so stripping marks leaves them as they are.
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
        "\u0131": "i",  # dotless i
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """``text`` in the form stored in ``name_norm`` columns and matched by search."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = unicodedata.normalize("NFC", stripped).translate(_LETTERS)
    return _SPACE.sub(" ", stripped).strip()


def words(text: str) -> list[str]:
    """The search terms of ``text``: normalised, then split into word characters only
    (so nothing of a query can act as FTS5 or tsquery syntax)."""
    return _WORD.findall(normalise(text).replace("_", " "))
