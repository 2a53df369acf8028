// @ts-check
// The files of a zip whose entries are stored uncompressed (what scripts/build_runtime.py writes):
// read in JavaScript, so that placing our precompiled package in Pyodide's file system needs no
// Python (unpackArchive imports zipfile, shutil and more, and the package's sources would be
// compiled at every start). Used by the assessment worker and by scripts/precompile_stdlib.mjs.

const END = 0x06054b50; // end of central directory record
const CENTRAL = 0x02014b50; // central directory file header
const LOCAL = 0x04034b50; // local file header

/** Where the worker places our package in Pyodide's file system (put first on sys.path). */
export const PACKAGE_FOLDER = "/lib/assessment";

/**
 * Every file of a stored zip, in the order of its central directory (folders left out).
 * @param {Uint8Array} bytes the whole zip (no archive comment)
 * @returns {{name: string, data: Uint8Array}[]}
 */
export function storedFiles(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (/** @type {string} */ reason) => { throw new Error(`arsip paket rusak: ${reason}`); };
  const end = bytes.byteLength - 22;
  if (end < 0 || view.getUint32(end, true) !== END) fail("akhir arsip tidak ditemukan");
  const count = view.getUint16(end + 10, true);
  const decoder = new TextDecoder();
  const files = [];
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < count; index += 1) {
    if (view.getUint32(at, true) !== CENTRAL) fail(`entri ${index + 1} tidak sah`);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith("/")) continue;
    if (method !== 0) fail(`${name} dikompresi (harus disimpan apa adanya)`);
    if (view.getUint32(local, true) !== LOCAL) fail(`${name}: kepala berkas tidak sah`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > bytes.byteLength) fail(`${name} terpotong`);
    files.push({ name, data: bytes.subarray(start, start + size) });
  }
  return files;
}

/**
 * Write every file of a stored zip under `folder` in Pyodide's file system (folders created).
 * @param {{mkdirTree: (path: string) => void, writeFile: (path: string, data: Uint8Array) => void}} fs pyodide.FS
 * @param {Uint8Array} bytes
 * @param {string} folder an absolute path, e.g. PACKAGE_FOLDER
 */
export function writeStoredFiles(fs, bytes, folder) {
  for (const { name, data } of storedFiles(bytes)) {
    if (name.startsWith("/") || name.split("/").includes("..")) throw new Error(`arsip paket rusak: ${name}`);
    const path = `${folder}/${name}`;
    fs.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    fs.writeFile(path, data);
  }
}
