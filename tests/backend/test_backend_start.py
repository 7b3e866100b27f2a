"""Starting the server for real: ``python -m backend_stub`` builds the design system,
migrates, seeds and listens; ``encore serve`` is the same command; the toolchain does not
import FastAPI."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.backend.conftest import TEST_TRACK_SECONDS, Seeded

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_the_toolchain_does_not_import_fastapi() -> None:
    code = (
        "import sys, encore.cli; "
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "[]"


def test_encore_serve_is_the_backend_command() -> None:
    for command in (
        [sys.executable, "cli.py", "serve", "--help"],
        [sys.executable, "-m", "backend_stub", "--help"],
    ):
        out = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=60)
        assert out.returncode == 0, out.stderr
        assert "--db" in out.stdout and "ENCORE_BACKEND_DATABASE_URL" in out.stdout


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled design system without its build output."""
    for name in ("encore.yaml", "tokens", "platforms", "local_systems", "governance"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / "project" / name)
        else:
            (tmp_path / "project").mkdir(exist_ok=True)
            shutil.copy(source, tmp_path / "project" / name)
    return tmp_path / "project"


def test_python_m_backend_stub_starts_from_nothing(
    tmp_path: Path, project: Path, sqlite_seeded: Seeded
) -> None:
    port = _free_port()
    db = tmp_path / "data" / "encore.db"
    env = {
        **os.environ,
        "ENCORE_BACKEND_PORT": str(port),
        "ENCORE_BACKEND_SEED_SECONDS": f"{TEST_TRACK_SECONDS:g}",
    }
    command = [
        sys.executable, "-m", "backend_stub", "--db", f"sqlite:///{db}",
        "--media", str(sqlite_seeded.media_root), "--project", str(project / "encore.yaml"),
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=tmp_path, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                status, _, body = _get(f"{base}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert status == 200
        health = json.loads(body)
        assert health["tracks"] == sqlite_seeded.report.tracks and health["database"] == "sqlite"
        assert db.is_file()
        # The design system was built into the project and is served.
        assert (project / "build" / "web" / "encore.css").is_file()
        status, headers, css = _get(f"{base}/design/encore.css")
        assert status == 200 and headers["content-type"].startswith("text/css")
        assert b"--encore-" in css
        status, headers, _ = _get(f"{base}/v1/search?q=angstrom")
        assert status == 200
        request_id = headers["x-request-id"]
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert f"[{request_id}] backend_stub.access: GET /v1/search 200" in errors
    assert "seeded 12 tracks (0 encoded now)" in errors
