"""Privacy and the user's own market, on both databases: the export covers every
registered area; erasure deletes the account, anonymises listening events (kept, linked
to no one), revokes every token at once and is idempotent; the signed-in user's country
is the market, and streaming outside it is refused with the reason."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from backend_stub import userdata
from tests.backend.helpers import (
    LISTENER_PASSWORD,
    LISTENER_SCOPES,
    Listener,
    assert_error,
    find_track,
    new_listener,
)


def _playlist_with(client: TestClient, who: Listener, track_id: str, **extra: Any) -> str:
    made = client.post("/v1/me/playlists", json={"name": "Mine", **extra}, headers=who.headers)
    pid = made.json()["id"]
    added = client.post(f"/v1/playlists/{pid}/tracks", json={"uris": [f"encore:track:{track_id}"]},
                        headers={**who.headers, "If-Match": made.headers["etag"]})  # fmt: skip
    assert added.status_code == 201, added.text
    return str(pid)


def _login(client: TestClient, username: str) -> Any:
    return client.post("/token", data={"grant_type": "password", "client_id": "encore-web",
                                       "username": username, "password": LISTENER_PASSWORD,
                                       "scope": LISTENER_SCOPES})  # fmt: skip


def test_the_export_holds_every_area(client: TestClient) -> None:
    who, friend = new_listener(client), new_listener(client)
    track = find_track(client, "Nattljus")["id"]
    own = _playlist_with(client, who, track)
    shared = _playlist_with(client, friend, track, collaborative=True)
    client.post(f"/v1/playlists/{shared}/collaborators", json={"user_id": who.id},
                headers=friend.headers)  # fmt: skip
    etag = client.get(f"/v1/playlists/{shared}", headers=who.headers).headers["etag"]
    client.post(f"/v1/playlists/{shared}/tracks", json={"uris": [f"encore:track:{track}"]},
                headers={**who.headers, "If-Match": etag})  # fmt: skip
    client.post("/v1/me/player/events", json={"track_id": track, "ms_played": 9000},
                headers=who.headers)  # fmt: skip
    username = client.get("/v1/me/export", headers=who.headers).json()["profile"]["username"]
    assert _login(client, username).status_code == 200  # a session to export
    answer = client.get("/v1/me/export", headers=who.headers)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    names = [area.name for area in userdata.areas()]
    assert {"playlists", "collaborations", "listening_history", "sessions"} <= set(names)
    assert body["areas"] == names and set(names) <= set(body)
    assert body["profile"]["id"] == who.id and body["profile"]["country"] == "SE"
    assert [p["id"] for p in body["playlists"]] == [own]
    assert body["playlists"][0]["tracks"][0]["track_id"] == track
    assert body["collaborations"][0]["id"] == shared
    assert [t["position"] for t in body["collaborations"][0]["tracks_added"]] == [1]
    assert [e["track_id"] for e in body["listening_history"]] == [track]
    assert body["sessions"][0]["client_id"] == "encore-web"
    assert not any("token" in key or "hash" in key for key in body["sessions"][0])


def _plays_of(client: TestClient, track_id: str) -> int:
    """How many plays of ``track_id`` are recorded, whoever made them."""
    client.app.state.events.flush()  # type: ignore[attr-defined]
    with client.app.state.db.connect() as conn:  # type: ignore[attr-defined]
        return int(conn.scalar("SELECT COUNT(*) FROM listening_events WHERE track_id = :t",
                               {"t": track_id}))  # fmt: skip


def test_deleting_the_account_erases_it_and_is_idempotent(client: TestClient) -> None:
    who, friend = new_listener(client), new_listener(client)
    username = client.get("/v1/me/export", headers=who.headers).json()["profile"]["username"]
    refresh = _login(client, username).json()["refresh_token"]
    track = find_track(client, "Jökulsá")["id"]
    own = _playlist_with(client, who, track, public=True)
    shared = _playlist_with(client, friend, track, collaborative=True)
    client.post(f"/v1/playlists/{shared}/collaborators", json={"user_id": who.id},
                headers=friend.headers)  # fmt: skip
    etag = client.get(f"/v1/playlists/{shared}", headers=who.headers).headers["etag"]
    client.post(f"/v1/playlists/{shared}/tracks", json={"uris": [f"encore:track:{track}"]},
                headers={**who.headers, "If-Match": etag})  # fmt: skip
    before = _plays_of(client, track)
    plays = [{"track_id": track, "ms_played": 9000}] * 3
    client.post("/v1/me/player/events", json={"events": plays}, headers=who.headers)

    assert client.delete("/v1/me", headers=who.headers).status_code == 204
    assert assert_error(client.get("/v1/me", headers=who.headers), 401)["reason"] == "invalid_token"
    assert_error(client.get("/v1/me/player/recently-played", headers=who.headers), 401)
    renewed = client.post("/token", data={"grant_type": "refresh_token", "client_id": "encore-web",
                                          "refresh_token": refresh})  # fmt: skip
    assert assert_error(renewed, 400)["reason"] == "invalid_grant"
    assert assert_error(_login(client, username), 400)["reason"] == "invalid_grant"
    assert client.delete("/v1/me", headers=who.headers).status_code == 204  # again: no change

    assert_error(client.get(f"/v1/playlists/{own}", headers=friend.headers), 404)
    items = client.get(f"/v1/playlists/{shared}", headers=friend.headers).json()["tracks"]["items"]
    assert [i["added_by"] and i["added_by"]["id"] for i in items] == [friend.id, None]
    assert _plays_of(client, track) == before + 3  # kept for recommendations...
    with client.app.state.db.connect() as conn:  # type: ignore[attr-defined]
        linked = conn.scalar("SELECT COUNT(*) FROM listening_events WHERE listener = :u",
                             {"u": who.id})  # fmt: skip
    assert linked == 0  # ...but linked to no one


def test_the_users_country_is_the_market(client: TestClient) -> None:
    german = new_listener(client, country="DE")
    blocked = find_track(client, "Eisenfaust")["id"]  # licensed everywhere but DE
    track = client.get(f"/v1/tracks/{blocked}", headers=german.headers).json()
    assert track["is_playable"] is False and track["restrictions"] == {"reason": "market"}
    same = client.get(f"/v1/tracks/{blocked}", params={"market": "from_token"},
                      headers=german.headers).json()  # fmt: skip
    assert same["is_playable"] is False
    assert "market=DE" in track["streams"]["progressive"][0]["url"]
    refused = client.get(f"/v1/tracks/{blocked}/stream", headers=german.headers)
    error = assert_error(refused, 403)
    assert error["reason"] == "market" and "DE" in error["message"]
    swedish = client.get(f"/v1/tracks/{blocked}", params={"market": "SE"}, headers=german.headers)
    assert swedish.json()["is_playable"] is True  # an explicit market wins
    anonymous = client.get(f"/v1/tracks/{blocked}", params={"market": "from_token"}).json()
    assert "is_playable" not in anonymous  # no token: no market
