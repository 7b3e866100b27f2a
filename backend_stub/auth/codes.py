"""One-time authorization codes: bound to the client, the redirect URI, the PKCE
challenge and the user; valid for 60 s and for one exchange. Only their SHA-256 is stored.
A second exchange of a code revokes the refresh tokens the first one produced (RFC 6749
section 4.1.2)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from backend_stub.auth.tokens import revoke_family, secret_digest
from backend_stub.db import Connection
from backend_stub.errors import ApiError

CODE_SECONDS = 60


@dataclass(frozen=True, slots=True)
class Grant:
    user_id: str
    client_id: str
    redirect_uri: str
    code_challenge: str
    scope: str
    family_id: str


def issue(conn: Connection, grant: Grant, now: float) -> str:
    code = secrets.token_urlsafe(32)
    conn.execute(
        "INSERT INTO auth_codes (code_hash, user_id, client_id, redirect_uri, code_challenge,"
        " scope, family_id, expires_at) VALUES (:h, :user_id, :client_id, :redirect_uri,"
        " :code_challenge, :scope, :family_id, :expires)",
        {
            "h": secret_digest(code),
            "user_id": grant.user_id,
            "client_id": grant.client_id,
            "redirect_uri": grant.redirect_uri,
            "code_challenge": grant.code_challenge,
            "scope": grant.scope,
            "family_id": grant.family_id,
            "expires": int(now) + CODE_SECONDS,
        },
    )
    return code


def redeem(conn: Connection, code: str, now: float) -> Grant:
    """Use ``code`` up (whatever happens next) and return its grant; 400 ``invalid_grant``
    for an unknown, used or expired code. The caller checks client, URI and verifier."""
    h = secret_digest(code)
    claimed = conn.execute(
        "UPDATE auth_codes SET used_at = :now WHERE code_hash = :h AND used_at IS NULL",
        {"now": int(now), "h": h},
    )
    row = conn.one("SELECT * FROM auth_codes WHERE code_hash = :h", {"h": h})
    if row is None:
        raise ApiError(400, "unknown authorization code", "invalid_grant")
    if claimed != 1:
        revoke_family(conn, str(row["family_id"]), now)
        raise ApiError(400, "authorization code already used", "invalid_grant")
    if int(row["expires_at"]) <= now:
        raise ApiError(400, "authorization code expired", "invalid_grant")
    return Grant(
        str(row["user_id"]),
        str(row["client_id"]),
        str(row["redirect_uri"]),
        str(row["code_challenge"]),
        str(row["scope"]),
        str(row["family_id"]),
    )
