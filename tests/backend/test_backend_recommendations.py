"""Recommendations on both databases: popular tracks of the user's market for a new
listener, "because you played X" from what others played together, the model rebuilt
only when stale, seed-track recommendations, and audio features measured at ingest."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend_stub.app import create_app
from backend_stub.media.features import analyse
from tests.backend.conftest import Seeded, settings_for
from tests.backend.helpers import Listener, assert_error, find_track, new_listener

MINE = "/v1/me/recommendations"
REBUILD_EVENTS = 5


@pytest.fixture(scope="module")
def app_client(seeded: Seeded) -> Iterator[TestClient]:
    settings = settings_for(seeded, recommend_rebuild_events=REBUILD_EVENTS)
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def pair(app_client: TestClient) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two tracks that three listeners played together."""
    first, second = (
        find_track(app_client, "Ça plane pour nous"),
        find_track(app_client, "Mañana será"),
    )
    for _ in range(3):
        who = new_listener(app_client)
        plays = [{"track_id": t["id"], "ms_played": 30_000} for t in (first, second)]
        answer = app_client.post(
            "/v1/me/player/events", json={"events": plays}, headers=who.headers
        )
        assert answer.status_code == 202
    app_client.app.state.events.flush()  # type: ignore[attr-defined]
    return first, second


def _play(client: TestClient, who: Listener, track_id: str) -> None:
    answer = client.post("/v1/me/player/events", json={"track_id": track_id, "ms_played": 30_000},
                         headers=who.headers)  # fmt: skip
    assert answer.status_code == 202


def test_a_new_listener_gets_popular_tracks_of_their_market(app_client: TestClient) -> None:
    german = new_listener(app_client, country="DE")
    answer = app_client.get(MINE, params={"limit": 50}, headers=german.headers)
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert items and all(item["reason"] == {"type": "popular"} for item in items)
    assert all("DE" in item["track"]["available_markets"] for item in items)
    assert "Eisenfaust" not in [item["track"]["name"] for item in items]  # not licensed in DE


def test_because_you_played_what_others_played_with_it(
    app_client: TestClient, pair: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    first, second = pair
    who = new_listener(app_client)
    _play(app_client, who, first["id"])
    items = app_client.get(MINE, headers=who.headers).json()["items"]
    top = items[0]
    assert top["track"]["id"] == second["id"]
    assert top["reason"]["type"] == "because_you_played"
    assert top["reason"]["seed"]["id"] == first["id"]
    assert first["id"] not in [item["track"]["id"] for item in items]  # not what they played


def test_the_model_is_rebuilt_only_when_stale(
    app_client: TestClient, pair: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    engine = app_client.app.state.recommender  # type: ignore[attr-defined]
    who = new_listener(app_client)
    app_client.get(MINE, headers=who.headers)
    builds = engine.builds
    app_client.get(MINE, headers=who.headers)
    assert engine.builds == builds  # nothing new: the same model
    for _ in range(REBUILD_EVENTS - 1):
        _play(app_client, who, pair[0]["id"])
    app_client.get(MINE, headers=who.headers)
    assert engine.builds == builds  # too few new events
    _play(app_client, who, pair[0]["id"])
    app_client.get(MINE, headers=who.headers)
    assert engine.builds == builds + 1


def test_recommendations_for_seed_tracks(
    app_client: TestClient, pair: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    first, second = pair
    answer = app_client.get("/v1/recommendations", params={"seed_tracks": first["id"]})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["tracks"][0]["id"] == second["id"]
    assert first["id"] not in [t["id"] for t in body["tracks"]]
    assert body["seeds"][0]["id"] == first["id"] and body["seeds"][0]["initialPoolSize"] >= 1
    unknown = app_client.get("/v1/recommendations", params={"seed_tracks": "0" * 22})
    assert assert_error(unknown, 404)["reason"] == "unknown_track"
    six = ",".join([first["id"]] * 6)
    assert_error(app_client.get("/v1/recommendations", params={"seed_tracks": six}), 422)


def test_audio_features_were_measured_at_ingest(app_client: TestClient) -> None:
    found = {}
    for name in ("Nattljus", "Eisenfaust"):
        answer = app_client.get(f"/v1/audio-features/{find_track(app_client, name)['id']}")
        assert answer.status_code == 200, answer.text
        found[name] = answer.json()
    for body in found.values():
        assert body["type"] == "audio_features" and -60 < body["loudness"] < 0
        assert 60 <= body["tempo"] <= 200 and body["spectral_centroid_hz"] > 100
        assert 7_000 <= body["duration_ms"] <= 9_000  # the 8-second test tracks
    assert found["Nattljus"]["spectral_centroid_hz"] != found["Eisenfaust"]["spectral_centroid_hz"]
    assert_error(app_client.get(f"/v1/audio-features/{'0' * 22}"), 404)


def _lavfi(tmp_path: Path, name: str, source: str) -> Path:
    path = tmp_path / f"{name}.wav"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source, path],
                   check=True)  # fmt: skip
    return path


def test_features_measure_what_they_say(tmp_path: Path) -> None:
    sine = analyse(_lavfi(tmp_path, "sine", "sine=frequency=1000:duration=4"))
    assert sine.spectral_centroid_hz == pytest.approx(1000, rel=0.05)
    assert sine.zero_crossing_rate == pytest.approx(2 * 1000 / 22_050, rel=0.05)
    assert sine.loudness_db == pytest.approx(-21.1, abs=0.5)  # amplitude 1/8: RMS -21 dBFS
    assert sine.onset_rate == 0 and sine.tempo_bpm == 0  # a steady tone has no beat
    clicks = "aevalsrc='if(lt(mod(t\\,0.5)\\,0.02)\\,sin(2*PI*2000*t)\\,0)':s=44100:d=8"
    beat = analyse(_lavfi(tmp_path, "clicks", clicks))
    assert beat.tempo_bpm == pytest.approx(120, abs=3)
    assert beat.onset_rate == pytest.approx(2, abs=0.3)
