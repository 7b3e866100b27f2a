// Prefetching the next track into the HTTP cache, so it starts at once: for HLS its
// master and variant playlists, init segment and first media segment (segments are
// immutable, so the cache keeps them); for progressive the first bytes of the file.

const PROGRESSIVE_BYTES = 256 * 1024;

/** @param {string} text @param {string} base */
function uris(text, base) {
  const found = [];
  for (const line of text.split("\n").map((l) => l.trim())) {
    const map = line.match(/^#EXT-X-MAP:URI="([^"]+)"/);
    if (map) found.push(new URL(map[1], base).href);
    else if (line && !line.startsWith("#")) found.push(new URL(line, base).href);
  }
  return found;
}

/** @param {string} url */
async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

/**
 * Fetch the start of an HLS track: the variant whose bandwidth is closest to
 * `bitrate` (bit/s), or the first.
 * @param {string} master @param {number | null} bitrate
 * @returns {Promise<string[]>} the URLs fetched
 */
export async function prefetchHls(master, bitrate) {
  const masterText = await text(master);
  const lines = masterText.split("\n");
  /** @type {{ bandwidth: number, uri: string }[]} */
  const variants = [];
  lines.forEach((line, i) => {
    const bandwidth = line.match(/^#EXT-X-STREAM-INF:.*?BANDWIDTH=(\d+)/);
    if (bandwidth && lines[i + 1]) variants.push({ bandwidth: Number(bandwidth[1]), uri: lines[i + 1].trim() });
  });
  if (!variants.length) return [master];
  const wanted = bitrate ?? variants[0].bandwidth;
  variants.sort((a, b) => Math.abs(a.bandwidth - wanted) - Math.abs(b.bandwidth - wanted));
  const variant = new URL(variants[0].uri, master).href;
  const media = uris(await text(variant), variant).slice(0, 2); // init + first segment
  await Promise.all(media.map((url) => fetch(url).then((r) => r.arrayBuffer())));
  return [master, variant, ...media];
}

/** Fetch the first bytes of a progressive rendition. @param {string} url */
export async function prefetchProgressive(url) {
  const response = await fetch(url, { headers: { Range: `bytes=0-${PROGRESSIVE_BYTES - 1}` } });
  await response.arrayBuffer();
  return [url];
}
