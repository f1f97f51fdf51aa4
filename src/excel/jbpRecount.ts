/**
 * Check plan keeps the JBP's action-count formulas (Red / Amber / Green actions) counting over the
 * JAP tables the workbook holds now: a JAP sheet added, copied, deleted (#REF!), renamed or grown
 * since the counts were written leaves them stale. What to rewrite is the core's
 * (jbpFormulaRefreshAll); this file matches it to what was read, keeps it off protected sheets and
 * queues the writes in the check's one write request. Nothing here syncs.
 */
import { type FormulaWrite, JBP_COUNT_KEYS, type JbpCountKey, jbpFormulaRefreshAll } from "../plan/sheets";
import { type CheckResult, currentJaps, type JbpPlan } from "../plan/model";
import type { Batcher } from "./batches";
import { formulaProblemsOf } from "./formulaCheck";
import type { WorkbookState } from "./readWorkbookState";

export interface Recount {
  /** Count cells to rewrite, in runs (none when the counts are up to date). */
  writes: FormulaWrite[];
  /** Protected JBP sheets whose counts are stale and were left as they are. */
  lockedSheets: Set<string>;
  /** Why the counts could not be rewritten at all (too many JAP tables for one formula), or null. */
  problem: string | null;
}

/**
 * A JBP as the recount sees it: its count columns whose formulas were read (from the Excel table
 * whose header row is the JBP's, at the same sheet column), and those formulas. A JBP that is not
 * an Excel table, or a count column not read, is left alone: writing blind could overwrite a number
 * someone typed there.
 */
function readJbp(state: WorkbookState, jbp: JbpPlan): { jbp: JbpPlan; current: Partial<Record<JbpCountKey, readonly unknown[]>> } | null {
  const p = jbp.position;
  const read = state.jbpCountFormulas.find((t) => t.position.sheet === p.sheet && t.position.headerRow === p.headerRow);
  if (!read) return null;
  const columns = { ...p.columns };
  const current: Partial<Record<JbpCountKey, readonly unknown[]>> = {};
  for (const key of JBP_COUNT_KEYS) {
    const formulas = read.formulas[key];
    if (formulas !== undefined && read.position.columns[key] === columns[key]) current[key] = formulas;
    else delete columns[key];
  }
  return { jbp: { ...jbp, position: { ...p, columns } }, current };
}

/** What the check rewrites of the JBPs' count formulas, given what it read and found. */
export function recountWrites(state: WorkbookState, result: CheckResult): Recount {
  const out: Recount = { writes: [], lockedSheets: new Set(), problem: null };
  try {
    // History months are not counted again: the counts read the current JAPs only.
    const japs = currentJaps(result.plan);
    for (const jbp of result.plan.jbps) {
      const r = readJbp(state, jbp);
      if (!r) continue;
      const writes = jbpFormulaRefreshAll({ japs, jbps: [r.jbp] }, state.tables, () => r.current);
      if (writes.length === 0) continue;
      if (state.sheets.some((s) => s.name === jbp.position.sheet && s.protected)) out.lockedSheets.add(jbp.position.sheet);
      else out.writes.push(...writes);
    }
  } catch (e) {
    // Only a formula past Excel's length limit (some 70 JAP tables): the check itself goes on.
    return { writes: [], lockedSheets: new Set(), problem: (e as Error).message };
  }
  // Nothing Excel would refuse is queued: the check's findings are still written.
  const refused = formulaProblemsOf([], out.writes)[0];
  if (refused) return { writes: [], lockedSheets: out.lockedSheets, problem: `the formula for ${refused.where} would be ${refused.problem}, which Excel refuses.` };
  return out;
}

/** Queues the formula writes, in slices that fit a request. */
export async function queueRecount(context: Excel.RequestContext, writes: FormulaWrite[], batcher: Batcher): Promise<void> {
  for (const w of writes) {
    const ws = context.workbook.worksheets.getItem(w.sheetName);
    await batcher.addRows(w.address, w.formulas, (address, slice) => {
      ws.getRange(address).formulas = slice;
    });
  }
}

const quoted = (sheets: Iterable<string>): string[] => [...sheets].map((s) => `'${s}'`);

/** What the check's message says of the counts: rewritten, left stale on a protected sheet, or not possible. */
export function recountMessage(recount: Recount): string {
  const parts: string[] = [];
  const written = quoted(new Set(recount.writes.map((w) => w.sheetName)));
  if (written.length) parts.push(`Updated the Red/Amber/Green action counts on ${written.join(", ")} to count every current JAP.`);
  const locked = quoted(recount.lockedSheets);
  if (locked.length) {
    const one = locked.length === 1;
    parts.push(
      `${locked.join(", ")} ${one ? "is" : "are"} protected, so ${one ? "its" : "their"} Red/Amber/Green action counts do not count the current JAPs: unprotect ${one ? "it" : "them"} and run Check plan.`,
    );
  }
  if (recount.problem) parts.push(`The JBP's action counts were not updated: ${recount.problem}`);
  return parts.length ? ` ${parts.join(" ")}` : "";
}
