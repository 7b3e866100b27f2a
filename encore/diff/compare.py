"""Compare two resolved token sets, then merge the comparisons of every permutation.

`compare_sets` compares one permutation: renames first (`encore.diff.renames`), then
added and removed tokens, then for tokens in both a type change, else a value change
(resolved values: an alias retargeted to another value is a value change), else an
alias change (same value, another alias), and a newly set ``$deprecated``.
`merge` groups equal changes of several permutations and names the permutations
(``theme=dark``) when a change does not happen in all of them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from encore.diff.model import KINDS, Change, TokenView
from encore.diff.renames import match_renames
from encore.listing import short_value
from encore.model import Token, TokenSet
from encore.themes import Themes

Changes = list[Change]


def display(token: Token) -> str:
    """A value in one line: ``16px``, ``250ms``, hex for colours, compact JSON otherwise."""
    raw = token.value.to_json()
    if isinstance(raw, dict) and set(raw) == {"value", "unit"}:
        return f"{raw['value']}{raw['unit']}"
    return short_value(token)


def view(token: Token, root: Path) -> TokenView:
    """A token as the diff shows it; its file relative to ``root``."""
    where = token.location
    try:
        file = os.path.relpath(where.path, root)
    except ValueError:
        file = where.path
    return TokenView(
        name=token.name,
        type=token.type.value,
        value=token.value.to_json(),
        display=display(token),
        alias=token.alias_of,
        aliases=tuple(sorted(set(token.aliases.values()))),
        file=file.replace(os.sep, "/"),
        line=where.line,
        description=token.description,
        deprecated=token.deprecated,
    )


def compare_sets(
    base: TokenSet, head: TokenSet, roots: tuple[Path, Path], threshold: float
) -> Changes:
    """Every change from ``base`` to ``head`` in one permutation."""
    removed = [t for t in base if t.name not in head]
    added = [t for t in head if t.name not in base]
    changes: Changes = []
    pairs = match_renames(removed, added, roots, threshold)
    renamed_old = {old.name for old, _, _ in pairs}
    renamed_new = {new.name for _, new, _ in pairs}
    for old, new, confidence in pairs:
        changes.append(
            Change(
                "renamed",
                new.name,
                view(old, roots[0]),
                view(new, roots[1]),
                old_name=old.name,
                confidence=confidence,
            )
        )
    for token in removed:
        if token.name not in renamed_old:
            changes.append(Change("removed", token.name, view(token, roots[0]), None))
    for token in added:
        if token.name not in renamed_new:
            changes.append(Change("added", token.name, None, view(token, roots[1])))
    for now in head:
        was = base.get(now.name)
        if was is None:
            continue
        kind = None
        if was.type != now.type:
            kind = "type-changed"
        elif was.value != now.value:
            kind = "value-changed"
        elif dict(was.aliases) != dict(now.aliases):
            kind = "alias-changed"
        if kind is not None:
            changes.append(Change(kind, now.name, view(was, roots[0]), view(now, roots[1])))
        if now.deprecated and not was.deprecated:
            changes.append(Change("deprecated", now.name, view(was, roots[0]), view(now, roots[1])))
    return changes


EXISTENCE = frozenset({"added", "removed", "renamed", "deprecated"})


def _key(change: Change) -> tuple[object, ...]:
    """Changes with equal keys are one change: for additions, removals, renames and
    deprecations the name is enough (values may differ per theme); for other changes the
    values before and after must match too."""
    if change.kind in EXISTENCE:
        return (change.kind, change.name, change.old_name)

    def side(v: TokenView | None) -> tuple[object, ...]:
        return () if v is None else (v.type, v.display, v.alias, v.aliases, v.deprecated)

    return (change.kind, change.name, change.old_name, side(change.before), side(change.after))


def merge(per_permutation: Mapping[str, Changes], themes: Themes | None) -> list[Change]:
    """One change per distinct change, with the permutations it happens in, sorted by
    kind (report order) and then name."""
    labels = list(per_permutation)
    found: dict[tuple[object, ...], tuple[Change, list[str]]] = {}
    for label, changes in per_permutation.items():
        for change in changes:
            key = _key(change)
            if key in found:
                first, where = found[key]
                where.append(label)
                if change.confidence is not None and first.confidence is not None:
                    lowest = min(first.confidence, change.confidence)
                    found[key] = (dataclasses.replace(first, confidence=lowest), where)
            else:
                found[key] = (change, [label])
    out = []
    for change, where in found.values():
        scope = "" if len(where) == len(labels) else describe_scope(where, labels, themes)
        permutations = tuple(where) if scope else ()
        out.append(
            Change(
                change.kind,
                change.name,
                change.before,
                change.after,
                change.impact,
                change.old_name,
                change.confidence,
                permutations,
                scope,
            )
        )
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(out, key=lambda c: (order[c.kind], c.name))


def describe_scope(where: Sequence[str], labels: Sequence[str], themes: Themes | None) -> str:
    """``theme=dark`` when the permutations are exactly those with one context of one
    modifier; otherwise the permutations joined with ``; ``."""
    if themes is not None and themes.axes:
        chosen = set(where)
        for i, axis in enumerate(themes.axes):
            for context in axis.contexts:
                matching = {
                    themes.label(key)
                    for key in themes.permutations()
                    if key[i] == context and themes.label(key) in labels
                }
                if matching == chosen:
                    return f"{axis.name}={context}"
    return "; ".join(where)
