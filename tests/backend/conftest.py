"""Fixtures for the backend: the demo catalogue's media made once per session (8-second
tracks), seeded into SQLite and into PostgreSQL, and one TestClient per database.

PostgreSQL comes from ``ENCORE_TEST_POSTGRES_URL`` (``.ci/run`` starts one and sets it);
each session works in a schema of its own, dropped at the end. Without it the PostgreSQL
tests skip locally and fail under ``CI=true``, like a missing checker.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from backend_stub.app import create_app
from backend_stub.db import Database
from backend_stub.migrate import migrate
from backend_stub.seed import SeedReport, seed
from backend_stub.settings import Settings

TEST_TRACK_SECONDS = 8.0
POSTGRES_ENV = "ENCORE_TEST_POSTGRES_URL"


def require(name: str, available: bool, hint: str) -> None:
    """Skip when ``name`` is missing; fail instead under ``CI=true``."""
    if available:
        return
    message = f"{name} is not available; {hint}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@dataclass(frozen=True)
class Seeded:
    url: str
    media_root: Path
    report: SeedReport


@pytest.fixture(scope="session")
def media_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("ffmpeg", shutil.which("ffmpeg") is not None, "install it: apt-get install ffmpeg")
    return tmp_path_factory.mktemp("media")


def _seed(url: str, media: Path) -> Seeded:
    db = Database(url)
    try:
        migrate(db)
        report = seed(db, media, duration_s=TEST_TRACK_SECONDS)
    finally:
        db.close()
    return Seeded(url, media, report)


@pytest.fixture(scope="session")
def sqlite_seeded(media_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    return _seed(f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'encore.db'}", media_root)


def _postgres_reachable(url: str) -> str | None:
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return None


@contextmanager
def postgres_schema(prefix: str) -> Iterator[str]:
    """A URL into a new schema of the test database, dropped afterwards (skipped locally,
    failed under ``CI=true``, when the database is not set or cannot be reached)."""
    base = os.environ.get(POSTGRES_ENV, "")
    require(
        "PostgreSQL",
        bool(base),
        f"set {POSTGRES_ENV}=postgresql://USER:PASSWORD@HOST/DB (.ci/run starts one)",
    )
    problem = _postgres_reachable(base)
    require("PostgreSQL", problem is None, f"cannot connect to {POSTGRES_ENV}: {problem}")
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A URL into a fresh schema of the test database, dropped after the session."""
    with postgres_schema("encore_test") as url:
        yield url


@pytest.fixture(scope="session")
def postgres_seeded(media_root: Path, postgres_url: str, sqlite_seeded: Seeded) -> Seeded:
    # After SQLite: the media are made once, then reused.
    return _seed(postgres_url, media_root)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def seeded(request: pytest.FixtureRequest) -> Seeded:
    name = "sqlite_seeded" if request.param == "sqlite" else "postgres_seeded"
    found: Seeded = request.getfixturevalue(name)
    return found


class Where(Protocol):
    """A database and its media folder (a seeded one, or a test's own)."""

    @property
    def url(self) -> str: ...

    @property
    def media_root(self) -> Path: ...


def settings_for(where: Where, **extra: object) -> Settings:
    """The backend's settings for that database and media folder."""
    return Settings.from_env(
        {},
        database_url=where.url,
        media_root=where.media_root,
        project=Path("/nonexistent/encore.yaml"),
        **extra,
    )


@pytest.fixture(scope="session")
def client(seeded: Seeded) -> Iterator[TestClient]:
    with TestClient(create_app(settings_for(seeded))) as test_client:
        yield test_client
