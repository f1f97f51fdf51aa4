// Regenerates enums.ts from @types/office-js: every string enum of the Excel namespace.
// Run from the repository root: node test/sim/generateEnums.mjs
import { readFileSync, writeFileSync } from "node:fs";

const text = readFileSync("node_modules/@types/office-js/index.d.ts", "utf8").split("\n");
const start = text.findIndex((l) => l.startsWith("declare namespace Excel {"));
const end = text.findIndex((l, i) => i > start && l.startsWith("declare namespace "));
const enums = {};
let current = null;
for (const line of text.slice(start, end)) {
  const open = /^ {4}enum (\w+) \{/.exec(line);
  if (open) {
    current = open[1];
    enums[current] = {};
    continue;
  }
  if (!current) continue;
  if (/^ {4}\}/.test(line)) {
    current = null;
    continue;
  }
  const member = /^ {8}(\w+) = "([^"]*)",?\s*$/.exec(line);
  if (member) enums[current][member[1]] = member[2];
}
let out =
  "/**\n * Excel's enums as plain string-valued objects, generated from @types/office-js " +
  JSON.parse(readFileSync("node_modules/@types/office-js/package.json", "utf8")).version +
  '\n * (namespace Excel). Values are the strings Office.js sends, e.g. ConditionalFormatType.custom === "Custom".\n' +
  " * Regenerate with `node test/sim/generateEnums.mjs` rather than edit by hand.\n */\nexport const excelEnums = {\n";
for (const [name, members] of Object.entries(enums)) {
  out += `  ${name}: {${Object.entries(members).map(([k, v]) => ` ${k}: ${JSON.stringify(v)}`).join(",")} },\n`;
}
out += "} as const;\n";
writeFileSync("test/sim/enums.ts", out);
console.log(`${Object.keys(enums).length} enums written to test/sim/enums.ts`);
