import * as fs from "fs";
import type { StaticServer } from "./server";

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __jointplanE2e?: { server: StaticServer; dist: string } }).__jointplanE2e;
  if (!state) return;
  await state.server.close();
  fs.rmSync(state.dist, { recursive: true, force: true });
}
