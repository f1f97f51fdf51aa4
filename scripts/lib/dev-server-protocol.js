/**
 * Decides whether the dev server speaks https (with office-addin-dev-certs) or plain http, and why.
 *
 * Excel (desktop and web) loads add-ins over https only, so https is what we want wherever a trusted
 * localhost certificate exists or can be installed. Where it cannot (CI, containers, Linux without the
 * certificate in its trust store), the server falls back to http: the preview page works, Excel does not.
 *
 * DEV_SERVER_HTTPS overrides the choice: "on" insists on https (installing the certificate if needed, and
 * failing if that is impossible), "off" forces http, "auto" (the default) decides as below.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const CA_PATH = path.join(CERT_DIR, "ca.crt");
const CERT_PATH = path.join(CERT_DIR, "localhost.crt");
const KEY_PATH = path.join(CERT_DIR, "localhost.key");

function mode() {
  const value = String(process.env.DEV_SERVER_HTTPS || "auto").toLowerCase();
  if (["1", "on", "true", "yes", "https"].includes(value)) return "on";
  if (["0", "off", "false", "no", "http"].includes(value)) return "off";
  return "auto";
}

function certificateFilesPresent() {
  return [CA_PATH, CERT_PATH, KEY_PATH].every((file) => fs.existsSync(file));
}

/**
 * Resolves to { protocol: "https", options } with the server's key and certificate, or to
 * { protocol: "http", reason } saying why https is not used.
 */
async function chooseDevServerProtocol() {
  const wanted = mode();
  // npm start decides once and passes its decision (and its reason) to the server it starts.
  if (wanted === "off") return { protocol: "http", reason: process.env.DEV_SERVER_HTTP_REASON || "DEV_SERVER_HTTPS=off" };
  if (wanted === "auto" && process.env.CI) {
    return { protocol: "http", reason: "running in CI (the CI variable is set)" };
  }
  // On Linux, installing the certificate needs sudo and does not make browsers trust it (they keep
  // their own stores), so "auto" uses https only when the certificate is already there and trusted.
  if (wanted === "auto" && process.platform === "linux" && !certificateFilesPresent()) {
    return {
      protocol: "http",
      reason: `there is no development certificate in ${CERT_DIR}`,
    };
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    if (wanted === "auto" && process.platform === "linux" && !devCerts.verifyCertificates()) {
      return {
        protocol: "http",
        reason: "the development certificate is not in the system's trust store, or has expired",
      };
    }
    const options = await devCerts.getHttpsServerOptions();
    return { protocol: "https", options };
  } catch (error) {
    if (wanted === "on") throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { protocol: "http", reason: `the development certificate could not be installed: ${message.split("\n")[0]}` };
  }
}

/** The console message for a plain-http fallback. */
function httpFallbackMessage(reason, port) {
  return [
    "",
    `JointPlan dev server: plain HTTP on http://localhost:${port}/ because ${reason}.`,
    "  Excel (desktop and on the web) loads add-ins over HTTPS only, so it cannot load the add-in from this server.",
    `  The preview page works: http://localhost:${port}/preview.html`,
    "  For HTTPS, trust a development certificate (npx office-addin-dev-certs install), or set DEV_SERVER_HTTPS=on.",
    "",
  ].join("\n");
}

module.exports = { chooseDevServerProtocol, httpFallbackMessage, CERT_DIR };
