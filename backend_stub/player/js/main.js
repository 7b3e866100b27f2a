// The web player's entry point: signs in (or finishes signing in), then wires search,
// playback, playlists, history, recommendations, uploads, offline and privacy.

import { setUpAccount } from "./account.js";
import { api } from "./api.js";
import { banner, byId, clear, iconButton } from "./dom.js";
import { setUpLibrary } from "./library.js";
import { DecryptError, OfflineDevice } from "./offline.js";
import { Playback } from "./playback.js";
import { setUpPlaylists } from "./playlists.js";
import { setUpSearch } from "./search.js";
import * as session from "./session.js";
import { setUpTheme } from "./theme.js";
import { markPlaying } from "./tracks.js";
import { setUpUpload } from "./upload.js";

const HLS_SCRIPT = "/player/vendor/hls.js";
const notice = byId("notice");
/** @type {any} */
let me = null;
const market = () => me?.country ?? null;

/** hls.js (a classic script that defines `Hls`), or null when it is not installed. */
function loadHls() {
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = HLS_SCRIPT;
    script.onload = () => resolve(/** @type {any} */ (window).Hls ?? null);
    script.onerror = () => {
      banner(notice, "hls.js is not installed", "Adaptive streaming uses the browser's own HLS, if it has one. Install it with: npm ci --prefix tools");
      resolve(null);
    };
    document.head.append(script);
  });
}

const device = new OfflineDevice();
const offlineStatus = byId("offline-status");
/** @param {any} track */
async function downloadForOffline(track) {
  banner(offlineStatus, `Downloading ${track.name} for offline…`);
  try {
    const result = await device.download(track, (done, total) => {
      byId("offline-progress").textContent = `${done} of ${total} chunks decrypted`;
    });
    banner(offlineStatus, `${track.name} is available offline`, `${result.chunks} chunks, ${result.bytes} bytes, decrypted on this device.`);
    await playback.playBlob(result.url, track);
  } catch (error) {
    const title = error instanceof DecryptError ? "The offline copy is damaged" : "The download failed";
    banner(offlineStatus, title, String(/** @type {Error} */ (error).message), { variant: "error" });
  }
}

/** @type {import("./tracks.js").RowOptions} */
const rowOptions = {
  onPlay: (track, list) => playback.play(track, list),
  actions: (track) => [
    iconButton(`Add ${track.name} to the playlist`, "add", () => playlists.add(track)),
    iconButton(`Download ${track.name} for offline`, "download", () => downloadForOffline(track), { disabled: track.is_playable === false }),
  ],
};

const library = setUpLibrary({ market, rowOptions });
const playback = new Playback({ onListened: (listen) => library.listened(listen), onTrack: (track) => markPlaying(track.id) });
const playlists = setUpPlaylists({ market, onPlay: (track, list, context) => playback.play(track, list, context) });
setUpSearch({ market, rowOptions });
setUpUpload();
setUpAccount({
  onDeleted: () => {
    session.end();
    banner(notice, "Your account has been deleted", "Your listening history was anonymised and your sessions were signed out.");
  },
});
setUpTheme();

function showLogin() {
  me = null;
  byId("app").hidden = true;
  byId("login").hidden = false;
  byId("who").textContent = "";
  byId("logout").hidden = true;
}

async function showApp() {
  const { data } = await api("/v1/me");
  me = data;
  byId("who").textContent = `${data.display_name} · ${data.country} · ${data.product}`;
  byId("login").hidden = true;
  byId("app").hidden = false;
  byId("logout").hidden = false;
  byId("upload").hidden = !session.scopes().has("artist-upload");
  await Promise.all([playlists.refreshList(), library.refreshRecent(), library.refreshRecommendations()]);
}

byId("login-button").addEventListener("click", () => {
  const artist = /** @type {HTMLInputElement} */ (byId("as-artist")).checked;
  session.login({ artist });
});
byId("logout").addEventListener("click", () => {
  clear(notice);
  session.end();
});
session.onEnd(showLogin);

async function start() {
  const hls = loadHls().then((Hls) => {
    playback.useHls(Hls);
    if (!Hls && !document.createElement("audio").canPlayType("application/vnd.apple.mpegurl")) {
      /** @type {HTMLSelectElement} */ (byId("mode")).value = "progressive";
    }
  });
  try {
    await session.completeLogin();
  } catch (error) {
    banner(notice, "Login failed", String(/** @type {Error} */ (error).message), { variant: "error" });
  }
  await hls;
  if (!session.resume()) {
    showLogin();
  } else {
    try {
      await showApp();
    } catch (error) {
      banner(notice, "Could not load your account", String(/** @type {Error} */ (error).message), { variant: "error" });
      session.end();
    }
  }
  document.body.dataset.ready = "true";
}

start();
