// @ts-check
// Page glue for the evidence-based evaluation of a perangkat daerah (asesmen/perangkat-daerah/):
// the form's fields to Python in the shared worker, Python's result view back into the page, the
// draft and the action plan kept on this device. Python checks and scores; this file neither scores
// nor formats numbers.
import { deleteEverything, deletionNotice } from "./assessment-store.js";
import { SITE_ROOT, find, python } from "./python-client.js";
import { EvaluationStore } from "./evaluation-store.js";

/** @typedef {import("./evaluation-store.js").Fields} Fields */
/** @typedef {import("./python-client.js").Listener} Listener */
/**
 * @typedef {{message: string, missing: string[], invalid?: Record<string, string>,
 *   unknown?: string[], fields?: Record<string, string>}} EvaluationError
 */
/** @typedef {{ok: true, html: string, json: string} | {ok: false, error: EvaluationError}} EvaluationResponse */

const NOT_APPLICABLE = "na";
const dateFormat = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "short" });
const STORAGE_PROBLEM = "Isian tidak dapat disimpan di perangkat ini: penyimpanan peramban tidak tersedia " +
  "atau penuh. Hasil tetap dapat dihitung, tetapi isian akan hilang bila halaman ini ditutup.";

/**
 * The form's fields as the store keeps them and Python reads them.
 * @param {HTMLFormElement} form
 * @returns {Fields}
 */
function fieldsOf(form) {
  /** @type {Fields} */
  const fields = { unit: "", period: "", answers: {}, not_applicable: {}, evidence: {} };
  for (const element of /** @type {NodeListOf<HTMLInputElement | HTMLTextAreaElement>} */ (
    form.querySelectorAll("input, textarea"))) {
    const { name, value } = element;
    if (element instanceof HTMLInputElement && element.type === "radio") {
      if (element.checked) fields.answers[name] = value;
    } else if (name === "unit" || name === "period") fields[name] = value;
    else if (name.startsWith("alasan:") && value.trim()) fields.not_applicable[name.slice(7)] = value;
    else if (name.startsWith("bukti:") && value.trim()) fields.evidence[name.slice(6)] = value;
  }
  return fields;
}

/**
 * @param {HTMLFormElement} form
 * @param {Fields} fields
 */
function fillForm(form, fields) {
  /** @param {string} name */
  const named = (name) => /** @type {HTMLInputElement | HTMLTextAreaElement | null} */ (
    form.querySelector(`[name="${CSS.escape(name)}"]:not([type=radio])`));
  for (const name of /** @type {const} */ (["unit", "period"])) {
    const field = named(name);
    if (field) field.value = fields[name];
  }
  for (const [item, value] of Object.entries(fields.answers)) {
    /** @type {HTMLInputElement | null} */
    const radio = form.querySelector(`input[type=radio][name="${CSS.escape(item)}"][value="${CSS.escape(value)}"]`);
    if (radio) radio.checked = true;
  }
  for (const [prefix, notes] of /** @type {const} */ ([["alasan:", fields.not_applicable], ["bukti:", fields.evidence]])) {
    for (const [item, text] of Object.entries(notes)) {
      const field = named(prefix + item);
      if (field) field.value = text;
    }
  }
}

/** @param {HTMLFormElement} form the radio values of each item, from the form itself */
function choicesOf(form) {
  /** @type {Record<string, string[]>} */
  const choices = {};
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll("input[type=radio]"))) {
    (choices[input.name] ??= []).push(input.value);
  }
  return choices;
}

// The relative path from the current page to the site's root ("../../"), for the result's links.
function pathToRoot() {
  const depth = location.pathname.slice(SITE_ROOT.length).split("/").length - 1;
  return "../".repeat(Math.max(depth, 0));
}

/** @param {HTMLElement} root the `.evaluasi` element */
function bind(root) {
  /** @type {HTMLFormElement} */
  const form = find(root, ".evaluasi-form");
  const status = find(root, ".evaluasi-status");
  const retry = find(status, ".asesmen-status__ulang");
  const summary = find(root, ".evaluasi-ringkasan-galat");
  const output = find(root, ".evaluasi-hasil-wadah");
  const actions = find(root, ".evaluasi-aksi");
  const counter = find(root, ".evaluasi-kemajuan__jumlah");
  const notice = find(root, ".evaluasi-draf");
  const instrument = String(root.dataset.instrument);
  /** @type {HTMLElement | null} */
  let storageNotice = null;
  const storageProblem = () => {
    if (storageNotice) return;
    storageNotice = Object.assign(document.createElement("p"), { className: "asesmen-penyimpanan" });
    storageNotice.setAttribute("role", "status");
    notice.after(storageNotice);
    const element = storageNotice;
    setTimeout(() => { element.textContent = STORAGE_PROBLEM; }, 50);
  };
  const store = new EvaluationStore(instrument, String(root.dataset.version), choicesOf(form), storageProblem);

  /** @type {Listener} */
  const showStatus = (state, text) => {
    if (!root.isConnected) { python.listeners.delete(showStatus); return; }
    status.dataset.state = state;
    find(status, ".asesmen-status__teks").textContent = text;
    retry.hidden = state !== "failed";
  };
  python.listeners.add(showStatus);
  showStatus(python.state, python.text || "Menyiapkan penghitung hasil…");
  retry.addEventListener("click", () => python.restart());

  // "Tidak berlaku" reveals its reason field (GOV.UK conditional reveal); shown without a script.
  const updateReasons = () => {
    for (const box of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll(".evaluasi-alasan"))) {
      const item = /** @type {HTMLElement} */ (box.closest(".evaluasi-butir"));
      /** @type {HTMLInputElement} */
      const radio = find(item, `input[value="${NOT_APPLICABLE}"]`);
      box.hidden = !radio.checked;
    }
  };
  const update = () => {
    counter.textContent = String(Object.keys(fieldsOf(form).answers).length);
    updateReasons();
  };

  /**
   * @param {string} text
   * @param {string[]} buttons lanjut, ulang, tutup
   */
  function showNotice(text, buttons) {
    find(notice, ".asesmen-draf__teks").textContent = text;
    for (const name of ["lanjut", "ulang", "tutup"]) find(notice, `.evaluasi-draf__${name}`).hidden = !buttons.includes(name);
    notice.hidden = false;
  }

  const loaded = store.loadDraft();
  if (loaded.problem) {
    showNotice("Isian evaluasi yang tersimpan di perangkat ini rusak, telah diubah, atau berasal dari versi lain, " +
      "sehingga tidak dapat dipakai. Isian itu disisihkan (tidak dihapus) dan formulir dimulai kosong.", ["tutup"]);
  } else if (loaded.draft) {
    fillForm(form, loaded.draft);
    const when = Date.parse(loaded.draft.saved_at) ? ` dari ${dateFormat.format(new Date(loaded.draft.saved_at))}` : "";
    showNotice(`Isian evaluasi yang tersimpan${when} telah dipulihkan (${Object.keys(loaded.draft.answers).length} ` +
      `dari ${root.dataset.total} butir). Lanjutkan mengisi, atau mulai dari awal.`, ["lanjut", "ulang"]);
  }

  find(notice, ".evaluasi-draf__lanjut").addEventListener("click", () => {
    notice.hidden = true;
    const next = [...form.querySelectorAll(".evaluasi-butir")].find((item) => !item.querySelector("input:checked"));
    (next ? find(next, "input") : find(form, ".evaluasi-kirim")).focus();
  });
  find(notice, ".evaluasi-draf__ulang").addEventListener("click", () => {
    form.reset();
    store.clearDraft();
    notice.hidden = output.hidden = actions.hidden = summary.hidden = true;
    update();
    find(form, "input").focus();
  });
  find(notice, ".evaluasi-draf__tutup").addEventListener("click", () => { notice.hidden = true; });

  const save = (/** @type {Event} */ event) => {
    const target = /** @type {Element} */ (event.target);
    const item = target.closest(".evaluasi-butir, .evaluasi-isian");
    if (item) clearError(item);
    store.saveDraft(fieldsOf(form));
    update();
  };
  form.addEventListener("change", save);
  form.addEventListener("input", save);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = fieldsOf(form);
    if (python.state === "failed") python.restart();
    try {
      await python.whenReady();
    } catch {
      return; // the status line explains and offers a retry; the fields stay in the form
    }
    const response = /** @type {EvaluationResponse} */ (/** @type {unknown} */ (
      await python.request(instrument, { ...fields, base_url: pathToRoot() })));
    if (response.ok) showResult(response);
    else showErrors(response.error);
  });

  find(actions, ".evaluasi-aksi__cetak").addEventListener("click", () => {
    document.documentElement.classList.add("mencetak-evaluasi");
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("mencetak-evaluasi"), { once: true });
    window.print();
  });

  /** @param {Element} element an item's fieldset or the unit/period field */
  function clearError(element) {
    element.classList.remove("asesmen-butir--galat", "evaluasi-isian--galat");
    const message = element.querySelector(".asesmen-butir__galat, .evaluasi-isian__galat");
    if (message) { message.textContent = ""; /** @type {HTMLElement} */ (message).hidden = true; }
  }

  /**
   * One entry of the error summary, linked to the field to fix, and the message beside that field.
   * @param {Element} container
   * @param {HTMLElement} target the control to focus
   * @param {string} text
   */
  function addProblem(container, target, text) {
    // target="_self": the theme's instant navigation ignores such links (it would push the hash and
    // reload the page's content, losing the form's messages); the handler scrolls and focuses instead.
    const link = Object.assign(document.createElement("a"), { href: `#${target.id}`, target: "_self", textContent: text });
    link.addEventListener("click", (e) => {
      e.preventDefault();
      container.scrollIntoView({ block: "center" });
      target.focus();
    });
    const li = document.createElement("li");
    li.append(link);
    find(summary, ".evaluasi-ringkasan-galat__daftar").append(li);
    const message = /** @type {HTMLElement} */ (container.querySelector(".asesmen-butir__galat, .evaluasi-isian__galat"));
    container.classList.add(container.classList.contains("evaluasi-butir") ? "asesmen-butir--galat" : "evaluasi-isian--galat");
    message.textContent = text;
    message.hidden = false;
  }

  /** @param {EvaluationError} error */
  function showErrors(error) {
    for (const element of form.querySelectorAll(".asesmen-butir--galat, .evaluasi-isian--galat")) clearError(element);
    find(summary, ".evaluasi-ringkasan-galat__daftar").replaceChildren();
    const fields = error.fields || {};
    const invalid = error.invalid || {};
    const count = Object.keys(fields).length + error.missing.length + Object.keys(invalid).length;
    find(summary, ".evaluasi-ringkasan-galat__teks").textContent = count
      ? `${count} isian perlu diperbaiki. Isian yang sudah ada tetap tersimpan.`
      : error.message;
    for (const [name, reason] of Object.entries(fields)) {
      const container = form.querySelector(`#isian-${CSS.escape(name)}`);
      if (container) addProblem(container, find(container, "input"), reason.charAt(0).toUpperCase() + reason.slice(1));
    }
    for (const [id, reason] of [...error.missing.map((id) => [id, ""]), ...Object.entries(invalid)]) {
      const item = form.querySelector(`#butir-${CSS.escape(id)}`);
      if (!item) continue;
      const number = /** @type {HTMLElement} */ (item).dataset.number;
      const reasonField = /** @type {HTMLElement | null} */ (item.querySelector(".evaluasi-alasan textarea"));
      const needsReason = reason.includes("alasan");
      const target = needsReason && reasonField ? reasonField : find(item, "input");
      addProblem(item, target, reason
        ? `Butir ${number}: ${needsReason ? "tulis alasan mengapa butir ini tidak berlaku" : reason}`
        : `Butir ${number}: pilih tingkat${item.querySelector(`input[value="${NOT_APPLICABLE}"]`) ? " atau Tidak berlaku" : ""}`);
    }
    output.hidden = actions.hidden = true;
    summary.hidden = false;
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: "start" });
  }

  /** @param {EvaluationResponse & {ok: true}} response */
  function showResult(response) {
    summary.hidden = true;
    output.innerHTML = response.html; // rendered and escaped by Python (evaluation_view.py)
    bindPlan(output, store);
    /** @type {HTMLAnchorElement} */
    const download = find(actions, ".evaluasi-aksi__unduh");
    URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([response.json], { type: "application/json" }));
    output.hidden = actions.hidden = false;
    output.focus();
  }

  update();
  bindDeletion(form, () => {
    notice.hidden = output.hidden = actions.hidden = summary.hidden = true;
    update();
  });
}

// The action plan's fields are kept on the device as typed (by item id, so they survive a new
// result) and mirrored into their print copies.
/**
 * @param {Element} container
 * @param {EvaluationStore} store
 */
function bindPlan(container, store) {
  const saved = store.plan();
  for (const field of /** @type {NodeListOf<HTMLInputElement | HTMLTextAreaElement>} */ (
    container.querySelectorAll(".rencana input[name], .rencana textarea[name]"))) {
    const copy = container.querySelector(`.rencana__salinan[data-salinan="${CSS.escape(field.name)}"]`);
    const mirror = () => { if (copy) copy.textContent = field.value; };
    const text = saved[field.name];
    if (typeof text === "string") field.value = text;
    mirror();
    field.addEventListener("input", () => {
      store.savePlanField(field.name, field.value);
      mirror();
    });
  }
}

/**
 * "Hapus data saya": every key the site stored on this device.
 * @param {HTMLFormElement} form
 * @param {() => void} reset
 */
function bindDeletion(form, reset) {
  /** @type {HTMLButtonElement | null} */
  const button = document.querySelector(".evaluasi-hapus");
  if (!button) return;
  button.hidden = false;
  const message = find(document, ".evaluasi-hapus__pesan");
  button.addEventListener("click", () => {
    if (!window.confirm("Hapus semua isian, hasil, dan rencana aksi yang disimpan situs ini di perangkat ini?")) return;
    const deleted = deleteEverything(SITE_ROOT);
    form.reset();
    reset();
    message.textContent = deletionNotice(deleted);
  });
}

document$.subscribe(() => {
  /** @type {HTMLElement | null} */
  const root = document.querySelector(".evaluasi[data-instrument]");
  if (!root || root.dataset.bound) return;
  root.dataset.bound = "true";
  python.start();
  bind(root);
});
