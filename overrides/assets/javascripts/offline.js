// @ts-check
// Offline after one visit: registers the site's service worker (sw.js at the site root), marks the
// page when the whole site is kept on the device (<html data-offline="siap">), and when a new build
// is waiting offers "Versi baru tersedia — muat ulang" instead of mixing versions.
//
// Registration waits until the page has loaded what it needs (Python included, on pages that start
// it) and then a few seconds more, at an idle moment, so the worker fills its cache from what this
// visit already downloaded instead of competing with it, or with the reader's first result (on a
// cheap phone, hashing and storing some 16 MB is seconds of CPU). scripts/service_worker.py switches
// REGISTER on in the built site; `mkdocs serve` serves this file as it is here, so no worker is
// registered there.
import { python } from "./python-client.js";

const REGISTER = /** @type {boolean} */ (false);
const ROOT = new URL("../../", import.meta.url); // this file is assets/javascripts/offline.js
const SETTLE_MS = 3000;

/** @typedef {"memuat" | "siap" | "gagal"} OfflineState */

/** @param {OfflineState} state */
const mark = (state) => { document.documentElement.dataset.offline = state; };

// The announcement region exists from the start (empty), so screen readers announce its message.
const region = document.createElement("div");
region.className = "offline-pembaruan";
region.setAttribute("role", "status");
document.body.append(region);

let reloading = false;

/** @param {ServiceWorker} waiting a new version, installed and waiting */
function offerUpdate(waiting) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "offline-pembaruan__tombol";
  button.textContent = "muat ulang";
  button.addEventListener("click", () => {
    reloading = true;
    button.disabled = true;
    waiting.postMessage({ type: "aktifkan" });
  });
  region.replaceChildren("Versi baru tersedia — ", button);
}

/**
 * The first of `states` the worker reaches (now, if it is in one).
 * @param {ServiceWorker} sw
 * @param {ServiceWorkerState[]} states
 * @returns {Promise<ServiceWorkerState>}
 */
function reached(sw, states) {
  return new Promise((resolve) => {
    const check = () => {
      if (!states.includes(sw.state)) return;
      sw.removeEventListener("statechange", check);
      resolve(sw.state);
    };
    sw.addEventListener("statechange", check);
    check();
  });
}

/** @param {ServiceWorkerRegistration} registration */
function watch(registration) {
  // The worker taking over after "muat ulang": show the page of its version. (The first worker
  // takes over too, by claim, with nothing to reload.)
  navigator.serviceWorker.addEventListener("controllerchange", () => { if (reloading) location.reload(); });
  /** @param {ServiceWorker | null} sw */
  const follow = async (sw) => {
    if (!sw) return;
    let state = await reached(sw, ["installed", "activated", "redundant"]);
    // Installed beside an active version: it waits for the reader. (A first worker goes on by itself.)
    if (state === "installed" && registration.active && registration.active !== sw) return offerUpdate(sw);
    if (state === "installed") state = await reached(sw, ["activated", "redundant"]);
    if (state === "activated") mark("siap");
    else if (!registration.active) mark("gagal"); // e.g. the network went away while filling the cache
  };
  if (registration.active) follow(registration.active);
  else mark("memuat");
  if (registration.waiting) offerUpdate(registration.waiting);
  follow(registration.installing);
  registration.addEventListener("updatefound", () => follow(registration.installing));
}

/** A few seconds after the page's own work, at an idle moment: the reader's first action comes first. */
const settled = () => new Promise((resolve) => setTimeout(() => {
  if ("requestIdleCallback" in window) requestIdleCallback(resolve, { timeout: SETTLE_MS });
  else resolve(undefined);
}, SETTLE_MS));

async function register() {
  if (document.readyState !== "complete") await new Promise((resolve) => addEventListener("load", resolve, { once: true }));
  if (python.state === "loading") await python.whenReady().catch(() => undefined);
  await settled();
  try {
    watch(await navigator.serviceWorker.register(new URL("sw.js", ROOT), { scope: ROOT.pathname }));
  } catch (error) {
    console.warn("Pekerja layanan (mode luring) tidak dapat didaftarkan:", error);
  }
}

if (REGISTER && "serviceWorker" in navigator) register();
