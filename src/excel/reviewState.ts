/**
 * What the task pane's Review tab shows, read in five syncs whatever the log's length: the plan
 * (three: the current JAPs' cells only), the Review Log's key columns (one), then only the rows of each current distributor's last
 * reviews (one, more only past the response budget): whole rows for the last two, the action ID and
 * RAG for the four before. From them the cycle room computes what changed
 * since the last review (the plan as it stands today against the last recorded review), each
 * action's last colours and the plan's trend. Nothing is written.
 */
import { actionTrends, planTrend, readReviewLog, reviewChanges, reviewRows, reviewsOf, type ReviewChanges, type ReviewLogRow, type TrendPoint } from "../plan/cycle";
import { cellText, distributorKey, isoFromSerial, japStandings, matchRag, type Rag, todaySerial, toCellValue } from "../plan/model";
import { readPlan } from "../plan/read";
import { runExcel } from "./context";
import { inputGrids, readWorkbookState } from "./readWorkbookState";
import { type LogKey, readLogKeys, reviewLogTable } from "./recordReview";
import { capabilities } from "./requirements";
import { ReadCost, readRects } from "./sheetReads";

/** Reviews of each distributor read back for the trend (the pane shows the last few colours of an action). */
export const TREND_REVIEWS = 6;
/** Reviews read back whole (the last one, and the one before when the last is today's). */
export const FULL_REVIEWS = 2;

export interface ReviewAction {
  id: string;
  action: string;
  owner: string;
  /** The RAG as of today. */
  rag: Rag;
  /** Its colours at the last reviews, oldest first. */
  trend: { date: number; rag: Rag }[];
}

export interface JapReview {
  sheet: string;
  distributor: string;
  /** "2026-03", or "" when the JAP has no month. */
  month: string;
  /** True when the Review Log has a review of this JAP's month. */
  reviewed: boolean;
  /** The date of the last review recorded for this distributor, or null. */
  lastReview: number | null;
  actions: ReviewAction[];
  /** Today's plan against the last review (not one of this month recorded today); null when there is none. */
  changes: ReviewChanges | null;
  /** The plan's counts at each review read, oldest first. */
  trend: TrendPoint[];
}

export interface ReviewState {
  today: number;
  japs: JapReview[];
  /** The Review Log's sheet, or null when there is none yet. */
  logSheet: string | null;
}

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

/** Consecutive indices as [first, count] runs. */
function runs(indices: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indices) {
    const last = out.at(-1);
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

export async function getReviewState(): Promise<ReviewState> {
  const caps = capabilities();
  const today = todaySerial(new Date());
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false, currentJapsOnly: true });
    const plan = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    const current = japStandings(plan).filter((s) => s.current);
    const log = reviewLogTable(state);
    let rows: ReviewLogRow[] = [];
    const keys = log ? await readLogKeys(context, log.position) : [];
    if (log && keys.length > 0) {
      const p = log.position;
      const cols = Object.values(p.columns);
      const first = Math.min(...cols);
      const width = Math.max(...cols) - first + 1;
      const want = new Set(current.map((s) => distributorKey(s.cycle.distributor)));
      // Whole rows for the last two reviews (what changed needs status, due, names), the action ID
      // and RAG alone for the ones before (the colours of the trend): the read stays small.
      const full = lastReviewRows(keys, want, FULL_REVIEWS);
      const isFull = new Set(full);
      const light = lastReviewRows(keys, want).filter((i) => !isFull.has(i));
      const picked: unknown[][] = [];
      const header = state.tables.find((t) => t.name === log.name)!.headers;
      const lightCells = new Map<number, { actionId?: unknown; rag?: unknown }>();
      const lightReads = (["actionId", "rag"] as const).flatMap((k) => {
        const col = p.columns[k];
        if (col === undefined) return [];
        return runs(light).map(([at, n]) => ({ sheet: p.sheet, row: p.headerRow + 1 + at, col, rows: n, cols: 1, onValues: (row: number, values: unknown[][]) => {
          values.forEach((v, j) => {
            const i = row - p.headerRow - 1 + j;
            lightCells.set(i, { ...lightCells.get(i), [k]: v[0] });
          });
        } }));
      });
      await readRects(
        context,
        [
          ...runs(full).map(([at, n]) => ({ sheet: p.sheet, row: p.headerRow + 1 + at, col: first, rows: n, cols: width, onValues: (_row: number, values: unknown[][]) => {
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
    const japs = current.map((s): JapReview => {
      const distributor = s.cycle.distributor;
      const mine = rows.filter((r) => distributorKey(r.distributor) === distributorKey(distributor));
      const now = reviewRows(plan, s.jap, today);
      const trends = actionTrends(mine, distributor);
      // Today's plan against the last review, but for one of this month recorded today: that one is
      // today's plan itself (after Start next month, last month's review of today is the one to compare with).
      const before = reviewsOf(mine.filter((r) => !(r.date === today && r.month === s.cycle.month)), distributor).at(-1);
      const changes = before ? reviewChanges(before, { date: today, distributor, rows: now.rows }) : null;
      const lastReview = mine.reduce<number | null>((m, r) => (m === null || r.date > m ? r.date : m), null);
      return {
        sheet: s.jap.position.sheet,
        distributor,
        month: s.cycle.month === null ? "" : isoFromSerial(s.cycle.month).slice(0, 7),
        reviewed: keys.some((k) => k.month === s.cycle.month && distributorKey(k.distributor) === distributorKey(distributor)),
        lastReview,
        actions: now.rows.map((r) => ({ id: r.actionId, action: r.action, owner: r.owner, rag: r.rag, trend: trends.get(r.actionId.trim().replace(/\s+/g, " ").toLowerCase()) ?? [] })),
        changes,
        trend: planTrend(mine, distributor),
      };
    });
    return { today, japs, logSheet: log?.position.sheet ?? null };
  });
}
