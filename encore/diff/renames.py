"""Rename detection: a removed and an added token with the same type and resolved value.

The confidence of a candidate pair (0 to 1) adds up what else they share::

    0.40  same type and same resolved value (required)
    0.30  place: same group (1), same last name in another group (0.8), else
          0.6 x the similarity of the two dotted names (difflib ratio)
    0.10  written in the same file (relative to the project)
    0.10  same references: the same tokens aliased (1); neither aliases (0.5)
    0.10  same $description (1; neither has one: 0.5)

Pairs are matched one to one, best first; a candidate that competes with others of
nearly its score (within 0.05, for either token) loses 0.1 for each rival. Pairs below
the threshold stay a removal plus an addition.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path

from encore.model import Token

Pair = tuple[Token, Token, float]


def _relative(token: Token, root: Path) -> str:
    try:
        return os.path.relpath(token.origin.source.path, root)
    except ValueError:
        return token.origin.source.path


def score(old: Token, new: Token, roots: tuple[Path, Path]) -> float | None:
    """The confidence that ``new`` is ``old`` renamed, or ``None`` if it cannot be."""
    if old.type != new.type or old.value != new.value:
        return None
    if old.path[:-1] == new.path[:-1]:
        place = 1.0
    elif old.path[-1] == new.path[-1]:
        place = 0.8
    else:
        place = 0.6 * difflib.SequenceMatcher(None, old.name, new.name).ratio()
    same_file = 1.0 if _relative(old, roots[0]) == _relative(new, roots[1]) else 0.0
    old_refs, new_refs = set(old.aliases.values()), set(new.aliases.values())
    refs = 0.5 if not old_refs and not new_refs else float(old_refs == new_refs)
    if old.description is None and new.description is None:
        described = 0.5
    else:
        described = float(old.description == new.description)
    return 0.4 + 0.3 * place + 0.1 * same_file + 0.1 * refs + 0.1 * described


def match_renames(
    removed: Sequence[Token], added: Sequence[Token], roots: tuple[Path, Path], threshold: float
) -> list[Pair]:
    """The renames among removed and added tokens: (old, new, confidence), by old name."""
    if not removed or not added:
        return []
    by_value: dict[tuple[str, str], list[Token]] = {}
    for token in added:
        by_value.setdefault((token.type.value, repr(token.value)), []).append(token)
    candidates: list[tuple[float, Token, Token]] = []
    for old in removed:
        for new in by_value.get((old.type.value, repr(old.value)), []):
            found = score(old, new, roots)
            if found is not None:
                candidates.append((found, old, new))
    candidates.sort(key=lambda c: (-c[0], c[1].name, c[2].name))
    rivals: dict[str, list[float]] = {}
    for found, old, new in candidates:
        rivals.setdefault("-" + old.name, []).append(found)
        rivals.setdefault("+" + new.name, []).append(found)
    used_old: set[str] = set()
    used_new: set[str] = set()
    pairs: list[Pair] = []
    for found, old, new in candidates:
        if old.name in used_old or new.name in used_new:
            continue
        close = sum(
            1
            for key in ("-" + old.name, "+" + new.name)
            for other in rivals[key]
            if abs(other - found) <= 0.05
        )
        confidence = round(max(0.0, found - 0.1 * (close - 2)), 2)  # the pair itself counts twice
        if confidence < threshold:
            continue
        used_old.add(old.name)
        used_new.add(new.name)
        pairs.append((old, new, confidence))
    return sorted(pairs, key=lambda p: p[0].name)
