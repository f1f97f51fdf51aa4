/**
 * Roll-ups: an objective from its actions and its own KPI, the plan from its objectives (or from
 * its actions when there is no JBP). Worst of by default; Average score (Red 1, Amber 2, Green 3;
 * below 1.5 Red, below 2.5 Amber, else Green) as the other method. Grey is left out; nothing
 * left (all Grey, or nothing at all) is Grey.
 *
 * This is the plain TypeScript statement of the rule. The JBP RAG formula and computeObjectiveRag
 * evaluate ragRules.objectiveRagExpr instead; tests hold the two equal.
 */
import type { Rag, RollUpMethod } from "../model";

export interface RagCounts {
  Red: number;
  Amber: number;
  Green: number;
  Grey: number;
}

/** Score of a colour: Red 1, Amber 2, Green 3 (the order CHOOSE turns back into words; Grey has none). */
export const RAG_SCORE: Record<Exclude<Rag, "Grey">, number> = { Red: 1, Amber: 2, Green: 3 };
/** Worst first, Grey last (it never rolls up). */
export const RAG_ORDER: readonly Rag[] = ["Red", "Amber", "Green", "Grey"];

export const emptyCounts = (): RagCounts => ({ Red: 0, Amber: 0, Green: 0, Grey: 0 });

export function countRags(rags: Iterable<Rag>): RagCounts {
  const c = emptyCounts();
  for (const r of rags) c[r]++;
  return c;
}

export function rollUpCounts(c: RagCounts, method: RollUpMethod): Rag {
  const n = c.Red + c.Amber + c.Green;
  if (n === 0) return "Grey";
  if (method === "Worst of") return c.Red > 0 ? "Red" : c.Amber > 0 ? "Amber" : "Green";
  // Compared as sums of whole numbers: no division, no rounding at the 1.5 and 2.5 edges.
  const sum = c.Red + 2 * c.Amber + 3 * c.Green;
  return sum < 1.5 * n ? "Red" : sum < 2.5 * n ? "Amber" : "Green";
}

export function rollUp(rags: Iterable<Rag>, method: RollUpMethod): Rag {
  return rollUpCounts(countRags(rags), method);
}

/** Worse of two colours; Grey only when both are Grey. */
export function worse(a: Rag, b: Rag): Rag {
  if (a === "Grey") return b;
  if (b === "Grey") return a;
  return RAG_SCORE[a] <= RAG_SCORE[b] ? a : b;
}
