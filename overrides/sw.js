// @ts-check
// The site's service worker: after one visit every page, asset, deck and the Pyodide runtime are
// served from a versioned cache, with or without a network.
//
// scripts/service_worker.py fills PRECACHE in the built site's copy (the file list with sizes and
// content hashes, and a version that is a hash of that list). Install fills a new cache, taking each
// file from an earlier version's cache or from the HTTP cache of the visit that registered this
// worker before the network (nothing the first visit downloaded is downloaded twice), and checks
// every file's hash, so a stale copy never mixes into a version. A new version waits until the page
// asks it to take over (the page offers "muat ulang"); on activation older versions are deleted.
// Unfilled (as `mkdocs serve` serves this file) the worker removes itself and its caches.

/**
 * @typedef {[url: string, size: number, sha256: string]} Entry a path under the scope ("./" for the
 *   home page, "nilai/" for nilai/index.html), its size in bytes and the first 16 hex digits of its sha256
 * @typedef {{version: string, files: Entry[], optional: string[]}} Precache `optional`: files
 *   fetched only when needed (kept once used, e.g. the full standard library)
 */

/** @type {Precache} */
const PRECACHE = /* precache */ { version: "", files: [], optional: [] } /* end precache */;

const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const SCOPE = new URL(worker.registration.scope);
// Cache Storage is per origin: the scope in the name keeps two copies of the site on one host apart.
const PREFIX = `sistem-kerja:${SCOPE.pathname}:`;
const CACHE = PREFIX + PRECACHE.version;
const PARALLEL = 4;

/** Cache key of a request: the file's URL under the scope, without query or fragment ("x/index.html" → "x/"). */
const keyOf = (/** @type {string} */ href) => {
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -"index.html".length);
  return url.href;
};

const KNOWN = new Set([...PRECACHE.files.map(([path]) => path), ...PRECACHE.optional].map(
  (path) => keyOf(new URL(path, SCOPE).href)));

/** @param {ArrayBuffer} body */
const sha256 = async (body) => Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", body)),
  (byte) => byte.toString(16).padStart(2, "0")).join("").slice(0, 16);

/**
 * A response to keep: the body as it is (decoded), with the headers that describe it.
 * @param {Response} response
 * @param {ArrayBuffer} body
 */
const stored = (response, body) => {
  const headers = new Headers(response.headers);
  for (const name of ["content-encoding", "content-length", "transfer-encoding", "vary", "date"]) headers.delete(name);
  return new Response(body, { status: 200, statusText: "OK", headers });
};

/**
 * The file of `entry` with its expected content, from wherever it is cheapest to get; rejects when
 * even the network has no matching copy.
 * @param {Entry} entry
 * @param {string[]} earlier names of earlier versions' caches
 * @returns {Promise<Response>}
 */
async function obtain([path, size, hash], earlier) {
  const url = new URL(path, SCOPE).href;
  /** @type {(() => Promise<Response | undefined>)[]} */
  const sources = [
    ...earlier.map((name) => () => caches.open(name).then((cache) => cache.match(url))),
    () => fetch(url, { cache: "force-cache" }), // what this visit already downloaded
    () => fetch(url, { cache: "reload" }),
  ];
  for (const source of sources) {
    const response = await source();
    if (!response || !response.ok) continue;
    const body = await response.arrayBuffer();
    if (body.byteLength === size && await sha256(body) === hash) return stored(response, body);
  }
  throw new Error(`${path}: tidak sesuai versi ${PRECACHE.version}`);
}

async function install() {
  const earlier = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  const cache = await caches.open(CACHE);
  const queue = [...PRECACHE.files];
  const next = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const key = keyOf(new URL(entry[0], SCOPE).href);
      if (!await cache.match(key)) await cache.put(key, await obtain(entry, earlier));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, next));
}

async function activate() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
  await worker.clients.claim();
}

/** Unfilled (under `mkdocs serve`): delete the caches, unregister, reload the pages from the network. */
async function remove() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name)));
  await worker.registration.unregister();
  const pages = await worker.clients.matchAll({ type: "window" });
  await Promise.all(pages.map((page) => page.navigate(page.url).catch(() => null)));
}

/**
 * Cache first: a version is served whole. Files outside the list go to the network (the optional
 * ones are kept once fetched); a page that is not cached, offline, gets the site's 404 page.
 * @param {Request} request
 * @param {string} key
 */
async function respond(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.ok && KNOWN.has(key)) {
      await cache.put(key, stored(response, await response.clone().arrayBuffer()));
    }
    return response;
  } catch (error) {
    const missing = request.mode === "navigate" ? await cache.match(new URL("404.html", SCOPE).href) : undefined;
    if (!missing) throw error;
    return new Response(missing.body, { status: 404, statusText: "Not Found", headers: missing.headers });
  }
}

worker.addEventListener("install", (event) => {
  event.waitUntil(PRECACHE.version ? install() : worker.skipWaiting());
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(PRECACHE.version ? activate() : remove());
});

worker.addEventListener("message", (event) => {
  if (event.data && event.data.type === "aktifkan") event.waitUntil(worker.skipWaiting());
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (!PRECACHE.version || request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  event.respondWith(respond(request, keyOf(request.url)));
});
