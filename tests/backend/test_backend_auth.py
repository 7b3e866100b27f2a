"""Auth on both databases: the authorization code flow with PKCE, refresh rotation, the
password grant, access-token checks by ``require(scope)`` (missing, expired, forged,
wrongly scoped), login rate limiting and argon2id password hashes."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from fastapi.testclient import TestClient

from backend_stub.app import create_app
from backend_stub.auth.pkce import challenge_for
from backend_stub.auth.tokens import issue_access
from tests.backend.conftest import Seeded, settings_for
from tests.backend.helpers import assert_error

CLIENT = "encore-web"
REDIRECT = "http://127.0.0.1:8000/callback"


class Clock:
    """A wall clock the test can move."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@pytest.fixture()
def auth(seeded: Seeded) -> Iterator[tuple[TestClient, Clock]]:
    app = create_app(settings_for(seeded))
    clock = Clock()
    app.state.auth.clock = clock
    with TestClient(app, follow_redirects=False) as client:
        yield client, clock


def _verifier() -> str:
    return secrets.token_urlsafe(48)


def _authorize(client: TestClient, verifier: str, **extra: str) -> str:
    """Log in as the demo user through the form; the code the redirect carries."""
    params = {
        "response_type": "code",
        "client_id": CLIENT,
        "redirect_uri": REDIRECT,
        "code_challenge": challenge_for(verifier),
        "code_challenge_method": "S256",
        "scope": "user-read-private streaming",
        "state": "xyz-123",
        **extra,
    }
    page = client.get("/authorize", params=params)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert 'action="/authorize"' in page.text and 'value="xyz-123"' in page.text
    answer = client.post(
        "/authorize", data={**params, "username": "demo", "password": "demo-password"}
    )
    assert answer.status_code == 303, answer.text
    location = urlsplit(answer.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["xyz-123"]
    return query["code"][0]


def _exchange(client: TestClient, code: str, verifier: str) -> Any:
    return client.post(
        "/token",
        data={
            "grant_type": "authorization_code",
            "client_id": CLIENT,
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
    )


def _password(client: TestClient, username: str = "demo", password: str = "demo-password",
              **extra: str) -> Any:  # fmt: skip
    return client.post(
        "/token",
        data={
            "grant_type": "password",
            "client_id": CLIENT,
            "username": username,
            "password": password,
            **extra,
        },
    )


def _me(client: TestClient, token: str) -> Any:
    return client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})


def test_pkce_matches_rfc_7636_appendix_b() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert challenge_for(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    digest = hashlib.sha256(verifier.encode()).digest()
    assert base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == challenge_for(verifier)


def test_authorization_code_with_pkce_reaches_me(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    verifier = _verifier()
    answer = _exchange(client, _authorize(client, verifier), verifier)
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "no-store"
    tokens = answer.json()
    assert tokens["token_type"] == "Bearer"
    assert tokens["scope"] == "streaming user-read-private"
    assert 0 < tokens["expires_in"] <= 3600
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    assert {"sub", "scope", "exp", "iat", "jti"} <= set(claims)
    assert jwt.get_unverified_header(tokens["access_token"])["alg"] == "HS256"
    me = _me(client, tokens["access_token"])
    assert me.status_code == 200, me.text
    body = me.json()
    assert body["id"] == claims["sub"]
    assert body["display_name"] == "Demo Listener"
    assert body["country"] == "SE"
    assert body["product"] == "premium"
    assert body["type"] == "user" and body["uri"] == f"encore:user:{body['id']}"


def test_a_wrong_verifier_is_refused(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    code = _authorize(client, _verifier())
    error = assert_error(_exchange(client, code, _verifier()), 400)
    assert error["reason"] == "invalid_grant"


def test_a_code_works_once(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    verifier = _verifier()
    code = _authorize(client, verifier)
    first = _exchange(client, code, verifier)
    assert first.status_code == 200
    again = assert_error(_exchange(client, code, verifier), 400)
    assert again["reason"] == "invalid_grant"
    # Reuse revokes what the first exchange issued.
    refreshed = client.post(
        "/token",
        data={
            "grant_type": "refresh_token",
            "client_id": CLIENT,
            "refresh_token": first.json()["refresh_token"],
        },
    )
    assert assert_error(refreshed, 400)["reason"] == "invalid_grant"


def test_a_code_expires_after_60_seconds(auth: tuple[TestClient, Clock]) -> None:
    client, clock = auth
    verifier = _verifier()
    code = _authorize(client, verifier)
    clock.offset = 61
    error = assert_error(_exchange(client, code, verifier), 400)
    assert error["reason"] == "invalid_grant" and "expired" in error["message"]


def test_a_code_is_bound_to_its_redirect_uri(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    verifier = _verifier()
    code = _authorize(client, verifier)
    answer = client.post(
        "/token",
        data={
            "grant_type": "authorization_code",
            "client_id": CLIENT,
            "code": code,
            "redirect_uri": "http://localhost:8000/callback",
            "code_verifier": verifier,
        },
    )
    assert assert_error(answer, 400)["reason"] == "invalid_grant"


def test_authorize_refuses_plain_pkce_and_unregistered_redirects(
    auth: tuple[TestClient, Clock],
) -> None:
    client, _ = auth
    base = {
        "response_type": "code",
        "client_id": CLIENT,
        "redirect_uri": REDIRECT,
        "code_challenge": challenge_for(_verifier()),
        "state": "s",
    }
    plain = client.get("/authorize", params={**base, "code_challenge_method": "plain"})
    assert_error(plain, 422)
    scope = client.get(
        "/authorize", params={**base, "code_challenge_method": "S256", "scope": "everything"}
    )
    assert scope.status_code == 302
    query = parse_qs(urlsplit(scope.headers["location"]).query)
    assert query["error"] == ["invalid_scope"] and query["state"] == ["s"]
    evil = {**base, "code_challenge_method": "S256", "redirect_uri": "http://evil.example/cb"}
    assert_error(client.get("/authorize", params=evil), 422)
    # The form post is checked again: never a redirect to an unregistered URI.
    login = {"username": "demo", "password": "demo-password"}
    evil_post = client.post("/authorize", data={**evil, **login})
    assert assert_error(evil_post, 400)["reason"] == "invalid_request"
    plain_post = client.post("/authorize", data={**base, "code_challenge_method": "plain", **login})
    assert assert_error(plain_post, 400)["reason"] == "invalid_request"
    unknown = client.get(
        "/authorize", params={**base, "code_challenge_method": "S256", "client_id": "nobody"}
    )
    assert assert_error(unknown, 400)["reason"] == "invalid_client"


def test_refresh_tokens_rotate(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    first = _password(client).json()

    def refresh(token: str) -> Any:
        return client.post(
            "/token",
            data={"grant_type": "refresh_token", "client_id": CLIENT, "refresh_token": token},
        )

    second = refresh(first["refresh_token"])
    assert second.status_code == 200, second.text
    assert second.json()["refresh_token"] != first["refresh_token"]
    assert _me(client, second.json()["access_token"]).status_code == 200
    # The spent token is refused, and presenting it revokes its successor too.
    assert assert_error(refresh(first["refresh_token"]), 400)["reason"] == "invalid_grant"
    assert assert_error(refresh(second.json()["refresh_token"]), 400)["reason"] == "invalid_grant"


def test_the_password_grant(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    answer = _password(client)
    assert answer.status_code == 200, answer.text
    assert answer.json()["scope"] == "user-read-private"
    assert _me(client, answer.json()["access_token"]).json()["country"] == "SE"
    wrong = assert_error(_password(client, password="nope"), 400)
    assert wrong["reason"] == "invalid_grant"
    nobody = assert_error(_password(client, username="nobody"), 400)
    assert nobody["message"] == wrong["message"]  # no hint of which usernames exist
    # A listener may not ask for an artist's scope; the artist may.
    assert assert_error(_password(client, scope="artist-upload"), 400)["reason"] == "invalid_scope"
    artist = _password(client, "artist", "artist-password", scope="artist-upload")
    assert artist.status_code == 200, artist.text


def test_a_missing_token_is_401(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    answer = client.get("/v1/me")
    assert assert_error(answer, 401)["reason"] == "missing_token"
    assert answer.headers["www-authenticate"].startswith("Bearer")
    basic = client.get("/v1/me", headers={"Authorization": "Basic ZGVtbzpkZW1v"})
    assert assert_error(basic, 401)["reason"] == "missing_token"


def test_an_expired_or_forged_token_is_401(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    state = client.app.state.auth  # type: ignore[attr-defined]
    sub = _me(client, _password(client).json()["access_token"]).json()["id"]
    expired = issue_access(
        state.secret, sub=sub, scope="user-read-private", client_id=CLIENT,
        now=time.time() - 3600, seconds=60,
    )  # fmt: skip
    answer = _me(client, expired)
    assert assert_error(answer, 401)["reason"] == "invalid_token"
    assert 'error="invalid_token"' in answer.headers["www-authenticate"]
    forged = issue_access(
        "x" * 32, sub=sub, scope="user-read-private", client_id=CLIENT, now=time.time(),
        seconds=60,
    )  # fmt: skip
    assert assert_error(_me(client, forged), 401)["reason"] == "invalid_token"
    assert assert_error(_me(client, "not.a.jwt"), 401)["reason"] == "invalid_token"
    unsigned = jwt.encode({"sub": sub, "scope": "user-read-private"}, None, algorithm="none")
    assert assert_error(_me(client, unsigned), 401)["reason"] == "invalid_token"


def test_a_wrongly_scoped_token_is_403(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    token = _password(client, scope="streaming").json()["access_token"]
    answer = _me(client, token)
    assert assert_error(answer, 403)["reason"] == "insufficient_scope"
    assert 'error="insufficient_scope"' in answer.headers["www-authenticate"]
    assert 'scope="user-read-private"' in answer.headers["www-authenticate"]


def test_failed_logins_are_rate_limited(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    for _ in range(5):
        assert _password(client, "demo-de", "wrong").status_code == 400
    limited = _password(client, "demo-de", "demo-password")  # even the right password
    assert assert_error(limited, 429)["reason"] == "rate_limited"
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert _password(client, "demo").status_code == 200  # another username is not limited
    client.app.state.auth.limiter.clock = lambda: time.monotonic() + 61  # type: ignore[attr-defined]
    assert _password(client, "demo-de", "demo-password").status_code == 200


def test_passwords_are_stored_as_argon2id(auth: tuple[TestClient, Clock]) -> None:
    client, _ = auth
    with client.app.state.db.connect() as conn:  # type: ignore[attr-defined]
        rows = conn.all("SELECT username, password_hash FROM users ORDER BY username")
    assert [r["username"] for r in rows] == ["artist", "demo", "demo-de"]
    for row in rows:
        assert row["password_hash"].startswith("$argon2id$v=19$m=65536,t=3,p=4$")
        assert "password" not in row["password_hash"]
