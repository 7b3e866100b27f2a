"""The order JavaScript declares tokens in: by depth, then in source order.

A token's depth is 0 when it reads no other token of the set, else one more than the
deepest token it reads. Declaring by depth puts every token after what it reads (a
``const`` must be declared before it is read), and tokens of one depth keep their source
order, so the module reads tier by tier: values first, then what aliases them.

A warm process keeps every depth and, per depth, the source places of its tokens. After
an edit only the re-evaluated tokens (the edited ones and everything that reads them, see
`encore.evaluate_delta`) can change depth: their depths are worked out again from the
kept ones and the few that changed move between the lists.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain

from encore import warm
from encore.evaluate_delta import changed_since
from encore.memo import positions
from encore.model import TokenSet


@dataclass(frozen=True, slots=True)
class Order:
    """A declaration order and what an edit needs to move it."""

    tokens: TokenSet
    depths: dict[str, int]
    by_depth: tuple[list[int], ...]  # source places of each depth's tokens, ascending
    places: tuple[int, ...]  # the order: source places, depth by depth


_HELD: dict[str, Order] = warm.cache({})


def declaration_places(tokens: TokenSet) -> tuple[int, ...]:
    """Each token's place in source order, listed in declaration order (kept between
    warm builds, see the module)."""
    held = _HELD.get("order")
    if held is not None and held.tokens is tokens:
        return held.places
    since = changed_since(tokens) if held is not None else None
    if held is not None and since is not None and since[0] is held.tokens:
        order = reorder(held, tokens, since[1])
    else:
        order = order_of(tokens)
    if warm.ENABLED:
        _HELD["order"] = order
    return order.places


def order_of(tokens: TokenSet) -> Order:
    """The whole order."""
    depths = _depths(tokens, tokens.tokens, {})
    by_depth: list[list[int]] = []
    for place, name in enumerate(tokens.tokens):
        depth = depths[name]
        while len(by_depth) <= depth:
            by_depth.append([])
        by_depth[depth].append(place)
    return Order(tokens, depths, tuple(by_depth), tuple(chain.from_iterable(by_depth)))


def reorder(held: Order, tokens: TokenSet, changed: Iterable[str]) -> Order:
    """The order of ``tokens``, which is ``held.tokens`` with the ``changed`` tokens
    evaluated again (and every token reading one of them among them)."""
    stale = set(changed)
    fresh = _depths(tokens, stale, held.depths, stale)
    moves = [(name, held.depths[name], d) for name, d in fresh.items() if d != held.depths[name]]
    if not moves:
        return Order(tokens, held.depths, held.by_depth, held.places)
    depths = {**held.depths, **fresh}
    by_depth = list(held.by_depth)
    copied: set[int] = set()
    where = positions(tokens)
    for name, before, after in moves:
        while len(by_depth) <= after:
            by_depth.append([])
        for depth in (before, after):
            if depth not in copied:
                by_depth[depth] = list(by_depth[depth])  # the held lists are never changed
                copied.add(depth)
        place = where[name]
        del by_depth[before][bisect_left(by_depth[before], place)]
        insort(by_depth[after], place)
    while by_depth and not by_depth[-1]:
        by_depth.pop()
    return Order(tokens, depths, tuple(by_depth), tuple(chain.from_iterable(by_depth)))


def _depths(
    tokens: TokenSet,
    names: Iterable[str],
    known: Mapping[str, int],
    stale: frozenset[str] | set[str] = frozenset(),
) -> dict[str, int]:
    """The depths of ``names``, given the ``known`` depths of the tokens not ``stale``.
    A reference back into a token still being worked out (a cycle, which evaluation
    reports before formats run) is left out."""
    found: dict[str, int] = {}
    every = tokens.tokens
    fast = not known  # one pass in source order: most references are already worked out

    def depth_of(ref: str) -> int | None:
        if ref in found:
            return found[ref]
        return known[ref] if ref not in stale and ref in known else None

    for name in names:
        if name in found:
            continue
        references = every[name].references
        if not references:
            found[name] = 0
            continue
        if fast and found.keys() >= references:
            found[name] = 1 + max(map(found.__getitem__, references))
            continue
        stack = [(name, iter(references))]
        open_ = {name}
        deepest = [0]
        while stack:
            current, pending = stack[-1]
            for ref in pending:
                if ref not in every or ref in open_:
                    continue
                depth = depth_of(ref)
                if depth is None:
                    stack.append((ref, iter(every[ref].references)))
                    open_.add(ref)
                    deepest.append(0)
                    break
                deepest[-1] = max(deepest[-1], depth + 1)
            else:
                stack.pop()
                open_.discard(current)
                depth = deepest.pop()
                found[current] = depth
                if deepest:
                    deepest[-1] = max(deepest[-1], depth + 1)
    return found


__all__ = ["Order", "declaration_places", "order_of", "reorder"]
