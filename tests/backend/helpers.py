"""Small lookups the backend tests share."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


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
