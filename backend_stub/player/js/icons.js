// The player's icons: 24-unit SVG paths drawn in the current colour (sized by the
// component's icon part).

const PATHS = {
  play: "M8 5v14l11-7z",
  pause: "M6 5h4v14H6zM14 5h4v14h-4z",
  add: "M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z",
  download: "M11 4h2v8l3-3 1.4 1.4L12 15.8 6.6 10.4 8 9l3 3zM5 18h14v2H5z",
  up: "M12 6l6 6-1.4 1.4-3.6-3.6V18h-2V9.8l-3.6 3.6L6 12z",
  down: "M12 18l-6-6 1.4-1.4 3.6 3.6V6h2v8.2l3.6-3.6L18 12z",
  remove: "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z",
};

/** @typedef {keyof typeof PATHS} IconName */

/** An icon for a component's `icon` slot. @param {IconName} name */
export function icon(name) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("fill", "currentColor");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("slot", "icon");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", PATHS[name]);
  svg.append(path);
  return svg;
}
