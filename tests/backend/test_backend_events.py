"""Listening events on both databases: 202 into the bounded queue, recently played with
its time cursors, 503 with Retry-After when the queue is full, and no accepted event lost
when the app stops."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend_stub.app import create_app
from backend_stub.db import Database
from tests.backend.conftest import Seeded, settings_for
from tests.backend.helpers import Listener, assert_error, find_track, new_listener

EVENTS = "/v1/me/player/events"
RECENT = "/v1/me/player/recently-played"


@pytest.fixture(scope="module")
def track_ids(client: TestClient) -> list[str]:
    return [find_track(client, n)["id"] for n in ("Nattljus", "Donnerschlag", "Jökulsá")]


def _at(minutes_ago: int) -> str:
    return (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()


def _history(client: TestClient, who: Listener, **params: Any) -> dict[str, Any]:
    answer = client.get(RECENT, params=params, headers=who.headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_posted_plays_appear_in_recently_played(client: TestClient, track_ids: list[str]) -> None:
    who = new_listener(client)
    one = client.post(EVENTS, json={"track_id": track_ids[0], "ms_played": 30_000},
                      headers=who.headers)  # fmt: skip
    assert one.status_code == 202 and one.json() == {"accepted": 1}
    playlist = "encore:playlist:" + "A" * 22
    batch = client.post(
        EVENTS,
        json={"events": [{"track_id": track_ids[1], "ms_played": 5_000, "context_uri": playlist},
                         {"track_id": track_ids[2], "ms_played": 12_000}]},
        headers=who.headers,
    )  # fmt: skip
    assert batch.status_code == 202 and batch.json() == {"accepted": 2}
    body = _history(client, who)
    names = [item["track"]["name"] for item in body["items"]]
    assert names == ["Jökulsá", "Donnerschlag", "Nattljus"]
    assert body["items"][1]["context"]["uri"] == playlist
    assert body["items"][0]["context"] is None
    assert body["items"][0]["track"]["is_playable"] is True  # the user's market, SE
    assert body["items"][0]["played_at"].endswith("Z") and body["next"] is None
    assert _history(client, new_listener(client))["items"] == []


def test_cursors_page_through_the_history(client: TestClient, track_ids: list[str]) -> None:
    who = new_listener(client)
    plays = [{"track_id": track_ids[i % 3], "ms_played": 1000, "played_at": _at(50 - i)}
             for i in range(5)]  # fmt: skip
    assert client.post(EVENTS, json={"events": plays}, headers=who.headers).status_code == 202
    first = _history(client, who, limit=2)
    seen = [item["played_at"] for item in first["items"]]
    page = first
    while page["next"]:
        page = client.get(page["next"], headers=who.headers).json()
        seen += [item["played_at"] for item in page["items"]]
    assert seen == sorted(seen, reverse=True) and len(seen) == len(set(seen)) == 5
    oldest = _history(client, who, limit=5)["cursors"]["before"]
    newer = _history(client, who, after=oldest, limit=2)
    assert len(newer["items"]) == 2 and newer["next"] and "after=" in newer["next"]
    assert newer["items"][-1]["played_at"] == seen[3]  # the two just after the oldest
    assert int(first["cursors"]["after"]) > int(first["cursors"]["before"])


def test_bad_events_and_cursors_are_refused(client: TestClient, track_ids: list[str]) -> None:
    who = new_listener(client)
    unknown = client.post(EVENTS, json={"track_id": "0" * 22, "ms_played": 1}, headers=who.headers)
    assert assert_error(unknown, 404)["reason"] == "unknown_track"
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    late = client.post(EVENTS, json={"track_id": track_ids[0], "ms_played": 1,
                                     "played_at": future}, headers=who.headers)  # fmt: skip
    assert "plausible" in assert_error(late, 400)["message"]
    many = {"events": [{"track_id": track_ids[0], "ms_played": 1}] * 51}
    assert_error(client.post(EVENTS, json=many, headers=who.headers), 422)
    assert_error(client.post(EVENTS, json={"track_id": track_ids[0], "ms_played": -1},
                             headers=who.headers), 422)  # fmt: skip
    both = client.get(RECENT, params={"before": 1, "after": 1}, headers=who.headers)
    assert_error(both, 400)
    assert_error(client.get(RECENT), 401)
    assert _history(client, who)["items"] == []  # nothing refused was recorded


def _count(url: str, user_id: str) -> int:
    db = Database(url)
    try:
        with db.connect() as conn:
            return int(conn.scalar("SELECT COUNT(*) FROM listening_events WHERE listener = :u",
                                   {"u": user_id}))  # fmt: skip
    finally:
        db.close()


def test_a_full_queue_answers_503_and_stopping_writes_every_accepted_event(
    seeded: Seeded, track_ids: list[str]
) -> None:
    # A queue of 3 whose writer would wait a minute for a batch of 100: only stopping
    # the app makes it write.
    settings = settings_for(seeded, event_queue_size=3, event_batch_size=100,
                            event_flush_seconds=60.0)  # fmt: skip
    with TestClient(create_app(settings)) as client:
        who = new_listener(client)
        play = {"track_id": track_ids[0], "ms_played": 20_000}
        for _ in range(3):
            assert client.post(EVENTS, json=play, headers=who.headers).status_code == 202
        full = client.post(EVENTS, json=play, headers=who.headers)
        assert assert_error(full, 503)["reason"] == "queue_full"
        assert int(full.headers["retry-after"]) >= 1
        metrics = client.get("/metrics").text
        assert re.search(r"^encore_listening_event_queue_depth 3\.0$", metrics, re.M)
        assert 'encore_listening_events_total{outcome="accepted"} 3.0' in metrics
        assert 'encore_listening_events_total{outcome="dropped"} 1.0' in metrics
        assert _count(seeded.url, who.id) == 0
    assert _count(seeded.url, who.id) == 3
