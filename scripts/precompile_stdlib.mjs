// Build a small, fast standard library for the browser: Pyodide's python_stdlib.zip cut down to
// what starting Pyodide and running our wheel actually import, every module precompiled to a
// sourceless .pyc, entries stored uncompressed. The Python that does it is scripts/stdlib_probe.py;
// this script only starts Pyodide under Node.js (so the bytecode matches the CPython that runs in
// the browser), installs the wheel as the page's worker does, and runs it. Compiling the standard
// library is most of Pyodide's start-up time, so this roughly halves "page open → Python ready"
// (make bench). The worker falls back to the full python_stdlib.zip if a module is ever missing.
//
// Usage: node scripts/precompile_stdlib.mjs FULL_STDLIB.zip WHEEL OUT.zip
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [input, wheel, output] = process.argv.slice(2).map((p) => resolve(p));
if (!input || !wheel || !output) {
  console.error("usage: node scripts/precompile_stdlib.mjs FULL_STDLIB.zip WHEEL OUT.zip");
  process.exit(2);
}
// Pyodide's errors carry its whole minified source: report the Python message only.
process.on("uncaughtException", (error) => {
  console.error(`precompile_stdlib: ${String(error.message || error).slice(-3000)}`);
  process.exit(1);
});
const pyodide = await loadPyodide({ stdLibURL: input });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.FS.mkdirTree("/tmp/probe");
pyodide.FS.writeFile("/tmp/probe/stdlib_probe.py", readFileSync(new URL("stdlib_probe.py", import.meta.url)));
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(input));
const summary = pyodide.runPython(
  "import sys; sys.path.insert(0, '/tmp/probe'); import stdlib_probe; stdlib_probe.main('/tmp/in.zip', '/tmp/out.zip')",
);
writeFileSync(output, pyodide.FS.readFile("/tmp/out.zip"));
console.log(`precompiled stdlib: ${summary}`);
