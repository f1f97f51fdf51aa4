/**
 * The JAPs of a plan for `check --json` and `rag --json`: each JAP's sheet, distributor and month,
 * and whether it is current (its distributor's latest month; the others are history, rated but not
 * counted in the roll-ups).
 */
import { isoFromSerial, japStandings, type PlanWorkbook } from "../plan/model";

export interface JapJson {
  sheet: string;
  distributor: string;
  /** "2026-03", or null when the JAP has no month. */
  month: string | null;
  current: boolean;
}

export function japsJson(plan: Pick<PlanWorkbook, "japs" | "jbps">): JapJson[] {
  return japStandings(plan).map((s) => ({
    sheet: s.jap.position.sheet,
    distributor: s.cycle.distributor,
    month: s.cycle.month === null ? null : isoFromSerial(s.cycle.month).slice(0, 7),
    current: s.current,
  }));
}
