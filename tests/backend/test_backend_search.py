"""Search on both databases (FTS5 on SQLite, tsvector on PostgreSQL): accents and case
folded, prefixes, bm25/ts_rank order, and the typo fallback with its did_you_mean."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.backend.helpers import assert_error


def _search(client: TestClient, q: str, kinds: str = "track,artist,album") -> dict[str, Any]:
    response = client.get("/v1/search", params={"q": q, "type": kinds})
    assert response.status_code == 200, response.text
    return dict(response.json())


def _names(body: dict[str, Any], kind: str) -> list[str]:
    return [item["name"] for item in body[kind]["items"]]


def test_accents_and_case_do_not_matter(client: TestClient) -> None:
    for query in ("zoe angstrom", "ZOË ÅNGSTRÖM", "Zoë Ångström"):
        body = _search(client, query, "artist")
        assert _names(body, "artists") == ["Zoë Ångström"]
        assert body["did_you_mean"] is None
    assert _names(_search(client, "sigrun thorsdottir", "artist"), "artists") == [
        "Sigrún Þórsdóttir"
    ]
    assert _names(_search(client, "mua dem", "track"), "tracks") == ["Mưa đêm"]


def test_prefixes_match(client: TestClient) -> None:
    assert _names(_search(client, "angs", "artist"), "artists") == ["Zoë Ångström"]
    assert _names(_search(client, "kar", "track"), "tracks") == ["Kärlek på distans"]


def test_tracks_are_found_by_artist_name_title_first(client: TestClient) -> None:
    body = _search(client, "nattljus", "track,album")
    # The title match ranks above nothing else; the album matches too.
    assert _names(body, "tracks")[0] == "Nattljus"
    assert _names(body, "albums") == ["Nattljus"]
    by_artist = _search(client, "hermanos", "track")
    assert sorted(_names(by_artist, "tracks")) == ["Café noir", "Corazón de neón", "Mañana será"]
    assert by_artist["tracks"]["total"] == 3


def test_a_typo_finds_the_name_and_says_so(client: TestClient) -> None:
    body = _search(client, "drohnhamer")
    assert body["did_you_mean"] == "Dröhnhammer"
    assert _names(body, "artists") == ["Dröhnhammer"]
    assert sorted(_names(body, "tracks")) == ["Donnerschlag", "Eisenfaust"]
    body = _search(client, "kafe noir", "track")
    assert body["did_you_mean"] == "Café noir"
    assert _names(body, "tracks") == ["Café noir"]
    body = _search(client, "renee bomont", "artist")
    assert body["did_you_mean"] == "Renée Beaumont"


def test_nothing_near_finds_nothing(client: TestClient) -> None:
    body = _search(client, "xqzvw")
    assert body["did_you_mean"] is None
    assert body["tracks"]["total"] == body["artists"]["total"] == body["albums"]["total"] == 0


def test_only_requested_kinds_and_paging(client: TestClient) -> None:
    body = _search(client, "hermanos", "track")
    assert set(body) == {"tracks", "did_you_mean"}
    page = client.get("/v1/search", params={"q": "hermanos", "type": "track", "limit": 2}).json()
    assert len(page["tracks"]["items"]) == 2 and page["tracks"]["next"] is not None
    rest = client.get(page["tracks"]["next"]).json()
    assert len(rest["tracks"]["items"]) == 1
    everything = {t["id"] for t in page["tracks"]["items"] + rest["tracks"]["items"]}
    assert len(everything) == 3


def test_search_results_carry_playability(client: TestClient) -> None:
    body = client.get("/v1/search", params={"q": "corazon", "type": "track", "market": "SE"})
    (track,) = body.json()["tracks"]["items"]
    assert track["is_playable"] is False and track["restrictions"] == {"reason": "market"}


def test_bad_search_requests(client: TestClient) -> None:
    assert_error(client.get("/v1/search", params={"q": "x", "type": "playlist"}), 422)
    assert_error(client.get("/v1/search", params={"q": ""}), 422)
    assert_error(client.get("/v1/search"), 422)
    # Query syntax of FTS5 or tsquery is just text here.
    for hostile in ('"', "a OR b", "x:* & !y", "NEAR(a b)", "'; DROP TABLE tracks; --", "*"):
        assert client.get("/v1/search", params={"q": hostile}).status_code == 200
