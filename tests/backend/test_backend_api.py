"""The catalogue API on both databases: Spotify shapes, paging, licensing by market, and
one error envelope for every error."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend_stub import demo
from tests.backend.helpers import assert_error, find_artist, find_track


def test_a_track_is_spotify_shaped(client: TestClient) -> None:
    track = find_track(client, "Café noir")
    body = client.get(f"/v1/tracks/{track['id']}").json()
    assert body["type"] == "track"
    assert body["uri"] == f"encore:track:{track['id']}"
    assert body["href"] == f"http://testserver/v1/tracks/{track['id']}"
    assert [a["name"] for a in body["artists"]] == ["Los Hermanos Muñoz", "Renée Beaumont"]
    assert body["album"]["name"] == "Señales del sur"
    assert body["album"]["type"] == "album"
    assert body["available_markets"] == sorted(demo.WORLD)
    assert 7500 <= body["duration_ms"] <= 8500
    assert body["track_number"] == 2
    # Without a market there is no verdict on playability (as on Spotify).
    assert "is_playable" not in body and "restrictions" not in body
    assert [s["bitrate_kbps"] for s in body["streams"]["progressive"]] == [64, 128, 256]


def test_market_gives_is_playable_and_restrictions(client: TestClient) -> None:
    track = find_track(client, "Eisenfaust")  # licensed everywhere but Germany
    assert "DE" not in track["available_markets"]
    blocked = client.get(f"/v1/tracks/{track['id']}", params={"market": "de"}).json()
    assert blocked["is_playable"] is False
    assert blocked["restrictions"] == {"reason": "market"}
    assert blocked["streams"]["hls"].endswith("?market=DE")
    allowed = client.get(f"/v1/tracks/{track['id']}", params={"market": "SE"}).json()
    assert allowed["is_playable"] is True
    assert "restrictions" not in allowed


def test_several_tracks_keep_order_and_null_for_unknown(client: TestClient) -> None:
    first, second = find_track(client, "Nattljus"), find_track(client, "Jökulsá")
    unknown = "0" * 22
    body = client.get("/v1/tracks", params={"ids": f"{second['id']},{unknown},{first['id']}"})
    assert [t and t["name"] for t in body.json()["tracks"]] == ["Jökulsá", None, "Nattljus"]


def test_album_tracks_page_with_links(client: TestClient) -> None:
    album_id = find_track(client, "Nattljus")["album"]["id"]
    album = client.get(f"/v1/albums/{album_id}").json()
    assert album["total_tracks"] == 3 and album["tracks"]["total"] == 3
    assert [t["track_number"] for t in album["tracks"]["items"]] == [1, 2, 3]
    page = client.get(f"/v1/albums/{album_id}/tracks", params={"limit": 1, "offset": 1}).json()
    assert set(page) == {"href", "items", "limit", "next", "offset", "previous", "total"}
    assert [t["name"] for t in page["items"]] == ["Fjärran stad"]
    assert (page["limit"], page["offset"], page["total"]) == (1, 1, 3)
    following = client.get(page["next"]).json()
    assert [t["name"] for t in following["items"]] == ["Kärlek på distans"]
    assert following["next"] is None
    first = client.get(page["previous"]).json()
    assert first["previous"] is None and first["items"][0]["name"] == "Nattljus"


def test_album_markets_are_the_union_of_its_tracks(client: TestClient) -> None:
    album_id = find_track(client, "Corazón de neón")["album"]["id"]
    album = client.get(f"/v1/albums/{album_id}", params={"market": "VN"}).json()
    assert album["available_markets"] == sorted(demo.WORLD)
    playable = {t["name"]: t["is_playable"] for t in album["tracks"]["items"]}
    assert playable == {"Corazón de neón": False, "Café noir": True, "Mañana será": True}


def test_artist_albums_and_top_tracks(client: TestClient) -> None:
    artist = find_artist(client, "Zoë Ångström")
    body = client.get(f"/v1/artists/{artist['id']}").json()
    assert body["genres"] == ["synth-pop", "swedish pop"] and body["type"] == "artist"
    albums = client.get(f"/v1/artists/{artist['id']}/albums").json()
    assert [a["name"] for a in albums["items"]] == ["Nattljus"]
    nordic = client.get(f"/v1/artists/{artist['id']}/top-tracks", params={"market": "NO"}).json()
    assert [t["name"] for t in nordic["tracks"]] == [
        "Nattljus",
        "Fjärran stad",
        "Kärlek på distans",
    ]
    # "Kärlek på distans" is licensed in the Nordics only.
    us = client.get(f"/v1/artists/{artist['id']}/top-tracks", params={"market": "US"}).json()
    assert [t["name"] for t in us["tracks"]] == ["Nattljus", "Fjärran stad"]


def test_new_releases_newest_first(client: TestClient) -> None:
    body = client.get("/v1/browse/new-releases", params={"limit": 2}).json()["albums"]
    assert body["total"] == len(demo.ALBUMS)
    assert [a["name"] for a in body["items"]] == ["Ça plane pour nous", "Mưa đêm"]
    assert body["next"] is not None and body["previous"] is None


def test_errors_share_one_envelope(client: TestClient) -> None:
    missing = assert_error(client.get(f"/v1/tracks/{'0' * 22}"), 404)
    assert "0" * 22 in missing["message"]
    assert_error(client.get(f"/v1/albums/{'0' * 22}"), 404)
    assert_error(client.get(f"/v1/artists/{'0' * 22}/albums"), 404)
    assert_error(client.get("/no/such/path"), 404)
    assert_error(client.get("/v1/tracks/not-an-id"), 422)
    assert_error(client.get("/v1/tracks", params={"ids": "x"}), 422)
    invalid_market = assert_error(client.get(f"/v1/tracks/{'0' * 22}?market=SWE"), 422)
    assert "market" in invalid_market["message"]
    assert_error(client.get("/v1/browse/new-releases", params={"limit": 0}), 422)
    not_allowed = client.delete("/v1/browse/new-releases")
    assert_error(not_allowed, 405)
    assert not_allowed.headers["allow"] == "GET"


def test_openapi_declares_the_error_envelope(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/v1/tracks/{id}"]["get"]
    for status in ("404", "422", "500"):
        schema = operation["responses"][status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorResponse"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]
