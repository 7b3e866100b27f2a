"""The users table: lookups, creation with an argon2id hash, and the demo users (a
premium listener in SE, a free listener in DE and an artist)."""

from __future__ import annotations

from dataclasses import dataclass

from backend_stub.auth.passwords import hash_password
from backend_stub.db import Connection, Database, Row
from backend_stub.ids import make_id


@dataclass(frozen=True, slots=True)
class NewUser:
    username: str
    password: str
    display_name: str
    country: str
    product: str = "free"  # "free" or "premium", as on Spotify
    role: str = "listener"  # "listener" or "artist"


DEMO_USERS = (
    NewUser("demo", "demo-password", "Demo Listener", "SE", "premium"),
    NewUser("demo-de", "demo-password", "Demo Hörer", "DE", "free"),
    NewUser("artist", "artist-password", "Demo Artist", "ES", "premium", "artist"),
)


def normalise(username: str) -> str:
    return username.strip().lower()


def user_id(username: str) -> str:
    return make_id("user", normalise(username))


def by_username(conn: Connection, username: str) -> Row | None:
    return conn.one("SELECT * FROM users WHERE username = :u", {"u": normalise(username)})


def by_id(conn: Connection, uid: str) -> Row | None:
    return conn.one("SELECT * FROM users WHERE id = :id", {"id": uid})


def create(conn: Connection, user: NewUser) -> str:
    uid = user_id(user.username)
    conn.execute(
        "INSERT INTO users (id, username, display_name, password_hash, country, product, role)"
        " VALUES (:id, :username, :display_name, :hash, :country, :product, :role)",
        {
            "id": uid,
            "username": normalise(user.username),
            "display_name": user.display_name,
            "hash": hash_password(user.password),
            "country": user.country.upper(),
            "product": user.product,
            "role": user.role,
        },
    )
    return uid


def set_password_hash(conn: Connection, uid: str, password_hash: str) -> None:
    conn.execute(
        "UPDATE users SET password_hash = :h WHERE id = :id", {"h": password_hash, "id": uid}
    )


def seed_demo_users(db: Database) -> int:
    """Create the demo users that are missing (existing ones keep their passwords); how
    many were created."""
    made = 0
    with db.connect() as conn:
        for user in DEMO_USERS:
            if by_username(conn, user.username) is None:
                create(conn, user)
                made += 1
    return made
