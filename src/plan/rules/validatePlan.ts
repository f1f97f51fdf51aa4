/**
 * All validation rules over a read plan. Validation only reports: it never changes a value, and it
 * never throws on any cell value (each family guards its own cells).
 */
import { cycleRules } from "./cycleRules";
import { dateRules } from "./dateRules";
import { kpiRules } from "./kpiRules";
import type { Finding, PlanWorkbook } from "../model";
import { ownerRules } from "./ownerRules";
import { ruleContext } from "./ruleContext";
import { structureRules } from "./structureRules";

export interface ValidateOptions {
  /** The as-of date as a serial (overdue, updates in the future). */
  asOf: number;
}

/** Read findings first, then every rule family, in sheet and row order within each family. */
export function validatePlan(plan: PlanWorkbook, options: ValidateOptions): Finding[] {
  const ctx = ruleContext(plan, Math.floor(options.asOf));
  return [...plan.readFindings, ...ownerRules(ctx), ...dateRules(ctx), ...kpiRules(ctx), ...structureRules(ctx), ...cycleRules(ctx)];
}
