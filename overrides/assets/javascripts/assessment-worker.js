// @ts-check
// Module Web Worker: starts the self-hosted Pyodide, installs our wheel, and scores answers.
// All scoring and result rendering happens in Python (assessment._internal.service.handle).
import { loadPyodide } from "../runtime/pyodide.mjs";

const runtime = new URL("../runtime/", import.meta.url);
/** @typedef {import("pyodide").PyodideAPI} PyodideAPI */
/** @typedef {(request: string) => string} Handle assessment._internal.service.handle */

const post = (/** @type {Record<string, unknown>} */ message) => self.postMessage(message);
/** @type {PyodideAPI | null} */
let pyodide = null;
let fullStdlib = false;

/**
 * @param {string} name a file of the runtime folder
 * @param {RequestInit} [options]
 * @returns {Promise<Uint8Array>}
 */
async function fetchBytes(name, options = {}) {
  const response = await fetch(new URL(name, runtime), options);
  if (!response.ok) throw new Error(`${name} tidak dapat diunduh (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

// The precompiled standard library holds only what the page needs; should a module ever be
// missing, add the full one (fetched once) to sys.path and try again.
/**
 * @template T
 * @param {() => T} run
 * @returns {Promise<T>}
 */
async function withFallback(run) {
  try {
    return run();
  } catch (error) {
    if (fullStdlib || !/ModuleNotFoundError|LookupError: unknown encoding/.test(String(error))) throw error;
    fullStdlib = true;
    const python = /** @type {PyodideAPI} */ (pyodide);
    // Any file name will do (no Python version in it): the zip is added to sys.path by name.
    python.FS.writeFile("/lib/python_stdlib_full.zip", await fetchBytes("python_stdlib.zip"));
    python.runPython("import sys, importlib; sys.path.append('/lib/python_stdlib_full.zip'); importlib.invalidate_caches()");
    return run();
  }
}

/** @returns {Promise<Handle>} */
async function start() {
  post({ type: "progress", text: "Memuat penghitung hasil (sekali unduh, lalu tersimpan di peramban)…" });
  const python = await loadPyodide({ indexURL: runtime.href, stdLibURL: new URL("python_stdlib.min.zip", runtime).href });
  post({ type: "progress", text: "Hampir siap: menyiapkan penghitungan hasil…" });
  pyodide = python;
  python.unpackArchive(await fetchBytes("assessment.whl", { cache: "no-cache" }), "wheel");
  const handle = await withFallback(() => python.pyimport("assessment._internal.service").handle);
  post({ type: "ready" });
  return handle;
}

const ready = start().catch((error) => {
  post({ type: "failed", detail: String(error && error.message ? error.message : error) });
  return null;
});

self.onmessage = async ({ data }) => {
  const handle = await ready;
  if (!handle) return;
  const request = JSON.stringify({ instrument: data.instrument, answers: data.answers, ...data.options });
  try {
    const response = JSON.parse(await withFallback(() => handle(request)));
    post({ type: "result", id: data.id, ...response });
  } catch (error) {
    console.error(error);
    const message = "Hasil tidak dapat dihitung karena galat di penghitung. Jawaban Anda tetap di formulir; " +
      "muat ulang halaman lalu coba lagi.";
    post({ type: "result", id: data.id, ok: false, error: { message, missing: [], invalid: {} } });
  }
};
