"""What the backend holds about a user, area by area.

Each area (playlists, listening history, uploads, offline devices...) registers how to
export its data and how to erase or anonymise it, so ``GET /v1/me/export`` and
``DELETE /v1/me`` cover every area, including ones added later. Registration happens when
the area's module is imported; every ``routes`` module is imported by ``create_app``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from backend_stub.db import Connection

Exporter = Callable[[Connection, str], Any]
Eraser = Callable[[Connection, str], None]


@dataclass(frozen=True, slots=True)
class UserDataArea:
    """One area's data about a user: ``export(conn, user_id)`` returns JSON-ready data;
    ``erase(conn, user_id)`` deletes or anonymises it inside the caller's transaction."""

    name: str
    export: Exporter
    erase: Eraser


_AREAS: dict[str, UserDataArea] = {}


def register(name: str, export: Exporter, erase: Eraser) -> None:
    """Add (or replace, on re-import) the area called ``name``."""
    _AREAS[name] = UserDataArea(name, export, erase)


def areas() -> list[UserDataArea]:
    """Every registered area, sorted by name (the export's key order)."""
    return [_AREAS[name] for name in sorted(_AREAS)]
