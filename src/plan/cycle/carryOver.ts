/**
 * Start next month: a new JAP for the month after the current one, with every open action carried
 * over (not Done, not Cancelled) exactly as it stands: same ID, objective link, progress, dates,
 * Last update and every other cell the user typed. The review comments stay in the Review Log (the
 * history); the add-in's own columns (RAG, Issues) are the new sheet's to compute. Done and
 * Cancelled actions stay in the old month only, and the old JAP is not changed.
 */
import { addMonths, type CellValue, isErrorCell, isOpenStatus, japCycle, type JapPlan, type JbpPlan } from "../model";
import { JAP } from "../layouts";
import { actionInUse } from "../rag";

export interface CarriedJap {
  distributor: string;
  /** First day of the new month. */
  month: number;
  /** The JBP sheet the old JAP linked to ("" for none). */
  jbpSheet: string;
  /** The carried actions' cells by column key, in the old JAP's order. */
  actions: Record<string, CellValue>[];
  carried: string[];
  /** IDs (or row numbers) of the Done and Cancelled actions that stay behind. */
  leftBehind: string[];
}

/** The columns a person types: carried as they stand (formula and add-in columns are not). */
const CARRIED_KEYS = JAP.columns.filter((c) => c.owner === "user").map((c) => c.key);

/** The next month's JAP from `jap`, or a sentence saying why it cannot be made. */
export function carryOver(jap: JapPlan, jbps: readonly JbpPlan[] = []): CarriedJap | string {
  const cycle = japCycle(jap, jbps);
  if (cycle.month === null) return `'${jap.position.sheet}' has no Month, so there is no next month to start. Type its Month (such as 2026-03) first.`;
  const month = addMonths(cycle.month, 1);
  if (month === null) return `'${jap.position.sheet}' is the last month a workbook can hold.`;
  const out: CarriedJap = { distributor: cycle.distributor, month, jbpSheet: jap.header.jbpSheet, actions: [], carried: [], leftBehind: [] };
  for (const a of jap.actions) {
    if (!actionInUse(a)) continue;
    const name = a.id.trim() || `row ${a.source.row + 1}`;
    if (!isOpenStatus(a.status)) {
      out.leftBehind.push(name);
      continue;
    }
    const row: Record<string, CellValue> = {};
    for (const key of CARRIED_KEYS) {
      const raw = a.source.raw[key];
      // An error value (a formula's #REF!) is no value to carry: the cell starts blank.
      if (raw !== undefined && !isErrorCell(raw)) row[key] = raw;
    }
    out.actions.push(row);
    out.carried.push(name);
  }
  return out;
}
