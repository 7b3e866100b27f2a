"""Loading: YAML scalars as designers mean them, duplicate keys, lazy locations."""

from __future__ import annotations

import json

from encore.load import parse_text


def test_yaml_keys_stay_as_written_and_scalars_follow_yaml_1_2() -> None:
    loaded, problems = parse_text(
        "t.yaml", "500: {a: on, b: yes, c: true, d: 1e3, e: 2024-01-01}\n"
    )
    assert problems == []
    assert loaded is not None
    assert loaded.data == {
        "500": {"a": "on", "b": "yes", "c": True, "d": 1000.0, "e": "2024-01-01"}
    }


def test_locations_of_keys_and_values_in_yaml_and_json() -> None:
    yaml_file, _ = parse_text("t.yaml", "color:\n  green:\n    $value: {x: [1, 2]}\n")
    assert yaml_file is not None
    assert str(yaml_file.source.locate(("color", "green"), "key")) == "t.yaml:2:3"
    assert str(yaml_file.source.locate(("color", "green", "$value", "x", 1))) == "t.yaml:3:21"
    doc = {"color": {"green": {"$value": {"x": [1, 2]}}}}
    text = json.dumps(doc, indent=2)
    json_file, _ = parse_text("t.json", text)
    assert json_file is not None
    line, column = 7, 11
    assert (
        str(json_file.source.locate(("color", "green", "$value", "x", 1)))
        == f"t.json:{line}:{column}"
    )
    assert text.splitlines()[line - 1][column - 1] == "2"
    # a path that does not exist falls back to its nearest written ancestor
    assert str(json_file.source.locate(("color", "green", "missing"))) == "t.json:3:14"


def test_duplicate_keys_are_errors_in_both_syntaxes() -> None:
    _, problems = parse_text("t.json", '{"a": 1, "a": 2}')
    assert [p.rule for p in problems] == ["syntax/duplicate-key"]
    _, problems = parse_text("t.yaml", "a: 1\na: 2\n")
    assert [(p.rule, str(p.location)) for p in problems] == [("syntax/duplicate-key", "t.yaml:2:1")]


def test_yaml_merge_keys_may_override_and_json_rejects_nan_with_a_location() -> None:
    _, problems = parse_text("t.yaml", "b: &b {y: 1, z: 2}\nother: {<<: *b, y: 3}\n")
    assert problems == []
    _, problems = parse_text("t.json", '{"a": {"$value": NaN}}')
    assert [(p.rule, str(p.location)) for p in problems] == [("syntax/json", "t.json:1:18")]
