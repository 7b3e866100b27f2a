"""The JavaScript declaration order, and the walk resumed after an edit of references."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from encore.diagnostics import Origin
from encore.formats.declaration_order import resume_walk, walk_tokens
from encore.model import Token, TokenSet
from encore.sourcemap import SourceFile
from encore.values.types import Number, TokenType

_ORIGIN = Origin(SourceFile("tokens.json", "{}", "json"), ())


def _set(references: list[frozenset[str]]) -> TokenSet:
    """Tokens ``t0``, ``t1``, … in that source order, each reading the names given."""
    tokens = (
        Token((f"t{i}",), TokenType.NUMBER, Number(i), _ORIGIN, references=refs)
        for i, refs in enumerate(references)
    )
    return TokenSet({token.name: token for token in tokens})


def test_a_token_comes_after_what_it_references() -> None:
    walk = walk_tokens(_set([frozenset({"t2"}), frozenset(), frozenset({"t1", "gone"})]))
    assert walk.names == ("t1", "t2", "t0")
    assert walk.bounds == (0, 3, 3)  # t0 pulled t2, which pulled t1


def _references(size: int) -> st.SearchStrategy[frozenset[str]]:
    # any graph: forward references, cycles, and names no token has
    names = st.sampled_from([*(f"t{i}" for i in range(size)), "missing"])
    return st.frozensets(names, max_size=3)


@st.composite
def _edits(draw: st.DrawFn) -> tuple[list[frozenset[str]], list[frozenset[str]], list[str]]:
    size = draw(st.integers(1, 40))
    before = draw(st.lists(_references(size), min_size=size, max_size=size))
    after = list(before)
    edited = draw(st.lists(st.integers(0, size - 1), min_size=1, max_size=4, unique=True))
    for i in edited:
        after[i] = draw(_references(size))
    return before, after, [f"t{i}" for i in edited if after[i] != before[i]]


@settings(max_examples=400, deadline=None)
@given(_edits())
def test_a_resumed_walk_equals_a_whole_walk(
    case: tuple[list[frozenset[str]], list[frozenset[str]], list[str]],
) -> None:
    before, after, edited = case
    tokens = _set(after)
    resumed = resume_walk(tokens, walk_tokens(_set(before)), edited)
    assert resumed == walk_tokens(tokens)


class _Unread:
    """A token whose references must not be read."""

    name = "t50"

    @property
    def references(self) -> frozenset[str]:
        raise AssertionError("the resumed walk read past the point where it was back in step")


def test_a_resumed_walk_stops_once_back_in_step() -> None:
    # t0 pulls t5 forward; retargeted to t1, t5 comes in its own place again, and from t6
    # on the walk is in step: the rest is taken from the last walk, never walked
    before = [frozenset({"t5"}), *(frozenset() for _ in range(99))]
    after = [frozenset({"t1"}), *before[1:]]
    old = walk_tokens(_set(before))
    whole = walk_tokens(_set(after))
    tokens = _set(after)
    poisoned = dict(tokens.tokens)
    poisoned["t50"] = _Unread()  # type: ignore[assignment]
    assert resume_walk(TokenSet(poisoned), old, ["t0"]) == whole
    assert whole.names[:7] == ("t1", "t0", "t2", "t3", "t4", "t5", "t6")
