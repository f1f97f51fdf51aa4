/**
 * The .xlsx writer and reader at plan sizes: `jointplan new` and `check` on 100 to 5,000 actions.
 * Prints write and read times (median of 5 after a warm-up), file size, and the ratios as rows grow.
 */
import { performance } from "perf_hooks";
import { newWorkbookSpecs } from "../src/plan/workbook";
import { DEFAULT_SETTINGS } from "../src/plan/model";
import { samplePlan } from "../src/plan/sample";
import { readXlsx } from "../src/xlsx/readXlsx";
import { writeXlsx } from "../src/xlsx/writeXlsx";

function input(actions: number) {
  const sample = samplePlan();
  const rows = Array.from({ length: actions }, (_, i) => ({ ...sample.jap.actions[i % sample.jap.actions.length], id: `A-${i + 1}` }));
  return {
    settings: { ...DEFAULT_SETTINGS, asOf: sample.asOf },
    roster: sample.roster.map((r) => ({ name: String(r.name), party: r.party as "Principal" | "Distributor", role: "", email: "", active: r.active !== false })),
    jbp: sample.jbp,
    jap: { header: sample.jap.header, actions: rows },
  };
}

async function median(times: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
}

export async function main(): Promise<void> {
  let first: { n: number; write: number; read: number } | null = null;
  for (const n of [100, 1000, 5000]) {
    const specs = newWorkbookSpecs(input(n));
    let bytes: Buffer = Buffer.alloc(0);
    const write = await median(5, async () => (bytes = (await writeXlsx(specs)).bytes));
    const read = await median(5, () => readXlsx(bytes));
    globalThis.gc?.();
    const heap = process.memoryUsage().heapUsed / 1e6;
    const ratio = first ? `   ${n / first.n}x rows -> write ${(write / first.write).toFixed(1)}x, read ${(read / first.read).toFixed(1)}x` : "";
    console.log(
      `xlsx: ${n.toLocaleString("en")} actions  write ${write.toFixed(0)} ms  read ${read.toFixed(0)} ms  file ${(bytes.length / 1024).toFixed(0)} KB  heap ${heap.toFixed(0)} MB${ratio}`,
    );
    first ??= { n, write, read };
  }
}
