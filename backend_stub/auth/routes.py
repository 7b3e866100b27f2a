"""The OAuth 2 endpoints and the current user.

- ``GET /authorize``: checks the client, redirect URI and PKCE parameters and shows a
  login form (username, password) that posts to ``POST /authorize``, which redirects to
  the client with a one-time ``code`` (60 s) bound to the challenge, client and URI.
- ``POST /token``: ``authorization_code`` (with ``code_verifier``), ``refresh_token``
  (rotated) and ``password`` (for the demo and the tests only).
- ``GET /v1/me``: the user's profile, for a token with ``user-read-private``.

Failures before the redirect URI is trusted, and every ``/token`` failure, answer in the
error envelope with the OAuth error code as ``reason``; later ``/authorize`` failures go
back to the client as ``?error=``. Failed logins are rate-limited per username and address.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from backend_stub.auth import codes, pkce, users
from backend_stub.auth.guard import Principal, require
from backend_stub.auth.passwords import hash_password, needs_rehash, verify_password
from backend_stub.auth.scopes import (
    CLIENTS,
    REDIRECT,
    SCOPES,
    client_for,
    granted_scope,
    redirect_allowed,
)
from backend_stub.auth.state import AuthState, auth_state
from backend_stub.auth.tokens import (
    RefreshGrant,
    issue_access,
    issue_refresh,
    new_family,
    rotate,
)
from backend_stub.db import Connection, Database, Row
from backend_stub.errors import ApiError, error_responses
from backend_stub.ids import uri
from backend_stub.schemas import PrivateUser, TokenResponse

router = APIRouter(tags=["auth"])
T = TypeVar("T")
_FORM_LIMIT = 16 * 1024
CHALLENGE = r"^[A-Za-z0-9_-]{43}$"
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
_FORM_HEADERS = {
    **_NO_STORE,
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; form-action 'self';"
    " frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
}


def _string(description: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **extra}


_CLIENT_IDS = sorted(CLIENTS)
_AUTHORIZE_FIELDS = {
    "response_type": _string("`code`.", enum=["code"]),
    "client_id": _string("A registered client (the demo's: `encore-web`).", enum=_CLIENT_IDS),
    "redirect_uri": _string("One of the client's registered redirect URIs.", pattern=REDIRECT),
    "code_challenge": _string("BASE64URL(SHA-256(code_verifier)).", pattern=CHALLENGE),
    "code_challenge_method": _string("`S256` (the only method accepted).", enum=["S256"]),
    "scope": _string("Space-separated scopes (default `user-read-private`)."),
    "state": _string("Returned unchanged with the code."),
}
_LOGIN_FORM = {
    "type": "object",
    "required": ["username", "password", *list(_AUTHORIZE_FIELDS)[:5]],
    "properties": {
        **_AUTHORIZE_FIELDS,
        "username": _string("The user's name."),
        "password": _string("The user's password."),
    },
}
_TOKEN_FORM = {
    "type": "object",
    "required": ["grant_type", "client_id"],
    "properties": {
        "grant_type": _string("", enum=["authorization_code", "refresh_token", "password"]),
        "client_id": _string("A registered client (the demo's: `encore-web`).", enum=_CLIENT_IDS),
        "code": _string("authorization_code: the code from `/authorize`."),
        "redirect_uri": _string("authorization_code: the same URI given to `/authorize`."),
        "code_verifier": _string("authorization_code: the PKCE verifier (43 to 128 chars)."),
        "refresh_token": _string("refresh_token: the refresh token (spent by this call)."),
        "username": _string("password (demo and tests only): the user's name."),
        "password": _string("password (demo and tests only): the user's password."),
        "scope": _string("password and refresh_token: space-separated scopes."),
    },
}


_KNOWN = frozenset(_LOGIN_FORM["properties"]) | frozenset(_TOKEN_FORM["properties"])


def _form_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/x-www-form-urlencoded": {"schema": schema}},
        }
    }


def _redirect_doc(status: int, description: str) -> dict[int | str, dict[str, Any]]:
    return {
        status: {
            "description": description,
            "headers": {"Location": {"schema": {"type": "string"}}},
        }
    }


async def form_fields(request: Request) -> dict[str, str]:
    """The ``application/x-www-form-urlencoded`` body: the known parameters, each at most
    once (RFC 6749 section 3.1); unknown ones are ignored."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise ApiError(
            400, "send the parameters as application/x-www-form-urlencoded", "invalid_request"
        )
    body = await request.body()
    if len(body) > _FORM_LIMIT:
        raise ApiError(400, "the form is too large", "invalid_request")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "the form is not valid UTF-8", "invalid_request") from None
    fields: dict[str, str] = {}
    for key, value in pairs:
        if key not in _KNOWN:
            continue
        if key in fields:
            raise ApiError(400, f"{key} is given more than once", "invalid_request")
        fields[key] = value
    return fields


Form = Annotated[dict[str, str], Depends(form_fields)]
State = Annotated[AuthState, Depends(auth_state)]


def _committed(db: Database, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in a transaction that commits even when it refuses with ``ApiError``
    (a spent code or a revoked family must stay so)."""
    failure: ApiError | None = None
    result: T | None = None
    with db.connect() as conn:
        try:
            result = work(conn)
        except ApiError as exc:
            failure = exc
    if failure is not None:
        raise failure
    return result  # type: ignore[return-value]


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _authenticate(
    request: Request, conn: Connection, username: str, password: str, status: int
) -> Row:
    """The user ``username`` if ``password`` is theirs; 429 while the pair is limited,
    else ``status`` (400 ``invalid_grant`` or 401 ``invalid_credentials``)."""
    state = auth_state(request)
    address = _address(request)
    wait = state.limiter.retry_after(username, address)
    if wait is not None:
        raise ApiError(
            429,
            f"too many failed logins; try again in {wait} s",
            "rate_limited",
            {"Retry-After": str(wait)},
        )
    row = users.by_username(conn, username) if username else None
    if row is None or not verify_password(row["password_hash"], password):
        if row is None:
            verify_password(None, password)  # the same cost as a wrong password
        state.limiter.failed(username, address)
        reason = "invalid_grant" if status == 400 else "invalid_credentials"
        raise ApiError(status, "wrong username or password", reason)
    state.limiter.succeeded(username, address)
    if needs_rehash(str(row["password_hash"])):
        users.set_password_hash(conn, str(row["id"]), hash_password(password))
    return row


@dataclass(frozen=True, slots=True)
class _Authorization:
    client_id: str
    redirect_uri: str
    code_challenge: str
    scope: str | None
    state: str | None


class _Redirect(Exception):
    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description


def _back(redirect_uri: str, params: Mapping[str, str | None], status: int) -> RedirectResponse:
    query = urlencode({k: v for k, v in params.items() if v is not None})
    separator = "&" if "?" in redirect_uri else "?"
    return RedirectResponse(f"{redirect_uri}{separator}{query}", status, headers=_NO_STORE)


def _check_client(request: Request, params: Mapping[str, str | None]) -> tuple[str, str]:
    """The client and redirect URI, or 400 (never a redirect to an unchecked URI)."""
    client = client_for(params.get("client_id"))
    redirect_uri = params.get("redirect_uri") or ""
    if not redirect_allowed(client, redirect_uri):
        raise ApiError(400, "redirect_uri is not registered for this client", "invalid_request")
    return client.client_id, redirect_uri


def _check_request(
    client_id: str, redirect_uri: str, params: Mapping[str, str | None]
) -> _Authorization:
    """The rest of the request: 400 for a malformed one (the query's schema already refuses
    those on ``GET``), ``_Redirect`` for an unknown scope (the client should see it)."""
    if params.get("response_type") != "code":
        raise ApiError(400, "response_type must be code", "unsupported_response_type")
    if params.get("code_challenge_method") != "S256":
        raise ApiError(400, "code_challenge_method must be S256 (PKCE)", "invalid_request")
    challenge = params.get("code_challenge") or ""
    if not pkce.CHALLENGE.match(challenge):
        raise ApiError(400, "code_challenge must be 43 base64url characters", "invalid_request")
    scope = params.get("scope")
    unknown = [s for s in (scope or "").split() if s not in SCOPES]
    if unknown:
        raise _Redirect("invalid_scope", f"unknown scope {' '.join(unknown)}")
    return _Authorization(client_id, redirect_uri, challenge, scope, params.get("state"))


def _login_page(auth: _Authorization, message: str = "") -> str:
    hidden = {
        "response_type": "code",
        "client_id": auth.client_id,
        "redirect_uri": auth.redirect_uri,
        "code_challenge": auth.code_challenge,
        "code_challenge_method": "S256",
        "scope": auth.scope,
        "state": auth.state,
    }
    inputs = "\n".join(
        f'<input type="hidden" name="{k}" value="{html.escape(v, quote=True)}">'
        for k, v in hidden.items()
        if v is not None
    )
    scopes = "".join(
        f"<li>{html.escape(SCOPES[s])}</li>" for s in (auth.scope or "user-read-private").split()
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to Encore</title>
<link rel="stylesheet" href="/design/encore.css"></head>
<body><main><h1>Sign in to Encore</h1>
<p>{html.escape(auth.client_id)} asks to:</p><ul>{scopes}</ul>
<form method="post" action="/authorize">
{inputs}
<label>Username <input name="username" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password"
required></label>
<button type="submit">Sign in</button>
</form>{html.escape(message)}</main></body></html>"""


@router.get(
    "/authorize",
    response_class=Response,
    responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}}},
        **_redirect_doc(302, "Back to the client with an OAuth 2 `error` (and `state`)."),
        **error_responses(400),
    },
)
def authorize(
    request: Request,
    response_type: Annotated[Literal["code"], Query(description="`code`.")],
    client_id: Annotated[
        str,
        Query(
            description="A registered client (`encore-web`).",
            json_schema_extra={"enum": _CLIENT_IDS},
        ),
    ],
    redirect_uri: Annotated[
        str, Query(pattern=REDIRECT, description="A registered redirect URI (loopback).")
    ],
    code_challenge: Annotated[
        str, Query(pattern=CHALLENGE, description="BASE64URL(SHA-256(code_verifier)).")
    ],
    code_challenge_method: Annotated[Literal["S256"], Query(description="`S256`.")],
    scope: Annotated[str | None, Query(description="Space-separated scopes.")] = None,
    state: Annotated[str | None, Query(description="Returned with the code.")] = None,
) -> Response:
    """Start the authorization code flow with PKCE: a login form for the user."""
    params = {
        "response_type": response_type,
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "code_challenge": code_challenge,
        "code_challenge_method": code_challenge_method,
        "scope": scope,
        "state": state,
    }
    cid, uri_ = _check_client(request, params)
    try:
        auth = _check_request(cid, uri_, params)
    except _Redirect as exc:
        return _back(uri_, {"error": exc.error, "error_description": exc.description,
                            "state": state}, 302)  # fmt: skip
    return HTMLResponse(_login_page(auth), headers=_FORM_HEADERS)


@router.post(
    "/authorize",
    response_class=Response,
    status_code=303,
    responses={
        **_redirect_doc(303, "Back to the client with `code` and `state`, or an `error`."),
        **error_responses(400, 401, 429),
    },
    openapi_extra=_form_body(_LOGIN_FORM),
)
def authorize_login(request: Request, form: Form) -> Response:
    """The login form's answer: the user's credentials and the authorization request."""
    params: dict[str, str | None] = dict(form)
    cid, redirect_uri = _check_client(request, params)
    try:
        auth = _check_request(cid, redirect_uri, params)
    except _Redirect as exc:
        return _back(redirect_uri, {"error": exc.error, "error_description": exc.description,
                                    "state": form.get("state")}, 303)  # fmt: skip
    now = auth_state(request).clock()

    def work(conn: Connection) -> str | _Redirect:
        user = _authenticate(request, conn, form.get("username", ""), form.get("password", ""), 401)
        try:
            scope = granted_scope(auth.scope, str(user["role"]))
        except ApiError as exc:
            return _Redirect("invalid_scope", exc.message)
        grant = codes.Grant(
            str(user["id"]), cid, redirect_uri, auth.code_challenge, scope, new_family()
        )
        return codes.issue(conn, grant, now)

    issued = _committed(request.app.state.db, work)
    if isinstance(issued, _Redirect):
        return _back(redirect_uri, {"error": issued.error, "error_description": issued.description,
                                    "state": auth.state}, 303)  # fmt: skip
    return _back(redirect_uri, {"code": issued, "state": auth.state}, 303)


def _narrowed(requested: str | None, granted: str) -> str:
    """A refresh may ask for fewer scopes than were granted, never more."""
    if not requested:
        return granted
    wanted = set(requested.split())
    extra = sorted(wanted - set(granted.split()))
    if extra:
        raise ApiError(400, f"scope was not granted: {' '.join(extra)}", "invalid_scope")
    return " ".join(sorted(wanted))


@router.post(
    "/token",
    response_model=TokenResponse,
    responses=error_responses(400, 429),
    openapi_extra=_form_body(_TOKEN_FORM),
)
def token(request: Request, form: Form, state: State) -> Response:
    """Exchange a code (with its PKCE verifier), a refresh token or (demo and tests only)
    a username and password for an access token and a refresh token."""
    client = client_for(form.get("client_id"))
    grant_type = form.get("grant_type")
    now = state.clock()

    def work(conn: Connection) -> TokenResponse:
        if grant_type == "authorization_code":
            code = codes.redeem(conn, form.get("code", ""), now)
            if code.client_id != client.client_id:
                raise ApiError(400, "the code was issued to another client", "invalid_grant")
            if code.redirect_uri != form.get("redirect_uri"):
                raise ApiError(400, "redirect_uri differs from the authorized one", "invalid_grant")
            if not pkce.verifies(form.get("code_verifier", ""), code.code_challenge):
                raise ApiError(400, "code_verifier does not match the challenge", "invalid_grant")
            grant = RefreshGrant(code.user_id, client.client_id, code.scope, code.family_id)
        elif grant_type == "refresh_token":
            spent = rotate(conn, form.get("refresh_token", ""), client.client_id, now)
            grant = RefreshGrant(
                spent.user_id,
                spent.client_id,
                _narrowed(form.get("scope"), spent.scope),
                spent.family_id,
            )
        elif grant_type == "password":
            user = _authenticate(
                request, conn, form.get("username", ""), form.get("password", ""), 400
            )
            scope = granted_scope(form.get("scope"), str(user["role"]))
            grant = RefreshGrant(str(user["id"]), client.client_id, scope, new_family())
        else:
            raise ApiError(
                400,
                "grant_type must be authorization_code, refresh_token or password",
                "unsupported_grant_type",
            )
        refresh = issue_refresh(conn, grant, now, state.refresh_seconds)
        access = issue_access(
            state.secret,
            sub=grant.user_id,
            scope=grant.scope,
            client_id=grant.client_id,
            now=now,
            seconds=state.access_seconds,
        )
        return TokenResponse(
            access_token=access,
            token_type="Bearer",
            expires_in=state.access_seconds,
            refresh_token=refresh,
            scope=grant.scope,
        )

    answer = _committed(request.app.state.db, work)
    return Response(answer.model_dump_json(), media_type="application/json", headers=_NO_STORE)


me_router = APIRouter(prefix="/v1", tags=["users"])


@me_router.get(
    "/me",
    response_model=PrivateUser,
    responses=error_responses(401, 403),
)
def me(request: Request, user: Annotated[Principal, require("user-read-private")]) -> PrivateUser:
    """The current user's profile (scope `user-read-private`)."""
    with request.app.state.db.connect() as conn:
        row = users.by_id(conn, user.user_id)
    if row is None:
        raise ApiError(
            401,
            "the token's user no longer exists",
            "invalid_token",
            {"WWW-Authenticate": 'Bearer realm="encore", error="invalid_token"'},
        )
    return PrivateUser(
        id=str(row["id"]),
        type="user",
        uri=uri("user", str(row["id"])),
        href=f"{request.base_url}v1/me",
        display_name=str(row["display_name"]),
        country=str(row["country"]),
        product=row["product"],
    )
