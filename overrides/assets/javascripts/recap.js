// @ts-check
// Page glue for the group recap tools: pasted result codes (presentasi/rekap/) or opened result
// files (asesmen/rekap-perangkat-daerah/) go to Python in the shared worker, whose recap view
// (HTML escaped by Python) comes back into the page. Nothing leaves the device.
import { find, python } from "./python-client.js";

/** @typedef {import("./python-client.js").Listener} Listener */
/** @typedef {{ok: true, html: string, csv: string, json: string} | {ok: false, error: {message: string}}} RecapResponse */

/** @param {HTMLElement} root the `[data-recap-tool]` element */
function bind(root) {
  /** @type {HTMLFormElement} */
  const form = find(root, ".rekap-form");
  const status = find(root, ".rekap-status");
  /** @type {HTMLButtonElement} */
  const submit = find(root, ".rekap-form__rekap");
  const output = find(root, ".rekap-hasil");
  const actions = find(root, ".rekap-aksi");
  /** @type {HTMLAnchorElement} */
  const download = find(actions, ".rekap-aksi__unduh");
  const instrument = String(root.dataset.instrument);
  const label = submit.textContent || "Rekap";

  /** @type {Listener} */
  const showStatus = (state, text) => {
    if (!root.isConnected) { python.listeners.delete(showStatus); return; }
    status.dataset.state = state;
    find(status, ".asesmen-status__teks").textContent =
      state === "ready" ? "Siap merekap. Hitungan berjalan di perangkat ini." : text;
  };
  python.listeners.add(showStatus);
  showStatus(python.state, python.text || "Menyiapkan penghitung rekap…");

  /** @param {boolean} busy */
  const setBusy = (busy) => {
    submit.disabled = busy;
    submit.setAttribute("aria-busy", String(busy));
    submit.textContent = busy ? "Menghitung rekap…" : label;
  };

  /** @returns {Promise<Record<string, unknown>>} the request for Python */
  async function request() {
    /** @type {HTMLInputElement | null} */
    const picker = form.querySelector("input[type=file]");
    if (picker) {
      const files = await Promise.all([...(picker.files || [])].map(async (file) => ({ name: file.name, text: await file.text() })));
      return { action: "recap", files };
    }
    /** @type {HTMLTextAreaElement} */
    const text = find(form, "textarea");
    return { action: "recap", lines: text.value };
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (python.state === "failed") python.restart();
      await python.whenReady();
      const response = /** @type {RecapResponse} */ (/** @type {unknown} */ (await python.request(instrument, await request())));
      if (!response.ok) throw new Error(response.error.message);
      output.innerHTML = response.html; // rendered and escaped by Python (recap_render.py)
      URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob(["\ufeff" + response.csv], { type: "text/csv" }));
      output.hidden = actions.hidden = false;
      output.focus();
    } catch (error) {
      output.replaceChildren(Object.assign(document.createElement("p"), {
        className: "rekap-hasil__galat",
        textContent: `Rekap tidak dapat dibuat: ${error instanceof Error ? error.message : error}. Isian tetap di halaman ini.`,
      }));
      output.hidden = false;
    } finally {
      setBusy(false);
    }
  });

  find(actions, ".rekap-aksi__cetak").addEventListener("click", () => {
    document.documentElement.classList.add("mencetak-rekap");
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("mencetak-rekap"), { once: true });
    window.print();
  });

  bindCamera(root, form);
}

// Scanning result codes with the camera, where the browser can (BarcodeDetector); typing always works.
/**
 * @param {HTMLElement} root
 * @param {HTMLFormElement} form
 */
function bindCamera(root, form) {
  /** @type {HTMLTextAreaElement | null} */
  const text = form.querySelector("textarea");
  /** @type {HTMLButtonElement | null} */
  const scan = form.querySelector(".rekap-form__pindai");
  const Detector = /** @type {any} */ (window).BarcodeDetector;
  if (!text || !scan || !Detector || !navigator.mediaDevices?.getUserMedia) return;
  scan.hidden = false;
  const panel = find(root, ".rekap-kamera");
  /** @type {HTMLVideoElement} */
  const video = find(panel, "video");
  const message = find(panel, ".rekap-kamera__pesan");
  /** @type {MediaStream | null} */
  let stream = null;
  const stop = () => {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    panel.hidden = true;
    scan.focus();
  };
  find(panel, ".rekap-kamera__tutup").addEventListener("click", stop);
  scan.addEventListener("click", async () => {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch {
      message.textContent = "Kamera tidak dapat dipakai. Ketik kodenya saja.";
      panel.hidden = false;
      return;
    }
    const detector = new Detector({ formats: ["qr_code"] });
    video.srcObject = stream;
    panel.hidden = false;
    await video.play();
    const seen = new Set(text.value.split("\n").map((line) => line.trim()).filter(Boolean));
    const tick = async () => {
      if (!stream) return;
      for (const { rawValue } of await detector.detect(video).catch(() => [])) {
        const code = String(rawValue).trim();
        if (code && !seen.has(code)) {
          seen.add(code);
          text.value = (text.value.trim() ? text.value.trim() + "\n" : "") + code;
          message.textContent = `Terbaca: ${code} (${seen.size} kode).`;
        }
      }
      requestAnimationFrame(tick);
    };
    tick();
  });
}

document$.subscribe(() => {
  /** @type {HTMLElement | null} */
  const root = document.querySelector("[data-recap-tool]");
  if (!root || root.dataset.bound) return;
  root.dataset.bound = "true";
  python.start();
  bind(root);
});
