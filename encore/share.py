"""Structural sharing between two parses of one file, for rebuilds in a warm process.

`share` returns the new data with every part that is strictly equal to the old data (same
types all the way down, so ``1``, ``1.0`` and ``true`` differ) replaced by the old
object. Unchanged tokens then keep their node objects, which is what lets the evaluator
and the formats recognise them by identity. It also tells whether the edit changed only
tokens' ``$value``, ``$description`` or ``$extensions`` (`Delta.values`, with the changed
tokens' paths): the common edit, for which a build can patch the last build's token tree
instead of collecting it again.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from typing import Any

from encore.sourcemap import JsonPath

# The token properties an edit may change and still patch the last tree: none of them
# decides a token's name, type, deprecation or place (collecting checks them again).
PATCHABLE = frozenset({"$value", "$description", "$extensions"})


@dataclass(frozen=True, slots=True)
class Delta:
    """What a re-parse changed: the paths of token nodes in which only `PATCHABLE`
    properties changed, or ``values=False`` when anything else did (keys, order, groups,
    other properties)."""

    values: bool
    tokens: tuple[JsonPath, ...] = ()


def share(old: Any, new: Any) -> tuple[Any, Delta]:
    """``new`` sharing ``old``'s unchanged parts, and what changed."""
    changed: list[JsonPath] = []
    shared, same, only_values = _share(old, new, (), changed)
    if same:
        return old, Delta(True)
    return shared, Delta(only_values, tuple(changed))


def _is_token(node: Any) -> bool:
    return isinstance(node, dict) and ("$value" in node or "$ref" in node)


def _share(old: Any, new: Any, path: JsonPath, changed: list[JsonPath]) -> tuple[Any, bool, bool]:
    """(shared value, strictly equal, differences only in tokens' $value)."""
    if old is new:  # a part a partial re-parse took over (encore.yaml_splice)
        return old, True, True
    if type(old) is not type(new):
        return new, False, False
    # Equal at C speed, and strictly so: ``==`` takes 1, 1.0 and true for one another,
    # their marshalled bytes do not (an unchanged group costs two C-level walks, no
    # Python recursion). Version 2 writes no back-references, so the bytes depend only on
    # the values, types and order; a difference they might still show (a string interned
    # in one parse only) could only make an unchanged part look changed: slower, not wrong.
    if old == new and (not isinstance(new, dict | list) or _strict(old) == _strict(new)):
        return old, True, True
    if isinstance(new, dict):
        if _is_token(new) and _is_token(old):
            return _share_token(old, new, path, changed)
        same_keys = list(old) == list(new)
        out: dict[str, Any] = {}
        same, only_values = same_keys, same_keys
        for key, value in new.items():
            if key in old:
                value, equal, values = _share(old[key], value, (*path, key), changed)
                same = same and equal
                only_values = only_values and values
            out[key] = value
        return (old, True, True) if same else (out, False, only_values)
    if isinstance(new, list):
        if len(old) != len(new):
            return new, False, False
        items = []
        same = True
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            value, equal, _ = _share(a, b, (*path, index), changed)
            same = same and equal
            items.append(value)
        return (old, True, True) if same else (items, False, False)
    return (old, True, True) if old == new else (new, False, False)


def _strict(value: Any) -> bytes | str:
    try:
        return marshal.dumps(value, 2)
    except ValueError:  # a type marshal does not know (YAML reads dates as datetime.date)
        return repr(value)


def _share_token(
    old: dict[str, Any], new: dict[str, Any], path: JsonPath, changed: list[JsonPath]
) -> tuple[Any, bool, bool]:
    if list(old) != list(new):
        return _share_parts(old, new, path), False, False
    only_values = True
    same = True
    for key, value in new.items():
        _, equal, _ = _share(old[key], value, (*path, key), [])
        if not equal:
            same = False
            only_values = only_values and key in PATCHABLE
    if same:
        return old, True, True
    changed.append(path)
    return _share_parts(old, new, path), False, only_values


def _share_parts(old: dict[str, Any], new: dict[str, Any], path: JsonPath) -> dict[str, Any]:
    """A changed token node: a new dict (its identity says it changed), parts shared."""
    return {k: (_share(old[k], v, (*path, k), [])[0] if k in old else v) for k, v in new.items()}


__all__ = ["PATCHABLE", "Delta", "share"]
