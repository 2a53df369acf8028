// @ts-check
// The page's one Pyodide worker for the whole visit (a module survives Material's instant
// navigation): started by the first page that needs Python, shared by the assessment form and the
// recap page. Requests go to assessment._internal.service.handle; replies come back as JSON.

/** @typedef {import("./assessment-store.js").Answers} Answers */
/** @typedef {"idle" | "loading" | "ready" | "failed"} State */
/** @typedef {(state: State, text: string) => void} Listener */
/** @typedef {{message: string, missing: string[], invalid?: Record<string, string>}} ScoreError */
/**
 * What the worker answers a scoring request with (assessment._internal.service.handle).
 * @typedef {{ok: true, result: Record<string, unknown>, json: string, html: string}
 *   | {ok: false, error: ScoreError}} Response
 */
/**
 * The worker's messages (assessment-worker.js).
 * @typedef {{type: "progress", text: string} | {type: "ready", restored: boolean} | {type: "failed", detail: string}
 *   | ({type: "result", id: number} & Response)} WorkerMessage
 */
/** @typedef {{resolve: (response: Response) => void, reject: (error: Error) => void}} Pending */

/**
 * The element matching `selector` inside `root`; the page's markup (scripts/assessment_markdown.py)
 * guarantees it exists.
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {T}
 */
export const find = (root, selector) => /** @type {T} */ (root.querySelector(selector));

const TIMEOUT_MS = window.ASESMEN_TIMEOUT_MS || 90000;
const workerUrl = new URL("assessment-worker.js", import.meta.url);
// The site's root path ("/" or "/sub/"): this file sits in <root>/assets/javascripts/, whichever page
// loaded it (instant navigation changes the page's address, not this module's).
// Links in Python's result view use it, and it scopes Material's own storage keys.
export const SITE_ROOT = new URL("../../", import.meta.url).pathname;

export const python = {
  /** @type {Worker | null} */
  worker: null,
  /** @type {State} */
  state: "idle",
  text: "",
  /** @type {Set<Listener>} */
  listeners: new Set(),
  /** @type {Map<number, Pending>} */
  pending: new Map(),
  nextId: 1,
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  timer: undefined,

  start() {
    if (this.worker) return;
    this.set("loading", "Menyiapkan penghitung hasil…");
    const worker = new Worker(workerUrl, { type: "module" });
    this.worker = worker;
    worker.onmessage = ({ data }) => this.receive(data);
    worker.onerror = (event) => this.fail(event.message || "worker gagal dimulai");
    this.timer = setTimeout(() => this.fail("waktu tunggu habis"), TIMEOUT_MS);
  },

  restart() {
    this.stop();
    this.start();
  },

  stop() {
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(new Error("dihentikan"));
    this.pending.clear();
  },

  /** @param {string} detail */
  fail(detail) {
    if (this.state === "failed") return;
    this.stop();
    console.error("Pyodide:", detail);
    this.set("failed", "Penghitung hasil gagal dimuat. Jawaban Anda tetap tersimpan di formulir. " +
      "Periksa koneksi, lalu pilih Coba lagi.");
  },

  /** @param {WorkerMessage} message */
  receive(message) {
    if (message.type === "progress") this.set("loading", message.text);
    else if (message.type === "ready") {
      clearTimeout(this.timer);
      performance.mark("asesmen:python-ready");
      // How Python started: restored from the snapshot kept on this device, or afresh (python-snapshot.js).
      document.documentElement.dataset.pythonStart = message.restored ? "snapshot" : "fresh";
      this.set("ready", "Penghitung hasil siap. Jawaban Anda dihitung di perangkat ini.");
    } else if (message.type === "failed") this.fail(message.detail);
    else if (message.type === "result") {
      const entry = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (entry) entry.resolve(message);
    }
  },

  /**
   * @param {State} state
   * @param {string} text
   */
  set(state, text) {
    this.state = state;
    this.text = text;
    for (const listener of this.listeners) listener(state, text);
  },

  /**
   * @param {string} instrument
   * @param {Answers} answers
   * @param {Record<string, unknown>} [options]
   * @returns {Promise<Response>}
   */
  score(instrument, answers, options = {}) {
    const id = this.nextId++;
    const worker = /** @type {Worker} */ (this.worker);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, instrument, answers, options });
    });
  },

  /**
   * A request that is not a scoring of answers (e.g. ``{action: "recap", lines}``).
   * @param {string} instrument
   * @param {Record<string, unknown>} options
   * @returns {Promise<Response>}
   */
  request(instrument, options) {
    return this.score(instrument, {}, options);
  },

  /** @returns {Promise<void>} */
  whenReady() {
    if (this.state === "ready") return Promise.resolve();
    return new Promise((resolve, reject) => {
      /** @type {Listener} */
      const listener = (state) => {
        if (state === "ready") { this.listeners.delete(listener); resolve(); }
        if (state === "failed") { this.listeners.delete(listener); reject(new Error("gagal")); }
      };
      this.listeners.add(listener);
    });
  },
};
