/**
 * What the task pane's Review tab shows, read in five syncs whatever the log's length: the plan
 * (three: the current JAPs' cells only), the Review Log's key columns (one), then only the rows of each current distributor's last
 * reviews (one, more only past the response budget): whole rows for the last two, the action ID and
 * RAG for the four before. From them the cycle room computes what changed
 * since the last review (the plan as it stands today against the last recorded review), each
 * action's last colours and the plan's trend. Nothing is written.
 */
import { actionTrends, planTrend, reviewChanges, reviewRows, reviewsOf, type ReviewChanges, type TrendPoint } from "../plan/cycle";
import { distributorKey, isoFromSerial, japStandings, type Rag, todaySerial } from "../plan/model";
import { readPlan } from "../plan/read";
import { runExcel } from "./context";
import { inputGrids, readWorkbookState } from "./readWorkbookState";
import { readRecentReviews } from "./recentReviews";
import { capabilities } from "./requirements";

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

export async function getReviewState(): Promise<ReviewState> {
  const caps = capabilities();
  const today = todaySerial(new Date());
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false, currentJapsOnly: true });
    const plan = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    const current = japStandings(plan).filter((s) => s.current);
    const { log, keys, rows } = await readRecentReviews(context, state, new Set(current.map((s) => distributorKey(s.cycle.distributor))));
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
