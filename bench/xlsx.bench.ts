/**
 * The .xlsx layer at plan sizes. Two parts:
 *
 * 1. Memory and time of the real command line, `jointplan check FILE` (bin/jointplan.js, compiled),
 *    each run in a fresh process: peak resident memory (VmHWM), peak heap (the
 *    largest heap V8 reports before a collection, from --trace-gc) and wall time, medians of 5,
 *    for plans of 1,000, 5,000 and 50,000 actions and for a 20-row plan with one cell at
 *    XFD1048576, the last cell of the grid. Baselines measured in the same run, alternately:
 *    the resting process (`jointplan --version`: Node and the command line loaded) and a plain
 *    read of the file's bytes. Budgets (issues 15 and 16), each throws when broken:
 *    - check and rag of 50,000 actions: each under 400 MB peak RSS (`jointplan rag` is timed at
 *      50,000 actions only, beside check);
 *    - the 20-row plan with a cell at XFD1048576: under 150 MB peak RSS, and at most 3 times the
 *      time of the same plan without the cell.
 * 2. Write and read times in this process (median of 5 after a warm-up) at 100 to 5,000 actions.
 */
import { spawn, spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { newWorkbookSpecs } from "../src/plan/workbook";
import { readXlsx } from "../src/xlsx/readXlsx";
import { writeXlsx } from "../src/xlsx/writeXlsx";
import { generatedInput, planFile, withCell } from "../test/xlsx/fixtures";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "jointplan.js");
const PEAK = path.join(__dirname, "support", "peakMemory.js");
const RSS_BUDGET_50K_MB = 400;
const RSS_BUDGET_STRAY_MB = 150;
const STRAY_TIME_BUDGET = 3;
const ROUNDS = 5;

interface Run {
  rssMb: number;
  heapMb: number;
  ms: number;
}

/** One fresh process: node --trace-gc -r peakMemory.js ...args. */
function measure(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--trace-gc", "-r", PEAK, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let heapMb = 0;
    let tail = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      // --trace-gc lines: "Mark-Compact 245.3 (260.1) -> 200.1 (262.0) MB": the heap before a collection.
      const text = tail + d.toString("latin1");
      const lines = text.split("\n");
      tail = lines.pop() ?? "";
      for (const line of lines) {
        const m = /(?:Scavenge|Mark-Compact|Mark-sweep)[^\d]*([\d.]+) \([\d.]+\) ->/.exec(line);
        if (m) heapMb = Math.max(heapMb, Number(m[1]));
      }
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      const peak = /PEAK_RSS_KB (\d+)/.exec(err);
      if (!peak || (code !== 0 && code !== 1)) return reject(new Error(`${args.join(" ")} exited ${code}: ${err.trim().split("\n")[0]}`));
      resolve({ rssMb: Number(peak[1]) / 1024, heapMb, ms });
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (x: number): string => `${x.toFixed(0).padStart(4)} MB`;

async function memoryAndTime(dir: string): Promise<void> {
  // Compile the command line first if its sources changed (bin/jointplan.js does it on demand).
  spawnSync(process.execPath, [BIN, "--version"], { cwd: ROOT, stdio: "ignore" });
  const files: { label: string; file: string; actions: number }[] = [];
  for (const n of [1000, 5000, 50000]) {
    const file = path.join(dir, `plan-${n}.xlsx`);
    writeFileSync(file, await planFile(n));
    files.push({ label: `${n.toLocaleString("en")} actions`, file, actions: n });
  }
  const plain20 = await planFile(20);
  writeFileSync(path.join(dir, "plan-20.xlsx"), plain20);
  writeFileSync(path.join(dir, "stray.xlsx"), await withCell(plain20, "JAP", "XFD1048576", "x"));
  files.push({ label: "20 actions", file: path.join(dir, "plan-20.xlsx"), actions: 20 });
  files.push({ label: "20 actions + XFD1048576", file: path.join(dir, "stray.xlsx"), actions: 20 });

  const resting: Run[] = [];
  const runs = new Map<string, { check: Run[]; bytes: Run[] }>(files.map((f) => [f.file, { check: [], bytes: [] }]));
  const rag50: Run[] = [];
  // Alternately, so that baselines and subjects see the same machine load.
  for (let round = 0; round < ROUNDS; round++) {
    resting.push(await measure([BIN, "--version"]));
    for (const f of files) {
      const r = runs.get(f.file)!;
      r.bytes.push(await measure(["-e", `require("fs").readFileSync(${JSON.stringify(f.file)})`]));
      r.check.push(await measure([BIN, "check", f.file]));
      if (f.actions === 50000) rag50.push(await measure([BIN, "rag", f.file]));
    }
  }
  const rest = { rssMb: median(resting.map((r) => r.rssMb)), heapMb: median(resting.map((r) => r.heapMb)), ms: median(resting.map((r) => r.ms)) };
  console.log(`xlsx check: baseline resting process (jointplan --version): peak RSS ${mb(rest.rssMb)}  heap ${mb(rest.heapMb)}  ${rest.ms.toFixed(0)} ms`);
  const summary = new Map<string, Run>();
  for (const f of files) {
    const r = runs.get(f.file)!;
    const check: Run = { rssMb: median(r.check.map((x) => x.rssMb)), heapMb: median(r.check.map((x) => x.heapMb)), ms: median(r.check.map((x) => x.ms)) };
    const bytes: Run = { rssMb: median(r.bytes.map((x) => x.rssMb)), heapMb: 0, ms: median(r.bytes.map((x) => x.ms)) };
    summary.set(f.label, check);
    const size = statSync(f.file).size / (1024 * 1024);
    console.log(
      `xlsx check: ${f.label.padEnd(24)} file ${size.toFixed(1).padStart(5)} MB  peak RSS ${mb(check.rssMb)} (${(check.rssMb / rest.rssMb).toFixed(1)}x resting, plain read of the bytes ${mb(bytes.rssMb)})` +
        `  heap ${mb(check.heapMb)}  time ${check.ms.toFixed(0).padStart(6)} ms (${(check.ms / rest.ms).toFixed(1)}x resting, ${(check.ms - rest.ms).toFixed(0)} ms over it)`,
    );
  }
  const k5 = summary.get("5,000 actions")!;
  const k50 = summary.get("50,000 actions")!;
  const rag: Run = { rssMb: median(rag50.map((x) => x.rssMb)), heapMb: median(rag50.map((x) => x.heapMb)), ms: median(rag50.map((x) => x.ms)) };
  console.log(`xlsx rag:   ${"50,000 actions".padEnd(24)} peak RSS ${mb(rag.rssMb)} (${(rag.rssMb / rest.rssMb).toFixed(1)}x resting)  heap ${mb(rag.heapMb)}  time ${rag.ms.toFixed(0).padStart(6)} ms (${(rag.ms / rest.ms).toFixed(1)}x resting)`);
  console.log(`xlsx check: 5,000 -> 50,000 actions (10x): peak RSS over resting ${((k50.rssMb - rest.rssMb) / (k5.rssMb - rest.rssMb)).toFixed(1)}x, time over resting ${((k50.ms - rest.ms) / (k5.ms - rest.ms)).toFixed(1)}x`);
  const plain = summary.get("20 actions")!;
  const stray = summary.get("20 actions + XFD1048576")!;
  console.log(`xlsx check: the cell at XFD1048576 costs ${(stray.rssMb - plain.rssMb).toFixed(0)} MB and ${(stray.ms - plain.ms).toFixed(0)} ms (${(stray.ms / plain.ms).toFixed(2)}x the plan without it)`);
  const broken: string[] = [];
  if (k50.rssMb >= RSS_BUDGET_50K_MB) broken.push(`check of 50,000 actions peaks at ${k50.rssMb.toFixed(0)} MB (budget ${RSS_BUDGET_50K_MB} MB)`);
  if (rag.rssMb >= RSS_BUDGET_50K_MB) broken.push(`rag of 50,000 actions peaks at ${rag.rssMb.toFixed(0)} MB (budget ${RSS_BUDGET_50K_MB} MB)`);
  if (stray.rssMb >= RSS_BUDGET_STRAY_MB) broken.push(`check of the plan with a cell at XFD1048576 peaks at ${stray.rssMb.toFixed(0)} MB (budget ${RSS_BUDGET_STRAY_MB} MB)`);
  if (stray.ms > STRAY_TIME_BUDGET * plain.ms) broken.push(`the cell at XFD1048576 makes check ${(stray.ms / plain.ms).toFixed(1)}x slower (budget ${STRAY_TIME_BUDGET}x)`);
  if (broken.length > 0) throw new Error(`xlsx budgets broken: ${broken.join("; ")}`);
}

async function inProcess(times: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

async function writeAndRead(): Promise<void> {
  let first: { n: number; write: number; read: number } | null = null;
  for (const n of [100, 1000, 5000]) {
    const specs = newWorkbookSpecs(generatedInput(n));
    let bytes: Buffer = Buffer.alloc(0);
    const write = await inProcess(5, async () => (bytes = (await writeXlsx(specs)).bytes));
    const read = await inProcess(5, () => readXlsx(bytes));
    const ratio = first ? `   ${n / first.n}x rows -> write ${(write / first.write).toFixed(1)}x, read ${(read / first.read).toFixed(1)}x` : "";
    console.log(`xlsx: ${n.toLocaleString("en")} actions  write ${write.toFixed(0)} ms  read ${read.toFixed(0)} ms  file ${(bytes.length / 1024).toFixed(0)} KB${ratio}`);
    first ??= { n, write, read };
  }
}

export async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "jointplan-xlsx-bench-"));
  try {
    await writeAndRead();
    await memoryAndTime(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
