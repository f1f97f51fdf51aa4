/**
 * Runs one benchmark file in its own Node process (see scripts/bench.js): loads it (which runs its
 * top-level code), then awaits its exported main() if it has one. Any error fails the run.
 */
"use strict";

require("./ts-register");
const path = require("path");

async function main() {
  const file = path.resolve(process.argv[2]);
  const loaded = require(file);
  const entry = typeof loaded.main === "function" ? loaded.main : typeof loaded.default === "function" ? loaded.default : null;
  if (entry) await entry();
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
