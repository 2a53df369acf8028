// @ts-check
// What the self-assessment keeps on this device (localStorage), and nothing else.
//   asesmen:<instrument>:<version>:draft    {format, draft_id, saved_at, answers: {item id: value}}
//   asesmen:<instrument>:<version>:history  [{draft_id, saved_at, result}]  (newest last, at most 20)
//   asesmen:<instrument>:<version>:lembar   {textarea name: text}  (the dialog kinerja sheet)
//   asesmen:<instrument>:disisihkan:<time>  a draft that could not be used, kept as it was
const PREFIX = "asesmen:";
const FORMAT = 1;
const HISTORY_LIMIT = 20;

/** @typedef {Record<string, number>} Answers item id → chosen value */
/** @typedef {{draft_id: string, answers: Answers}} Draft */
/** @typedef {Draft & {format: number, saved_at: string}} SavedDraft */
/** @typedef {{draft_id: string, saved_at: string, result: Record<string, unknown>}} HistoryEntry */
/** @typedef {{draft?: SavedDraft, problem?: "rusak" | "versi"}} DraftLoad */

/**
 * @param {string} key
 * @returns {string | null}
 */
function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the page still works, it just remembers nothing
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
   */
  constructor(instrument, version, choices) {
    this.instrument = instrument;
    this.version = version;
    this.choices = choices; // {item id: ["1", …, "5"]}, from the form itself
    this.base = `${PREFIX}${instrument}:${version}:`;
  }

  // The saved draft, or {problem} when one exists but cannot be used (it is then set aside).
  /** @returns {DraftLoad} */
  loadDraft() {
    const raw = read(this.base + "draft");
    if (raw !== null) {
      const draft = parse(raw, undefined);
      if (this.isValidDraft(draft)) return { draft };
      this.setAside(raw);
      localStorage.removeItem(this.base + "draft");
      return { problem: "rusak" };
    }
    const other = this.otherVersionKeys("draft");
    if (other.length) {
      for (const key of other) {
        this.setAside(read(key));
        localStorage.removeItem(key);
      }
      return { problem: "versi" };
    }
    return {};
  }

  /**
   * @param {any} draft
   * @returns {draft is SavedDraft}
   */
  isValidDraft(draft) {
    if (!draft || typeof draft !== "object" || draft.format !== FORMAT || typeof draft.draft_id !== "string") return false;
    if (!draft.answers || typeof draft.answers !== "object" || Array.isArray(draft.answers)) return false;
    return Object.entries(draft.answers).every(
      ([item, value]) => Object.hasOwn(this.choices, item) && this.choices[item].includes(String(value)),
    );
  }

  /**
   * @param {Draft} draft
   * @returns {boolean}
   */
  saveDraft(draft) {
    return write(this.base + "draft", { format: FORMAT, ...draft, saved_at: localIso() });
  }

  /** @returns {Draft} */
  newDraft() {
    return { draft_id: newId(), answers: {} };
  }

  clearDraft() {
    localStorage.removeItem(this.base + "draft");
  }

  /** @returns {HistoryEntry[]} */
  history() {
    const entries = parse(read(this.base + "history"), []);
    return Array.isArray(entries) ? entries.filter((/** @type {any} */ e) => e && typeof e.saved_at === "string" && e.result) : [];
  }

  // Adds a result; a new result of the same draft replaces that draft's earlier one.
  /**
   * @param {string} draftId
   * @param {Record<string, unknown>} result
   */
  addResult(draftId, result) {
    const entries = this.history().filter((entry) => entry.draft_id !== draftId);
    entries.push({ draft_id: draftId, saved_at: localIso(), result });
    write(this.base + "history", entries.slice(-HISTORY_LIMIT));
  }

  /** @returns {Record<string, unknown>} */
  sheet() {
    const fields = parse(read(this.base + "lembar"), {});
    return fields && typeof fields === "object" && !Array.isArray(fields) ? fields : {};
  }

  /**
   * @param {string} name
   * @param {string} text
   */
  saveSheetField(name, text) {
    write(this.base + "lembar", { ...this.sheet(), [name]: text });
  }

  /** @param {string | null} raw */
  setAside(raw) {
    if (raw !== null) write(`${PREFIX}${this.instrument}:disisihkan:${Date.now()}`, raw, { raw: true });
  }

  /**
   * @param {string} kind
   * @returns {string[]}
   */
  otherVersionKeys(kind) {
    const mine = `${PREFIX}${this.instrument}:`;
    return Object.keys(localStorage).filter(
      (key) => key.startsWith(mine) && key.endsWith(`:${kind}`) && !key.startsWith(this.base),
    );
  }
}

// "Hapus data saya": every key this site stored, ours and Material's (scoped to the site's path).
/** @param {string} siteScope */
export function deleteEverything(siteScope) {
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) {
      if (key.startsWith(PREFIX) || key.startsWith(`${siteScope}.__`)) storage.removeItem(key);
    }
  }
}
