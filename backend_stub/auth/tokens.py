"""Access tokens: HS256 JWTs (``typ: at+jwt``) with ``iss``, ``sub``, ``client_id``,
``scope``, ``iat``, ``exp`` and ``jti``, checked without the database. Refresh tokens:
opaque random strings stored as SHA-256; each use revokes the token and issues its
successor in the same family, and presenting a revoked one revokes the whole family
(a stolen token is then useless to both holders)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

import jwt

from backend_stub.db import Connection
from backend_stub.errors import ApiError

ISSUER = "encore-backend"
ALGORITHM = "HS256"
_REQUIRED = ["iss", "sub", "scope", "iat", "exp", "jti"]


@dataclass(frozen=True, slots=True)
class AccessClaims:
    sub: str
    scope: str
    client_id: str
    jti: str
    exp: int


class InvalidToken(Exception):
    """The token is malformed, forged, expired or not an access token."""


def issue_access(
    secret: str, *, sub: str, scope: str, client_id: str, now: float, seconds: int
) -> str:
    claims = {
        "iss": ISSUER,
        "sub": sub,
        "client_id": client_id,
        "scope": scope,
        "iat": int(now),
        "exp": int(now) + seconds,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM, headers={"typ": "at+jwt"})


def decode_access(secret: str, token: str, now: float, leeway: int = 5) -> AccessClaims:
    """The claims of a valid access token; ``InvalidToken`` otherwise. Expiry is checked
    against ``now`` (the app's clock) rather than PyJWT's."""
    try:
        if jwt.get_unverified_header(token).get("typ") != "at+jwt":
            raise InvalidToken("not an access token")
        claims: dict[str, Any] = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": _REQUIRED, "verify_exp": False, "verify_iat": False},
        )
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from exc
    exp, scope, sub = claims["exp"], claims["scope"], claims["sub"]
    if not isinstance(exp, int) or not isinstance(scope, str) or not isinstance(sub, str):
        raise InvalidToken("malformed claims")
    if exp + leeway <= now:
        raise InvalidToken("the access token has expired")
    return AccessClaims(sub, scope, str(claims.get("client_id", "")), str(claims["jti"]), exp)


def secret_digest(secret: str) -> str:
    """What is stored of a one-time secret (a refresh token, an authorisation code)."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class RefreshGrant:
    user_id: str
    client_id: str
    scope: str
    family_id: str


def new_family() -> str:
    return uuid.uuid4().hex


def issue_refresh(conn: Connection, grant: RefreshGrant, now: float, seconds: int) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(
        "INSERT INTO refresh_tokens (token_hash, family_id, user_id, client_id, scope,"
        " issued_at, expires_at) VALUES (:h, :family, :user, :client, :scope, :now, :exp)",
        {
            "h": secret_digest(token),
            "family": grant.family_id,
            "user": grant.user_id,
            "client": grant.client_id,
            "scope": grant.scope,
            "now": int(now),
            "exp": int(now) + seconds,
        },
    )
    return token


def revoke_family(conn: Connection, family_id: str, now: float) -> None:
    conn.execute(
        "UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :f AND revoked_at IS NULL",
        {"now": int(now), "f": family_id},
    )


def revoke_user(conn: Connection, user_id: str, now: float) -> int:
    """Revoke every refresh token of ``user_id`` (for ``DELETE /me`` and log-out)."""
    return conn.execute(
        "UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL",
        {"now": int(now), "u": user_id},
    )


def rotate(conn: Connection, token: str, client_id: str, now: float) -> RefreshGrant:
    """Spend ``token``; its grant, for the caller to issue the successor. 400
    ``invalid_grant`` for an unknown, expired, revoked (the family is then revoked) or
    another client's token."""
    h = secret_digest(token)
    claimed = conn.execute(
        "UPDATE refresh_tokens SET revoked_at = :now"
        " WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :now",
        {"now": int(now), "h": h},
    )
    row = conn.one("SELECT * FROM refresh_tokens WHERE token_hash = :h", {"h": h})
    if row is None:
        raise ApiError(400, "unknown refresh token", "invalid_grant")
    if claimed != 1:
        if row["revoked_at"] is not None:  # reuse: someone else may hold the successor
            revoke_family(conn, str(row["family_id"]), now)
        raise ApiError(400, "the refresh token is expired or revoked", "invalid_grant")
    if row["client_id"] != client_id:
        revoke_family(conn, str(row["family_id"]), now)
        raise ApiError(400, "the refresh token belongs to another client", "invalid_grant")
    return RefreshGrant(
        str(row["user_id"]), str(row["client_id"]), str(row["scope"]), str(row["family_id"])
    )
