// Types of the vendored QR encoder (overrides/assets/runtime/qrcode.mjs, copied by
// scripts/build_runtime.py from node_modules/qrcode-generator): the npm package's own declarations.
import qrcode = require("qrcode-generator");
export default qrcode;
