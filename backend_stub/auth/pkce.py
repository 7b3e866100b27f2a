"""PKCE (RFC 7636), S256 only: the challenge is ``BASE64URL(SHA256(verifier))``."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}\Z")
CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}\Z")


def challenge_for(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def verifies(verifier: str, challenge: str) -> bool:
    """Whether ``verifier`` is well formed and hashes to ``challenge``."""
    if not VERIFIER.match(verifier):
        return False
    return hmac.compare_digest(challenge_for(verifier), challenge)
