"""Offline downloads on both databases: devices register an RSA-OAEP-256 public key; a
download, decrypted as API.md describes (the device's private key unwraps the AES key;
AES-GCM per 64 KiB chunk), gives back exactly the rendition's bytes; a flipped byte, a
swapped pair of chunks or a dropped chunk fails authentication; other users' devices and
downloads are out of reach; an expired download answers 410; a track not licensed in the
user's country answers 403."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from backend_stub import userdata
from backend_stub.app import create_app
from backend_stub.auth.users import user_id
from tests.backend.conftest import Seeded, require, settings_for
from tests.backend.helpers import assert_error, bearer, find_track

SCOPE = "streaming user-read-private"
OAEP = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
DAY_S = 24 * 3600


class Clock:
    """A wall clock the test can move."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_jwk(key: rsa.RSAPrivateKey) -> dict[str, Any]:
    """The public JWK as WebCrypto's ``exportKey("jwk")`` writes it."""
    numbers = key.public_key().public_numbers()
    n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
    e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
    return {
        "kty": "RSA",
        "n": _b64url(n),
        "e": _b64url(e),
        "alg": "RSA-OAEP-256",
        "ext": True,
        "key_ops": ["wrapKey"],
    }


@pytest.fixture(scope="module")
def keys() -> list[rsa.RSAPrivateKey]:
    return [rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(3)]


@pytest.fixture(scope="module")
def app_clock(seeded: Seeded) -> Iterator[tuple[TestClient, Clock]]:
    app = create_app(settings_for(seeded, offline_seconds=7 * DAY_S))
    clock = Clock()
    app.state.auth.clock = clock
    with TestClient(app) as test_client:
        yield test_client, clock


@pytest.fixture(scope="module")
def client(app_clock: tuple[TestClient, Clock]) -> TestClient:
    return app_clock[0]


def listener(client: TestClient, username: str = "demo") -> dict[str, str]:
    return bearer(client, username, "demo-password", SCOPE)


def register(client: TestClient, headers: dict[str, str], key: rsa.RSAPrivateKey) -> str:
    answer = client.post(
        "/v1/me/devices", headers=headers, json={"name": "Laptop", "public_key": public_jwk(key)}
    )
    assert answer.status_code in (200, 201), answer.text
    return str(answer.json()["id"])


def download(client: TestClient, headers: dict[str, str], track_id: str, device: str) -> Any:
    return client.post(
        f"/v1/tracks/{track_id}/offline", headers=headers, json={"device_id": device}
    )


def decrypt(manifest: dict[str, Any], data: bytes, key: rsa.RSAPrivateKey) -> bytes:
    """Decrypt as API.md says a WebCrypto player does."""
    aes = AESGCM(key.decrypt(_unb64url(manifest["key"]["wrapped"]), OAEP))
    sealed = manifest["chunk_size"] + 16
    chunks = [data[at : at + sealed] for at in range(0, len(data), sealed)]
    assert len(chunks) == manifest["chunks"]
    plain = b""
    for index, chunk in enumerate(chunks):
        nonce = bytes(4) + index.to_bytes(8, "big")
        aad = f"{manifest['track_id']}:{index}:{manifest['chunks']}".encode()
        plain += aes.decrypt(nonce, chunk, aad)
    return plain


@pytest.fixture(scope="module")
def made(
    client: TestClient, keys: list[rsa.RSAPrivateKey]
) -> tuple[dict[str, Any], bytes, dict[str, str]]:
    """A download of "Nattljus" for the demo user's first device: manifest, data, headers."""
    headers = listener(client)
    device = register(client, headers, keys[0])
    track = find_track(client, "Nattljus")
    answer = download(client, headers, track["id"], device)
    assert answer.status_code == 201, answer.text
    manifest = answer.json()
    data = client.get(manifest["data_url"], headers=headers)
    assert data.status_code == 200, data.text
    assert data.headers["content-type"] == "application/octet-stream"
    return manifest, data.content, headers


def test_devices_register_by_public_key(client: TestClient, keys: list[rsa.RSAPrivateKey]) -> None:
    headers = listener(client)
    first = client.post(
        "/v1/me/devices", headers=headers, json={"name": "Phone", "public_key": public_jwk(keys[1])}
    )
    assert first.status_code == 201, first.text
    device = first.json()
    assert set(device) == {"id", "name", "created_at"} and device["name"] == "Phone"
    again = client.post(
        "/v1/me/devices", headers=headers, json={"name": "Phone", "public_key": public_jwk(keys[1])}
    )
    assert again.status_code == 200 and again.json()["id"] == device["id"]
    listed = client.get("/v1/me/devices", headers=headers).json()["devices"]
    assert device["id"] in [d["id"] for d in listed]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"d": "AQAB"}, "d"),
        ({"alg": "RSA-OAEP"}, "alg"),
        ({"kty": "EC"}, "kty"),
        ({"e": "AAI"}, "RSA key"),  # an even exponent
        ({"key_ops": ["sign"]}, "key_ops"),
    ],
)
def test_bad_device_keys_are_refused(
    client: TestClient, keys: list[rsa.RSAPrivateKey], change: dict[str, Any], words: str
) -> None:
    jwk = {**public_jwk(keys[2]), **change}
    answer = client.post(
        "/v1/me/devices", headers=listener(client), json={"name": "X", "public_key": jwk}
    )
    assert words in assert_error(answer, 422)["message"]


def test_a_short_key_is_refused(client: TestClient) -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    answer = client.post(
        "/v1/me/devices",
        headers=listener(client),
        json={"name": "Old", "public_key": public_jwk(small)},
    )
    assert "n" in assert_error(answer, 422)["message"]


def test_a_download_decrypts_to_the_rendition(
    client: TestClient,
    keys: list[rsa.RSAPrivateKey],
    made: tuple[dict[str, Any], bytes, dict[str, str]],
) -> None:
    manifest, data, headers = made
    assert manifest["cipher"] == "AES-256-GCM" and manifest["key"]["alg"] == "RSA-OAEP-256"
    assert manifest["chunk_size"] == 65536 and manifest["chunks"] >= 2
    assert manifest["aad"] == f"{manifest['track_id']}:{{index}}:{manifest['chunks']}"
    assert len(data) == manifest["size"] + 16 * manifest["chunks"]
    rendition = client.get(
        f"/v1/tracks/{manifest['track_id']}/stream",
        params={"bitrate": manifest["bitrate_kbps"], "market": "SE"},
    )
    assert rendition.status_code == 200
    assert decrypt(manifest, data, keys[0]) == rendition.content
    assert manifest["content_type"] == "audio/mp4" and manifest["bitrate_kbps"] == 128
    ranged = client.get(manifest["data_url"], headers={**headers, "Range": "bytes=0-15"})
    assert ranged.status_code == 206 and ranged.content == data[:16]


# What the web player does, in Node's WebCrypto (the same API as the browser's).
WEBCRYPTO_DECRYPT = """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const { subtle } = globalThis.crypto;
const m = input.manifest;
const b64 = (s) => Buffer.from(s, "base64url");
(async () => {
  const privateKey = await subtle.importKey(
    "jwk", input.jwk, { name: "RSA-OAEP", hash: "SHA-256" }, false, ["unwrapKey"]);
  const key = await subtle.unwrapKey("raw", b64(m.key.wrapped), privateKey,
    { name: "RSA-OAEP" }, { name: "AES-GCM" }, false, ["decrypt"]);
  const data = b64(input.data);
  const sealed = m.chunk_size + 16;
  const parts = [];
  for (let i = 0; i < m.chunks; i++) {
    const iv = new Uint8Array(12);
    new DataView(iv.buffer).setBigUint64(4, BigInt(i));
    const additionalData = new TextEncoder().encode(m.aad.replace("{index}", String(i)));
    const chunk = data.subarray(i * sealed, (i + 1) * sealed);
    parts.push(Buffer.from(await subtle.decrypt(
      { name: "AES-GCM", iv, additionalData }, key, chunk)));
  }
  const plain = Buffer.concat(parts);
  process.stdout.write(require("crypto").createHash("sha256").update(plain).digest("hex"));
})().catch((e) => { console.error(String(e)); process.exit(1); });
"""


def private_jwk(key: rsa.RSAPrivateKey) -> dict[str, Any]:
    numbers = key.private_numbers()

    def member(value: int) -> str:
        return _b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))

    return {
        **public_jwk(key),
        "key_ops": ["unwrapKey"],
        "d": member(numbers.d),
        "p": member(numbers.p),
        "q": member(numbers.q),
        "dp": member(numbers.dmp1),
        "dq": member(numbers.dmq1),
        "qi": member(numbers.iqmp),
    }


def test_webcrypto_decrypts_a_download_as_documented(
    client: TestClient,
    keys: list[rsa.RSAPrivateKey],
    made: tuple[dict[str, Any], bytes, dict[str, str]],
) -> None:
    node = shutil.which("node")
    require("node", node is not None, "install Node.js 20 (apt-get install nodejs)")
    manifest, data, _ = made
    given = {"jwk": private_jwk(keys[0]), "manifest": manifest, "data": _b64url(data)}
    done = subprocess.run(
        [str(node), "-e", WEBCRYPTO_DECRYPT],
        input=json.dumps(given),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rendition = client.get(
        f"/v1/tracks/{manifest['track_id']}/stream", params={"bitrate": 128, "market": "SE"}
    )
    assert done.stdout == hashlib.sha256(rendition.content).hexdigest()


def test_tampering_fails_authentication(
    keys: list[rsa.RSAPrivateKey], made: tuple[dict[str, Any], bytes, dict[str, str]]
) -> None:
    manifest, data, _ = made
    sealed = manifest["chunk_size"] + 16
    flipped = bytearray(data)
    flipped[sealed + 100] ^= 0x01
    with pytest.raises(InvalidTag):
        decrypt(manifest, bytes(flipped), keys[0])
    swapped = data[sealed : 2 * sealed] + data[:sealed] + data[2 * sealed :]
    with pytest.raises(InvalidTag):
        decrypt(manifest, swapped, keys[0])
    shortened = {**manifest, "chunks": manifest["chunks"] - 1}
    with pytest.raises(InvalidTag):
        decrypt(shortened, data[: (manifest["chunks"] - 1) * sealed], keys[0])
    with pytest.raises(ValueError):  # another device's private key cannot unwrap it
        decrypt(manifest, data, keys[1])


def test_other_users_devices_and_downloads_are_out_of_reach(
    client: TestClient,
    keys: list[rsa.RSAPrivateKey],
    made: tuple[dict[str, Any], bytes, dict[str, str]],
) -> None:
    manifest, _, _ = made
    other = listener(client, "demo-de")
    track = find_track(client, "Nattljus")
    refused = download(client, other, track["id"], manifest["device_id"])
    assert "device" in assert_error(refused, 404)["message"]
    assert_error(client.get(manifest["data_url"], headers=other), 404)
    assert_error(client.delete(f"/v1/me/devices/{manifest['device_id']}", headers=other), 404)
    assert manifest["device_id"] not in str(client.get("/v1/me/devices", headers=other).json())


def test_an_unlicensed_market_is_refused(client: TestClient, keys: list[rsa.RSAPrivateKey]) -> None:
    headers = listener(client, "demo-de")  # DE, where "Eisenfaust" is not licensed
    device = register(client, headers, keys[1])
    track = find_track(client, "Eisenfaust")
    refused = assert_error(download(client, headers, track["id"], device), 403)
    assert refused["reason"] == "market" and "DE" in refused["message"]


def test_a_download_expires(
    app_clock: tuple[TestClient, Clock],
    made: tuple[dict[str, Any], bytes, dict[str, str]],
    seeded: Seeded,
) -> None:
    client, clock = app_clock
    manifest, _, _ = made
    stored = seeded.media_root / "offline" / f"{manifest['id']}.enc"
    assert stored.is_file()
    clock.offset = 6 * DAY_S
    try:
        assert client.get(manifest["data_url"], headers=listener(client)).status_code == 200
        clock.offset = 7 * DAY_S + 60
        gone = assert_error(client.get(manifest["data_url"], headers=listener(client)), 410)
        assert gone["reason"] == "expired"
        assert not stored.exists()  # the ciphertext goes with it
    finally:
        clock.offset = 0.0


def test_deleting_a_device_ends_its_downloads(
    client: TestClient, keys: list[rsa.RSAPrivateKey]
) -> None:
    headers = listener(client)
    device = register(client, headers, keys[2])
    manifest = download(client, headers, find_track(client, "Fjärran stad")["id"], device).json()
    assert client.delete(f"/v1/me/devices/{device}", headers=headers).status_code == 204
    assert_error(client.get(manifest["data_url"], headers=headers), 404)
    assert_error(client.delete(f"/v1/me/devices/{device}", headers=headers), 404)
    assert_error(download(client, headers, manifest["track_id"], device), 404)


def test_offline_needs_the_streaming_scope(client: TestClient) -> None:
    narrow = bearer(client, "demo", "demo-password", "user-read-private")
    assert assert_error(client.get("/v1/me/devices", headers=narrow), 403)["reason"] == (
        "insufficient_scope"
    )
    assert_error(client.get("/v1/me/devices"), 401)


def test_export_and_erasure(
    client: TestClient, keys: list[rsa.RSAPrivateKey], seeded: Seeded
) -> None:
    headers = listener(client, "demo-de")
    device = register(client, headers, keys[0])
    manifest = download(client, headers, find_track(client, "Nattljus")["id"], device).json()
    area = next(a for a in userdata.areas() if a.name == "offline")
    uid = user_id("demo-de")
    with client.app.state.db.connect() as conn:  # type: ignore[attr-defined]
        held = area.export(conn, uid)
        assert device in [d["id"] for d in held["devices"]]
        assert manifest["id"] in [d["id"] for d in held["downloads"]]
        assert "wrapped_key" not in str(held)
        area.erase(conn, uid)
    with client.app.state.db.connect() as conn:  # type: ignore[attr-defined]
        assert area.export(conn, uid) == {"devices": [], "downloads": []}
    assert_error(client.get(manifest["data_url"], headers=headers), 404)


@pytest.fixture(scope="module")
def fuzz_app(sqlite_seeded: Seeded) -> Iterator[TestClient]:
    """An app on SQLite only: the contract does not depend on the database."""
    with TestClient(create_app(settings_for(sqlite_seeded))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def fuzzed_offline(fuzz_app: TestClient) -> OpenApiSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app.app)


@pytest.fixture(scope="module")
def fuzz_headers(fuzz_app: TestClient) -> dict[str, str]:
    return listener(fuzz_app)


fuzz = schemathesis.pytest.from_fixture("fuzzed_offline").include(
    path_regex=r"^/v1/(me/devices|me/offline/|tracks/\{id\}/offline)"
)


@fuzz.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_offline_keeps_its_contract_with_a_token(
    case: schemathesis.Case, fuzz_headers: dict[str, str]
) -> None:
    # Which strings make a valid RSA key (odd modulus, odd exponent below it) is beyond
    # JSON Schema, so "schema-valid input accepted" cannot be asked of the key.
    case.call_and_validate(
        headers=fuzz_headers,
        excluded_checks=[
            schemathesis.checks.positive_data_acceptance,
            schemathesis.checks.negative_data_rejection,
        ],
    )
