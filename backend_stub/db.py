"""One small data-access layer over sqlite3 and psycopg 3.

SQL is written once with named ``:name`` parameters (sqlite3's own style); for
PostgreSQL they become ``%(name)s``. Rows come back as plain dicts. Where the two
databases really differ (full-text search, migrations), callers branch on
``Database.dialect`` instead of hiding the difference.
"""

from __future__ import annotations

import queue
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

Dialect = Literal["sqlite", "postgresql"]
Row = dict[str, Any]
Params = Mapping[str, Any]

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """``:name`` parameters as psycopg's ``%(name)s``; literal ``%`` doubled, ``::`` kept."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))


class _DbApiConnection(Protocol):
    def cursor(self) -> Any: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class DatabaseUrl:
    """A parsed ``sqlite:///path`` or ``postgresql://...`` URL."""

    dialect: Dialect
    target: str  # a file path (or ":memory:") for SQLite, the conninfo for PostgreSQL

    @classmethod
    def parse(cls, url: str) -> DatabaseUrl:
        if url.startswith("sqlite:///"):
            return cls("sqlite", url.removeprefix("sqlite:///") or ":memory:")
        if url.startswith("sqlite://"):
            return cls("sqlite", url.removeprefix("sqlite://") or ":memory:")
        if url.startswith(("postgresql://", "postgres://")):
            return cls("postgresql", url)
        if "://" not in url:
            return cls("sqlite", url)  # a bare path
        raise ValueError(f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://")


class Connection:
    """One connection, used by one thread at a time."""

    def __init__(self, raw: _DbApiConnection, dialect: Dialect) -> None:
        self.raw = raw
        self.dialect: Dialect = dialect

    def _sql(self, sql: str) -> str:
        return to_pyformat(sql) if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Params | None = None) -> int:
        """Run one statement; the number of rows it changed."""
        cursor = self.raw.cursor()
        try:
            cursor.execute(self._sql(sql), dict(params or {}))
            return int(cursor.rowcount)
        finally:
            cursor.close()

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        cursor = self.raw.cursor()
        try:
            cursor.executemany(self._sql(sql), [dict(row) for row in rows])
        finally:
            cursor.close()

    def all(self, sql: str, params: Params | None = None) -> list[Row]:
        cursor = self.raw.cursor()
        try:
            cursor.execute(self._sql(sql), dict(params or {}))
            names = [column[0] for column in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def one(self, sql: str, params: Params | None = None) -> Row | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        row = self.one(sql, params)
        return None if row is None else next(iter(row.values()))

    def script(self, sql: str) -> None:
        """Run several statements without parameters (a migration file), inside the
        current transaction."""
        if self.dialect == "sqlite":
            cursor = self.raw.cursor()
            try:
                for statement in _split_sql(sql):
                    cursor.execute(statement)
            finally:
                cursor.close()
        else:
            cursor = self.raw.cursor()
            try:
                cursor.execute(sql)
            finally:
                cursor.close()


def _split_sql(sql: str) -> list[str]:
    """Statements of a SQLite script (complete_statement knows about strings and triggers)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current)
            current = ""
    if current.strip().strip(";").strip():
        statements.append(current)
    return statements


class Database:
    """A pool of connections to one database; ``with db.connect() as conn:`` commits on
    success and rolls back on an exception."""

    def __init__(self, url: str, pool_size: int = 4) -> None:
        self.url = DatabaseUrl.parse(url)
        self.dialect: Dialect = self.url.dialect
        self._pool: queue.LifoQueue[Connection] = queue.LifoQueue()
        self._opened = 0
        self._size = pool_size
        self._lock = threading.Lock()
        if self.dialect == "sqlite" and self.url.target != ":memory:":
            Path(self.url.target).parent.mkdir(parents=True, exist_ok=True)

    def _open(self) -> Connection:
        if self.dialect == "sqlite":
            raw = sqlite3.connect(self.url.target, check_same_thread=False, timeout=30)
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute("PRAGMA journal_mode = WAL")
            raw.execute("PRAGMA busy_timeout = 30000")
            raw.commit()
            return Connection(raw, "sqlite")
        import psycopg

        return Connection(psycopg.connect(self.url.target), "postgresql")

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        conn = self._checkout()
        try:
            yield conn
            conn.raw.commit()
        except BaseException:
            conn.raw.rollback()
            raise
        finally:
            self._pool.put(conn)

    def _checkout(self) -> Connection:
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._opened < self._size:
                self._opened += 1
                try:
                    return self._open()
                except BaseException:
                    self._opened -= 1
                    raise
        return self._pool.get(timeout=30)

    def close(self) -> None:
        while True:
            try:
                conn = self._pool.get_nowait()
            except queue.Empty:
                break
            conn.raw.close()
            self._opened -= 1
