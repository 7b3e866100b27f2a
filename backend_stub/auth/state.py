"""The auth configuration an app holds in ``app.state.auth``: the signing key, token
lifetimes, the login limiter and the clock (wall time; tests move it)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request

from backend_stub.auth.ratelimit import LoginLimiter
from backend_stub.settings import Settings


@dataclass(slots=True)
class AuthState:
    secret: str = field(repr=False)
    access_seconds: int
    refresh_seconds: int
    limiter: LoginLimiter
    clock: Callable[[], float] = time.time

    @classmethod
    def from_settings(cls, settings: Settings) -> AuthState:
        return cls(
            settings.jwt_secret,
            settings.access_token_seconds,
            settings.refresh_token_seconds,
            LoginLimiter(),
        )


def auth_state(request: Request) -> AuthState:
    found: AuthState = request.app.state.auth
    return found
