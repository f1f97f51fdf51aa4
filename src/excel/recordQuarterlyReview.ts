/**
 * Record quarterly review: the quarterly JBP review in the user's workbook. One row per objective of
 * each JBP goes to the Quarterly Reviews table (the cycle room's quarterlyReviewRows: the quarter
 * last ended by the review date, the YTD figures by the pro-rata rule, the attainment's RAG), written
 * below the table's last row in use as Record review writes the Review Log (user text stays text);
 * the same JBP's same quarter recorded on the same date replaces its rows, keeping the comments given
 * then; each JBP's "Last quarterly review" is set to the review date. Five syncs whatever the number
 * of objectives and past quarters: read the plan as Record review does (three), the table's key
 * columns (one), write (one); one more to read the comments of a review being replaced; four without
 * the table, which is then added on a sheet of its own.
 */
import { keepEarlierComments, lastReviewCell, quarterlyReviewRows, replacedQuarterlyRows, type QuarterlyReviewRow } from "../plan/cycle";
import { JBP, QUARTERLY_REVIEW } from "../plan/layouts";
import { cellA1, cellNumber, cellText, isoFromSerial, positionFromAddress, splitSheetRef, type TablePosition, toCellValue } from "../plan/model";
import { columnKeyMap, headerKey, readPlan } from "../plan/read";
import { buildTableSheetSpec, PlanNames, TEMPLATE_REVIEW_ROWS } from "../plan/sheets";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { restoreEvents } from "./quietWrites";
import { removeAdded } from "./removeAdded";
import { inputGrids, isPlanHeader, readWorkbookState, type WorkbookState } from "./readWorkbookState";
import { logExtent, queueLogRows, readComments, reviewDate } from "./recordReview";
import { capabilities } from "./requirements";
import { ReadCost, readRects } from "./sheetReads";
import { hasSignature } from "./workbookIndex";
import { queueSheetSpec } from "./writeSheetSpec";

export interface RecordQuarterlyReviewOptions {
  /** Comments from the meeting, by objective ID. */
  comments?: Record<string, string>;
  /** The review date, YYYY-MM-DD; today when not given. */
  date?: string;
}

export interface RecordQuarterlyReviewOutcome {
  message: string;
  /** The Quarterly Reviews sheet. */
  sheetName: string;
  date: number;
  /** Rows recorded, over every JBP. */
  recorded: number;
  replaced: number;
}

const DATE_FORMAT = JBP.headerBlock.find((f) => f.key === "lastReview")!.numberFormat;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The workbook's Quarterly Reviews table with its position by column key, or null. */
function quarterlyTable(state: Pick<WorkbookState, "tables">): { name: string; position: TablePosition } | null {
  const keys = columnKeyMap(QUARTERLY_REVIEW);
  const t = state.tables.find((x) => hasSignature(x.headers, QUARTERLY_REVIEW) && !isPlanHeader(x.headers));
  if (!t) return null;
  const position = positionFromAddress(t.sheet, splitSheetRef(t.address).local, t.headers.map((h) => keys.get(headerKey(h))));
  return position ? { name: t.name, position } : null;
}

type QuarterlyKey = Pick<QuarterlyReviewRow, "date" | "distributor" | "year" | "quarter"> & { blank: boolean };

/** The key columns of every data row (date, distributor, year, quarter): one rectangle, one sync. */
async function readQuarterlyKeys(context: Excel.RequestContext, p: TablePosition): Promise<QuarterlyKey[]> {
  const keys = (["date", "distributor", "year", "quarter"] as const).filter((k) => p.columns[k] !== undefined);
  const rows = p.lastRow - p.headerRow;
  if (keys.length === 0 || rows <= 0) return Array.from({ length: Math.max(0, rows) }, () => ({ date: NaN, distributor: "", year: null, quarter: "Q1", blank: true }));
  const cols = keys.map((k) => p.columns[k]!);
  const left = Math.min(...cols);
  const at = (k: (typeof keys)[number]): number => (p.columns[k] === undefined ? -1 : p.columns[k]! - left);
  const out: QuarterlyKey[] = [];
  await readRects(context, [{ sheet: p.sheet, row: p.headerRow + 1, col: left, rows, cols: Math.max(...cols) - left + 1, onValues: (_row, values) => {
    for (const r of values) {
      const cell = (k: (typeof keys)[number]) => toCellValue((at(k) < 0 ? null : r[at(k)]) ?? null, "Untyped");
      const date = cellNumber(cell("date"));
      const quarter = cellText(cell("quarter")).trim().toUpperCase();
      const blank = ["date", "distributor", "year", "quarter"].every((k) => cellText(cell(k as (typeof keys)[number])).trim() === "");
      // A row whose key cannot be a review's (no date, no quarter) never matches one.
      out.push({ date: date === null ? NaN : Math.floor(date), distributor: cellText(cell("distributor")), year: cellNumber(cell("year")), quarter: (/^Q[1-4]$/.test(quarter) ? quarter : "Q1") as QuarterlyKey["quarter"], blank });
    }
  } }], new ReadCost());
  return out;
}

export async function recordQuarterlyReview(options: RecordQuarterlyReviewOptions = {}): Promise<RecordQuarterlyReviewOutcome> {
  const date = reviewDate(options.date);
  const comments = options.comments ?? {};
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false, currentJapsOnly: true });
    const grids = inputGrids(state);
    const plan = readPlan(grids, { dateOrder: state.dateOrder });
    if (plan.jbps.length === 0) throw new JointPlanError("noPlan", "There is no JBP to review. Insert a JBP template (or the sample plan) first; nothing was recorded.");
    const reviews = plan.jbps.map((jbp) => {
      const rows = quarterlyReviewRows(jbp, date, plan.settings, comments);
      if (rows === null) throw new JointPlanError("invalidInput", `'${jbp.position.sheet}' has no Year and no Period start, so its quarters are unknown: type its Year (such as ${isoFromSerial(date).slice(0, 4)}) first; nothing was recorded.`);
      const grid = grids.find((g) => g.name === jbp.position.sheet);
      return { jbp, rows, lastReview: grid ? lastReviewCell(grid, jbp) : null };
    });
    const ids = new Set(reviews.flatMap((r) => r.rows.map((x) => x.objectiveId.trim().toLowerCase())));
    const unknown = Object.keys(comments).filter((id) => !ids.has(id.trim().toLowerCase()));
    if (unknown.length > 0) throw new JointPlanError("invalidInput", `A comment is given for ${unknown.join(", ")}, which no JBP has as an objective; nothing was recorded.`);
    const rows = reviews.flatMap((r) => r.rows);

    const table = quarterlyTable(state);
    const keys = table ? await readQuarterlyKeys(context, table.position) : [];
    const gone = replacedQuarterlyRows(keys, rows);
    const kept = table && gone.length > 0 ? keepEarlierComments(rows, await readComments(context, table.position, gone, "objectiveId"), "objectiveId") : 0;

    let sheetName = table?.position.sheet ?? "";
    try {
      if (caps.enableEvents) context.runtime.enableEvents = false;
      const batcher = new Batcher(context);
      for (const r of reviews) {
        if (!r.lastReview) continue;
        const cell = context.workbook.worksheets.getItem(r.jbp.position.sheet).getRange(cellA1(r.lastReview.row, r.lastReview.col));
        cell.values = [[date]];
        cell.numberFormat = [[DATE_FORMAT]];
      }
      if (table) {
        await queueLogRows(context, batcher, QUARTERLY_REVIEW, table.position, logExtent({ from: 0, keys, rows: keys.length }), gone, rows);
      } else {
        const names = new PlanNames(state.sheets.map((s) => s.name), [...state.names, ...state.tables.map((t) => t.name)]);
        const spec = buildTableSheetSpec(QUARTERLY_REVIEW, { sheetName: names.sheetName(QUARTERLY_REVIEW.defaultSheetName), tableName: names.tableName(QUARTERLY_REVIEW.tableName), rows: rows.map((r) => ({ ...r })), minRows: TEMPLATE_REVIEW_ROWS });
        sheetName = spec.sheetName;
        await queueSheetSpec(context, context.workbook.worksheets.add(spec.sheetName), spec, batcher);
      }
      if (caps.enableEvents) context.runtime.enableEvents = true;
      await context.sync();
    } catch (e) {
      if (caps.enableEvents) await restoreEvents(context);
      if (!table) await removeAdded(context, [sheetName].filter((n) => n !== "" && !state.sheets.some((s) => s.name === n)), []);
      throw e;
    }
    const about = reviews.map((r) => `'${r.jbp.position.sheet}' ${r.rows[0]?.quarter ?? ""} ${r.jbp.header.year ?? ""}`.replace(/\s+/g, " ").trim()).join(", ");
    const parts = [`Recorded the quarterly review of ${isoFromSerial(date)} (${about}): ${plural(rows.length, "objective")} in '${sheetName}'${table ? "" : " (a new sheet)"}.`];
    const missing = rows.filter((r) => r.quarterActual === null).map((r) => r.objectiveId);
    if (missing.length > 0) parts.push(`${rows[0].quarter} actual is empty for ${missing.join(", ")}: their YTD figures leave it out.`);
    if (gone.length > 0) parts.push(`Replaced the ${plural(gone.length, "row")} this review already had (recorded again on the same date)${kept > 0 ? `, keeping ${kept === 1 ? "the comment" : `${kept} comments`} given then` : ""}.`);
    if (reviews.some((r) => r.lastReview)) parts.push(`Last quarterly review set to ${isoFromSerial(date)}.`);
    return { message: parts.join(" "), sheetName, date, recorded: rows.length, replaced: gone.length };
  });
}
