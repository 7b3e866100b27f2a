"""The text and location of the errors a designer meets, one case per mistake."""

from __future__ import annotations

import pytest

from encore.diagnostics import render_text
from tests.conftest import compile_text, errors_of

HEAD = "color:\n  $type: color\n"

CASES = [
    # (yaml text, rule, "line:col", message start, help fragment)
    (
        HEAD + '  green: {$value: "#1ed76"}\n',
        "type/color",
        "3:19",
        '"#1ed76" is not a colour: hex needs 3, 4, 6 or 8 digits, not 5',
        "colorSpace",
    ),
    (
        HEAD + '  green: {$value: "#1ed760"}\n',
        "type/color",
        "3:19",
        'the string "#1ed760" is not a colour',
        "components: [0.1176, 0.8431, 0.3765]",
    ),
    (
        HEAD + "  green:\n    $value: #1ed760\n",
        "token/null-value",
        "4:12",
        "$value is empty (null)",
        "'#' starts a comment",
    ),
    (
        HEAD + "  green: {$value: {colorSpace: srgb, components: [0, 1.2, 0]}}\n",
        "type/color",
        "3:54",
        "green 1.2 is out of range for srgb: from 0 to 1",
        None,
    ),
    (
        HEAD + "  green: {$value: {colorSpace: srbg, components: [0, 1, 0]}}\n",
        "type/color",
        "3:32",
        'the string "srbg" is not a supported colour space',
        "did you mean 'srgb'?",
    ),
    (
        "space:\n  $type: dimension\n  md: {$value: 16px}\n",
        "type/dimension",
        "3:16",
        'the string "16px" is not a dimension',
        "write {value: 16, unit: px}",
    ),
    (
        "space:\n  $type: dimension\n  md: {$value: {value: 1, unit: em}}\n",
        "type/dimension",
        "3:33",
        'the string "em" is not a dimension unit: use px or rem',
        None,
    ),
    (
        "w:\n  $type: fontWeight\n  bold: {$value: Bold}\n",
        "type/fontWeight",
        "3:18",
        'the string "Bold" is not a font weight',
        'keywords are lower case: write "bold"',
    ),
    (
        "x:\n  $type: colour\n  a: {$value: 1}\n",
        "token/unknown-type",
        "2:10",
        'unknown $type "colour"',
        "did you mean 'color'?",
    ),
    (
        "x:\n  a: {$value: 1}\n",
        "token/missing-type",
        "2:3",
        '"x.a" has no $type, and no group above it gives one',
        "$type",
    ),
    (
        "x:\n  $type: number\n  a.b: {$value: 1}\n",
        "name/invalid",
        "3:3",
        'invalid name "a.b": names cannot contain periods',
        None,
    ),
    (
        "x:\n  $type: number\n  a: {$value: 1, $desription: hi}\n",
        "token/unknown-property",
        "3:18",
        'unknown token property "$desription"',
        "did you mean '$description'?",
    ),
    (
        "x:\n  $type: number\n  a: {$value: 1, b: {$value: 2}}\n",
        "token/value-and-children",
        "3:18",
        '"x.a" has both $value and a child "b"',
        None,
    ),
    (
        "x:\n  $type: number\n  a: {$value: 1}\n  a: {$value: 2}\n",
        "syntax/duplicate-key",
        "4:3",
        'key "a" appears twice in the same mapping',
        None,
    ),
    (
        "x:\n  $type: number\n  a: {$value: 1\n",
        "syntax/yaml",
        "4:1",
        "invalid YAML: did not find expected ',' or '}'",
        None,
    ),
    (
        "t:\n  $type: typography\n  body:\n    $value:\n      fontFamily: Inter\n"
        "      fontSize: {value: 16, unit: px}\n",
        "type/typography",
        "5:7",
        "typography is missing fontWeight, letterSpacing, lineHeight",
        None,
    ),
]


@pytest.mark.parametrize(("text", "rule", "where", "message", "hint"), CASES)
def test_error_text_and_location(
    text: str, rule: str, where: str, message: str, hint: str | None
) -> None:
    _, diagnostics = compile_text({"tokens.yaml": text})
    errors = errors_of(diagnostics)
    assert errors, "expected an error"
    first = errors[0]
    assert first.rule == rule
    assert str(first.location) == f"tokens.yaml:{where}"
    assert first.message.startswith(message), first.message
    if hint is not None:
        assert hint in (first.help or ""), first.help


def test_text_rendering_has_code_frame_and_help() -> None:
    _, diagnostics = compile_text({"tokens.yaml": HEAD + '  green: {$value: "#1ed76"}\n'})
    text = render_text(errors_of(diagnostics))
    assert text.splitlines()[:4] == [
        'tokens.yaml:3:19: error[type/color]: "#1ed76" is not a colour: hex needs 3, 4, 6 or 8 '
        "digits, not 5",
        "  |",
        '3 |   green: {$value: "#1ed76"}',
        "  |                   ^",
    ]
    assert text.splitlines()[4].startswith("  = help: colours are objects")


def test_every_error_of_a_stage_is_reported() -> None:
    text = HEAD + '  a: {$value: "#12"}\n  b: {$value: "#34"}\n' + "n:\n  c: {$value: 1}\n"
    _, diagnostics = compile_text({"tokens.yaml": text})
    assert sorted(d.rule for d in errors_of(diagnostics)) == [
        "token/missing-type",
        "type/color",
        "type/color",
    ]


def test_json_errors_are_located_too() -> None:
    text = '{\n  "x": {\n    "$type": "number",\n    "a": {"$value": "1"}\n  }\n}\n'
    _, diagnostics = compile_text({"tokens.json": text})
    [error] = errors_of(diagnostics)
    assert str(error.location) == "tokens.json:4:21"
    _, diagnostics = compile_text({"bad.json": '{"x": {"a": 1,}}'})
    [error] = errors_of(diagnostics)
    assert error.rule == "syntax/json"
    assert str(error.location) == "bad.json:1:15"


def test_sizes_that_cannot_be_negative_are_rejected() -> None:
    text = (
        "b:\n  $type: border\n  x: {$value: {color: {colorSpace: srgb, components: [0, 0, 0]},"
        " width: {value: -1, unit: px}, style: solid}}\n"
    )
    _, diagnostics = compile_text({"tokens.yaml": text})
    [error] = errors_of(diagnostics)
    assert (error.rule, error.message) == ("type/border", "border width cannot be negative")
