"""Device keys: an RSA public key as a JWK (RFC 7517, 7518) for RSA-OAEP-256, checked and
reduced to its public members, with its RFC 7638 thumbprint.

WebCrypto's ``exportKey("jwk", publicKey)`` of an ``RSA-OAEP`` key with ``hash:
"SHA-256"`` gives exactly what is accepted: ``{kty: "RSA", n, e, alg: "RSA-OAEP-256",
ext, key_ops}``. A JWK carrying private members is refused, so a private key sent by
mistake is never stored.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey, RSAPublicNumbers

ALG = "RSA-OAEP-256"
MIN_BITS = 2048
MAX_BITS = 8192
PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth")
_B64URL = re.compile(r"^[A-Za-z0-9_-]+$")


class InvalidKey(ValueError):
    """The JWK is not an acceptable RSA-OAEP-256 public key; the message says why."""


@dataclass(frozen=True, slots=True)
class DeviceKey:
    jwk: dict[str, str]  # kty, n, e, alg: what is stored
    key: RSAPublicKey
    thumbprint: str


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _integer(jwk: Mapping[str, Any], name: str) -> int:
    value = jwk.get(name)
    if not isinstance(value, str) or not _B64URL.match(value):
        raise InvalidKey(f"public_key.{name} must be a base64url string")
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except ValueError:  # binascii.Error: a length of 4k + 1 characters
        raise InvalidKey(f"public_key.{name} is not valid base64url") from None
    return int.from_bytes(raw, "big")


def _check_use(jwk: Mapping[str, Any]) -> None:
    if jwk.get("kty") != "RSA":
        raise InvalidKey('public_key.kty must be "RSA"')
    if jwk.get("alg", ALG) != ALG:
        raise InvalidKey(f'public_key.alg must be "{ALG}"')
    if jwk.get("use", "enc") != "enc":
        raise InvalidKey('public_key.use must be "enc"')
    ops = jwk.get("key_ops", ["wrapKey"])
    if not isinstance(ops, list) or not {"wrapKey", "encrypt"} & set(ops):
        raise InvalidKey('public_key.key_ops must include "wrapKey" or "encrypt"')


def parse(jwk: Mapping[str, Any]) -> DeviceKey:
    """The device key in ``jwk``; ``InvalidKey`` when it is not an RSA-OAEP-256 public
    key of ``MIN_BITS`` to ``MAX_BITS`` bits."""
    private = [m for m in PRIVATE_MEMBERS if m in jwk]
    if private:
        raise InvalidKey(
            f"public_key holds private members ({', '.join(private)}): send the public key only"
        )
    _check_use(jwk)
    n, e = _integer(jwk, "n"), _integer(jwk, "e")
    if not MIN_BITS <= n.bit_length() <= MAX_BITS:
        raise InvalidKey(
            f"public_key.n has {n.bit_length()} bits; {MIN_BITS} to {MAX_BITS} are accepted"
        )
    try:
        key = RSAPublicNumbers(e, n).public_key()
    except ValueError as exc:
        raise InvalidKey(f"public_key is not a valid RSA key: {exc}") from None
    canonical = {"e": b64url(_bytes(e)), "kty": "RSA", "n": b64url(_bytes(n))}
    members = json.dumps(canonical, separators=(",", ":"), sort_keys=True).encode()
    thumbprint = b64url(hashlib.sha256(members).digest())
    return DeviceKey({**canonical, "alg": ALG}, key, thumbprint)


def _bytes(number: int) -> bytes:
    return number.to_bytes((number.bit_length() + 7) // 8 or 1, "big")
