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
import { buildSummaryLayout, buildSummarySheetSpec, SUMMARY_MARK, SUMMARY_SHEET_NAME, summaryInput } from "../plan/summary";
import { uniqueSheetName } from "../plan/sheets";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { assertFormulasFit } from "./formulaCheck";
import { restoreEvents } from "./quietWrites";
import { removeAdded } from "./removeAdded";
import { assertWritable } from "./paintFindings";
import { inputGrids, readWorkbookState, summarySheet } from "./readWorkbookState";
import { capabilities } from "./requirements";
import { queueSheetSpec } from "./writeSheetSpec";

export async function buildSummary(): Promise<{ message: string; sheetName: string }> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    // The summary is about current JAPs: a distributor's earlier months are history.
    const read = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    const plan = currentPlan(read);
    const history = read.japs.length - plan.japs.length;
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
    // The new summary is built whole first (under a temporary name when the old one is there), its
    // mark naming that sheet: Excel keeps the mark right when the sheet takes the old one's name.
    const building = old ? uniqueSheetName(`${SUMMARY_SHEET_NAME} (new)`, state.sheets.map((s) => s.name)) : sheetName;
    const spec = buildSummarySheetSpec(buildSummaryLayout(summaryInput(plan, building, state.tables)));
    assertFormulasFit(`${old ? "rebuild" : "build"} the RAG Summary over ${plan.japs.length} current JAP${plan.japs.length === 1 ? "" : "s"}`, [spec]);
    try {
      // Events off: the live check must not hear the add-in's own writes (see liveCheck.ts).
      if (caps.enableEvents) context.runtime.enableEvents = false;
      // The old mark, left pointing at #REF! (or at a sheet it no longer names), gives way to the new one.
      if (state.summaryMark !== null) context.workbook.names.getItem(SUMMARY_MARK).delete();
      const ws = context.workbook.worksheets.add(building);
      await queueSheetSpec(context, ws, spec, new Batcher(context));
      if (old) {
        context.workbook.worksheets.getItem(old.name).delete();
        ws.name = sheetName;
      }
      ws.position = 0;
      ws.activate();
      if (caps.enableEvents) context.runtime.enableEvents = true;
      await context.sync();
    } catch (e) {
      if (caps.enableEvents) await restoreEvents(context);
      await removeAdded(context, [building], []);
      throw e;
    }
    const japs = plan.japs.length;
    return {
      message: `${old ? "Rebuilt" : "Built"} '${sheetName}' over ${japs} current JAP${japs === 1 ? "" : "s"}${plan.jbps.length ? ` and ${plan.jbps.length} JBP` : ""}${history ? ` (${history} earlier month${history === 1 ? "" : "s"} left out as history)` : ""}. It stays live: every figure is a formula.`,
      sheetName,
    };
  });
}
