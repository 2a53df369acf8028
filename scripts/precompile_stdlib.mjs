// Build a small, fast standard library for the browser: Pyodide's python_stdlib.zip cut down to
// the modules that starting Pyodide and running our package actually import, every module
// precompiled to a sourceless .pyc, entries stored uncompressed; and our package precompiled the
// same way (assessment.zip). The Python that does it is scripts/stdlib_probe.py; this script only
// starts Pyodide under Node.js (so the bytecode matches the CPython that runs in the browser), places
// the package's files as the page's worker does (stored-zip.js, no Python), and runs it.
// Compiling the standard library is most of Pyodide's start-up time, so this roughly halves
// "page open → Python ready" (make bench). The worker falls back to the full python_stdlib.zip if a
// module is ever missing.
//
// Usage: node scripts/precompile_stdlib.mjs FULL_STDLIB.zip WHEEL OUT_STDLIB.zip OUT_PACKAGE.zip
//        node scripts/precompile_stdlib.mjs --check SMALL_STDLIB.zip PACKAGE.zip [MODULE …]
// --check starts Pyodide with only the small zip and the precompiled package (or the wheel: both are
// stored zips), imports the MODULEs, every module of the package and runs the page's workload; it
// lists what is missing and exits 1 if anything is.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadPyodide } from "pyodide";
import { PACKAGE_FOLDER, writeStoredFiles } from "../overrides/assets/javascripts/stored-zip.js";

const USAGE = "usage: node scripts/precompile_stdlib.mjs FULL_STDLIB.zip WHEEL OUT_STDLIB.zip OUT_PACKAGE.zip\n" +
  "       node scripts/precompile_stdlib.mjs --check SMALL_STDLIB.zip PACKAGE.zip [MODULE …]";
const checking = process.argv[2] === "--check";
const args = process.argv.slice(checking ? 3 : 2);
const [stdlib, wheel] = args;
const [output, packageOutput] = checking ? [] : args.slice(2);
const modules = checking ? args.slice(2) : [];
if (!stdlib || !wheel || (!checking && (!output || !packageOutput || args.length > 4))) {
  console.error(USAGE);
  process.exit(2);
}
// Pyodide's errors carry its whole minified source: report the Python message only.
process.on("uncaughtException", (error) => {
  console.error(`precompile_stdlib: ${String(error.message || error).slice(-3000)}`);
  process.exit(1);
});
const pyodide = await loadPyodide({ stdLibURL: resolve(stdlib) });
writeStoredFiles(pyodide.FS, new Uint8Array(readFileSync(resolve(wheel))), PACKAGE_FOLDER);
pyodide.FS.mkdirTree("/tmp/probe");
pyodide.FS.writeFile("/tmp/probe/stdlib_probe.py", readFileSync(new URL("stdlib_probe.py", import.meta.url)));
pyodide.runPython(`import sys; sys.path[:0] = ["${PACKAGE_FOLDER}", "/tmp/probe"]`);
const probe = pyodide.pyimport("stdlib_probe");
if (checking) {
  const missing = probe.check(pyodide.toPy(modules)).toJs();
  if (missing.length) {
    console.error(`missing from ${stdlib}: ${missing.join(", ")}`);
    process.exit(1);
  }
  console.log(`${stdlib}: nothing missing`);
} else {
  pyodide.FS.writeFile("/tmp/in.zip", readFileSync(resolve(stdlib)));
  const summary = probe.main("/tmp/in.zip", "/tmp/out.zip", "/tmp/package.zip");
  writeFileSync(resolve(output), pyodide.FS.readFile("/tmp/out.zip"));
  writeFileSync(resolve(packageOutput), pyodide.FS.readFile("/tmp/package.zip"));
  console.log(`precompiled stdlib: ${summary}`);
}
