// ESLint (flat config) for every JavaScript file of the project, run by `make lint`:
// page scripts and workers under overrides/, browser scripts under scripts/, Node build scripts
// (scripts/**/*.mjs); not what git ignores (generated or vendored files).
// Types are checked by tsc (tsconfig*.json); this catches the rest (unused code, mistakes).
const { readFileSync } = require("node:fs");
const js = require("@eslint/js");
const globals = require("globals");

// What git ignores is generated or vendored (the runtime, decks copied into docs/ for `make serve`):
// .gitignore's lines as ESLint patterns (a name without "/" matches at any depth, as in git).
const gitignored = readFileSync(`${__dirname}/.gitignore`, "utf8").split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#") && !line.startsWith("!"))
  .map((line) => (line.replace(/\/$/, "").includes("/") ? line.replace(/^\//, "") : `**/${line}`))
  .map((line) => (line.endsWith("/") ? `${line}**` : line));

module.exports = [
  { ignores: [...gitignored, "**/*.min.js"] },
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
    files: ["scripts/**/*.js"],
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
