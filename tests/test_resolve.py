"""Reference resolution: aliases, JSON Pointers, chains, cycles, type checks, kept aliases."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from encore.values.types import Color, Dimension, Shadow
from tests.conftest import compile_text, errors_of

BASE = """
color:
  $type: color
  blue: {$value: {colorSpace: srgb, components: [0, 0.4, 0.8], hex: "#0066cc"}}
  black: {$value: {colorSpace: srgb, components: [0, 0, 0], alpha: 0.5}}
space:
  $type: dimension
  small: {$value: {value: 4, unit: px}}
"""


def test_alias_chain_resolves_and_keeps_alias(compile_yaml) -> None:
    tokens, diagnostics = compile_yaml(
        BASE
        + """
semantic:
  $type: color
  primary: {$value: "{color.blue}"}
  brand: {$value: "{semantic.primary}"}
"""
    )
    assert errors_of(diagnostics) == []
    brand = tokens["semantic.brand"]
    assert brand.value == tokens["color.blue"].value
    assert brand.alias_of == "semantic.primary"


def test_type_is_inherited_from_the_referenced_token(compile_yaml) -> None:
    tokens, diagnostics = compile_yaml(BASE + 'untyped: {$value: "{color.blue}"}\n')
    assert errors_of(diagnostics) == []
    assert tokens["untyped"].type.value == "color"


def test_aliases_inside_composites_are_kept_per_part(compile_yaml) -> None:
    tokens, diagnostics = compile_yaml(
        BASE
        + """
shadow:
  $type: shadow
  card:
    $value:
      color: "{color.black}"
      offsetX: "{space.small}"
      offsetY: {value: 2, unit: px}
      blur: {value: 8, unit: px}
      spread: {value: 0, unit: px}
"""
    )
    assert errors_of(diagnostics) == []
    card = tokens["shadow.card"]
    assert isinstance(card.value, Shadow)
    assert card.value.layers[0].offset_x == Dimension(4, "px")
    assert card.aliases == {("color",): "color.black", ("offsetX",): "space.small"}
    assert card.references == {"color.black", "space.small"}


def test_json_pointer_into_parts_with_escapes() -> None:
    doc = {
        "a/b": {
            "c~d": {
                "$type": "color",
                "$value": {"colorSpace": "srgb", "components": [0.25, 0.5, 1]},
            }
        },
        "red": {"$type": "number", "$value": {"$ref": "#/a~1b/c~0d/$value/components/0"}},
        "whole": {"$type": "color", "$ref": "#/a~1b/c~0d/$value"},
    }
    tokens, diagnostics = compile_text({"t.json": json.dumps(doc)})
    assert errors_of(diagnostics) == []  # "/" and "~" are legal in names; "." is not
    assert tokens["red"].value.to_json() == 0.25
    assert tokens["whole"].alias_of == "a/b.c~d"


def test_pointer_through_an_alias_reaches_the_resolved_value(compile_yaml) -> None:
    tokens, diagnostics = compile_yaml(
        BASE
        + """
semantic:
  primary: {$type: color, $value: "{color.blue}"}
green-part: {$type: number, $value: {$ref: "#/semantic/primary/$value/components/1"}}
"""
    )
    assert errors_of(diagnostics) == []
    assert tokens["green-part"].value.to_json() == 0.4


def test_cycle_is_reported_once_with_every_member(compile_yaml) -> None:
    _, diagnostics = compile_yaml("""
n:
  $type: number
  a: {$value: "{n.b}"}
  b: {$value: "{n.c}"}
  c: {$value: "{n.a}"}
  d: {$value: "{n.a}"}
""")
    cycles = [d for d in diagnostics if d.rule == "ref/cycle"]
    assert len(cycles) == 1
    assert cycles[0].message == "reference cycle: {n.a} → {n.b} → {n.c} → {n.a}"
    assert (cycles[0].location.line, cycles[0].location.column) == (4, 15)


def test_unresolved_reference_is_located_and_suggests(compile_yaml) -> None:
    _, diagnostics = compile_yaml(BASE + 'x: {$type: color, $value: "{color.bleu}"}\n')
    [error] = errors_of(diagnostics)
    assert error.rule == "ref/unresolved"
    assert str(error.location) == "tokens.yaml:9:27"
    assert error.help == "did you mean 'color.blue'?"


def test_type_mismatch_at_the_referring_token(compile_yaml) -> None:
    _, diagnostics = compile_yaml(BASE + 'x: {$type: color, $value: "{space.small}"}\n')
    [error] = errors_of(diagnostics)
    assert error.rule == "ref/type-mismatch"
    assert error.message == "{space.small} is a dimension token, but a color is needed here"
    assert error.location.line == 9


def test_curly_reference_into_a_value_explains_json_pointer(compile_yaml) -> None:
    _, diagnostics = compile_yaml(BASE + 'x: {$type: number, $value: "{color.blue.components}"}\n')
    [error] = errors_of(diagnostics)
    assert '"#/color/blue/$value/components"' in (error.help or "")


def test_extends_and_root(compile_yaml) -> None:
    tokens, diagnostics = compile_yaml("""
button:
  $type: dimension
  $root: {$value: {value: 40, unit: px}}
  padding: {$value: {value: 12, unit: px}}
button-large:
  $extends: "{button}"
  padding: {$value: {value: 16, unit: px}}
alias: {$value: "{button.$root}"}
""")
    assert errors_of(diagnostics) == []
    assert tokens["button-large.padding"].value == Dimension(16, "px")
    assert tokens["button-large.$root"].value == Dimension(40, "px")
    assert tokens["button-large.$root"].output_path == ("button-large",)
    assert tokens["alias"].value == Dimension(40, "px")


# -- properties ----------------------------------------------------------------------------


@st.composite
def reference_forests(draw: st.DrawFn) -> tuple[int, list[int | None]]:
    """Token i either holds a value (None) or references an earlier token: always acyclic."""
    size = draw(st.integers(min_value=1, max_value=40))
    parents: list[int | None] = [None]
    for i in range(1, size):
        parents.append(draw(st.one_of(st.none(), st.integers(min_value=0, max_value=i - 1))))
    return size, parents


def _document(parents: list[int | None], order: list[int]) -> str:
    tokens = {}
    for i in order:
        parent = parents[i]
        tokens[f"t{i}"] = {"$value": i if parent is None else f"{{n.t{parent}}}"}
    return json.dumps({"n": {"$type": "number", **tokens}})


def _root(parents: list[int | None], i: int) -> int:
    while parents[i] is not None:
        i = parents[i]  # type: ignore[assignment]
    return i


@settings(max_examples=60, deadline=None)
@given(reference_forests(), st.randoms())
def test_random_reference_graphs_resolve_to_their_roots(forest, rnd) -> None:
    size, parents = forest
    order = list(range(size))
    rnd.shuffle(order)  # source order must not matter
    tokens, diagnostics = compile_text({"n.json": _document(parents, order)})
    assert errors_of(diagnostics) == []
    for i in range(size):
        token = tokens[f"n.t{i}"]
        assert token.value.to_json() == _root(parents, i)
        assert token.alias_of == (None if parents[i] is None else f"n.t{parents[i]}")


@settings(max_examples=60, deadline=None)
@given(reference_forests(), st.data())
def test_any_cycle_is_found_and_named(forest, data) -> None:
    size, parents = forest
    # close a cycle: a chain start -> ... -> root gets root -> start
    start = data.draw(st.integers(min_value=0, max_value=size - 1))
    chain = [start]
    while parents[chain[-1]] is not None:
        chain.append(parents[chain[-1]])  # type: ignore[arg-type]
    cyclic = list(parents)
    cyclic[chain[-1]] = start
    _, diagnostics = compile_text({"n.json": _document(cyclic, list(range(size)))})
    cycles = [d for d in diagnostics if d.rule == "ref/cycle"]
    assert len(cycles) == 1
    named = {part.strip("{}") for part in cycles[0].message.split(": ", 1)[1].split(" → ")}
    assert named == {f"n.t{i}" for i in chain}
    assert not [d for d in errors_of(diagnostics) if d.rule != "ref/cycle"]


def test_colour_value_shape(compile_yaml) -> None:
    tokens, _ = compile_yaml(BASE)
    assert tokens["color.black"].value == Color("srgb", (0.0, 0.0, 0.0), 0.5, None)


def test_top_level_properties_apply_to_their_own_file_only() -> None:
    tokens, diagnostics = compile_text(
        {
            "colors.yaml": "$type: color\nc: {$value: {colorSpace: srgb, components: [1, 0, 0]}}\n",
            "space.yaml": "$type: dimension\nd: {$value: {value: 1, unit: px}}\n",
        }
    )
    assert errors_of(diagnostics) == []
    assert (tokens["c"].type.value, tokens["d"].type.value) == ("color", "dimension")


def test_extends_inherits_ancestor_types_and_does_not_depend_on_order(compile_yaml) -> None:
    tokens, diagnostics = compile_yaml("""
a: {$extends: "{b.sub}"}
b: {$extends: "{c}"}
c: {sub: {x: {$type: number, $value: 1}}}
color: {$type: color, base: {red: {$value: {colorSpace: srgb, components: [1, 0, 0]}}}}
theme: {$extends: "{color.base}"}
""")
    assert errors_of(diagnostics) == []
    assert tokens["a.x"].value.to_json() == 1
    assert tokens["theme.red"].type.value == "color"


def test_pointer_to_an_alias_of_a_missing_token_is_an_error_not_a_crash(compile_yaml) -> None:
    _, diagnostics = compile_yaml(
        'x: {$type: dimension, $value: {value: 1, unit: "{nope}"}}\n'
        'n: {$type: dimension, $value: {value: 2, unit: {$ref: "#/x/$value/unit"}}}\n'
    )
    assert "ref/unresolved" in {d.rule for d in errors_of(diagnostics)}
