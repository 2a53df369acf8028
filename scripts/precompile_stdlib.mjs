// Build a small, fast standard library for the browser: Pyodide's python_stdlib.zip cut down to
// the top-level modules and packages that starting Pyodide and running our wheel actually import,
// every module precompiled to sourceless .pyc (unchecked-hash), entries stored uncompressed (the
// web server compresses the whole file better). Pyodide itself compiles the modules, under Node.js,
// so the bytecode matches the CPython that runs in the browser. Compiling the standard library is
// most of Pyodide's start-up time, so this roughly halves "page open → Python ready" (make bench).
// The worker falls back to the full python_stdlib.zip if a module is ever missing.
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
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(input));
const summary = pyodide.runPython(`
import importlib.util, io, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

# The browser's workload: what the page's worker runs (assessment._internal.service.handle).
import assessment
from assessment._internal import service
for ident in assessment.instrument_ids():
    items = [item.id for item in assessment.load_instrument(ident).items]
    service.handle(json.dumps({"instrument": ident, "answers": dict.fromkeys(items, 4)}))
    service.handle(json.dumps({"instrument": ident, "answers": {items[0]: 9}}))
service.handle("not json")

needed = {name.partition(".")[0] for name, module in list(sys.modules.items())
          if "/lib/python314.zip/" in (getattr(module, "__file__", None) or "")}
needed |= {"encodings"}  # codecs are looked up by name at run time

def top_level(filename):
    return filename.partition("/")[0].removesuffix(".py")

compiled = 0
out = io.BytesIO()
with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
    for info in source.infolist():
        if top_level(info.filename) not in needed:
            continue
        data = source.read(info)
        name = info.filename
        if name.endswith(".py"):
            code = compile(data, "/lib/python314.zip/" + name, "exec", dont_inherit=True)
            data = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
            name += "c"
            compiled += 1
        target.writestr(zipfile.ZipInfo(name, info.date_time), data)
open("/tmp/out.zip", "wb").write(out.getvalue())
f"{len(needed)} top-level modules, {compiled} files precompiled"
`);
writeFileSync(output, pyodide.FS.readFile("/tmp/out.zip"));
console.log(`precompiled stdlib: ${summary}`);
