// @ts-check
// Module Web Worker: starts the self-hosted Pyodide, places our precompiled package, and scores answers.
// All scoring and result rendering happens in Python (assessment._internal.service.handle).
import { loadPyodide } from "../runtime/pyodide.mjs";
import { dropSnapshot, keepSnapshot, readSnapshot, snapshotsOn } from "./python-snapshot.js";
import { PACKAGE_FOLDER, writeStoredFiles } from "./stored-zip.js";

const runtime = new URL("../runtime/", import.meta.url);
/** @typedef {(request: string) => string} Handle assessment._internal.service.handle */

const post = (/** @type {Record<string, unknown>} */ message) => self.postMessage(message);
let fullStdlib = false;
/** Whether the running Python was restored from a snapshot kept on the device. */
let restored = false;
/** How long the first result gets the device to itself before a new snapshot is written. */
const KEEP_AFTER_MS = 5000;

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

/**
 * Start Python on a standard library of the runtime folder, place our package (precompiled, written
 * by JavaScript: no unpacking in Python), import the service. On the small standard library, from
 * this runtime's snapshot when the device keeps one (python-snapshot.js), else started afresh and a
 * snapshot kept for next time.
 * @param {string} stdlib
 * @returns {Promise<Handle>}
 */
async function startPython(stdlib) {
  const snapshot = fullStdlib ? null : await readSnapshot();
  if (snapshot) {
    try {
      const handle = await start(stdlib, snapshot);
      restored = true;
      return handle;
    } catch (error) {
      console.warn("Salinan penghitung tidak dapat dipulihkan; penghitung dimulai dari awal:", error);
      await dropSnapshot(); // not tried again; a new one is kept after this start
    }
  }
  return start(stdlib, null);
}

/**
 * @param {string} stdlib
 * @param {Uint8Array | null} snapshot to restore, or null to start afresh
 * @returns {Promise<Handle>}
 */
async function start(stdlib, snapshot) {
  const making = !snapshot && !fullStdlib && snapshotsOn;
  const options = snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: making };
  const [python, bytes] = await Promise.all([
    loadPyodide({ indexURL: runtime.href, stdLibURL: new URL(stdlib, runtime).href, ...options }),
    fetchBytes("assessment.zip", { cache: "no-cache" }),
  ]);
  if (!fullStdlib) post({ type: "progress", text: "Hampir siap: menyiapkan penghitungan hasil…" });
  writeStoredFiles(python.FS, bytes, PACKAGE_FOLDER); // a restored Python has its modules, not its files
  if (!snapshot) {
    python.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(PACKAGE_FOLDER)}); import assessment._internal.service`);
    if (making) {
      try {
        const made = python.makeMemorySnapshot(); // before any reference from JavaScript into Python
        setTimeout(() => keepSnapshot(made), KEEP_AFTER_MS);
      } catch (error) {
        console.warn("Salinan penghitung tidak dapat dibuat:", error); // the next visit starts afresh too
      }
    }
  }
  return python.pyimport("assessment._internal.service").handle;
}

post({ type: "progress", text: "Memuat penghitung hasil (sekali unduh, lalu tersimpan di peramban)…" });
/** The service of the running Python: first on the small precompiled standard library. */
let service = startPython("python_stdlib.min.zip");

/**
 * Call `run` with the service. The small standard library holds only what the page was measured to
 * need (scripts/stdlib_probe.py); should a module or a codec ever be missing, Python is started again
 * on the full one (fetched then, once) and `run` repeated: a fresh interpreter, nothing mixed.
 * @template T
 * @param {(handle: Handle) => T} run
 * @returns {Promise<T>}
 */
async function withService(run) {
  try {
    return run(await service);
  } catch (error) {
    if (fullStdlib || !/ModuleNotFoundError|LookupError: unknown encoding/.test(String(error))) throw error;
    fullStdlib = true;
    service = startPython("python_stdlib.zip");
    return run(await service);
  }
}

const ready = withService(() => true).then(
  () => {
    post({ type: "ready", restored });
    return true;
  },
  (error) => {
    post({ type: "failed", detail: String(error && error.message ? error.message : error) });
    return false;
  },
);

self.onmessage = async ({ data }) => {
  if (!(await ready)) return;
  const request = JSON.stringify({ instrument: data.instrument, answers: data.answers, ...data.options });
  try {
    const response = JSON.parse(await withService((handle) => handle(request)));
    post({ type: "result", id: data.id, ...response });
  } catch (error) {
    console.error(error);
    const message = "Hasil tidak dapat dihitung karena galat di penghitung. Jawaban Anda tetap di formulir; " +
      "muat ulang halaman lalu coba lagi.";
    post({ type: "result", id: data.id, ok: false, error: { message, missing: [], invalid: {} } });
  }
};
