"""Re-parsing only the edited entry of a YAML file gives exactly what a full parse gives,
and is used for the usual edit (a token's value)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from encore.load import _quiet_yaml
from encore.yaml_splice import reparse

DOCUMENT = """\
# primitives
color:
  $type: color
  green:
    "500":
      $value: {colorSpace: srgb, components: [0.11, 0.73, 0.33]}
      $description: Spotify green
    "600":
      $value: {colorSpace: srgb, components: [0.09, 0.6, 0.27]}

  grey:
    "100":
      $value: {colorSpace: srgb, components: [0.1, 0.1, 0.1]}  # darkest
size:
  $type: dimension
  sm:
    $value: {value: 4, unit: px}
  md: {$value: {value: 8, unit: px}}
"""

LINES = DOCUMENT.split("\n")
REPLACEMENTS = [
    "      $value: {colorSpace: srgb, components: [0.5, 0.5, 0.5]}",
    "      $description: a new note",
    "      $description: 'quoted: with a colon'",
    "      $value: '{color.grey.100}'",
    "      $deprecated: true",
    "    $value: {value: 6, unit: rem}",
    "  lg:",
    "    $value: {value: 16, unit: px}",
    "      $value: [0.1,",  # a flow collection left open: never spliced
    "      $description: &anchor text",  # an anchor: never spliced
    "   $value: misindented",
    "      $value: 1",
    "      $value: 1.0",
    "      $value: true",
    "",
    "  # a comment",
]


def _full(text: str) -> Any:
    return _quiet_yaml(text)


@settings(max_examples=400, deadline=None)
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(LINES) - 1),
            st.sampled_from(["replace", "insert", "delete"]),
            st.sampled_from(REPLACEMENTS),
        ),
        min_size=1,
        max_size=2,
    )
)
def test_a_spliced_parse_equals_a_full_parse(edits: list[tuple[int, str, str]]) -> None:
    lines = list(LINES)
    for at, kind, text in edits:
        at = min(at, len(lines) - 1)
        if kind == "replace":
            lines[at] = text
        elif kind == "insert":
            lines.insert(at, text)
        else:
            del lines[at]
    new = "\n".join(lines)
    spliced = reparse(DOCUMENT, _full(DOCUMENT), new, _quiet_yaml)
    full = _full(new)
    if spliced is not None:
        assert full is not None, "a document with problems must go to the full parse"
        assert spliced == full
        assert repr(spliced) == repr(full)  # strictly: 1, 1.0 and true differ


def test_a_value_edit_is_spliced_and_keeps_the_rest() -> None:
    old = _full(DOCUMENT)
    new_text = DOCUMENT.replace("[0.09, 0.6, 0.27]", "[0.2, 0.6, 0.27]")
    spliced = reparse(DOCUMENT, old, new_text, _quiet_yaml)
    assert spliced == _full(new_text)
    assert spliced["size"] is old["size"]  # untouched parts are the old objects
    assert spliced["color"]["grey"] is old["color"]["grey"]


def test_a_rename_is_parsed_with_its_siblings() -> None:
    old = _full(DOCUMENT)
    renamed = DOCUMENT.replace('    "600":', '    "700":')  # the entry is then "green"
    assert reparse(DOCUMENT, old, renamed, _quiet_yaml) == _full(renamed)
    clash = DOCUMENT.replace('    "600":', '    "500":')  # a duplicate among siblings
    assert reparse(DOCUMENT, old, clash, _quiet_yaml) is None


def test_unsafe_edits_are_not_spliced() -> None:
    old = _full(DOCUMENT)
    anchored = DOCUMENT.replace("$description: Spotify green", "$description: &a green")
    assert reparse(DOCUMENT, old, anchored, _quiet_yaml) is None
    duplicated = DOCUMENT.replace("      $description: Spotify green", "      $value: 1")
    assert reparse(DOCUMENT, old, duplicated, _quiet_yaml) is None


def test_most_edits_that_leave_valid_yaml_are_spliced() -> None:
    """The equality above is not vacuous: of random one-line edits that leave valid YAML,
    most are spliced (the rest touch an anchor, an open flow collection or blank lines)."""
    rng = random.Random(1)
    valid = spliced = 0
    for _ in range(300):
        lines = list(LINES)
        at, text = rng.randrange(len(lines)), rng.choice(REPLACEMENTS)
        kind = rng.choice(["replace", "insert", "delete"])
        if kind == "replace":
            lines[at] = text
        elif kind == "insert":
            lines.insert(at, text)
        else:
            del lines[at]
        new = "\n".join(lines)
        if _full(new) is not None:
            valid += 1
            spliced += reparse(DOCUMENT, _full(DOCUMENT), new, _quiet_yaml) is not None
    assert valid > 100 and spliced > valid // 2


# Found by review: each differed from a full parse before the whole-text checks.
TRAPS = {
    "a double-quoted string above, spanning key-like lines": (
        'group:\n  note: "start\n  tok:\n    v: 1\n  end"\n  tok:\n    v: 5\n',
        'group:\n  note: "start\n  tok:\n    v: 2\n  end"\n  tok:\n    v: 5\n',
    ),
    "a single-quoted string above, spanning key-like lines": (
        "group:\n  note: 'start\n  tok:\n    v: 1\n  end'\n  tok:\n    v: 5\n",
        "group:\n  note: 'start\n  tok:\n    v: 2\n  end'\n  tok:\n    v: 5\n",
    ),
    "an anchor on a line of its own, merged elsewhere": (
        "base:\n  &b\n  tok:\n    v: 1\nother:\n  <<: *b\n",
        "base:\n  &b\n  tok:\n    v: 2\nother:\n  <<: *b\n",
    ),
    "a line separator YAML breaks at": (
        "group:\n  tok:\n    v: 1\n",
        "group:\n  tok:\n    v: 1\u2028  y: 4\n",
    ),
    "a sequence item that looks like a key": (
        'g:\n  "- a":\n    tok:\n      v: 1\n  x:\n  - a:\n      tok:\n        v: 1\n',
        'g:\n  "- a":\n    tok:\n      v: 1\n  x:\n  - a:\n      tok:\n        v: 2\n',
    ),
}


@pytest.mark.parametrize("old, new", TRAPS.values(), ids=TRAPS)
def test_constructs_reaching_across_lines_are_parsed_in_full(old: str, new: str) -> None:
    spliced = reparse(old, _full(old), new, _quiet_yaml)
    assert spliced is None or spliced == _full(new)
