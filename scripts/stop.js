#!/usr/bin/env node
/**
 * npm stop: undo npm start. On Windows and macOS, office-addin-debugging stops the dev server and removes
 * the sideloaded add-in from Excel; everywhere, a dev server that `npm start` (Linux, or --web) recorded in
 * the temp folder is stopped.
 */
"use strict";

const path = require("path");
const { spawnSync } = require("child_process");
const packageJson = require("../package.json");
const { readState, clearState, isRunning, stopTree } = require("./lib/dev-server-state");

const repo = path.resolve(__dirname, "..");
const port = Number(packageJson.config.dev_server_port || 3000);
let status = 0;

if (process.platform === "win32" || process.platform === "darwin") {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(npx, ["--yes", "office-addin-debugging", "stop", "manifest.xml"], {
    cwd: repo,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  status = result.status ?? 1;
}

const state = readState(port);
if (!state) {
  if (process.platform !== "win32" && process.platform !== "darwin") console.log("No JointPlan dev server started by npm start is running.");
} else {
  // Stop the server (npm start then exits by itself), and npm start if it lingers.
  try {
    if (isRunning(state.serverPid)) stopTree(state.serverPid);
    if (isRunning(state.pid)) process.kill(state.pid, "SIGTERM");
  } catch (error) {
    console.error(`Could not stop the dev server: ${error.message}`);
    status = 1;
  }
  clearState(port);
  console.log(`Stopped the JointPlan dev server at ${state.url} (pid ${state.pid}).`);
}
process.exit(status);
