"""Themes as outputs see them: one resolved token set per permutation of the modifiers.

An `Axis` is a resolver modifier with the meaning platforms need: ``appearance`` (light
and dark, which iOS traits, Android's night mode and ``prefers-color-scheme`` select) or
``contrast`` (standard and high: iOS's increased contrast, ``prefers-contrast: more``).
`Themes` holds every permutation's `TokenSet`; `varying` names the tokens whose resolved
value differs in some permutation, and `stable_view` rewrites a permutation's aliases so
that they point only at tokens that do not vary (what a static constant may name).
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import compress
from operator import attrgetter, methodcaller, not_

from encore import warm
from encore.memo import chunked, chunked_pairs, same_shape
from encore.model import Token, TokenSet
from encore.sourcemap import JsonPath

Key = tuple[str, ...]  # one context per axis, in axis order


@dataclass(frozen=True, slots=True)
class Axis:
    """A modifier: its contexts, its default and what its contexts mean to platforms."""

    name: str
    contexts: tuple[str, ...]
    default: str
    role: str | None = None  # "appearance", "contrast" or None
    meanings: Mapping[str, str] | None = None  # context → "light"/"dark" or "standard"/"high"

    def meaning(self, context: str) -> str | None:
        """What a context means for the axis's role (``light``, ``high``...), if anything."""
        return (self.meanings or {}).get(context)

    def context_for(self, meaning: str) -> str | None:
        """The context with a meaning (``dark`` → ``dark``), if any."""
        return next((c for c, m in (self.meanings or {}).items() if m == meaning), None)


@dataclass(frozen=True)
class Themes:
    """Every permutation's token set; the first key is the default permutation."""

    axes: tuple[Axis, ...]
    sets: Mapping[Key, TokenSet]
    chosen: str = ""  # for one permutation built alone: its inputs, e.g. "theme=light"

    @property
    def default_key(self) -> Key:
        return tuple(axis.default for axis in self.axes)

    @property
    def default(self) -> TokenSet:
        return self.sets[self.default_key]

    def permutations(self) -> Iterator[Key]:
        """Every permutation, in the order of the axes' contexts."""
        return iter(itertools.product(*(axis.contexts for axis in self.axes)))

    def key(self, **inputs: str) -> Key:
        """The permutation with these contexts and the defaults elsewhere."""
        return tuple(inputs.get(axis.name, axis.default) for axis in self.axes)

    def label(self, key: Key) -> str:
        """``theme=light, contrast=high``."""
        return ", ".join(
            f"{axis.name}={context}" for axis, context in zip(self.axes, key, strict=True)
        )

    def changed_axes(self, key: Key) -> list[tuple[Axis, str]]:
        """The axes a permutation sets away from their default, with the context."""
        return [(a, c) for a, c in zip(self.axes, key, strict=True) if c != a.default]

    def axis(self, role: str) -> Axis | None:
        """The axis playing a role (``appearance`` or ``contrast``), if any."""
        return next((axis for axis in self.axes if axis.role == role), None)

    @cached_property
    def varying(self) -> frozenset[str]:
        """Tokens whose resolved value (or type) differs between permutations."""
        base = self.default
        out: set[str] = set()
        for key, tokens in self.sets.items():
            if key == self.default_key:
                continue
            if _aligned(base, tokens):  # compared run by run, kept between warm builds
                runs = chunked_pairs(("varying", key), base, tokens, _varying_run)
                out.update(*runs)
                continue
            for token in tokens:
                other = base.get(token.name)
                if other is None or other.value != token.value or other.type != token.type:
                    out.add(token.name)
        return frozenset(out)

    @cached_property
    def varying_tokens(self) -> list[Token]:
        """The default permutation's tokens that vary, in source order."""
        varying = self.varying
        if not varying:
            return []
        default = self.default.tokens  # picked at C speed: this runs on every warm rebuild
        return list(compress(default.values(), map(varying.__contains__, default)))

    def differing(self, key: Key, than: Key | None = None) -> list[Token]:
        """Tokens of a permutation whose value or aliases differ from another (the default)."""
        than = than if than is not None else self.default_key
        base = self.sets[than]
        if _aligned(base, self.sets[key]):
            runs = chunked_pairs(("differing", key, than), base, self.sets[key], _differ)
            return [token for run in runs for token in run]
        out = []
        for token in self.sets[key]:
            other = base.get(token.name)
            if other is None or other.value != token.value or other.aliases != token.aliases:
                out.append(token)
        return out


def _aligned(first: TokenSet, second: TokenSet) -> bool:
    """The same token names in the same order."""
    return len(first) == len(second) and tuple(first.tokens) == tuple(second.tokens)


def _varying_run(base: Sequence[Token], other: Sequence[Token]) -> frozenset[str]:
    return frozenset(
        b.name
        for a, b in zip(base, other, strict=True)
        if a is not b and (a.value != b.value or a.type != b.type)
    )


def _differ(base: Sequence[Token], other: Sequence[Token]) -> tuple[Token, ...]:
    return tuple(
        b
        for a, b in zip(base, other, strict=True)
        if a is not b and (a.value != b.value or a.aliases != b.aliases)
    )


def stable_view(tokens: TokenSet, varying: frozenset[str], slot: Hashable = None) -> TokenSet:
    """The set with every alias to a varying token replaced by the first token down its
    alias chain that does not vary, or dropped (the value is then printed literally).

    With a ``slot`` (warm builds), the scan for such aliases reuses unchanged runs of
    tokens, and a rewritten token that rewrites the same way again is the same object.
    The formats of one build ask for the same views: each is made once."""
    held = _VIEWS.get(id(tokens))
    if held is not None and held[0] is tokens and held[1] == varying:
        return held[2]
    view = _patched_view(tokens, varying) if slot is not None else None
    if view is None:
        view = _stable_view(tokens, varying, slot)
    same_shape(view, tokens)  # only aliases are rewritten
    _VIEWS[id(tokens)] = (tokens, varying, view)
    while len(_VIEWS) > 16:
        _VIEWS.popitem(last=False)
    return view


# id(set) → (the set, its varying tokens, its view): the views of this build and the last
# (one per permutation and platform), so that a set re-evaluated from one of them is viewed
# by patching that view, which then gives way to the new one
_VIEWS: OrderedDict[int, tuple[TokenSet, frozenset[str], TokenSet]] = warm.cache(OrderedDict())


def _patched_view(tokens: TokenSet, varying: frozenset[str]) -> TokenSet | None:
    """The view of ``tokens``, re-evaluated from a set viewed before with the same tokens
    varying, made from that view by rewriting only the re-evaluated tokens; ``None`` when
    there is no such view.

    What an unchanged token rewrites to depends on the varying set and the alias chain
    down from it, and a change anywhere down that chain re-evaluates the token too."""
    from encore.evaluate_delta import changed_since

    since = changed_since(tokens)
    last = _VIEWS.get(id(since[0])) if since is not None else None
    if since is None or last is None or last[0] is not since[0] or last[1] != varying:
        return None
    before, _, old_view = last
    del _VIEWS[id(before)]  # the new view takes its place
    if not since[1]:
        return old_view
    out = dict(old_view.tokens)
    stable = _settler(tokens, varying)
    for name in since[1]:
        token = tokens.tokens[name]
        if varying.isdisjoint(token.aliases.values()):
            out[name] = token
        else:
            out[name] = _rewritten(token, stable(token))
    if old_view is before and all(out[name] is tokens.tokens[name] for name in since[1]):
        return tokens  # nothing is rewritten: the set itself, as a whole build gives
    return TokenSet(out)


def _settler(tokens: TokenSet, varying: frozenset[str]) -> Callable[[Token], dict[JsonPath, str]]:
    """A token's aliases, each moved down its chain to the first token that does not
    vary, and dropped when there is none."""

    def settle(name: str) -> str | None:
        seen = set()
        while name in varying:
            if name in seen:
                return None
            seen.add(name)
            token = tokens.get(name)
            target = token.alias_of if token is not None else None
            if target is None:
                return None
            name = target
        return name

    def stable(token: Token) -> dict[JsonPath, str]:
        aliases = {}
        for path, target in token.aliases.items():
            settled = settle(target)
            if settled is not None:
                aliases[path] = settled
        return aliases

    return stable


def _stable_view(tokens: TokenSet, varying: frozenset[str], slot: Hashable) -> TokenSet:
    def aliasing(run: Sequence[Token]) -> tuple[Token, ...]:
        # at C speed: a change to ``varying`` scans every run again
        apart = map(varying.isdisjoint, map(_values, map(_aliases, run)))
        return tuple(compress(run, map(not_, apart)))

    if slot is None:
        found = aliasing([*tokens])
    else:
        found = tuple(
            t for run in chunked(("stable", slot), tokens, aliasing, (varying,)) for t in run
        )
    if not found:
        return tokens
    out = dict(tokens.tokens)
    stable = _settler(tokens, varying)
    for token in found:
        out[token.name] = _rewritten(token, stable(token))
    return TokenSet(out)


_aliases = attrgetter("aliases")
_values = methodcaller("values")


# id(token) → (token, its settled aliases, the rewritten token), so a warm rebuild that
# rewrites a token the same way hands the formats the same object
_REWRITTEN: dict[int, tuple[Token, dict[JsonPath, str], Token]] = warm.cache({})


def _rewritten(token: Token, aliases: dict[JsonPath, str]) -> Token:
    held = _REWRITTEN.get(id(token)) if warm.ENABLED else None
    if held is not None and held[0] is token and held[1] == aliases:
        return held[2]
    result = replace(token, aliases=aliases)
    if warm.ENABLED:
        if len(_REWRITTEN) > 100_000:
            _REWRITTEN.clear()
        _REWRITTEN[id(token)] = (token, aliases, result)
    return result


def single(tokens: TokenSet) -> Themes:
    """A token set as themes with no axes: one permutation."""
    return Themes((), {(): tokens})
