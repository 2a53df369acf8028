// Module Web Worker: starts the self-hosted Pyodide, installs our wheel, and scores answers.
// All scoring and result rendering happens in Python (assessment._internal.service.handle).
import { loadPyodide } from "../runtime/pyodide.mjs";

const runtime = new URL("../runtime/", import.meta.url);
const post = (message) => self.postMessage(message);

async function start() {
  post({ type: "progress", text: "Memuat Python (sekali unduh, lalu tersimpan di peramban)…" });
  const pyodide = await loadPyodide({ indexURL: runtime.href, stdLibURL: new URL("python_stdlib.zip", runtime).href });
  post({ type: "progress", text: "Memasang paket penilaian…" });
  const response = await fetch(new URL("assessment.whl", runtime));
  if (!response.ok) throw new Error(`paket penilaian tidak dapat diunduh (HTTP ${response.status})`);
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
  const handle = pyodide.pyimport("assessment._internal.service").handle;
  post({ type: "ready" });
  return handle;
}

const ready = start().catch((error) => {
  post({ type: "failed", detail: String(error && error.message ? error.message : error) });
  return null;
});

self.onmessage = async ({ data }) => {
  const handle = await ready;
  if (!handle) return;
  const response = JSON.parse(handle(JSON.stringify({ instrument: data.instrument, answers: data.answers })));
  post({ type: "result", id: data.id, ...response });
};
