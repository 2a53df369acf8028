/* Start a deck built by scripts/decks. A classic script (no modules, no fetch), so that the deck
 * also runs from disk (file://) in the presenter's download.
 *
 * Query options (reveal.js also reads its own, e.g. ?print-pdf&showNotes=separate-page):
 *   ?sesi=60  hide the slides marked to skip in a 60-minute session and pace the speaker view
 *             for 60 minutes (data-timing-60 instead of data-timing).
 * With ?print-pdf the slides are sized so that reveal.js makes A4 landscape pages (297 × 210 mm).
 */
/* global window, document, URLSearchParams, Reveal, RevealNotes */
(function () {
  "use strict";
  const params = new URLSearchParams(window.location.search);
  if (params.get("sesi") === "60") {
    document.querySelectorAll("section[data-lewati-60]").forEach(function (slide) {
      slide.setAttribute("data-visibility", "hidden");
    });
    document.querySelectorAll("section[data-timing-60]").forEach(function (slide) {
      slide.setAttribute("data-timing", slide.getAttribute("data-timing-60") || "0");
    });
  }
  const a4 = params.has("print-pdf");
  Reveal.initialize({
    hash: true,
    width: a4 ? 1080 : 1280,
    height: a4 ? 764 : 720,
    margin: 0.04,
    center: false,
    transition: "fade",
    transitionSpeed: "fast",
    slideNumber: "c/t",
    showSlideNumber: "all",
    pdfSeparateFragments: false,
    plugins: [RevealNotes],
  });
})();
