// @ts-check
// Search index on demand. Material downloads the search index (0.37 MB, 63 kB brotli) and has its
// worker build it on every full page load, before anyone searches: on a cheap phone that work
// competes with the page, and with the assessment's start. This classic script runs before
// Material's bundle and holds the index request until the reader turns to search (the search field
// focused, the search opened, a search shortcut pressed); a page opened from a search result
// (`?h=…`, the highlight) needs the index at once. Search itself is unchanged.
(() => {
  const INDEX = "/search/search_index.json";
  const proto = XMLHttpRequest.prototype;
  const { open, send } = proto;
  /** @type {WeakSet<XMLHttpRequest>} */
  const index = new WeakSet();
  /** @type {(() => void)[]} */
  const held = [];
  let wanted = new URLSearchParams(location.search).has("h");

  const want = () => {
    if (wanted) return;
    wanted = true;
    for (const release of held.splice(0)) release();
  };

  /** @type {(this: XMLHttpRequest, method: string, url: string | URL, ...rest: any[]) => void} */
  proto.open = function (method, url, ...rest) {
    if (new URL(url, location.href).pathname.endsWith(INDEX)) index.add(this);
    return Reflect.apply(open, this, [method, url, ...rest]);
  };
  /** @type {(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) => void} */
  proto.send = function (body) {
    if (wanted || !index.has(this)) return send.call(this, body);
    held.push(() => send.call(this, body));
  };

  const isSearch = (/** @type {EventTarget | null} */ target) =>
    target instanceof Element && target.matches("[data-md-component='search-query'], #__search");
  document.addEventListener("focusin", (event) => { if (isSearch(event.target)) want(); });
  document.addEventListener("change", (event) => { if (isSearch(event.target)) want(); });
  // Material's own shortcuts for search ("f", "s", "/"), outside a field.
  document.addEventListener("keydown", (event) => {
    const field = event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]");
    if (!field && ["f", "s", "/"].includes(event.key.toLowerCase())) want();
  }, { capture: true });
})();
