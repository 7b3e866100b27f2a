"""The scopes a token can carry, the demo's OAuth clients and which scopes each role may
be granted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from backend_stub.errors import ApiError

SCOPES: dict[str, str] = {
    "user-read-private": "Read your profile: display name, country and product.",
    "streaming": "Play tracks.",
    "playlist-read-private": "Read your playlists.",
    "playlist-modify": "Create and change your playlists.",
    "user-read-recently-played": "Read and add to your listening history.",
    "artist-upload": "Upload tracks (artists only).",
}
LISTENER_SCOPES = frozenset(SCOPES) - {"artist-upload"}
ROLE_SCOPES: dict[str, frozenset[str]] = {
    "listener": LISTENER_SCOPES,
    "artist": frozenset(SCOPES),
}
DEFAULT_SCOPE = "user-read-private"
# What a registered redirect URI looks like (for the OpenAPI document and validation).
REDIRECT = r"^http://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]{1,5})?/(player/)?callback$"
_REDIRECT = re.compile(REDIRECT)


@dataclass(frozen=True, slots=True)
class Client:
    """A public client (no secret: PKCE protects its codes)."""

    client_id: str
    name: str
    redirect_paths: tuple[str, ...]


CLIENTS = {
    "encore-web": Client("encore-web", "Encore web player", ("/callback", "/player/callback")),
}


def client_for(client_id: str | None) -> Client:
    client = CLIENTS.get(client_id or "")
    if client is None:
        raise ApiError(400, f"unknown client_id {client_id!r}", "invalid_client")
    return client


def redirect_allowed(client: Client, redirect_uri: str) -> bool:
    """A registered path on a loopback host, any port (as RFC 8252 allows native and
    local apps); no query, fragment or credentials."""
    if not _REDIRECT.match(redirect_uri):
        return False
    return urlsplit(redirect_uri).path in client.redirect_paths


def granted_scope(requested: str | None, role: str) -> str:
    """The scope string to grant for ``requested`` (the default when empty); 400
    ``invalid_scope`` for an unknown scope or one the role may not have."""
    wanted = (requested or "").split() or [DEFAULT_SCOPE]
    allowed = ROLE_SCOPES.get(role, LISTENER_SCOPES)
    refused = sorted({s for s in wanted if s not in allowed})
    if refused:
        raise ApiError(400, f"scope not allowed: {' '.join(refused)}", "invalid_scope")
    return " ".join(sorted(set(wanted)))
