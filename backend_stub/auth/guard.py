"""``require(scope)``: the dependency a protected route declares. It answers, in the
error envelope and with RFC 6750's ``WWW-Authenticate``:

- 401 (no ``error``) when there is no bearer token,
- 401 ``invalid_token`` when it is malformed, forged or expired,
- 403 ``insufficient_scope`` when it lacks the scope.

A token whose user has been erased (``DELETE /v1/me``) is ``invalid_token`` too.

It also puts the OAuth 2 scheme and the scope into the OpenAPI document; routes add
``AUTH_RESPONSES`` to their ``responses``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import OAuth2AuthorizationCodeBearer, SecurityScopes

from backend_stub.auth.scopes import SCOPES
from backend_stub.auth.state import auth_state
from backend_stub.auth.tokens import InvalidToken, decode_access
from backend_stub.errors import ApiError

REALM = "encore"

bearer = OAuth2AuthorizationCodeBearer(
    authorizationUrl="/authorize",
    tokenUrl="/token",
    refreshUrl="/token",
    scopes=SCOPES,
    scheme_name="oauth2",
    auto_error=False,
)


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a valid access token speaks for."""

    user_id: str
    scopes: frozenset[str]
    client_id: str
    token_id: str


def _challenge(error: str | None = None, description: str = "", scope: str = "") -> str:
    parts = [f'realm="{REALM}"']
    if error:
        parts.append(f'error="{error}"')
    if description:
        parts.append(f'error_description="{description}"')
    if scope:
        parts.append(f'scope="{scope}"')
    return "Bearer " + ", ".join(parts)


def _verified(
    request: Request,
    security_scopes: SecurityScopes,
    token: Annotated[str | None, Depends(bearer)],
) -> Principal:
    """The principal of a valid token with the scopes, whether or not its user exists."""
    if not token:
        raise ApiError(
            401,
            "an access token is required (Authorization: Bearer)",
            "missing_token",
            {"WWW-Authenticate": _challenge()},
        )
    state = auth_state(request)
    try:
        claims = decode_access(state.secret, token, state.clock())
    except InvalidToken as exc:
        raise ApiError(
            401,
            f"invalid access token: {exc}",
            "invalid_token",
            {"WWW-Authenticate": _challenge("invalid_token", "the access token is invalid")},
        ) from None
    granted = frozenset(claims.scope.split())
    missing = [s for s in security_scopes.scopes if s not in granted]
    if missing:
        needed = " ".join(security_scopes.scopes)
        raise ApiError(
            403,
            f"the access token lacks the scope {' '.join(missing)}",
            "insufficient_scope",
            {"WWW-Authenticate": _challenge("insufficient_scope", scope=needed)},
        )
    return Principal(claims.sub, granted, claims.client_id, claims.jti)


def _principal(
    request: Request,
    security_scopes: SecurityScopes,
    token: Annotated[str | None, Depends(bearer)],
) -> Principal:
    """``_verified``, for a user who still exists: an erased user's unexpired access
    tokens stop working at once."""
    principal = _verified(request, security_scopes, token)
    with request.app.state.db.connect() as conn:
        found = conn.scalar("SELECT COUNT(*) FROM users WHERE id = :id", {"id": principal.user_id})
    if not found:
        raise ApiError(
            401,
            "the token's user no longer exists",
            "invalid_token",
            {"WWW-Authenticate": _challenge("invalid_token", "the user no longer exists")},
        )
    return principal


def token_user_id(request: Request) -> str | None:
    """The user a valid bearer token on ``request`` speaks for, else ``None``: for answers
    personalised when they can be (the market) that need no token."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    state = auth_state(request)
    try:
        return decode_access(state.secret, token.strip(), state.clock()).sub
    except InvalidToken:
        return None


def require(*scopes: str, erased_ok: bool = False) -> Any:
    """A dependency giving the ``Principal`` of a valid token carrying every one of
    ``scopes``: ``user: Annotated[Principal, require("user-read-private")]``. Its user must
    still exist, unless ``erased_ok`` (for a repeated ``DELETE /v1/me``)."""
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown:
        raise ValueError(f"unknown scopes {unknown}")
    return Security(_verified if erased_ok else _principal, scopes=list(scopes))
