/**
 * One check of a workbook: read by header, validate, and compute the RAG of everything at one
 * as-of date (the one passed, else the Settings' as-of date, else today).
 */
import type { CheckResult, PlanWorkbook, SheetGrid } from "../model";
import { computePlanRag } from "../rag";
import { type PlanReadOptions, readPlan } from "../read";
import { validatePlan } from "./validatePlan";

export interface CheckOptions extends PlanReadOptions {
  /** Serial date that overrides the Settings' as-of date. */
  asOf?: number;
  /** Today's serial (todaySerial(new Date()) in the add-in), used when nothing else sets the as-of date. */
  today: number;
  /** Called once the plan is read, before it is validated (the add-in reports progress by its rows). */
  onRead?: (plan: PlanWorkbook) => void;
}

export function checkWorkbook(grids: SheetGrid[], options: CheckOptions): CheckResult {
  const plan = readPlan(grids, { dateOrder: options.dateOrder, dateOrderOverride: options.dateOrderOverride });
  options.onRead?.(plan);
  const asOf = Math.floor(options.asOf ?? plan.settings.asOf ?? options.today);
  return { plan, findings: validatePlan(plan, { asOf }), rag: computePlanRag(plan, asOf), asOf };
}
