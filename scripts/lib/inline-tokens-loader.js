/**
 * A webpack loader that writes Fluent's design tokens as the strings they are. `tokens` is a plain object of
 * about 470 CSS variable references ("var(--colorNeutralForeground1)"); a module reading one of them at run
 * time (Fluent's own Badge, Input and Select styles do, for spacings) keeps the whole object in the
 * bundle, about 29 KB raw, 3 KB gzipped (bench/bundle.bench.ts). Each `tokens.name` of a module that
 * imports `tokens` by that name becomes its value, the import goes unused and tree shaking drops the
 * object. What runs is the same: the values are read from Fluent's own object at build time.
 *
 * A module with a `tokens` of its own (a variable, a parameter, a renamed import) is left as it is.
 */
"use strict";

const path = require("path");

let table = null;
/** Fluent's tokens object, from the @fluentui/react-theme that @fluentui/react-components uses. */
function fluentTokens() {
  if (!table) {
    const components = path.dirname(require.resolve("@fluentui/react-components/package.json"));
    table = require(require.resolve("@fluentui/react-theme", { paths: [components] })).tokens;
  }
  return table;
}

const IMPORT = /\bimport\s*\{([^}]*)\}\s*from\s*["'][^"']+["'];?/g;
const OWN_TOKENS = /(?:\b(?:const|let|var|function|class)\s+tokens\b)|(?:\bas\s+tokens\b)|(?:[(,]\s*tokens\s*[,)=])|(?:\btokens\s*=>)/;
const READ = /(?<![\w$.])tokens\.([A-Za-z_$][\w$]*)(?![\w$(])/g;

/** The module's source with every `tokens.name` of Fluent's tokens written as its string. */
function inlineTokens(source, tokens = fluentTokens()) {
  if (!source.includes("tokens.")) return source;
  const imported = [...source.matchAll(IMPORT)].some((m) => m[1].split(",").some((s) => s.trim() === "tokens"));
  if (!imported || OWN_TOKENS.test(source.replace(IMPORT, ""))) return source;
  return source.replace(READ, (read, name) => (Object.prototype.hasOwnProperty.call(tokens, name) && typeof tokens[name] === "string" ? JSON.stringify(tokens[name]) : read));
}

module.exports = function inlineTokensLoader(source) {
  return inlineTokens(source);
};
module.exports.inlineTokens = inlineTokens;
