"""Structural sharing between two parses of a file: unchanged parts keep the old objects,
and equality is strict (``1``, ``1.0`` and ``true`` differ, and so does key order)."""

from __future__ import annotations

import copy
import datetime
from typing import Any

import pytest

from encore.share import share

OLD: dict[str, Any] = {
    "color": {
        "$type": "color",
        "red": {"$value": {"colorSpace": "srgb", "components": [1, 0, 0]}},
        "blue": {"$value": {"colorSpace": "srgb", "components": [0, 0, 1]}},
    },
    "size": {"$type": "dimension", "s": {"$value": {"value": 1, "unit": "px"}}},
}


def test_an_unchanged_parse_is_the_old_object() -> None:
    shared, delta = share(OLD, copy.deepcopy(OLD))
    assert shared is OLD and delta.values and delta.tokens == ()


def test_a_value_edit_keeps_every_other_group_and_token() -> None:
    new = copy.deepcopy(OLD)
    new["color"]["red"]["$value"]["components"] = [0.5, 0, 0]
    shared, delta = share(OLD, new)
    assert delta.values and delta.tokens == (("color", "red"),)
    assert shared["size"] is OLD["size"] and shared["color"]["blue"] is OLD["color"]["blue"]
    assert shared["color"]["red"] is not OLD["color"]["red"]


@pytest.mark.parametrize("other", [1.0, True], ids=["float", "bool"])
def test_equal_numbers_of_another_type_count_as_a_change(other: object) -> None:
    new = copy.deepcopy(OLD)
    new["size"]["s"]["$value"]["value"] = other  # == 1, but not strictly
    shared, delta = share(OLD, new)
    assert shared["size"] is not OLD["size"] and delta.tokens == (("size", "s"),)
    assert shared["color"] is OLD["color"]


def test_a_new_key_order_is_not_a_value_edit() -> None:
    new = {"size": copy.deepcopy(OLD["size"]), "color": copy.deepcopy(OLD["color"])}
    shared, delta = share(OLD, new)
    assert not delta.values and list(shared) == ["size", "color"]


def test_values_marshal_cannot_write_still_compare() -> None:
    old = {"meta": {"released": datetime.date(2024, 5, 1)}, "size": copy.deepcopy(OLD["size"])}
    new = copy.deepcopy(old)
    assert share(old, new)[0] is old
    new["meta"]["released"] = datetime.date(2024, 5, 2)
    assert share(old, new)[0]["size"] is old["size"]
