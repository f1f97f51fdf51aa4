/**
 * A year of monthly cycles on files, as a planner runs them: each month `review`, then one action
 * done and one added in the current JAP (as a person would type them), then `next-month`; twelve
 * reviews and eleven carry-overs from a generated plan of twenty actions starting in January 2026.
 * Shared by the year-of-cycles test and the LibreOffice test of the final file.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { JAP } from "../../src/plan/layouts";
import { currentJaps, isOpenStatus, serialFromYmd, type CheckResult } from "../../src/plan/model";
import { checkWorkbook } from "../../src/plan/rules";
import { newWorkbookSpecs } from "../../src/plan/workbook";
import { editLogTable } from "../../src/xlsx/logTable";
import { ragCachedValues } from "../../src/xlsx/ragCachedValues";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { generatedInput } from "../xlsx/fixtures";
import { cli } from "./runCli";

/** The plan's as-of date, fixed so that the engine and a spreadsheet judge on the same day. */
export const YEAR_AS_OF = serialFromYmd(2026, 12, 18)!;

export interface MonthStep {
  month: number;
  reviewed: string;
  /** After one action was done and one added (absent for December). */
  edited?: string;
  /** After next-month (absent for December). */
  next?: string;
  reviewOut: string;
  nextOut?: string;
}

export const planOfFile = async (file: string): Promise<CheckResult> => checkWorkbook(await readXlsx(readFileSync(file)), { today: YEAR_AS_OF });

/** In the current JAP: the first open action done, and a new action typed below the last row. */
async function doneAndAdded(input: string, output: string, month: number): Promise<void> {
  const { plan } = await planOfFile(input);
  const jap = currentJaps(plan)[0];
  const open = jap.actions.find((a) => a.id !== "" && isOpenStatus(a.status) && a.status !== "Not started")!;
  const template = jap.actions.find((a) => a.id !== "")!;
  const bytes = await rewriteWorkbook(readFileSync(input), (wb) => {
    const ws = wb.getWorksheet(jap.position.sheet)!;
    ws.getCell(open.source.row + 1, jap.position.columns.status + 1).value = "Done";
    ws.getCell(open.source.row + 1, jap.position.columns.pctComplete + 1).value = 1;
    const raw = template.source.raw;
    const row = { ...raw, id: `N-${String(month).padStart(2, "0")}`, action: `Action added in month ${month}`, status: "Not started", pctComplete: 0, start: serialFromYmd(2026, month, 20), due: serialFromYmd(2026, month + 1, 20), actual: null, rag: null, issues: null };
    const formats = Object.fromEntries(JAP.columns.map((c) => [c.key, c.numberFormat]));
    editLogTable(ws, { position: jap.position, remove: new Set(), append: [row], formats });
  });
  writeFileSync(output, bytes);
}

/** Runs the year in `dir`; returns each month's files and the commands' outputs. */
export async function runYear(dir: string): Promise<MonthStep[]> {
  const input = generatedInput(20);
  input.settings = { ...input.settings, asOf: YEAR_AS_OF };
  input.jbp = { ...input.jbp, header: { ...input.jbp.header, year: 2026, periodStart: serialFromYmd(2026, 1, 1), periodEnd: serialFromYmd(2026, 12, 31) } };
  input.jap = { ...input.jap, header: { ...input.jap.header, month: serialFromYmd(2026, 1, 1) } };
  const specs = newWorkbookSpecs(input);
  let file = path.join(dir, "m01.xlsx");
  writeFileSync(file, (await writeXlsx(specs, [], { cachedValues: ragCachedValues(specs, YEAR_AS_OF) })).bytes);
  const steps: MonthStep[] = [];
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, "0");
    const reviewed = path.join(dir, `m${mm}-reviewed.xlsx`);
    const review = await cli("review", file, reviewed, "--date", `2026-${mm}-18`);
    if (review.code !== 0) throw new Error(`review of month ${month}: ${review.err}`);
    const step: MonthStep = { month, reviewed, reviewOut: review.out };
    steps.push(step);
    if (month === 12) break;
    step.edited = path.join(dir, `m${mm}-edited.xlsx`);
    await doneAndAdded(reviewed, step.edited, month);
    step.next = path.join(dir, `m${String(month + 1).padStart(2, "0")}.xlsx`);
    const next = await cli("next-month", step.edited, step.next);
    if (next.code !== 0) throw new Error(`next-month of month ${month}: ${next.err}`);
    step.nextOut = next.out;
    file = step.next;
  }
  return steps;
}
