// @ts-check
// Draws the QR code of a result code (`[data-qr]` in Python's result view) as an SVG built with DOM
// calls (no markup strings, no inline styles), with the self-hosted qrcode-generator, loaded when a
// result first has a code to draw (10 kB that a first visit need not wait for).

const SVG = "http://www.w3.org/2000/svg";
const QUIET_ZONE = 4;

/**
 * @param {ParentNode} root
 * @returns {Promise<void>}
 */
export async function drawQrCodes(root) {
  const boxes = /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-qr]"));
  if (!boxes.length) return;
  const { default: qrcode } = await import("../runtime/qrcode.mjs");
  for (const box of boxes) {
    const qr = qrcode(0, "M");
    qr.addData(String(box.dataset.qr).toUpperCase(), "Alphanumeric");
    qr.make();
    const count = qr.getModuleCount();
    const size = count + 2 * QUIET_ZONE;
    let path = "";
    for (let row = 0; row < count; row++) {
      for (let column = 0; column < count; column++) {
        if (qr.isDark(row, column)) path += `M${column + QUIET_ZONE},${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
    svg.setAttribute("width", String(size * 5));
    svg.setAttribute("height", String(size * 5));
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("aria-hidden", "true");
    const background = document.createElementNS(SVG, "rect");
    background.setAttribute("width", String(size));
    background.setAttribute("height", String(size));
    background.setAttribute("fill", "#ffffff");
    const modules = document.createElementNS(SVG, "path");
    modules.setAttribute("d", path);
    modules.setAttribute("fill", "#000000");
    svg.append(background, modules);
    box.replaceChildren(svg);
  }
}
