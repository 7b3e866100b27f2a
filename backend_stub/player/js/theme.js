// The theme switch: sets the generated theme attribute (`data-encore-theme`) on the
// document; without a choice the page follows the system's colour scheme.

import { byId } from "./dom.js";

const KEY = "encore.theme";

export function setUpTheme() {
  const toggle = byId("theme-toggle");
  const root = document.documentElement;
  const saved = localStorage.getItem(KEY);
  if (saved === "light" || saved === "dark") root.dataset.encoreTheme = saved;
  const light = () => (root.dataset.encoreTheme ?? (matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark")) === "light";
  toggle.toggleAttribute("checked", light());
  toggle.addEventListener("change", () => {
    const theme = toggle.hasAttribute("checked") ? "light" : "dark";
    root.dataset.encoreTheme = theme;
    localStorage.setItem(KEY, theme);
  });
}
