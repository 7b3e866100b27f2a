"""Auth: OAuth 2 authorization code with PKCE (S256), a password grant for the demo and
the tests, HS256 JWT access tokens and rotated, revocable refresh tokens.

- ``passwords``: argon2id hashing; ``users``: the users table and the demo users.
- ``pkce``: S256 challenges; ``codes``: one-time authorization codes (60 s).
- ``tokens``: access tokens (JWT) and refresh tokens (hashed server-side, rotated).
- ``ratelimit``: failed logins per username and client address.
- ``guard``: ``require(scope)``, the dependency protected routes declare.
- ``routes``: ``/authorize``, ``/token`` and ``/v1/me``.
"""

from __future__ import annotations

from backend_stub.auth.guard import Principal, require
from backend_stub.auth.scopes import SCOPES

__all__ = ["SCOPES", "Principal", "require"]
