"""Component specs: one ``<id>.component.yaml`` per component, bound to semantic tokens.

- `load_specs` reads specs (JSON Schema ``component.schema.json``, then the spec's own
  consistency) into frozen `ComponentSpec` dataclasses (`encore.components.spec`).
- `validate` checks them against compiled `Themes`: bindings, tiers, types, minimum
  targets and contrast in every cell and theme (`encore.components.validate`).
- `resolve` gives generators the binding of each part x property x cell, with the
  precedence documented in `encore.components.resolve`.
- `find_specs` lists the spec files under folders.

Rule ids: see `RULES`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from encore.components.properties import CONTRAST_ROLES, PROPERTY_TYPES
from encore.components.reader import load_specs
from encore.components.resolve import ResolvedSpec, cells, lookup, resolve, state_sets
from encore.components.spec import (
    Accessibility,
    Binding,
    Cell,
    ComponentSpec,
    Deprecation,
    Docs,
    KeyboardInteraction,
    Part,
    PlatformNames,
    Prop,
    Selector,
    TokenRef,
    VariantAxis,
)
from encore.components.validate import validate
from encore.load import is_component_file

RULES: dict[str, str] = {
    "component/schema": "the spec matches component.schema.json",
    "component/id": "the id matches the file name",
    "component/anatomy": "one container; parts sit in parts, without cycles",
    "component/prop": "props: enum values, defaults that fit the type",
    "component/name-clash": "variant values, sizes and states are unique names",
    "component/state": "every state is an interaction state or set by a boolean prop",
    "component/selector": "selectors name one value per axis, one size, no duplicates",
    "component/unknown-part": "named parts exist",
    "component/unknown-prop": "named props exist",
    "component/unknown-variant": "named variant values exist",
    "component/unknown-size": "named sizes exist",
    "component/unknown-state": "named states exist",
    "component/unknown-property": "bindings set known properties",
    "component/accessibility": "a role per variant covers one axis",
    "component/docs": "every prop, variant, size and state is described (warning)",
    "component/deprecation": "deprecated specs say why; replacements exist",
    "component/binding": "every binding names an existing token",
    "component/tier": "bindings name semantic or component tokens, never raw values or primitives",
    "component/type": "the token's type fits the property",
    "component/deprecated-token": "bindings avoid deprecated tokens (warning)",
    "component/target-size": "minimum target: 44 pt iOS, 48 dp Android, 44 px web",
    "component/contrast": "text 4.5:1 (large 3:1), icons and controls 3:1, every cell and theme",
    "component/unbound": "every text, icon and control part has a colour in every cell",
    "component/duplicate": "ids and platform names are unique across specs",
}


def find_specs(folders: Iterable[Path]) -> list[Path]:
    """Every component spec file under the folders, sorted."""
    found: set[Path] = set()
    for folder in folders:
        if folder.is_file() and is_component_file(folder):
            found.add(folder)
        elif folder.is_dir():
            found.update(p for p in folder.rglob("*") if p.is_file() and is_component_file(p))
    return sorted(found)


__all__ = [
    "CONTRAST_ROLES",
    "PROPERTY_TYPES",
    "RULES",
    "Accessibility",
    "Binding",
    "Cell",
    "ComponentSpec",
    "Deprecation",
    "Docs",
    "KeyboardInteraction",
    "Part",
    "PlatformNames",
    "Prop",
    "ResolvedSpec",
    "Selector",
    "TokenRef",
    "VariantAxis",
    "cells",
    "find_specs",
    "is_component_file",
    "load_specs",
    "lookup",
    "resolve",
    "state_sets",
    "validate",
]
