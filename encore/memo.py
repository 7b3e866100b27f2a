"""Work kept between warm builds (``encore watch``), found again by identity.

A warm rebuild hands the formats the last build's token objects for every token an edit
did not reach (`encore.evaluate_delta`), so work done over a run of tokens can be kept
and reused while those tokens are the very same objects:

- `chunked` splits a token sequence into fixed runs and calls ``make`` only for runs
  whose tokens (or context) are not the objects of the last call under the same slot;
- `chunked_pairs` does the same for two aligned sequences (a permutation against the
  default one);
- `kept` keeps one small result while the objects it was made from stay the same;
- `by_shape` keeps a result that depends only on the tokens' names and types (name
  tables), made again when a name or type changes, and never kept when it reported
  something (its diagnostics point at tokens whose places may have moved).

Outside a warm process each runs ``make`` once over everything, so one-shot builds pay
nothing. Results are shared: callers must never change what they get back.
"""

from __future__ import annotations

import operator
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from encore import warm
from encore.diagnostics import Diagnostic
from encore.model import Token, TokenSet

R = TypeVar("R")
CHUNK = 32

_CHUNKS: OrderedDict[Hashable, Any] = warm.cache(OrderedDict())
_SHAPES: OrderedDict[Hashable, tuple[tuple[Any, ...], Any]] = warm.cache(OrderedDict())
_SLOTS = 256


def _same(old: tuple[Any, ...], new: tuple[Any, ...]) -> bool:
    """The same objects, or equal ones (tuple comparison checks identity first, so runs
    of the very same tokens compare at C speed; equal tokens make equal output)."""
    return len(old) == len(new) and old == new


def _remember(table: OrderedDict[Hashable, Any], slot: Hashable, value: Any) -> None:
    table[slot] = value
    table.move_to_end(slot)
    while len(table) > _SLOTS:
        table.popitem(last=False)


@dataclass(slots=True)
class _Runs:
    """The last call under one slot: its sequences, context and each run's result."""

    sequences: tuple[tuple[Any, ...], ...]
    context: tuple[Any, ...]
    results: list[Any]
    sources: tuple[TokenSet | None, ...]  # the token set a sequence lists, if it is one


def changed_blocks(old: Sequence[Any], new: Sequence[Any], size: int = CHUNK) -> list[int]:
    """Indices, in order, of the blocks of ``size`` elements in which two sequences of the
    same length hold unequal elements: halves compared at C speed (identity first), so a
    few changed blocks among hundreds cost a few slices, not a pass in Python."""
    if type(old) is not type(new):  # a list slice never equals a tuple slice
        old, new = tuple(old), tuple(new)
    found: list[int] = []
    pending = [(0, (len(new) + size - 1) // size)]
    while pending:
        low, high = pending.pop()
        start, end = low * size, high * size
        if old[start:end] == new[start:end]:
            continue
        if high - low == 1:
            found.append(low)
            continue
        middle = (low + high) // 2
        pending += [(middle, high), (low, middle)]  # the lower half first
    return found


def _edited(before: TokenSet | None, after: TokenSet | None) -> list[tuple[int, str]] | None:
    """The places and names of the tokens ``after`` holds instead of ``before``'s, when it
    is ``before`` or was re-evaluated from it (`encore.evaluate_delta`); else ``None``."""
    if before is None or after is None:
        return None
    if after is before:
        return []
    from encore.evaluate_delta import changed_since

    since = changed_since(after)
    if since is None or since[0] is not before:
        return None
    where = positions(after)
    return [(where[name], name) for name in since[1]]


_POSITIONS: OrderedDict[int, tuple[tuple[Any, ...], dict[str, int]]] = warm.cache(OrderedDict())


def positions(tokens: TokenSet) -> dict[str, int]:
    """Each token's place in the set (kept per shape: sets of one shape share it)."""
    key = shape(tokens)
    held = _POSITIONS.get(id(key))
    if held is not None and held[0] is key:
        return held[1]
    found = {name: i for i, name in enumerate(tokens.tokens)}
    _POSITIONS[id(key)] = (key, found)
    while len(_POSITIONS) > 4:
        _POSITIONS.popitem(last=False)
    return found


Column = Sequence[Any] | TokenSet
Make = Callable[[tuple[tuple[Any, ...], ...], int, int], R]


def _runs(
    slot: Hashable, columns: tuple[Column, ...], context: tuple[Any, ...], make: Make[R]
) -> list[R]:
    """``make(sequences, start, end)`` for every run of the aligned columns (sequences, or
    token sets standing for their tokens in order), reusing the last call's result for
    a run whose objects are all the same or equal. Which runs changed is found at C speed,
    or, for a token set re-evaluated from the one listed last time, straight from the
    names that changed."""
    size = len(columns[0])
    count = (size + CHUNK - 1) // CHUNK
    found = _CHUNKS.get(slot)
    usable = (
        isinstance(found, _Runs)
        and len(found.sequences) == len(columns)
        and all(len(a) == size for a in found.sequences)
        and found.context == context
    )
    held = found if usable else None
    sources = tuple(c if isinstance(c, TokenSet) else None for c in columns)
    sequences: list[tuple[Any, ...]] = []
    redo: set[int] = set()
    for i, column in enumerate(columns):
        edited = _edited(held.sources[i], sources[i]) if held is not None else None
        if held is not None and edited is not None and isinstance(column, TokenSet):
            sequence = held.sequences[i]
            if edited:
                patched = list(sequence)
                for at, name in edited:
                    patched[at] = column.tokens[name]
                sequence = tuple(patched)
                redo.update(at // CHUNK for at, _ in edited)
        else:
            tokens = column.tokens.values() if isinstance(column, TokenSet) else column
            sequence = tuple(tokens)
            if held is not None:
                redo.update(changed_blocks(held.sequences[i], sequence))
        sequences.append(sequence)
    aligned = tuple(sequences)
    if held is not None:
        results = list(held.results)
        for index in sorted(redo):
            start = index * CHUNK
            end = min(start + CHUNK, size)
            if any(
                old[start:end] != new[start:end]
                for old, new in zip(held.sequences, aligned, strict=True)
            ):
                results[index] = make(aligned, start, end)
    else:
        results = [make(aligned, i * CHUNK, min((i + 1) * CHUNK, size)) for i in range(count)]
    _remember(_CHUNKS, slot, _Runs(aligned, context, results, sources))
    return results


def chunked(
    slot: Hashable,
    tokens: Sequence[Token] | TokenSet,
    make: Callable[[Sequence[Token]], R],
    context: tuple[Any, ...] = (),
) -> list[R]:
    """``make`` over consecutive runs of ``tokens`` (a sequence, or a whole set in order),
    reusing the last call's result for a run of the very same (or equal) tokens when
    ``context`` is equal (compared element by element, identity first)."""
    if not warm.ENABLED:
        return [make(list(tokens.tokens.values()) if isinstance(tokens, TokenSet) else tokens)]
    return _runs(slot, (tokens,), context, lambda seqs, start, end: make(seqs[0][start:end]))


def chunked_pairs(
    slot: Hashable,
    first: Sequence[Token] | TokenSet,
    second: Sequence[Token] | TokenSet,
    make: Callable[[Sequence[Token], Sequence[Token]], R],
) -> list[R]:
    """``make`` over aligned runs of two equally long sequences (or sets), reusing
    results as `chunked` does."""
    assert len(first) == len(second)
    if not warm.ENABLED:
        a = list(first.tokens.values()) if isinstance(first, TokenSet) else first
        b = list(second.tokens.values()) if isinstance(second, TokenSet) else second
        return [make(a, b)]
    return _runs(
        slot,
        (first, second),
        (),
        lambda seqs, start, end: make(seqs[0][start:end], seqs[1][start:end]),
    )


def chunked_columns(
    slot: Hashable,
    columns: Sequence[Column],
    make: Callable[[int, int], R],
    context: tuple[Any, ...] = (),
) -> list[R]:
    """``make(start, end)`` over aligned runs of several equally long sequences (a row per
    item: the item and what its result depends on), reusing results as `chunked` does."""
    size = len(columns[0])
    assert all(len(column) == size for column in columns)
    if not warm.ENABLED:
        return [make(0, size)]
    return _runs(slot, tuple(columns), context, lambda seqs, start, end: make(start, end))


_KEPT: OrderedDict[Hashable, tuple[tuple[Any, ...], tuple[Any, ...], Any]] = warm.cache(
    OrderedDict()
)
_KEPT_SLOTS = 50_000


def kept(
    slot: Hashable, objects: tuple[Any, ...], context: tuple[Any, ...], make: Callable[[], R]
) -> R:
    """``make()``, reused from the last call under ``slot`` while ``objects`` are the very
    same objects and ``context`` is equal (one small piece of output, such as the members
    of one namespace)."""
    if not warm.ENABLED:
        return make()
    held = _KEPT.get(slot)
    if held is not None and _same(held[0], objects) and held[1] == context:
        _KEPT.move_to_end(slot)
        result: R = held[2]
        return result
    result = make()
    _KEPT[slot] = (objects, context, result)
    _KEPT.move_to_end(slot)
    while len(_KEPT) > _KEPT_SLOTS:
        _KEPT.popitem(last=False)
    return result


_SHAPE: OrderedDict[int, tuple[TokenSet, tuple[Any, ...]]] = warm.cache(OrderedDict())
_LIKE: OrderedDict[int, tuple[TokenSet, TokenSet]] = warm.cache(OrderedDict())
_SHAPES_KEPT = 16


def same_shape(derived: TokenSet, source: TokenSet) -> None:
    """Note that ``derived`` has the names and types of ``source`` in the same order (a
    view that only rewrites aliases), so `shape` hands both the same tuple."""
    if warm.ENABLED and derived is not source:
        _LIKE[id(derived)] = (derived, source)
        while len(_LIKE) > _SHAPES_KEPT:
            _LIKE.popitem(last=False)


def shape(tokens: TokenSet) -> tuple[Any, ...]:
    """What name tables depend on: every token's name and type, in order (worked out once
    for each of the last few sets asked about). A set re-evaluated from an earlier one
    without a change of type, or noted by `same_shape`, gets that set's very tuple, so
    comparing them costs nothing."""
    held = _SHAPE.get(id(tokens))
    if held is not None and held[0] is tokens:
        return held[1]
    found = _earlier_shape(tokens)
    if found is None:
        found = (*tokens.tokens, *map(operator.attrgetter("type"), tokens.tokens.values()))
    _SHAPE[id(tokens)] = (tokens, found)
    while len(_SHAPE) > _SHAPES_KEPT:
        _SHAPE.popitem(last=False)
    return found


def _earlier_shape(tokens: TokenSet) -> tuple[Any, ...] | None:
    like = _LIKE.get(id(tokens))
    if like is not None and like[0] is tokens:
        return shape(like[1])
    from encore.evaluate_delta import changed_since

    since = changed_since(tokens)
    if since is None:
        return None
    before, names = since
    held = _SHAPE.get(id(before))
    if held is None or held[0] is not before:
        return None
    old, new = before.tokens, tokens.tokens
    if len(old) != len(new):
        return None
    for name in names:
        was, now = old.get(name), new.get(name)
        if was is None or now is None or was.type is not now.type:
            return None
    return held[1]


def by_shape(
    slot: Hashable,
    tokens: TokenSet,
    make: Callable[[list[Diagnostic]], R],
    report: list[Diagnostic],
) -> R:
    """``make(problems)``, whose result depends only on the tokens' names and types, kept
    for the next call under ``slot`` with the same names and types when it reported
    nothing; its problems go into ``report``."""
    if not warm.ENABLED:
        return make(report)
    key = shape(tokens)
    held = _SHAPES.get(slot)
    if held is not None and held[0] == key:
        result: R = held[1]
        return result
    problems: list[Diagnostic] = []
    result = make(problems)
    report.extend(problems)
    if not problems:
        _remember(_SHAPES, slot, (key, result))
    else:
        _SHAPES.pop(slot, None)
    return result


__all__ = [
    "CHUNK",
    "by_shape",
    "changed_blocks",
    "chunked",
    "chunked_columns",
    "chunked_pairs",
    "kept",
    "positions",
    "same_shape",
    "shape",
]
