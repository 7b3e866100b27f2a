"""Small lookups the backend tests share."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

from backend_stub.auth import users


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


LISTENER_SCOPES = (
    "user-read-private streaming playlist-read-private playlist-modify user-read-recently-played"
)


@dataclass(frozen=True)
class Listener:
    """A test user: ``id`` and the ``headers`` that authenticate as them."""

    id: str
    headers: dict[str, str]


def new_listener(client: TestClient, country: str = "SE", scope: str = LISTENER_SCOPES) -> Listener:
    """A fresh user in ``country`` with a token for ``scope`` (so tests that change or erase
    a user's data share nothing with other tests)."""
    name = f"listener-{uuid.uuid4().hex[:12]}"
    app: Any = client.app
    with app.state.db.connect() as conn:
        uid = users.create(conn, users.NewUser(name, "listener-password", name, country))
    answer = client.post(
        "/token",
        data={"grant_type": "password", "client_id": "encore-web", "username": name,
              "password": "listener-password", "scope": scope},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    return Listener(uid, {"Authorization": f"Bearer {answer.json()['access_token']}"})


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
