/**
 * The Excel layer's round trips, request and response sizes, per command, at 1,000, 20,000 and
 * 50,000 actions, on the simulated workbook (which sizes each request as Office.js builds it, held
 * byte for byte to the real library by test/sim/wire.test.ts, and each response as the JSON of
 * what it returns). And Check plan beside two sheets of 11,000 rows x 30 columns of other data:
 * the same syncs as without them. And the monthly cycle (recordReview, startNextMonth,
 * getReviewState) at 1,000 and 20,000 actions after 24 past months (JOINTPLAN_BENCH_MONTHS to
 * change it; JOINTPLAN_BENCH_CYCLE_ONLY=1 runs only that part).
 *
 * Budgets, at every size: no request and no response over 4 MB; each command's fixed sync count
 * (BUDGET) plus one sync per budget's worth of data actually moved (allowedExtra): Excel on the
 * web's 5 MB limit holds each request and each response, so a command that must send 20 MB needs
 * at least six requests, whatever it does. That allowance is the batching cost (batches.ts,
 * sheetReads.ts), not slack: a command that moves less than one request's and one response's worth
 * must take exactly its fixed count, and a command must not move what it does not need (the
 * cycle's commands read the Review Log's end, not its key columns: test/excel/startNextMonth.test.ts).
 *
 * Each section (a size of plan, a size of cycle, the other data) runs in a Node process of its own
 * (this file spawns itself with JOINTPLAN_BENCH_SECTION): one process that held the simulated
 * workbooks of every section in turn ran out of heap in the cycle's section.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import { applyRepairs, buildSummary, checkPlan, getOverview, getReviewState, insertJapTemplate, insertSamplePlan, recordReview, startLiveCheck, startNextMonth } from "../src/excel/commandApi";
import { BATCH_BUDGET_BYTES } from "../src/excel/batches";
import { liveCheckIdle } from "../src/excel/liveCheck";
import { insertPlanData } from "../src/excel/insertTemplates";
import { RESPONSE_FILL_BYTES } from "../src/excel/sheetReads";
import { createSimulatedExcel, type SimulatedExcel } from "../test/sim";
import { scaledPlan } from "../test/excel/support/plans";

const LIMIT = 4 * 1024 * 1024;
/**
 * The fixed sync counts below the budgets (checkPlan is 2 when nothing changed; an insert is 3 when
 * the workbook already has JBP or JAP tables whose counts it changes, as the two below here).
 */
const BUDGET: Record<string, number> = {
  insertJapTemplate: 2,
  insertSamplePlan: 3,
  "insert plan": 3,
  checkPlan: 3,
  "checkPlan again": 2,
  getOverview: 2,
  applyRepairs: 3,
  buildSummary: 3,
  "live re-check": 3,
  "recordReview (new log)": 4,
  recordReview: 5,
  // The replaced rows' comments are read (kept in the new rows): one more sync, only when replacing.
  "recordReview again": 6,
  startNextMonth: 6,
  getReviewState: 5,
};

/** Past months of the cycle benchmark: reviews recorded and months started before the measured ones. */
const PAST_MONTHS = Number(process.env.JOINTPLAN_BENCH_MONTHS ?? 24);

const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(2)} MB`;

interface Figures {
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  requests: number;
  responses: number;
}

function figures(sim: SimulatedExcel): Figures {
  const b = sim.stats.batches;
  return {
    syncs: sim.stats.syncs,
    maxRequest: sim.stats.maxBytes,
    maxResponse: sim.stats.maxResponseBytes,
    requests: b.reduce((a, x) => a + x.bytes, 0),
    responses: b.reduce((a, x) => a + x.responseBytes, 0),
  };
}

/**
 * Syncs past the fixed count that the data moved allows, "fixed + one per 4 MB actually moved",
 * counted in what each direction is filled to, and only once a direction passes one:
 * - sent, past one request's worth (BATCH_BUDGET_BYTES, 3.5 MB): one per request's worth. The
 *   command's own write carries the first; the one more is the Batcher's count, which errs high on
 *   small writes (up to 30 %, batches.test.ts), so the requests holding them are not quite full.
 * - read, past one response's worth (RESPONSE_FILL_BYTES, 4 MB less the margin for rows longer than
 *   those measured): one per response's worth. The cells of a table too big for the sync that finds
 *   it (with the sheets' corners) come in syncs of their own.
 * Below both the count is exact.
 */
const pastOne = (bytes: number, worth: number): number => (bytes > worth ? Math.ceil(bytes / worth) : 0);
const allowedExtra = (f: Figures): number => pastOne(f.requests, BATCH_BUDGET_BYTES) + pastOne(f.responses, RESPONSE_FILL_BYTES);

type Run = <T>(sim: SimulatedExcel, name: string, size: string, f: () => Promise<T>) => Promise<{ result: T | undefined; figures: Figures }>;

function runner(failures: string[]): Run {
  return async <T>(sim: SimulatedExcel, name: string, size: string, f: () => Promise<T>) => {
    sim.stats.reset();
    const t0 = performance.now();
    let result: T | undefined;
    let error = "";
    try {
      result = await f();
    } catch (e) {
      error = ` FAILED: ${(e as Error).message}`;
    }
    const ms = performance.now() - t0;
    const fig = figures(sim);
    const fixed = BUDGET[name];
    const allowed = fixed === undefined ? undefined : fixed + allowedExtra(fig);
    const budget = allowed === undefined ? "" : allowed > fixed! ? `(budget ${fixed} + ${allowed - fixed!})` : `(budget ${fixed})`;
    console.log(
      `${name.padEnd(22)} ${size.padStart(18)}  syncs ${String(fig.syncs).padStart(2)} ${budget.padEnd(15)}  moved ${mb(fig.requests).padStart(9)} out ${mb(fig.responses).padStart(9)} back  largest request ${mb(fig.maxRequest).padStart(8)}  response ${mb(fig.maxResponse).padStart(8)}  ${ms.toFixed(0).padStart(6)} ms${error}`,
    );
    if (error) failures.push(`${name} at ${size}:${error}`);
    if (fig.maxRequest > LIMIT) failures.push(`${name} at ${size}: a request of ${mb(fig.maxRequest)} (limit 4 MB)`);
    if (fig.maxResponse > LIMIT) failures.push(`${name} at ${size}: a response of ${mb(fig.maxResponse)} (limit 4 MB)`);
    if (!error && fixed !== undefined && allowed !== undefined) {
      if (fig.syncs > allowed) failures.push(`${name} at ${size}: ${fig.syncs} syncs, budget ${fixed}${allowed > fixed ? ` + ${allowed - fixed} for ${mb(fig.requests)} sent and ${mb(fig.responses)} read` : ""}`);
      // Below every budget's worth the count is exact, so that a budget above needs cannot hide a regression.
      else if (allowed === fixed && fig.syncs !== fixed) failures.push(`${name} at ${size}: ${fig.syncs} syncs, the budget says exactly ${fixed}`);
    }
    return { result, figures: fig };
  };
}

/** Insert, check, repair, summarise and re-check a plan of `n` actions. */
async function planSection(run: Run, n: number): Promise<void> {
  const size = `${n.toLocaleString("en-US")} actions`;
  const sim = createSimulatedExcel();
  const uninstall = sim.install(globalThis as unknown as Record<string, unknown>);
  await run(sim, "insertJapTemplate", size, () => insertJapTemplate({ month: "2026-03" }));
  await run(sim, "insertSamplePlan", size, () => insertSamplePlan());
  const inserted = (await run(sim, "insert plan", size, () => insertPlanData(scaledPlan(n)))).result;
  const check = (await run(sim, "checkPlan", size, () => checkPlan())).result;
  await run(sim, "checkPlan again", size, () => checkPlan());
  await run(sim, "getOverview", size, () => getOverview());
  // Every first repair as a user would apply it: a choice made (the first offered), people added to the Roster.
  const repairs = (check?.findings ?? []).flatMap((f) => (f.repair ? [f.repair.choices ? { ...f.repair, value: f.repair.choices[0].value } : f.repair] : []));
  await run(sim, "applyRepairs", size, () => applyRepairs(repairs));
  await run(sim, "buildSummary", size, () => buildSummary());
  const stop = await startLiveCheck(() => undefined);
  await run(sim, "live re-check", size, async () => {
    await sim.userEdit(inserted!.jap, "C9", [["Ana Silva"]]); // an Owner cell
    await sim.settle();
    await liveCheckIdle();
  });
  await stop();
  console.log(`  (${size}: ${check?.findings.length ?? 0} findings, ${repairs.length} repairs applied in one command, ${repairs.filter((r) => r.addToRoster).length} of them adding to the Roster)`);
  uninstall();
}

/**
 * The monthly cycle: record a review and start next month after PAST_MONTHS past months
 * (a review a month in the log, a JAP sheet a month of history), then measure each command.
 */
async function cycleSection(run: Run, n: number): Promise<void> {
  const sim = createSimulatedExcel();
  const uninstall = sim.install(globalThis as unknown as Record<string, unknown>);
  await insertPlanData(scaledPlan(n));
  // A review a month, each on its own date.
  let day = Date.UTC(2026, 0, 25);
  const nextDate = (): string => {
    const iso = new Date(day).toISOString().slice(0, 10);
    day += 30 * 86_400_000;
    return iso;
  };
  const first = await run(sim, "recordReview (new log)", `${n.toLocaleString("en-US")} x 0 months`, () => recordReview({ date: nextDate() }));
  const t0 = performance.now();
  for (let m = 0; m < PAST_MONTHS; m++) {
    if (m > 0) await recordReview({ date: nextDate() });
    await startNextMonth();
  }
  console.log(`  (${PAST_MONTHS} past months at ${n.toLocaleString("en-US")} actions built in ${((performance.now() - t0) / 1000).toFixed(0)} s; the first review created the log in ${first.figures.syncs} syncs)`);
  const size = `${n.toLocaleString("en-US")} x ${PAST_MONTHS} months`;
  const date = nextDate();
  await run(sim, "recordReview", size, () => recordReview({ date }));
  await run(sim, "recordReview again", size, () => recordReview({ date }));
  await run(sim, "getReviewState", size, () => getReviewState());
  await run(sim, "startNextMonth", size, () => startNextMonth());
  uninstall();
}

/** The sample plan beside other data: two sheets of 11,000 rows x 30 columns. */
async function besideSection(run: Run, failures: string[]): Promise<void> {
  const sim = createSimulatedExcel({ sheets: ["Sales 2025", "Sales 2026"] });
  const uninstall = sim.install(globalThis as unknown as Record<string, unknown>);
  await insertSamplePlan();
  await checkPlan();
  const alone = await run(sim, "checkPlan again", "sample alone", () => checkPlan());
  const data = Array.from({ length: 11_000 }, (_, r) => Array.from({ length: 30 }, (_, c) => (c % 3 === 0 ? `Outlet ${r}, line ${c}` : r * 30 + c + 0.25)));
  sim.setCells("Sales 2025", "A1", data);
  sim.setCells("Sales 2026", "A1", data);
  const beside = await run(sim, "checkPlan again", "+ 2 x 11,000x30", () => checkPlan());
  if (beside.figures.syncs !== alone.figures.syncs) failures.push(`checkPlan beside other data: ${beside.figures.syncs} syncs, ${alone.figures.syncs} without it`);
  uninstall();
}

/**
 * The sections, each run in a Node process of its own: a simulated workbook of 50,000 actions, or
 * of 20,000 actions with 24 JAPs of history, takes a good part of the heap, and one process holding
 * them in turn ran out of it (the garbage of one section outliving it).
 */
const SECTIONS: Record<string, (run: Run, failures: string[]) => Promise<void>> = {
  "plan 1000": (run) => planSection(run, 1000),
  "plan 20000": (run) => planSection(run, 20000),
  "plan 50000": (run) => planSection(run, 50000),
  "cycle 1000": (run) => cycleSection(run, 1000),
  "cycle 20000": (run) => cycleSection(run, 20000),
  beside: besideSection,
};

/** Runs one section here, throwing when a budget is broken. */
async function runSection(name: string): Promise<void> {
  const section = SECTIONS[name];
  if (!section) throw new Error(`No section '${name}' in excel.bench.ts (${Object.keys(SECTIONS).join(", ")})`);
  const failures: string[] = [];
  await section(runner(failures), failures);
  if (failures.length) throw new Error(`Excel layer budget broken:\n${failures.join("\n")}`);
}

export async function main(): Promise<void> {
  const own = process.env.JOINTPLAN_BENCH_SECTION;
  if (own) return runSection(own);
  // JOINTPLAN_BENCH_CYCLE_ONLY=1 runs the monthly cycle's part alone.
  const names = Object.keys(SECTIONS).filter((s) => process.env.JOINTPLAN_BENCH_CYCLE_ONLY !== "1" || s.startsWith("cycle"));
  const failed: string[] = [];
  for (const name of names) {
    // The same runner as scripts/bench.js, with --expose-gc, this file, and the section to run.
    const child = spawnSync(process.execPath, [...process.execArgv, join(__dirname, "..", "scripts", "lib", "bench-child.js"), __filename], {
      stdio: "inherit",
      env: { ...process.env, JOINTPLAN_BENCH_SECTION: name },
    });
    if (child.status !== 0) failed.push(name);
  }
  if (failed.length) throw new Error(`Excel layer budget broken in: ${failed.join(", ")} (the reasons above)`);
}
