// The OAuth 2 session: authorization code with PKCE, tokens in sessionStorage, a
// refresh before the access token expires (one refresh at a time: refresh tokens rotate
// and reusing one revokes the whole family).

import { challengeFor, randomToken } from "./pkce.js";

export const CLIENT_ID = "encore-web";
const TOKENS = "encore.tokens";
const PENDING = "encore.pkce";
const LISTENER_SCOPES = [
  "user-read-private",
  "streaming",
  "playlist-read-private",
  "playlist-modify",
  "user-read-recently-played",
];
const EARLY_MS = 60_000;

/** @typedef {{ access_token: string, refresh_token: string, expires_at: number, scope: string }} Tokens */

/** @type {Promise<Tokens> | null} */
let refreshing = null;
let timer = 0;
/** @type {Set<() => void>} */
const endListeners = new Set();

function redirectUri() {
  return `${location.origin}/player/callback`;
}

/** @returns {Tokens | null} */
export function tokens() {
  const raw = sessionStorage.getItem(TOKENS);
  return raw ? JSON.parse(raw) : null;
}

/** The granted scopes. */
export function scopes() {
  return new Set((tokens()?.scope ?? "").split(" ").filter(Boolean));
}

/** @param {() => void} listener  called when the session ends (logout, failed refresh) */
export function onEnd(listener) {
  endListeners.add(listener);
}

/** @param {{ access_token: string, refresh_token: string, expires_in: number, scope: string }} answer */
function store(answer) {
  /** @type {Tokens} */
  const saved = {
    access_token: answer.access_token,
    refresh_token: answer.refresh_token,
    expires_at: Date.now() + answer.expires_in * 1000,
    scope: answer.scope,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(saved));
  schedule(saved);
  return saved;
}

/** @param {Tokens} saved */
function schedule(saved) {
  clearTimeout(timer);
  const wait = Math.max(0, saved.expires_at - Date.now() - EARLY_MS);
  timer = window.setTimeout(() => refresh().catch(() => undefined), wait);
}

/** @param {Record<string, string>} fields */
async function tokenRequest(fields) {
  const response = await fetch("/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...fields }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `token request failed (${response.status})`);
  return store(body);
}

/** Go to the server's login form. @param {{ artist?: boolean }} [options] */
export async function login({ artist = false } = {}) {
  const verifier = randomToken(48);
  const state = randomToken(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const scope = [...LISTENER_SCOPES, ...(artist ? ["artist-upload"] : [])].join(" ");
  const query = new URLSearchParams({
    response_type: "code",
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    code_challenge: await challengeFor(verifier),
    code_challenge_method: "S256",
    scope,
    state,
  });
  location.assign(`/authorize?${query}`);
}

/**
 * On `/player/callback`: exchange the code for tokens, then leave the callback URL.
 * Returns `null` elsewhere; throws with the server's reason when the login failed.
 */
export async function completeLogin() {
  if (location.pathname !== "/player/callback") return null;
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? "null");
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, "", "/player/");
  if (params.get("error")) {
    throw new Error(params.get("error_description") ?? params.get("error") ?? "login failed");
  }
  if (!pending || params.get("state") !== pending.state) {
    throw new Error("the login answer does not match this tab's request; log in again");
  }
  return tokenRequest({
    grant_type: "authorization_code",
    code: params.get("code") ?? "",
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
}

/** A new access token from the refresh token (shared by concurrent callers). */
export function refresh() {
  const saved = tokens();
  if (!saved) return Promise.reject(new Error("not logged in"));
  refreshing ??= tokenRequest({ grant_type: "refresh_token", refresh_token: saved.refresh_token })
    .catch((error) => {
      end();
      throw error;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** A valid access token, refreshed first when it is about to expire. */
export async function accessToken() {
  const saved = tokens();
  if (!saved) throw new Error("not logged in");
  if (saved.expires_at - Date.now() < EARLY_MS / 2) return (await refresh()).access_token;
  return saved.access_token;
}

/** Resume a stored session (schedules its refresh); whether there is one. */
export function resume() {
  const saved = tokens();
  if (saved) schedule(saved);
  return saved !== null;
}

/** Forget the tokens. */
export function end() {
  clearTimeout(timer);
  sessionStorage.removeItem(TOKENS);
  for (const listener of endListeners) listener();
}
