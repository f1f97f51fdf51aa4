#!/usr/bin/env node
/**
 * npm run bench [-- words...]: runs every bench/**\/*.bench.ts (or those whose path contains one of the
 * words), each in a fresh Node process with --expose-gc, TypeScript transpiled on load. Each benchmark
 * prints its own figures; this runner prints which file runs, and fails if any of them fails.
 * See bench/README.md for the conventions.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const repo = path.resolve(__dirname, "..");
const benchDir = path.join(repo, "bench");
const words = process.argv.slice(2);

function findBenchFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return findBenchFiles(file);
      return /\.bench\.tsx?$/.test(entry.name) ? [file] : [];
    })
    .sort();
}

const files = findBenchFiles(benchDir).filter((file) => words.length === 0 || words.some((w) => path.relative(repo, file).includes(w)));
if (files.length === 0) {
  console.log(words.length ? `No benchmark in bench/ matches ${words.join(", ")}.` : "No benchmarks yet: add bench/<name>.bench.ts (see bench/README.md).");
  process.exit(0);
}

const failed = [];
for (const file of files) {
  const shown = path.relative(repo, file);
  console.log(`\n=== ${shown}`);
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--expose-gc", path.join(__dirname, "lib", "bench-child.js"), file], {
    cwd: repo,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) failed.push(shown);
  console.log(`=== ${shown}: ${result.status === 0 ? "done" : "FAILED"} in ${seconds.toFixed(1)} s`);
}

if (failed.length) {
  console.error(`\n${failed.length} of ${files.length} benchmarks failed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log(`\n${files.length} benchmark${files.length === 1 ? "" : "s"} ran.`);
