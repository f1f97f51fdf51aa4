/**
 * Record review in the add-in: one Review Log row per action of each current JAP, its RAG as of the
 * review date (the cycle room's reviewRows), as `jointplan review` records it on files. Recording the
 * same JAP on the same date again replaces that review's rows.
 *
 * Syncs: three to read the plan (readWorkbookState, the current JAPs' cells only: history is not
 * read, so the cost does not grow with past months), one for the key columns of the log's end
 * (review date, distributor, month: what says which rows are the same review, and where the log
 * ends; readLogTail: back to a row of an earlier month of each distributor), one to
 * write; four when the workbook has no Review Log yet (it is created, as `jointplan new` writes it).
 * The rows are written through Range.values just below the log's last row in use (the table grows
 * by auto-expansion), never through TableRowCollection.add, which conflicts when co-authoring
 * ("Avoid table row coauthoring conflicts", Coauthoring in Excel add-ins). Rows a new recording
 * replaces are overwritten in place when they end the log (the usual case: recorded again the same
 * day); elsewhere they are blanked and the new rows go at the end (Range.delete inside a table is
 * avoided for the same co-authoring reason). A comment typed at the earlier recording is not
 * carried into its replacement (reading the comments would cost the log's text): give it again.
 */
import { keepEarlierComments, reviewRows, type ReviewComments, type ReviewLogRow, sameReview } from "../plan/cycle";
import { REVIEW_LOG, type TableLayout } from "../plan/layouts";
import { cellA1, cellNumber, cellText, distributorKey, isoFromSerial, japStandings, positionFromAddress, serialFromIso, splitSheetRef, todaySerial, type TablePosition, toCellValue } from "../plan/model";
import { columnKeyMap, headerKey, readPlan } from "../plan/read";
import { buildTableSheetSpec, PlanNames, TEMPLATE_REVIEW_ROWS } from "../plan/sheets";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { restoreEvents } from "./quietWrites";
import { removeAdded } from "./removeAdded";
import { inputGrids, isPlanHeader, readWorkbookState, type WorkbookState } from "./readWorkbookState";
import { capabilities } from "./requirements";
import { indexRuns, ReadCost, readRects } from "./sheetReads";
import { type CellInput, writeUserRows } from "./userText";
import { hasSignature } from "./workbookIndex";
import { queueSheetSpec } from "./writeSheetSpec";

export interface RecordReviewOptions {
  /** Comments typed in the meeting, by action ID. */
  comments?: ReviewComments;
  /** The review date, YYYY-MM-DD; today when not given. */
  date?: string;
}

export interface RecordReviewOutcome {
  message: string;
  /** The Review Log's sheet. */
  sheetName: string;
  /** The review date (a date serial). */
  date: number;
  /** Rows recorded, over every current JAP. */
  recorded: number;
  /** Rows of the same review that were replaced. */
  replaced: number;
}

/** The workbook's Review Log table with its position by column key, or null. */
export function reviewLogTable(state: Pick<WorkbookState, "tables">): { name: string; position: TablePosition } | null {
  const keys = columnKeyMap(REVIEW_LOG);
  const t = state.tables.find((x) => hasSignature(x.headers, REVIEW_LOG) && !isPlanHeader(x.headers));
  if (!t) return null;
  const position = positionFromAddress(t.sheet, splitSheetRef(t.address).local, t.headers.map((h) => keys.get(headerKey(h))));
  return position ? { name: t.name, position } : null;
}

/** The key of one log row as read: null where the cell is blank or not a day. */
export interface LogKey {
  date: number | null;
  distributor: string;
  month: number | null;
  blank: boolean;
}

const day = (v: unknown): number | null => {
  const n = cellNumber(toCellValue(v, "Untyped"));
  return n === null ? null : Math.floor(n);
};

/** The log's last key rows read (LogTail.keys[i] is data row `from + i`) and its length. */
export interface LogTail {
  /** Index (0-based, among the data rows) of the first row read. */
  from: number;
  keys: LogKey[];
  /** The table's data rows, read or not. */
  rows: number;
}

/** Rows read the first time: enough for the usual case, with a margin. */
export const TAIL_MARGIN = 64;

/**
 * Reads the key columns of the log's last data rows, from the end up, until `enough(tail)` says
 * what was read holds what the command needs, or the log's first row is reached. The log is in the
 * order reviews were recorded (the add-in and the command line only append, and replace a review
 * in place), so what a command needs of it (the rows of a review recorded again, whether this
 * month was reviewed, a distributor's last reviews) is at its end, however many months lie above.
 * The first read takes `first` rows (one sync, more only past the response budget); each further
 * read twice as many as the one before, so even a log read to its top costs a few syncs. One
 * rectangle across the key columns, so that every slice costs what the first one measured.
 */
export async function readLogTail(context: Excel.RequestContext, position: TablePosition, first: number, enough: (tail: LogTail) => boolean): Promise<LogTail> {
  const rows = Math.max(0, position.lastRow - position.headerRow);
  const keys = (["date", "distributor", "month"] as const).filter((k) => position.columns[k] !== undefined);
  if (keys.length === 0) return { from: 0, keys: Array.from({ length: rows }, () => ({ date: null, distributor: "", month: null, blank: true })), rows };
  const cols = keys.map((k) => position.columns[k]!);
  const left = Math.min(...cols);
  const at = (k: (typeof keys)[number]): number => (position.columns[k] === undefined ? -1 : position.columns[k]! - left);
  const [dateAt, distributorAt, monthAt] = [at("date"), at("distributor"), at("month")];
  const tail: LogTail = { from: rows, keys: [], rows };
  const cost = new ReadCost();
  let size = Math.max(1, first);
  while (tail.from > 0) {
    const start = Math.max(0, tail.from - size);
    const chunk: LogKey[] = [];
    await readRects(context, [{ sheet: position.sheet, row: position.headerRow + 1 + start, col: left, rows: tail.from - start, cols: Math.max(...cols) - left + 1, onValues: (_row, values) => {
      // A loop, not push(...): a slice may hold more rows than a call's arguments may.
      for (const r of values) {
        const cell = (i: number): unknown => (i < 0 ? null : r[i]);
        const blank = [cell(dateAt), cell(distributorAt), cell(monthAt)].every((v) => v === undefined || v === null || v === "");
        chunk.push({ date: day(cell(dateAt)), distributor: cellText(toCellValue(cell(distributorAt) ?? null, "Untyped")), month: day(cell(monthAt)), blank });
      }
    } }], cost);
    tail.keys = chunk.concat(tail.keys);
    tail.from = start;
    // Blank rows at the table's end (a new log has some) say nothing: at least one row in use.
    if (tail.keys.some((k) => !k.blank) && enough(tail)) break;
    size *= 2;
  }
  return tail;
}

/** The log's extent for queueLogRows: its data rows, and those up to the last one in use. */
export function logExtent(tail: { from: number; keys: readonly Pick<LogKey, "blank">[]; rows: number }): { rows: number; used: number } {
  let used = tail.keys.length;
  while (used > 0 && tail.keys[used - 1].blank) used--;
  return { rows: tail.rows, used: used === 0 ? tail.from : tail.from + used };
}

/**
 * True when the tail reaches, for each distributor and month, a row of an earlier month of that
 * distributor (or a row of that month when `sameMonth`): above it the log holds earlier months only.
 */
export function tailReachesMonths(tail: LogTail, wanted: readonly { distributor: string; month: number | null }[], sameMonth = false): boolean {
  return wanted.every((w) => w.month !== null && tail.keys.some((k) => k.month !== null && distributorKey(k.distributor) === distributorKey(w.distributor) && (k.month < w.month! || (sameMonth && k.month === w.month))));
}

/** The ID (an action's, or an objective's) and comment of a log's data rows `at` (indices), read in one sync (more only past the response budget). */
export async function readComments<K extends "actionId" | "objectiveId">(context: Excel.RequestContext, p: TablePosition, at: readonly number[], key: K): Promise<({ comment: string } & Record<K, string>)[]> {
  const idCol = p.columns[key];
  const commentCol = p.columns.comment;
  if (idCol === undefined || commentCol === undefined) return [];
  const out = new Map<number, { id: string; comment: string }>();
  const text = (v: unknown): string => cellText(toCellValue(v ?? null, "Untyped"));
  const reads = indexRuns(at).flatMap(([first, n]) =>
    (["id", "comment"] as const).map((k) => ({
      sheet: p.sheet,
      row: p.headerRow + 1 + first,
      col: k === "id" ? idCol : commentCol,
      rows: n,
      cols: 1,
      onValues: (row: number, values: unknown[][]) =>
        values.forEach((v, j) => {
          const i = row - p.headerRow - 1 + j;
          const cur = out.get(i) ?? { id: "", comment: "" };
          out.set(i, { ...cur, [k]: text(v[0]) });
        }),
    })),
  );
  await readRects(context, reads, new ReadCost());
  return [...out.values()].map((r) => ({ comment: r.comment, [key]: r.id }) as { comment: string } & Record<K, string>);
}

/** A log row as the table's columns hold it, left to right; "" for blanks so an overwrite clears. */
function logCells(layout: TableLayout, row: Record<string, unknown>, position: TablePosition, firstCol: number, width: number): CellInput[] {
  const out: CellInput[] = new Array<CellInput>(width).fill(null);
  for (const c of layout.columns) {
    const col = position.columns[c.key];
    if (col === undefined) continue;
    const v = row[c.key] as CellInput | undefined;
    out[col - firstCol] = v === null || v === undefined ? "" : v;
  }
  return out;
}

export function reviewDate(date: string | undefined): number {
  if (date === undefined || date.trim() === "") return todaySerial(new Date());
  const d = /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? serialFromIso(date.trim()) : null;
  if (d === null) throw new JointPlanError("invalidInput", `'${date}' is not a review date. Give it as YYYY-MM-DD, for example 2026-03-31; nothing was recorded.`);
  return d;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function recordReview(options: RecordReviewOptions = {}): Promise<RecordReviewOutcome> {
  const date = reviewDate(options.date);
  const comments = options.comments ?? {};
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false, currentJapsOnly: true });
    const plan = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    const current = japStandings(plan).filter((s) => s.current);
    if (current.length === 0) throw new JointPlanError("noPlan", "There is no JAP to review. Insert a JAP template (or the sample plan) first; nothing was recorded.");
    const reviews = current.map((s) => reviewRows(plan, s.jap, date, comments));
    const unknown = Object.keys(comments).filter((id) => reviews.every((r) => r.unknownComments.includes(id)));
    if (unknown.length > 0) throw new JointPlanError("invalidInput", `A comment is given for ${unknown.join(", ")}, which no current JAP has; nothing was recorded.`);
    const rows = reviews.flatMap((r) => r.rows);

    const log = reviewLogTable(state);
    // The log's end, up to a row of an earlier month of every current JAP's distributor: the rows of
    // this review, recorded again, can only be below it.
    const months = current.map((s) => ({ distributor: s.cycle.distributor, month: s.cycle.month }));
    const tail: LogTail = log ? await readLogTail(context, log.position, 2 * rows.length + TAIL_MARGIN, (t) => tailReachesMonths(t, months)) : { from: 0, keys: [], rows: 0 };
    const firstRows = reviews.map((r) => r.rows[0]).filter((r): r is ReviewLogRow => r !== undefined);
    const gone = tail.keys.flatMap((k, i) => (k.date !== null && firstRows.some((f) => sameReview(f, { date: k.date!, distributor: k.distributor, month: k.month })) ? [tail.from + i] : []));
    // The same review recorded again keeps the comments typed then (one more read, of its rows only).
    const kept = log && gone.length > 0 ? keepEarlierComments(rows, await readComments(context, log.position, gone, "actionId"), "actionId") : 0;

    try {
      if (caps.enableEvents) context.runtime.enableEvents = false;
      const batcher = new Batcher(context);
      let sheetName: string;
      if (log) {
        sheetName = log.position.sheet;
        await queueLogRows(context, batcher, REVIEW_LOG, log.position, logExtent(tail), gone, rows);
      } else {
        const names = new PlanNames(state.sheets.map((s) => s.name), [...state.names, ...state.tables.map((t) => t.name)]);
        const spec = buildTableSheetSpec(REVIEW_LOG, { sheetName: names.sheetName(REVIEW_LOG.defaultSheetName), tableName: names.tableName(REVIEW_LOG.tableName), rows: rows.map((r) => ({ ...r })), minRows: TEMPLATE_REVIEW_ROWS });
        sheetName = spec.sheetName;
        await queueSheetSpec(context, context.workbook.worksheets.add(spec.sheetName), spec, batcher);
      }
      if (caps.enableEvents) context.runtime.enableEvents = true;
      await context.sync();
      const withoutId = reviews.reduce((n, r) => n + r.withoutId, 0);
      const parts = [`Recorded the review of ${isoFromSerial(date)}: ${plural(rows.length, "action")} of ${plural(current.length, "current JAP")} in '${sheetName}'${log ? "" : " (a new sheet)"}.`];
      if (gone.length > 0) parts.push(`Replaced the ${plural(gone.length, "row")} this review already had (recorded again on the same date)${kept > 0 ? `, keeping ${kept === 1 ? "the comment" : `${kept} comments`} given then` : ""}.`);
      if (withoutId > 0) parts.push(`${plural(withoutId, "row")} without an ID left out: give ${withoutId === 1 ? "it an ID" : "them IDs"} to follow ${withoutId === 1 ? "it" : "them"} from month to month.`);
      return { message: parts.join(" "), sheetName, date, recorded: rows.length, replaced: gone.length };
    } catch (e) {
      if (caps.enableEvents) await restoreEvents(context);
      if (!log) await removeAdded(context, [REVIEW_LOG.defaultSheetName].filter((n) => !state.sheets.some((s) => s.name === n)), []);
      throw e;
    }
  });
}

/**
 * Queues the new rows into an existing log: over the replaced rows when they end the log, else
 * after the last row in use (the replaced ones blanked); rows past the table's end are written just
 * below it, so the table takes them in.
 */
export async function queueLogRows(context: Excel.RequestContext, batcher: Batcher, layout: TableLayout, p: TablePosition, extent: { rows: number; used: number }, gone: number[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(p.sheet);
  const cols = Object.values(p.columns);
  const firstCol = Math.min(...cols);
  const width = Math.max(...cols) - firstCol + 1;
  const firstData = p.headerRow + 1;
  const used = extent.used;
  const tail = gone.length > 0 && gone.every((g, i) => g === used - gone.length + i);
  const blankRow = (): CellInput[] => logCells(layout, {}, p, firstCol, width);
  let start = used;
  if (tail) start = used - gone.length;
  else for (const g of gone) await writeUserRows(batcher, sheet, rowsAddress(firstData + g, firstCol, 1, width), [blankRow()]);
  const out: CellInput[][] = rows.map((r) => logCells(layout, r, p, firstCol, width));
  // Replaced rows the new recording does not reach are cleared.
  while (start + out.length < used) out.push(blankRow());
  const inside = Math.max(0, Math.min(out.length, extent.rows - start));
  if (inside > 0) await writeUserRows(batcher, sheet, rowsAddress(firstData + start, firstCol, inside, width), out.slice(0, inside));
  if (out.length > inside) await writeUserRows(batcher, sheet, rowsAddress(p.lastRow + 1, firstCol, out.length - inside, width), out.slice(inside));
}

const rowsAddress = (row: number, col: number, rows: number, width: number): string => `${cellA1(row, col)}:${cellA1(row + rows - 1, col + width - 1)}`;
