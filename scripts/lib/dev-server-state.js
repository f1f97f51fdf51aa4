/**
 * Where `npm start` records the dev server it started, so that `npm stop` can stop it: a small JSON file in
 * the OS temp folder (never in the repository), one per checkout and port.
 */
"use strict";

const { createHash } = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const repo = path.resolve(__dirname, "..", "..");

function stateFile(port) {
  const id = createHash("sha1").update(repo).digest("hex").slice(0, 8);
  return path.join(os.tmpdir(), `jointplan-dev-server-${id}-${port}.json`);
}

function writeState(port, state) {
  fs.writeFileSync(stateFile(port), JSON.stringify({ ...state, repo, port }, null, 2));
}

/** The recorded state, or null when there is none or its process has gone (a stale file is removed). */
function readState(port) {
  const file = stateFile(port);
  let state;
  try {
    state = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  if (!isRunning(state.pid)) {
    clearState(port);
    return null;
  }
  return state;
}

function clearState(port) {
  fs.rmSync(stateFile(port), { force: true });
}

function isRunning(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Stops a process and its children: its process group on Unix (npm start makes one), taskkill /T on Windows. */
function stopTree(pid) {
  if (process.platform === "win32") {
    require("child_process").spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
    return;
  }
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    process.kill(pid, "SIGTERM");
  }
}

module.exports = { stateFile, writeState, readState, clearState, isRunning, stopTree };
