/**
 * Build or rebuild the RAG Summary sheet: every figure a formula over the plan tables, RAG colours
 * by conditional format, a native chart of the counts. A rebuild writes the new summary whole
 * under a temporary name, and only then deletes the add-in's own old summary and gives the new one
 * its name, in the same request; every formula is checked before anything is queued, and if Excel
 * still refuses a write the new sheet is deleted again: a failure leaves the workbook as it was.
 * No other sheet is touched. Three syncs: two to find the plan tables wherever they stand (by
 * header), one to write.
 */
import { readPlan } from "../plan/read";
import { currentPlan } from "../plan/model";
import { buildSummaryLayout, buildSummarySheetSpec, SUMMARY_MARK, SUMMARY_SHEET_NAME, summaryInput, type SummaryInput } from "../plan/summary";
import { uniqueSheetName } from "../plan/sheets";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { assertFormulasFit } from "./formulaCheck";
import { restoreEvents } from "./quietWrites";
import { removeAdded } from "./removeAdded";
import { assertWritable } from "./paintFindings";
import { inputGrids, readWorkbookState, summarySheet, type WorkbookState } from "./readWorkbookState";
import { capabilities } from "./requirements";
import { reviewLogTable } from "./recordReview";
import { queueSheetSpec } from "./writeSheetSpec";

export async function buildSummary(): Promise<{ message: string; sheetName: string }> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    // The summary is about current JAPs: a distributor's earlier months are history.
    const read = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    const plan = currentPlan(read);
    const history = read.japs.length - plan.japs.length;
    const old = summarySheet(state) !== null;
    if (plan.japs.length === 0) {
      throw new JointPlanError("noPlan", "There is no JAP table to summarise. Insert a JAP template (or the sample plan) first.");
    }
    const { sheetName } = await writeSummary(context, state, (building) => summaryInput(plan, building, state.tables, { reviewLog: reviewLogTable(state)?.position ?? null }), `the RAG Summary over ${plan.japs.length} current JAP${plan.japs.length === 1 ? "" : "s"}`);
    const japs = plan.japs.length;
    return {
      message: `${old ? "Rebuilt" : "Built"} '${sheetName}' over ${japs} current JAP${japs === 1 ? "" : "s"}${plan.jbps.length ? ` and ${plan.jbps.length} JBP` : ""}${history ? ` (${history} earlier month${history === 1 ? "" : "s"} left out as history)` : ""}. It stays live: every figure is a formula.`,
      sheetName,
    };
  });
}

/** The summary sheet to write: the add-in's own one's name (rebuilt in place) or a free one; the old sheet, if any. */
export function summaryTarget(state: WorkbookState): { sheetName: string; old: string | null; building: string } {
  const ownName = summarySheet(state);
  const old = state.sheets.find((s) => s.name === ownName)?.name ?? null;
  const names = state.sheets.map((s) => s.name);
  const sheetName = old ?? uniqueSheetName(SUMMARY_SHEET_NAME, names);
  // Built whole first, under a temporary name when the old one is there; its mark names that
  // sheet, and Excel keeps the mark right when the sheet takes the old one's name.
  const building = old ? uniqueSheetName(`${SUMMARY_SHEET_NAME} (new)`, names) : sheetName;
  return { sheetName, old, building };
}

/**
 * Queues a summary sheet (from `input(sheetName)`) in place of the add-in's own old one, nothing
 * synced: formulas checked first, the new sheet written whole, then the old one deleted and the new
 * one renamed. The caller syncs, and removes `building` again if the sync fails.
 */
export async function queueSummary(context: Excel.RequestContext, state: WorkbookState, input: (sheetName: string) => SummaryInput, what: string, batcher: Batcher): Promise<{ sheetName: string; building: string; sheet: Excel.Worksheet }> {
  const { sheetName, old, building } = summaryTarget(state);
  if (old) assertWritable(state, [old], "rebuild the RAG Summary");
  const spec = buildSummarySheetSpec(buildSummaryLayout(input(building)));
  assertFormulasFit(`${old ? "rebuild" : "build"} ${what}`, [spec]);
  // The old mark, left pointing at #REF! (or at a sheet it no longer names), gives way to the new one.
  if (state.summaryMark !== null) context.workbook.names.getItem(SUMMARY_MARK).delete();
  const ws = context.workbook.worksheets.add(building);
  await queueSheetSpec(context, ws, spec, batcher);
  if (old) {
    context.workbook.worksheets.getItem(old).delete();
    ws.name = sheetName;
  }
  return { sheetName, building, sheet: ws };
}

/** Writes the summary (queueSummary), events off, in one sync; a failure leaves the workbook as it was. */
async function writeSummary(context: Excel.RequestContext, state: WorkbookState, input: (sheetName: string) => SummaryInput, what: string): Promise<{ sheetName: string }> {
  const caps = capabilities();
  const building = summaryTarget(state).building;
  try {
    // Events off: the live check must not hear the add-in's own writes (see liveCheck.ts).
    if (caps.enableEvents) context.runtime.enableEvents = false;
    const queued = await queueSummary(context, state, input, what, new Batcher(context));
    queued.sheet.position = 0;
    queued.sheet.activate();
    if (caps.enableEvents) context.runtime.enableEvents = true;
    await context.sync();
    return { sheetName: queued.sheetName };
  } catch (e) {
    if (caps.enableEvents) await restoreEvents(context);
    await removeAdded(context, [building], []);
    throw e;
  }
}
