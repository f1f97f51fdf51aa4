/**
 * RAG of generated plans of 1,000 and 10,000 actions (computePlanRag: every action, the eight
 * objectives and the plan), and the RAG Summary's figures, against the floor: a plain loop that
 * reads every parsed field of every action once (bench/support/readLoops.ts). structuredClone of
 * the same rows is printed beside it, as the older baseline, for comparison only.
 *
 * Budgets, judged on medians at every size (a broken one throws, and the runner reports FAILED):
 * - computePlanRag at most 10x the floor;
 * - 10x the actions at most 13x the time (linear ≈ 10; see validate.bench.ts for the margin).
 */
import type { PlanWorkbook } from "../src/plan/model";
import { computePlanRag } from "../src/plan/rag";
import { readPlan } from "../src/plan/read";
import { summaryFigures, summaryInput } from "../src/plan/summary";
import { GENERATED_AS_OF, generateActionGrid } from "../test/support/planGenerator";
import { alternate, ms, RUNS } from "./support/alternate";
import { readEveryField } from "./support/readLoops";

const RATIO_BUDGET = 10;
const GROWTH_BUDGET = 13;
const SIZES = [1000, 10000];

const n0 = (n: number): string => n.toLocaleString("en-US");

export function main(): void {
  const rag: Record<number, number> = {};
  const broken: string[] = [];
  for (const n of SIZES) {
    const plan: PlanWorkbook = readPlan(generateActionGrid(n, 42));
    const rows = plan.japs.flatMap((j) => j.actions);
    if (rows.length !== n) throw new Error(`expected ${n} actions, read ${rows.length}`);
    const t = alternate({
      floor: () => readEveryField(rows),
      clone: () => structuredClone(rows),
      rag: () => computePlanRag(plan, GENERATED_AS_OF),
      summary: () => summaryFigures(plan, GENERATED_AS_OF, summaryInput(plan, "RAG Summary")),
    });
    rag[n] = t.rag;
    const x = (v: number): string => `${(v / t.floor).toFixed(1)}x floor`;
    console.log(`rag: ${n0(n).padStart(6)} actions (medians of ${RUNS}, alternating)`);
    console.log(`  floor: read every field once ${ms(t.floor)}`);
    console.log(`  structuredClone of the rows   ${ms(t.clone)}   ${x(t.clone)}`);
    console.log(`  computePlanRag                ${ms(t.rag)}   ${x(t.rag)}   (${((t.rag / n) * 1000).toFixed(2)} µs/action; budget ${RATIO_BUDGET}x)`);
    console.log(`  summaryFigures                ${ms(t.summary)}   ${x(t.summary)}`);
    if (t.rag > RATIO_BUDGET * t.floor) broken.push(`RAG of ${n0(n)} actions took ${(t.rag / t.floor).toFixed(1)}x the floor (budget ${RATIO_BUDGET}x)`);
  }
  const growth = rag[10000] / rag[1000];
  console.log(`rag: 10x actions -> ${growth.toFixed(1)}x time (linear ≈ 10, budget ${GROWTH_BUDGET}x)`);
  if (growth > GROWTH_BUDGET) broken.push(`RAG grows ${growth.toFixed(1)}x from 1,000 to 10,000 actions (budget ${GROWTH_BUDGET}x: not linear)`);
  if (broken.length > 0) throw new Error(broken.join("\n"));
}
