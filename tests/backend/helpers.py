"""Small lookups the backend tests share."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

from fastapi.testclient import TestClient

from backend_stub.auth import users
from backend_stub.auth.passwords import hash_password
from backend_stub.auth.tokens import issue_access


def find_track(client: TestClient, name: str) -> dict[str, Any]:
    """The demo track called ``name`` (found by search)."""
    found = client.get("/v1/search", params={"q": name, "type": "track"}).json()
    for item in found["tracks"]["items"]:
        if item["name"] == name:
            return dict(item)
    raise AssertionError(f"no track {name!r} in {found}")


def find_artist(client: TestClient, name: str) -> dict[str, Any]:
    found = client.get("/v1/search", params={"q": name, "type": "artist"}).json()
    for item in found["artists"]["items"]:
        if item["name"] == name:
            return dict(item)
    raise AssertionError(f"no artist {name!r} in {found}")


def assert_error(response: Any, status: int) -> dict[str, Any]:
    """The response is the error envelope with ``status``; its ``error`` object."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return dict(body["error"])


LISTENER_PASSWORD = "listener-password"
LISTENER_SCOPES = (
    "user-read-private streaming playlist-read-private playlist-modify user-read-recently-played"
)


@dataclass(frozen=True)
class Listener:
    """A test user: ``id`` and the ``headers`` that authenticate as them."""

    id: str
    headers: dict[str, str]


@cache
def _password_hash() -> str:
    return hash_password(LISTENER_PASSWORD)  # hashed once: argon2id is slow on purpose


def new_listener(client: TestClient, country: str = "SE", scope: str = LISTENER_SCOPES) -> Listener:
    """A fresh user in ``country`` (password ``LISTENER_PASSWORD``) with an access token for
    ``scope``, so tests that change or erase a user's data share nothing with others."""
    name = f"listener-{uuid.uuid4().hex[:12]}"
    app: Any = client.app
    uid = users.user_id(name)
    with app.state.db.connect() as conn:
        conn.execute(
            "INSERT INTO users (id, username, display_name, password_hash, country)"
            " VALUES (:id, :name, :name, :hash, :country)",
            {"id": uid, "name": name, "hash": _password_hash(), "country": country},
        )
    state = app.state.auth
    token = issue_access(state.secret, sub=uid, scope=scope, client_id="encore-web",
                         now=state.clock(), seconds=state.access_seconds)  # fmt: skip
    return Listener(uid, {"Authorization": f"Bearer {token}"})


def bearer(client: TestClient, username: str, password: str, scope: str) -> dict[str, str]:
    """An ``Authorization`` header for ``username`` with ``scope`` (password grant)."""
    answer = client.post(
        "/token",
        data={
            "grant_type": "password",
            "client_id": "encore-web",
            "username": username,
            "password": password,
            "scope": scope,
        },
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}
