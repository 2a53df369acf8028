// @ts-check
// The knowledge check (docs/presentasi/cek-pemahaman.md): scores the answers on the page. Without
// this script the page is a readable list with each answer in a <details>. Nothing is sent anywhere;
// only a "before the session" score (number, total, date) is kept in localStorage for comparison.

const STORAGE_KEY = "cek-pemahaman:sebelum";

/** @typedef {{benar: number, total: number, tanggal: string}} SavedScore */

/**
 * @template {Element} T
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {T}
 */
function find(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`cek-pemahaman: ${selector} tidak ditemukan`);
  return /** @type {T} */ (element);
}

/** @returns {SavedScore | null} the stored "before" score, or null when absent, unreadable or malformed */
function loadBefore() {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
    if (value && Number.isInteger(value.benar) && Number.isInteger(value.total) && typeof value.tanggal === "string") {
      return value;
    }
  } catch {
    // storage unavailable or corrupted: treated as nothing stored
  }
  return null;
}

/**
 * @param {SavedScore} score
 * @returns {boolean} whether the browser kept it
 */
function saveBefore(score) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(score));
    return true;
  } catch {
    return false;
  }
}

function forgetBefore() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to remove when storage is unavailable
  }
}

/** @param {string} isoDate */
function formatDate(isoDate) {
  const date = new Date(isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : date.toLocaleDateString("id-ID", { dateStyle: "long" });
}

/** @param {HTMLFormElement} form the `[data-cek-pemahaman]` form */
function bind(form) {
  /** @type {HTMLElement[]} */
  const questions = [.../** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll(".cek-soal"))];
  // The error summary and the result sit next to the form (outside it, so their headings stay out of
  // the page's table of contents).
  const page = form.parentElement || document;
  /** @type {HTMLElement} */
  const summary = find(page, ".cek-ringkasan-galat");
  /** @type {HTMLElement} */
  const result = find(page, ".cek-hasil");
  /** @type {HTMLElement} */
  const stored = find(form, ".cek-simpanan");
  /** @type {HTMLElement} */
  const message = find(form, ".cek-pesan");

  /** @type {HTMLElement} */ (find(form, ".cek-waktu")).hidden = false;
  /** @type {HTMLElement} */ (find(form, ".cek-aksi")).hidden = false;
  for (const question of questions) hideFeedback(question);
  showStored();

  /** Shows the "before" score kept on this device, if any, with the button that deletes it. */
  function showStored() {
    const before = loadBefore();
    stored.hidden = before === null;
    if (before) {
      find(stored, ".cek-simpanan__teks").textContent =
        `Skor sebelum sesi yang tersimpan di perangkat ini: ${before.benar} dari ${before.total} ` +
        `(${formatDate(before.tanggal)}).`;
    }
  }

  /** @param {HTMLElement} question */
  function hideFeedback(question) {
    question.classList.remove("cek-soal--benar", "cek-soal--salah", "cek-soal--galat");
    /** @type {HTMLDetailsElement} */
    const details = find(question, ".cek-soal__penjelasan");
    details.hidden = true;
    details.open = false;
    question.querySelector(".cek-soal__galat")?.remove();
    question.querySelector(".cek-soal__hasil")?.remove();
    find(question, "fieldset").removeAttribute("aria-describedby");
  }

  /** @param {HTMLElement} question @returns {string | null} */
  const answerOf = (question) =>
    /** @type {HTMLInputElement | null} */ (question.querySelector("input:checked"))?.value ?? null;

  /** @param {HTMLElement} question @returns {string} the question's number as shown */
  const numberOf = (question) => (find(question, ".cek-soal__nomor").textContent || "").replace(".", "").trim();

  /**
   * GOV.UK error pattern: a summary linking to each unanswered question and a message at the question.
   * @param {HTMLElement[]} unanswered
   */
  function showErrors(unanswered) {
    const list = find(summary, ".cek-ringkasan-galat__daftar");
    list.replaceChildren();
    for (const question of unanswered) {
      const number = numberOf(question);
      const text = `Pilih satu jawaban untuk pertanyaan ${number}.`;
      const link = document.createElement("a");
      link.href = `#${find(question, "input").id}`;
      link.textContent = text;
      const item = document.createElement("li");
      item.append(link);
      list.append(item);

      question.classList.add("cek-soal--galat");
      const error = document.createElement("p");
      error.className = "cek-soal__galat";
      error.id = `${question.id}-galat`;
      const prefix = document.createElement("span");
      prefix.className = "cek-tersembunyi";
      prefix.textContent = "Galat: ";
      error.append(prefix, text);
      find(question, "legend").after(error);
      find(question, "fieldset").setAttribute("aria-describedby", error.id);
    }
    summary.hidden = false;
    summary.focus();
  }

  /** @param {HTMLElement} question @param {boolean} correct */
  function showFeedback(question, correct) {
    question.classList.add(correct ? "cek-soal--benar" : "cek-soal--salah");
    const verdict = document.createElement("p");
    verdict.className = "cek-soal__hasil";
    verdict.textContent = correct ? "Benar." : "Belum tepat. Baca penjelasannya di bawah.";
    /** @type {HTMLDetailsElement} */
    const details = find(question, ".cek-soal__penjelasan");
    details.before(verdict);
    details.hidden = false;
    details.open = !correct;
  }

  /** @param {HTMLElement[]} wrong the questions answered wrongly, linked from the result */
  function showWrong(wrong) {
    const note = find(result, ".cek-hasil__catatan");
    note.replaceChildren(wrong.length === 0 ? "Semua jawaban benar." : "Belum tepat: ");
    wrong.forEach((question, index) => {
      const link = document.createElement("a");
      link.href = `#${question.id}`;
      link.textContent = `pertanyaan ${numberOf(question)}`;
      note.append(index === 0 ? "" : ", ", link);
    });
    if (wrong.length > 0) note.append(". Penjelasan dan tautan ke halaman asalnya ada di setiap pertanyaan.");
  }

  /** @param {number} correct @param {number} total */
  function showScore(correct, total) {
    const moment = /** @type {HTMLInputElement | null} */ (form.querySelector("input[name='cek-waktu']:checked"))?.value;
    /** @type {HTMLElement} */
    const score = find(result, "[data-cek-skor]");
    score.dataset.benar = String(correct);
    score.dataset.total = String(total);
    score.textContent = `Skor Anda: ${correct} dari ${total} jawaban benar.`;

    const comparison = find(result, ".cek-hasil__banding");
    const before = loadBefore();
    message.textContent = "";
    if (moment === "sebelum") {
      const kept = saveBefore({ benar: correct, total, tanggal: new Date().toISOString() });
      comparison.textContent = kept
        ? "Skor ini disimpan di perangkat ini sebagai skor sebelum sesi. Isi lagi sesudah sesi untuk membandingkan."
        : "Peramban ini tidak mengizinkan penyimpanan, jadi skor sebelum sesi tidak tersimpan. Catat skor ini bila ingin membandingkan.";
    } else if (moment === "sesudah" && before) {
      const change = correct - before.benar;
      const trend = change > 0 ? `naik ${change}` : change < 0 ? `turun ${-change}` : "tetap";
      comparison.textContent = `Sebelum sesi (${formatDate(before.tanggal)}): ${before.benar} dari ${before.total}. ` +
        `Sesudah sesi: ${correct} dari ${total}. Skor Anda ${trend}.`;
    } else if (moment === "sesudah") {
      comparison.textContent = "Belum ada skor sebelum sesi di perangkat ini untuk dibandingkan.";
    } else {
      comparison.textContent = "Skor ini tidak disimpan.";
    }
    showStored();
    result.hidden = false;
    result.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const question of questions) hideFeedback(question);
    summary.hidden = true;
    const unanswered = questions.filter((question) => answerOf(question) === null);
    if (unanswered.length > 0) {
      result.hidden = true;
      showErrors(unanswered);
      return;
    }
    /** @type {HTMLElement[]} */
    const wrong = [];
    for (const question of questions) {
      const right = answerOf(question) === question.dataset.jawaban;
      if (!right) wrong.push(question);
      showFeedback(question, right);
    }
    showWrong(wrong);
    showScore(questions.length - wrong.length, questions.length);
  });

  find(form, ".cek-aksi__ulang").addEventListener("click", () => {
    form.reset();
    for (const question of questions) hideFeedback(question);
    summary.hidden = true;
    result.hidden = true;
    find(form, ".cek-waktu").scrollIntoView();
  });

  find(stored, ".cek-simpanan__hapus").addEventListener("click", () => {
    forgetBefore();
    showStored();
    message.textContent = "Skor sebelum sesi telah dihapus dari perangkat ini.";
    message.focus();
  });
}

document$.subscribe(() => {
  /** @type {HTMLFormElement | null} */
  const form = document.querySelector("form[data-cek-pemahaman]");
  if (!form || form.dataset.bound) return;
  form.dataset.bound = "true";
  bind(form);
});
