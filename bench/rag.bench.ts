/**
 * RAG of generated plans of 1,000 and 10,000 actions (computePlanRag: every action, the eight
 * objectives and the plan), against a baseline that touches every cell once (structuredClone of the
 * same action rows). Prints medians, the ratio to the baseline (target: at most 10x for 10,000
 * actions) and the 10k/1k growth (linear ≈ 10). Also the RAG Summary's figures for reference.
 */
import type { PlanWorkbook } from "../src/plan/model";
import { computePlanRag } from "../src/plan/rag";
import { readPlan } from "../src/plan/read";
import { summaryFigures } from "../src/plan/summary";
import { GENERATED_AS_OF, generateActionGrid } from "../test/support/planGenerator";
import { alternate, ms } from "./support/alternate";



const n0 = (n: number): string => n.toLocaleString("en-US");

export function main(): void {
  const rag: Record<number, number> = {};
  for (const n of [1000, 10000]) {
    const plan: PlanWorkbook = readPlan(generateActionGrid(n, 42));
    const rows = plan.japs.flatMap((j) => j.actions);
    if (rows.length !== n) throw new Error(`expected ${n} actions, read ${rows.length}`);
    const clone = (): unknown => structuredClone(rows);
    const r = alternate(() => computePlanRag(plan, GENERATED_AS_OF), clone);
    const s = alternate(() => summaryFigures(plan, GENERATED_AS_OF), clone);
    rag[n] = r.subject;
    console.log(
      `rag: ${n0(n).padStart(6)} actions  baseline (structuredClone) ${ms(r.baseline)}  computePlanRag ${ms(r.subject)}  ${(r.subject / r.baseline).toFixed(2)}x baseline  (${((r.subject / n) * 1000).toFixed(2)} µs/action)`,
    );
    console.log(`rag: ${n0(n).padStart(6)} actions  summaryFigures ${ms(s.subject)}  ${(s.subject / s.baseline).toFixed(2)}x baseline`);
    if (n === 10000 && r.subject > 10 * r.baseline)
      throw new Error(`RAG of 10,000 actions took ${(r.subject / r.baseline).toFixed(1)}x the baseline (budget 10x)`);
  }
  console.log(`rag: 10x actions -> ${(rag[10000] / rag[1000]).toFixed(1)}x time (linear ≈ 10)`);
}
