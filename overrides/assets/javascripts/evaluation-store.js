// @ts-check
// What the evaluation of a perangkat daerah keeps on this device (localStorage), and nothing else.
//   asesmen:<instrument>:<version>:draft    {format, saved_at, unit, period, answers, not_applicable, evidence}
//   asesmen:<instrument>:<version>:rencana  {field name: text}  (the action plan's fields)
//   asesmen:<instrument>:disisihkan:<time>  a draft that could not be used, kept as it was
// Nothing here throws: storage that is unavailable or full is reported through `onProblem`.
const PREFIX = "asesmen:";
const FORMAT = 1;

/**
 * The form's fields: unit, period, answers (item id → "0"…"4" or "na"), reasons and evidence notes.
 * @typedef {{unit: string, period: string, answers: Record<string, string>,
 *   not_applicable: Record<string, string>, evidence: Record<string, string>}} Fields
 */
/** @typedef {Fields & {format: number, saved_at: string}} SavedFields */

/**
 * @param {() => T} run
 * @param {T} fallback
 * @returns {{ok: boolean, value: T}}
 * @template T
 */
function attempt(run, fallback) {
  try {
    return { ok: true, value: run() };
  } catch {
    return { ok: false, value: fallback };
  }
}

/** @param {unknown} value */
const isTextMap = (value) => !!value && typeof value === "object" && !Array.isArray(value) &&
  Object.values(/** @type {object} */ (value)).every((text) => typeof text === "string");

export class EvaluationStore {
  /**
   * @param {string} instrument
   * @param {string} version
   * @param {Record<string, string[]>} choices each item's radio values, from the form itself
   * @param {() => void} onProblem
   */
  constructor(instrument, version, choices, onProblem) {
    this.instrument = instrument;
    this.base = `${PREFIX}${instrument}:${version}:`;
    this.choices = choices;
    this.onProblem = onProblem;
    // A broken draft that could not be set aside stays under its key, and nothing is written over it.
    this.held = false;
  }

  /**
   * @param {string} key
   * @returns {string | null}
   */
  read(key) {
    const { ok, value } = attempt(() => localStorage.getItem(key), null);
    if (!ok) this.onProblem();
    return value;
  }

  /**
   * @param {string} key
   * @param {string} text
   * @returns {boolean}
   */
  write(key, text) {
    const { ok } = attempt(() => localStorage.setItem(key, text), undefined);
    if (!ok) this.onProblem();
    return ok;
  }

  /** @param {string} key */
  remove(key) {
    if (!attempt(() => localStorage.removeItem(key), undefined).ok) this.onProblem();
  }

  /**
   * The saved draft, or `problem` when one exists but cannot be used (broken, tampered with, or of
   * another version): it is kept under its own key, and removed from its place only once kept.
   * @returns {{draft?: SavedFields, problem?: true}}
   */
  loadDraft() {
    const others = attempt(() => Object.keys(localStorage), /** @type {string[]} */ ([])).value.filter(
      (key) => key.startsWith(`${PREFIX}${this.instrument}:`) && key.endsWith(":draft") && !key.startsWith(this.base));
    let problem = false;
    for (const key of [this.base + "draft", ...others]) {
      const raw = this.read(key);
      if (raw === null) continue;
      const draft = attempt(() => JSON.parse(raw), undefined).value;
      if (key === this.base + "draft" && this.isValid(draft)) return { draft };
      problem = true;
      if (this.write(`${PREFIX}${this.instrument}:disisihkan:${Date.now()}`, raw)) this.remove(key);
      else if (key === this.base + "draft") this.held = true;
    }
    return problem ? { problem: true } : {};
  }

  /**
   * @param {any} draft
   * @returns {draft is SavedFields}
   */
  isValid(draft) {
    if (!draft || typeof draft !== "object" || draft.format !== FORMAT) return false;
    if (typeof draft.unit !== "string" || typeof draft.period !== "string" || typeof draft.saved_at !== "string") return false;
    if (![draft.answers, draft.not_applicable, draft.evidence].every(isTextMap)) return false;
    const known = (/** @type {string} */ item) => Object.hasOwn(this.choices, item);
    return Object.entries(draft.answers).every(([item, value]) => known(item) && this.choices[item].includes(String(value))) &&
      Object.keys(draft.not_applicable).every(known) && Object.keys(draft.evidence).every(known);
  }

  /** @param {Fields} fields */
  saveDraft(fields) {
    if (this.held) { this.onProblem(); return false; }
    return this.write(this.base + "draft", JSON.stringify({ format: FORMAT, saved_at: new Date().toISOString(), ...fields }));
  }

  clearDraft() {
    if (!this.held) this.remove(this.base + "draft");
  }

  /** @returns {Record<string, unknown>} */
  plan() {
    const raw = this.read(this.base + "rencana");
    const fields = raw === null ? {} : attempt(() => JSON.parse(raw), {}).value;
    return fields && typeof fields === "object" && !Array.isArray(fields) ? fields : {};
  }

  /**
   * @param {string} name
   * @param {string} text
   */
  savePlanField(name, text) {
    this.write(this.base + "rencana", JSON.stringify({ ...this.plan(), [name]: text }));
  }
}
