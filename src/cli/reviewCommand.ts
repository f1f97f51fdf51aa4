/**
 * `jointplan review IN.xlsx OUT.xlsx`: records the monthly review of every current JAP into the
 * Review Log (one row per action, its RAG as of the review date, the meeting's comments), in a copy
 * of the input. Recording the same JAP on the same date again replaces that review's rows. The
 * rows are the cycle room's (reviewRows, reviewLogEdit); this file only places them in the file.
 */
import * as path from "path";
import type ExcelJS from "exceljs";
import { keepEarlierComments, reviewLogEdit, reviewRows, readReviewLog, type ReviewLogRow } from "../plan/cycle";
import { REVIEW_LOG, columnFormat } from "../plan/layouts";
import { isoFromSerial, japStandings, todaySerial, type JapStanding } from "../plan/model";
import { buildTableSheetSpec, PlanNames, TEMPLATE_REVIEW_ROWS, type Row } from "../plan/sheets";
import { editLogTable, LogTableError } from "../xlsx/logTable";
import { rewriteWorkbook } from "../xlsx/rewriteWorkbook";
import { addSheetSpec, tableListings } from "../xlsx/sheetEdits";
import type { ReviewOptions } from "./args";
import { CliError, type CliIo } from "./io";
import { writeOutputFile } from "./outputFile";
import { packLines, rewriteMeetingPacks } from "./meetingPackRewrite";
import { readForRewrite } from "./rewriteInput";
import { plural } from "./table";
import { terminalLines } from "./terminalText";

/** "JAP 2026-03 (Andes SA, 2026-03)": a JAP as the messages name it. */
export function japLabel(s: Pick<JapStanding, "jap" | "cycle">): string {
  const month = s.cycle.month === null ? "no month" : isoFromSerial(s.cycle.month).slice(0, 7);
  return `'${s.jap.position.sheet}' (${s.cycle.distributor || "no distributor"}, ${month})`;
}

/** The names a workbook ExcelJS loaded already uses, so a new sheet or table takes a free one. */
export function workbookNames(workbook: ExcelJS.Workbook): PlanNames {
  const defined = (workbook.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name);
  return new PlanNames(
    workbook.worksheets.map((w) => w.name),
    [...defined, ...tableListings(workbook).map((t) => t.name)],
  );
}

const LOG_FORMATS: Record<string, string> = Object.fromEntries(REVIEW_LOG.columns.map((c) => [c.key, columnFormat(REVIEW_LOG, c.key)]));

export async function runReview(file: string, out: string, options: ReviewOptions, io: CliIo): Promise<number> {
  const input = await readForRewrite(file, out, options, io);
  const plan = input.result.plan;
  const date = options.date ?? todaySerial(io.now());
  const current = japStandings(plan).filter((s) => s.current);
  if (current.length === 0) throw new CliError(`${path.basename(file)} has no JAP to review: it holds no sheet with JAP headers (ID, Action, Owner, Due, Status)`, 2);
  const reviews = current.map((s) => ({ standing: s, recorded: reviewRows(plan, s.jap, date, options.comments) }));
  // A comment is for an action of some current JAP; one that fits none is a typing mistake.
  const unknown = Object.keys(options.comments).filter((id) => reviews.every((r) => r.recorded.unknownComments.includes(id)));
  if (unknown.length > 0) {
    const where = current.map((s) => `'${s.jap.position.sheet}'`).join(", ");
    throw new CliError(`--comment ${unknown.join(", ")}: no action with ${unknown.length === 1 ? "that ID" : "those IDs"} in the current JAP${current.length === 1 ? "" : "s"} (${where}); nothing was written`, 2);
  }
  const log = readReviewLog(input.grids);
  // Each JAP's earlier rows of this same review go; indices are into the log as read.
  const remove = new Set<number>();
  let replaced = 0;
  let keptComments = 0;
  for (const { recorded } of reviews) {
    const edit = reviewLogEdit(log.rows, recorded.rows);
    replaced += edit.replaced;
    const earlier: ReviewLogRow[] = [];
    for (const [at, n] of edit.deleteRuns) {
      for (let i = at; i < at + n; i++) {
        remove.add(log.sheetRows[i]);
        earlier.push(log.rows[i]);
      }
    }
    keptComments += keepEarlierComments(recorded.rows, earlier, "actionId");
  }
  const append: Row[] = reviews.flatMap((r) => r.recorded.rows.map((row: ReviewLogRow) => ({ ...row })));
  let logSheet = log.position?.sheet ?? "";
  const bytes = await rewriteWorkbook(input.bytes, (workbook) => {
    if (log.position) {
      const ws = workbook.getWorksheet(log.position.sheet);
      if (!ws) throw new Error(`The Review Log's sheet '${log.position.sheet}' is not in the workbook`);
      try {
        editLogTable(ws, { position: log.position, remove, append, formats: LOG_FORMATS });
      } catch (e) {
        if (e instanceof LogTableError) throw new CliError(`${e.message}; nothing was written`, 2);
        throw e;
      }
      return;
    }
    // A workbook without a Review Log gets one, as `jointplan new` writes it.
    const names = workbookNames(workbook);
    const spec = buildTableSheetSpec(REVIEW_LOG, { sheetName: names.sheetName(REVIEW_LOG.defaultSheetName), tableName: names.tableName(REVIEW_LOG.tableName), rows: append, minRows: TEMPLATE_REVIEW_ROWS });
    logSheet = spec.sheetName;
    return addSheetSpec(workbook, spec, null).columns;
  });
  // The packs' "since the last review" now compares with this review: rebuilt from the file as written.
  const packs = await rewriteMeetingPacks(bytes, io.now(), false);
  await writeOutputFile(out, packs.bytes, options.force);

  const lines = [`Recorded the review of ${isoFromSerial(date)} in '${logSheet}'${log.position ? "" : " (a new sheet)"}:`];
  for (const { standing, recorded } of reviews) {
    const comments = recorded.rows.filter((r) => r.comment !== "").length;
    const parts = [recorded.rows.length === 0 ? "no actions to record" : plural(recorded.rows.length, "action")];
    if (comments > 0) parts.push(`${plural(comments, "comment")}`);
    if (recorded.withoutId > 0) parts.push(`${plural(recorded.withoutId, "row")} without an ID left out (give ${recorded.withoutId === 1 ? "it an ID" : "them IDs"} to follow ${recorded.withoutId === 1 ? "it" : "them"} from month to month)`);
    lines.push(`  ${japLabel(standing)}: ${parts.join(", ")}`);
  }
  if (replaced > 0) {
    const kept = keptComments > 0 ? `, keeping ${keptComments === 1 ? "the comment" : `${keptComments} comments`} given then` : "";
    lines.push(`Replaced the ${plural(replaced, "row")} this review already had (recorded again on the same date)${kept}.`);
  }
  lines.push(...packLines(packs));
  if (input.lost) lines.push(`Note: ${input.lost} (--allow-loss).`);
  lines.push(`Wrote ${out}.`);
  io.out(terminalLines(lines));
  return 0;
}
