// Offline downloads: this device's RSA-OAEP key pair (made here; the private key never
// leaves WebCrypto), registered with the server; a download's AES-256-GCM key arrives
// wrapped for it. Chunks are decrypted one by one (a chunk's nonce and associated data
// bind its index and the track, so a changed or moved chunk fails) and the audio plays
// from a Blob URL.

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

/** The 12-byte nonce of chunk `index`: the manifest's 8-byte prefix, then the index (uint32, big-endian). @param {Uint8Array} prefix @param {number} index */
export function chunkNonce(prefix, index) {
  const nonce = new Uint8Array(12);
  nonce.set(prefix.subarray(0, 8));
  new DataView(nonce.buffer).setUint32(8, index);
  return nonce;
}

/** The associated data of chunk `index`: the manifest's `aad` with `{index}` filled in. @param {string} template @param {number} index */
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
      false,
      ["decrypt", "unwrapKey"],
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
    const prefix = fromBase64url(manifest.nonce);
    const step = manifest.chunk_size + TAG_BYTES;
    /** @type {ArrayBuffer[]} */
    const plain = [];
    for (let index = 0; index * step < cipher.length; index += 1) {
      const chunk = cipher.subarray(index * step, (index + 1) * step);
      try {
        plain.push(
          await crypto.subtle.decrypt(
            { name: "AES-GCM", iv: chunkNonce(prefix, index), additionalData: chunkAad(manifest.aad, index), tagLength: 128 },
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
