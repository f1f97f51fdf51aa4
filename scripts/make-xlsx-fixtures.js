#!/usr/bin/env node
/**
 * node scripts/make-xlsx-fixtures.js DIR: writes the odd and hostile .xlsx files of
 * test/xlsx/fixtures.ts into DIR (created if needed), to try the command line on by hand.
 */
"use strict";
require("./lib/ts-register");
const fs = require("fs");
const path = require("path");
const { FIXTURES } = require("../test/xlsx/fixtures.ts");

async function main() {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("Usage: node scripts/make-xlsx-fixtures.js DIR\n");
    process.exit(2);
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, make] of Object.entries(FIXTURES)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, await make());
    process.stdout.write(`${file}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`make-xlsx-fixtures: ${e.message}\n`);
  process.exit(1);
});
