/** Builds the development pages (task pane + preview) once, and serves them for every e2e file. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildPages } from "./build";
import { serveFolder, type StaticServer } from "./server";
import { assertChromium } from "./browser";

export default async function globalSetup(): Promise<void> {
  assertChromium();
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "jointplan-e2e-dist-"));
  await buildPages(dist, "development");
  const server = await serveFolder(dist);
  process.env.JOINTPLAN_E2E_URL = server.url;
  (globalThis as { __jointplanE2e?: { server: StaticServer; dist: string } }).__jointplanE2e = { server, dist };
}
