"""Schema migrations: numbered SQL files applied once each, recorded in ``schema_version``.

Files live in ``migrations/<dialect>/NNNN_name.sql``. ``migrate`` is idempotent and safe
to run from several processes at once: it holds a lock (``BEGIN IMMEDIATE`` on SQLite, an
advisory lock on PostgreSQL) while it reads the applied versions and applies the rest,
each file with its ``schema_version`` row in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from backend_stub.db import Connection, Database

_FILE = re.compile(r"(\d{4})_([a-z0-9_]+)\.sql\Z")
_LOCK_ID = 0x656E636F  # "enco"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(dialect: str) -> list[Migration]:
    """Every migration for ``dialect``, in version order."""
    folder = resources.files("backend_stub.migrations").joinpath(dialect)
    found = []
    for entry in folder.iterdir():
        match = _FILE.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two {dialect} migrations share a version number: {versions}")
    return found


def _ensure_table(conn: Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )


def _lock(conn: Connection) -> None:
    if conn.dialect == "postgresql":
        conn.execute("SELECT pg_advisory_xact_lock(:key)", {"key": _LOCK_ID})
    else:
        conn.raw.commit()
        conn.execute("BEGIN IMMEDIATE")


def migrate(db: Database) -> list[int]:
    """Apply every pending migration; the versions applied now (empty when up to date)."""
    applied_now: list[int] = []
    with db.connect() as conn:
        _ensure_table(conn)
    for migration in migrations(db.dialect):
        with db.connect() as conn:
            _lock(conn)
            done = conn.scalar(
                "SELECT COUNT(*) FROM schema_version WHERE version = :v", {"v": migration.version}
            )
            if done:
                continue
            conn.script(migration.sql)
            conn.execute(
                "INSERT INTO schema_version (version, name, applied_at)"
                " VALUES (:v, :name, CURRENT_TIMESTAMP)",
                {"v": migration.version, "name": migration.name},
            )
            applied_now.append(migration.version)
    return applied_now


def current_version(db: Database) -> int:
    with db.connect() as conn:
        _ensure_table(conn)
        return int(conn.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
