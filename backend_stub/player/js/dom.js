// Small DOM helpers shared by the player's modules.

import { icon } from "./icons.js";

/**
 * An element with attributes and children. `on*` keys add listeners; `true` sets a
 * boolean attribute, `false`/`null`/`undefined` leaves it out.
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    } else if (value === true) {
      node.setAttribute(key, "");
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(key, String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** @param {string} id */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node;
}

/** m:ss for a number of milliseconds. @param {number} ms */
export function clock(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/**
 * Show a message in an `encore-banner` (an error is an alert, the rest a status).
 * @param {HTMLElement} place  where the banner goes (its content is replaced)
 * @param {string} title
 * @param {string} [message]
 * @param {{ variant?: "info" | "error", actions?: HTMLElement[] }} [options]
 */
export function banner(place, title, message = "", { variant = "info", actions = [] } = {}) {
  const box = el(
    "encore-banner",
    { variant, "data-testid": `${place.id}-banner` },
    title,
    message ? el("span", { slot: "message" }, message) : null,
    actions.length ? el("span", { slot: "action", class: "actions" }, ...actions) : null,
  );
  place.replaceChildren(box);
  return box;
}

/** @param {HTMLElement} place */
export function clear(place) {
  place.replaceChildren();
}

/**
 * A generated `encore-button`; its clicks and keys stay out of any row it sits in.
 * @param {string} label
 * @param {() => void} action
 * @param {Record<string, unknown>} [attrs]
 */
export function button(label, action, attrs = {}) {
  const node = el("encore-button", { variant: "secondary", size: "small", ...attrs }, label);
  node.addEventListener("click", (event) => {
    event.stopPropagation();
    action();
  });
  node.addEventListener("keydown", (event) => event.stopPropagation());
  return node;
}

/**
 * A generated `encore-icon-button` named by `label` (its accessible name and tooltip),
 * kept out of any row it sits in, like `button`.
 * @param {string} label
 * @param {import("./icons.js").IconName} name
 * @param {() => void} action
 * @param {Record<string, unknown>} [attrs]
 */
export function iconButton(label, name, action, attrs = {}) {
  const node = el("encore-icon-button", { variant: "tertiary", size: "small", label, title: label, ...attrs }, icon(name));
  node.addEventListener("click", (event) => {
    event.stopPropagation();
    action();
  });
  node.addEventListener("keydown", (event) => event.stopPropagation());
  return node;
}

/** The native input inside a generated component (search field, slider). @param {Element} host */
export function innerInput(host) {
  const input = host.shadowRoot?.querySelector("input");
  if (!(input instanceof HTMLInputElement)) throw new Error(`${host.localName} has no input`);
  return input;
}
