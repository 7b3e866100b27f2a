"""The themed fixture (`tests/fixtures/themes/`) as `Themes`, merged without the resolver:
each permutation's documents deep-merged in order, later tokens replacing earlier ones."""

from __future__ import annotations

import copy
import json
from typing import Any

import yaml

from encore.themes import Axis, Themes
from tests.conftest import FIXTURES, compile_text, errors_of

FOLDER = FIXTURES / "themes"
AXES = (
    Axis("theme", ("dark", "light"), "dark", "appearance", {"dark": "dark", "light": "light"}),
    Axis(
        "contrast",
        ("standard", "high"),
        "standard",
        "contrast",
        {"standard": "standard", "high": "high"},
    ),
)
LAYERS = {("theme", "light"): "light.tokens.yaml", ("contrast", "high"): "high.tokens.yaml"}


def _merge(into: dict[str, Any], layer: dict[str, Any]) -> None:
    for key, value in layer.items():
        is_group = isinstance(value, dict) and "$value" not in value
        if is_group and isinstance(into.get(key), dict) and "$value" not in into[key]:
            _merge(into[key], value)
        else:
            into[key] = copy.deepcopy(value)


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((FOLDER / name).read_text())
    assert isinstance(data, dict)
    return data


def fixture_themes() -> Themes:
    """Every permutation of the fixture, compiled."""
    sets = {}
    for theme in AXES[0].contexts:
        for contrast in AXES[1].contexts:
            doc = _load("base.tokens.yaml")
            for axis, context in (("theme", theme), ("contrast", contrast)):
                layer = LAYERS.get((axis, context))
                if layer is not None:
                    _merge(doc, _load(layer))
            tokens, problems = compile_text({f"{theme}-{contrast}.tokens.json": json.dumps(doc)})
            assert errors_of(problems) == [], problems
            sets[(theme, contrast)] = tokens
    return Themes(AXES, sets)


def themed_axes(themes: Themes) -> Themes:
    """Themes with the fixture's roles: theme is the appearance, contrast the contrast."""
    by_name = {axis.name: axis for axis in AXES}
    return Themes(tuple(by_name.get(a.name, a) for a in themes.axes), themes.sets)
