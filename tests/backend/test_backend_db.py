"""The data layer: parameter style, migrations (idempotent, recorded), and text folding."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend_stub.db import Database, DatabaseUrl, to_pyformat
from backend_stub.migrate import current_version, migrate, migrations
from backend_stub.textnorm import normalise, words
from tests.backend.conftest import Seeded


def test_named_parameters_become_pyformat() -> None:
    sql = "SELECT x::text, '50%' FROM t WHERE a = :a AND b IN (:b0, :b1)"
    assert to_pyformat(sql) == (
        "SELECT x::text, '50%%' FROM t WHERE a = %(a)s AND b IN (%(b0)s, %(b1)s)"
    )


def test_urls() -> None:
    assert DatabaseUrl.parse("sqlite:///build/x.db") == DatabaseUrl("sqlite", "build/x.db")
    assert DatabaseUrl.parse("sqlite:////abs/x.db") == DatabaseUrl("sqlite", "/abs/x.db")
    assert DatabaseUrl.parse("postgresql://u@h/d").dialect == "postgresql"
    with pytest.raises(ValueError, match="unsupported"):
        DatabaseUrl.parse("mysql://u@h/d")


def test_migrations_are_numbered_per_dialect() -> None:
    for dialect in ("sqlite", "postgresql"):
        found = migrations(dialect)
        assert [m.version for m in found] == list(range(1, len(found) + 1))


def test_migrate_is_idempotent_and_recorded(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        latest = migrations("sqlite")[-1].version
        assert migrate(db) == list(range(1, latest + 1))
        assert migrate(db) == []
        assert current_version(db) == latest
        with db.connect() as conn:
            rows = conn.all("SELECT version, name FROM schema_version")
            assert [r["version"] for r in rows] == list(range(1, latest + 1))
            assert rows[0]["name"] == "catalogue"
    finally:
        db.close()


def test_seeded_database_is_current(seeded: Seeded) -> None:
    db = Database(seeded.url)
    try:
        assert migrate(db) == []
        assert current_version(db) == migrations(db.dialect)[-1].version
        with db.connect() as conn:
            # The stored normalised names are what search compares against.
            norm = conn.scalar(
                "SELECT name_norm FROM artists WHERE name = :n", {"n": "Dröhnhammer"}
            )
            assert norm == "drohnhammer"
    finally:
        db.close()


def test_a_failed_statement_rolls_back(seeded: Seeded) -> None:
    db = Database(seeded.url)
    try:
        with pytest.raises(Exception), db.connect() as conn:  # noqa: B017 (either driver's error)
            conn.execute("UPDATE artists SET popularity = 0")
            conn.execute("INSERT INTO artists (id) VALUES (NULL)")
        with db.connect() as conn:
            assert conn.scalar("SELECT MIN(popularity) FROM artists") > 0
    finally:
        db.close()


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Motörhead", "motorhead"),
        ("Sigur Rós", "sigur ros"),
        ("BEYONCÉ", "beyonce"),
        ("\uff22\uff45\uff59\uff4f\uff4e\uff43\uff45", "beyonce"),  # full width (NFKC)
        ("Sigrún Þórsdóttir", "sigrun thorsdottir"),
        ("Nguyễn Thảo", "nguyen thao"),
        ("Straße", "strasse"),
        ("Bjørn  Æsir", "bjorn aesir"),
        ("Beyonce\u0301", "beyonce"),  # a combining accent
    ],
)
def test_normalise(text: str, folded: str) -> None:
    assert normalise(text) == folded


def test_words_drop_query_syntax() -> None:
    assert words('"a" OR b* NEAR(c) x:* & !y') == ["a", "or", "b", "near", "c", "x", "y"]
