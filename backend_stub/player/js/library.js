// Listening history and recommendations: plays are posted as listening events, then
// "recently played" and "because you played X" are read back.

import { api, ApiError } from "./api.js";
import { banner, byId } from "./dom.js";
import { showTracks } from "./tracks.js";

const CONTEXT = /^encore:(album|artist|playlist):[0-9A-Za-z]{22}$/;

/**
 * @param {{ market: () => string | null, rowOptions: import("./tracks.js").RowOptions }} deps
 */
export function setUpLibrary({ market, rowOptions }) {
  const recent = byId("recent-tracks");
  const recommended = byId("recommended-tracks");

  async function refreshRecent() {
    try {
      const { data } = await api("/v1/me/player/recently-played?limit=20");
      const items = data.items;
      showTracks(recent, items.map((/** @type {any} */ i) => i.track), {
        ...rowOptions,
        note: (_track, index) => `played ${new Date(items[index].played_at).toLocaleTimeString()}`,
      }, "Nothing played yet.");
    } catch (error) {
      banner(recent, "Recently played is not available", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  }

  async function refreshRecommendations() {
    const where = market();
    try {
      const { data } = await api(`/v1/me/recommendations?limit=10${where ? `&market=${where}` : ""}`);
      const items = data.items;
      showTracks(recommended, items.map((/** @type {any} */ i) => i.track), {
        ...rowOptions,
        note: (_track, index) => {
          const reason = items[index].reason;
          return reason?.type === "because_you_played" ? `Because you played ${reason.seed.name}` : "Popular right now";
        },
      }, "Play something to get recommendations.");
    } catch (error) {
      banner(recommended, "Recommendations are not available", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  }

  /**
   * Post one play; on a full queue (503) try once more after Retry-After.
   * @param {import("./playback.js").Listen} listen
   */
  async function listened(listen) {
    const event = {
      track_id: listen.track.id,
      ms_played: listen.msPlayed,
      played_at: new Date().toISOString(),
      ...(listen.contextUri && CONTEXT.test(listen.contextUri) ? { context_uri: listen.contextUri } : {}),
    };
    const send = () => api("/v1/me/player/events", { method: "POST", json: event });
    try {
      await send();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 503) return;
      const wait = Number(error.headers.get("Retry-After") ?? "1");
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      await send().catch(() => undefined);
    }
    // both wait on the server until this user's queued plays are written
    await Promise.all([refreshRecent(), refreshRecommendations()]);
  }

  byId("recent-refresh").addEventListener("click", refreshRecent);
  byId("recommended-refresh").addEventListener("click", refreshRecommendations);
  return { refreshRecent, refreshRecommendations, listened };
}
