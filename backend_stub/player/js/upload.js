// Artist uploads: the form posts the file as a job, then the job is polled until it is
// published or rejected (with the reason: corrupt, truncated or silent).

import { api } from "./api.js";
import { banner, byId, el } from "./dom.js";

const FINAL = new Set(["succeeded", "rejected", "failed"]);
const POLL_MS = 400;
const GIVE_UP_MS = 5 * 60_000;
const REASONS = /** @type {Record<string, string>} */ ({
  corrupt: "the file could not be decoded",
  truncated: "the file is shorter than its declared duration",
  silent: "the audio is silent",
});

export function setUpUpload() {
  const form = /** @type {HTMLFormElement} */ (byId("upload-form"));
  const status = byId("upload-status");

  /** @param {any} job */
  function show(job) {
    const state = el("strong", { "data-testid": "job-state" }, job.state);
    const parts = [el("span", {}, "Job ", state)];
    if (job.reason) parts.push(el("span", {}, " · reason: ", el("strong", { "data-testid": "job-reason" }, job.reason), ` (${REASONS[job.reason] ?? job.reason})`));
    if (job.message) parts.push(el("span", { class: "job-message" }, ` ${job.message}`));
    if (job.track) parts.push(el("span", {}, ` · published as “${job.track.name}”`));
    const variant = job.state === "rejected" || job.state === "failed" ? "error" : "info";
    banner(status, `Upload ${job.state}`, "", { variant });
    status.append(el("p", { class: "job" }, ...parts));
  }

  /** Poll the job until it ends (or stop watching after a while). @param {string} location */
  async function follow(location) {
    const until = Date.now() + GIVE_UP_MS;
    for (;;) {
      const { data } = await api(location);
      show(data);
      if (FINAL.has(data.state)) return;
      if (Date.now() > until) {
        status.append(`Still ${data.state}: look again later at ${location}.`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    const seconds = Number(fields.get("duration"));
    fields.delete("duration");
    fields.set("duration_ms", String(Math.round(seconds * 1000)));
    try {
      const { data, headers } = await api("/v1/uploads", { method: "POST", body: fields });
      show(data);
      await follow(headers.get("Location") ?? `/v1/jobs/${data.id}`);
    } catch (error) {
      banner(status, "The upload was refused", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  });
}
