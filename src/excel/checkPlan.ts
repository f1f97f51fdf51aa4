/**
 * Check plan: read every sheet in one batch (two syncs), run the core's checkWorkbook, and write
 * the findings in place (one more sync). A user's values, notes, comments and formats are never
 * touched: only the Issues column and the add-in's own notes change.
 */
import { checkWorkbook } from "../plan/check";
import type { Finding } from "../plan/model";
import { overviewOf, type Overview } from "../plan/overview";
import type { CheckResult } from "../plan/plan";
import { todaySerial } from "../plan/serialDate";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { MAX_ADDIN_NOTES, assertWritable, planPaint, queuePaint, type PaintPlan } from "./paintFindings";
import { gridValueAt, inputGrids, readWorkbookState, type WorkbookState } from "./readWorkbook";
import { restoreEvents } from "./repairs";
import { NOTES_UNSUPPORTED_MESSAGE, capabilities, type Capabilities } from "./requirements";

export interface CheckOutcome {
  message: string;
  errors: number;
  warnings: number;
  findings: Finding[];
  overview: Overview;
}

/** Runs the core on what was read, and records on each repair the value the check saw. */
export function checkState(state: WorkbookState): CheckResult {
  const result = checkWorkbook(inputGrids(state), { today: todaySerial(new Date()) });
  for (const f of result.findings) {
    if (f.repair && f.repair.was === undefined) f.repair.was = gridValueAt(state.grids, f.repair.sheet, f.repair.cell) ?? null;
  }
  return result;
}

/** The plan sheets a check found (their ids are what the live check listens to). */
export function planSheets(result: CheckResult): Set<string> {
  return new Set([...result.plan.japs, ...result.plan.jbps].map((p) => p.placement.sheet));
}

function summaryMessage(result: CheckResult, errors: number, warnings: number, caps: Capabilities, paint: PaintPlan): string {
  const overCap = paint.notesOverCap;
  const sheets = planSheets(result).size;
  if (sheets === 0) return "No JBP or JAP table found. Insert a template (or the sample plan) first.";
  const counts =
    errors + warnings === 0
      ? "no problems found"
      : `${errors} error${errors === 1 ? "" : "s"} and ${warnings} warning${warnings === 1 ? "" : "s"}`;
  const notes = !caps.notes
    ? ` ${NOTES_UNSUPPORTED_MESSAGE}`
    : overCap > 0
      ? ` Each is in the Issues column; notes mark the first ${MAX_ADDIN_NOTES} cells (errors first).`
      : " Each is in the Issues column and in a note on its cell.";
  const locked = [...paint.protectedNoteSheets].map((s) => `'${s}'`);
  const lockedNote = locked.length ? ` ${locked.join(", ")} ${locked.length === 1 ? "is" : "are"} protected, so ${locked.length === 1 ? "its" : "their"} findings are in the task pane only.` : "";
  return `Checked ${sheets} plan sheet${sheets === 1 ? "" : "s"}: ${counts}.${errors + warnings > 0 ? notes : ""}${lockedNote}`;
}

/**
 * One check inside a batch: read, check, paint, sync. Three syncs in all (more only when the
 * writes pass 4 MB). Used by checkPlan and by the live check.
 */
export async function checkInContext(
  context: Excel.RequestContext,
  caps: Capabilities,
  onProgress?: (done: number, total: number) => void,
): Promise<{ state: WorkbookState; result: CheckResult; paint: PaintPlan }> {
  const total = 3;
  onProgress?.(0, total);
  const state = await readWorkbookState(context, caps, { notes: caps.notes });
  onProgress?.(1, total);
  const result = checkState(state);
  onProgress?.(2, total);
  const paint = planPaint(state, result, caps.notes);
  assertWritable(state, paint.sheets, "write its findings there");
  const writes = paint.issues.length + paint.notesToAdd.length + paint.notesToUpdate.length + paint.notesToDelete.length;
  if (writes > 0) {
    // Events off while we write, so our own changes never trigger a re-check.
    if (caps.enableEvents) context.runtime.enableEvents = false;
    await queuePaint(context, paint, new Batcher(context));
    if (caps.enableEvents) context.runtime.enableEvents = true;
    try {
      await context.sync();
    } catch (e) {
      if (caps.enableEvents) await restoreEvents(context);
      throw e;
    }
  }
  onProgress?.(total, total);
  return { state, result, paint };
}

export async function checkPlan(options: { onProgress?: (done: number, total: number) => void } = {}): Promise<CheckOutcome> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const { result, paint } = await checkInContext(context, caps, options.onProgress);
    const errors = result.findings.filter((f) => f.severity === "error").length;
    const warnings = result.findings.length - errors;
    return { message: summaryMessage(result, errors, warnings, caps, paint), errors, warnings, findings: result.findings, overview: overviewOf(result) };
  });
}

/** Reads and computes; writes nothing. Two syncs. */
export async function getOverview(): Promise<Overview> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    return overviewOf(checkState(state));
  });
}
