"""The offline cipher, in the layout a WebCrypto player decrypts.

A fresh 256-bit AES key per download. The plaintext (a progressive rendition) is cut
into ``CHUNK_SIZE`` chunks; chunk ``i`` of ``n`` (``i`` from 0) is sealed with AES-GCM:

- nonce (12 bytes): 4 zero bytes, then ``i`` as an unsigned 64-bit big-endian integer;
- associated data: the UTF-8 bytes of ``"<track_id>:<i>:<n>"`` (decimal);
- output: ciphertext then the 16-byte tag (``chunk_size + 16`` bytes; the last chunk may
  be shorter), exactly what WebCrypto's ``decrypt({name: "AES-GCM", iv, additionalData})``
  takes.

A flipped byte fails its chunk's tag; a chunk moved elsewhere fails because its index is
in both nonce and associated data; a copy with chunks dropped at the end fails because
the count is in every chunk's associated data. The key is wrapped for the device with
RSA-OAEP (SHA-256, MGF1 with SHA-256, no label): WebCrypto's ``unwrapKey("raw", wrapped,
privateKey, {name: "RSA-OAEP"}, "AES-GCM", ...)``.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

CIPHER = "AES-256-GCM"
CHUNK_SIZE = 64 * 1024
TAG_BYTES = 16
NONCE_LAYOUT = "4 zero bytes || uint64 big-endian chunk index (12 bytes)"


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def nonce(index: int) -> bytes:
    return bytes(4) + index.to_bytes(8, "big")


def aad_template(track_id: str, chunks: int) -> str:
    """The associated data with ``{index}`` standing for the chunk index."""
    return f"{track_id}:{{index}}:{chunks}"


def aad(track_id: str, index: int, chunks: int) -> bytes:
    return aad_template(track_id, chunks).replace("{index}", str(index)).encode("utf-8")


def chunk_count(size: int, chunk_size: int = CHUNK_SIZE) -> int:
    return max(1, math.ceil(size / chunk_size))


def encrypt_file(
    source: Path, target: Path, key: bytes, track_id: str, chunk_size: int = CHUNK_SIZE
) -> tuple[int, int]:
    """Write ``source`` sealed chunk by chunk to ``target`` (atomically: a temporary file
    renamed into place); the chunk count and the plaintext size."""
    size = source.stat().st_size
    chunks = chunk_count(size, chunk_size)
    sealer = AESGCM(key)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with source.open("rb") as reader, partial.open("wb") as writer:
            for index in range(chunks):
                plain = reader.read(chunk_size)
                writer.write(sealer.encrypt(nonce(index), plain, aad(track_id, index, chunks)))
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return chunks, size


def wrap_key(device_key: RSAPublicKey, key: bytes) -> bytes:
    """``key`` encrypted for the device with RSA-OAEP-256."""
    oaep = padding.OAEP(
        mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
    )
    return device_key.encrypt(key, oaep)
