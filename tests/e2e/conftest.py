"""The end-to-end suite's world: one real uvicorn server per session on a free port, over
a SQLite database seeded from the backend tests' media (8-second tracks), serving the
design system built into a temporary folder; one headless Debian Chromium, a fresh
context per test. An uncaught error in any page fails the test.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from backend_stub.app import create_app
from backend_stub.auth import users
from backend_stub.db import Database
from backend_stub.migrate import migrate
from backend_stub.routes import player
from backend_stub.seed import seed
from backend_stub.settings import Settings
from encore.build import build
from encore.config import load_project
from tests.backend.conftest import TEST_TRACK_SECONDS, media_root  # noqa: F401 (a fixture)
from tests.conftest import REPO
from tests.support.browser import chromium_browser
from tests.support.checkers import require_tool

LEAVER = users.NewUser("leaver", "leaver-password", "Leaving Listener", "SE")
STARTUP_SECONDS = 30


@dataclass(frozen=True)
class Server:
    url: str
    design: Path  # the build output it serves under /design/
    database_url: str


@pytest.fixture(scope="session")
def design_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``encore build``'s web output for the bundled design system."""
    folder = tmp_path_factory.mktemp("design")
    result = build(load_project(REPO / "encore.yaml"), write=False)
    for name, data in result.outputs["web"].items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


@pytest.fixture(scope="session")
def e2e_database(media_root: Path, tmp_path_factory: pytest.TempPathFactory) -> str:  # noqa: F811
    """A database of its own (the suite changes playlists and deletes an account), seeded
    with the demo catalogue, the demo users and one user who deletes their account."""
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'encore.db'}"
    db = Database(url)
    try:
        migrate(db)
        seed(db, media_root, duration_s=TEST_TRACK_SECONDS)
        with db.connect() as conn:
            users.create(conn, LEAVER)
    finally:
        db.close()
    return url


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="session")
def server(e2e_database: str, media_root: Path, design_dir: Path) -> Iterator[Server]:  # noqa: F811
    """The backend under uvicorn in a thread, for the whole session."""
    import uvicorn

    settings = Settings.from_env(
        {},
        database_url=e2e_database,
        media_root=media_root,
        project=Path("/nonexistent/encore.yaml"),
        design_dir=design_dir,
    )
    config = uvicorn.Config(create_app(settings), log_level="warning", lifespan="on")
    runner = uvicorn.Server(config)
    sock = _free_socket()
    thread = threading.Thread(target=runner.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not runner.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the backend did not start", pytrace=False)
        time.sleep(0.05)
    port = sock.getsockname()[1]
    try:
        yield Server(f"http://127.0.0.1:{port}", design_dir, e2e_database)
    finally:
        runner.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def hls_js() -> None:
    """hls.js from npm is installed, as the HLS tests need (skip locally, fail in CI)."""
    settings = Settings.from_env({}, project=Path("/nonexistent/encore.yaml"))
    found = any(path.is_file() for path in player.hls_candidates(settings))
    require_tool("hls.js", found, "npm ci --prefix tools")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per test module (about 0.4 s to start), closed after it: Playwright's
    sync driver keeps an event loop running in this thread while it is open, which tests
    after this folder (each starting its own driver) would otherwise find and refuse."""
    with chromium_browser() as found:
        yield found


@pytest.fixture
def new_page(browser: Any, server: Server) -> Iterator[Any]:
    """Open pages in fresh browser contexts (each its own session storage); every page's
    uncaught errors fail the test."""
    contexts: list[Any] = []
    errors: list[str] = []

    def make() -> Any:
        context = browser.new_context(base_url=server.url)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert errors == [], errors


@pytest.fixture
def page(new_page: Any) -> Any:
    return new_page()
