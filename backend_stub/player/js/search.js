// Search: the generated search field, results as track rows, and "did you mean" when
// the query matched nothing as typed.

import { api } from "./api.js";
import { banner, byId, button, clear, innerInput } from "./dom.js";
import { showTracks } from "./tracks.js";

/**
 * @param {{ market: () => string | null, rowOptions: import("./tracks.js").RowOptions }} deps
 */
export function setUpSearch({ market, rowOptions }) {
  const field = byId("search-field");
  const results = byId("results");
  const hint = byId("did-you-mean");

  /** @param {string} query */
  async function run(query) {
    const q = query.trim();
    if (!q) return;
    const params = new URLSearchParams({ q, type: "track", limit: "20" });
    const where = market();
    if (where) params.set("market", where);
    try {
      const { data } = await api(`/v1/search?${params}`);
      if (data.did_you_mean) {
        hint.replaceChildren(
          "Did you mean ",
          button(data.did_you_mean, () => {
            innerInput(field).value = data.did_you_mean;
            run(data.did_you_mean);
          }, { variant: "tertiary", "data-testid": "did-you-mean" }),
          `? Showing results for “${data.did_you_mean}”.`,
        );
      } else {
        clear(hint);
      }
      showTracks(results, data.tracks?.items ?? [], rowOptions, `No tracks match “${q}”.`);
    } catch (error) {
      banner(results, "Search failed", String(/** @type {Error} */ (error).message), { variant: "error" });
    }
  }

  field.addEventListener("submit", () => run(innerInput(field).value));
  byId("search-button").addEventListener("click", () => run(innerInput(field).value));
  return { run };
}
