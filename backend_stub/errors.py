"""One error envelope for every failure: ``{"error": {"status", "message"}}``.

FastAPI's own answers (404 for an unknown path, 405, 422 for invalid parameters) are
rewritten into it (uncaught exceptions become a 500 envelope in
``observability.RequestContext``); routes raise ``ApiError``. Routes list
their possible errors with ``error_responses(...)`` so the OpenAPI document declares them.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from backend_stub.schemas import ErrorResponse

_DESCRIPTIONS = {
    400: "The request is malformed (OAuth 2 endpoints: `reason` is the OAuth error code).",
    401: "A valid access token or credentials are required (`reason`: `missing_token`, "
    "`invalid_token` or `invalid_credentials`; see `WWW-Authenticate`).",
    403: "Not allowed here (the `reason` says why, e.g. `market` or `insufficient_scope`).",
    404: "No such resource.",
    405: "The method is not allowed on this resource.",
    416: "The requested byte range is outside the file.",
    422: "A parameter is invalid.",
    429: "Too many failed logins; `Retry-After` says when to try again.",
    500: "A bug in the server.",
}


class ApiError(Exception):
    """An error answer with ``status``, ``message`` and an optional ``reason``."""

    def __init__(
        self,
        status: int,
        message: str,
        reason: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.reason = reason
        self.headers = headers or {}


def error_body(status: int, message: str, reason: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "message": message}
    if reason is not None:
        body["reason"] = reason
    return {"error": body}


def error_response(
    status: int, message: str, reason: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, message, reason), status_code=status, headers=headers)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry declaring ``statuses`` (always with 422 and 500)."""
    codes = sorted({*statuses, 422, 500})
    return {c: {"model": ErrorResponse, "description": _DESCRIPTIONS.get(c, "")} for c in codes}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def _allowed_methods(request: Request) -> list[str]:
    """Every method the OpenAPI document lists for the request's path (several routes
    can share a path; Starlette's own ``Allow`` names only the first it tried)."""
    methods: set[str] = set()
    for template, item in request.app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            methods |= {m.upper() for m in item if m in _METHODS}
    return sorted(methods)


def install(app: FastAPI) -> None:
    """Register the handlers that put every error into the envelope."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.reason, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and message == "Not Found":
            message = f"no resource at {request.url.path}"
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
            allowed = _allowed_methods(request)
            if allowed:  # every route on the path, not just the first one Starlette tried
                headers["Allow"] = ", ".join(allowed)
        return error_response(exc.status_code, message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc))
