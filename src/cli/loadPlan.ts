/**
 * Reads a workbook file and checks it with the core: the shared first half of `check` and `rag`.
 * Unreadable files and workbooks without a plan sheet become CliErrors (exit 2) with one line.
 */
import * as path from "path";
import { checkWorkbook } from "../plan/rules";
import { type CheckResult, type DateOrder, todaySerial } from "../plan/model";
import { readXlsx, WorkbookReadError } from "../xlsx/readXlsx";
import { CliError, type CliIo } from "./io";

/**
 * `dateOrder` (--date-order) wins over the Settings' Date order; without it, the Settings' choice,
 * else DMY: a file carries no locale to take the order from, as the add-in does from Excel.
 */
export async function loadPlan(file: string, options: { asOf?: number; dateOrder?: DateOrder }, io: CliIo): Promise<CheckResult> {
  let grids;
  try {
    grids = await readXlsx(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliError(e.message, 2);
    throw e;
  }
  const result = checkWorkbook(grids, { asOf: options.asOf, dateOrderOverride: options.dateOrder, today: todaySerial(io.now()) });
  if (result.plan.jbps.length === 0 && result.plan.japs.length === 0) {
    const sheets = grids.map((g) => g.name).join(", ") || "none";
    throw new CliError(
      `${path.basename(file)} has no plan sheet: no sheet has JAP headers (ID, Action, Owner, Due, Status) or JBP headers (ID, Objective, Q1 target, FY target); sheets: ${sheets}`,
      2,
    );
  }
  return result;
}
