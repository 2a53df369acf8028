// @ts-check
// Page glue for the self-assessment form: one Pyodide worker for the whole visit (it survives
// Material's instant navigation), answers to Python, Python's result view back into the page.
import { Store, deleteEverything, deletionNotice } from "./assessment-store.js";
import { SITE_ROOT, find, python } from "./python-client.js";
import { drawQrCodes } from "./qr.js";

/** @typedef {import("./assessment-store.js").Answers} Answers */
/** @typedef {import("./python-client.js").Listener} Listener */
/** @typedef {import("./python-client.js").ScoreError} ScoreError */
/** @typedef {import("./python-client.js").Response} Response */

/**
 * @param {HTMLFormElement} form
 * @returns {Answers}
 */
function answersOf(form) {
  /** @type {Answers} */
  const answers = {};
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll("input[type=radio]:checked"))) answers[input.name] = Number(input.value);
  return answers;
}

/**
 * @param {HTMLFormElement} form
 * @returns {Record<string, string[]>}
 */
function choicesOf(form) {
  /** @type {Record<string, string[]>} */
  const choices = {};
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll("input[type=radio]"))) (choices[input.name] ??= []).push(input.value);
  return choices;
}

/** @type {Record<"rusak" | "versi", string>} */
const DRAFT_PROBLEMS = {
  rusak: "Draf jawaban yang tersimpan di perangkat ini rusak atau telah diubah, sehingga tidak dapat dipakai. ",
  versi: "Draf jawaban yang tersimpan berasal dari versi lain instrumen ini, sehingga tidak dapat dipakai. ",
};
const DRAFT_SET_ASIDE = "Draf itu disisihkan (tidak dihapus) dan formulir dimulai kosong.";
const DRAFT_LEFT = "Draf itu dibiarkan tersimpan apa adanya (tidak dihapus) dan formulir dimulai kosong.";
const STORAGE_PROBLEM = "Jawaban tidak dapat disimpan di perangkat ini: penyimpanan peramban tidak tersedia " +
  "atau penuh. Hasil tetap dapat dihitung, tetapi jawaban akan hilang bila halaman ini ditutup atau dimuat ulang.";
// A button pressed before the result can be computed says so where the reader is looking.
const BUSY_LABEL = "Menyiapkan penghitung…";
const BUSY_TEXT = "Hasil akan muncul sendiri begitu penghitungan siap, tanpa perlu menekan tombol lagi. " +
  "Jawaban Anda tetap tersimpan.";
const BUSY_FAILED = "Penghitungan hasil belum dapat disiapkan. Jawaban Anda tetap tersimpan. " +
  "Periksa koneksi, lalu tekan tombol ini lagi.";

const dateFormat = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "short" });

/**
 * " dari 12 Maret 2024 pukul 14.05" for a readable time, else "".
 * @param {string} when
 * @returns {string}
 */
const fromDate = (when) => (Date.parse(when) ? ` dari ${dateFormat.format(new Date(when))}` : "");

/**
 * Runs `work` once the result can be computed. Until then `button` is busy (aria-busy, disabled,
 * a short label) and `live`, a status beside it, says the result will come on its own.
 * @param {HTMLButtonElement} button
 * @param {HTMLElement} live
 * @param {() => Promise<void>} work
 */
async function whenReadyAt(button, live, work) {
  if (button.getAttribute("aria-busy") === "true") return;
  if (python.state === "failed") python.restart();
  const label = String(button.textContent);
  const busy = python.state !== "ready";
  if (busy) {
    button.setAttribute("aria-busy", "true");
    button.disabled = true;
    button.textContent = BUSY_LABEL;
    live.textContent = BUSY_TEXT;
  }
  let ready = true;
  try {
    await python.whenReady();
  } catch {
    ready = false;
  }
  button.removeAttribute("aria-busy");
  button.disabled = false;
  button.textContent = label;
  if (!ready) {
    live.textContent = BUSY_FAILED;
    button.focus();
    return;
  }
  live.textContent = "";
  try {
    await work();
  } catch {
    live.textContent = BUSY_FAILED; // the computation was stopped (e.g. by Coba lagi) before it answered
  }
}

/** @param {HTMLElement} root the `.asesmen` element */
function bind(root) {
  /** @type {HTMLFormElement} */
  const form = find(root, ".asesmen-form");
  const status = find(root, ".asesmen-status");
  const statusText = find(status, ".asesmen-status__teks");
  const retry = find(status, ".asesmen-status__ulang");
  const summary = find(root, ".asesmen-ringkasan-galat");
  const output = find(root, ".asesmen-hasil-wadah");
  const actions = find(root, ".asesmen-aksi");
  const counter = find(root, ".asesmen-kemajuan__jumlah");
  const notice = find(root, ".asesmen-draf");
  /** @type {HTMLButtonElement} */
  const submitButton = find(form, ".asesmen-kirim__tombol");
  /** @type {HTMLButtonElement} */
  const lastButton = find(notice, ".asesmen-draf__hasil");
  const instrument = String(root.dataset.instrument);
  /** @type {HTMLElement | null} */
  let storageNotice = null;
  // Said once, near the form, the first time the device's storage refuses a read or a write.
  const storageProblem = () => {
    if (storageNotice) return;
    storageNotice = document.createElement("p");
    storageNotice.className = "asesmen-penyimpanan";
    storageNotice.setAttribute("role", "status");
    notice.after(storageNotice);
    const element = storageNotice;
    setTimeout(() => { element.textContent = STORAGE_PROBLEM; }, 50); // a live region announces a change
  };
  const store = new Store(instrument, String(root.dataset.version), choicesOf(form), storageProblem);
  let draft = store.newDraft();

  /** @type {Listener} */
  const showStatus = (state, text) => {
    if (!root.isConnected) { python.listeners.delete(showStatus); return; }
    status.dataset.state = state;
    statusText.textContent = text;
    retry.hidden = state !== "failed";
  };
  python.listeners.add(showStatus);
  showStatus(python.state, python.text || "Menyiapkan penghitung hasil…");
  retry.addEventListener("click", () => python.restart());

  const updateCount = () => { counter.textContent = String(Object.keys(answersOf(form)).length); };

  /**
   * @param {string} text
   * @param {string[]} buttons the buttons shown: hasil, lanjut, ulang, tutup
   */
  function showNotice(text, buttons) {
    find(notice, ".asesmen-draf__teks").textContent = text;
    for (const name of ["hasil", "lanjut", "ulang", "tutup"]) {
      find(notice, `.asesmen-draf__${name}`).hidden = !buttons.includes(name);
    }
    // One primary action: showing the last result when there is one, else continuing.
    lastButton.classList.toggle("md-button--primary", buttons.includes("hasil"));
    find(notice, ".asesmen-draf__lanjut").classList.toggle("md-button--primary", !buttons.includes("hasil"));
    notice.hidden = false;
    // Where the reader is looking: the notice is brought into view and read out first, also after the
    // browser has restored the scroll position or gone to the address's #anchor (on load, or just after
    // the theme's instant navigation).
    notice.focus({ preventScroll: true });
    const bringIntoView = () => { if (!notice.hidden) notice.scrollIntoView({ block: "start" }); };
    bringIntoView();
    if (document.readyState === "complete") requestAnimationFrame(() => requestAnimationFrame(bringIntoView));
    else window.addEventListener("load", () => requestAnimationFrame(bringIntoView), { once: true });
  }

  // On return: the saved answers back in the form, and the last result on offer without answering again.
  function restore() {
    const { draft: saved, problem, setAside } = store.loadDraft();
    const last = store.lastResult(saved);
    const lastText = last ? `Hasil terakhir Anda${fromDate(last.entry.saved_at)} dapat ditampilkan lagi tanpa mengisi ulang. ` : "";
    const withLast = last ? ["hasil"] : [];
    if (problem) {
      showNotice(DRAFT_PROBLEMS[problem] + (setAside ? DRAFT_SET_ASIDE : DRAFT_LEFT) + (lastText && ` ${lastText}`),
        [...withLast, "tutup"]);
      return;
    }
    if (!saved || !Object.keys(saved.answers).length) {
      if (last) showNotice(lastText.replace("dapat ditampilkan", "tersimpan di perangkat ini dan dapat ditampilkan"), ["hasil", "tutup"]);
      return;
    }
    draft = { draft_id: saved.draft_id, answers: saved.answers };
    for (const [item, value] of Object.entries(saved.answers)) {
      /** @type {HTMLInputElement} */
      const input = find(form, `input[name="${CSS.escape(item)}"][value="${CSS.escape(String(value))}"]`);
      input.checked = true;
    }
    const count = Object.keys(saved.answers).length;
    const complete = String(count) === root.dataset.total;
    showNotice(`Jawaban Anda yang tersimpan${fromDate(saved.saved_at)} telah dipulihkan (${count} ` +
      `dari ${root.dataset.total} pernyataan). ${lastText}` +
      (complete ? "Anda juga dapat mengubah jawaban, atau mulai dari awal." : "Lanjutkan mengisi, atau mulai dari awal."),
    [...withLast, "lanjut", "ulang"]);
  }

  lastButton.addEventListener("click", () => whenReadyAt(lastButton, find(notice, ".asesmen-sibuk"), async () => {
    const last = store.lastResult(draft);
    if (!last) return;
    // Computed again from the kept answers, so that what is shown is the current computation's view;
    // the history is left as it was (the result keeps its date).
    const response = await python.score(instrument, last.answers, requestOptions(last.earlier));
    if (!response.ok) { showErrors(response.error); return; }
    notice.hidden = true;
    showResult(response);
  }));

  find(notice, ".asesmen-draf__lanjut").addEventListener("click", () => {
    notice.hidden = true;
    const next = [...form.querySelectorAll(".asesmen-butir")].find((item) => !item.querySelector("input:checked"));
    (next ? find(next, "input") : submitButton).focus();
  });
  find(notice, ".asesmen-draf__ulang").addEventListener("click", () => {
    form.reset();
    store.clearDraft();
    draft = store.newDraft();
    notice.hidden = true;
    output.hidden = actions.hidden = summary.hidden = true;
    for (const item of form.querySelectorAll(".asesmen-butir--galat")) clearItemError(item);
    removeNextLink();
    updateCount();
    find(form, "input").focus();
  });
  find(notice, ".asesmen-draf__tutup").addEventListener("click", () => { notice.hidden = true; });

  form.addEventListener("change", (event) => {
    const item = /** @type {Element} */ (event.target).closest(".asesmen-butir");
    if (item?.classList.contains("asesmen-butir--galat")) {
      clearItemError(item);
      offerNext(item);
    }
    draft.answers = answersOf(form);
    store.saveDraft(draft);
    updateCount();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    performance.mark("asesmen:submit");
    whenReadyAt(submitButton, find(form, ".asesmen-kirim .asesmen-sibuk"), async () => {
      // The answers as they are now: the reader may have gone on answering while waiting.
      const answers = answersOf(form);
      const history = store.history().filter((entry) => entry.draft_id !== draft.draft_id);
      const response = await python.score(instrument, answers, requestOptions(history));
      if (response.ok) {
        store.addResult(draft.draft_id, response.result, answers);
        showResult(response);
      } else showErrors(response.error);
    });
  });

  find(actions, ".asesmen-aksi__cetak").addEventListener("click", () => {
    document.documentElement.classList.add("mencetak-lembar");
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("mencetak-lembar"), { once: true });
    window.print();
  });

  /**
   * @param {import("./assessment-store.js").HistoryEntry[]} history earlier results, oldest first
   * @returns {Record<string, unknown>}
   */
  function requestOptions(history) {
    return {
      history: history.map((entry) => ({ ...entry.result, saved_at: entry.saved_at })),
      base_url: pathToRoot(),
    };
  }

  /** @param {Element} item */
  function clearItemError(item) {
    item.classList.remove("asesmen-butir--galat");
    item.removeAttribute("aria-describedby");
    const message = find(item, ".asesmen-butir__galat");
    message.hidden = true;
    message.textContent = "";
  }

  function removeNextLink() {
    for (const element of form.querySelectorAll(".asesmen-lanjut")) element.remove();
  }

  /** @param {Element} item its number as shown ("17") */
  const numberOf = (item) => String(find(item, ".asesmen-butir__nomor").textContent).replace(".", "");

  // After an item in error is answered: a way straight to the next one still in error (or to the
  // submit button when none is left), so nobody scrolls through the whole form to find it.
  /** @param {Element} fixed */
  function offerNext(fixed) {
    removeNextLink();
    const open = [...form.querySelectorAll(".asesmen-butir--galat")];
    const next = open.find((item) => fixed.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING) ?? open[0];
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button asesmen-lanjut__tombol";
    button.textContent = next
      ? `Ke pernyataan berikutnya yang belum dijawab: nomor ${numberOf(next)} (tinggal ${open.length})`
      : "Semua sudah dijawab: ke tombol Lihat hasil";
    button.addEventListener("click", () => {
      removeNextLink();
      if (next) {
        next.scrollIntoView({ block: "center" });
        find(next, "input").focus({ preventScroll: true });
      } else {
        submitButton.scrollIntoView({ block: "center" });
        submitButton.focus({ preventScroll: true });
      }
    });
    const wrapper = document.createElement("p");
    wrapper.className = "asesmen-lanjut";
    wrapper.append(button);
    fixed.append(wrapper);
  }

  /** @param {ScoreError} error */
  function showErrors(error) {
    for (const item of form.querySelectorAll(".asesmen-butir--galat")) clearItemError(item);
    removeNextLink();
    const list = find(summary, ".asesmen-ringkasan-galat__daftar");
    list.replaceChildren();
    /** @type {[string, string][]} */
    const problems = [
      ...error.missing.map((id) => /** @type {[string, string]} */ ([id, "belum dijawab"])),
      ...Object.entries(error.invalid || {}).map(([id, reason]) => /** @type {[string, string]} */ (
        [id, `jawabannya tidak sah (${reason})`])),
    ];
    find(summary, ".asesmen-ringkasan-galat__teks").textContent = problems.length
      ? `${error.missing.length} pernyataan belum dijawab. Jawaban yang sudah diisi tetap tersimpan. ` +
        "Setelah menjawab satu, Anda dapat langsung menuju pernyataan berikutnya yang belum dijawab."
      : error.message;
    for (const [id, text] of problems) {
      const item = form.querySelector(`#butir-${CSS.escape(id)}`);
      if (!item) continue;
      const link = document.createElement("a");
      link.href = `#${id}-1`;
      link.textContent = `Pernyataan ${numberOf(item)} ${text}`;
      link.addEventListener("click", (e) => {
        e.preventDefault();
        e.stopPropagation(); // the theme's instant navigation would load the page again for the new #anchor
        item.scrollIntoView({ block: "center" });
        find(item, "input").focus({ preventScroll: true });
      });
      const li = document.createElement("li");
      li.append(link);
      list.append(li);
      // GOV.UK error message: linked to the question, with a prefix only screen readers say.
      item.classList.add("asesmen-butir--galat");
      const message = find(item, ".asesmen-butir__galat");
      const prefix = document.createElement("span");
      prefix.className = "asesmen-tersembunyi";
      prefix.textContent = "Galat: ";
      message.replaceChildren(prefix, `Pernyataan ini ${text}. Pilih seberapa sering Anda melakukannya.`);
      message.hidden = false;
      item.setAttribute("aria-describedby", message.id);
    }
    output.hidden = actions.hidden = true;
    summary.hidden = false;
    summary.focus();
  }

  /** @param {Response & {ok: true}} response */
  function showResult(response) {
    summary.hidden = true;
    output.innerHTML = response.html;
    // The code stays readable as text if its picture cannot be drawn (e.g. offline before any visit kept it).
    drawQrCodes(output).catch((error) => console.warn("Kode QR tidak dapat digambar:", error));
    bindSheet(output, store);
    bindJumps(output);
    /** @type {HTMLAnchorElement} */
    const download = find(actions, ".asesmen-aksi__unduh");
    URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([response.json], { type: "application/json" }));
    output.hidden = actions.hidden = false;
    output.focus();
    if (performance.getEntriesByName("asesmen:submit").length) performance.measure("asesmen:submit-to-result", "asesmen:submit");
  }

  restore();
  updateCount();
}

// The relative path from the current page to the site's root ("../../"), for the result's links.
function pathToRoot() {
  const depth = location.pathname.slice(SITE_ROOT.length).split("/").length - 1;
  return "../".repeat(Math.max(depth, 0));
}

// The result's links within the page (#lembar-dialog, #hasil-rincian) scroll and move the focus without
// changing the address: a new hash makes the theme's instant navigation reload the content, losing the result.
/** @param {Element} container */
function bindJumps(container) {
  for (const link of container.querySelectorAll('a[href^="#"]')) {
    link.addEventListener("click", (event) => {
      const target = document.getElementById(String(link.getAttribute("href")).slice(1));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
  }
}

// The sheet's fields (identity, bukti dukung, questions, expectations) are kept on the device as typed, and
// mirrored into their print copies (browsers differ in printing a textarea's whole text).
/**
 * @param {Element} container
 * @param {Store} store
 */
function bindSheet(container, store) {
  const saved = store.sheet();
  const fields = container.querySelectorAll(".lembar-dialog textarea[name], .lembar-dialog input[name]");
  for (const field of /** @type {NodeListOf<HTMLTextAreaElement | HTMLInputElement>} */ (fields)) {
    const copy = container.querySelector(`.lembar-dialog__salinan[data-salinan="${CSS.escape(field.name)}"]`);
    const mirror = () => { if (copy) copy.textContent = field.value; };
    const text = saved[field.name];
    if (typeof text === "string") field.value = text;
    mirror();
    field.addEventListener("input", () => {
      store.saveSheetField(field.name, field.value);
      mirror();
    });
  }
}

function bindDeletion() {
  /** @type {HTMLButtonElement | null} */
  const button = document.querySelector(".asesmen-hapus");
  if (!button || button.dataset.bound) return;
  button.dataset.bound = "true";
  button.hidden = false;
  const message = find(document, ".asesmen-hapus__pesan");
  button.addEventListener("click", () => {
    if (!window.confirm("Hapus semua jawaban, hasil, dan isian yang disimpan situs ini di perangkat ini?")) return;
    const deleted = deleteEverything(SITE_ROOT);
    /** @type {HTMLFormElement | null} */ (document.querySelector(".asesmen-form"))?.reset();
    for (const element of /** @type {NodeListOf<HTMLElement>} */ (
      document.querySelectorAll(".asesmen-hasil-wadah, .asesmen-aksi, .asesmen-draf"))) {
      element.hidden = true;
    }
    find(document, ".asesmen-kemajuan__jumlah").textContent = "0";
    message.textContent = deletionNotice(deleted);
  });
}

document$.subscribe(() => {
  /** @type {HTMLElement | null} */
  const root = document.querySelector(".asesmen");
  if (!root || root.dataset.bound) return;
  root.dataset.bound = "true";
  python.start();
  bind(root);
  bindDeletion();
});
