#!/usr/bin/env node
/**
 * npm start: run the add-in.
 *   Windows, macOS: build (development) and sideload into desktop Excel with office-addin-debugging, run
 *                   through npx (it is not a dependency: it is large and only useful where Excel is).
 *   Linux, or `npm start -- --web` anywhere: serve the add-in with the dev server and print how to load it
 *                   into Excel on the web, and where the preview page is.
 * npm stop undoes either.
 */
"use strict";

const net = require("net");
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const packageJson = require("../package.json");
const { chooseDevServerProtocol } = require("./lib/dev-server-protocol");
const { writeState, readState, clearState, stopTree } = require("./lib/dev-server-state");

const repo = path.resolve(__dirname, "..");
const port = Number(packageJson.config.dev_server_port || 3000);
const manifest = path.join(repo, "manifest.xml");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const desktop = (process.platform === "win32" || process.platform === "darwin") && !process.argv.includes("--web");

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repo, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function portInUse() {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "localhost" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) return false;
    if (await portInUse()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function banner(protocol, reason) {
  const origin = `${protocol}://localhost:${port}`;
  const lines = [
    "",
    "JointPlan is being served at " + `${origin}/ (stop it with Ctrl+C, or npm stop from another terminal).`,
    "",
    "Preview page (the real task pane against a simulated workbook, no Excel needed):",
    `  ${origin}/preview.html`,
    "",
    "Excel on the web:",
    `  1. Open a workbook at https://www.office.com (or in SharePoint / OneDrive).`,
    "  2. Home > Add-ins > More Add-ins (or Insert > Add-ins) > My Add-ins > Upload My Add-in",
    "     (in some tenants: Manage My Add-ins > Upload My Add-in).",
    `  3. Choose the manifest: ${manifest}`,
    "  4. The Joint Planning group appears on the Home tab.",
  ];
  if (protocol === "https") {
    lines.push("  Your browser must trust the development certificate (npx office-addin-dev-certs install, then import");
    lines.push(`  ~/.office-addin-dev-certs/ca.crt into the browser's certificate authorities if it keeps its own store).`);
    lines.push(`  Check: ${origin}/taskpane.html must open without a certificate warning.`);
  } else {
    lines.push(`  Not now: this server speaks plain HTTP (${reason}),`);
    lines.push("  and Excel loads add-ins over HTTPS only. Create and trust a development certificate with");
    lines.push("  npx office-addin-dev-certs install, then run npm start again (or set DEV_SERVER_HTTPS=on).");
  }
  lines.push("");
  console.log(lines.join("\n"));
}

async function serve() {
  const running = readState(port);
  if (running) {
    console.error(`A JointPlan dev server is already running (pid ${running.pid}, ${running.url}). Stop it with npm stop.`);
    process.exit(1);
  }
  if (await portInUse()) {
    console.error(`Port ${port} is already in use by another program; free it, or change config.dev_server_port in package.json.`);
    process.exit(1);
  }
  // Decide https or http once, here, and hand the decision to the server so that both agree.
  const choice = await chooseDevServerProtocol();
  const env = { ...process.env, DEV_SERVER_HTTPS: choice.protocol === "https" ? "on" : "off", DEV_SERVER_HTTP_REASON: choice.reason ?? "" };
  // In its own process group, so that stopping it stops npm, webpack and all they started.
  const child = spawn(npm, ["run", "dev-server"], {
    cwd: repo,
    env,
    stdio: "inherit",
    shell: process.platform === "win32",
    detached: process.platform !== "win32",
  });
  const url = `${choice.protocol}://localhost:${port}/`;
  writeState(port, { pid: process.pid, serverPid: child.pid, url });

  const stop = () => {
    if (child.exitCode === null) stopTree(child.pid);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code, signal) => {
    clearState(port);
    process.exit(signal ? 0 : (code ?? 0));
  });
  if (await waitForPort(child)) banner(choice.protocol, choice.reason);
}

if (desktop) {
  run(npm, ["run", "build:dev"]);
  run(npx, ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  serve();
}
