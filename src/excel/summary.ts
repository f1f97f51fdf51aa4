/**
 * Build or rebuild the RAG Summary sheet: every figure a formula over the plan tables, RAG colours
 * by conditional format, a native chart of the counts. A rebuild deletes the add-in's own summary
 * sheet and adds the new one in the same request; no other sheet is touched. Three syncs: two to
 * find the plan tables wherever they stand (by header), one to write.
 */
import { readPlan } from "../plan/read";
import { buildSummaryLayout, buildSummarySheetSpec, SUMMARY_MARK, SUMMARY_SHEET_NAME, summaryInput } from "../plan/summary";
import { uniqueSheetName } from "../plan/sheets";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { assertWritable } from "./paintFindings";
import { inputGrids, readWorkbookState, summarySheet } from "./readWorkbookState";
import { capabilities } from "./requirements";
import { queueSheetSpec } from "./writeSheetSpec";

export async function buildSummary(): Promise<{ message: string; sheetName: string }> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    const plan = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    if (plan.japs.length === 0) {
      throw new JointPlanError("noPlan", "There is no JAP table to summarise. Insert a JAP template (or the sample plan) first.");
    }
    // The add-in's own summary (by its mark, never a user's sheet of that name) is rebuilt in place,
    // under the name it has now; a first summary takes a name no sheet has.
    const ownName = summarySheet(state);
    const old = state.sheets.find((s) => s.name === ownName);
    if (old) assertWritable(state, [old.name], "rebuild the RAG Summary");
    const sheetName = old ? old.name : uniqueSheetName(SUMMARY_SHEET_NAME, state.sheets.map((s) => s.name));

    // Formulas cover each Excel table's full range (blank template rows included), plus spare rows.
    const spec = buildSummarySheetSpec(buildSummaryLayout(summaryInput(plan, sheetName, state.tables)));

    if (old) context.workbook.worksheets.getItem(old.name).delete();
    // The old mark, left pointing at #REF! (or at a sheet it no longer names), gives way to the new one.
    if (state.summaryMark !== null) context.workbook.names.getItem(SUMMARY_MARK).delete();
    const ws = context.workbook.worksheets.add(sheetName);
    await queueSheetSpec(context, ws, spec, new Batcher(context));
    ws.position = 0;
    ws.activate();
    await context.sync();
    const japs = plan.japs.length;
    return {
      message: `${old ? "Rebuilt" : "Built"} '${sheetName}' over ${japs} JAP table${japs === 1 ? "" : "s"}${plan.jbps.length ? ` and ${plan.jbps.length} JBP` : ""}. It stays live: every figure is a formula.`,
      sheetName,
    };
  });
}
