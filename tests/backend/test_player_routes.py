"""The routes serving the web player: the home page redirects to it, its files come with
a Content-Security-Policy, nothing outside its folder is served, and hls.js answers with
how to install it when it is missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backend_stub.app import create_app
from backend_stub.routes import player
from backend_stub.settings import Settings
from tests.support.checkers import require_tool


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("player-routes")
    return Settings.from_env(
        {},
        database_url=f"sqlite:///{folder / 'encore.db'}",
        media_root=folder / "media",
        project=Path("/nonexistent/encore.yaml"),
    )


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_the_home_page_is_the_player(client: TestClient) -> None:
    for path in ("/", "/player"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 307
        assert answer.headers["location"] == "/player/"
    for path in ("/player/", "/player/callback?code=x&state=y"):
        page = client.get(path)
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert '<script type="module" src="/player/js/main.js">' in page.text


def test_the_players_files_and_nothing_else(client: TestClient) -> None:
    script = client.get("/player/js/main.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert client.get("/player/player.css").headers["content-type"].startswith("text/css")
    for path in ("/player/js/nothing.js", "/player/../app.py", "/player/%2e%2e/app.py"):
        missing = client.get(path)
        assert missing.status_code == 404, path
        assert missing.json()["error"]["status"] == 404
    assert not any(p.startswith("/player") for p in client.get("/openapi.json").json()["paths"])


def test_hls_js_is_served_from_npm(client: TestClient, settings: Settings) -> None:
    installed = [path for path in player.hls_candidates(settings) if path.is_file()]
    require_tool("hls.js", bool(installed), "npm ci --prefix tools")
    answer = client.get("/player/vendor/hls.js")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/javascript")
    assert answer.content == installed[0].read_bytes()


def test_missing_hls_js_says_how_to_install_it(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(player, "hls_candidates", lambda settings: [tmp_path / "hls.min.js"])
    answer = client.get("/player/vendor/hls.js")
    assert answer.status_code == 404
    assert "npm ci --prefix tools" in answer.json()["error"]["message"]
