/**
 * The Excel layer's round trips and request sizes, per command, at 1,000 and 20,000 actions, on the
 * simulated workbook (which sizes each request as Excel on the web does: the JSON of its queued
 * operations). Budget: no request over 4 MB; at 1,000 actions each command's fixed sync count.
 */
import { applyRepairs, buildSummary, checkPlan, getOverview, insertJapTemplate, insertSamplePlan, startLiveCheck } from "../src/excel/commandApi";
import { liveCheckIdle } from "../src/excel/liveCheck";
import { HEAD_ROWS, READ_CELLS_PER_REQUEST, readWorkbookState } from "../src/excel/readWorkbookState";
import { capabilities } from "../src/excel/requirements";
import { insertPlanData } from "../src/excel/insertTemplates";
import { createSimulatedExcel } from "../test/sim";
import { scaledPlan } from "../test/excel/support/plans";

const LIMIT = 4 * 1024 * 1024;
/**
 * The fixed sync counts below the 4 MB split (checkPlan is 2 when nothing changed; an insert is 3
 * when the workbook already has JBP or JAP tables whose counts it changes, as the two below here).
 */
const BUDGET: Record<string, number> = {
  insertJapTemplate: 2,
  "insert plan": 3,
  checkPlan: 3,
  "checkPlan again": 2,
  getOverview: 2,
  applyRepairs: 3,
  buildSummary: 3,
  insertSamplePlan: 3,
  "live re-check": 3,
};

const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(2)} MB`;

export async function main(): Promise<void> {
  const failures: string[] = [];
  for (const n of [1000, 20000]) {
    const sim = createSimulatedExcel();
    sim.install(globalThis as unknown as Record<string, unknown>);
    const run = async (name: string, f: () => Promise<unknown>): Promise<unknown> => {
      sim.stats.reset();
      const t0 = performance.now();
      let result: unknown;
      let error = "";
      try {
        result = await f();
      } catch (e) {
        error = ` FAILED: ${(e as Error).message}`;
      }
      const ms = performance.now() - t0;
      const { syncs, maxBytes } = sim.stats;
      const total = sim.stats.batches.reduce((a, b) => a + b.bytes, 0);
      console.log(
        `${name.padEnd(18)} ${n.toLocaleString("en-US").padStart(6)} actions  syncs ${String(syncs).padStart(2)}  largest request ${mb(maxBytes).padStart(8)}  all requests ${mb(total).padStart(8)}  ${ms.toFixed(0).padStart(6)} ms${error}`,
      );
      if (error) failures.push(`${name} at ${n}:${error}`);
      if (maxBytes > LIMIT) failures.push(`${name} at ${n}: a request of ${mb(maxBytes)} (limit 4 MB)`);
      if (n === 1000 && !error && BUDGET[name] !== undefined && syncs !== BUDGET[name]) failures.push(`${name} at ${n}: ${syncs} syncs (budget ${BUDGET[name]})`);
      return result;
    };
    await run("insertJapTemplate", () => insertJapTemplate({ month: "2026-03" }));
    await run("insertSamplePlan", () => insertSamplePlan());
    const inserted = (await run("insert plan", () => insertPlanData(scaledPlan(n)))) as { jap: string };
    const check = (await run("checkPlan", () => checkPlan())) as Awaited<ReturnType<typeof checkPlan>> | undefined;
    await run("checkPlan again", () => checkPlan());
    await run("getOverview", () => getOverview());
    const repairs = (check?.findings ?? []).flatMap((f) => (f.repair ? [f.repair] : []));
    await run(`applyRepairs`, () => applyRepairs(repairs));
    await run("buildSummary", () => buildSummary());
    const stop = await startLiveCheck(() => undefined);
    await run("live re-check", async () => {
      await sim.userEdit(inserted.jap, "F9", [["Ana Silva"]]);
      await sim.settle();
      await liveCheckIdle();
    });
    await stop();
    console.log(`  (${n.toLocaleString("en-US")} actions: ${check?.findings.length ?? 0} findings, ${repairs.length} repairs applied in one command)`);
    // Responses: the sim does not size them, so estimate the largest read from its cells.
    const state = await Excel.run((context) => readWorkbookState(context, capabilities()));
    const cells = state.grids.reduce((a, g) => a + g.values.length * (g.values[0]?.length ?? 0), 0);
    const bytes = JSON.stringify(state.grids.map((g) => [g.values, g.numberFormats])).length;
    const perCell = bytes / cells;
    const head = state.grids.reduce((a, g) => a + Math.min(g.values.length, HEAD_ROWS) * (g.values[0]?.length ?? 0), 0);
    const largest = Math.max(head, Math.min(cells - head, READ_CELLS_PER_REQUEST)) * perCell;
    console.log(`  reads: ${cells.toLocaleString("en-US")} cells, ${perCell.toFixed(1)} bytes a cell (values and formats); largest read response about ${mb(largest)}`);
    if (largest > LIMIT) failures.push(`read at ${n}: a response of about ${mb(largest)}`);
  }
  if (failures.length) throw new Error(`Excel layer budget broken:\n${failures.join("\n")}`);
}
