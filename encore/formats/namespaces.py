"""Token groups as nested namespaces (Swift enums, Kotlin objects) with qualified names.

`build_namespaces` turns token paths into a tree: every group becomes a namespace named in
type case, every token a member named in value case. It reports names that collide within
one namespace, and groups whose name would hide a type the generated file refers to.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter

from encore import warm
from encore.diagnostics import Diagnostic
from encore.evaluate_delta import changed_since
from encore.formats._recent import Recent
from encore.formats.naming import Claim, report_collisions
from encore.memo import CHUNK, by_shape
from encore.model import Token, TokenSet


@dataclass(slots=True)
class Member:
    """A token inside a namespace (by name: the tree is kept while names stay, so the
    token is looked up in the set being rendered)."""

    name: str
    identifier: str  # escaped for the language
    qualified: str  # how other code names it, e.g. Encore.Color.Green._500


@dataclass(slots=True)
class Namespace:
    """A group: its identifier, qualified name, nested groups and tokens, in source order."""

    identifier: str
    qualified: str
    groups: dict[str, Namespace] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)
    names: tuple[str, ...] | None = None  # the members' names, see `member_names`
    every: tuple[str, ...] | None = None  # every token's name below, see `subtree_names`
    blocks: list[tuple[Namespace, ...]] | None = None  # see `group_blocks`
    start: int = -1  # where its subtree begins in its root's `subtree_names` (`TreeView`)
    positions: dict[str, int] | None = None  # at a root: each name's place in that order
    flat: tuple[TokenSet, tuple[Token, ...]] | None = None  # at a root: the last set's tokens


@dataclass(frozen=True, slots=True)
class Naming:
    """How one language names groups and tokens, and how it explains that in errors."""

    language: str  # "Swift", "Kotlin"
    rule: str  # e.g. "swift/name-collision"
    type_name: Callable[[str], str]
    member_name: Callable[[str], str]
    how: str


def _bare(identifier: str) -> str:
    return identifier.strip("`")


_RECENT: Recent[_Built] = Recent(8)  # Swift, Compose and their themes share the trees


@dataclass(frozen=True, slots=True)
class _Built:
    top: Namespace
    qualified: dict[str, str]
    report: tuple[Diagnostic, ...]
    groups: tuple[tuple[str, str, str], ...]  # each group made: segment, identifier, token
    bare: frozenset[str]  # the groups' identifiers without backticks


def build_namespaces(
    tokens: TokenSet,
    root: str,
    naming: Naming,
    report: list[Diagnostic],
    reserved: Collection[str] = (),
) -> tuple[Namespace, dict[str, str]]:
    """The namespace tree under ``root`` and each token's qualified name.

    ``reserved`` holds type names the file refers to unqualified; a group of that name
    would hide them, so it is reported.
    """

    def built(problems: list[Diagnostic]) -> tuple[_Built]:
        groups: list[tuple[str, str, str]] = []
        top, qualified = _build(tokens, root, naming, problems, groups)
        bare = frozenset(_bare(identifier) for _, identifier, _ in groups)
        return (_Built(top, qualified, (), tuple(groups), bare),)

    def make() -> _Built:
        problems: list[Diagnostic] = []
        (found,) = by_shape(("namespaces", root, naming.rule), tokens, built, problems)
        return _Built(found.top, found.qualified, tuple(problems), found.groups, found.bare)

    found = _RECENT.lookup(tokens, (root, naming.rule), make)
    report.extend(found.report)
    hidden = {root, *reserved}
    for segment, identifier, name in found.groups if found.bare & hidden else ():
        token = tokens[name]
        if _bare(identifier) in hidden:
            report.append(
                Diagnostic(
                    f"{naming.language.lower()}/reserved-name",
                    f'the group "{segment}" of "{token.name}" becomes the '
                    f"{naming.language} type {identifier}, which hides the generated "
                    f"type of that name",
                    token.origin,
                    part="key",
                    help="rename the group, or change the namespace or type prefix "
                    "in the platform's format options",
                )
            )
    return found.top, found.qualified


def _build(
    tokens: TokenSet,
    root: str,
    naming: Naming,
    report: list[Diagnostic],
    groups: list[tuple[str, str, str]],
) -> tuple[Namespace, dict[str, str]]:
    top = Namespace(root, root)
    claims: list[Claim] = []
    qualified: dict[str, str] = {}
    for token in tokens:
        path = token.output_path or ("root",)
        space = top
        for segment in path[:-1]:
            inner = space.groups.get(segment)
            if inner is None:
                identifier = naming.type_name(segment)
                inner = Namespace(identifier, f"{space.qualified}.{identifier}")
                space.groups[segment] = inner
                claims.append(
                    Claim(
                        space.qualified,
                        _bare(identifier),
                        token,
                        f"the {naming.language} name {inner.qualified}",
                    )
                )
                groups.append((segment, identifier, token.name))
            space = inner
        identifier = naming.member_name(path[-1])
        member = Member(token.name, identifier, f"{space.qualified}.{identifier}")
        claims.append(
            Claim(
                space.qualified,
                _bare(identifier),
                token,
                f"the {naming.language} name {member.qualified}",
            )
        )
        space.members.append(member)
        qualified[token.name] = member.qualified
    report_collisions(claims, naming.rule, report, naming.how)
    return top, qualified


def member_names(space: Namespace) -> tuple[str, ...]:
    """The names of a namespace's members (worked out once per tree)."""
    if space.names is None or len(space.names) != len(space.members):
        space.names = tuple(member.name for member in space.members)
    return space.names


def subtree_names(space: Namespace) -> tuple[str, ...]:
    """The names of every token in a namespace and the namespaces inside it."""
    if space.every is None:
        inner = [name for group in space.groups.values() for name in subtree_names(group)]
        space.every = (*member_names(space), *inner)
    return space.every


BLOCK = 32  # nested namespaces kept together, so a wide namespace is not walked one by one


def group_blocks(space: Namespace) -> list[tuple[Namespace, ...]]:
    """A namespace's nested namespaces in runs of `BLOCK` (worked out once per tree)."""
    if space.blocks is None:
        groups = list(space.groups.values())
        space.blocks = [tuple(groups[i : i + BLOCK]) for i in range(0, len(groups), BLOCK)]
    return space.blocks


def tokens_named(names: tuple[str, ...], tokens: TokenSet) -> tuple[Token, ...]:
    """The tokens of these names, from the set being rendered."""
    if len(names) > 1:
        found: tuple[Token, ...] = itemgetter(*names)(tokens.tokens)
        return found
    return tuple(tokens.tokens[name] for name in names)


# A run of member declarations: its lines, and whether its first and its last member has
# a preamble (doc comment, deprecation), which decides the blank lines between runs.
MemberLines = tuple[list[str], bool, bool]


def spaced_lines(entries: Iterable[tuple[list[str], str]]) -> MemberLines:
    """Members' ``(preamble, declaration)`` as lines, with a blank line before and after
    every member that has a preamble."""
    lines: list[str] = []
    first: bool | None = None
    spaced = False
    for preamble, line in entries:
        if lines and (preamble or spaced):
            lines.append("")
        if first is None:
            first = bool(preamble)
        spaced = bool(preamble)
        lines += preamble
        lines.append(line)
    return lines, bool(first), spaced


def join_spaced(runs: Iterable[MemberLines]) -> list[str]:
    """Runs of `spaced_lines` as one body, spaced as if made in one go."""
    body: list[str] = []
    last = False
    for lines, first, end in runs:
        if not lines:
            continue
        if body and (first or last):
            body.append("")
        body += lines
        last = end
    return body


def member_runs(space: Namespace) -> list[tuple[int, int]]:
    """A namespace's members in runs of `CHUNK` (``start, end`` pairs), so that a warm
    build renders again only the run of a wide namespace that holds an edited token."""
    count = len(space.members)
    return [(start, min(start + CHUNK, count)) for start in range(0, count, CHUNK)]


def _place(space: Namespace, at: int) -> None:
    space.start = at
    at += len(space.members)
    for group in space.groups.values():
        _place(group, at)
        at += len(subtree_names(group))


def _places(root: Namespace, names: tuple[str, ...]) -> dict[str, int]:
    if root.positions is None:
        root.positions = {name: i for i, name in enumerate(names)}
    return root.positions


def _tokens_in_order(
    root: Namespace, names: tuple[str, ...], tokens: TokenSet
) -> tuple[Token, ...]:
    """The tree's tokens in its order; in a warm build, the last build's tuple with the
    re-evaluated tokens put in (`encore.evaluate_delta`) instead of looking up every name."""
    held = root.flat
    found: tuple[Token, ...] | None = None
    if held is not None and held[0] is tokens:
        found = held[1]
    elif held is not None:
        since = changed_since(tokens)
        if since is not None and since[0] is held[0]:
            where = _places(root, names)
            patched = list(held[1])
            for name in since[1]:
                at = where.get(name)
                if at is not None:
                    patched[at] = tokens.tokens[name]
            found = tuple(patched)
    if found is None:
        found = tokens_named(names, tokens)
    if warm.ENABLED:
        root.flat = (tokens, found)
    return found


class TreeView:
    """One render's tokens for a namespace tree, in the tree's order (`subtree_names` of
    the root: members first, then each nested namespace), so that the tokens of any
    namespace, its members or a run of its nested namespaces are one slice. ``extra``
    holds what some tokens' output also depends on (by name, a few entries); the entries
    within a slice are found by bisection."""

    def __init__(
        self, root: Namespace, tokens: TokenSet, extra: Mapping[str, object] | None = None
    ) -> None:
        names = subtree_names(root)
        if root.start != 0:
            _place(root, 0)  # once per tree: the tree is kept while names stay
        self.tokens = _tokens_in_order(root, names, tokens)
        self.at: list[int] = []
        self.extra: tuple[tuple[str, object], ...] = ()
        if extra:
            where = _places(root, names)
            placed = sorted((where[name], name) for name in extra if name in where)
            self.at = [at for at, _ in placed]
            self.extra = tuple((name, extra[name]) for _, name in placed)

    def _extra(self, start: int, end: int) -> tuple[tuple[str, object], ...]:
        if not self.extra:
            return ()
        return self.extra[bisect_left(self.at, start) : bisect_left(self.at, end)]

    def _end(self, space: Namespace) -> int:
        return space.start + len(subtree_names(space))

    def subtree(self, space: Namespace) -> tuple[Token, ...]:
        """The tokens of a namespace and everything in it."""
        return self.tokens[space.start : self._end(space)]

    def subtree_extra(self, space: Namespace) -> tuple[tuple[str, object], ...]:
        return self._extra(space.start, self._end(space))

    def members(self, space: Namespace) -> tuple[Token, ...]:
        """The tokens of a namespace's own members."""
        return self.tokens[space.start : space.start + len(space.members)]

    def members_extra(
        self, space: Namespace, start: int, end: int
    ) -> tuple[tuple[str, object], ...]:
        return self._extra(space.start + start, space.start + end)

    def run(self, groups: tuple[Namespace, ...]) -> tuple[Token, ...]:
        """The tokens of consecutive nested namespaces."""
        return self.tokens[groups[0].start : self._end(groups[-1])]

    def run_extra(self, groups: tuple[Namespace, ...]) -> tuple[tuple[str, object], ...]:
        return self._extra(groups[0].start, self._end(groups[-1]))
