/**
 * The Review Log's recent reviews, read in two syncs whatever the log's length (more only past the
 * response budget): the key columns (date, distributor, month) of its end (readLogTail: the rows
 * of one more review than wanted of each distributor), then only the rows of each wanted
 * distributor's last reviews: whole rows for the last FULL_REVIEWS (what changed needs status, due
 * and names), the action ID and RAG alone for the TREND_REVIEWS before them (the colours of a trend).
 * The Review tab and the Meeting pack read the log this way, so neither grows with past months.
 */
import { readReviewLog, type ReviewLogRow } from "../plan/cycle";
import { cellText, distributorKey, matchRag, toCellValue } from "../plan/model";
import type { WorkbookState } from "./readWorkbookState";
import { type LogKey, readLogTail, reviewLogTable, TAIL_MARGIN } from "./recordReview";
import { indexRuns, ReadCost, readRects } from "./sheetReads";

/** Reviews of each distributor read back for the trend (the pane shows the last few colours of an action). */
export const TREND_REVIEWS = 6;
/** Reviews read back whole (the last one, and the one before when the last is today's). */
export const FULL_REVIEWS = 2;

/** The data-row indices of the last `n` reviews of each distributor in `want` (by key). */
export function lastReviewRows(keys: readonly LogKey[], want: ReadonlySet<string>, n = TREND_REVIEWS): number[] {
  // A review is a date and a month (two months reviewed the same day are two reviews, as sameReview has it).
  const reviews = new Map<string, Map<string, [number, number]>>();
  for (const k of keys) {
    const d = distributorKey(k.distributor);
    if (k.date === null || !want.has(d)) continue;
    const of = reviews.get(d) ?? reviews.set(d, new Map()).get(d)!;
    of.set(`${k.date}/${k.month}`, [k.date, k.month ?? 0]);
  }
  const keep = new Map([...reviews].map(([d, m]) => [d, new Set([...m].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1]).slice(-n).map(([key]) => key))]));
  return keys.flatMap((k, i) => (k.date !== null && keep.get(distributorKey(k.distributor))?.has(`${k.date}/${k.month}`) ? [i] : []));
}

export interface RecentReviews {
  log: ReturnType<typeof reviewLogTable>;
  /** The key of every data row of the log's end that was read (readLogTail: the rows of more than the reviews wanted). */
  keys: LogKey[];
  /** The rows of the wanted distributors' recent reviews (trend-only rows carry ID and RAG alone). */
  rows: ReviewLogRow[];
}

/**
 * True when the log's end holds more than `n` reviews (on or before `until`) of each distributor
 * in `want`: the last `n` of each are then read whole (the log is in recording order, readLogTail).
 */
export function tailHoldsReviews(keys: readonly LogKey[], want: ReadonlySet<string>, n = TREND_REVIEWS, until?: number): boolean {
  const seen = new Map<string, Set<string>>();
  for (const k of keys) {
    if (k.date === null || (until !== undefined && k.date > until)) continue;
    const d = distributorKey(k.distributor);
    if (want.has(d)) (seen.get(d) ?? seen.set(d, new Set()).get(d)!).add(`${k.date}/${k.month}`);
  }
  return [...want].every((d) => (seen.get(d)?.size ?? 0) > n);
}

/**
 * The recent reviews of the distributors in `want` (by distributorKey), none after `until` when
 * given. `reviewRows` is about the rows a review has (the current JAPs' actions): the log's end
 * is first read for one more review than wanted, and further only when that does not hold them.
 */
export async function readRecentReviews(context: Excel.RequestContext, state: Pick<WorkbookState, "tables">, want: ReadonlySet<string>, until?: number, reviewRows = 0): Promise<RecentReviews> {
  const log = reviewLogTable(state);
  let rows: ReviewLogRow[] = [];
  const keys = log ? (await readLogTail(context, log.position, (TREND_REVIEWS + 1) * reviewRows + TAIL_MARGIN, (t) => tailHoldsReviews(t.keys, want, TREND_REVIEWS, until))).keys : [];
  const from = log ? Math.max(0, log.position.lastRow - log.position.headerRow - keys.length) : 0;
  // Reviews after `until` are not wanted (a pack as of an earlier day): they are left unread.
  const asked = until === undefined ? keys : keys.map((k) => (k.date !== null && k.date > until ? { ...k, date: null } : k));
  if (log && keys.length > 0) {
    const p = log.position;
    const cols = Object.values(p.columns);
    const first = Math.min(...cols);
    const width = Math.max(...cols) - first + 1;
    // Whole rows for the last two reviews (what changed needs status, due, names), the action ID
    // and RAG alone for the ones before (the colours of the trend): the read stays small.
    const full = lastReviewRows(asked, want, FULL_REVIEWS);
    const isFull = new Set(full);
    const light = lastReviewRows(asked, want).filter((i) => !isFull.has(i));
    const picked: unknown[][] = [];
    const header = state.tables.find((t) => t.name === log.name)!.headers;
    const lightCells = new Map<number, { actionId?: unknown; rag?: unknown }>();
    const lightReads = (["actionId", "rag"] as const).flatMap((k) => {
      const col = p.columns[k];
      if (col === undefined) return [];
      return indexRuns(light).map(([at, n]) => ({ sheet: p.sheet, row: p.headerRow + 1 + from + at, col, rows: n, cols: 1, onValues: (row: number, values: unknown[][]) => {
        values.forEach((v, j) => {
          const i = row - p.headerRow - 1 - from + j;
          lightCells.set(i, { ...lightCells.get(i), [k]: v[0] });
        });
      } }));
    });
    await readRects(
      context,
      [
        ...indexRuns(full).map(([at, n]) => ({ sheet: p.sheet, row: p.headerRow + 1 + from + at, col: first, rows: n, cols: width, onValues: (_row: number, values: unknown[][]) => {
          for (const v of values) picked.push(v);
        } })),
        ...lightReads,
      ],
      new ReadCost(),
    );
    // The rows read, under the table's own headers, as the core reads a log.
    const values = [header, ...picked].map((r) => r.map((v) => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null)));
    rows = readReviewLog([{ name: p.sheet, values, tables: [{ headerRow: 0, lastRow: picked.length, col: 0, lastCol: width - 1 }] }]).rows;
    for (const i of light) {
      const k = keys[i];
      const c = lightCells.get(i);
      const actionId = cellText(toCellValue(c?.actionId ?? null, "Untyped")).trim();
      if (k.date === null || actionId === "") continue;
      rows.push({ date: k.date, distributor: k.distributor, month: k.month, actionId, action: "", owner: "", status: null, pctComplete: null, due: null, actual: null, target: null, rag: matchRag(cellText(toCellValue(c?.rag ?? null, "Untyped"))) ?? "Grey", ragOverride: null, overrideReason: "", comment: "" });
    }
  }
  return { log, keys, rows };
}
