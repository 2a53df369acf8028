// ESLint (flat config) for every JavaScript file of the project, run by `make lint`:
// page scripts and workers under overrides/, browser scripts under scripts/ and docs/, Node build
// scripts (scripts/**/*.mjs).
// Types are checked by tsc (tsconfig*.json); this catches the rest (unused code, mistakes).
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["node_modules/", "site/", "overrides/assets/runtime/", ".venv/", "**/*.min.js"] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
      "no-implicit-globals": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
    },
  },
  {
    files: ["overrides/**/*.js"],
    ignores: ["overrides/**/*worker*.js", "overrides/**/sw.js"],
    languageOptions: {
      sourceType: "module",
      globals: { ...globals.browser, document$: "readonly" },
    },
  },
  {
    files: ["overrides/**/*worker*.js", "overrides/**/sw.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.worker, ...globals.serviceworker } },
  },
  {
    // Classic browser scripts shipped from elsewhere (the decks' deck.js).
    files: ["scripts/**/*.js", "docs/**/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
    rules: { "no-redeclare": ["error", { builtinGlobals: false }] }, // `/* global window */` is fine
  },
  {
    files: ["scripts/**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
