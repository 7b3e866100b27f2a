// Privacy: download everything the service holds about me, and delete my account (after
// a second, explicit confirmation).

import { api } from "./api.js";
import { banner, byId, clear, el } from "./dom.js";

/** @param {{ onDeleted: () => void }} hooks */
export function setUpAccount({ onDeleted }) {
  const status = byId("account-status");
  const confirm = byId("delete-confirm");
  /** @type {string | null} */
  let link = null;

  byId("export").addEventListener("click", async () => {
    try {
      const { data } = await api("/v1/me/export");
      if (link) URL.revokeObjectURL(link);
      link = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const areas = Object.keys(data).filter((key) => key !== "profile");
      banner(status, "Your data is ready", `Profile and ${areas.length} areas: ${areas.join(", ")}.`, {
        actions: [el("a", { href: link, download: "encore-export.json", "data-testid": "export-link" }, "Download encore-export.json")],
      });
      status.append(el("pre", { class: "export", "data-testid": "export-json", tabindex: "0", "aria-label": "Exported data" }, JSON.stringify(data, null, 2)));
    } catch (error) {
      banner(status, "Export failed", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  });
  byId("delete").addEventListener("click", () => {
    confirm.hidden = false;
    byId("delete-yes").focus();
  });
  byId("delete-no").addEventListener("click", () => {
    confirm.hidden = true;
  });
  byId("delete-yes").addEventListener("click", async () => {
    try {
      await api("/v1/me", { method: "DELETE" });
      confirm.hidden = true;
      clear(status);
      onDeleted();
    } catch (error) {
      banner(status, "The account was not deleted", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  });
}
