#!/usr/bin/env node
/*
 * The jointplan command. The TypeScript sources are compiled to build/cli by `npm run build:cli`
 * (npm install runs it through `prepare`). In a checkout whose sources changed since the last
 * build, the build is refreshed first, so `npm run jointplan` never runs stale code.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const entry = path.join(root, "build", "cli", "cli", "index.js");
const tsconfig = path.join(root, "tsconfig.cli.json");
const SOURCES = ["src/cli", "src/plan", "src/xlsx"].map((d) => path.join(root, d));

function newestSource(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(entry)) return true;
  if (!fs.existsSync(tsconfig)) return false; // an installed package: no sources to compare
  const built = fs.statSync(entry).mtimeMs;
  return SOURCES.some((dir) => newestSource(dir) > built);
}

function build() {
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  } catch {
    return false;
  }
  process.stderr.write("jointplan: compiling the command line (sources changed)...\n");
  // From an empty folder: a file left by an older layout (build/cli/plan/model.js) would shadow a
  // folder of the same name (build/cli/plan/model/index.js).
  fs.rmSync(path.join(root, "build", "cli"), { recursive: true, force: true });
  // tsc writes the files even when another part of the project has type errors.
  spawnSync(process.execPath, [tsc, "-p", tsconfig], { cwd: root, stdio: "ignore" });
  if (fs.existsSync(entry)) fs.utimesSync(entry, new Date(), new Date());
  return fs.existsSync(entry);
}

if (isStale() && !build() && !fs.existsSync(entry)) {
  process.stderr.write("jointplan: the command line is not built: run `npm install` (or `npm run build:cli`) in " + root + "\n");
  process.exit(2);
}

const { version } = require(path.join(root, "package.json"));
require(entry)
  .main(process.argv.slice(2), version)
  .catch((e) => {
    process.stderr.write(`jointplan: unexpected error: ${String((e && e.message) || e).split("\n")[0]}\n`);
    process.exitCode = 2;
  });
