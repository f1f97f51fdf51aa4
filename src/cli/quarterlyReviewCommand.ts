/**
 * `jointplan quarterly-review IN.xlsx OUT.xlsx`: records the quarterly review of every JBP in a copy
 * of the input: one row per objective in the Quarterly Reviews table (its quarter's target and
 * actual, the YTD figures by the pro-rata rule, the RAG of the YTD attainment, the meeting's
 * comment), and the JBP's "Last quarterly review" set to the review date. The quarter is the last
 * one ended by the review date. The same JBP's same quarter recorded on the same date again replaces
 * its rows, keeping the comments given then. The rows are the cycle room's (quarterlyReviewRows,
 * replacedQuarterlyRows); this file only places them in the file.
 */
import * as path from "path";
import { keepEarlierComments, lastReviewCell, quarterlyReviewRows, readQuarterlyReviews, readReviewLog, replacedQuarterlyRows, type QuarterlyReviewRow } from "../plan/cycle";
import { JBP, QUARTERLY_REVIEW, columnFormat } from "../plan/layouts";
import { isoFromSerial, todaySerial, type JbpPlan } from "../plan/model";
import { buildTableSheetSpec, TEMPLATE_REVIEW_ROWS } from "../plan/sheets";
import { editLogTable, LogTableError } from "../xlsx/logTable";
import { rewriteWorkbook } from "../xlsx/rewriteWorkbook";
import { addSheetSpec } from "../xlsx/sheetEdits";
import type { ReviewOptions } from "./args";
import { CliError, type CliIo } from "./io";
import { writeOutputFile } from "./outputFile";
import { workbookNames } from "./reviewCommand";
import { readForRewrite } from "./rewriteInput";
import { plural } from "./table";
import { terminalLines } from "./terminalText";

const FORMATS: Record<string, string> = Object.fromEntries(QUARTERLY_REVIEW.columns.map((c) => [c.key, columnFormat(QUARTERLY_REVIEW, c.key)]));
const DATE_FORMAT = JBP.headerBlock.find((f) => f.key === "lastReview")!.numberFormat;

interface JbpReview {
  jbp: JbpPlan;
  rows: QuarterlyReviewRow[];
  /** Where the JBP's "Last quarterly review" value goes (0-based), or null when its header has no such label. */
  lastReview: { row: number; col: number } | null;
}

const colours = (rows: readonly QuarterlyReviewRow[]): string =>
  (["Red", "Amber", "Green", "Grey"] as const)
    .map((c) => [c, rows.filter((r) => r.rag === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${c}`)
    .join(", ");

export async function runQuarterlyReview(file: string, out: string, options: ReviewOptions, io: CliIo): Promise<number> {
  const input = await readForRewrite(file, out, options, io);
  const plan = input.result.plan;
  const date = options.date ?? todaySerial(io.now());
  if (plan.jbps.length === 0) throw new CliError(`${path.basename(file)} has no JBP to review: no sheet has JBP headers (ID, Objective, Q1 target, FY target)`, 2);
  const reviews: JbpReview[] = plan.jbps.map((jbp) => {
    const rows = quarterlyReviewRows(jbp, date, plan.settings, options.comments);
    if (rows === null) throw new CliError(`'${jbp.position.sheet}' has no Year and no Period start, so its quarters are unknown: type its Year (such as ${isoFromSerial(date).slice(0, 4)}) first. Nothing was written.`, 2);
    const grid = input.grids.find((g) => g.name === jbp.position.sheet)!;
    return { jbp, rows, lastReview: lastReviewCell(grid, jbp) };
  });
  // A comment is for an objective of some JBP; one that fits none is a typing mistake.
  const ids = new Set(reviews.flatMap((r) => r.rows.map((x) => x.objectiveId.trim().toLowerCase())));
  const unknown = Object.keys(options.comments).filter((id) => !ids.has(id.trim().toLowerCase()));
  if (unknown.length > 0) {
    throw new CliError(`--comment ${unknown.join(", ")}: no objective with ${unknown.length === 1 ? "that ID" : "those IDs"} in ${reviews.map((r) => `'${r.jbp.position.sheet}'`).join(", ")}; nothing was written`, 2);
  }
  const append = reviews.flatMap((r) => r.rows);
  const log = readQuarterlyReviews(input.grids);
  const gone = replacedQuarterlyRows(log.rows, append);
  const kept = keepEarlierComments(append, gone.map((i) => log.rows[i]), "objectiveId");
  const remove = new Set(gone.map((i) => log.sheetRows[i]));

  let logSheet = log.position?.sheet ?? "";
  const bytes = await rewriteWorkbook(input.bytes, (workbook) => {
    for (const r of reviews) {
      if (!r.lastReview) continue;
      const cell = workbook.getWorksheet(r.jbp.position.sheet)!.getCell(r.lastReview.row + 1, r.lastReview.col + 1);
      cell.value = date;
      cell.numFmt = DATE_FORMAT;
    }
    if (log.position) {
      const ws = workbook.getWorksheet(log.position.sheet);
      if (!ws) throw new Error(`The Quarterly Reviews sheet '${log.position.sheet}' is not in the workbook`);
      try {
        editLogTable(ws, { position: log.position, remove, append: append.map((row) => ({ ...row })), formats: FORMATS });
      } catch (e) {
        if (e instanceof LogTableError) throw new CliError(`${e.message}; nothing was written`, 2);
        throw e;
      }
      return;
    }
    // A workbook without the table gets it, on a sheet of its own after the Review Log.
    const names = workbookNames(workbook);
    const spec = buildTableSheetSpec(QUARTERLY_REVIEW, { sheetName: names.sheetName(QUARTERLY_REVIEW.defaultSheetName), tableName: names.tableName(QUARTERLY_REVIEW.tableName), rows: append.map((row) => ({ ...row })), minRows: TEMPLATE_REVIEW_ROWS });
    logSheet = spec.sheetName;
    const after = readReviewLog(input.grids).position?.sheet ?? null;
    return addSheetSpec(workbook, spec, after).columns;
  });
  await writeOutputFile(out, bytes, options.force);

  const lines = [`Recorded the quarterly review of ${isoFromSerial(date)} in '${logSheet}'${log.position ? "" : " (a new sheet)"}:`];
  for (const r of reviews) {
    const quarter = r.rows[0]?.quarter;
    const about = quarter ? `${quarter} ${r.jbp.header.year ?? ""}`.trim() : "no quarter";
    lines.push(`  '${r.jbp.position.sheet}' (${r.jbp.header.distributor || "no distributor"}, ${about}): ${r.rows.length === 0 ? "no objectives to record" : `${plural(r.rows.length, "objective")}, ${colours(r.rows)} by YTD attainment`}`);
    const missing = r.rows.filter((x) => x.quarterActual === null).map((x) => x.objectiveId);
    if (missing.length > 0 && quarter) lines.push(`    ${quarter} actual is empty for ${missing.join(", ")}: the YTD figures leave ${quarter} out for ${missing.length === 1 ? "it" : "them"}.`);
    lines.push(r.lastReview ? `    Set its Last quarterly review to ${isoFromSerial(date)}.` : `    Its header has no 'Last quarterly review' cell: the date is in the table only.`);
  }
  if (gone.length > 0) {
    const k = kept > 0 ? `, keeping ${kept === 1 ? "the comment" : `${kept} comments`} given then` : "";
    lines.push(`Replaced the ${plural(gone.length, "row")} this review already had (recorded again on the same date)${k}.`);
  }
  if (input.lost) lines.push(`Note: ${input.lost} (--allow-loss).`);
  lines.push(`Wrote ${out}.`);
  io.out(terminalLines(lines));
  return 0;
}
