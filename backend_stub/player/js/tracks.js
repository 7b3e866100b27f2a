// Tracks as the generated `encore-track-row`: number, title, artists, duration, a badge
// when the track cannot play in the user's market, and per-row actions.

import { clock, el } from "./dom.js";

/** @typedef {{ onPlay: (track: any, list: any[]) => void, actions?: (track: any, index: number) => HTMLElement[], note?: (track: any, index: number) => string }} RowOptions */

const REASONS = /** @type {Record<string, string>} */ ({ market: "Not available in your country" });

/**
 * One row. An unplayable track is `unavailable` and `disabled` (the row does not emit
 * `play`), says why, and explains itself when clicked.
 * @param {any} track @param {number} index @param {any[]} list @param {RowOptions} options
 */
export function trackRow(track, index, list, options) {
  const playable = track.is_playable !== false;
  const reason = track.restrictions?.reason;
  const artists = track.artists.map((/** @type {any} */ a) => a.name).join(", ");
  const note = options.note?.(track, index);
  const row = el(
    "encore-track-row",
    {
      "data-track-id": track.id,
      "data-testid": "track-row",
      unavailable: !playable,
      disabled: !playable,
      "aria-label": `${track.name} by ${artists}${playable ? "" : `, ${REASONS[reason] ?? "unavailable"}`}`,
    },
    el("span", { slot: "index" }, String(index + 1)),
    el("span", { class: "track-title" }, track.name),
    el(
      "span",
      { slot: "artist", class: "track-artist" },
      artists,
      note ? el("span", { class: "track-note" }, note) : null,
      playable ? null : el("encore-badge", { tone: "neutral", "data-testid": "unavailable" }, REASONS[reason] ?? "Unavailable"),
    ),
    el("span", { slot: "duration", class: "track-end" }, clock(track.duration_ms), ...(options.actions?.(track, index) ?? [])),
  );
  row.addEventListener("play", () => options.onPlay(track, list));
  if (!playable) row.addEventListener("click", () => options.onPlay(track, list));
  return row;
}

/**
 * Fill `container` (a `role="grid"` list) with rows for `tracks`, or an empty message.
 * @param {HTMLElement} container @param {any[]} tracks @param {RowOptions} options @param {string} [empty]
 */
export function showTracks(container, tracks, options, empty = "Nothing here yet.") {
  if (!tracks.length) {
    container.replaceChildren(el("p", { class: "empty" }, empty));
    return;
  }
  container.replaceChildren(...tracks.map((track, i) => trackRow(track, i, tracks, options)));
}

/** Mark the row of `trackId` as playing (and no other). @param {string | null} trackId */
export function markPlaying(trackId) {
  for (const row of document.querySelectorAll("encore-track-row")) {
    row.toggleAttribute("playing", row.getAttribute("data-track-id") === trackId);
  }
}
