"""Members rendered in runs (so a warm build redoes only an edited run) are spaced exactly
as if rendered in one go: a blank line before and after every member with a preamble."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from encore.formats.namespaces import join_spaced, spaced_lines

MEMBERS = st.lists(st.booleans(), max_size=40).map(
    lambda flags: [([f"/// note {i}"] if has else [], f"let m{i}") for i, has in enumerate(flags)]
)


@given(members=MEMBERS, cuts=st.sets(st.integers(0, 40)))
def test_runs_join_to_the_lines_of_one_run(
    members: list[tuple[list[str], str]], cuts: set[int]
) -> None:
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(members)), len(members)]
    runs = [spaced_lines(members[a:b]) for a, b in pairwise(bounds)]
    assert join_spaced(runs) == spaced_lines(members)[0]


def test_blank_lines_surround_members_with_a_preamble() -> None:
    members = [([], "let a"), (["/// b"], "let b"), ([], "let c"), ([], "let d")]
    assert spaced_lines(members)[0] == ["let a", "", "/// b", "let b", "", "let c", "let d"]
