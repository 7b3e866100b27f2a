"""The collect stage in a warm process: patch the last token tree for value-only edits (and
edits of descriptions and extensions).

Collecting merges every file into one tree again, which costs as much for a one-value
edit as for a new project. When the files are the last build's, in the same order and
tiers, except re-parses that changed only tokens' ``$value``, ``$description`` or
``$extensions`` (`encore.share.Delta`), the new tree is the last one with those tokens'
raw nodes replaced: nothing else that
collecting decides (names, types, inheritance, overrides) can differ. Anything else (a
new, removed or reordered file, a changed key, a tree that had problems or uses
``$extends``, whose copies would need patching too) collects from scratch.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from encore import warm
from encore.load import DELTAS, LoadedFile
from encore.sourcemap import JsonPath
from encore.tree import RawGroup, RawToken, TokenTree, collect, token_problems

Files = list[tuple[LoadedFile, str | None]]


@dataclass(slots=True)
class _Last:
    files: Files
    tree: TokenTree
    positions: dict[str, int]  # token name → index in tree.tokens


_LAST: OrderedDict[Hashable, _Last] = warm.cache(OrderedDict())
_SIZE = 16


def collect_warm(key: Hashable, files: Files, *, override: bool = False) -> TokenTree:
    """`encore.tree.collect`, patching the last tree collected under ``key`` when it can
    (only in a warm process). A patched tree shares its groups with the last one, and the
    next patch changes them: a tree is good for the build that asked for it."""
    if not warm.ENABLED:
        return collect(files, override=override)
    last = _LAST.pop(key, None)
    tree = _patched(last, files) if last is not None else None
    if tree is None:
        tree = collect(files, override=override)
        if tree.diagnostics or _uses_extends(tree.root):
            return tree  # never patched from
        positions = {token.name: i for i, token in enumerate(tree.tokens)}
    else:
        assert last is not None
        positions = last.positions
    _LAST[key] = _Last(list(files), tree, positions)
    while len(_LAST) > _SIZE:
        _LAST.popitem(last=False)
    return tree


def _patched(last: _Last, files: Files) -> TokenTree | None:
    if len(files) != len(last.files):
        return None
    changes: list[tuple[tuple[str, ...], Any, Any]] = []  # path, old node, new node
    for (loaded, tier), (before, before_tier) in zip(files, last.files, strict=True):
        if loaded is before and tier == before_tier:
            continue
        found = DELTAS.get(id(loaded))
        if found is None or found[0] is not before or tier != before_tier:
            return None
        _, _, delta = found
        if not delta.values or loaded.base:
            return None
        for path in delta.tokens:
            old_node, new_node = _at(before.data, path), _at(loaded.data, path)
            if not isinstance(new_node, dict) or new_node.get("$value") is None:
                return None  # a null value is an error collecting reports
            changes.append((tuple(str(p) for p in path), old_node, new_node))
    tokens = list(last.tree.tokens)
    for path, old_node, new_node in changes:
        raw = last.tree.find(path)
        if not isinstance(raw, RawToken) or raw.node is not old_node:
            continue  # overridden by a later file: this permutation does not see it
        index = last.positions[raw.name]
        replacement = RawToken(raw.path, new_node, raw.origin, raw.tier, raw.type, raw.deprecated)
        if token_problems(replacement):
            return None  # collecting reports it, where and as it always does
        parent = last.tree.find(path[:-1])
        assert isinstance(parent, RawGroup) and tokens[index] is raw
        parent.children[path[-1]] = replacement
        tokens[index] = replacement
    return TokenTree(last.tree.root, tokens, [])


def _at(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _uses_extends(group: RawGroup) -> bool:
    if "$extends" in group.props:
        return True
    return any(_uses_extends(c) for c in group.children.values() if isinstance(c, RawGroup))


__all__ = ["collect_warm"]
