// Offline downloads: this device's RSA-OAEP key pair (made here; the private key never
// leaves WebCrypto), registered with the server; a download's AES-256-GCM key arrives
// wrapped for it. Chunks are decrypted one by one as API.md lays them out (the nonce
// holds the chunk's index, the associated data the track, index and count, so a changed,
// moved or dropped chunk fails) and the audio plays from a Blob URL.

import { api } from "./api.js";
import { fromBase64url } from "./pkce.js";

const TAG_BYTES = 16;

export class DecryptError extends Error {
  /** @param {number} index */
  constructor(index) {
    super(`chunk ${index + 1} failed to decrypt: the download is damaged or was tampered with`);
    this.index = index;
  }
}

/** The 12-byte nonce of chunk `index`: 4 zero bytes, then the index as an unsigned 64-bit big-endian integer. @param {number} index */
export function chunkNonce(index) {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setBigUint64(4, BigInt(index));
  return nonce;
}

/** The associated data of chunk `index`: the manifest's `aad` ("<track>:{index}:<count>") filled in. @param {string} template @param {number} index */
export function chunkAad(template, index) {
  return new TextEncoder().encode(template.replace("{index}", String(index)));
}

export class OfflineDevice {
  constructor() {
    /** @type {CryptoKeyPair | null} */
    this.keys = null;
    /** @type {string | null} */
    this.id = null;
  }

  /** Make the key pair and register it (once per page). */
  async register() {
    if (this.id) return this.id;
    this.keys = await crypto.subtle.generateKey(
      { name: "RSA-OAEP", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
      false, // the private key cannot be exported
      ["encrypt", "decrypt", "wrapKey", "unwrapKey"],
    );
    const jwk = await crypto.subtle.exportKey("jwk", this.keys.publicKey);
    const { data } = await api("/v1/me/devices", {
      method: "POST",
      json: { name: `Web player (${navigator.platform || "browser"})`, public_key: jwk },
    });
    this.id = data.id;
    return data.id;
  }

  /**
   * Download `track` for this device and decrypt it.
   * @param {any} track
   * @param {(done: number, total: number) => void} progress
   * @returns {Promise<{ url: string, bytes: number, chunks: number }>} a Blob URL of the audio
   */
  async download(track, progress) {
    const device = await this.register();
    const { data: manifest } = await api(`/v1/tracks/${track.id}/offline`, { method: "POST", json: { device_id: device } });
    if (!this.keys) throw new Error("no device key");
    const key = await crypto.subtle.unwrapKey(
      "raw",
      fromBase64url(manifest.key.wrapped),
      this.keys.privateKey,
      { name: "RSA-OAEP" },
      { name: "AES-GCM", length: 256 },
      false,
      ["decrypt"],
    );
    const { data: body } = await api(manifest.data_url);
    const cipher = new Uint8Array(body);
    const step = manifest.chunk_size + TAG_BYTES;
    /** @type {ArrayBuffer[]} */
    const plain = [];
    for (let index = 0; index * step < cipher.length; index += 1) {
      const chunk = cipher.subarray(index * step, (index + 1) * step);
      try {
        plain.push(
          await crypto.subtle.decrypt(
            { name: "AES-GCM", iv: chunkNonce(index), additionalData: chunkAad(manifest.aad, index), tagLength: 128 },
            key,
            chunk,
          ),
        );
      } catch {
        throw new DecryptError(index);
      }
      progress(index + 1, manifest.chunks);
    }
    if (plain.length !== manifest.chunks) throw new Error(`expected ${manifest.chunks} chunks, got ${plain.length}`);
    const blob = new Blob(plain, { type: manifest.content_type });
    return { url: URL.createObjectURL(blob), bytes: blob.size, chunks: plain.length };
  }
}
