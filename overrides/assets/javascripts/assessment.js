// Page glue for the self-assessment form: one Pyodide worker for the whole visit (it survives
// Material's instant navigation), answers to Python, Python's result view back into the page.
const TIMEOUT_MS = window.ASESMEN_TIMEOUT_MS || 90000;
const workerUrl = new URL("assessment-worker.js", import.meta.url);

const python = {
  worker: null,
  state: "idle", // idle | loading | ready | failed
  text: "",
  listeners: new Set(),
  pending: new Map(),
  nextId: 1,
  timer: null,

  start() {
    if (this.worker) return;
    this.set("loading", "Menyiapkan penghitung hasil…");
    this.worker = new Worker(workerUrl, { type: "module" });
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => this.fail(event.message || "worker gagal dimulai");
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

  fail(detail) {
    if (this.state === "failed") return;
    this.stop();
    console.error("Pyodide:", detail);
    this.set("failed", "Penghitung hasil gagal dimuat. Jawaban Anda tetap tersimpan di formulir. " +
      "Periksa koneksi, lalu pilih Coba lagi.");
  },

  receive(message) {
    if (message.type === "progress") this.set("loading", message.text);
    else if (message.type === "ready") {
      clearTimeout(this.timer);
      performance.mark("asesmen:python-ready");
      this.set("ready", "Penghitung hasil siap. Jawaban Anda dihitung di perangkat ini.");
    } else if (message.type === "failed") this.fail(message.detail);
    else if (message.type === "result") {
      const entry = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (entry) entry.resolve(message);
    }
  },

  set(state, text) {
    this.state = state;
    this.text = text;
    for (const listener of this.listeners) listener(state, text);
  },

  score(instrument, answers) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, instrument, answers });
    });
  },

  whenReady() {
    if (this.state === "ready") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = (state) => {
        if (state === "ready") { this.listeners.delete(listener); resolve(); }
        if (state === "failed") { this.listeners.delete(listener); reject(new Error("gagal")); }
      };
      this.listeners.add(listener);
    });
  },
};

function answersOf(form) {
  const answers = {};
  for (const input of form.querySelectorAll("input[type=radio]:checked")) answers[input.name] = Number(input.value);
  return answers;
}

function bind(root) {
  const form = root.querySelector(".asesmen-form");
  const status = root.querySelector(".asesmen-status");
  const statusText = status.querySelector(".asesmen-status__teks");
  const retry = status.querySelector(".asesmen-status__ulang");
  const summary = root.querySelector(".asesmen-ringkasan-galat");
  const output = root.querySelector(".asesmen-hasil-wadah");
  const counter = root.querySelector(".asesmen-kemajuan__jumlah");
  const instrument = root.dataset.instrument;

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
  form.addEventListener("change", (event) => {
    const item = event.target.closest(".asesmen-butir");
    if (item) clearItemError(item);
    updateCount();
  });
  updateCount();

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    performance.mark("asesmen:submit");
    const answers = answersOf(form);
    if (python.state === "failed") python.restart();
    try {
      await python.whenReady();
    } catch {
      return; // the status line already explains and offers a retry; the answers stay in the form
    }
    const response = await python.score(instrument, answers);
    if (response.ok) showResult(response);
    else showErrors(response.error);
  });

  function clearItemError(item) {
    item.classList.remove("asesmen-butir--galat");
    const message = item.querySelector(".asesmen-butir__galat");
    message.hidden = true;
    message.textContent = "";
  }

  function showErrors(error) {
    for (const item of form.querySelectorAll(".asesmen-butir--galat")) clearItemError(item);
    const list = summary.querySelector(".asesmen-ringkasan-galat__daftar");
    list.replaceChildren();
    const problems = [
      ...error.missing.map((id) => [id, "belum dijawab"]),
      ...Object.entries(error.invalid || {}).map(([id, reason]) => [id, `jawabannya tidak sah (${reason})`]),
    ];
    summary.querySelector(".asesmen-ringkasan-galat__teks").textContent = problems.length
      ? `${error.missing.length} pernyataan belum dijawab. Jawaban yang sudah diisi tetap tersimpan.`
      : error.message;
    for (const [id, text] of problems) {
      const item = form.querySelector(`#butir-${CSS.escape(id)}`);
      if (!item) continue;
      const number = item.querySelector(".asesmen-butir__nomor").textContent.replace(".", "");
      const link = document.createElement("a");
      link.href = `#${id}-1`;
      link.textContent = `Pernyataan ${number} ${text}`;
      link.addEventListener("click", (e) => {
        e.preventDefault();
        item.scrollIntoView({ block: "center" });
        item.querySelector("input").focus();
      });
      const li = document.createElement("li");
      li.append(link);
      list.append(li);
      item.classList.add("asesmen-butir--galat");
      const message = item.querySelector(".asesmen-butir__galat");
      message.textContent = `Pernyataan ini ${text}. Pilih seberapa sering Anda melakukannya.`;
      message.hidden = false;
    }
    output.hidden = true;
    summary.hidden = false;
    summary.focus();
  }

  function showResult(response) {
    summary.hidden = true;
    output.innerHTML = response.html;
    const download = document.createElement("a");
    download.className = "md-button asesmen-unduh";
    download.textContent = "Unduh hasil (JSON)";
    download.download = `hasil-${instrument}.json`;
    download.href = URL.createObjectURL(new Blob([response.json], { type: "application/json" }));
    output.append(download);
    output.hidden = false;
    output.focus();
    performance.measure("asesmen:submit-to-result", "asesmen:submit");
  }
}

document$.subscribe(() => {
  const root = document.querySelector(".asesmen");
  if (!root || root.dataset.bound) return;
  root.dataset.bound = "true";
  python.start();
  bind(root);
});
