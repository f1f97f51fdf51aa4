/**
 * Which JAPs are current. Each JAP belongs to a distributor and a month; a distributor's latest month
 * is its current JAP, and earlier months are history: kept as they were, never counted again (the
 * JBP's action counts, the RAG Summary, the overview and the roll-ups read current JAPs only). Here,
 * below every room that counts, so that the engine, the count formulas and the summary agree.
 */
import type { JapPlan, JbpPlan, PlanWorkbook } from "./planWorkbook";
import { monthStart, serialFromYmd } from "./serialDate";

/** A distributor as JAPs are grouped by it: spaces and case do not count. */
export const distributorKey = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();

/** The month a sheet name such as "JAP 2026-03" (or "JAP 2026-03 (2)") names, as its first day's serial. */
export function monthOfSheetName(sheet: string): number | null {
  const m = /(?:^|\D)(\d{4})-(\d{2})(?:\D|$)/.exec(sheet);
  return m ? serialFromYmd(Number(m[1]), Number(m[2]), 1) : null;
}

/** A JAP's distributor and month: its header's, else its linked JBP's distributor and its sheet name's month. */
export interface JapCycle {
  distributor: string;
  /** First day of the month (serial); null when neither the header nor the sheet name gives one. */
  month: number | null;
}

export function japCycle(jap: JapPlan, jbps: readonly JbpPlan[] = []): JapCycle {
  // A header built in code may lack fields the reader always fills.
  const { distributor: named = "", month: typed = null, jbpSheet = "" } = jap.header ?? {};
  let distributor = named.trim();
  if (distributor === "" && jbpSheet !== "") {
    distributor = jbps.find((j) => j.position.sheet === jbpSheet)?.header.distributor?.trim() ?? "";
  }
  const month = typed !== null ? monthStart(typed) : monthOfSheetName(jap.position.sheet);
  return { distributor, month };
}

/**
 * Each JAP's place in the cycle, in the plan's order: current or history, and (for history) the
 * sheet of the JAP that is current for its distributor. A JAP without a month cannot be placed in
 * time and stays current. Two JAPs for the same distributor and month: the first in sheet order is
 * current, the other a duplicate (reported by `duplicateJaps`), so nothing is counted twice.
 */
export interface JapStanding {
  jap: JapPlan;
  cycle: JapCycle;
  current: boolean;
  /** The current JAP's sheet for a history JAP (null when current). */
  currentSheet: string | null;
  /** For a JAP of the same distributor and month as an earlier one: that one's sheet. */
  duplicateOf: string | null;
}

export function japStandings(plan: Pick<PlanWorkbook, "japs" | "jbps">): JapStanding[] {
  const out: JapStanding[] = plan.japs.map((jap) => ({ jap, cycle: japCycle(jap, plan.jbps), current: true, currentSheet: null, duplicateOf: null }));
  const latest = new Map<string, JapStanding>();
  const firstOfMonth = new Map<string, JapStanding>();
  for (const s of out) {
    if (s.cycle.month === null) continue;
    const key = distributorKey(s.cycle.distributor);
    const monthKey = `${key}\u0000${s.cycle.month}`;
    const first = firstOfMonth.get(monthKey);
    if (first) s.duplicateOf = first.jap.position.sheet;
    else firstOfMonth.set(monthKey, s);
    const best = latest.get(key);
    if (!best || (s.cycle.month ?? 0) > (best.cycle.month ?? 0)) latest.set(key, s);
  }
  for (const s of out) {
    if (s.cycle.month === null) continue;
    const best = latest.get(distributorKey(s.cycle.distributor));
    if (best && best !== s) {
      s.current = false;
      s.currentSheet = best.jap.position.sheet;
    }
  }
  return out;
}

/** The current JAPs, in the plan's order. */
export function currentJaps(plan: Pick<PlanWorkbook, "japs" | "jbps">): JapPlan[] {
  return japStandings(plan)
    .filter((s) => s.current)
    .map((s) => s.jap);
}

/** The plan with its history JAPs left out: what every count and roll-up is about. */
export function currentPlan<P extends Pick<PlanWorkbook, "japs" | "jbps">>(plan: P): P {
  const japs = currentJaps(plan);
  return japs.length === plan.japs.length ? plan : { ...plan, japs };
}
