"""Names in every language: words, cases, leading digits, reserved words, collisions."""

from __future__ import annotations

import math
import re

import pytest

from encore.diagnostics import Diagnostic
from encore.formats import FORMATS
from encore.formats._common import decimal
from encore.formats.javascript import export_name
from encore.formats.naming import (
    KOTLIN_KEYWORDS,
    SWIFT_KEYWORDS,
    camel,
    kotlin_identifier,
    pascal,
    path_words,
    snake,
    swift_identifier,
    words,
)
from tests.conftest import GOLDEN, compile_text, errors_of
from tests.support.outputs import FILES


def test_words_split_separators_and_humps() -> None:
    assert words("space-md") == words("space_md") == words("spaceMd") == ["space", "md"]
    assert words("HTMLParser") == ["html", "parser"]
    assert words("2xl") == ["2xl"]
    assert words("café") == ["café"]
    assert words("café", ascii_only=True) == ["caf", "ue9"]
    assert words("a+b") == ["a", "u2b", "b"]  # symbols stay distinct from separators
    assert words("-") == ["u2d"]


def test_cases() -> None:
    parts = path_words(("color", "green-vivid", "500"))
    assert camel(parts) == "colorGreenVivid500"
    assert pascal(parts) == "ColorGreenVivid500"
    assert snake(parts) == "color_green_vivid_500"


@pytest.mark.parametrize("name", ["2xl", "500", "0"])
def test_leading_digits_get_an_underscore(name: str) -> None:
    assert swift_identifier(name) == "_" + name
    assert kotlin_identifier(name) == "_" + name


@pytest.mark.parametrize("keyword", sorted(SWIFT_KEYWORDS))
def test_swift_keywords_are_escaped(keyword: str) -> None:
    assert swift_identifier(keyword) == f"`{keyword}`"


@pytest.mark.parametrize("keyword", sorted(KOTLIN_KEYWORDS))
def test_kotlin_keywords_are_escaped(keyword: str) -> None:
    assert kotlin_identifier(keyword) == f"`{keyword}`"


def test_javascript_names_are_identifiers() -> None:
    tokens, problems = compile_text(
        {
            "t.json": '{"default": {"$type": "number", "$value": 1}, "9lives": {"$type": "number", '
            '"$value": 2}}'
        }
    )
    assert errors_of(problems) == []
    assert [export_name(t) for t in tokens] == ["default_", "_9lives"]


COLLIDING = """
space:
  $type: dimension
  space-md: {$value: {value: 8, unit: px}}
  spaceMd: {$value: {value: 9, unit: px}}
"""


@pytest.mark.parametrize("fmt", list(FILES))
def test_name_collisions_are_errors_naming_both_tokens(fmt: str) -> None:
    tokens, problems = compile_text({"tokens.yaml": COLLIDING})
    assert errors_of(problems) == []
    report: list[Diagnostic] = []
    FORMATS[fmt].render(tokens, {}, report)
    collisions = [d for d in report if d.rule.endswith("/name-collision")]
    assert len(collisions) == 1, [d.message for d in report]
    found = collisions[0]
    assert '"space.spaceMd" and "space.space-md"' in found.message
    assert found.location.line == 5
    assert [r.location("key").line for r in found.related] == [4]


@pytest.mark.parametrize("fmt", list(FILES))
def test_underscore_and_dash_separate_words_everywhere(fmt: str) -> None:
    """Sass and aapt2 read ``x_y`` and ``x-y`` as one name; every platform agrees."""
    tokens, _ = compile_text(
        {"tokens.yaml": "a:\n  $type: number\n  x-y: {$value: 1}\n  x_y: {$value: 2}\n"}
    )
    report: list[Diagnostic] = []
    FORMATS[fmt].render(tokens, {}, report)
    assert [d.rule.split("/")[1] for d in report] == ["name-collision"]


def test_a_group_hiding_the_namespace_is_an_error() -> None:
    tokens, _ = compile_text({"tokens.yaml": "encore:\n  $type: number\n  x: {$value: 1}\n"})
    report: list[Diagnostic] = []
    FORMATS["swift"].render(tokens, {}, report)
    assert [d.rule for d in report] == ["swift/reserved-name"]
    assert "namespace" in (report[0].help or "")
    report = []
    FORMATS["swift"].render(tokens, {"namespace": "Tokens"}, report)
    assert report == []


def _swift_declared_names(source: bytes) -> list[str]:
    """Names of every enum and static constant declared in a Swift file."""
    import tree_sitter
    import tree_sitter_swift

    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    names = []
    stack = [parser.parse(source).root_node]
    while stack:
        node = stack.pop()
        if node.type == "class_declaration":
            names += [
                c.text.decode() for c in node.children if c.type == "type_identifier" and c.text
            ]
        elif node.type == "pattern":
            names += [
                c.text.decode() for c in node.children if c.type == "simple_identifier" and c.text
            ]
        stack.extend(node.children)
    return names


SWIFT_NAME = re.compile(r"^(?:`[^\W\d]\w*`|[^\W\d]\w*|_\w+)$")


@pytest.mark.parametrize("case", ["foundation", "hostile"])
def test_swift_declarations_are_identifiers_not_bare_keywords(case: str) -> None:
    """tree-sitter accepts keywords as names and digits first; the Swift compiler does not."""
    source = (GOLDEN / "swift" / case / "EncoreTokens.swift").read_bytes()
    names = _swift_declared_names(source)
    assert len(names) > 50
    for name in names:
        assert SWIFT_NAME.match(name), name
        assert name not in SWIFT_KEYWORDS, f"{name} needs backticks"
        if name.startswith("`"):
            assert name.strip("`") in SWIFT_KEYWORDS, f"{name} is escaped needlessly"


def test_numbers_are_finite_literals_in_every_language() -> None:
    assert decimal(16.0) == "16" and decimal(-0.5) == "-0.5" and decimal(1e300) == "1e+300"
    assert decimal(0.1 + 0.2) == "0.30000000000000004"  # exact, not rounded
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError):
            decimal(bad)
    swift = (GOLDEN / "swift" / "foundation" / "EncoreTokens.swift").read_text()
    assert not re.search(r"\b(nan|inf|NaN|Infinity)\b", swift)
