// Calls to the backend with the session's bearer token and the error envelope
// (`{"error": {"status", "message"}}`) turned into `ApiError`.

import { accessToken, refresh } from "./session.js";

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {any} body
   * @param {Headers} headers
   */
  constructor(status, message, body, headers) {
    super(message);
    this.status = status;
    this.body = body;
    this.headers = headers;
    /** @type {string | undefined} */
    this.reason = body?.error?.reason;
  }
}

/**
 * @param {string} path
 * @param {{ method?: string, json?: unknown, body?: BodyInit, headers?: Record<string, string>, auth?: boolean }} [options]
 * @returns {Promise<{ status: number, headers: Headers, data: any }>}
 */
export async function api(path, { method = "GET", json, body, headers = {}, auth = true } = {}) {
  const send = async () => {
    const sent = new Headers(headers);
    if (auth) sent.set("Authorization", `Bearer ${await accessToken()}`);
    if (json !== undefined) sent.set("Content-Type", "application/json");
    return fetch(path, { method, headers: sent, body: json !== undefined ? JSON.stringify(json) : body });
  };
  let response = await send();
  if (response.status === 401 && auth) {
    await refresh(); // the token expired early (or the server restarted): one more try
    response = await send();
  }
  const kind = response.headers.get("content-type") ?? "";
  const data = response.status === 204 ? null : kind.includes("json") ? await response.json() : await response.arrayBuffer();
  if (!response.ok) {
    const message = data?.error?.message ?? `${method} ${path} failed (${response.status})`;
    throw new ApiError(response.status, message, data, response.headers);
  }
  return { status: response.status, headers: response.headers, data };
}
