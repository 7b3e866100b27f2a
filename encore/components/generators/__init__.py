"""Component generators: one module per platform, registered by name in `GENERATORS`.

A generator turns validated component specs and the compiled themes into files, keyed by
path relative to the platform's components folder (``components:`` in platform.yaml).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from encore.components.generators.compose import generate_compose
from encore.components.generators.swiftui import generate_swiftui
from encore.components.generators.web import generate_web
from encore.components.spec import ComponentSpec
from encore.themes import Themes

Generator = Callable[[Sequence[ComponentSpec], Themes, Mapping[str, Any]], dict[str, str]]

GENERATORS: dict[str, Generator] = {
    "web": generate_web,
    "swiftui": generate_swiftui,
    "compose": generate_compose,
}
