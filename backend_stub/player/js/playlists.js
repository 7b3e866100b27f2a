// Playlists: create, choose, add, move and remove tracks. Every change names the version
// it was made against (If-Match: "<snapshot_id>"); a 412 means someone else changed the
// playlist first: the page says so and offers to reload, or to apply the change again on
// top of the latest version.

import { api, ApiError } from "./api.js";
import { banner, byId, button, clear, iconButton } from "./dom.js";
import { showTracks } from "./tracks.js";

/** @typedef {{ kind: "add", uri: string } | { kind: "remove", uri: string, at: number } | { kind: "move", uri: string, at: number, by: number }} Change */

/** The index of `uri` in `uris` nearest to `at`, or -1. @param {string[]} uris @param {string} uri @param {number} at */
export function nearest(uris, uri, at) {
  let best = -1;
  uris.forEach((u, i) => {
    if (u === uri && (best < 0 || Math.abs(i - at) < Math.abs(best - at))) best = i;
  });
  return best;
}

/**
 * @param {{ market: () => string | null, onPlay: (track: any, list: any[], context: string) => void }} deps
 */
export function setUpPlaylists({ market, onPlay }) {
  const select = /** @type {HTMLSelectElement} */ (byId("playlist-select"));
  const name = /** @type {HTMLInputElement} */ (byId("playlist-name"));
  const list = byId("playlist-tracks");
  const notice = byId("playlist-notice");
  /** @type {{ id: string, uri: string, snapshot: string, tracks: any[] } | null} */
  let current = null;

  async function refreshList() {
    const { data } = await api("/v1/me/playlists?limit=50");
    const chosen = current?.id ?? select.value;
    select.replaceChildren(
      new Option("Choose a playlist", ""),
      ...data.items.map((/** @type {any} */ p) => new Option(p.name, p.id)),
    );
    select.value = chosen && data.items.some((/** @type {any} */ p) => p.id === chosen) ? chosen : "";
  }

  /** @param {string} id */
  async function load(id) {
    if (!id) {
      current = null;
      list.replaceChildren();
      return;
    }
    const where = market();
    const { data } = await api(`/v1/playlists/${id}${where ? `?market=${where}` : ""}`);
    current = { id, uri: data.uri, snapshot: data.snapshot_id, tracks: data.tracks.items.map((/** @type {any} */ i) => i.track) };
    list.dataset.snapshot = data.snapshot_id;
    render();
  }

  function render() {
    const tracks = current?.tracks ?? [];
    showTracks(list, tracks, {
      onPlay: (track, queue) => onPlay(track, queue, current?.uri ?? ""),
      actions: (track, index) => [
        iconButton(`Move ${track.name} up`, "up", () => change({ kind: "move", uri: track.uri, at: index, by: -1 }), { disabled: index === 0 }),
        iconButton(`Move ${track.name} down`, "down", () => change({ kind: "move", uri: track.uri, at: index, by: 1 }), { disabled: index === tracks.length - 1 }),
        iconButton(`Remove ${track.name}`, "remove", () => change({ kind: "remove", uri: track.uri, at: index })),
      ],
    }, "This playlist is empty: add tracks from the search results.");
  }

  /** The request for `change` on the current version, or null when it no longer applies. @param {Change} change */
  function request(change) {
    if (!current) return null;
    const uris = current.tracks.map((t) => t.uri);
    if (change.kind === "add") return { method: "POST", json: { uris: [change.uri] } };
    const at = nearest(uris, change.uri, change.at);
    if (at < 0) return null;
    if (change.kind === "remove") return { method: "DELETE", json: { tracks: [{ uri: change.uri, positions: [at] }] } };
    const to = at + change.by;
    if (to < 0 || to >= uris.length) return null;
    return { method: "PUT", json: { range_start: at, insert_before: change.by > 0 ? to + 1 : to } };
  }

  /** @param {Change} change */
  async function change(change) {
    if (!current) {
      banner(notice, "Choose or create a playlist first");
      return;
    }
    const sent = request(change);
    if (!sent) {
      banner(notice, "Nothing to change", "The track is no longer where it was.");
      return;
    }
    try {
      await api(`/v1/playlists/${current.id}/tracks`, { ...sent, headers: { "If-Match": `"${current.snapshot}"` } });
      clear(notice);
      await load(current.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) conflict(change);
      else banner(notice, "The playlist was not changed", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  }

  /** Read the current playlist again, then `next`. @param {() => unknown} next */
  async function reload(next) {
    if (!current) return;
    try {
      await load(current.id);
      next();
    } catch (error) {
      banner(notice, "Could not reload the playlist", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  }

  /** @param {Change} pending */
  function conflict(pending) {
    banner(
      notice,
      "This playlist was changed somewhere else",
      "Your change was not saved. Reload to see the latest version, or apply your change to it.",
      {
        variant: "error",
        actions: [
          button("Reload", () => reload(() => clear(notice)), { "data-testid": "conflict-reload" }),
          button("Apply my change again", () => reload(() => change(pending)), { variant: "primary", "data-testid": "conflict-retry" }),
        ],
      },
    );
  }

  byId("playlist-create").addEventListener("click", async () => {
    const wanted = name.value.trim();
    if (!wanted) {
      banner(notice, "Give the playlist a name");
      return;
    }
    try {
      const { data } = await api("/v1/me/playlists", { method: "POST", json: { name: wanted } });
      name.value = "";
      current = { id: data.id, uri: data.uri, snapshot: data.snapshot_id, tracks: [] };
      await refreshList();
      select.value = data.id;
      await load(data.id);
      clear(notice);
    } catch (error) {
      banner(notice, "The playlist was not created", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  });
  select.addEventListener("change", () => load(select.value).catch((error) => banner(notice, "Could not open the playlist", String(error.message), { variant: "error" })));
  byId("playlist-reload").addEventListener("click", () => reload(() => clear(notice)));

  return {
    refreshList,
    /** Add `track` to the chosen playlist. @param {any} track */
    add: (/** @type {any} */ track) => change({ kind: "add", uri: track.uri }),
  };
}
