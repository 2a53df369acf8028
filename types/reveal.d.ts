// reveal.js as the decks load it: classic scripts that define globals (scripts/decks/static/deck.js).
declare const Reveal: typeof import("reveal.js").default;
declare const RevealNotes: typeof import("reveal.js/dist/plugin/notes").default;
