"""HTTP routes, one module per area; ``deps`` holds what they share.

``create_app`` includes every module here that has a ``router`` (in name order), so a new
area is one new file. A module may also define ``lifespan(app)``, an async context
manager entered when the app starts (in the same order) and left when it stops, for
state such as a queue and its worker."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def route_modules() -> list[ModuleType]:
    """Every module of this package that defines ``router``, sorted by name."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "router"):
            found.append(module)
    return found
