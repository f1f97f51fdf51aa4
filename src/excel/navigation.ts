/** Go to a cell, and list the plan sheets for the task pane's pickers. */
import { parseCellA1, ymdFromSerial } from "../plan/model";
import { readPlan } from "../plan/read";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { inputGrids, readWorkbookState } from "./readWorkbookState";
import { capabilities } from "./requirements";

/** Activates the sheet and selects the cell. Two syncs: the sheet is looked up first, so a deleted sheet gets a clear message. */
export async function goToCell(sheet: string, cell: string): Promise<void> {
  if (!parseCellA1(cell)) throw new JointPlanError("invalidInput", `'${cell}' is not a cell address.`);
  return runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    // Queued on the null object too: Excel skips it, and the check after the sync says why.
    ws.load("name");
    await context.sync();
    if (ws.isNullObject) {
      throw new JointPlanError("sheetMissing", `Sheet '${sheet}' is no longer in the workbook (deleted or renamed). Run Check plan again.`);
    }
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

export interface PlanSheets {
  jbps: { sheet: string; distributor: string; year: number | null }[];
  japs: { sheet: string; distributor: string; month: number | null }[];
}

/** JBP and JAP tables found by header, with what their header blocks say. Two syncs. */
export async function listPlanSheets(): Promise<PlanSheets> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    const plan = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    return {
      jbps: plan.jbps.map((j) => ({ sheet: j.position.sheet, distributor: j.header.distributor, year: j.header.year })),
      japs: plan.japs.map((j) => ({ sheet: j.position.sheet, distributor: j.header.distributor, month: j.header.month })),
    };
  });
}

/** "2026-03" for a JAP's month serial, for labels. */
export function monthLabel(serial: number | null): string {
  const d = serial === null ? null : ymdFromSerial(serial);
  return d ? `${d.y}-${String(d.m).padStart(2, "0")}` : "";
}
