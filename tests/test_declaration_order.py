"""The JavaScript declaration order: by depth, then source order; kept across edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from encore.diagnostics import Origin
from encore.formats.declaration_order import order_of, reorder
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


def test_tokens_come_depth_by_depth_in_source_order() -> None:
    tokens = _set([frozenset({"t2"}), frozenset(), frozenset({"t1", "gone"}), frozenset()])
    order = order_of(tokens)
    assert [f"t{p}" for p in order.places] == ["t1", "t3", "t2", "t0"]
    assert order.depths == {"t0": 2, "t1": 0, "t2": 1, "t3": 0}


@st.composite
def _graphs(draw: st.DrawFn, size: int) -> list[frozenset[str]]:
    """References that form no cycle: a token reads only tokens of lower rank, and the
    ranks are shuffled against the source order (so forward references abound)."""
    rank = draw(st.permutations(range(size)))
    out = []
    for i in range(size):
        lower = [f"t{j}" for j in range(size) if rank[j] < rank[i]] + ["missing"]
        out.append(draw(st.frozensets(st.sampled_from(lower), max_size=3)))
    return out


@st.composite
def _edits(draw: st.DrawFn) -> tuple[list[frozenset[str]], list[frozenset[str]], set[str]]:
    size = draw(st.integers(1, 30))
    before = draw(_graphs(size))
    after = draw(_graphs(size))
    edited = draw(st.sets(st.integers(0, size - 1), min_size=1, max_size=4))
    mixed = [after[i] if i in edited else before[i] for i in range(size)]
    # the edit leaves no cycle only if the mixed graph has none: keep it or use `after`
    if _has_cycle(mixed):
        mixed, edited = after, set(range(size))
    # every token reading an edited one is evaluated again too
    readers = {f"t{i}" for i in edited}
    grown = True
    while grown:
        grown = False
        for i, refs in enumerate(mixed):
            if f"t{i}" not in readers and refs & readers:
                readers.add(f"t{i}")
                grown = True
    return before, mixed, readers


def _has_cycle(references: list[frozenset[str]]) -> bool:
    state: dict[str, int] = {}

    def visit(name: str) -> bool:
        state[name] = 1
        for ref in references[int(name[1:])]:
            if ref == "missing":
                continue
            if state.get(ref) == 1 or (ref not in state and visit(ref)):
                return True
        state[name] = 2
        return False

    return any(f"t{i}" not in state and visit(f"t{i}") for i in range(len(references)))


@settings(max_examples=400, deadline=None)
@given(_edits())
def test_an_order_kept_across_an_edit_equals_a_whole_one(
    case: tuple[list[frozenset[str]], list[frozenset[str]], set[str]],
) -> None:
    before, after, changed = case
    tokens = _set(after)
    kept = reorder(order_of(_set(before)), tokens, changed)
    whole = order_of(tokens)
    assert (kept.depths, kept.by_depth, kept.places) == (whole.depths, whole.by_depth, whole.places)
    declared: set[str] = set()
    for place in whole.places:  # and every token comes after what it reads
        name = f"t{place}"
        assert tokens[name].references - {"missing"} <= declared
        declared.add(name)


def test_a_cycle_does_not_hang_the_order() -> None:
    order = order_of(_set([frozenset({"t1"}), frozenset({"t0"})]))
    assert sorted(order.places) == [0, 1]
