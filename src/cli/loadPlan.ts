/**
 * Reads a workbook file and checks it with the core: the shared first half of `check` and `rag`.
 * Unreadable files, workbooks without a plan sheet and plans whose formulas were never calculated
 * become CliErrors (exit 2) with one line.
 */
import * as path from "path";
import { checkWorkbook } from "../plan/rules";
import { type CheckResult, type DateOrder, type SheetGrid, todaySerial } from "../plan/model";
import { readWorkbookFile, WorkbookReadError, type WorkbookFile } from "../xlsx/readXlsx";
import { describeCells, uncalculatedInPlan } from "../xlsx/uncalculatedInPlan";
import { CliError, type CliIo } from "./io";

const RECALCULATE = "open and save the file in Excel or LibreOffice, then run jointplan again";

/**
 * `dateOrder` (--date-order) wins over the Settings' Date order; without it, the Settings' choice,
 * else DMY: a file carries no locale to take the order from, as the add-in does from Excel.
 */
/** The check's result, and the sheets as read (for what the check does not read: the Review Log). */
export type LoadedPlan = CheckResult & { grids: SheetGrid[] };

export async function loadPlan(file: string, options: { asOf?: number; dateOrder?: DateOrder }, io: CliIo): Promise<LoadedPlan> {
  const { result, grids } = await loadPlanFile(file, options, io);
  return { ...result, grids };
}

/** As loadPlan, from the file's bytes when the caller has read them, with the grids read. */
export async function loadPlanFile(file: string, options: { asOf?: number; dateOrder?: DateOrder }, io: CliIo, bytes?: Buffer): Promise<{ result: CheckResult; grids: SheetGrid[] }> {
  let read: WorkbookFile;
  try {
    read = await readWorkbookFile(bytes ?? file, path.basename(file));
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliError(e.message, 2);
    throw e;
  }
  const { grids, uncalculated } = read;
  const name = path.basename(file);
  const result = checkWorkbook(grids, { asOf: options.asOf, dateOrderOverride: options.dateOrder, today: todaySerial(io.now()) });
  if (result.plan.jbps.length === 0 && result.plan.japs.length === 0) {
    // Headers that are formulas never calculated read as blanks: say so rather than "no plan sheet".
    if (uncalculated.length > 0) throw new CliError(`${name} has no plan sheet that can be read: its formulas were never calculated (${describeCells(uncalculated)}): ${RECALCULATE}`, 2);
    const sheets = grids.map((g) => g.name).join(", ") || "none";
    throw new CliError(
      `${name} has no plan sheet: no sheet has JAP headers (ID, Action, Owner, Due, Status) or JBP headers (ID, Objective, Q1 target, FY target); sheets: ${sheets}`,
      2,
    );
  }
  const blanks = uncalculatedInPlan(uncalculated, result.plan);
  if (blanks.length > 0) throw new CliError(`${name}: formulas were never calculated, so the plan cannot be checked (${describeCells(blanks)} in plan tables): ${RECALCULATE}`, 2);
  return { result, grids };
}
