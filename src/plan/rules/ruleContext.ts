/** What every rule family gets: the plan, the as-of date, the roster index and cell positions. */
import { type CellValue, type DateOrder, isOpenStatus, type JapPlan, type JbpPlan, type PlanWorkbook, type Settings, type TablePosition } from "../model";
import { RosterIndex } from "./rosterIndex";

export interface RuleContext {
  plan: PlanWorkbook;
  /** The plan's settings with the date order in effect (a blank Date order is the host's). */
  settings: Settings & { dateOrder: DateOrder };
  asOf: number;
  roster: RosterIndex;
}

export function ruleContext(plan: PlanWorkbook, asOf: number): RuleContext {
  return { plan, settings: { ...plan.settings, dateOrder: plan.dateOrder }, asOf, roster: new RosterIndex(plan.roster) };
}

/** The sheet position of a row's cell in column `key` (the table must have the column). */
export function cellAt(position: TablePosition, row: number, key: string): { sheet: string; row: number; col: number } {
  return { sheet: position.sheet, row, col: position.columns[key] };
}

export function has(position: TablePosition, key: string): boolean {
  return position.columns[key] !== undefined;
}

export type Raw = Record<string, CellValue>;

/** Open means still to do: neither Done nor Cancelled. */
export const isOpen = isOpenStatus;

/** The JBPs a JAP belongs to: the one its header names, else those of its distributor, else all. */
export function linkedJbps(plan: PlanWorkbook, jap: JapPlan): JbpPlan[] {
  const sheet = jap.header.jbpSheet.trim().toLowerCase();
  if (sheet) {
    const named = plan.jbps.filter((j) => j.position.sheet.toLowerCase() === sheet);
    if (named.length > 0) return named;
  }
  const distributor = jap.header.distributor.trim().toLowerCase();
  const same = distributor ? plan.jbps.filter((j) => j.header.distributor.trim().toLowerCase() === distributor) : [];
  return same.length > 0 ? same : plan.jbps;
}
