// @ts-check
// A memory snapshot of the started Python, kept on this device so that later visits skip starting
// it (restoring takes about a fifth of the time: README, "Kinerja"). Used by the assessment worker.
//
// The snapshot is taken once the package is imported, before any answer is seen: it holds no data of
// the reader. It is 31 MB, kept as it is in the browser's Cache Storage (compressed, reading it back
// would cost most of what it saves), one per runtime: RUNTIME_KEY, a hash of the runtime files, is
// written into the built site's copy of this file by scripts/runtime_key.py. Unfilled (as
// `mkdocs serve` serves this file), no snapshot is made or used. Any failure only means a normal start.

const RUNTIME_KEY = /** @type {string} */ ("");
const SITE = new URL("../../", import.meta.url);
const CACHE = `sistem-kerja-python:${SITE.pathname}`; // not the service worker's prefix: it keeps it
const ENTRY = new URL(`assets/runtime/python-${RUNTIME_KEY}.snapshot`, SITE).href; // a cache key, never fetched

/** Whether this build makes and uses snapshots (and the browser can keep them). */
export const snapshotsOn = Boolean(RUNTIME_KEY) && typeof caches !== "undefined";

/**
 * The snapshot of this runtime kept on the device, if any.
 * @returns {Promise<Uint8Array | null>}
 */
export async function readSnapshot() {
  if (!snapshotsOn) return null;
  try {
    const response = await (await caches.open(CACHE)).match(ENTRY);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/**
 * Keep `bytes` as this runtime's snapshot, dropping those of other runtimes.
 * @param {Uint8Array} bytes
 */
export async function keepSnapshot(bytes) {
  if (!snapshotsOn) return;
  try {
    const cache = await caches.open(CACHE);
    for (const request of await cache.keys()) if (request.url !== ENTRY) await cache.delete(request);
    const body = /** @type {Uint8Array<ArrayBuffer>} */ (bytes); // Pyodide's copy of its memory, not shared
    await cache.put(ENTRY, new Response(body, { headers: { "content-type": "application/octet-stream" } }));
  } catch (error) {
    console.warn("Salinan penghitung tidak dapat disimpan di perangkat ini:", error);
  }
}

/** Forget this runtime's snapshot (it failed to restore). */
export async function dropSnapshot() {
  if (snapshotsOn) await caches.delete(CACHE).catch(() => false);
}
