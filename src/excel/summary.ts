/**
 * Build or rebuild the RAG Summary sheet: every figure a formula over the plan tables, RAG colours
 * by conditional format, a native chart of the counts. A rebuild writes the new summary whole
 * under a temporary name, and only then deletes the add-in's own old summary and gives the new one
 * its name, in the same request; every formula is checked before anything is queued, and if Excel
 * still refuses a write the new sheet is deleted again: a failure leaves the workbook as it was.
 * No other sheet is touched. Three syncs: two to find the plan tables wherever they stand (by
 * header), one to write.
 */
import { parseRangeA1 } from "../plan/a1";
import { readWorkbook } from "../plan/read";
import { buildSummaryLayout } from "../plan/summaryLayout";
import { SUMMARY_SHEET_NAME, SUMMARY_TITLE, buildSummarySheetSpec, summaryInput } from "../plan/summarySheetSpec";
import { uniqueSheetName } from "../plan/uniqueNames";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { assertFormulasFit } from "./formulaCheck";
import { restoreEvents } from "./quietWrites";
import { removeAdded } from "./removeAdded";
import { assertWritable } from "./paintFindings";
import { gridValueAt, inputGrids, readWorkbookState } from "./readWorkbook";
import { capabilities } from "./requirements";
import { queueSheetSpec } from "./writeSheetSpec";

export async function buildSummary(): Promise<{ message: string; sheetName: string }> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    const plan = readWorkbook(inputGrids(state), { dateOrder: state.dateOrder });
    if (plan.japs.length === 0) {
      throw new JointPlanError("noPlan", "There is no JAP table to summarise. Insert a JAP template (or the sample plan) first.");
    }
    // The add-in's own summary: the sheet of that name whose A1 holds the summary's title.
    const old = state.sheets.find((s) => s.name.toLowerCase() === SUMMARY_SHEET_NAME.toLowerCase() && gridValueAt(state.grids, s.name, "A1") === SUMMARY_TITLE);
    if (old) assertWritable(state, [old.name], "rebuild the RAG Summary");
    const taken = state.sheets.filter((s) => s !== old).map((s) => s.name);
    const sheetName = uniqueSheetName(SUMMARY_SHEET_NAME, taken);

    // Formulas cover each Excel table's full range (blank template rows included), plus spare rows.
    const lastRows = new Map<string, number>();
    for (const t of state.tables) {
      const r = parseRangeA1(t.address);
      if (r) lastRows.set(t.sheet, Math.max(lastRows.get(t.sheet) ?? 0, r.lastRow));
    }
    const spec = buildSummarySheetSpec(buildSummaryLayout(summaryInput(plan, sheetName, lastRows)));
    assertFormulasFit(`${old ? "rebuild" : "build"} the RAG Summary over ${plan.japs.length} JAP table${plan.japs.length === 1 ? "" : "s"}`, [spec]);

    // The new summary is built whole first (under a temporary name when the old one is there).
    const building = old ? uniqueSheetName(`${SUMMARY_SHEET_NAME} (new)`, state.sheets.map((s) => s.name)) : sheetName;
    try {
      // Events off: the live check must not hear the add-in's own writes (see liveCheck.ts).
      if (caps.enableEvents) context.runtime.enableEvents = false;
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
      message: `${old ? "Rebuilt" : "Built"} '${sheetName}' over ${japs} JAP table${japs === 1 ? "" : "s"}${plan.jbps.length ? ` and ${plan.jbps.length} JBP` : ""}. It stays live: every figure is a formula.`,
      sheetName,
    };
  });
}
