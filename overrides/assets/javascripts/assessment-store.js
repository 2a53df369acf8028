// @ts-check
// What the self-assessment keeps on this device (localStorage), and nothing else.
//   asesmen:<instrument>:<version>:draft    {format, draft_id, saved_at, answers: {item id: value}}
//   asesmen:<instrument>:<version>:history  [{draft_id, saved_at, result, answers}]  (newest last, at most 20)
//   asesmen:<instrument>:<version>:lembar   {textarea name: text}  (the dialog kinerja sheet)
//   asesmen:<instrument>:disisihkan:<time>  a draft that could not be used, kept as it was
const PREFIX = "asesmen:";
const FORMAT = 1;
const HISTORY_LIMIT = 20;

/** @typedef {Record<string, number>} Answers item id → chosen value */
/** @typedef {{draft_id: string, answers: Answers}} Draft */
/** @typedef {Draft & {format: number, saved_at: string}} SavedDraft */
/**
 * A result kept with the answers it was computed from (`answers` is missing in entries saved before
 * they were kept), so that it can be computed and shown again without answering again.
 * @typedef {{draft_id: string, saved_at: string, result: Record<string, unknown>, answers?: unknown}} HistoryEntry
 */
/**
 * A draft found on load: usable, or a problem ("rusak": broken or tampered, "versi": of another
 * version) with `setAside` telling whether it was kept elsewhere; when not, it stays where it was.
 * @typedef {{draft?: SavedDraft, problem?: "rusak" | "versi", setAside?: boolean}} DraftLoad
 */

// Storage may be unavailable (access throws, e.g. storage disabled) or full (setItem throws
// QuotaExceededError). Nothing here throws: reads give undefined, writes and removals false.

/**
 * @param {string} key
 * @returns {string | null | undefined} undefined: storage unavailable
 */
function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return undefined;
  }
}

/**
 * @param {string} key
 * @param {unknown} value
 * @param {{raw?: boolean}} [options] raw: store `value` (a string) as it is
 * @returns {boolean} whether it was stored
 */
function write(key, value, { raw = false } = {}) {
  try {
    localStorage.setItem(key, raw ? String(value) : JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {string} key
 * @returns {boolean} whether it was removed
 */
function remove(key) {
  try {
    localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string[] | undefined} every key, or undefined when storage is unavailable */
function keys() {
  try {
    return Object.keys(localStorage);
  } catch {
    return undefined;
  }
}

/**
 * @param {string | null} text
 * @param {any} fallback
 * @returns {any}
 */
function parse(text, fallback) {
  try {
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

// An ISO 8601 time with the device's own UTC offset (2024-03-12T14:05:00+08:00): shown as written.
/**
 * @param {Date} [date]
 * @returns {string}
 */
function localIso(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const pad = (/** @type {number} */ n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const local = new Date(date.getTime() + offset * 60000).toISOString().slice(0, 19);
  return `${local}${offset >= 0 ? "+" : "-"}${pad(offset / 60)}:${pad(offset % 60)}`;
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export class Store {
  /**
   * @param {string} instrument
   * @param {string} version
   * @param {Record<string, string[]>} choices
   * @param {() => void} [onProblem] called whenever storage refuses a read or a write
   */
  constructor(instrument, version, choices, onProblem = () => {}) {
    this.instrument = instrument;
    this.version = version;
    this.choices = choices; // {item id: ["1", …, "5"]}, from the form itself
    this.base = `${PREFIX}${instrument}:${version}:`;
    this.onProblem = onProblem;
    // A draft that could not be set aside stays under its key, and nothing is written over it.
    this.draftHeld = false;
  }

  /**
   * @param {string} key
   * @returns {string | null}
   */
  get(key) {
    const value = read(key);
    if (value === undefined) this.onProblem();
    return value ?? null;
  }

  /**
   * @param {boolean} ok
   * @returns {boolean}
   */
  checked(ok) {
    if (!ok) this.onProblem();
    return ok;
  }

  // The saved draft, or {problem} when one exists but cannot be used: it is set aside, and removed
  // from its place only once it is kept under its own key.
  /** @returns {DraftLoad} */
  loadDraft() {
    const raw = this.get(this.base + "draft");
    if (raw !== null) {
      const draft = parse(raw, undefined);
      if (this.isValidDraft(draft)) return { draft };
      const setAside = this.setAside(raw) && this.checked(remove(this.base + "draft"));
      this.draftHeld = !setAside;
      return { problem: "rusak", setAside };
    }
    const other = this.otherVersionKeys("draft");
    if (other.length) {
      let setAside = true;
      for (const key of other) {
        if (this.setAside(this.get(key))) setAside = this.checked(remove(key)) && setAside;
        else setAside = false;
      }
      return { problem: "versi", setAside };
    }
    return {};
  }

  /**
   * @param {any} draft
   * @returns {draft is SavedDraft}
   */
  isValidDraft(draft) {
    if (!draft || typeof draft !== "object" || draft.format !== FORMAT || typeof draft.draft_id !== "string") return false;
    return this.isValidAnswers(draft.answers);
  }

  /**
   * @param {unknown} answers
   * @returns {answers is Answers} whether every answer names an item of the form and one of its values
   */
  isValidAnswers(answers) {
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) return false;
    return Object.entries(answers).every(
      ([item, value]) => Object.hasOwn(this.choices, item) && this.choices[item].includes(String(value)),
    );
  }

  /**
   * @param {Draft} draft
   * @returns {boolean}
   */
  saveDraft(draft) {
    if (this.draftHeld) return this.checked(false);
    return this.checked(write(this.base + "draft", { format: FORMAT, ...draft, saved_at: localIso() }));
  }

  /** @returns {Draft} */
  newDraft() {
    return { draft_id: newId(), answers: {} };
  }

  clearDraft() {
    if (!this.draftHeld) this.checked(remove(this.base + "draft"));
  }

  /** @returns {HistoryEntry[]} */
  history() {
    const entries = parse(this.get(this.base + "history"), []);
    return Array.isArray(entries) ? entries.filter((/** @type {any} */ e) => e && typeof e.saved_at === "string" && e.result) : [];
  }

  // Adds a result with its answers; a new result of the same draft replaces that draft's earlier one.
  /**
   * @param {string} draftId
   * @param {Record<string, unknown>} result
   * @param {Answers} answers
   */
  addResult(draftId, result, answers) {
    const entries = this.history().filter((entry) => entry.draft_id !== draftId);
    entries.push({ draft_id: draftId, saved_at: localIso(), result, answers });
    this.checked(write(this.base + "history", entries.slice(-HISTORY_LIMIT)));
  }

  /**
   * The newest result whose answers can be scored again: its own kept answers, or for an entry kept
   * without them, the saved draft's answers when that draft produced it. Null when there is none.
   * @param {Draft | undefined} draft the saved draft, if any
   * @returns {{entry: HistoryEntry, answers: Answers, earlier: HistoryEntry[]} | null}
   */
  lastResult(draft) {
    const entries = this.history();
    const entry = entries.at(-1);
    if (!entry) return null;
    const answers = this.isValidAnswers(entry.answers) ? entry.answers
      : draft && draft.draft_id === entry.draft_id ? draft.answers : null;
    if (!answers || !Object.keys(answers).length) return null;
    return { entry, answers, earlier: entries.filter((other) => other.draft_id !== entry.draft_id) };
  }

  /** @returns {Record<string, unknown>} */
  sheet() {
    const fields = parse(this.get(this.base + "lembar"), {});
    return fields && typeof fields === "object" && !Array.isArray(fields) ? fields : {};
  }

  /**
   * @param {string} name
   * @param {string} text
   */
  saveSheetField(name, text) {
    this.checked(write(this.base + "lembar", { ...this.sheet(), [name]: text }));
  }

  /**
   * @param {string | null} raw
   * @returns {boolean} whether it is kept (nothing to keep counts as kept)
   */
  setAside(raw) {
    return raw === null || this.checked(write(`${PREFIX}${this.instrument}:disisihkan:${Date.now()}`, raw, { raw: true }));
  }

  /**
   * @param {string} kind
   * @returns {string[]}
   */
  otherVersionKeys(kind) {
    const mine = `${PREFIX}${this.instrument}:`;
    const all = keys();
    if (!all) this.onProblem();
    return (all ?? []).filter(
      (key) => key.startsWith(mine) && key.endsWith(`:${kind}`) && !key.startsWith(this.base),
    );
  }
}

/**
 * What "Hapus data saya" tells the reader afterwards.
 * @param {boolean} deleted what deleteEverything returned
 * @returns {string}
 */
export const deletionNotice = (deleted) => deleted
  ? "Semua data situs ini di perangkat ini telah dihapus."
  : "Penyimpanan peramban di perangkat ini tidak dapat dibuka, sehingga datanya tidak dapat dihapus dari sini.";

// "Hapus data saya": every key this site stored, ours and Material's (scoped to the site's path).
/**
 * @param {string} siteScope
 * @returns {boolean} false when a storage could not be opened or emptied
 */
export function deleteEverything(siteScope) {
  let ok = true;
  for (const name of /** @type {const} */ (["localStorage", "sessionStorage"])) {
    try {
      const storage = window[name];
      for (const key of Object.keys(storage)) {
        if (key.startsWith(PREFIX) || key.startsWith(`${siteScope}.__`)) storage.removeItem(key);
      }
    } catch {
      ok = false;
    }
  }
  return ok;
}
