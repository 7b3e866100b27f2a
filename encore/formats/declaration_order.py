"""The order JavaScript declares tokens in: source order, except that a token comes after
every token it references (a ``const`` must be declared before it is read).

The order is a depth-first walk: tokens are taken in source order, and a token whose
references are not all declared yet declares them first. A warm process keeps the last
walk and, after an edit, redoes only what the edit can reach:

- an edit that kept every token's references cannot move anything (the walk reads only
  names and references), nor can one whose changed references, before and after, were all
  declared before the edited token's visit began;
- otherwise the walk starts again at the source token whose visit reached the first
  edited token, with what was declared before it, and stops as soon as it is back in step
  with the last walk: the same tokens declared at the same source token, every edited one
  among them. From there on both walks read the same references from the same state, so
  the rest of the last walk is taken as it is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter, itemgetter

from encore import warm
from encore.evaluate_delta import changed_since
from encore.memo import chunked, shape
from encore.model import Token, TokenSet


@dataclass(frozen=True, slots=True)
class Walk:
    """A declaration order and where each token came in it."""

    names: tuple[str, ...]
    starts: dict[str, int]  # how many were declared when each token's visit began
    places: dict[str, int]  # each token's place in ``names``
    bounds: tuple[int, ...]  # how many were declared when the walk came to each source token


@dataclass(frozen=True, slots=True)
class _Held:
    tokens: TokenSet
    key: tuple[object, ...]  # names, types and references the walk was made from
    walk: Walk


_HELD: dict[str, _Held] = warm.cache({})
_ORDERED: dict[int, tuple[TokenSet, list[Token]]] = warm.cache({})


def declaration_order(tokens: TokenSet) -> list[Token]:
    """The tokens in declaration order (kept between warm builds, see the module)."""
    ordered = _ORDERED.get(id(tokens))
    if ordered is not None and ordered[0] is tokens:
        return ordered[1]  # the module and its declarations ask for the same set
    held = _HELD.get("order")
    walk = _walk_after_edit(held, tokens) if held is not None else None
    if held is not None and walk is held.walk:
        key = held.key  # the same walk: it is still the one ``key`` describes
    else:
        references = chunked(("js.references",), tokens, _references)  # kept by identity
        key = (shape(tokens), *references)
        if walk is None:
            walk = held.walk if held is not None and held.key == key else walk_tokens(tokens)
    names = walk.names
    found = list(itemgetter(*names)(tokens.tokens)) if len(names) > 1 else [*tokens]
    if warm.ENABLED:
        _HELD["order"] = _Held(tokens, key, walk)
        _ORDERED.clear()
        _ORDERED[id(tokens)] = (tokens, found)
    return found


def _references(run: Sequence[Token]) -> tuple[frozenset[str], ...]:
    return tuple(map(attrgetter("references"), run))


def _walk_after_edit(held: _Held, tokens: TokenSet) -> Walk | None:
    """The walk of ``tokens``, re-evaluated from ``held.tokens``, from the held walk; or
    ``None`` when ``tokens`` did not come from it."""
    since = changed_since(tokens)
    if since is None or since[0] is not held.tokens:
        return None
    before, after = since[0].tokens, tokens.tokens
    walk = held.walk
    edited = [name for name in since[1] if before[name].references != after[name].references]
    if all(_declares_alone(walk, name, before, after) for name in edited):
        return walk
    return resume_walk(tokens, walk, edited)


def _declares_alone(
    walk: Walk, name: str, before: Mapping[str, Token], after: Mapping[str, Token]
) -> bool:
    """Whether every reference of ``name``, before and after, was declared before its visit
    began: the walk then reaches it, declares it alone and goes on as before."""
    start = walk.starts[name]
    places = walk.places
    return all(
        ref not in after or places.get(ref, start) < start
        for ref in before[name].references | after[name].references
    )


def walk_tokens(tokens: TokenSet) -> Walk:
    """The whole walk."""
    order: list[str] = []
    starts: dict[str, int] = {}
    bounds, _ = _walk(tokens, 0, order, starts, None, -1)
    return Walk(tuple(order), starts, {name: i for i, name in enumerate(order)}, tuple(bounds))


def resume_walk(tokens: TokenSet, old: Walk, edited: Sequence[str]) -> Walk:
    """The walk of ``tokens``, the set ``old`` walked with the references of ``edited``
    tokens changed: walked again only from the source token whose visit reached the first
    of them to where it is back in step with ``old``."""
    places = old.places
    if not edited:
        return old
    first = min(bisect_right(old.bounds, places[name]) - 1 for name in edited)
    last = max(places[name] for name in edited)
    common = old.bounds[first]
    order = list(old.names[:common])
    starts: dict[str, int] = {}
    bounds, stop = _walk(tokens, first, order, starts, old, last)
    names = (*order, *old.names[len(order) :])
    new_places = dict(places)
    new_places.update(zip(order[common:], range(common, len(order)), strict=True))
    return Walk(
        names,
        {**old.starts, **starts},
        new_places,
        (*old.bounds[:first], *bounds, *old.bounds[stop:]),
    )


def _walk(
    tokens: TokenSet,
    begin: int,
    order: list[str],
    starts: dict[str, int],
    old: Walk | None,
    last: int,
) -> tuple[list[int], int]:
    """Walk from source token ``begin`` with ``order`` declared, appending to ``order``
    and ``starts``. With ``old``, stop at the first source token where the same tokens
    are declared as in ``old`` there, the one at place ``last`` of ``old`` among them.
    Returns the counts at each source token walked, and where it stopped."""
    done = set(order)
    bounds: list[int] = []

    def visit(token: Token) -> None:
        stack = [(token, iter(sorted(token.references)))]
        done.add(token.name)
        starts[token.name] = len(order)
        while stack:
            current, pending = stack[-1]
            for name in pending:
                other = tokens.get(name)
                if other is not None and name not in done:
                    done.add(name)
                    starts[name] = len(order)
                    stack.append((other, iter(sorted(other.references))))
                    break
            else:
                stack.pop()
                order.append(current.name)

    declared = done.issuperset
    old_bounds = old.bounds if old is not None else ()
    old_places = old.places if old is not None else {}
    checked, highest = len(order), -1  # the highest old place of what this walk declared
    for index, (name, token) in enumerate(islice(tokens.tokens.items(), begin, None), begin):
        count = len(order)
        if old is not None and count == old_bounds[index] and count > last:
            if count > checked:
                highest = max(highest, max(map(old_places.__getitem__, order[checked:])))
                checked = count
            if highest < count:  # what it declared is exactly what ``old`` had declared
                return bounds, index
        bounds.append(count)
        if name in done:
            continue
        if declared(token.references):
            done.add(name)  # the usual case, at once (at C speed): all it needs is declared
            starts[name] = count
            order.append(name)
        else:
            visit(token)
    return bounds, len(tokens)


__all__ = ["Walk", "declaration_order", "resume_walk", "walk_tokens"]
