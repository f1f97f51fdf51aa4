/**
 * Build or rebuild the RAG Summary sheet: every figure a formula over the plan tables, RAG colours
 * by conditional format, a native chart of the counts. A rebuild deletes the add-in's own summary
 * sheet and adds the new one in the same request; no other sheet is touched. Three syncs: two to
 * find the plan tables wherever they stand (by header), one to write.
 */
import { readPlan } from "../plan/read/readPlan";
import { buildSummaryLayout } from "../plan/summary/summaryLayout";
import { SUMMARY_SHEET_NAME, SUMMARY_TITLE, buildSummarySheetSpec, summaryInput } from "../plan/summary/summarySheetSpec";
import { uniqueSheetName } from "../plan/sheets/uniqueNames";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { assertWritable } from "./paintFindings";
import { gridValueAt, inputGrids, readWorkbookState } from "./readWorkbookState";
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
    // The add-in's own summary: the sheet of that name whose A1 holds the summary's title.
    const old = state.sheets.find((s) => s.name.toLowerCase() === SUMMARY_SHEET_NAME.toLowerCase() && gridValueAt(state.grids, s.name, "A1") === SUMMARY_TITLE);
    if (old) assertWritable(state, [old.name], "rebuild the RAG Summary");
    const taken = state.sheets.filter((s) => s !== old).map((s) => s.name);
    const sheetName = uniqueSheetName(SUMMARY_SHEET_NAME, taken);

    // Formulas cover each Excel table's full range (blank template rows included), plus spare rows.
    const spec = buildSummarySheetSpec(buildSummaryLayout(summaryInput(plan, sheetName, state.tables)));

    if (old) context.workbook.worksheets.getItem(old.name).delete();
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
