/** Reads and validates grids at the sound plan's as-of date: the rule tests' one-liner. */
import type { Finding, SheetGrid } from "../../src/plan/model";
import { readPlan } from "../../src/plan/read";
import { validatePlan } from "../../src/plan/rules";
import { AS_OF } from "./soundPlan";

export function findingsOf(grids: SheetGrid[], asOf = AS_OF): Finding[] {
  return validatePlan(readPlan(grids), { asOf });
}

/** Findings as [rule, severity, cell] for compact assertions. */
export function brief(findings: Finding[]): [string, string, string][] {
  return findings.map((f) => [f.rule, f.severity, f.cell]);
}
