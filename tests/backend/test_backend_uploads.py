"""Artist uploads on both databases: a sound file becomes a track that streams at once, a
truncated or silent one is rejected with its reason, only artists may upload, a job is
its uploader's alone, the size limit holds while streaming, and a restart or a stop never
loses a job. Each database here is fresh (users only), so the catalogue tests elsewhere
never see these uploads."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from backend_stub import userdata
from backend_stub.app import create_app
from backend_stub.auth import users
from backend_stub.db import Database
from backend_stub.jobs import store
from backend_stub.jobs.runner import JobRunner
from backend_stub.media import synth
from backend_stub.migrate import migrate
from tests.backend.conftest import postgres_schema, require, settings_for
from tests.backend.helpers import assert_error, bearer

MP3 = ("-c:a", "libmp3lame", "-b:a", "128k")
ARTIST = ("artist", "artist-password")
OTHER_ARTIST = ("artist2", "artist2-password")
WAIT_SECONDS = 60.0


@dataclass(frozen=True)
class Fresh:
    url: str
    media_root: Path


@contextmanager
def _fresh_database(dialect: str, folder: Path) -> Iterator[Fresh]:
    """A migrated database holding only the demo users and a second artist."""
    with ExitStack() as stack:
        if dialect == "sqlite":
            url = f"sqlite:///{folder / 'encore.db'}"
        else:
            url = stack.enter_context(postgres_schema("encore_uploads"))
        db = Database(url)
        try:
            migrate(db)
            users.seed_demo_users(db)
            with db.connect() as conn:
                users.create(
                    conn, users.NewUser(*OTHER_ARTIST, "Second Artist", "NO", role="artist")
                )
        finally:
            db.close()
        yield Fresh(url, folder / "media")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def dialect(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def fresh(dialect: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fresh]:
    """The database of the module's long-running app."""
    with _fresh_database(dialect, tmp_path_factory.mktemp(f"uploads-{dialect}")) as found:
        yield found


@pytest.fixture(scope="module")
def quiet(dialect: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fresh]:
    """A database no long-running app works on, for the tests that start and stop apps."""
    with _fresh_database(dialect, tmp_path_factory.mktemp(f"quiet-{dialect}")) as found:
        yield found


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("ffmpeg", shutil.which("ffmpeg") is not None, "apt-get install ffmpeg")
    folder = tmp_path_factory.mktemp("upload-sources")
    synth.tone(folder / "good.flac", seed=4, duration_s=2)
    synth.tone(folder / "whole.mp3", seed=5, duration_s=3, codec_args=MP3)
    synth.truncated(folder / "whole.mp3", folder / "truncated.mp3")
    synth.silence(folder / "silent.flac", duration_s=2)
    return folder


@pytest.fixture(scope="module")
def client(fresh: Fresh) -> Iterator[TestClient]:
    with TestClient(create_app(settings_for(fresh))) as test_client:
        yield test_client


def artist(client: TestClient, who: tuple[str, str] = ARTIST) -> dict[str, str]:
    return bearer(client, *who, "artist-upload streaming")


def post_upload(client: TestClient, headers: dict[str, str], path: Path, **fields: str) -> Any:
    data = {"title": path.stem.title(), "duration_ms": "2000", **fields}
    with path.open("rb") as handle:
        return client.post(
            "/v1/uploads", headers=headers, data=data, files={"file": (path.name, handle)}
        )


def submit(client: TestClient, headers: dict[str, str], path: Path, **fields: str) -> str:
    answer = post_upload(client, headers, path, **fields)
    assert answer.status_code == 202, answer.text
    job = answer.json()
    assert answer.headers["location"] == f"/v1/jobs/{job['id']}"
    assert job["type"] == "job" and job["state"] == "queued"
    return str(job["id"])


def finished(client: TestClient, headers: dict[str, str], job_id: str) -> dict[str, Any]:
    """The job once it has an outcome."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}", headers=headers).json()
        if job["state"] not in ("queued", "running"):
            return dict(job)
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish: {job}")


def test_a_good_upload_becomes_a_playable_track(client: TestClient, sources: Path) -> None:
    headers = artist(client)
    job = finished(client, headers, submit(client, headers, sources / "good.flac", title="Höst"))
    assert job["state"] == "succeeded", job
    assert "reason" not in job and "message" not in job
    track = job["track"]
    assert track["name"] == "Höst" and abs(track["duration_ms"] - 2000) < 100
    assert [a["name"] for a in track["artists"]] == ["Demo Artist"]
    assert track["album"]["album_type"] == "single"
    assert "SE" in track["available_markets"] and "ES" in track["available_markets"]

    master = client.get(track["streams"]["hls"])
    assert master.status_code == 200, master.text
    assert master.text.count("#EXT-X-STREAM-INF") == 3
    variant = client.get(f"/v1/tracks/{track['id']}/hls/128k/index.m3u8")
    assert variant.status_code == 200 and "seg_00000.m4s" in variant.text
    part = client.get(track["streams"]["progressive"][0]["url"], headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and len(part.content) == 100
    found = client.get("/v1/search", params={"q": "Höst", "type": "track"}).json()
    assert track["id"] in [t["id"] for t in found["tracks"]["items"]]
    measured = client.get(f"/v1/audio-features/{track['id']}")
    assert measured.status_code == 200, measured.text  # for recommendations


def test_tracks_uploaded_to_one_album_share_it(client: TestClient, sources: Path) -> None:
    headers = artist(client)
    ids = [
        submit(client, headers, sources / "good.flac", title=title, album_name="Demo EP")
        for title in ("First", "Second")
    ]
    tracks = [finished(client, headers, job_id)["track"] for job_id in ids]
    assert tracks[0]["album"]["id"] == tracks[1]["album"]["id"]
    assert tracks[0]["album"]["name"] == "Demo EP"
    assert sorted(t["track_number"] for t in tracks) == [1, 2]


@pytest.mark.parametrize(
    ("name", "reason"), [("truncated.mp3", "truncated"), ("silent.flac", "silent")]
)
def test_damaged_uploads_are_rejected_with_the_reason(
    client: TestClient, sources: Path, fresh: Fresh, name: str, reason: str
) -> None:
    headers = artist(client)
    job = finished(client, headers, submit(client, headers, sources / name, duration_ms="3000"))
    assert job["state"] == "rejected" and job["reason"] == reason, job
    assert job["message"] and str(fresh.media_root) not in job["message"]
    assert "track" not in job
    assert not list((fresh.media_root / "uploads").glob(f"{job['id']}.*"))  # source removed


def test_a_file_shorter_than_declared_is_truncated(client: TestClient, sources: Path) -> None:
    headers = artist(client)
    job_id = submit(client, headers, sources / "good.flac", duration_ms="10000")
    job = finished(client, headers, job_id)
    assert job["state"] == "rejected" and job["reason"] == "truncated"
    assert "declares 10.0 s" in job["message"]


def test_only_artists_may_upload(client: TestClient, sources: Path) -> None:
    listener = bearer(client, "demo", "demo-password", "streaming user-read-private")
    refused = assert_error(post_upload(client, listener, sources / "good.flac"), 403)
    assert refused["reason"] == "insufficient_scope"
    assert_error(post_upload(client, {}, sources / "good.flac"), 401)
    assert_error(client.get(f"/v1/jobs/{'0' * 22}", headers=listener), 403)


def test_bad_uploads_answer_clear_errors(client: TestClient, sources: Path, tmp_path: Path) -> None:
    headers = artist(client)
    as_json = client.post("/v1/uploads", headers=headers, json={"title": "x"})
    assert assert_error(as_json, 415)["reason"] == "unsupported_media_type"
    only_fields = client.post(
        "/v1/uploads",
        headers=headers,
        files={"title": (None, "x"), "duration_ms": (None, "3000")},
    )
    assert "file" in assert_error(only_fields, 422)["message"]
    no_title = post_upload(client, headers, sources / "good.flac", title="  ")
    assert "title" in assert_error(no_title, 422)["message"]
    bad_length = post_upload(client, headers, sources / "good.flac", duration_ms="long")
    assert "duration_ms" in assert_error(bad_length, 422)["message"]
    (tmp_path / "empty.flac").write_bytes(b"")
    assert (
        "empty"
        in assert_error(post_upload(client, headers, tmp_path / "empty.flac"), 422)["message"]
    )
    garbage = client.post(
        "/v1/uploads",
        headers={**headers, "Content-Type": "multipart/form-data; boundary=xyz"},
        content=b"this is not a multipart body",
    )
    assert assert_error(garbage, 400)["reason"] == "invalid_multipart"


def _multipart(size: int) -> tuple[bytes, str]:
    boundary = "encoreboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBig\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="duration_ms"\r\n\r\n3000\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.flac"\r\n'
        "Content-Type: audio/flac\r\n\r\n"
    ).encode()
    body = head + os.urandom(size) + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def test_the_size_limit_holds_while_streaming(quiet: Fresh) -> None:
    limit = 32 * 1024
    with TestClient(create_app(settings_for(quiet, upload_max_bytes=limit, upload_workers=0))) as c:
        headers = artist(c)
        body, kind = _multipart(limit * 4)
        declared = c.post("/v1/uploads", headers={**headers, "Content-Type": kind}, content=body)
        assert assert_error(declared, 413)["reason"] == "upload_too_large"
        pieces = (body[i : i + 8192] for i in range(0, len(body), 8192))
        chunked = c.post("/v1/uploads", headers={**headers, "Content-Type": kind}, content=pieces)
        assert assert_error(chunked, 413)["reason"] == "upload_too_large"
        small, kind = _multipart(limit // 2)
        accepted = c.post("/v1/uploads", headers={**headers, "Content-Type": kind}, content=small)
        assert accepted.status_code == 202, accepted.text
    left = sorted(p.name for p in (quiet.media_root / "uploads").iterdir())
    assert left == [f"{accepted.json()['id']}.flac"]  # nothing of the refused uploads
    _forget(quiet, accepted.json()["id"])


def _forget(where: Fresh, job_id: str) -> None:
    db = Database(where.url)
    try:
        with db.connect() as conn:
            conn.execute("DELETE FROM upload_jobs WHERE id = :id", {"id": job_id})
    finally:
        db.close()
    for path in (where.media_root / "uploads").glob(f"{job_id}.*"):
        path.unlink()


def _state(where: Fresh, job_id: str) -> str:
    db = Database(where.url)
    try:
        with db.connect() as conn:
            return str(conn.scalar("SELECT state FROM upload_jobs WHERE id = :id", {"id": job_id}))
    finally:
        db.close()


def test_a_restart_requeues_unfinished_jobs(quiet: Fresh, sources: Path) -> None:
    with TestClient(create_app(settings_for(quiet, upload_workers=0))) as web_only:
        headers = artist(web_only)
        queued = submit(web_only, headers, sources / "good.flac", title="Queued")
        crashed = submit(web_only, headers, sources / "good.flac", title="Crashed")
        assert web_only.get(f"/v1/jobs/{queued}", headers=headers).json()["state"] == "queued"
    db = Database(quiet.url)
    try:
        with db.connect() as conn:  # as if a worker had died in the middle of this job
            conn.execute(
                "UPDATE upload_jobs SET state = 'running', claim = 'gone' WHERE id = :id",
                {"id": crashed},
            )
    finally:
        db.close()
    with TestClient(create_app(settings_for(quiet, upload_workers=1))) as restarted:
        headers = artist(restarted)
        for job_id in (queued, crashed):
            assert finished(restarted, headers, job_id)["state"] == "succeeded"


def test_a_stop_never_leaves_a_job_running(quiet: Fresh, sources: Path) -> None:
    with TestClient(create_app(settings_for(quiet, upload_workers=1))) as first:
        job_id = submit(first, artist(first), sources / "good.flac", title="Stopped")
    assert _state(quiet, job_id) in ("queued", "succeeded")
    with TestClient(create_app(settings_for(quiet, upload_workers=1))) as second:
        assert finished(second, artist(second), job_id)["state"] == "succeeded"


def test_a_stop_requeues_a_job_that_does_not_finish_and_drops_its_late_outcome(
    quiet: Fresh,
) -> None:
    db = Database(quiet.url)
    started, release = threading.Event(), threading.Event()
    late: list[bool] = []

    def slow(job: store.JobRow) -> None:
        started.set()
        release.wait(WAIT_SECONDS)
        with db.connect() as conn:
            late.append(store.finish(conn, job, "failed", message="too late"))

    queued = store.NewJob(
        id=store.new_job_id(),
        user_id=users.user_id("artist"),
        title="Slow",
        album_name=None,
        duration_ms=2000,
        markets=("SE",),
        filename="slow.flac",
        source_path="uploads/slow.flac",
        source_bytes=1,
    )
    with db.connect() as conn:
        job = store.create(conn, queued)
    try:
        runner = JobRunner(db, slow, workers=1, poll_seconds=0.05)
        runner.start()
        runner.wake()
        assert started.wait(WAIT_SECONDS)
        assert runner.stop(0.05) == [job.id]  # still running when the stop gave up
        assert _state(quiet, job.id) == "queued"
        release.set()
        deadline = time.monotonic() + WAIT_SECONDS
        while not late and time.monotonic() < deadline:
            time.sleep(0.02)
        assert late == [False]  # the worker that was given up on records nothing
        assert _state(quiet, job.id) == "queued"
    finally:
        release.set()
        _forget(quiet, job.id)
        db.close()


def test_jobs_are_private_and_erasure_keeps_the_track(
    client: TestClient, sources: Path, fresh: Fresh
) -> None:
    mine = artist(client, OTHER_ARTIST)
    job = finished(client, mine, submit(client, mine, sources / "good.flac", title="Mine"))
    assert job["state"] == "succeeded"
    assert_error(client.get(f"/v1/jobs/{job['id']}", headers=artist(client)), 404)

    area = next(a for a in userdata.areas() if a.name == "uploads")
    uid = users.user_id(OTHER_ARTIST[0])
    db = Database(fresh.url)
    try:
        with db.connect() as conn:
            held = area.export(conn, uid)
            assert [j["title"] for j in held] == ["Mine"] and held[0]["track_id"]
            area.erase(conn, uid)
        with db.connect() as conn:
            assert area.export(conn, uid) == []
    finally:
        db.close()
    assert_error(client.get(f"/v1/jobs/{job['id']}", headers=mine), 404)
    assert client.get(f"/v1/tracks/{job['track']['id']}").status_code == 200


@pytest.fixture(scope="module")
def fuzzed(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[OpenApiSchema, dict[str, str]]]:
    """The upload operations' schema, against an app on SQLite (the contract does not
    depend on the database) that queues but runs no jobs, and an artist's token for it."""
    with _fresh_database("sqlite", tmp_path_factory.mktemp("uploads-fuzz")) as where:
        app = create_app(settings_for(where, upload_workers=0, upload_max_bytes=256 * 1024))
        with TestClient(app) as test_client:
            schema = schemathesis.openapi.from_asgi("/openapi.json", app)
            yield schema, artist(test_client)


fuzz = schemathesis.pytest.from_fixture("fuzzed_schema").include(path_regex=r"^/v1/(uploads|jobs/)")


@pytest.fixture(scope="module")
def fuzzed_schema(fuzzed: tuple[OpenApiSchema, dict[str, str]]) -> OpenApiSchema:
    return fuzzed[0]


@fuzz.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_uploads_keep_their_contract_with_a_token(
    case: schemathesis.Case, fuzzed: tuple[OpenApiSchema, dict[str, str]]
) -> None:
    # A multipart text field is text whatever it holds, so schemathesis's "wrong type"
    # mutations (an object where a string belongs) are not invalid on the wire.
    case.call_and_validate(
        headers=fuzzed[1], excluded_checks=[schemathesis.checks.negative_data_rejection]
    )
