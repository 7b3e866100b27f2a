// Playback: one <audio> element fed progressively (byte ranges) or by HLS through hls.js
// (levels shown and selectable; failed segments retried with jittered backoff), with the
// seek and volume sliders, the next track prefetched and listening time measured.

import { banner, byId, clear, clock, innerInput } from "./dom.js";
import { prefetchHls, prefetchProgressive } from "./prefetch.js";
import { icon } from "./icons.js";
import { retryingLoader } from "./retry-loader.js";

const SEEK_JUMP_S = 1; // a larger step between time updates is a seek, not listening
const DEFAULT_KBPS = 128;

/** The track's progressive rendition nearest `kbps`. @param {any} track @param {number} kbps */
export function progressiveRendition(track, kbps) {
  const renditions = [...track.streams.progressive];
  renditions.sort((a, b) => Math.abs(a.bitrate_kbps - kbps) - Math.abs(b.bitrate_kbps - kbps));
  return renditions[0];
}

/** @typedef {{ track: any, msPlayed: number, playedAt: string, contextUri: string | null }} Listen */

/** A level's name: its rendition ("256 kbps", from the variant's folder) or its bandwidth. @param {any} level */
export function levelName(level) {
  const url = Array.isArray(level.url) ? level.url[0] : String(level.url ?? "");
  const rendition = url.match(/\/(\d+)k\/[^/]*$/) ?? url.match(/\/(\d+)k\//);
  return `${rendition ? rendition[1] : Math.round(level.bitrate / 1000)} kbps`;
}

export class Playback {
  /** @param {{ onListened: (listen: Listen) => void, onTrack: (track: any) => void }} hooks */
  constructor(hooks) {
    this.hooks = hooks;
    this.audio = /** @type {HTMLAudioElement} */ (byId("audio"));
    this.button = byId("play-pause");
    this.seek = byId("seek");
    this.volume = byId("volume");
    this.mode = /** @type {HTMLSelectElement} */ (byId("mode"));
    this.quality = /** @type {HTMLSelectElement} */ (byId("quality"));
    this.level = byId("level");
    this.retries = byId("retries");
    this.nextUp = byId("next-up");
    this.notice = byId("player-notice");
    /** @type {any} */
    this.Hls = null;
    /** @type {any} */
    this.hls = null;
    /** @type {any} */
    this.track = null;
    /** @type {any[]} */
    this.queue = [];
    this.contextUri = /** @type {string | null} */ (null);
    /** @type {string | null} */
    this.blobUrl = null;
    this.retryCount = 0;
    this.progressiveKbps = DEFAULT_KBPS;
    this.dragging = false;
    this.listen = { ms: 0, last: 0, startedAt: "" };
    this.#wire();
  }

  /** hls.js's class once loaded, or null for the browser's own HLS. @param {any} Hls */
  useHls(Hls) {
    this.Hls = Hls;
  }

  #wire() {
    const audio = this.audio;
    this.button.addEventListener("click", () => this.toggle());
    audio.addEventListener("play", () => this.#showPlaying(true));
    audio.addEventListener("pause", () => this.#showPlaying(false));
    audio.addEventListener("playing", () => this.#prefetchNext());
    audio.addEventListener("durationchange", () => {
      if (Number.isFinite(audio.duration)) this.seek.setAttribute("max", String(audio.duration));
      byId("duration").textContent = clock(audio.duration * 1000);
    });
    audio.addEventListener("timeupdate", () => this.#tick());
    audio.addEventListener("ended", () => {
      this.#report();
      const next = this.#next();
      if (next) this.play(next, this.queue, this.contextUri);
    });
    audio.addEventListener("error", () => {
      if (audio.error && !this.hls) banner(this.notice, "Playback failed", audio.error.message || "the stream could not be played", { variant: "error" });
    });
    this.seek.addEventListener("input", () => {
      this.dragging = true;
    });
    this.seek.addEventListener("change", () => {
      this.dragging = false;
      const to = Number(innerInput(this.seek).value);
      if (Number.isFinite(to)) audio.currentTime = to;
    });
    this.volume.addEventListener("change", () => {
      audio.volume = Number(innerInput(this.volume).value);
    });
    this.volume.addEventListener("input", () => {
      audio.volume = Number(innerInput(this.volume).value);
    });
    this.quality.addEventListener("change", () => {
      if (this.hls) {
        this.hls.currentLevel = Number(this.quality.value);
        this.#showLevel();
      } else if (this.track && this.mode.value === "progressive") {
        this.#switchRendition(Number(this.quality.value));
      }
    });
  }

  /**
   * Play `track` from `queue` (what comes next), by the selected streaming mode.
   * @param {any} track @param {any[]} queue @param {string | null} [contextUri]
   */
  async play(track, queue = [track], contextUri = null) {
    if (track.is_playable === false) {
      banner(this.notice, `${track.name} is not available`, "It is not licensed in your country.", { variant: "error" });
      return;
    }
    this.#report();
    this.#reset();
    this.track = track;
    this.queue = queue;
    this.contextUri = contextUri;
    this.#showTrack(track.name, track.artists.map((/** @type {any} */ a) => a.name).join(", "));
    this.hooks.onTrack(track);
    if (this.mode.value === "progressive") {
      const renditions = track.streams.progressive;
      this.quality.replaceChildren(...renditions.map((/** @type {any} */ r) => new Option(`${r.bitrate_kbps} kbps`, String(r.bitrate_kbps))));
      this.quality.value = String(progressiveRendition(track, this.progressiveKbps).bitrate_kbps);
      this.quality.disabled = false;
      this.#showRendition(progressiveRendition(track, this.progressiveKbps));
    } else {
      this.#startHls(track.streams.hls);
    }
    await this.#start();
  }

  /** Play decrypted offline audio. @param {string} url  a blob: URL @param {any} track */
  async playBlob(url, track) {
    this.#report();
    this.#reset();
    this.track = track;
    this.queue = [track];
    this.#showTrack(track.name, "Offline copy");
    this.hooks.onTrack(track);
    this.audio.src = url;
    this.blobUrl = url;
    this.level.textContent = "Offline (decrypted on this device)";
    await this.#start();
  }

  async #start() {
    try {
      await this.audio.play();
    } catch (error) {
      if (/** @type {Error} */ (error).name !== "AbortError") {
        banner(this.notice, "Playback did not start", String(/** @type {Error} */ (error).message), { variant: "error" });
      }
    }
  }

  toggle() {
    if (!this.audio.src && !this.hls) return;
    if (this.audio.paused) this.#start();
    else this.audio.pause();
  }

  /** @param {any} rendition */
  #showRendition(rendition) {
    this.audio.src = rendition.url;
    this.level.textContent = `Progressive, ${rendition.bitrate_kbps} kbps`;
  }

  /** Change the progressive rendition, keeping the position. @param {number} kbps */
  async #switchRendition(kbps) {
    this.progressiveKbps = kbps;
    const at = this.audio.currentTime;
    const wasPlaying = !this.audio.paused;
    this.#showRendition(progressiveRendition(this.track, kbps));
    this.audio.currentTime = at;
    if (wasPlaying) await this.#start();
  }

  /** @param {string} master */
  #startHls(master) {
    const Hls = this.Hls;
    if (!Hls || !Hls.isSupported()) {
      this.audio.src = master; // the browser's own HLS, where it has one
      this.level.textContent = "Native HLS (no level control)";
      return;
    }
    const fLoader = retryingLoader(Hls.DefaultConfig.loader, (note) => {
      this.retryCount += 1;
      this.retries.textContent = String(this.retryCount);
      this.retries.title = `last: ${note.url.split("?")[0].split("/").slice(-2).join("/")} (HTTP ${note.status}) retried after ${note.delayMs} ms`;
    });
    const hls = new Hls({ fLoader, startLevel: 0, capLevelToPlayerSize: false });
    this.hls = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      const options = [new Option("Auto", "-1")];
      hls.levels.forEach((/** @type {any} */ level, /** @type {number} */ index) => {
        options.push(new Option(levelName(level), String(index)));
      });
      this.quality.replaceChildren(...options);
      this.quality.value = "-1";
      this.quality.disabled = false;
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, () => this.#showLevel());
    hls.on(Hls.Events.ERROR, (/** @type {string} */ _event, /** @type {any} */ data) => {
      if (data.fatal) banner(this.notice, "Playback failed", `${data.type}: ${data.details}`, { variant: "error" });
    });
    hls.loadSource(master);
    hls.attachMedia(this.audio);
  }

  #showLevel() {
    const hls = this.hls;
    if (!hls || hls.currentLevel < 0) return;
    const level = hls.levels[hls.currentLevel];
    const how = hls.autoLevelEnabled ? "auto" : "chosen";
    this.level.textContent = `${levelName(level)} (${how})`;
    this.level.dataset.level = String(hls.currentLevel);
  }

  #reset() {
    clear(this.notice);
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
    this.audio.removeAttribute("src");
    this.audio.load();
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl); // the decrypted copy is let go
    this.blobUrl = null;
    this.quality.replaceChildren(new Option("Auto", "-1"));
    this.quality.disabled = true;
    this.level.textContent = "";
    delete this.level.dataset.level;
    this.nextUp.textContent = "";
    this.listen = { ms: 0, last: 0, startedAt: new Date().toISOString() };
    this.seek.setAttribute("value", "0");
  }

  #tick() {
    const now = this.audio.currentTime;
    const step = now - this.listen.last;
    if (!this.audio.paused && step > 0 && step < SEEK_JUMP_S) this.listen.ms += step * 1000;
    this.listen.last = now;
    byId("position").textContent = clock(now * 1000);
    if (!this.dragging) {
      this.seek.setAttribute("value", String(now));
      this.seek.setAttribute("value-text", `${clock(now * 1000)} of ${clock(this.audio.duration * 1000)}`);
    }
  }

  /** Tell the listener how long the current track was heard (once). */
  #report() {
    if (this.track && this.listen.ms >= 1) {
      this.hooks.onListened({ track: this.track, msPlayed: Math.round(this.listen.ms), playedAt: this.listen.startedAt, contextUri: this.contextUri });
    }
    this.listen.ms = 0;
  }

  #next() {
    const at = this.queue.findIndex((t) => t.id === this.track?.id);
    return this.queue.slice(at + 1).find((t) => t.is_playable !== false) ?? null;
  }

  async #prefetchNext() {
    const next = this.#next();
    if (!next || this.nextUp.dataset.trackId === next.id) return;
    this.nextUp.dataset.trackId = next.id;
    this.nextUp.textContent = `${next.name} (loading)`;
    try {
      const level = this.hls && this.hls.currentLevel >= 0 ? this.hls.levels[this.hls.currentLevel].bitrate : null;
      if (this.mode.value === "progressive") {
        await prefetchProgressive(progressiveRendition(next, this.progressiveKbps).url);
      } else {
        await prefetchHls(next.streams.hls, level);
      }
      this.nextUp.textContent = `${next.name} (ready)`;
    } catch {
      this.nextUp.textContent = `${next.name} (will load when it starts)`;
    }
  }

  /** @param {boolean} playing */
  #showPlaying(playing) {
    this.button.setAttribute("label", playing ? "Pause" : "Play");
    this.button.replaceChildren(icon(playing ? "pause" : "play"));
  }

  /** @param {string} title @param {string} subtitle */
  #showTrack(title, subtitle) {
    byId("now-title").textContent = title;
    byId("now-artist").textContent = subtitle;
  }
}
