/**
 * Reading and validating generated plans of 1,000 and 10,000 actions (roster of 40), and the whole
 * check (read + validate + RAG: checkWorkbook), against the floor: a plain loop that reads every
 * cell of the grids once (bench/support/readLoops.ts). structuredClone of the grids, the older
 * baseline, is printed beside it for comparison only: it costs several times a read and grows
 * faster than the cells do, so a budget against it flatters.
 *
 * Budgets, judged on medians at every size the bench runs; a broken budget throws, so the runner
 * reports FAILED:
 * - read + validate, and the whole check, at most RATIO_BUDGETS times the floor at that size. These
 *   are regression guards, not goals: today's medians (1,000 actions: about 100x and 137x; 10,000:
 *   about 50x and 80x, on the project's shared 2-core machine) with half again as margin, a little
 *   more at 1,000 actions, whose ratios move by a third with the machine's load (80x to 143x seen). Turning a cell
 *   into the typed model and running some thirty rules over it costs tens of reads of it; the
 *   older "10x the baseline" held only because the baseline, a structuredClone, costs 15 to 18
 *   reads itself. The ratios are higher at 1,000 actions because the floor there runs from the
 *   CPU caches (it grows 16x for 10x the cells);
 * - the whole check grows linearly: 10 times the actions may take at most 13 times the time. Linear
 *   work gives about 10x, or a little less as fixed costs (finding the header rows, reading Settings
 *   and the roster, compiling the rules once) amortize; the margin above 10 absorbs what is not
 *   linear yet not the code's doing: garbage collection (a check of 10,000 actions allocates enough
 *   for young-generation collections that must copy the freshly read plan, which 1,000 actions
 *   mostly never trigger) and rows that outgrow the CPU caches. A quadratic rule would give about 100x.
 */
import { checkWorkbook, validatePlan } from "../src/plan/rules";
import type { SheetGrid } from "../src/plan/model";
import { readPlan } from "../src/plan/read";
import { GENERATED_AS_OF, generateActionGrid } from "../test/support/planGenerator";
import { alternate, ms, RUNS } from "./support/alternate";
import { readEveryCell } from "./support/readLoops";

/** At most this many times the plain read loop, by size (see above). */
const RATIO_BUDGETS: Record<number, { readValidate: number; check: number }> = {
  1000: { readValidate: 180, check: 230 },
  10000: { readValidate: 75, check: 120 },
};
/** At most this many times the time for 10 times the actions (see above). */
const GROWTH_BUDGET = 13;
const SIZES = [1000, 10000];

export function main(): void {
  const check: Record<number, number> = {};
  const readValidate: Record<number, number> = {};
  const broken: string[] = [];
  for (const n of SIZES) {
    const grids: SheetGrid[] = generateActionGrid(n, 42);
    const cells = grids.reduce((s, g) => s + g.values.reduce((t, r) => t + r.length, 0), 0);
    const plan = readPlan(grids);
    const t = alternate({
      floor: () => readEveryCell(grids),
      clone: () => structuredClone(grids),
      read: () => readPlan(grids),
      validate: () => validatePlan(plan, { asOf: GENERATED_AS_OF }),
      readValidate: () => validatePlan(readPlan(grids), { asOf: GENERATED_AS_OF }),
      check: () => checkWorkbook(grids, { today: GENERATED_AS_OF }),
    });
    check[n] = t.check;
    readValidate[n] = t.readValidate;
    const findings = validatePlan(plan, { asOf: GENERATED_AS_OF }).length;
    const x = (v: number): string => `${(v / t.floor).toFixed(1)}x floor`;
    const per = (v: number): string => `${((v / n) * 1000).toFixed(2)} µs/action`;
    const label = `${n.toLocaleString("en")} actions`;
    const budget = RATIO_BUDGETS[n];
    console.log(`validate: ${label}, ${cells.toLocaleString("en")} cells, ${findings} findings (medians of ${RUNS}, alternating)`);
    console.log(`  floor: read every cell once ${ms(t.floor)}`);
    console.log(`  structuredClone of the grids ${ms(t.clone)}   ${x(t.clone)}`);
    console.log(`  read                         ${ms(t.read)}   ${x(t.read)}`);
    console.log(`  validate                     ${ms(t.validate)}   ${x(t.validate)}`);
    console.log(`  read + validate              ${ms(t.readValidate)}   ${x(t.readValidate)}   (${per(t.readValidate)}; budget ${budget.readValidate}x)`);
    console.log(`  check (+ RAG)                ${ms(t.check)}   ${x(t.check)}   (${per(t.check)}; budget ${budget.check}x)`);
    if (t.readValidate > budget.readValidate * t.floor) broken.push(`read + validate of ${label} is ${(t.readValidate / t.floor).toFixed(1)}x the floor (budget ${budget.readValidate}x)`);
    if (t.check > budget.check * t.floor) broken.push(`validation plus RAG (checkWorkbook) of ${label} is ${(t.check / t.floor).toFixed(1)}x the floor (budget ${budget.check}x)`);
  }
  const growth = check[10000] / check[1000];
  console.log(`validate: 10x actions -> read + validate ${(readValidate[10000] / readValidate[1000]).toFixed(1)}x time, check ${growth.toFixed(1)}x time (linear ≈ 10, budget ${GROWTH_BUDGET}x)`);
  if (growth > GROWTH_BUDGET) broken.push(`validation plus RAG grows ${growth.toFixed(1)}x from 1,000 to 10,000 actions (budget ${GROWTH_BUDGET}x: not linear)`);
  if (broken.length > 0) throw new Error(broken.join("\n"));
}

if (require.main === module) main();
