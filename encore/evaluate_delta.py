"""Evaluate only what an edit reaches: the evaluate stage of a warm rebuild.

When the last evaluation of a permutation was clean (nothing reported, every token
evaluated) and the new tree has the same tokens in the same order, the raw tokens that
are not the very same objects are the edit. They and every token that references them,
transitively (found through a reverse index kept from build to build), are evaluated
again; every other token is the last build's object. A re-evaluated token equal to its
old self keeps the old object (`encore.evaluate.Evaluator.resolve`), so formats that
recognise tokens by identity see only real changes. Anything else evaluates in full.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Mapping

from encore import warm
from encore.diagnostics import Diagnostic
from encore.evaluate import Earlier, Evaluator, evaluate_reusing
from encore.memo import changed_blocks
from encore.model import Token, TokenSet
from encore.tree import TokenTree

# A token set made by `evaluate_changed` → (itself, the set it was made from, the names
# evaluated again): later stages that recognise the older set redo only those names.
CHANGES: OrderedDict[int, tuple[TokenSet, TokenSet, frozenset[str]]] = warm.cache(OrderedDict())


def changed_since(tokens: TokenSet) -> tuple[TokenSet, frozenset[str]] | None:
    """The set ``tokens`` was made from by re-evaluating a few names, and those names
    (with every token that reads one of them: see `record_change`)."""
    found = CHANGES.get(id(tokens))
    return (found[1], found[2]) if found is not None and found[0] is tokens else None


def record_change(tokens: TokenSet, source: TokenSet, names: frozenset[str]) -> None:
    """Note that ``tokens`` is ``source`` re-evaluated for `changed_since`: the same names
    in the same order, every token outside ``names`` the very same object, and ``names``
    closed under readers (every token reading one of them, directly or through others, is
    among them). Readers of `changed_since` rely on both."""
    CHANGES[id(tokens)] = (tokens, source, names)
    while len(CHANGES) > 16:
        CHANGES.popitem(last=False)


def dependents_of(done: Mapping[str, Token | None]) -> dict[str, tuple[str, ...]]:
    """Who references each token (directly)."""
    found: dict[str, list[str]] = {}
    for name, token in done.items():
        if token is not None:
            for reference in token.references:
                found.setdefault(reference, []).append(name)
    return {name: tuple(names) for name, names in found.items()}


def _reach(start: list[str], dependents: Mapping[str, tuple[str, ...]]) -> set[str]:
    seen = set(start)
    stack = list(start)
    while stack:
        for other in dependents.get(stack.pop(), ()):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return seen


def evaluate_changed(
    tree: TokenTree, earlier: Earlier | None
) -> tuple[TokenSet, list[Diagnostic], Earlier]:
    """`encore.evaluate.evaluate_reusing`, evaluating only what changed when it can."""
    if (
        earlier is None
        or not earlier.clean
        or earlier.tokens is None
        or tree.diagnostics
        or len(tree.tokens) != len(earlier.raw)
    ):
        return evaluate_reusing(tree, earlier)
    before = list(earlier.raw.values())
    moved = changed_blocks(before, tree.tokens, 1)  # unequal raw tokens (identity first)
    if any(tree.tokens[i].name != before[i].name for i in moved):
        return evaluate_reusing(tree, earlier)  # names added, removed or reordered
    changed = [tree.tokens[i] for i in moved]
    dependents = earlier.dependents
    if dependents is None:
        dependents = dependents_of(earlier.done)
    affected = _reach([raw.name for raw in changed], dependents)

    raw = dict(earlier.raw)
    raw.update((token.name, token) for token in changed)
    done = dict(earlier.done)
    for name in affected:
        del done[name]
    evaluator = Evaluator(tree, earlier, raw, done)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20000))
    try:
        for name in raw if len(affected) > len(raw) // 2 else sorted(affected):
            try:
                evaluator.resolve(name)
            except RecursionError:
                evaluator.too_deep(name)
    finally:
        sys.setrecursionlimit(limit)
    if evaluator.diagnostics or any(done.get(name) is None for name in affected):
        return evaluate_reusing(tree, earlier)  # the full evaluation reports it in order
    tokens = dict(earlier.tokens.tokens)
    for name in affected:
        tokens[name] = done[name]  # type: ignore[assignment]  # checked above: not None
    result = TokenSet(tokens)
    record_change(result, earlier.tokens, frozenset(affected))
    next_dependents = _updated(dependents, affected, earlier.done, done)
    snapshot = Earlier(raw, done, frozenset(), result, True, next_dependents)
    return result, [], snapshot


def _updated(
    dependents: Mapping[str, tuple[str, ...]],
    affected: set[str],
    old: Mapping[str, Token | None],
    new: Mapping[str, Token | None],
) -> Mapping[str, tuple[str, ...]]:
    """The reverse index after ``affected`` tokens were evaluated again."""
    edits: list[tuple[str, str, bool]] = []  # target, referrer, added
    for name in affected:
        before, after = old.get(name), new.get(name)
        refs_before = before.references if before is not None else frozenset()
        refs_after = after.references if after is not None else frozenset()
        if refs_before == refs_after:
            continue
        edits += [(target, name, False) for target in refs_before - refs_after]
        edits += [(target, name, True) for target in refs_after - refs_before]
    if not edits:
        return dependents
    result = dict(dependents)
    for target, referrer, added in edits:
        current = result.get(target, ())
        result[target] = (
            (*current, referrer) if added else tuple(n for n in current if n != referrer)
        )
    return result


__all__ = ["CHANGES", "changed_since", "dependents_of", "evaluate_changed", "record_change"]
