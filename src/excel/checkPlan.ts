/**
 * Check plan: read every sheet in one batch (two syncs), run the core's checkWorkbook, and write
 * the findings in place (one more sync). A user's values, notes, comments and formats are never
 * touched: only the Issues column, the add-in's own notes and the JBP's action-count formulas
 * (when they no longer count the workbook's JAP tables) change.
 */
import { checkWorkbook } from "../plan/rules";
import { type CheckResult, type Finding, planRowCounts, type PlanWorkbook, todaySerial } from "../plan/model";
import { type Overview, overviewOf } from "../plan/summary";
import { runExcel } from "./context";
import { MAX_ADDIN_NOTES, assertWritable, paintBatch, queuePaint, type PaintBatch } from "./paintFindings";
import { writeQuietly } from "./quietWrites";
import { recountWrites, queueRecount, recountMessage, type Recount } from "./jbpRecount";
import { gridValueAt, inputGrids, readWorkbookState, type WorkbookState } from "./readWorkbookState";
import { NOTES_UNSUPPORTED_MESSAGE, capabilities, type Capabilities } from "./requirements";

export interface CheckOutcome {
  message: string;
  errors: number;
  warnings: number;
  findings: Finding[];
  overview: Overview;
}

/** A check's progress: `done` of `total` plan rows (JAP actions and JBP objectives). */
export type CheckProgress = (done: number, total: number) => void;

/** The rows of the plan's tables, the unit of a check's progress. */
export function planRows(plan: PlanWorkbook): number {
  const { actions, objectives } = planRowCounts(plan);
  return actions + objectives;
}

/**
 * Runs the core on what was read, and records on each repair the value the check saw. `onRead`
 * gets the plan once it is read, before its rows are validated.
 */
export function checkState(state: WorkbookState, onRead?: (plan: PlanWorkbook) => void): CheckResult {
  const result = checkWorkbook(inputGrids(state), { today: todaySerial(new Date()), dateOrder: state.dateOrder, onRead });
  for (const f of result.findings) {
    for (const r of [f.repair, f.alternative]) if (r && r.was === undefined) r.was = gridValueAt(state.grids, r.sheet, r.cell) ?? null;
  }
  return result;
}

/** The plan sheets a check found (their ids are what the live check listens to). */
export function planSheetNames(result: CheckResult): Set<string> {
  return new Set([...result.plan.japs, ...result.plan.jbps].map((p) => p.position.sheet));
}

function summaryMessage(result: CheckResult, errors: number, warnings: number, caps: Capabilities, paint: PaintBatch, recount: Recount): string {
  const overCap = paint.notesOverCap;
  const sheets = planSheetNames(result).size;
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
  return `Checked ${sheets} plan sheet${sheets === 1 ? "" : "s"}: ${counts}.${errors + warnings > 0 ? notes : ""}${userIssuesMessage(paint)}${lockedNote}${recountMessage(recount)}`;
}

/** The number of writes a paint plan queues (none: nothing to sync). */
export const paintWrites = (paint: PaintBatch): number => paint.marks.length + paint.issues.length + paint.notesToAdd.length + paint.notesToUpdate.length + paint.notesToDelete.length;

/** What the paint left alone of the user's: an Issues column of their own, Issues cells they typed over. */
export function userIssuesMessage(paint: PaintBatch): string {
  const columns = paint.userIssuesColumns;
  const own = columns.length
    ? ` ${columns.length === 1 ? `The Issues column at ${columns[0]} holds` : `The Issues columns at ${columns.join(", ")} hold`} text JointPlan did not write, so ${columns.length === 1 ? "it was" : "they were"} left as ${columns.length === 1 ? "it is" : "they are"}: ${columns.length === 1 ? "its" : "their"} findings are in notes and the task pane.`
    : "";
  const cells = paint.userIssuesCells;
  const typed = cells ? ` ${cells} Issues cell${cells === 1 ? "" : "s"} hold${cells === 1 ? "s" : ""} text JointPlan did not write and ${cells === 1 ? "was" : "were"} left as ${cells === 1 ? "it is" : "they are"}.` : "";
  return own + typed;
}

/**
 * One check inside a batch: read, check, paint (and rewrite stale JBP counts), sync. Three syncs in
 * all, two when nothing changes (more only when the writes pass 4 MB). Used by checkPlan and by the
 * live check.
 *
 * `onProgress(done, total)` counts plan rows: (0, N) once the N rows are read, (N, N) once every
 * row is validated (the core checks them all at once), and (N, N) again once the findings are
 * written to the workbook. Before the read nothing is known, so nothing is reported.
 */
export async function checkInContext(
  context: Excel.RequestContext,
  caps: Capabilities,
  onProgress?: CheckProgress,
): Promise<{ state: WorkbookState; result: CheckResult; paint: PaintBatch; recount: Recount }> {
  const state = await readWorkbookState(context, caps, { notes: caps.notes });
  let total = 0;
  const result = checkState(state, (plan) => {
    total = planRows(plan);
    onProgress?.(0, total);
  });
  onProgress?.(total, total);
  const paint = paintBatch(state, result, caps.notes);
  assertWritable(state, paint.sheets, "write its findings there");
  // Never on a protected sheet (recountWrites leaves those out and the message says so).
  const recount = recountWrites(state, result);
  if (paintWrites(paint) + recount.writes.length > 0) {
    await writeQuietly(context, caps, async (batcher) => {
      await queuePaint(context, paint, batcher);
      await queueRecount(context, recount.writes, batcher);
    });
  }
  onProgress?.(total, total);
  return { state, result, paint, recount };
}

export async function checkPlan(options: { onProgress?: CheckProgress } = {}): Promise<CheckOutcome> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const { result, paint, recount } = await checkInContext(context, caps, options.onProgress);
    const errors = result.findings.filter((f) => f.severity === "error").length;
    const warnings = result.findings.length - errors;
    return { message: summaryMessage(result, errors, warnings, caps, paint, recount), errors, warnings, findings: result.findings, overview: overviewOf(result) };
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
